package tui

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// printable returns s with every control character except the line feed,
// and every byte that is not UTF-8, replaced by a visible escape such as
// \x1b or \xff. Text that comes from a token or a file passes through it
// before it reaches the terminal, so a token cannot carry escape sequences
// that move the cursor, change the title or write to the clipboard.
func printable(s string) string {
	if isPrintable(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\t':
			b.WriteString("    ")
		case r != '\n' && (unicode.IsControl(r) || r == '\u2028' || r == '\u2029'):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func isPrintable(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || (r != '\n' && unicode.IsControl(r)) || r == '\u2028' || r == '\u2029' {
			return false
		}
	}
	return true
}
