package tui

import "github.com/jwtlab/jwtlab/jwtcore"

// renderCache keeps the parts of the Inspect screen that depend only on
// the decoded token, the styles and a width: the coloured token lines and
// the header and payload JSON. Clock ticks, verify results and focus
// changes then skip re-rendering a large token.
type renderCache struct {
	// token is the decoded token the entries belong to. The model never
	// changes a decoded token, so a new pointer means a new token.
	token *jwtcore.Token
	// ok is set once the entries belong to token, which may be nil.
	ok bool

	tokenWidth int
	tokenLines []string

	jsonWidth       int
	header, payload string
}

// forToken returns c, or an empty cache when c belongs to another token.
func (c renderCache) forToken(t *jwtcore.Token) renderCache {
	if c.ok && c.token == t {
		return c
	}
	return renderCache{token: t, ok: true, tokenWidth: -1, jsonWidth: -1}
}

// cacheTokenLines renders the coloured token lines for width unless the
// cache holds them.
func (m *InspectModel) cacheTokenLines(width int) {
	m.cache = m.cache.forToken(m.report.Token)
	if m.cache.tokenWidth != width {
		m.cache.tokenLines = m.tokenLines(width)
		m.cache.tokenWidth = width
	}
}

// cachedJSON returns the header and payload JSON wrapped to width,
// rendering them only when the cache does not hold them.
func (m *InspectModel) cachedJSON(width int) (header, payload string) {
	m.cache = m.cache.forToken(m.report.Token)
	if m.cache.jsonWidth != width {
		m.cache.header = m.jsonBlock(jwtcore.SegmentHeader, width)
		m.cache.payload = m.jsonBlock(jwtcore.SegmentPayload, width)
		m.cache.jsonWidth = width
	}
	return m.cache.header, m.cache.payload
}
