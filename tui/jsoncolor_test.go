package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

func TestColorizeJSONKeepsText(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{name: "object", text: "{\n  \"a\": 1,\n  \"b\": [true, null, -2.5e3]\n}"},
		{name: "escaped quote", text: `{"k\"ey": "va\\lue\""}`},
		{name: "unterminated", text: `{"open`},
		{name: "not json", text: "hello, world"},
		{name: "empty", text: ""},
		{name: "multibyte", text: `{"名前": "Zoë 🙂"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ansi.Strip(colorizeJSON(tt.text, DefaultStyles())); got != tt.text {
				t.Errorf("stripped output = %q, want %q", got, tt.text)
			}
		})
	}
}

func TestColorizeJSONStylesKinds(t *testing.T) {
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	st := DefaultStyles()
	got := colorizeJSON(`{"key": "value", "n": 12, "ok": true}`, st)
	for _, want := range []string{
		st.JSONKey.Render(`"key"`),
		st.JSONString.Render(`"value"`),
		st.JSONNumber.Render("12"),
		st.JSONLiteral.Render("true"),
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func FuzzColorizeJSON(f *testing.F) {
	for _, seed := range []string{
		`{"alg":"HS256","typ":"JWT"}`,
		"{\n  \"sub\": \"1234567890\",\n  \"iat\": 1516239022\n}",
		`{"a":"\"`, `[1,-2,3e400]`, "\x00\xff", `"\`,
	} {
		f.Add(seed)
	}
	st := DefaultStyles()
	f.Fuzz(func(t *testing.T, text string) {
		// colorizeJSON only ever receives text that printable has cleaned.
		text = printable(text)
		if got := ansi.Strip(colorizeJSON(text, st)); got != text {
			t.Errorf("stripped output = %q, want %q", got, text)
		}
	})
}
