// Package tui is jwtlab's Bubble Tea terminal UI: a root model that routes
// messages, and one model per screen.
package tui
