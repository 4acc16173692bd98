package jwtcore

import "testing"

func TestTrimCutRune(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"ascii":             {in: "abc", want: "abc"},
		"whole rune":        {in: "a日", want: "a日"},
		"cut after 2":       {in: "a\xe6\x97", want: "a"},
		"cut after 1":       {in: "a\xe6", want: "a"},
		"invalid byte":      {in: "a\xff", want: "a\xff"},
		"lone continuation": {in: "a\x97", want: "a\x97"},
		"empty":             {in: "", want: ""},
	}
	for name, tt := range tests {
		if got := trimCutRune(tt.in); got != tt.want {
			t.Errorf("%s: trimCutRune(%q) = %q, want %q", name, tt.in, got, tt.want)
		}
	}
}
