package main

import (
	"os"

	"github.com/jwtlab/jwtlab/tui"
)

// runUI starts the terminal UI with cfg. When standard input is not a
// terminal and cfg has no input yet, key presses come from /dev/tty, and
// without any terminal the error points to the subcommands instead.
func runUI(std stdio, cfg tui.Config) error {
	if cfg.Input == nil && !isTerminal(std.in) {
		tty, err := os.Open("/dev/tty")
		if err != nil {
			return inputErrorf([]string{
				"run jwtlab in a terminal, or use 'jwtlab decode', 'jwtlab verify' or " +
					"'jwtlab sign' in scripts",
			}, "the terminal UI needs a terminal for key presses, and there is none: %v", err)
		}
		defer tty.Close()
		cfg.Input = tty
	}
	if err := tui.Run(cfg); err != nil {
		return inputErrorf(nil, "the terminal UI stopped: %v", err)
	}
	return nil
}
