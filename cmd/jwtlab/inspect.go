package main

import (
	"os"

	"github.com/jwtlab/jwtlab/tui"
	"github.com/spf13/cobra"
)

func newInspectCmd(std stdio) *cobra.Command {
	return &cobra.Command{
		Use:   "inspect [TOKEN | -]",
		Short: "Open the terminal UI on the Inspect screen with a token",
		Long: "Open the terminal UI on the Inspect screen with the token given as the\n" +
			"argument, or read from standard input when the argument is '-' or\n" +
			"missing and standard input is not a terminal. A piped token works: the\n" +
			"UI then reads key presses from the terminal (/dev/tty).",
		Example: "  jwtlab inspect eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl\n" +
			"  kubectl get secret app -o jsonpath='{.data.token}' | base64 -d | jwtlab inspect",
		Args: atMostOneToken,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runInspect(std, args)
		},
	}
}

func runInspect(std stdio, args []string) error {
	cfg := tui.Config{Screen: tui.ScreenInspect, Now: std.clock.Now}
	piped := len(args) == 1 && args[0] == "-" || len(args) == 0 && !isTerminal(std.in)
	if len(args) == 1 || piped {
		text, err := readWholeInput(args, std.in)
		if err != nil {
			return err
		}
		cfg.Token = text
	}
	if piped {
		tty, err := os.Open("/dev/tty")
		if err != nil {
			return inputErrorf(
				[]string{"run jwtlab inspect in a terminal, or use 'jwtlab decode' to print the token instead"},
				"cannot open the terminal for key presses, because standard input is a pipe: %v", err)
		}
		defer tty.Close()
		cfg.Input = tty
	}
	if err := tui.Run(cfg); err != nil {
		return inputErrorf(nil, "the terminal UI stopped: %v", err)
	}
	return nil
}
