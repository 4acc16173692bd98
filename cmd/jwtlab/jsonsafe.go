package main

import (
	"bytes"
	"strconv"
	"unicode/utf8"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// escapeUnsafeJSON rewrites characters that a terminal acts on as \uXXXX
// escapes: DEL, C1 controls, U+2028, U+2029 and the bidi controls, which
// JSON allows raw inside strings. A raw C0 control other than tab, CR
// and LF, or an invalid UTF-8 byte, cannot appear in valid JSON and
// becomes \u00XX or \ufffd as a defence. Valid JSON only contains these
// characters inside strings, so the result decodes to the same value.
func escapeUnsafeJSON(data []byte) []byte {
	if isPlainASCII(data) {
		return data
	}
	out := make([]byte, 0, len(data)+16)
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			out = append(out, `\ufffd`...)
		case r == '\t' || r == '\r' || r == '\n' || jwtcore.IsPrintable(string(r)):
			out = append(out, data[i:i+size]...)
		default:
			out = append(out, `\u`...)
			hex := strconv.FormatInt(int64(r), 16)
			out = append(out, bytes.Repeat([]byte("0"), 4-len(hex))...)
			out = append(out, hex...)
		}
		i += size
	}
	return out
}

// isPlainASCII reports whether data is printable ASCII, tabs and line
// breaks only, which is the usual report and needs no escaping.
func isPlainASCII(data []byte) bool {
	for _, c := range data {
		if c >= 0x7f || c < 0x20 && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}
