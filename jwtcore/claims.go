package jwtcore

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/go-json-experiment/json/jsontext"
)

// ErrNotObject is returned (wrapped) by ParseDocument for JSON text that is
// not an object.
var ErrNotObject = errors.New("not a JSON object")

// Document is an editable JSON object, such as a JWT header or claims set,
// with its members in order and each value kept as a raw JSON literal.
// The claims form, the raw JSON editor and `jwtlab sign` all build tokens
// from a Document, so a number keeps its digits and members keep their
// order from edit to edit.
//
// The zero value is an empty object. Copies share storage, so use Clone
// before handing a Document to another goroutine.
type Document struct {
	members []Member
}

// NewDocument returns a document with members in the given order. Each
// value must be one valid JSON value.
func NewDocument(members ...Member) (*Document, error) {
	d := &Document{}
	for _, m := range members {
		if err := d.Append(m.Name, m.Value); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// ParseDocument reads a JSON object, keeping member order, duplicate names
// and the exact text of every value.
func ParseDocument(text []byte) (*Document, error) {
	dec := jsontext.NewDecoder(bytes.NewReader(text),
		jsontext.AllowDuplicateNames(true))
	if dec.PeekKind() != '{' {
		return nil, notObjectError(dec, text)
	}
	if _, err := dec.ReadToken(); err != nil {
		return nil, syntaxError(text, err)
	}
	d := &Document{}
	for dec.PeekKind() != '}' {
		token, err := dec.ReadToken()
		if err != nil {
			return nil, syntaxError(text, err)
		}
		name := token.String()
		value, err := dec.ReadValue()
		if err != nil {
			return nil, syntaxError(text, err)
		}
		d.members = append(d.members, Member{
			Name:  name,
			Value: bytes.Clone(value),
		})
	}
	if _, err := dec.ReadToken(); err != nil {
		return nil, syntaxError(text, err)
	}
	return d, checkEnd(dec, text)
}

// checkEnd returns a *JSONSyntaxError unless only whitespace follows the
// object, because the decoder reads a stream and would accept "{} x".
func checkEnd(dec *jsontext.Decoder, text []byte) error {
	end := int(dec.InputOffset())
	_, err := dec.ReadValue()
	switch {
	case err == io.EOF:
		return nil
	case err != nil:
		return syntaxError(text, err)
	}
	offset := end + len(text[end:]) - len(bytes.TrimLeft(text[end:], " \t\r\n"))
	return positionError(text, offset, "extra data after the object")
}

// notObjectError reports what the text holds in place of an object.
func notObjectError(dec *jsontext.Decoder, text []byte) error {
	if _, err := dec.ReadValue(); err != nil {
		return syntaxError(text, err)
	}
	return fmt.Errorf("%w: the text is a JSON %s; wrap the members in {}",
		ErrNotObject, jsonKind(bytes.TrimSpace(text)))
}

// Len returns the number of members, duplicates included.
func (d *Document) Len() int { return len(d.members) }

// Members returns a copy of the members in order.
func (d *Document) Members() []Member { return slices.Clone(d.members) }

// Get returns the raw value of the last member called name, the one most
// JSON parsers keep when a name is duplicated.
func (d *Document) Get(name string) ([]byte, bool) {
	i := d.lastIndex(name)
	if i < 0 {
		return nil, false
	}
	return d.members[i].Value, true
}

// Has reports whether a member called name exists.
func (d *Document) Has(name string) bool { return d.lastIndex(name) >= 0 }

// Set gives member name the JSON value. An existing member keeps its
// place and any later duplicates of it are removed. A new member goes
// at the end.
func (d *Document) Set(name string, value []byte) error {
	value, err := validValue(name, value)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(d.members, func(m Member) bool {
		return m.Name == name
	})
	if i < 0 {
		d.members = append(d.members, Member{Name: name, Value: value})
		return nil
	}
	d.members[i] = Member{Name: name, Value: value}
	d.removeAfter(i, name)
	return nil
}

// removeAfter deletes the members called name that come after index i.
func (d *Document) removeAfter(i int, name string) {
	isDuplicate := func(m Member) bool { return m.Name == name }
	if !slices.ContainsFunc(d.members[i+1:], isDuplicate) {
		return
	}
	tail := slices.DeleteFunc(slices.Clone(d.members[i+1:]), isDuplicate)
	d.members = append(d.members[:i+1], tail...)
}

// SetString gives member name a JSON string value.
func (d *Document) SetString(name, s string) {
	value, _ := jsontext.AppendQuote(nil, s)
	// AppendQuote fails only on invalid UTF-8, and then still returns the
	// string with each bad byte replaced by U+FFFD.
	d.mustSet(name, value)
}

// SetInt gives member name a JSON integer value, such as a NumericDate.
func (d *Document) SetInt(name string, n int64) {
	d.mustSet(name, fmt.Appendf(nil, "%d", n))
}

// SetStrings gives member name a JSON array of strings.
func (d *Document) SetStrings(name string, list []string) {
	value := []byte{'['}
	for i, s := range list {
		if i > 0 {
			value = append(value, ',')
		}
		value, _ = jsontext.AppendQuote(value, s)
	}
	d.mustSet(name, append(value, ']'))
}

// mustSet sets a value built by this package, which is valid JSON by
// construction.
func (d *Document) mustSet(name string, value []byte) {
	if err := d.Set(name, value); err != nil {
		panic("jwtcore: built an invalid JSON value: " + err.Error())
	}
}

// Append adds a member at the end, even when the name already exists,
// so a document can show a duplicate name on purpose.
func (d *Document) Append(name string, value []byte) error {
	value, err := validValue(name, value)
	if err != nil {
		return err
	}
	d.members = append(d.members, Member{Name: name, Value: value})
	return nil
}

// Remove deletes every member called name and reports whether there was
// one.
func (d *Document) Remove(name string) bool {
	n := len(d.members)
	d.members = slices.DeleteFunc(slices.Clone(d.members), func(m Member) bool {
		return m.Name == name
	})
	return len(d.members) < n
}

// Clone returns a deep copy that shares no storage with d.
func (d *Document) Clone() *Document {
	c := &Document{members: make([]Member, len(d.members))}
	for i, m := range d.members {
		c.members[i] = Member{Name: m.Name, Value: bytes.Clone(m.Value)}
	}
	return c
}

// JSON returns the document as compact JSON text. Values appear exactly
// as stored, so the output of ParseDocument(text).JSON() differs from
// text only in whitespace between members.
func (d *Document) JSON() []byte {
	size := 2
	for _, m := range d.members {
		size += len(m.Name) + len(m.Value) + 4
	}
	out := make([]byte, 0, size)
	out = append(out, '{')
	for i, m := range d.members {
		if i > 0 {
			out = append(out, ',')
		}
		out, _ = jsontext.AppendQuote(out, m.Name)
		out = append(out, ':')
		out = append(out, m.Value...)
	}
	return append(out, '}')
}

// Indent returns the document as JSON with one member per line, indented
// by two spaces, for display and for the raw JSON editor.
func (d *Document) Indent() []byte {
	out, err := jsontext.AppendFormat(nil, d.JSON(),
		jsontext.AllowDuplicateNames(true), jsontext.WithIndent("  "))
	if err != nil {
		return d.JSON()
	}
	return out
}

// Object returns the document as an Object, with Text set to JSON().
func (d *Document) Object() Object {
	o := Object{Text: d.JSON(), Members: d.Members()}
	seen := map[string]bool{}
	for _, m := range d.members {
		if seen[m.Name] && !slices.Contains(o.Duplicates, m.Name) {
			o.Duplicates = append(o.Duplicates, m.Name)
		}
		seen[m.Name] = true
	}
	return o
}

func (d *Document) lastIndex(name string) int {
	for i := len(d.members) - 1; i >= 0; i-- {
		if d.members[i].Name == name {
			return i
		}
	}
	return -1
}

// validValue checks that value is exactly one JSON value and returns it
// compacted, with the digits of numbers and the escapes in strings kept.
func validValue(name string, value []byte) ([]byte, error) {
	compact, err := jsontext.AppendFormat(nil, value,
		jsontext.AllowDuplicateNames(true), jsontext.PreserveRawStrings(true))
	if err != nil {
		return nil, fmt.Errorf("member %q: %w", name, syntaxError(value, err))
	}
	return compact, nil
}
