package main

import "io"

// ANSI SGR sequences for the human output. Plain escape codes keep the
// startup of decode and verify cheap: the CLI code sends no terminal query
// and detects no colour profile beyond "is stdout a terminal".
//
// NOTE: bubbletea v1.3.10 calls lipgloss.HasDarkBackground in its package
// init (tea_init.go), and jwtlab links bubbletea for the TUI. So every
// jwtlab process whose stdout is a terminal sends an OSC 11 background
// query and a cursor position request before main runs, unless TERM is
// dumb, screen* or tmux* or CI is set. bubbletea v2 drops that init.
const (
	sgrReset  = "\x1b[0m"
	sgrBold   = "\x1b[1m"
	sgrDim    = "\x1b[2m"
	sgrRed    = "\x1b[31m"
	sgrGreen  = "\x1b[32m"
	sgrYellow = "\x1b[33m"
	sgrBlue   = "\x1b[34m"
	sgrPurple = "\x1b[35m"
	sgrCyan   = "\x1b[36m"
)

// styles colours text, or returns it unchanged when colour is off.
type styles struct{ color bool }

// newStyles turns colour on when out is a terminal, NO_COLOR is unset or
// empty (https://no-color.org) and TERM is not "dumb".
func newStyles(out io.Writer, getenv func(string) string) styles {
	if getenv("NO_COLOR") != "" || getenv("TERM") == "dumb" {
		return styles{}
	}
	return styles{color: isTerminal(out)}
}

func (s styles) paint(sgr, text string) string {
	if !s.color || text == "" {
		return text
	}
	return sgr + text + sgrReset
}

func (s styles) heading(text string) string { return s.paint(sgrBold, text) }
func (s styles) faint(text string) string   { return s.paint(sgrDim, text) }
func (s styles) good(text string) string    { return s.paint(sgrGreen+sgrBold, text) }
func (s styles) bad(text string) string     { return s.paint(sgrRed+sgrBold, text) }
func (s styles) warn(text string) string    { return s.paint(sgrYellow, text) }
func (s styles) name(text string) string    { return s.paint(sgrCyan, text) }

// The three segments of a token carry the same colours in every view.
func (s styles) header(text string) string    { return s.paint(sgrRed, text) }
func (s styles) payload(text string) string   { return s.paint(sgrPurple, text) }
func (s styles) signature(text string) string { return s.paint(sgrBlue, text) }
