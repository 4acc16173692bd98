package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// colorizeJSON returns text with its JSON tokens styled: member names,
// strings, numbers, the literals true, false and null, and punctuation.
// It only adds styling, so stripping the ANSI codes gives text back byte for
// byte, and it accepts any input: text that is not JSON is styled as far as
// the scanner recognises tokens.
func colorizeJSON(text string, st Styles) string {
	var b strings.Builder
	b.Grow(len(text) * 2)
	for i := 0; i < len(text); {
		n, kind := scanJSONToken(text, i)
		tok := text[i : i+n]
		i += n
		if kind == jsonOther {
			b.WriteString(tok)
			continue
		}
		if kind == jsonString && nextNonSpace(text, i) == ':' {
			kind = jsonKey
		}
		writeStyled(&b, tok, st.jsonStyle(kind))
	}
	return b.String()
}

// writeStyled writes one token. Each line is styled on its own so a token
// broken across lines (possible only in malformed input) keeps its colour
// on every line.
func writeStyled(b *strings.Builder, tok string, style lipgloss.Style) {
	for j, line := range strings.Split(tok, "\n") {
		if j > 0 {
			b.WriteByte('\n')
		}
		if line != "" {
			b.WriteString(style.Render(line))
		}
	}
}

// jsonKind is the kind of a token found by scanJSONToken.
type jsonKind int

const (
	jsonOther jsonKind = iota // whitespace or a byte that starts no token
	jsonKey
	jsonString
	jsonNumber
	jsonLiteral
	jsonPunct
)

func (st Styles) jsonStyle(kind jsonKind) lipgloss.Style {
	switch kind {
	case jsonKey:
		return st.JSONKey
	case jsonString:
		return st.JSONString
	case jsonNumber:
		return st.JSONNumber
	case jsonLiteral:
		return st.JSONLiteral
	}
	return st.JSONPunct
}

// scanJSONToken returns the length and kind of the token at text[i].
func scanJSONToken(text string, i int) (int, jsonKind) {
	switch c := text[i]; {
	case c == '"':
		return scanString(text, i), jsonString
	case c == '-' || (c >= '0' && c <= '9'):
		return scanWhile(text, i, isNumberByte), jsonNumber
	case isLetter(c):
		return scanWhile(text, i, isLetter), jsonLiteral
	case strings.IndexByte("{}[],:", c) >= 0:
		return 1, jsonPunct
	}
	return 1, jsonOther
}

// scanString returns the length of the string literal at text[i], up to and
// including the closing quote or the end of the text.
func scanString(text string, i int) int {
	j := i + 1
	for j < len(text) {
		switch text[j] {
		case '\\':
			j += 2
			continue
		case '"':
			return j + 1 - i
		}
		j++
	}
	return len(text) - i
}

func scanWhile(text string, i int, ok func(byte) bool) int {
	j := i + 1
	for j < len(text) && ok(text[j]) {
		j++
	}
	return j - i
}

func isNumberByte(c byte) bool {
	return c >= '0' && c <= '9' || strings.IndexByte("+-.eE", c) >= 0
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' }

func nextNonSpace(text string, i int) byte {
	for ; i < len(text); i++ {
		if c := text[i]; c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return c
		}
	}
	return 0
}
