package tui

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// ScreenModel is the contract a screen's concrete model M satisfies to plug
// into the root. Update and SetSize return the concrete type, as bubbles
// components do, and the root wraps M with asScreen.
//
// To add a screen: give it a Screen constant, write its model in its own
// file, and add one entry to the list in newRoot.
type ScreenModel[M any] interface {
	Init() tea.Cmd
	// Update receives every message except the root's global keys and
	// window sizes. Key messages reach only the active screen. Other
	// messages, such as ticks and command results, reach every screen, so
	// each screen ignores what it did not request.
	Update(msg tea.Msg) (M, tea.Cmd)
	View() string
	// SetSize gives the screen the area between the header and the help
	// bar, in cells.
	SetSize(width, height int) M
	// Keys returns the screen's key map for the help bar.
	Keys() help.KeyMap
	// Typing reports whether a text input has the focus. The root then
	// passes q and ? to the screen as text and only ctrl+c quits.
	Typing() bool
	// Status returns the screen's status line: a message and whether it
	// reports an error.
	Status() (text string, isError bool)
}

// screen is a ScreenModel with its type parameter hidden, so the root can
// keep screens of different types in one list.
type screen interface {
	Init() tea.Cmd
	Update(msg tea.Msg) (screen, tea.Cmd)
	View() string
	SetSize(width, height int) screen
	Keys() help.KeyMap
	Typing() bool
	Status() (string, bool)
}

// asScreen wraps a concrete screen model for the root.
func asScreen[M ScreenModel[M]](m M) screen { return screenOf[M]{m} }

type screenOf[M ScreenModel[M]] struct{ m M }

func (s screenOf[M]) Init() tea.Cmd           { return s.m.Init() }
func (s screenOf[M]) View() string            { return s.m.View() }
func (s screenOf[M]) Keys() help.KeyMap       { return s.m.Keys() }
func (s screenOf[M]) Typing() bool            { return s.m.Typing() }
func (s screenOf[M]) Status() (string, bool)  { return s.m.Status() }
func (s screenOf[M]) SetSize(w, h int) screen { return screenOf[M]{s.m.SetSize(w, h)} }
func (s screenOf[M]) Update(msg tea.Msg) (screen, tea.Cmd) {
	m, cmd := s.m.Update(msg)
	return screenOf[M]{m}, cmd
}

// ShowTokenMsg requests the root to switch to the Inspect screen and inspect
// Token there. Other screens return it from a command, for example to send
// a token they built.
type ShowTokenMsg struct {
	Token string
	// Keys, when set, verify Token on the Inspect screen at once: an HMAC
	// secret or public keys, never a private key.
	Keys []jwtcore.Key
	// KeyOrigin names where Keys came from, such as "key from the Build
	// screen". Inspect shows it beside the key.
	KeyOrigin string
}
