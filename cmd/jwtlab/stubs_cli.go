package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

// Stubs replaced by the real subcommands.

func newDecodeCmd(std stdio) *cobra.Command  { return &cobra.Command{Use: "decode"} }
func newVerifyCmd(std stdio) *cobra.Command  { return &cobra.Command{Use: "verify"} }
func newInspectCmd(std stdio) *cobra.Command { return &cobra.Command{Use: "inspect"} }

func reportError(w io.Writer, err error) int {
	fmt.Fprintf(w, "jwtlab: error: %v\n", err)
	return 2
}
