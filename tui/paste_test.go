package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestVerifyPasteWithLineBreaks(t *testing.T) {
	c := loadCase(t, "jwtio_hs256_legacy")
	tests := []struct {
		name        string
		switches    int
		paste       string
		wantValue   string
		wantProblem string
		wantNote    string
	}{
		{name: "text secret rejected", paste: "line one\nline two", wantProblem: "secret has line breaks"},
		{name: "trailing break removed", paste: "secret\r\n", wantValue: "secret", wantNote: "line break at the end"},
		{name: "base64 lines joined", switches: 1, paste: "c2Vj\ncmV0\n", wantValue: "c2VjcmV0", wantNote: "decoding ignores"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, c.Token, "", 160, 48)
			h.key("v", "ctrl+u")
			for range tt.switches {
				h.key("ctrl+k")
			}
			h.paste(tt.paste)
			v := h.inspect().verify
			if got := v.input.Value(); got != tt.wantValue {
				t.Errorf("input = %q, want %q", got, tt.wantValue)
			}
			if !strings.Contains(v.keyProblem, tt.wantProblem) {
				t.Errorf("key problem = %q, want it to contain %q", v.keyProblem, tt.wantProblem)
			}
			if !strings.Contains(v.note, tt.wantNote) {
				t.Errorf("note = %q, want it to contain %q", v.note, tt.wantNote)
			}
			if tt.wantProblem != "" && !strings.Contains(h.flat(), "jwtlab verify --secret-file") {
				t.Errorf("view does not name --secret-file:\n%s", h.view())
			}
		})
	}
}

func TestBuildPasteWithLineBreaks(t *testing.T) {
	h := newBuildHarness(t, 80, 100)
	h.focusBuild(buildFocusKey)
	h.bkey("s", "ctrl+u")
	h.typeText("typed-secret")
	h.paste("\nline one\nline two")
	if got := string(h.build().keyPanel.signKey().Secret); got != "typed-secret" {
		t.Errorf("secret after a rejected paste = %q, want typed-secret", got)
	}
	if got := h.build().keyPanel.problem; !strings.Contains(got, "jwtlab sign --secret-file") {
		t.Errorf("key problem = %q, want it to name jwtlab sign --secret-file", got)
	}
	if !strings.Contains(h.flat(), "secret has line breaks") {
		t.Errorf("view does not explain the rejected paste:\n%s", h.view())
	}
	h.bkey("ctrl+k", "ctrl+u")
	h.paste("c2Vj\r\ncmV0")
	if got := string(h.build().keyPanel.signKey().Secret); got != "secret" {
		t.Errorf("base64 secret pasted over two lines = %q, want secret", got)
	}
}

func TestVerifyPasteReplacesValue(t *testing.T) {
	c := loadCase(t, "jwtio_hs256_legacy")
	tests := []struct {
		name     string
		switches int
	}{
		{name: "secret"},
		{name: "key file path", switches: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, c.Token, "", 120, 36)
			h.key("v", "ctrl+u")
			for range tt.switches {
				h.key("ctrl+k")
			}
			h.typeText("old")
			h.send(tea.KeyMsg{Type: tea.KeyLeft})
			h.paste("new")
			if got := h.inspect().verify.input.Value(); got != "new" {
				t.Errorf("input after paste = %q, want new", got)
			}
		})
	}
	h := newHarness(t, c.Token, "", 120, 36)
	h.key("v", "ctrl+u")
	h.typeText("wrong")
	h.paste(c.Key.Secret)
	if !strings.Contains(h.view(), "✔ verified") {
		t.Errorf("pasting the secret over a wrong one does not verify:\n%s", h.view())
	}
}
