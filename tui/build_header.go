package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// headerEditor picks the alg from the catalogue and edits the other
// header parameters: typ, kid, cty and any custom ones.
type headerEditor struct {
	algs []jwtcore.Algorithm
	// alg is the index in algs of the chosen algorithm.
	alg    int
	fields fieldList
}

func newHeaderEditor(st Styles) headerEditor {
	parse := func(_, text string) ([]byte, error) { return jwtcore.ParseClaimValue(text) }
	h := headerEditor{
		algs:   jwtcore.Algorithms(),
		fields: newFieldList(st, parse, defaultHeaderText, reservedHeaderName),
	}
	h.fields = h.fields.add("typ", `"JWT"`)
	h.fields.cursor = 0
	return h
}

// defaultHeaderText returns the text a new header parameter starts with.
// Like a claim's, it is plain text, which becomes a JSON string, so typing
// at the end of it extends the string instead of breaking the JSON.
func defaultHeaderText(name string) string {
	switch name {
	case "typ", "cty":
		return "JWT"
	case "kid":
		return "key-1"
	}
	return ""
}

func reservedHeaderName(name string) string {
	switch name {
	case "":
		return "type a header parameter name, such as kid or cty"
	case "alg":
		return "alg is chosen from the algorithm list, not typed"
	}
	return ""
}

// algorithm returns the chosen algorithm.
func (h headerEditor) algorithm() jwtcore.Algorithm { return h.algs[h.alg] }

// document returns the header: alg first, then the other parameters.
func (h headerEditor) document() *jwtcore.Document {
	doc := &jwtcore.Document{}
	doc.SetString("alg", h.algorithm().Name)
	for _, m := range h.fields.members() {
		// Append rejects only invalid JSON, and every value here came from
		// jwtcore.ParseClaimValue.
		_ = doc.Append(m.Name, m.Value)
	}
	return doc
}

// updateAlg handles a key in the algorithm list; changed reports whether
// the alg changed.
func (h headerEditor) updateAlg(msg tea.KeyMsg, km BuildKeyMap) (headerEditor, bool) {
	before := h.alg
	switch {
	case key.Matches(msg, km.Up):
		h.alg = max(h.alg-1, 0)
	case key.Matches(msg, km.Down):
		h.alg = min(h.alg+1, len(h.algs)-1)
	case key.Matches(msg, km.Top):
		h.alg = 0
	case key.Matches(msg, km.Bottom):
		h.alg = len(h.algs) - 1
	}
	return h, h.alg != before
}
