package tui

import (
	"cmp"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// pendingVerdict returns the verdict to show while there is no result,
// and false once there is one.
func (m BuildModel) pendingVerdict() (string, bool) {
	switch {
	case m.built == nil || m.built.err != nil:
		return "○ nothing to verify", true
	case m.verified == nil && m.keyPanel.wrong && m.keyPanel.wrongKey == nil && m.keyPanel.verifyKeys == nil:
		return "… making a different key to verify with", true
	case m.verified == nil:
		return "… verifying", true
	}
	return "", false
}

// warningCount renders the number of warnings with the mark of the most
// severe, or "" when there are none. The warnings follow the checks.
func (m BuildModel) warningCount() string {
	findings := m.findings()
	if len(findings) == 0 {
		return ""
	}
	label := fmt.Sprintf("%d warnings", len(findings))
	if len(findings) == 1 {
		label = "1 warning"
	}
	painter := m.tokenPainter()
	return painter.severityMark(findings[0].Severity) + " " +
		painter.kindStyle(severityKind(findings[0].Severity)).Render(label)
}

// verdictLine renders the signature and claims verdicts, as the Inspect
// screen does, on one line that the caller may wrap.
func (m BuildModel) verdictLine() string {
	if pending, ok := m.pendingVerdict(); ok {
		return m.styles.Muted.Render(pending)
	}
	signature, signatureKind := signatureVerdict(*m.verified)
	// The Build screen signs a JSON object, so there are always claims.
	claims, claimsKind := claimsVerdict(*m.verified, true)
	return kindStyle(m.styles, signatureKind).Render(signature) + "   " +
		kindStyle(m.styles, claimsKind).Render(claims)
}

// verifySection renders the verdict and each check that failed, with its
// reason, or the passed signature check when nothing failed.
func (m BuildModel) verifySection(width int) string {
	st := m.styles
	lines := strings.Split(hangingIndent(st.Label.Render("Verify")+"  "+m.verdictLine(), width-2, 2), "\n")
	if m.verified == nil {
		return strings.Join(lines, "\n") + "\n"
	}
	if count := m.warningCount(); count != "" {
		last := len(lines) - 1
		if ansi.StringWidth(lines[last])+3+ansi.StringWidth(count) <= width {
			lines[last] += "   " + count
		} else {
			lines = append(lines, count)
		}
	}
	shown := 0
	for _, c := range m.verified.Checks {
		if c.OK {
			continue
		}
		line := st.Danger.Render("✘ ") + st.Label.Render(c.Name+":") + " " + c.Message
		lines = append(lines, hangingIndent(line, width-2, 2))
		shown++
	}
	if shown == 0 {
		for _, c := range m.verified.Checks {
			if c.Name == jwtcore.CheckSignature {
				line := st.OK.Render("✔ ") + st.Label.Render(c.Name+":") + " " + c.Message
				lines = append(lines, hangingIndent(line, width-2, 2))
			}
		}
	}
	painter := m.tokenPainter()
	for _, f := range m.findings() {
		mark := painter.severityMark(f.Severity)
		indent := lipgloss.Width(mark) + 1
		lines = append(lines, hangingIndent(mark+" "+printable(f.Message), width-indent, indent))
	}
	return strings.Join(lines, "\n") + "\n"
}

// findings returns the signer's, the verifier's and the token's lint
// warnings without repeats, the most severe first.
func (m BuildModel) findings() []jwtcore.Finding {
	all := slices.Concat(m.built.signed.Findings, m.verified.Findings, m.lint)
	out := slices.DeleteFunc(distinctWarnings(all), func(f jwtcore.Finding) bool {
		return f.Severity < jwtcore.SeverityWarning
	})
	slices.SortStableFunc(out, func(a, b jwtcore.Finding) int {
		return cmp.Compare(b.Severity, a.Severity)
	})
	return out
}

// stepsSection shows, for learners, how the header and claims became the
// token: each JSON text, its base64url, the signing input and the
// signature.
func (m BuildModel) stepsSection(width int) string {
	st := m.styles
	s := m.built.signed
	// JSON wraps at spaces; base64url has none, so it wraps at the width.
	step := func(n int, title, body string) string {
		head := st.Label.Render(fmt.Sprintf("%d. %s", n, title))
		return head + "\n" + wrapTo(body, width) + "\n"
	}
	hard := func(text string) string { return ansi.Hardwrap(text, max(width, 1), false) }
	signature := st.Muted.Render("alg none: no signature, so the token ends with a dot")
	if len(s.Signature) > 0 {
		signature = hard(st.Signature.Render(s.SignatureB64)) + "\n" +
			st.Muted.Render(fmt.Sprintf("%d bytes, hex %s", len(s.Signature), abbreviateHex(s.Signature)))
	}
	parts := []string{
		wrapTo(st.Label.Render("How it was made")+"  "+st.Muted.Render(m.stepsCaption()), width),
		step(1, "header JSON, the exact bytes encoded", colorizeJSON(string(s.HeaderJSON), st)),
		step(2, "base64url(header)", hard(st.Header.Render(s.HeaderB64))),
		step(3, "payload JSON, the exact bytes encoded", colorizeJSON(string(s.PayloadJSON), st)),
		step(4, "base64url(payload)", hard(st.Payload.Render(s.PayloadB64))),
		step(5, "signing input: base64url(header) . base64url(payload)",
			hard(st.Header.Render(s.HeaderB64)+st.Dot.Render(".")+st.Payload.Render(s.PayloadB64))),
		step(6, s.Alg+" signature over the signing input, base64url", signature),
	}
	return strings.Join(parts, "\n")
}

// stepsCaption returns how the steps relate to the token on screen. The
// steps show the bytes as signed, so a tampered token differs from them
// in one character, and the caption names that character.
func (m BuildModel) stepsCaption() string {
	t := m.built.tampered
	if t == nil {
		return "(the token above is these steps joined)"
	}
	return fmt.Sprintf("(the token above is these steps joined, then character %d, in the %s, "+
		"changed from %q to %q)", t.Index+1, t.Segment, t.Old, t.New)
}

// abbreviateHex returns the hex of b, shortened in the middle when long.
func abbreviateHex(b []byte) string {
	h := hex.EncodeToString(b)
	if len(h) <= 32 {
		return h
	}
	return h[:16] + "…" + h[len(h)-16:]
}
