package tui

import "github.com/jwtlab/jwtlab/jwtcore"

// printable returns s with terminal controls, bidi controls and invalid
// UTF-8 replaced by visible escapes: see jwtcore.Printable. Text that comes
// from a token or a file passes through it before it reaches the terminal.
func printable(s string) string { return jwtcore.Printable(s) }

// isPrintable reports whether printable would return s unchanged.
func isPrintable(s string) bool { return jwtcore.IsPrintable(s) }
