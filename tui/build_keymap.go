package tui

import "github.com/charmbracelet/bubbles/key"

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

// FullHelp returns the bindings shown when the help bar is expanded.
func (k BuildKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.NextFocus, k.PrevFocus, k.Blur, k.Done},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Edit, k.Add, k.Remove, k.RawMode},
		{k.Generate, k.RSASize, k.TypeSecret, k.SecretForm, k.Import, k.Export, k.ExportForm, k.CopyKey},
		{k.Tamper, k.WrongKey, k.CopyToken, k.SendToInspect},
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
	set(&k.ExportForm, s.input == inputExport)
	set(&k.CopyKey, s.input == inputExport)

	set(&k.Tamper, free)
	set(&k.WrongKey, free)
	set(&k.CopyToken, free && s.hasToken)
	set(&k.SendToInspect, free && s.hasToken)
	return k
}
