package tui

import "github.com/charmbracelet/bubbles/key"

// GlobalKeyMap holds the keys the root handles on every screen.
type GlobalKeyMap struct {
	Quit key.Binding
	// ForceQuit works even while a text input has the focus.
	ForceQuit key.Binding
	Help      key.Binding
	// Screens are the alt+1 … alt+9 bindings that switch to the screen in
	// that position of the header.
	Screens []key.Binding
}

// DefaultGlobalKeyMap returns the root's key bindings, with an alt+N
// binding for each of the first screens screens, at most 9.
func DefaultGlobalKeyMap(screens int) GlobalKeyMap {
	km := GlobalKeyMap{
		Quit: key.NewBinding(
			key.WithKeys("q"),
			key.WithHelp("q", "quit"),
		),
		ForceQuit: key.NewBinding(
			key.WithKeys("ctrl+c"),
			key.WithHelp("ctrl+c", "quit"),
		),
		Help: key.NewBinding(
			key.WithKeys("?"),
			key.WithHelp("?", "more keys"),
		),
	}
	for i := range min(screens, 9) {
		n := string(rune('1' + i))
		km.Screens = append(km.Screens, key.NewBinding(
			key.WithKeys("alt+"+n),
			key.WithHelp("alt+"+n, "screen "+n),
		))
	}
	return km
}

// InspectKeyMap holds the Inspect screen's keys. Bindings that do nothing
// in the current focus are disabled, so the help bar never lists them.
type InspectKeyMap struct {
	NextFocus key.Binding
	PrevFocus key.Binding
	// Blur leaves a text input so single-letter keys work again.
	Blur key.Binding
	// EditToken moves the focus to the token input.
	EditToken key.Binding
	// EditKey moves the focus to the verify panel's key input.
	EditKey  key.Binding
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding

	// CopyJSON and CopyToken write to the clipboard through OSC 52.
	CopyJSON  key.Binding
	CopyToken key.Binding

	// ShowSecret toggles the masking of the typed secret.
	ShowSecret key.Binding
	// KeySource cycles the verify panel between secret text, a base64
	// secret and a key file path.
	KeySource key.Binding
	// LoadKey reads the key file named in the verify panel.
	LoadKey key.Binding
}

// DefaultInspectKeyMap returns the Inspect screen's key bindings.
func DefaultInspectKeyMap() InspectKeyMap {
	return InspectKeyMap{
		NextFocus: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
		PrevFocus: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous pane")),
		Blur:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "leave input")),
		EditToken: key.NewBinding(key.WithKeys("i", "e"), key.WithHelp("i", "edit token")),
		EditKey:   key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "verify with a key")),
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:    key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/b", "page up")),
		PageDown:  key.NewBinding(key.WithKeys("pgdown", "f", " "), key.WithHelp("pgdn/f", "page down")),
		Top:       key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "top")),
		Bottom:    key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "bottom")),
		CopyJSON:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "copy JSON")),
		CopyToken: key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy token")),
		ShowSecret: key.NewBinding(
			key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", "show/hide secret")),
		KeySource: key.NewBinding(
			key.WithKeys("ctrl+k"), key.WithHelp("ctrl+k", "secret/base64/key file")),
		LoadKey: key.NewBinding(
			key.WithKeys("enter"), key.WithHelp("enter", "load key file")),
	}
}

// ShortHelp returns the bindings shown in the one-line help bar.
func (k InspectKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{
		k.NextFocus, k.Blur, k.EditToken, k.EditKey, k.Down, k.CopyJSON, k.CopyToken,
		k.ShowSecret, k.KeySource, k.LoadKey,
	}
}

// FullHelp returns the bindings shown when the help bar is expanded.
func (k InspectKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.NextFocus, k.PrevFocus, k.Blur, k.EditToken, k.EditKey},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.CopyJSON, k.CopyToken},
		{k.ShowSecret, k.KeySource, k.LoadKey},
	}
}

// rootHelp joins the root's keys and the active screen's keys into one
// help.KeyMap: the screen's keys first, then the global ones.
type rootHelp struct {
	global GlobalKeyMap
	screen interface {
		ShortHelp() []key.Binding
		FullHelp() [][]key.Binding
	}
}

func (h rootHelp) ShortHelp() []key.Binding {
	keys := h.screen.ShortHelp()
	return append(keys, h.global.Help, h.global.Quit)
}

func (h rootHelp) FullHelp() [][]key.Binding {
	groups := h.screen.FullHelp()
	global := []key.Binding{h.global.Help, h.global.Quit, h.global.ForceQuit}
	global = append(global, h.global.Screens...)
	return append(groups, global)
}

// forFocus returns k with only the bindings that work at focus f enabled.
func (k InspectKeyMap) forFocus(f focusTarget, source keySource, decoded bool) InspectKeyMap {
	typing := f == focusToken || f == focusVerify
	onPane := !typing
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom, &k.EditToken, &k.EditKey} {
		b.SetEnabled(onPane)
	}
	k.CopyJSON.SetEnabled(onPane && decoded)
	k.CopyToken.SetEnabled(onPane && decoded)
	k.Blur.SetEnabled(typing)
	k.ShowSecret.SetEnabled(f == focusVerify && source != sourceFile)
	k.KeySource.SetEnabled(f == focusVerify)
	k.LoadKey.SetEnabled(f == focusVerify && source == sourceFile)
	return k
}
