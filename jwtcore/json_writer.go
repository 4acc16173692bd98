package jwtcore

import (
	"bytes"
	"strconv"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// jsonWriter appends JSON objects to buf member by member. Raw values are
// copied as they are, which is what keeps the token's JSON exact.
type jsonWriter struct {
	buf bytes.Buffer
	// first is true until a member is written in the current object.
	first bool
}

// object writes one object, calling members to write its members.
func (w *jsonWriter) object(members func()) {
	w.buf.WriteByte('{')
	w.first = true
	members()
	w.buf.WriteByte('}')
	w.first = false
}

// objectArray writes an array of n objects, and members(i) writes the
// members of the i-th.
func (w *jsonWriter) objectArray(n int, members func(i int)) {
	w.buf.WriteByte('[')
	for i := range n {
		if i > 0 {
			w.buf.WriteByte(',')
		}
		w.object(func() { members(i) })
	}
	w.buf.WriteByte(']')
	w.first = false
}

// key writes a member name, after a comma unless it is the first.
func (w *jsonWriter) key(name string) {
	if !w.first {
		w.buf.WriteByte(',')
	}
	w.first = false
	w.appendQuoted(name)
	w.buf.WriteByte(':')
}

func (w *jsonWriter) str(name, value string) {
	w.key(name)
	w.appendQuoted(value)
}

// raw writes value, which must be valid JSON, byte for byte.
func (w *jsonWriter) raw(name string, value []byte) {
	w.key(name)
	w.buf.Write(value)
}

// number writes a number literal made by strconv.
func (w *jsonWriter) number(name, literal string) {
	w.key(name)
	w.buf.WriteString(literal)
}

func (w *jsonWriter) boolean(name string, value bool) {
	w.key(name)
	w.buf.WriteString(strconv.FormatBool(value))
}

func (w *jsonWriter) null(name string) {
	w.key(name)
	w.buf.WriteString("null")
}

func (w *jsonWriter) appendQuoted(s string) {
	// AppendQuote writes U+FFFD for invalid UTF-8 and then reports an
	// error, which is safe to drop because the output is complete.
	quoted, _ := jsontext.AppendQuote(w.buf.AvailableBuffer(), s)
	w.buf.Write(quoted)
}

// validUTF8 returns raw JSON with each invalid UTF-8 sequence replaced by
// U+FFFD. Such bytes can only sit inside strings, so the result is still
// valid JSON.
func validUTF8(raw []byte) []byte {
	if utf8.Valid(raw) {
		return raw
	}
	return bytes.ToValidUTF8(raw, []byte("\uFFFD"))
}
