package tui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
)

// scrollKeys are the bindings that move a scrollable pane.
type scrollKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
}

// scrollViewport moves vp when msg matches one of keys, and leaves it
// alone otherwise.
func scrollViewport(vp *viewport.Model, msg tea.KeyMsg, keys scrollKeys) {
	switch {
	case key.Matches(msg, keys.Up):
		vp.ScrollUp(1)
	case key.Matches(msg, keys.Down):
		vp.ScrollDown(1)
	case key.Matches(msg, keys.PageUp):
		vp.PageUp()
	case key.Matches(msg, keys.PageDown):
		vp.PageDown()
	case key.Matches(msg, keys.Top):
		vp.GotoTop()
	case key.Matches(msg, keys.Bottom):
		vp.GotoBottom()
	}
}
