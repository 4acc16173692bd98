package jwtcore

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Printable returns s made safe to write to a terminal. Each C0 and C1
// control character except the line feed, DEL, U+2028, U+2029 and each
// Unicode bidirectional control becomes a visible escape such as \u001b or
// \u202e. A byte that is not valid UTF-8 becomes \xNN, and a tab becomes
// four spaces. Text taken from a token, a file or an error that quotes
// input must pass through Printable before it is shown. Escape sequences
// in such text can move the cursor, clear the screen, set the window title
// or write the clipboard (OSC 52). Bidi controls can make text on screen
// read differently from its bytes.
//
// Printable is for human output only: JSON output is escaped by its
// encoder.
func Printable(s string) string {
	if IsPrintable(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteString(`\x`)
			writeHex(&b, uint64(s[i]), 2)
		case r == '\t':
			b.WriteString("    ")
		case isUnsafeRune(r):
			b.WriteString(`\u`)
			writeHex(&b, uint64(r), 4)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// IsPrintable reports whether Printable would return s unchanged. It does
// not allocate, so callers can check text cheaply before copying it.
func IsPrintable(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c < 0x7f || c == '\n' {
			continue
		}
		if c < utf8.RuneSelf {
			return false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 || isUnsafeRune(r) {
			return false
		}
		i += size - 1
	}
	return true
}

// isUnsafeRune reports whether r is a control character other than the
// line feed, or a character that changes how the text around it is laid
// out: the line and paragraph separators and the bidi controls.
func isUnsafeRune(r rune) bool {
	switch {
	case r == '\n':
		return false
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r == '\u2028', r == '\u2029':
		return true
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true
	case r == '\u200e', r == '\u200f', r == '\u061c':
		return true
	}
	return false
}

// writeHex writes v as lowercase hexadecimal, zero-padded to width digits.
func writeHex(b *strings.Builder, v uint64, width int) {
	digits := strconv.FormatUint(v, 16)
	b.WriteString(strings.Repeat("0", max(0, width-len(digits))))
	b.WriteString(digits)
}
