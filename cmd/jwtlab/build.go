package main

import (
	"github.com/jwtlab/jwtlab/tui"
	"github.com/spf13/cobra"
)

func newBuildCmd(std stdio) *cobra.Command {
	return &cobra.Command{
		Use:   "build",
		Short: "Open the terminal UI on the Build screen to compose and sign a token",
		Long: "Open the terminal UI on the Build screen: pick an alg, edit the header\n" +
			"and claims, generate or import a key, and watch the token re-sign on\n" +
			"every keystroke, with each step that produced it and its verification.\n" +
			"It starts with HS256 and a public example secret, which is marked as\n" +
			"such: generate or import a key before using a token anywhere real.",
		Example: "  jwtlab build",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runUI(std, tui.Config{Screen: tui.ScreenBuild, Now: std.clock.Now})
		},
	}
}
