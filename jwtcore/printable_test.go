package jwtcore

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
		{name: "osc 52 clipboard write", in: "a\x1b]52;c;eA==\x07", want: `a\u001b]52;c;eA==\u0007`},
		{name: "clear screen", in: "\x1b[2J", want: `\u001b[2J`},
		{name: "bell", in: "\a", want: `\u0007`},
		{name: "delete", in: "a\x7fb", want: `a\u007fb`},
		{name: "invalid utf8", in: "\xff\xfe", want: `\xff\xfe`},
		{name: "lone c1 byte", in: "a\x9bb", want: `a\x9bb`},
		{name: "encoded c1 csi", in: "a\u009b2J", want: `a\u009b2J`},
		{name: "carriage return", in: "a\r\nb", want: "a\\u000d\nb"},
		{name: "tab", in: "a\tb", want: "a    b"},
		{name: "right-to-left override", in: "txt.\u202eexe", want: `txt.\u202eexe`},
		{name: "isolates", in: "\u2066x\u2069", want: `\u2066x\u2069`},
		{name: "marks", in: "\u200e\u200f\u061c", want: `\u200e\u200f\u061c`},
		{name: "line separator", in: "a\u2028b\u2029", want: `a\u2028b\u2029`},
		{name: "accents kept", in: "Zoë 名前 🙂", want: "Zoë 名前 🙂"},
		{name: "replacement char kept", in: "\ufffd", want: "\ufffd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Printable(tt.in); got != tt.want {
				t.Errorf("Printable(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got, want := IsPrintable(tt.in), tt.in == tt.want; got != want {
				t.Errorf("IsPrintable(%q) = %v, want %v", tt.in, got, want)
			}
		})
	}
}

func FuzzPrintable(f *testing.F) {
	for _, seed := range []string{"", "abc", "\x1b[2J", "\xff", "a\r\nb", "\u2028", "\u202e", "\u009b"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Printable(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Printable(%q) = %q is not UTF-8", s, got)
		}
		unsafe := func(r rune) bool { return r != '\n' && unicode.IsControl(r) || isUnsafeRune(r) }
		if i := strings.IndexFunc(got, unsafe); i >= 0 {
			t.Fatalf("Printable(%q) = %q keeps an unsafe character at %d", s, got, i)
		}
		if IsPrintable(s) != (got == s) {
			t.Fatalf("IsPrintable(%q) = %v, but Printable returns %q", s, IsPrintable(s), got)
		}
	})
}

func BenchmarkIsPrintable(b *testing.B) {
	text := strings.Repeat(`{"sub":"1234567890","name":"Zoë Doe"}`, 20)
	for b.Loop() {
		IsPrintable(text)
	}
}
