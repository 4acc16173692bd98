package tui

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestPrintableEscapes(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{name: "plain", in: "John Doe", want: "John Doe"},
		{name: "line feed kept", in: "a\nb", want: "a\nb"},
		{name: "escape", in: "a\x1b]52;c;eA==\x07", want: `a\u001b]52;c;eA==\u0007`},
		{name: "invalid utf8", in: "\xff\xfe", want: `\xff\xfe`},
		{name: "carriage return", in: "a\r\nb", want: "a\\u000d\nb"},
		{name: "tab", in: "a\tb", want: "a    b"},
		{name: "c1 control", in: "a\u009bb", want: `a\u009bb`},
		{name: "accents kept", in: "Zoë 名前 🙂", want: "Zoë 名前 🙂"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := printable(tt.in); got != tt.want {
				t.Errorf("printable(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzPrintable(f *testing.F) {
	for _, seed := range []string{"", "abc", "\x1b[2J", "\xff", "a\r\nb", "\u2028"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := printable(s)
		if !utf8.ValidString(got) {
			t.Fatalf("printable(%q) = %q is not UTF-8", s, got)
		}
		if i := strings.IndexFunc(got, func(r rune) bool { return r != '\n' && unicode.IsControl(r) }); i >= 0 {
			t.Fatalf("printable(%q) = %q keeps a control character at %d", s, got, i)
		}
	})
}
