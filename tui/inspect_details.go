package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// maxNameWidth caps the name column of the claims table.
const maxNameWidth = 14

// jsonBlock renders the header or the payload as coloured, indented JSON,
// or the reason it cannot. The JSON is wrapped to width before it is
// coloured, so a long string keeps its colour on every line. A width of 0
// leaves the lines unwrapped.
func (m InspectModel) jsonBlock(segment string, width int) string {
	t := m.report.Token
	if t == nil {
		return m.styles.Muted.Render("(nothing decoded)")
	}
	text := t.Header.Text
	if segment == jwtcore.SegmentPayload {
		text = t.Payload.Bytes
		if t.Form == jwtcore.FormJWE {
			return m.styles.Muted.Render("(encrypted: a JWE payload needs the decryption key)")
		}
		if t.Payload.Detached && text == nil {
			return m.styles.Muted.Render("(detached: the payload is not part of the token)")
		}
	}
	if text == nil {
		return m.styles.Muted.Render("(not decoded: see the error above)")
	}
	pretty, err := jwtcore.PrettyJSON(text)
	if err != nil {
		return m.styles.Warning.Render("not JSON, shown as text:") + "\n" + printable(string(text))
	}
	text = []byte(printable(string(pretty)))
	if width > 0 {
		text = []byte(wrapTo(string(text), width))
	}
	return colorizeJSON(string(text), m.styles)
}

// detailsBlock renders the header parameters, the claims, the
// verification checks and the warnings.
func (m InspectModel) detailsBlock(width int) string {
	st := m.styles
	ex := m.report.Explanation
	var b strings.Builder
	b.WriteString(st.Header.Render("Header parameters") + "\n")
	b.WriteString(m.fieldTable(ex.Header, width))
	b.WriteString("\n" + st.Payload.Render("Claims") + "\n")
	b.WriteString(m.fieldTable(ex.Claims, width))
	if ex.HasLifetime {
		b.WriteString(st.Muted.Render("lifetime (exp − iat): "+ex.Lifetime.String()) + "\n")
	}
	b.WriteString("\n" + st.Signature.Render("Signature") + "\n")
	b.WriteString(m.signatureLine(width) + "\n")
	b.WriteString("\n" + st.Signature.Render("Verification") + "\n")
	b.WriteString(m.checksBlock(width))
	b.WriteString("\n" + st.Label.Render("Warnings") + "\n")
	b.WriteString(m.warningsBlock(width))
	return strings.TrimRight(b.String(), "\n")
}

// fieldTable renders explained fields: the name and raw value on one line,
// then the times and the meaning indented below.
func (m InspectModel) fieldTable(fields []jwtcore.Field, width int) string {
	st := m.styles
	if len(fields) == 0 {
		return st.Muted.Render("(none)") + "\n"
	}
	nameWidth := 0
	for _, f := range fields {
		nameWidth = max(nameWidth, min(ansi.StringWidth(printable(f.Name)), maxNameWidth))
	}
	indent := spaces(nameWidth + 2)
	valueWidth := max(width-nameWidth-2, 8)
	var b strings.Builder
	for _, f := range fields {
		name := ansi.Truncate(printable(f.Name), maxNameWidth, "…")
		value := ansi.Truncate(printable(oneLine(valuePrefix(f.Value, valueWidth))), valueWidth, "…")
		b.WriteString(st.ClaimName.Render(name) + spaces(nameWidth-ansi.StringWidth(name)+2))
		b.WriteString(colorizeJSON(value, st) + "\n")
		for _, line := range m.timeLines(f.Time) {
			b.WriteString(indent + line + "\n")
		}
		b.WriteString(indent + st.Muted.Render(hangingIndent(fieldMeaning(f), valueWidth, len(indent))) + "\n")
	}
	return b.String()
}

// fieldMeaning returns where a field is defined and what it means.
func fieldMeaning(f jwtcore.Field) string {
	label := "[" + categoryLabel(f.Category) + "]"
	if f.Description == "" {
		return label
	}
	return label + " " + printable(f.Description)
}

// categoryLabel names where a claim or header parameter is defined.
func categoryLabel(c jwtcore.Category) string {
	switch c {
	case jwtcore.CategoryRegistered:
		return "registered"
	case jwtcore.CategoryPublic:
		return "public"
	case jwtcore.CategorySimpleJWT:
		return "SimpleJWT"
	}
	return "private"
}

// timeLines renders a NumericDate in UTC, in local time and relative to
// now, or the reason it is not a usable time.
func (m InspectModel) timeLines(tv *jwtcore.TimeValue) []string {
	if tv == nil {
		return nil
	}
	if !tv.OK {
		return []string{m.styles.Warning.Render("! " + printable(tv.Problem))}
	}
	utc := tv.At.UTC().Format("2006-01-02 15:04:05 UTC")
	local := tv.At.In(m.location).Format("2006-01-02 15:04:05 MST")
	lines := []string{utc + m.styles.Muted.Render(" · local ") + local}
	if tv.Relative != "" {
		lines = append(lines, m.styles.Label.Render(tv.Relative))
	}
	if tv.Problem != "" {
		lines = append(lines, m.styles.Warning.Render("! "+printable(tv.Problem)))
	}
	return lines
}

// valuePrefix returns the start of a raw JSON value, long enough to fill
// width cells, so a claim of many kilobytes is not escaped in full only
// to be cut. A UTF-8 character takes at most 4 bytes and, unless it is
// zero-width, at least one cell, so 4*width bytes fill the width. A
// character cut in two shows as an escape, beyond the width in practice.
func valuePrefix(value []byte, width int) string {
	limit := 4*width + 16
	if len(value) > limit {
		value = value[:limit]
	}
	return string(value)
}

func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ").Replace(s)
}

// signatureLine describes the decoded signature: its size and its bytes
// in hex, cut to the width.
func (m InspectModel) signatureLine(width int) string {
	t := m.report.Token
	if t == nil || len(t.Signature) == 0 {
		return m.styles.Muted.Render("(empty: nothing signs this token)")
	}
	text := fmt.Sprintf("%d bytes: %x", len(t.Signature), t.Signature)
	return m.styles.Signature.Render(ansi.Truncate(text, max(width, 8), "…"))
}

// checksBlock renders every verification check under its group, or how to
// verify when nothing was.
func (m InspectModel) checksBlock(width int) string {
	st := m.styles
	r := m.verify.result
	if r == nil {
		return st.Muted.Render("not checked: type the secret or load a key file in the verify panel below (tab)") + "\n"
	}
	var b strings.Builder
	group := ""
	for _, c := range r.Checks {
		if c.Group != group {
			group = c.Group
			b.WriteString(st.Muted.Render(group+" checks") + "\n")
		}
		mark := st.OK.Render("✔")
		if !c.OK {
			mark = st.Danger.Render("✘")
		}
		text := st.Label.Render(printable(c.Name)+":") + " " + printable(c.Message)
		b.WriteString(mark + " " + hangingIndent(text, width-2, 2) + "\n")
	}
	return b.String()
}

// hangingIndent wraps text to width and indents every line but the first.
func hangingIndent(text string, width, indent int) string {
	wrapped := wrapTo(text, max(width, 8))
	return strings.ReplaceAll(wrapped, "\n", "\n"+spaces(indent))
}

// warnings returns the token's findings and the verification's, without
// repeats and without the input clean-up notes shown beside the token.
func (m InspectModel) warnings() []jwtcore.Finding {
	findings := m.report.Findings
	if m.verify.result != nil {
		findings = append(findings[:len(findings):len(findings)], m.verify.result.Findings...)
	}
	return distinctWarnings(findings)
}

// distinctWarnings returns findings without repeats and without the input
// clean-up notes, whose codes start with "input_".
func distinctWarnings(findings []jwtcore.Finding) []jwtcore.Finding {
	var out []jwtcore.Finding
	seen := map[string]bool{}
	for _, f := range findings {
		id := f.Code + "\x00" + f.Message
		if seen[id] || strings.HasPrefix(f.Code, "input_") {
			continue
		}
		seen[id] = true
		out = append(out, f)
	}
	return out
}

// warningsBlock lists every warning with its severity mark.
func (m InspectModel) warningsBlock(width int) string {
	var b strings.Builder
	for _, f := range m.warnings() {
		mark := m.severityMark(f.Severity)
		indent := lipgloss.Width(mark) + 1
		b.WriteString(mark + " " + hangingIndent(printable(f.Message), width-indent, indent) + "\n")
	}
	if b.Len() == 0 {
		return m.styles.Muted.Render("(none)") + "\n"
	}
	return b.String()
}

// mostSevere returns the first warning of the highest severity, and false
// when there is no warning or danger finding.
func mostSevere(findings []jwtcore.Finding) (jwtcore.Finding, bool) {
	var worst jwtcore.Finding
	found := false
	for _, f := range findings {
		if f.Severity >= jwtcore.SeverityWarning && (!found || f.Severity > worst.Severity) {
			worst, found = f, true
		}
	}
	return worst, found
}

// warningCount renders the number of warnings and danger findings with
// the mark of the most severe, for the verdict line, or "" when there
// are none. The list itself is under Warnings in the details pane.
func (m InspectModel) warningCount() string {
	findings := m.warnings()
	worst, ok := mostSevere(findings)
	if !ok {
		return ""
	}
	n := countWarnings(findings)
	label := fmt.Sprintf("%d warnings", n)
	if n == 1 {
		label = "1 warning"
	}
	return m.severityMark(worst.Severity) + " " + m.kindStyle(severityKind(worst.Severity)).Render(label)
}

func severityKind(s jwtcore.Severity) string {
	if s == jwtcore.SeverityDanger {
		return "danger"
	}
	return "warning"
}

// severityMark returns the mark of a finding, the same as the CLI's: !!
// for danger and ! for a warning. The TUI keeps ✘ for failed checks.
func (m InspectModel) severityMark(s jwtcore.Severity) string {
	switch s {
	case jwtcore.SeverityDanger:
		return m.styles.Danger.Render("!!")
	case jwtcore.SeverityWarning:
		return m.styles.Warning.Render("!")
	}
	return m.styles.Info.Render("i")
}

// verifyBlock renders the verify panel: a rule, the key input, the two
// verdicts with the warning count, and a line for the key problem, the
// most severe warning or a hint.
func (m InspectModel) verifyBlock(width int) string {
	st, v := m.styles, m.verify
	title := st.Label.Render("Verify")
	if m.focus == focusVerify {
		title = st.FocusedTitle.Render("Verify")
	}
	input := " " + title + " " + st.Muted.Render(v.source.label()+":") + " " + v.input.View()
	// The switch key is always named here: at 80 columns the help bar is
	// cut before it.
	switchKey := st.Muted.Render(sourceSwitchHint)
	gap := max(width-lipgloss.Width(input)-lipgloss.Width(switchKey)-1, 1)
	input += spaces(gap) + switchKey

	lines := []string{
		st.Rule.Render(strings.Repeat("─", max(width, 1))),
		ansi.Truncate(input, width, "…"),
	}
	for _, line := range m.verdictLines(width) {
		lines = append(lines, ansi.Truncate(line, width, "…"))
	}
	return lipgloss.JoinVertical(lipgloss.Left, lines...)
}

// verdictLines renders the two verdicts, the warning count and a line for
// the key problem, the most severe warning or a hint. The count and the
// most severe warning always stay in sight: when the verdicts fill their
// line, they get a third line of their own.
func (m InspectModel) verdictLines(width int) []string {
	v := m.verify
	sig, sigKind := v.badge(m.report.Token, m.report.Err)
	verdicts := " " + m.kindStyle(sigKind).Render(sig)
	if claims, kind := v.claimsBadge(m.report.Token); claims != "" {
		verdicts += "   " + m.kindStyle(kind).Render(claims)
	}
	hint, hintFree := m.verifyHint()
	worst, hasWarning := mostSevere(m.warnings())
	if wrapped := strings.Split(hangingIndent(verdicts, width-3, 3), "\n"); len(wrapped) > 1 {
		// A failure reason can make the verdicts too long for one line,
		// so they take the hint line in place of the key description,
		// a claim failure's message or the worst warning.
		verdicts, hint = wrapped[0], strings.TrimPrefix(wrapped[1], " ")
		if len(wrapped) > 2 {
			hint = ansi.Truncate(hint, width-2, "") + "…"
		}
	} else if hasWarning && lipgloss.Width(verdicts+"   "+m.warningCount()) <= width {
		verdicts += "   " + m.warningCount()
		if hintFree {
			hint = m.warningText(worst)
		} else {
			verdicts += m.styles.Muted.Render(": ") + m.worstWarning(worst)
		}
		hasWarning = false
	}
	lines := []string{verdicts, " " + hint}
	if hasWarning {
		lines = append(lines, " "+m.warningCount()+m.styles.Muted.Render(": ")+m.worstWarning(worst))
	}
	return lines
}

// worstWarning renders the message of the most severe warning in its
// severity's style.
func (m InspectModel) worstWarning(f jwtcore.Finding) string {
	return m.kindStyle(severityKind(f.Severity)).Render(printable(f.Message))
}

// verifyHint returns the key problem, a note, the first failed claim
// check, how to give a key, or the key used and where another screen sent
// it from. free reports that the hint is only the key description or a
// general remark, which a warning may replace.
func (m InspectModel) verifyHint() (hint string, free bool) {
	v := m.verify
	switch {
	case v.keyProblem != "":
		return m.styles.StatusError.Render(printable(v.keyProblem)), false
	case v.note != "":
		return m.styles.Muted.Render(v.note), false
	case v.result != nil && firstClaimFailure(*v.result) != "":
		return m.styles.StatusError.Render(printable(firstClaimFailure(*v.result))), false
	case v.result != nil && v.result.Key != "":
		keys, _ := v.keys()
		label := "key: " + printable(keyLabel(v.result.Key, len(keys)))
		if !v.givenInUse() {
			return m.styles.Muted.Render(label), true
		}
		// Nothing in the input shows a key sent by another screen, so
		// this line keeps saying where it came from.
		return m.styles.Muted.Render(label + " · " + v.origin), false
	case v.result == nil && m.report.Token != nil && !v.pending && !v.loading():
		return m.styles.Muted.Render(m.verifyHowTo()), false
	}
	return m.styles.Muted.Render("the token's bytes are verified as they are; the key is never used to re-sign"), true
}

// warningText renders a finding with its severity mark.
func (m InspectModel) warningText(f jwtcore.Finding) string {
	return m.severityMark(f.Severity) + " " + m.kindStyle(severityKind(f.Severity)).Render(printable(f.Message))
}

// verifyHowTo returns how to give the key that the panel's source expects.
func (m InspectModel) verifyHowTo() string {
	prefix := "not checked: press v, then "
	if m.focus == focusVerify {
		prefix = "not checked: "
	}
	switch m.verify.source {
	case sourceBase64:
		return prefix + "type the secret as base64"
	case sourceFile:
		return prefix + "type a PEM, JWK or JWKS file path and press enter"
	}
	return prefix + "type the HMAC secret"
}

// firstClaimFailure returns the name and message of the first failed
// claim check. The signature badge already names a signature failure, and
// the details list every check.
func firstClaimFailure(r jwtcore.Result) string {
	for _, c := range r.Checks {
		if c.Group == jwtcore.GroupClaims && !c.OK {
			return c.Name + ": " + c.Message
		}
	}
	return ""
}

// keyLabel rewords the verifier's key description for the panel. With
// one key, "key 1: secret text (41 bytes)" becomes "secret text, 41
// bytes". The number stays when several keys were given, as in a JWKS.
func keyLabel(desc string, keys int) string {
	if rest, ok := strings.CutPrefix(desc, "key 1: "); ok && keys == 1 {
		desc = rest
	}
	if open := strings.LastIndex(desc, " ("); open >= 0 && strings.HasSuffix(desc, " bytes)") {
		desc = desc[:open] + ", " + desc[open+2:len(desc)-1]
	}
	return desc
}

func (m InspectModel) kindStyle(kind string) lipgloss.Style { return kindStyle(m.styles, kind) }

// tokenSummary describes the token in one line for the status bar. The
// warnings counted are the token's and, once verified, the key's.
func tokenSummary(r jwtcore.Report, verify *jwtcore.Result) string {
	t := r.Token
	if t == nil {
		return "paste a token (tab moves to the token input)"
	}
	parts := []string{}
	if alg := t.Alg(); alg != "" {
		parts = append(parts, printable(alg))
	}
	if typ, ok := t.Header.String("typ"); ok {
		parts = append(parts, printable(typ))
	}
	if len(t.Segments) == 1 {
		parts = append(parts, "1 part")
	} else {
		parts = append(parts, fmt.Sprintf("%d parts", len(t.Segments)))
	}
	n := countWarnings(r.Findings)
	if verify != nil {
		n += countWarnings(verify.Findings)
	}
	switch n {
	case 0:
	case 1:
		parts = append(parts, "1 warning")
	default:
		parts = append(parts, fmt.Sprintf("%d warnings", n))
	}
	return strings.Join(parts, " · ")
}

func countWarnings(findings []jwtcore.Finding) int {
	n := 0
	for _, f := range findings {
		if f.Severity >= jwtcore.SeverityWarning {
			n++
		}
	}
	return n
}
