package jwtcore

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/go-json-experiment/json/jsontext"
)

// errNotObject reports JSON text whose top-level value is not an object.
var errNotObject = errors.New("not a JSON object")

// parseObject reads text as one JSON object and returns its top-level
// members in order. Member values are sub-slices of text, so numbers keep
// their digits and strings their escapes. Duplicate names and invalid UTF-8
// are accepted, because a token may contain both and must still be shown.
// On error the Object has only Text set.
func parseObject(text []byte) (Object, error) {
	members, err := readMembers(text)
	if err != nil {
		return Object{Text: text}, err
	}
	return Object{Text: text, Members: members, Duplicates: duplicateNames(members)}, nil
}

// readMembers reads the members of the JSON object in text. The result is
// non-nil for any JSON object, even "{}", so that isObject can tell an
// empty object from text that is not an object.
func readMembers(text []byte) ([]Member, error) {
	reader := getTextDecoder(text)
	defer reader.release()
	dec := &reader.dec
	if dec.PeekKind() != '{' {
		if _, err := dec.ReadValue(); err != nil {
			return nil, err
		}
		return nil, errNotObject
	}
	if _, err := dec.ReadToken(); err != nil {
		return nil, err
	}

	// Each member has a colon, so the colon count bounds the member
	// count, closely for the flat objects tokens usually have.
	members := make([]Member, 0, min(bytes.Count(text, []byte{':'}), 64))
	for dec.PeekKind() != '}' {
		member, err := readMember(dec, text)
		if err != nil {
			return nil, err
		}
		members = append(members, member)
	}
	if _, err := dec.ReadToken(); err != nil {
		return nil, err
	}
	if _, err := dec.ReadToken(); err != io.EOF {
		return nil, fmt.Errorf("unexpected data after the JSON object at byte %d", dec.InputOffset())
	}
	return members, nil
}

// textDecoder is a pooled JSON decoder with the buffer it reads from.
// Decoding a token parses two small objects, and a fresh jsontext.Decoder
// for each would cost more than the parsing itself.
type textDecoder struct {
	buf bytes.Buffer
	dec jsontext.Decoder
}

var textDecoders = sync.Pool{New: func() any { return new(textDecoder) }}

// getTextDecoder returns a decoder over text that accepts duplicate names
// and invalid UTF-8. Reading from a *bytes.Buffer lets it parse text in
// place, without a copy.
func getTextDecoder(text []byte) *textDecoder {
	reader := textDecoders.Get().(*textDecoder)
	reader.buf = *bytes.NewBuffer(text)
	reader.dec.Reset(&reader.buf,
		jsontext.AllowDuplicateNames(true),
		jsontext.AllowInvalidUTF8(true))
	return reader
}

// release drops the reference to the text and returns the decoder to
// the pool.
func (reader *textDecoder) release() {
	reader.buf = bytes.Buffer{}
	reader.dec.Reset(&reader.buf)
	textDecoders.Put(reader)
}

// readMember reads one name and its value from dec, which reads text.
func readMember(dec *jsontext.Decoder, text []byte) (Member, error) {
	rawName, err := dec.ReadValue()
	if err != nil {
		return Member{}, err
	}
	// The raw name is valid only until the next read, so copy it now.
	name, err := memberName(rawName)
	if err != nil {
		return Member{}, err
	}
	value, err := dec.ReadValue()
	if err != nil {
		return Member{}, err
	}
	end := int(dec.InputOffset())
	start := end - len(value)
	return Member{Name: name, Value: text[start:end:end]}, nil
}

// memberName unquotes a raw member name. The registered header parameter
// and claim names are returned as constants, so decoding a usual token
// does not allocate a string for each name.
func memberName(raw jsontext.Value) (string, error) {
	if len(raw) < 2 || raw[0] != '"' {
		return "", fmt.Errorf("invalid object member name %s", shortenLiteral(string(raw)))
	}
	if bytes.IndexByte(raw, '\\') >= 0 {
		name, err := jsontext.AppendUnquote(nil, raw)
		return string(name), err
	}
	return internName(raw[1 : len(raw)-1]), nil
}

func internName(name []byte) string {
	// A switch on string(name) compiles to comparisons without a copy.
	switch string(name) {
	case "alg":
		return "alg"
	case "typ":
		return "typ"
	case "kid":
		return "kid"
	case "cty":
		return "cty"
	case "crit":
		return "crit"
	case "b64":
		return "b64"
	case "iss":
		return "iss"
	case "sub":
		return "sub"
	case "aud":
		return "aud"
	case "exp":
		return "exp"
	case "nbf":
		return "nbf"
	case "iat":
		return "iat"
	case "jti":
		return "jti"
	case "name":
		return "name"
	}
	return string(name)
}

// duplicateNames lists each name that occurs more than once, in order of
// its second occurrence.
func duplicateNames(members []Member) []string {
	if len(members) > maxMembersScanned {
		return duplicateNamesByMap(members)
	}
	var dups []string
	for i, member := range members {
		// Only the second occurrence of a name adds it, so a name is
		// listed once however often it repeats.
		if countName(members[:i], member.Name) == 1 {
			dups = append(dups, member.Name)
		}
	}
	return dups
}

// maxMembersScanned is the member count up to which duplicateNames
// compares names pairwise, which for a few members costs less than
// building a map.
const maxMembersScanned = 32

func countName(members []Member, name string) int {
	count := 0
	for _, member := range members {
		if member.Name == name {
			count++
		}
	}
	return count
}

func duplicateNamesByMap(members []Member) []string {
	seen := make(map[string]int, len(members))
	var dups []string
	for _, m := range members {
		seen[m.Name]++
		if seen[m.Name] == 2 {
			dups = append(dups, m.Name)
		}
	}
	return dups
}

// PrettyJSON indents JSON text by two spaces per level. It keeps member
// order, duplicate names, number literals and string escapes exactly as
// written, and only changes whitespace.
func PrettyJSON(text []byte) ([]byte, error) {
	value := jsontext.Value(bytes.Clone(text))
	if err := value.Indent(jsontext.WithIndent("  ")); err != nil {
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	return value, nil
}

// isObject reports whether o was parsed as a JSON object. parseObject
// leaves Members nil only for text that is not one.
func isObject(o Object) bool {
	return o.Members != nil
}

// objectString returns the value of member name when it is a JSON string.
func objectString(o Object, name string) (string, bool) {
	raw, ok := o.Get(name)
	if !ok || len(raw) < 2 || raw[0] != '"' {
		return "", false
	}
	if plainJSONString(raw) {
		return string(raw[1 : len(raw)-1]), true
	}
	return unquoteJSON(raw)
}

// plainJSONString reports whether the string literal raw has no escape
// and only printable ASCII, so its content is the bytes between the quotes.
func plainJSONString(raw []byte) bool {
	if len(raw) < 2 || raw[len(raw)-1] != '"' {
		return false
	}
	for _, c := range raw[1 : len(raw)-1] {
		if c < 0x20 || c >= 0x7f || c == '\\' || c == '"' {
			return false
		}
	}
	return true
}

// unquoteJSON decodes a raw JSON string literal.
func unquoteJSON(raw []byte) (string, bool) {
	s, err := jsontext.AppendUnquote(nil, raw)
	if err != nil {
		return "", false
	}
	return string(s), true
}

// jsonKind names the JSON type of a raw value for messages.
func jsonKind(raw []byte) string {
	if len(raw) == 0 {
		return "empty"
	}
	switch jsontext.Value(raw).Kind() {
	case '"':
		return "string"
	case '0':
		return "number"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	case '[':
		return "array"
	case '{':
		return "object"
	}
	return "invalid JSON"
}

// arrayValues returns the raw elements of a JSON array.
func arrayValues(raw []byte) ([][]byte, error) {
	dec := jsontext.NewDecoder(bytes.NewBuffer(raw), jsontext.AllowInvalidUTF8(true))
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '[' {
		return nil, fmt.Errorf("not a JSON array")
	}
	var values [][]byte
	for dec.PeekKind() != ']' {
		value, err := dec.ReadValue()
		if err != nil {
			return nil, err
		}
		values = append(values, bytes.Clone(value))
	}
	return values, nil
}

// isJSONArrayOf reports whether raw is a JSON array holding exactly the
// given strings, in order.
func isJSONArrayOf(raw []byte, want ...string) bool {
	values, err := arrayValues(raw)
	if err != nil || len(values) != len(want) {
		return false
	}
	for i, v := range values {
		if s, ok := unquoteJSON(v); !ok || s != want[i] {
			return false
		}
	}
	return true
}
