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
	cfg, closeInput, err := inspectConfig(std, args)
	if err != nil {
		return err
	}
	defer closeInput()
	return runUI(std, cfg)
}

// inspectConfig builds the TUI configuration for inspect. A token read
// from a pipe leaves stdin without a keyboard, so key presses then come
// from /dev/tty, which closeInput closes.
func inspectConfig(std stdio, args []string) (cfg tui.Config, closeInput func(), err error) {
	cfg = tui.Config{Screen: tui.ScreenInspect, Now: std.clock.Now}
	closeInput = func() {}
	piped := len(args) == 1 && args[0] == "-" || len(args) == 0 && !isTerminal(std.in)
	if len(args) == 1 || piped {
		if cfg.Token, err = readWholeInput(args, std.in); err != nil {
			return cfg, closeInput, err
		}
	}
	if !piped {
		return cfg, closeInput, nil
	}
	tty, err := os.Open("/dev/tty")
	if err != nil {
		return cfg, closeInput, inputErrorf(
			[]string{"run jwtlab inspect in a terminal, or use 'jwtlab decode' to print the token instead"},
			"cannot open the terminal for key presses, because standard input is a pipe: %v", err)
	}
	cfg.Input = tty
	return cfg, func() { _ = tty.Close() }, nil
}
