package tui

import (
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// fieldRow is one member of a header or claims form.
type fieldRow struct {
	name string
	// text is the input as typed, and value the JSON it last parsed to.
	// While text does not parse, err is the parse error and value keeps the last
	// valid JSON, so the token still builds.
	text  string
	value []byte
	err   string
}

// fieldMode is the part of the form that the input edits.
type fieldMode int

const (
	fieldBrowse fieldMode = iota // no input: keys move and act on rows
	fieldValue                   // the input edits the selected row's value
	fieldName                    // the input takes the name of a new row
)

// Placeholders of the form's inputs.
const (
	fieldNamePlaceholder  = "type a name, then enter"
	fieldValuePlaceholder = "type JSON, or text for a string"
)

// parseFunc turns the text typed for member name into a JSON value.
type parseFunc func(name, text string) ([]byte, error)

// fieldList is an editable list of JSON members, used for the extra
// header parameters and for the claims.
type fieldList struct {
	rows   []fieldRow
	cursor int
	mode   fieldMode
	input  selectInput
	parse  parseFunc
	// defaultText returns the text a new member starts with.
	defaultText func(name string) string
	// reserved rejects a new member name, with the reason, or returns "".
	reserved func(name string) string
	// placeholder returns the text an empty value input shows for member
	// name. When nil, the input shows fieldValuePlaceholder.
	placeholder func(name string) string
	// problem is the reason the last new name was rejected.
	problem string
}

func newFieldList(st Styles, parse parseFunc, defaultText func(string) string, reserved func(string) string) fieldList {
	return fieldList{
		input:       newSelectInput(st, ""),
		parse:       parse,
		defaultText: defaultText,
		reserved:    reserved,
	}
}

// setMembers replaces the rows with the members of a document.
func (f fieldList) setMembers(members []jwtcore.Member) fieldList {
	f.rows = make([]fieldRow, 0, len(members))
	for _, m := range members {
		f.rows = append(f.rows, fieldRow{name: m.Name, text: string(m.Value), value: m.Value})
	}
	f.cursor = min(f.cursor, max(len(f.rows)-1, 0))
	return f
}

// members returns the rows as document members, each with its last valid
// value. A row that never parsed is left out.
func (f fieldList) members() []jwtcore.Member {
	out := make([]jwtcore.Member, 0, len(f.rows))
	for _, r := range f.rows {
		if r.value != nil {
			out = append(out, jwtcore.Member{Name: r.name, Value: r.value})
		}
	}
	return out
}

// firstError returns the name of the first row whose text does not parse.
func (f fieldList) firstError() (string, bool) {
	for _, r := range f.rows {
		if r.err != "" {
			return r.name, true
		}
	}
	return "", false
}

// typing reports whether the input has the focus.
func (f fieldList) typing() bool { return f.mode != fieldBrowse }

// update handles a key. changed reports whether a value changed, so the
// token must be rebuilt.
func (f fieldList) update(msg tea.KeyMsg, km BuildKeyMap) (fieldList, bool) {
	switch f.mode {
	case fieldValue:
		return f.editValue(msg, km)
	case fieldName:
		return f.editName(msg, km)
	}
	return f.browse(msg, km)
}

// browse handles a key while no input has the focus.
func (f fieldList) browse(msg tea.KeyMsg, km BuildKeyMap) (fieldList, bool) {
	switch {
	case key.Matches(msg, km.Up):
		f.cursor = max(f.cursor-1, 0)
	case key.Matches(msg, km.Down):
		f.cursor = min(f.cursor+1, max(len(f.rows)-1, 0))
	case key.Matches(msg, km.Edit) && len(f.rows) > 0:
		return f.startValue(), false
	case key.Matches(msg, km.Add):
		f.mode, f.problem = fieldName, ""
		f.input.SetValue("")
		f.input.Placeholder = fieldNamePlaceholder
		f.input.Focus()
	case key.Matches(msg, km.Remove) && len(f.rows) > 0:
		f.rows = slices.Delete(slices.Clone(f.rows), f.cursor, f.cursor+1)
		f.cursor = min(f.cursor, max(len(f.rows)-1, 0))
		return f, true
	}
	return f, false
}

func (f fieldList) startValue() fieldList {
	f.mode = fieldValue
	f.input.Placeholder = fieldValuePlaceholder
	if f.placeholder != nil {
		f.input.Placeholder = f.placeholder(f.rows[f.cursor].name)
	}
	f.input.Focus()
	f.input.Prefill(f.rows[f.cursor].text)
	return f
}

// editValue passes a key to the value input and parses the new text.
func (f fieldList) editValue(msg tea.KeyMsg, km BuildKeyMap) (fieldList, bool) {
	if key.Matches(msg, km.Done) || key.Matches(msg, km.Blur) {
		f.mode = fieldBrowse
		f.input.Blur()
		return f, false
	}
	before := f.input.Value()
	f.input, _ = f.input.Update(msg)
	if f.input.Value() == before {
		return f, false
	}
	f.rows = slices.Clone(f.rows)
	row := &f.rows[f.cursor]
	row.text = f.input.Value()
	value, err := f.parse(row.name, row.text)
	if err != nil {
		row.err = err.Error()
		return f, false
	}
	row.value, row.err = value, ""
	return f, true
}

// editName passes a key to the name input. Enter adds the member, or
// selects it when it exists, and starts editing its value.
func (f fieldList) editName(msg tea.KeyMsg, km BuildKeyMap) (fieldList, bool) {
	switch {
	case key.Matches(msg, km.Blur):
		f.mode, f.problem = fieldBrowse, ""
		f.input.Blur()
		return f, false
	case !key.Matches(msg, km.Done):
		f.input, _ = f.input.Update(msg)
		return f, false
	}
	name := f.input.Value()
	if reason := f.reserved(name); reason != "" {
		f.problem = reason
		return f, false
	}
	f.problem = ""
	if i := slices.IndexFunc(f.rows, func(r fieldRow) bool { return r.name == name }); i >= 0 {
		f.cursor = i
		return f.startValue(), false
	}
	f = f.add(name, f.defaultText(name))
	return f.startValue(), f.rows[f.cursor].err == ""
}

// add appends a member with text, parsed at once.
func (f fieldList) add(name, text string) fieldList {
	row := fieldRow{name: name, text: text}
	value, err := f.parse(name, text)
	if err != nil {
		row.err = err.Error()
	} else {
		row.value = value
	}
	f.rows = append(slices.Clone(f.rows), row)
	f.cursor = len(f.rows) - 1
	return f
}
