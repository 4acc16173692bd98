package main

import (
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// humanPrinter writes reports as text for people.
type humanPrinter struct {
	w  io.Writer
	st styles
}

// inputCodePrefix starts the codes of the findings about what was removed
// from the pasted input.
const inputCodePrefix = "input_"

// printDecoded writes everything decode shows about one token.
func (p humanPrinter) printDecoded(r jwtcore.Report) {
	p.printInput(r)
	p.printToken(r)
	p.printParts(r.Token)
	p.printClaims(r.Explanation)
	p.printFindings("Warnings", tokenWarnings(r))
	if r.Err != nil {
		printf(p.w, "\n%s %s\n", p.st.bad("✘ not decoded:"), safe(r.Err.Error()))
	}
}

// printInput lists what was cleaned from the input before decoding.
func (p humanPrinter) printInput(r jwtcore.Report) {
	if r.Token == nil {
		return
	}
	for _, f := range r.Token.Findings {
		if strings.HasPrefix(f.Code, inputCodePrefix) {
			printf(p.w, "%s %s\n", p.st.faint("Input cleaned:"), safe(f.Message))
		}
	}
}

// printToken writes the form, the alg and the token in three colours.
func (p humanPrinter) printToken(r jwtcore.Report) {
	t := r.Token
	if t == nil || t.Compact == "" {
		return
	}
	alg := safe(t.Alg())
	if alg == "" {
		alg = "no alg"
	}
	printf(p.w, "%s  %s · %s · %s\n", p.st.heading("Token"),
		formName(t.Form), alg, plural(len(t.Segments), "segment"))
	printf(p.w, "%s\n", p.colorSegments(t.Segments))
}

func formName(f jwtcore.Form) string {
	switch f {
	case jwtcore.FormJWS:
		return "JWS"
	case jwtcore.FormJWE:
		return "JWE (encrypted)"
	default:
		return "damaged"
	}
}

// colorSegments joins the segments with dots, header red, payload purple
// and signature blue; the segments of a JWE after the header are dimmed.
func (p humanPrinter) colorSegments(segments []string) string {
	colored := make([]string, len(segments))
	for i, s := range segments {
		s = safe(s)
		switch i {
		case 0:
			colored[i] = p.st.header(s)
		case 1:
			colored[i] = p.st.payload(s)
		case 2:
			colored[i] = p.st.signature(s)
		default:
			colored[i] = p.st.faint(s)
		}
	}
	return strings.Join(colored, ".")
}

// printParts writes the header and the payload.
func (p humanPrinter) printParts(t *jwtcore.Token) {
	if t == nil {
		return
	}
	if t.Header.Text != nil {
		p.printJSON("Header", t.Header.Text)
	}
	switch {
	case t.Form == jwtcore.FormJWE:
		printf(p.w, "\n%s\n  encrypted: the payload of a JWE cannot be read without the decryption key\n",
			p.st.heading("Payload"))
	case t.Payload.Object != nil:
		p.printJSON("Payload", t.Payload.Object.Text)
	case t.Payload.Bytes != nil:
		p.printRawPayload(t.Payload.Bytes)
	case t.Payload.Detached:
		printf(p.w, "\n%s\n  detached: the payload segment is empty; "+
			"give the content with verify --payload-file FILE\n",
			p.st.heading("Payload"))
	}
}

// printJSON writes a JSON object indented, keeping key order and digits.
func (p humanPrinter) printJSON(title string, text []byte) {
	pretty, err := jwtcore.PrettyJSON(text)
	if err != nil {
		pretty = text
	}
	printf(p.w, "\n%s\n", p.st.heading(title))
	for line := range strings.SplitSeq(string(pretty), "\n") {
		printf(p.w, "  %s\n", safe(line))
	}
}

// printRawPayload writes a payload that is not a JSON object: as text when
// it is UTF-8, else as a hex dump.
func (p humanPrinter) printRawPayload(data []byte) {
	if utf8.Valid(data) {
		printf(p.w, "\n%s (text, not JSON)\n", p.st.heading("Payload"))
		for line := range strings.SplitSeq(string(data), "\n") {
			printf(p.w, "  %s\n", safe(line))
		}
		return
	}
	printf(p.w, "\n%s (%s, not UTF-8; hex)\n", p.st.heading("Payload"), plural(len(data), "byte"))
	for line := range strings.SplitSeq(strings.TrimRight(hex.Dump(data), "\n"), "\n") {
		printf(p.w, "  %s\n", line)
	}
}

// printClaims writes each claim with its meaning and, for time claims, the
// instant in UTC and local time and relative to now.
func (p humanPrinter) printClaims(e jwtcore.Explanation) {
	if len(e.Claims) == 0 {
		return
	}
	printf(p.w, "\n%s\n", p.st.heading("Claims"))
	nameWidth, valueWidth := 0, 0
	for _, c := range e.Claims {
		nameWidth = max(nameWidth, utf8.RuneCountInString(safe(c.Name)))
		valueWidth = max(valueWidth, utf8.RuneCountInString(shorten(safe(string(c.Value)), maxValueWidth)))
	}
	for _, c := range e.Claims {
		value := shorten(safe(string(c.Value)), maxValueWidth)
		printf(p.w, "  %s  %s  %s\n", p.st.name(padRight(safe(c.Name), nameWidth)),
			padRight(value, valueWidth), p.st.faint(safe(describeField(c))))
		if c.Time != nil {
			printf(p.w, "  %s  %s\n", strings.Repeat(" ", nameWidth), p.formatTime(*c.Time))
		}
	}
	if e.HasLifetime {
		printf(p.w, "  %s\n", p.st.faint("lifetime (exp - iat): "+formatDuration(e.Lifetime)))
	}
}

func describeField(f jwtcore.Field) string {
	if f.Category == jwtcore.CategoryPrivate && f.Description == "" {
		return "private claim"
	}
	return f.Description
}

// formatTime writes a NumericDate as UTC, local time and relative time.
func (p humanPrinter) formatTime(t jwtcore.TimeValue) string {
	if !t.OK {
		return p.st.warn("! " + safe(t.Problem))
	}
	utc := t.At.UTC().Format("2006-01-02 15:04:05 MST")
	local := t.At.Local().Format("2006-01-02 15:04:05 MST")
	text := utc
	if local != utc {
		text += " · " + local
	}
	if t.Relative != "" {
		text += " · " + t.Relative
	}
	if t.Problem != "" {
		text += " · " + p.st.warn("! "+safe(t.Problem))
	}
	return text
}

// formatDuration writes d in the largest whole units, such as "15m" or
// "7d 2h".
func formatDuration(d time.Duration) string {
	if d < 0 {
		return "-" + formatDuration(-d)
	}
	days := d / (24 * time.Hour)
	d -= days * 24 * time.Hour
	parts := []string{}
	if days > 0 {
		parts = append(parts, fmt.Sprintf("%dd", days))
	}
	for _, unit := range []struct {
		size time.Duration
		name string
	}{{time.Hour, "h"}, {time.Minute, "m"}, {time.Second, "s"}} {
		if n := d / unit.size; n > 0 {
			parts = append(parts, fmt.Sprintf("%d%s", n, unit.name))
			d -= n * unit.size
		}
	}
	if len(parts) == 0 {
		return "0s"
	}
	return strings.Join(parts[:min(len(parts), 2)], " ")
}

// tokenWarnings returns the report's findings except the input clean-up,
// which printInput shows.
func tokenWarnings(r jwtcore.Report) []jwtcore.Finding {
	var out []jwtcore.Finding
	seen := map[string]bool{}
	for _, f := range r.Findings {
		if strings.HasPrefix(f.Code, inputCodePrefix) || seen[f.Code+f.Message] {
			continue
		}
		seen[f.Code+f.Message] = true
		out = append(out, f)
	}
	return out
}

// printFindings writes findings with a mark for their severity.
func (p humanPrinter) printFindings(title string, findings []jwtcore.Finding) {
	if len(findings) == 0 {
		return
	}
	printf(p.w, "\n%s\n", p.st.heading(title))
	for _, f := range findings {
		mark := "·"
		switch f.Severity {
		case jwtcore.SeverityWarning:
			mark = p.st.warn("!")
		case jwtcore.SeverityDanger:
			mark = p.st.bad("!!")
		}
		printf(p.w, "  %s %s %s\n", mark, safe(f.Message), p.st.faint("("+safe(f.Code)+")"))
	}
}

// printNotChecked prints that decode did not check the signature, and how
// to check it.
func (p humanPrinter) printNotChecked(r jwtcore.Report) {
	if r.Token == nil || r.Token.Form != jwtcore.FormJWS {
		return
	}
	printf(p.w, "\n%s decode does not check the signature.\n", p.st.warn("Signature NOT checked:"))
	printf(p.w, "  check it with: jwtlab verify --secret SECRET TOKEN, or --key FILE for RS, PS, ES and EdDSA\n")
}

// safe escapes text from a token, a file or an error that quotes input
// before it is written to the terminal: see jwtcore.Printable.
func safe(s string) string { return jwtcore.Printable(s) }

// maxValueWidth is the widest claim value shown in the claims table, in
// runes; the payload above shows every value in full.
const maxValueWidth = 40

// plural writes n and the noun, with an s unless n is 1, such as
// "1 segment" or "3 segments".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// padRight pads s with spaces to width runes.
func padRight(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-utf8.RuneCountInString(s)))
}

// shorten cuts s to at most n runes, marking the cut with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	return string(runes[:n-1]) + "…"
}
