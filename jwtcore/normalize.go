package jwtcore

import (
	"fmt"
	"iter"
	"strconv"
	"strings"
)

// Finding codes for what Normalize removed from pasted input.
const (
	CodeBearerPrefix        = "input_normalized_bearer_prefix"
	CodeAuthorizationHeader = "input_normalized_authorization_header"
	CodeQuotes              = "input_normalized_quotes"
	CodeWhitespace          = "input_normalized_whitespace"
	CodeInternalWhitespace  = "input_normalized_internal_whitespace"
	CodeExtractedFromText   = "input_extracted_from_text"
	CodeMultipleTokens      = "input_multiple_tokens"
)

// maxUnwrapRounds bounds how many layers of quotes and prefixes Normalize
// peels, so input made of thousands of quote pairs stays linear in time.
const maxUnwrapRounds = 8

// Normalize finds a compact token in pasted text and returns it with one
// info finding for each kind of thing it removed. It removes surrounding
// whitespace, quotes (double, single, backtick), an "Authorization:"
// header name and a "Bearer" scheme (both in any case). It also removes
// line breaks inside a token wrapped across lines. When the text holds more than a token, such as a
// log line or a curl command, Normalize extracts the token from it. When
// the text contains several tokens, Normalize returns the first and a
// warning that gives their count.
// Normalize runs in time linear in the length of input.
func Normalize(input string) (string, []Finding) {
	n := normalizer{}
	text := n.unwrap(input)
	if isTokenText(text, false) && !strings.Contains(text, "=eyJ") {
		// Only token characters remain, so there is nothing to remove or
		// extract, and the checks below would all find nothing.
		return text, n.findings
	}
	if hasUnencodedPayload(text) {
		// With "b64": false the payload segment may contain any character but
		// '.', so nothing inside it can be taken for surrounding text.
		return text, n.findings
	}
	if hasSpace(text) && isTokenText(text, true) && !hasTokenWord(text) {
		cleaned := removeSpace(text)
		n.note(CodeInternalWhitespace, fmt.Sprintf("removed %s (line "+
			"breaks, spaces) from inside the token: whitespace is never part of a compact "+
			"JWT", pluralCount(len(text)-len(cleaned), "whitespace character")))
		text = cleaned
	}
	if hasSurroundingText(text) {
		// A "name=eyJ" run may turn out to be the whole text, and then
		// nothing was extracted.
		if token, ok := extractToken(text); ok && token != text {
			n.note(CodeExtractedFromText, "extracted the token from the surrounding text")
			n.noteMultipleTokens(text)
			text = token
		}
	}
	return text, n.findings
}

// normalizer collects one finding per kind of removal.
type normalizer struct {
	findings []Finding
}

func (n *normalizer) note(code, message string) {
	for _, f := range n.findings {
		if f.Code == code {
			return
		}
	}
	n.findings = append(n.findings, Finding{Code: code, Severity: SeverityInfo, Message: message})
}

// unwrap peels whitespace, quotes, the header name and the Bearer scheme
// from both ends of text, in any nesting, for up to maxUnwrapRounds rounds.
func (n *normalizer) unwrap(text string) string {
	for range maxUnwrapRounds {
		before := text
		text = n.trimSpace(text)
		text = n.trimQuotes(text)
		text = n.trimPrefixFold(text, "authorization:", CodeAuthorizationHeader,
			`removed the "Authorization:" header name`)
		text = n.trimScheme(text)
		if text == before {
			break
		}
	}
	return text
}

func (n *normalizer) trimSpace(text string) string {
	trimmed := strings.TrimSpace(text)
	if trimmed != text {
		n.note(CodeWhitespace, "removed whitespace or line breaks around the token")
	}
	return trimmed
}

func (n *normalizer) trimQuotes(text string) string {
	if len(text) < 2 {
		return text
	}
	first, last := text[0], text[len(text)-1]
	if first != last || strings.IndexByte("\"'`", first) < 0 {
		return text
	}
	n.note(CodeQuotes, "removed the quotes around the token")
	return text[1 : len(text)-1]
}

// trimScheme removes a leading "Bearer" followed by whitespace.
func (n *normalizer) trimScheme(text string) string {
	const scheme = "bearer"
	if len(text) <= len(scheme) || !strings.EqualFold(text[:len(scheme)], scheme) {
		return text
	}
	if !isSpace(text[len(scheme)]) {
		return text
	}
	n.note(CodeBearerPrefix, `removed the "Bearer " prefix `+
		`(the HTTP authentication scheme, not part of the token)`)
	return strings.TrimLeft(text[len(scheme):], " \t")
}

func (n *normalizer) trimPrefixFold(text, prefix, code, message string) string {
	if len(text) < len(prefix) || !strings.EqualFold(text[:len(prefix)], prefix) {
		return text
	}
	n.note(code, message)
	return strings.TrimLeft(text[len(prefix):], " \t")
}

func isSpace(c byte) bool {
	return charClass[c] == classSpace
}

func hasSpace(text string) bool {
	for i := range len(text) {
		if isSpace(text[i]) {
			return true
		}
	}
	return false
}

func removeSpace(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	for i := range len(text) {
		if !isSpace(text[i]) {
			b.WriteByte(text[i])
		}
	}
	return b.String()
}

// Character classes of pasted text, looked up per byte so that scanning a
// 100 KB token stays a single cheap pass.
const (
	classToken     = 1 << iota // base64url, '+', '/', '=' and '.'
	classSpace                 // ASCII whitespace
	classSeparator             // quotes, brackets and punctuation around tokens in text
)

var charClass = func() (table [256]uint8) {
	for c := range 256 {
		switch {
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9',
			strings.IndexByte("-_.+/=", byte(c)) >= 0:
			table[c] = classToken
		case strings.IndexByte(" \t\n\r\v\f", byte(c)) >= 0:
			table[c] = classSpace
		case strings.IndexByte("\"'`{}[](),;:<>", byte(c)) >= 0:
			table[c] = classSeparator
		}
	}
	return table
}()

// isTokenChar reports whether c may appear in a compact token as pasted:
// base64url, the standard base64 characters and padding, and the dot.
func isTokenChar(c byte) bool {
	return charClass[c] == classToken
}

// isTokenText reports whether text consists only of token characters,
// and of whitespace when allowSpace is set.
func isTokenText(text string, allowSpace bool) bool {
	for i := range len(text) {
		c := text[i]
		if !isTokenChar(c) && !(allowSpace && isSpace(c)) {
			return false
		}
	}
	return true
}

// hasTokenWord reports whether text has several words and one of them is
// a whole token, alone or after "name=", as in a sentence or a log line.
// Lines of a wrapped token are only parts of one.
func hasTokenWord(text string) bool {
	words := strings.Fields(text)
	if len(words) < 2 {
		return false
	}
	for _, word := range words {
		// A token may follow a name, as in "id_token=eyJ...".
		if _, value, found := strings.Cut(word, "=eyJ"); found {
			word = "eyJ" + value
		}
		if strings.HasPrefix(word, "eyJ") && strings.Count(word, ".") >= 2 {
			return true
		}
	}
	return false
}

// hasSurroundingText reports whether text contains characters that separate
// words in logs, shell commands and JSON, or a "name=" before a token. A
// single word with a stray character is left alone, so that Decode can
// report the character and its position.
func hasSurroundingText(text string) bool {
	if strings.Contains(text, "=eyJ") {
		return true
	}
	for i := range len(text) {
		if charClass[text[i]]&(classSpace|classSeparator) != 0 {
			return true
		}
	}
	return false
}

// hasUnencodedPayload reports whether text is three segments whose header
// decodes to a JSON object with "b64": false (RFC 7797).
func hasUnencodedPayload(text string) bool {
	headerSegment, rest, found := strings.Cut(text, ".")
	if !found || strings.Count(rest, ".") != 1 || isTokenText(rest, false) {
		return false
	}
	header, _, err := decodeSegment(headerSegment, SegmentHeader)
	if err != nil {
		return false
	}
	obj, err := parseObject(header)
	if err != nil {
		return false
	}
	raw, ok := obj.Get("b64")
	return ok && string(raw) == "false"
}

// noteMultipleTokens adds a warning when text contains more than one
// token, such as the id_token and access_token of an OAuth response.
func (n *normalizer) noteMultipleTokens(text string) {
	count := countTokens(text)
	if count < 2 {
		return
	}
	n.findings = append(n.findings, Finding{Code: CodeMultipleTokens,
		Severity: SeverityWarning, Message: "the input contains " +
			strconv.Itoa(count) + " tokens, and the first is shown; to " +
			"inspect another, paste that token alone"})
}

// countTokens counts the runs of token characters that contain "eyJ"
// followed by at least two dots, as a compact JWS or JWE does.
func countTokens(text string) int {
	count := 0
	for run := range tokenRuns(text) {
		if i := strings.Index(run, "eyJ"); i >= 0 && strings.Count(run[i:], ".") >= 2 {
			count++
		}
	}
	return count
}

// tokenRuns yields each maximal run of token characters in text, in order.
func tokenRuns(text string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for start := 0; start < len(text); {
			if !isTokenChar(text[start]) {
				start++
				continue
			}
			end := start
			for end < len(text) && isTokenChar(text[end]) {
				end++
			}
			if !yield(text[start:end]) {
				return
			}
			start = end
		}
	}
}

// extractToken finds a compact token inside longer text. It prefers the
// first run of token characters that starts with "eyJ" (a base64url JSON
// object that begins with a quoted name, as nearly every JOSE header does)
// and has a dot after that start. Failing that, it takes the longest run
// with at least two dots.
func extractToken(text string) (string, bool) {
	best := ""
	for run := range tokenRuns(text) {
		if i := strings.Index(run, "eyJ"); i >= 0 && strings.IndexByte(run[i:], '.') > 0 {
			return trimSentenceDot(run[i:]), true
		}
		if strings.Count(run, ".") >= 2 && len(run) > len(best) {
			best = run
		}
	}
	return trimSentenceDot(best), best != ""
}

// trimSentenceDot removes a dot that ends a sentence after a JWS. A JWS
// with an empty signature (alg none) ends in its second dot, which stays.
func trimSentenceDot(token string) string {
	if strings.HasSuffix(token, ".") && strings.Count(token, ".") == 3 {
		return token[:len(token)-1]
	}
	return token
}
