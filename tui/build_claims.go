package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// registeredClaims are the RFC 7519 4.1 claims the form offers, in the
// order the help line lists them.
var registeredClaims = []string{"iss", "sub", "aud", "exp", "nbf", "iat", "jti"}

// isTimeClaim reports whether name is a NumericDate claim, which the form
// also accepts as "now" or a duration from now.
func isTimeClaim(name string) bool {
	return name == "exp" || name == "nbf" || name == "iat"
}

// claimsEditor edits the payload as a form of claims or as raw JSON text.
// Both views edit the same document: the form's rows are rebuilt from the
// raw text whenever it parses, and the raw text is rebuilt from the rows
// only after the form changed them, so neither loses the other's input.
type claimsEditor struct {
	form fieldList
	raw  textarea.Model
	// rawMode shows the textarea; rawErr is why its text does not parse.
	rawMode bool
	rawErr  string
	// formChanged is set when the form edited the rows after the raw text
	// was last in step with them.
	formChanged bool
	// problem is the reason the last mode switch was rejected.
	problem string
}

func newClaimsEditor(st Styles, now func() time.Time) claimsEditor {
	parse := func(name, text string) ([]byte, error) {
		return parseClaimText(name, text, now())
	}
	raw := textarea.New()
	raw.ShowLineNumbers = false
	raw.Prompt = ""
	raw.CharLimit = 0
	raw.KeyMap.InsertNewline.SetKeys("enter", "ctrl+j")
	form := newFieldList(st, parse, defaultClaimText, reservedClaimName)
	form.placeholder = claimPlaceholder
	return claimsEditor{form: form, raw: raw}
}

// claimPlaceholder returns the placeholder of claim name's value input,
// which names the time forms that parseClaimText takes for a time claim.
func claimPlaceholder(name string) string {
	if isTimeClaim(name) {
		return "type now, a duration such as 15m, or a NumericDate"
	}
	return fieldValuePlaceholder
}

// parseClaimText turns the text typed for claim name into JSON. A time
// claim also takes "now" or a duration such as 15m, 24h, 7d or -5m, which
// becomes the NumericDate that far from now. Other text is read by
// jwtcore.ParseClaimValue: JSON where it parses, else a string.
func parseClaimText(name, text string, now time.Time) ([]byte, error) {
	if isTimeClaim(name) {
		trimmed := strings.TrimSpace(text)
		if trimmed == "now" {
			return fmt.Appendf(nil, "%d", now.Unix()), nil
		}
		if d, err := jwtcore.ParseDuration(trimmed); err == nil && !isPlainNumber(trimmed) {
			return fmt.Appendf(nil, "%d", now.Add(d).Unix()), nil
		}
	}
	return jwtcore.ParseClaimValue(text)
}

// isPlainNumber reports whether s is digits only, which is a NumericDate
// and not a duration.
func isPlainNumber(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// defaultClaimText returns the text a new claim starts with: a sensible
// value for a registered claim, and an empty box for any other, so the
// first key typed starts the value. parseClaimText turns an empty box
// into the JSON string "".
func defaultClaimText(name string) string {
	switch name {
	case "iss":
		return "https://issuer.example"
	case "sub":
		return "user-123"
	case "aud":
		return "api.example"
	case "exp":
		return "15m"
	case "nbf", "iat":
		return "now"
	case "jti":
		return `"` + jwtcore.NewJTI() + `"`
	}
	return ""
}

func reservedClaimName(name string) string {
	if name == "" {
		return "type a claim name, such as exp or role"
	}
	return ""
}

// document returns the claims as a document: the parsed raw text in raw
// mode, else the form's rows.
func (c claimsEditor) document() *jwtcore.Document {
	doc, err := jwtcore.NewDocument(c.form.members()...)
	if err != nil {
		// Every row value was produced by a JSON parser, so this does not
		// happen; an empty object is the safe result if it does.
		return &jwtcore.Document{}
	}
	return doc
}

// typing reports whether an input or the textarea has the focus.
func (c claimsEditor) typing() bool { return c.rawMode || c.form.typing() }

// update handles a key; changed reports whether the claims changed.
func (c claimsEditor) update(msg tea.KeyMsg, km BuildKeyMap) (claimsEditor, bool) {
	if key.Matches(msg, km.RawMode) {
		return c.toggleRaw(), false
	}
	if !c.rawMode {
		var changed bool
		c.form, changed = c.form.update(msg, km)
		c.formChanged = c.formChanged || changed
		return c, changed
	}
	return c.editRaw(msg)
}

// editRaw passes a key to the textarea and takes the text over into the
// rows when it parses as a JSON object.
func (c claimsEditor) editRaw(msg tea.KeyMsg) (claimsEditor, bool) {
	before := c.raw.Value()
	c.raw, _ = c.raw.Update(msg)
	if c.raw.Value() == before {
		return c, false
	}
	doc, err := jwtcore.ParseDocument([]byte(c.raw.Value()))
	if err != nil {
		c.rawErr = err.Error()
		return c, false
	}
	c.rawErr = ""
	c.form = c.form.setMembers(doc.Members())
	return c, true
}

// toggleRaw switches between the form and the raw text. It refuses to
// leave a view whose text does not parse, so no typed text is dropped.
func (c claimsEditor) toggleRaw() claimsEditor {
	c.problem = ""
	if c.rawMode {
		if c.rawErr != "" {
			c.problem = "fix the JSON first; the form shows the last valid claims"
			return c
		}
		c.rawMode = false
		c.raw.Blur()
		return c
	}
	if name, bad := c.form.firstError(); bad {
		c.problem = fmt.Sprintf("fix the value of %s first; the raw JSON is built from valid values", name)
		return c
	}
	c.form.mode = fieldBrowse
	c.form.input.Blur()
	if c.formChanged || c.raw.Value() == "" {
		c.raw.SetValue(string(c.document().Indent()))
		c.formChanged = false
	}
	c.rawMode = true
	c.raw.Focus()
	return c
}

// leave drops the focus of every input when the claims lose the focus.
func (c claimsEditor) leave() claimsEditor {
	c.form.mode = fieldBrowse
	c.form.input.Blur()
	c.raw.Blur()
	return c
}

// enter focuses the textarea again when the claims get the focus in raw
// mode.
func (c claimsEditor) enter() claimsEditor {
	if c.rawMode {
		c.raw.Focus()
	}
	return c
}
