package tui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
)

// GlobalKeyMap holds the keys the root handles on every screen.
type GlobalKeyMap struct {
	Quit key.Binding
	// ForceQuit works even while a text input has the focus.
	ForceQuit key.Binding
	Help      key.Binding
	// HelpAnywhere toggles the full help even while a text input has the
	// focus, where ? is typed as text.
	HelpAnywhere key.Binding
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
		HelpAnywhere: key.NewBinding(
			key.WithKeys("f1"),
			key.WithHelp("f1", "more keys"),
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

// FullHelpTitles names the FullHelp groups.
func (k InspectKeyMap) FullHelpTitles() []string {
	return []string{"focus", "scroll", "copy", "verify"}
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
// help.KeyMap: the screen's keys first, then the global ones. While a
// text input has the focus, q and ? are typed as text, so the short help
// names f1 and ctrl+c instead.
type rootHelp struct {
	global GlobalKeyMap
	screen help.KeyMap
	typing bool
}

// ShortHelp puts the help key first, because the bar is cut at the right
// edge on narrow screens and the full help lists the rest.
func (h rootHelp) ShortHelp() []key.Binding {
	helpKey, quit := h.global.Help, h.global.Quit
	if h.typing {
		helpKey, quit = h.global.HelpAnywhere, h.global.ForceQuit
	}
	keys := append([]key.Binding{helpKey}, h.screen.ShortHelp()...)
	return append(keys, quit)
}

func (h rootHelp) FullHelp() [][]key.Binding {
	groups := h.screen.FullHelp()
	// One entry names both help keys and both quit keys, to keep the
	// full help short at 80x24.
	helpKeys := key.NewBinding(key.WithHelp("?/f1", "more keys on/off"))
	quitKeys := key.NewBinding(key.WithHelp("q/ctrl+c", "quit"))
	global := []key.Binding{helpKeys, quitKeys}
	global = append(global, h.global.Screens...)
	return append(groups, global)
}

// FullHelpTitles names the screen's groups, when the screen names them,
// and the global group.
func (h rootHelp) FullHelpTitles() []string {
	titles := make([]string, len(h.screen.FullHelp()))
	if t, ok := h.screen.(helpGroupTitler); ok {
		copy(titles, t.FullHelpTitles())
	}
	return append(titles, "anywhere")
}

// forFocus returns k with only the bindings that work at focus f enabled.
func (k InspectKeyMap) forFocus(f focusTarget, source keySource, decoded bool) InspectKeyMap {
	typing := f == focusToken || f == focusVerify
	onPane := !typing
	paneKeys := []*key.Binding{
		&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom, &k.EditToken, &k.EditKey,
	}
	for _, b := range paneKeys {
		b.SetEnabled(onPane)
	}
	k.CopyJSON.SetEnabled(onPane && decoded)
	k.CopyToken.SetEnabled(onPane && decoded)
	k.Blur.SetEnabled(typing)
	k.ShowSecret.SetEnabled(f == focusVerify && source != sourceFile)
	k.KeySource.SetEnabled(f != focusToken)
	k.LoadKey.SetEnabled(f == focusVerify && source == sourceFile)
	return k
}

// BuildKeyMap holds the Build screen's keys. Bindings that do nothing in
// the current focus are disabled, so the help bar never lists them.
type BuildKeyMap struct {
	NextFocus key.Binding
	PrevFocus key.Binding
	// Blur leaves a text input so single-letter keys work again.
	Blur key.Binding
	// Done finishes the input: ends a value edit, adds a named member,
	// reads the import file or writes the export file.
	Done     key.Binding
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding

	// Edit, Add and Remove act on the selected header or claims row.
	Edit   key.Binding
	Add    key.Binding
	Remove key.Binding
	// RawMode switches the claims between the form and raw JSON text.
	RawMode key.Binding

	// Key panel.
	Generate   key.Binding
	RSASize    key.Binding
	TypeSecret key.Binding
	// SecretForm switches the secret input between text and base64.
	SecretForm key.Binding
	Import     key.Binding
	Export     key.Binding
	// ExportForm cycles through the export formats.
	ExportForm key.Binding
	// CopyKey copies the export to the clipboard instead of a file.
	CopyKey key.Binding

	// Tamper cycles the changed segment: none, header, payload,
	// signature.
	Tamper key.Binding
	// WrongKey verifies with another key of the same type.
	WrongKey key.Binding
	// VerifyFile verifies with the keys of a file instead.
	VerifyFile key.Binding
	// CopyToken copies the built token through OSC 52.
	CopyToken key.Binding
	// SendToInspect opens the built token on the Inspect screen.
	SendToInspect key.Binding
}

// DefaultBuildKeyMap returns the Build screen's key bindings.
func DefaultBuildKeyMap() BuildKeyMap {
	b := func(keys []string, helpKey, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
	}
	return BuildKeyMap{
		NextFocus: b([]string{"tab"}, "tab", "next section"),
		PrevFocus: b([]string{"shift+tab"}, "shift+tab", "previous section"),
		Blur:      b([]string{"esc"}, "esc", "leave input"),
		Done:      b([]string{"enter"}, "enter", "done"),
		Up:        b([]string{"up", "k"}, "↑/k", "up"),
		Down:      b([]string{"down", "j"}, "↓/j", "down"),
		PageUp:    b([]string{"pgup"}, "pgup", "page up"),
		PageDown:  b([]string{"pgdown", " "}, "pgdn", "page down"),
		Top:       b([]string{"home"}, "home", "top"),
		Bottom:    b([]string{"end"}, "end", "bottom"),

		Edit:    b([]string{"enter"}, "enter", "edit value"),
		Add:     b([]string{"a"}, "a", "add"),
		Remove:  b([]string{"d", "delete"}, "d", "remove"),
		RawMode: b([]string{"ctrl+r"}, "ctrl+r", "form/raw JSON"),

		Generate:   b([]string{"g"}, "g", "generate key"),
		RSASize:    b([]string{"b"}, "b", "RSA bits"),
		TypeSecret: b([]string{"s"}, "s", "type secret"),
		SecretForm: b([]string{"ctrl+k"}, "ctrl+k", "text/base64"),
		Import:     b([]string{"i"}, "i", "import key file"),
		Export:     b([]string{"x"}, "x", "export key"),
		ExportForm: b([]string{"ctrl+f"}, "ctrl+f", "export format"),
		CopyKey:    b([]string{"ctrl+y"}, "ctrl+y", "copy key"),

		Tamper:        b([]string{"t"}, "t", "tamper"),
		WrongKey:      b([]string{"w"}, "w", "right/wrong verify key"),
		VerifyFile:    b([]string{"v"}, "v", "verify with a key file"),
		CopyToken:     b([]string{"y"}, "y", "copy token"),
		SendToInspect: b([]string{"o"}, "o", "open in Inspect"),
	}
}

// ShortHelp returns the bindings shown in the one-line help bar.
func (k BuildKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{
		k.NextFocus, k.Blur, k.Done, k.SecretForm, k.ExportForm, k.CopyKey,
		k.Edit, k.Add, k.RawMode, k.Generate, k.Tamper, k.WrongKey, k.SendToInspect,
	}
}

// FullHelpTitles names the FullHelp groups.
func (k BuildKeyMap) FullHelpTitles() []string {
	return []string{"focus", "scroll", "rows", "key", "token"}
}

// FullHelp returns the bindings shown when the help bar is expanded.
func (k BuildKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.NextFocus, k.PrevFocus, k.Blur, k.Done},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Edit, k.Add, k.Remove, k.RawMode},
		{k.Generate, k.RSASize, k.TypeSecret, k.SecretForm, k.Import, k.Export, k.ExportForm, k.CopyKey},
		{k.Tamper, k.WrongKey, k.VerifyFile, k.CopyToken, k.SendToInspect},
	}
}

// buildKeyState is the part of the screen's state that decides which
// keys are enabled.
type buildKeyState struct {
	focus    buildFocus
	typing   bool
	rawMode  bool
	input    keyInput
	hmac     bool
	isRSA    bool
	hasToken bool
}

// forFocus returns k with only the bindings that work in state s enabled.
func (k BuildKeyMap) forFocus(s buildKeyState) BuildKeyMap {
	free := !s.typing
	rows := free && (s.focus == buildFocusHeader || s.focus == buildFocusClaims)
	keyPanel := free && s.focus == buildFocusKey
	set := func(b *key.Binding, on bool) { b.SetEnabled(on) }

	set(&k.Blur, s.typing && !s.rawMode)
	set(&k.Done, s.typing && !s.rawMode)
	set(&k.Up, free)
	set(&k.Down, free)
	for _, b := range []*key.Binding{&k.PageUp, &k.PageDown, &k.Top, &k.Bottom} {
		set(b, free && s.focus == buildFocusOutput || free && s.focus == buildFocusAlg)
	}
	set(&k.Edit, rows)
	set(&k.Add, rows)
	set(&k.Remove, rows)
	set(&k.RawMode, s.focus == buildFocusClaims && (free || s.rawMode))

	set(&k.Generate, keyPanel)
	set(&k.RSASize, keyPanel && s.isRSA)
	set(&k.TypeSecret, keyPanel && s.hmac)
	set(&k.SecretForm, s.input == inputSecret || s.input == inputBase64)
	set(&k.Import, keyPanel)
	set(&k.Export, keyPanel)
	set(&k.VerifyFile, keyPanel)
	set(&k.ExportForm, s.input == inputExport)
	set(&k.CopyKey, s.input == inputExport)

	set(&k.Tamper, free)
	set(&k.WrongKey, free)
	set(&k.CopyToken, free && s.hasToken)
	set(&k.SendToInspect, free && s.hasToken)
	return k
}
