package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// selectHint explains what the next key does to a selected value.
// A narrow input shows selectHintShort instead, or no hint.
const (
	selectHint      = "typing replaces · ← edits"
	selectHintShort = "typing replaces"
)

// selectInput is a text input that can hold its whole value selected. An
// input opens that way when it holds a value the user did not type in
// this edit, such as an example secret, a default or a field's current
// value. While the value is selected, the first printable key or a paste
// replaces it, and any other key that reaches the input, such as an arrow
// key, home, end or backspace, edits the value in place.
type selectInput struct {
	textinput.Model
	selected bool

	selectedStyle lipgloss.Style
	hintStyle     lipgloss.Style
}

func newSelectInput(st Styles, placeholder string) selectInput {
	return selectInput{
		Model:         newTextInput(st, placeholder),
		selectedStyle: lipgloss.NewStyle().Reverse(true),
		hintStyle:     st.Muted,
	}
}

// SetValue replaces the value and drops the selection, because code sets
// the value for a paste or a new token as well as for a prefill.
func (s *selectInput) SetValue(value string) {
	s.Model.SetValue(value)
	s.selected = false
}

// Prefill sets a value the user did not type and selects it.
func (s *selectInput) Prefill(value string) {
	s.SetValue(value)
	s.Select()
}

// Select selects the whole value, with the cursor at its end so that the
// arrow keys and backspace start from there. An empty value stays
// unselected.
func (s *selectInput) Select() {
	s.CursorEnd()
	s.selected = s.Value() != ""
}

// setWidth sizes the input as fitInput does, keeping the cursor at the
// end of a selected value.
func (s *selectInput) setWidth(width int) {
	fitInput(&s.Model, width)
	if s.selected {
		s.CursorEnd()
	}
}

// Blur removes the focus and the selection.
func (s *selectInput) Blur() {
	s.Model.Blur()
	s.selected = false
}

// Update passes msg to the input, first replacing a selected value when
// msg is a printable key or a paste.
func (s selectInput) Update(msg tea.Msg) (selectInput, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && s.selected && s.Focused() {
		s.selected = false
		if replacesSelection(k) {
			s.Model.SetValue("")
		}
	}
	var cmd tea.Cmd
	s.Model, cmd = s.Model.Update(msg)
	return s, cmd
}

// replacesSelection reports whether k types text, as opposed to moving the
// cursor or deleting. Alt with a rune moves by words in a text input.
func replacesSelection(k tea.KeyMsg) bool {
	return k.Paste || (k.Type == tea.KeyRunes && !k.Alt) || k.Type == tea.KeySpace
}

// View renders the input. A selected value is shown in reverse video with
// the hint after it, and no cursor.
func (s selectInput) View() string {
	if !s.selected || !s.Focused() {
		return s.Model.View()
	}
	// room is the width left for the value, and 0 means no limit.
	hint, room := fitHint(s.Width), s.Width
	if hint != "" && room > 0 {
		room -= len([]rune(hint)) + 1
	}
	runes := []rune(s.Value())
	if s.EchoMode == textinput.EchoPassword {
		runes = []rune(strings.Repeat(string(s.EchoCharacter), len(runes)))
	}
	// NOTE: the window counts runes, not cells, so a value with wide
	// characters can overflow the field by a few cells.
	if room > 0 && len(runes) > room {
		runes = runes[len(runes)-room:]
	}
	text := s.selectedStyle.Render(string(runes))
	padding := strings.Repeat(" ", max(room-len(runes), 0))
	if hint != "" {
		text += " " + s.hintStyle.Render(hint)
	}
	return s.PromptStyle.Render(s.Prompt) + text + padding
}

// fitHint returns the longest hint that leaves at least 8 cells of an
// input width cells wide for the value, or "" when none fits. A width of 0
// means the input has no width limit.
func fitHint(width int) string {
	for _, hint := range []string{selectHint, selectHintShort} {
		if width == 0 || width >= len([]rune(hint))+9 {
			return hint
		}
	}
	return ""
}
