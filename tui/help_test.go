package tui

import (
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// lastLine returns the help bar: the last line of a view.
func lastLine(view string) string {
	lines := strings.Split(view, "\n")
	return lines[len(lines)-1]
}

func TestHelpBarWhileTyping(t *testing.T) {
	h := newHarness(t, "", "", 80, 24)
	bar := lastLine(h.view())
	if !strings.HasPrefix(bar, " ? more keys") {
		t.Errorf("help bar on a pane does not start with ?: %q", bar)
	}
	h.key("v")
	bar = lastLine(h.view())
	if !strings.HasPrefix(bar, " f1 more keys") {
		t.Errorf("help bar in the secret input does not start with f1: %q", bar)
	}
	for _, dead := range []string{"? more keys", "q quit"} {
		if strings.Contains(bar, dead) {
			t.Errorf("help bar in the secret input names the dead key %q: %q", dead, bar)
		}
	}
}

func TestF1TogglesHelpWhileTyping(t *testing.T) {
	h := newHarness(t, "", "", 80, 24)
	h.key("v")
	h.send(keyMsg("?"))
	if h.model.(rootModel).help.ShowAll {
		t.Fatal("? opened the full help in the secret input")
	}
	h.send(tea.KeyMsg{Type: tea.KeyF1})
	if !h.model.(rootModel).help.ShowAll {
		t.Error("f1 did not open the full help in the secret input")
	}
}

// bindingsOf returns every key.Binding field of a key map struct.
func bindingsOf(keyMap any) []key.Binding {
	v := reflect.ValueOf(keyMap)
	var out []key.Binding
	for i := range v.NumField() {
		if b, ok := v.Field(i).Interface().(key.Binding); ok {
			out = append(out, b)
		}
	}
	return out
}

func TestFullHelpListsEveryBinding(t *testing.T) {
	tests := []struct {
		name   string
		keys   []string
		keyMap any
	}{
		{name: "Inspect", keyMap: DefaultInspectKeyMap()},
		{name: "Inspect verify focus", keys: []string{"v", "f1"}, keyMap: DefaultInspectKeyMap()},
		{name: "Build", keys: []string{"alt+2"}, keyMap: DefaultBuildKeyMap()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, "", "", 80, 24)
			h.key(tt.keys...)
			if !h.model.(rootModel).help.ShowAll {
				h.key("?")
			}
			view := h.view()
			for _, b := range bindingsOf(tt.keyMap) {
				entry := b.Help().Key + " " + b.Help().Desc
				if !strings.Contains(view, entry) {
					t.Errorf("full help lacks %q:\n%s", entry, view)
				}
			}
			for _, global := range []string{"?/f1", "q/ctrl+c quit", "alt+2 screen 2", " focus ", " scroll "} {
				if !strings.Contains(view, global) {
					t.Errorf("full help lacks %q:\n%s", global, view)
				}
			}
			checkScreen(t, h.model.View(), 80, 24)
			if strings.Contains(view, "…") && strings.Contains(lastLine(view), "…") {
				t.Errorf("full help is cut:\n%s", view)
			}
		})
	}
}

func TestActiveTabMarkedWithoutColour(t *testing.T) {
	h := newHarness(t, "", "", 80, 24)
	header := strings.Split(h.view(), "\n")[0]
	if !strings.Contains(header, "[Inspect]") {
		t.Errorf("header does not mark Inspect as active: %q", header)
	}
	h.key("alt+2")
	header = strings.Split(h.view(), "\n")[0]
	if !strings.Contains(header, "[Build]") || strings.Contains(header, "[Inspect]") {
		t.Errorf("header does not mark Build as active: %q", header)
	}
	if w := ansi.StringWidth(header); w > 80 {
		t.Errorf("header is %d cells wide", w)
	}
}
