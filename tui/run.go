package tui

import (
	"io"
	"time"
)

// Screen names a top-level screen of the TUI.
type Screen string

// Screens that exist today; more plug into the root later.
const (
	ScreenInspect Screen = "inspect"
	ScreenBuild   Screen = "build"
)

// Config is everything the CLI hands to the TUI.
type Config struct {
	// Screen is the screen shown first.
	Screen Screen
	// Token is the text to inspect first; empty opens the built-in example.
	Token string
	// Now returns the current time; nil means the wall clock.
	Now func() time.Time
	// Input is where key presses are read from; nil means stdin. The CLI
	// sets it to the terminal (/dev/tty) when the token came from a pipe.
	Input io.Reader
}

// Run starts the TUI and blocks until the user quits.
func Run(cfg Config) error {
	// Replaced by the real program start.
	return nil
}
