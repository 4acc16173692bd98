package jwtcore

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// ErrInvalidJSON is returned (wrapped in a *JSONSyntaxError) for text that
// is not valid JSON.
var ErrInvalidJSON = errors.New("invalid JSON")

// JSONSyntaxError locates a syntax error in JSON text, so an editor can put
// the cursor on it.
type JSONSyntaxError struct {
	// Offset is the byte offset of the error in the text.
	Offset int
	// Line and Column are 1-based; Column counts runes, not bytes.
	Line, Column int
	// Detail is the parser's description, such as
	// `invalid character 'x' at start of value`.
	Detail string
}

func (e *JSONSyntaxError) Error() string {
	return fmt.Sprintf("invalid JSON at line %d, column %d: %s",
		e.Line, e.Column, e.Detail)
}

// Unwrap returns ErrInvalidJSON.
func (e *JSONSyntaxError) Unwrap() error { return ErrInvalidJSON }

// ParseClaimValue turns what a user typed for a claim into a JSON value.
// Text that is one valid JSON value (a string in quotes, a number, true,
// false, null, an array or an object) is kept as JSON, compacted. Other
// text becomes a JSON string of exactly that text, so `admin`, `007` and
// `a=b` are strings while `42` and `["a","b"]` are typed. Text that starts
// with '[', '{' or '"' but is not valid JSON returns the *JSONSyntaxError,
// because it is almost always a typo in an array, object or string.
func ParseClaimValue(s string) ([]byte, error) {
	value, err := ParseClaimValueStrict(s)
	if err == nil {
		return value, nil
	}
	if looksLikeJSON(s) {
		return nil, err
	}
	if !utf8.ValidString(s) {
		return nil, fmt.Errorf("claim value is not valid UTF-8 text; " +
			"JSON strings must be UTF-8")
	}
	// AppendQuote fails only on invalid UTF-8, which was ruled out above.
	quoted, _ := jsontext.AppendQuote(nil, s)
	return quoted, nil
}

// ParseClaimValueStrict parses s as exactly one JSON value and returns it
// compacted. Numbers keep their digits and strings their escapes. On a
// syntax error it returns a *JSONSyntaxError with the position.
func ParseClaimValueStrict(s string) ([]byte, error) {
	text := []byte(s)
	if len(bytes.TrimSpace(text)) == 0 {
		return nil, &JSONSyntaxError{Offset: len(text), Line: 1,
			Column: utf8.RuneCount(text) + 1, Detail: "empty value; " +
				`write a JSON value such as "text", 42, true or null`}
	}
	value, err := jsontext.AppendFormat(nil, text,
		jsontext.AllowDuplicateNames(true), jsontext.PreserveRawStrings(true))
	if err != nil {
		return nil, syntaxError(text, err)
	}
	return value, nil
}

// looksLikeJSON reports whether s opens like an array, object or string.
func looksLikeJSON(s string) bool {
	trimmed := bytes.TrimSpace([]byte(s))
	return len(trimmed) > 0 && bytes.IndexByte([]byte(`[{"`), trimmed[0]) >= 0
}

// syntaxError converts a jsontext error into a *JSONSyntaxError at the
// error's byte offset in text.
func syntaxError(text []byte, err error) error {
	var serr *jsontext.SyntacticError
	if !errors.As(err, &serr) {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return positionError(text, len(text), "unexpected end of input")
		}
		return fmt.Errorf("%w: %w", ErrInvalidJSON, err)
	}
	detail := wholeRuneExcerpts(serr.Err.Error())
	if errors.Is(serr.Err, io.ErrUnexpectedEOF) {
		detail = "unexpected end of input"
	}
	return positionError(text, int(serr.ByteOffset), detail)
}

// quotedExcerpt matches a Go-quoted string in an error message.
var quotedExcerpt = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// wholeRuneExcerpts drops the bytes of a cut UTF-8 character from the end
// of each quoted excerpt in msg. The jsontext package quotes a fixed
// number of input bytes, such as after "invalid surrogate pair", which can
// end inside a multi-byte character. Invalid bytes elsewhere in an
// excerpt came from the input and stay.
func wholeRuneExcerpts(msg string) string {
	return quotedExcerpt.ReplaceAllStringFunc(msg, func(quoted string) string {
		text, err := strconv.Unquote(quoted)
		if err != nil {
			return quoted
		}
		trimmed := trimCutRune(text)
		if trimmed == text {
			return quoted
		}
		return strconv.Quote(trimmed)
	})
}

// trimCutRune removes the first bytes of a multi-byte UTF-8 character
// that s ends with, or returns s unchanged.
func trimCutRune(s string) string {
	for n := 1; n < utf8.UTFMax && n <= len(s); n++ {
		start := len(s) - n
		if utf8.RuneStart(s[start]) {
			if !utf8.FullRuneInString(s[start:]) {
				return s[:start]
			}
			return s
		}
	}
	return s
}

func positionError(text []byte, offset int, detail string) *JSONSyntaxError {
	offset = min(max(offset, 0), len(text))
	before := text[:offset]
	line := bytes.Count(before, []byte{'\n'}) + 1
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return &JSONSyntaxError{
		Offset: offset,
		Line:   line,
		Column: utf8.RuneCount(before[lineStart:]) + 1,
		Detail: detail,
	}
}
