package main

import "github.com/spf13/cobra"

// Stubs replaced by the signing subcommands.

func newSignCmd(std stdio) *cobra.Command   { return &cobra.Command{Use: "sign"} }
func newKeygenCmd(std stdio) *cobra.Command { return &cobra.Command{Use: "keygen"} }
