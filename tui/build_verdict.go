package tui

import (
	"cmp"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// verdict returns the verification verdict as a label and a style kind:
// "ok", "danger", "warning" or "muted".
func (m BuildModel) verdict() (label, kind string) {
	switch {
	case m.built == nil || m.built.err != nil:
		return "○ nothing to verify", "muted"
	case m.verified == nil && m.keyPanel.wrong && m.keyPanel.wrongKey == nil && m.keyPanel.verifyKeys == nil:
		return "… making a different key to verify with", "muted"
	case m.verified == nil:
		return "… verifying", "muted"
	}
	r := m.verified
	switch r.Status {
	case jwtcore.StatusVerified:
		if !r.ClaimsValid() {
			return "✔ signature verified  ✘ claims invalid: " + failedCheckNames(r, jwtcore.GroupClaims), "warning"
		}
		return "✔ verified: signature and claims valid", "ok"
	case jwtcore.StatusUnsigned:
		return "! unsigned (alg none): a verifier must reject it", "danger"
	case jwtcore.StatusUnsupported:
		return "? cannot verify this alg", "warning"
	}
	return "✘ rejected: " + failedCheckNames(r, jwtcore.GroupSignature), "danger"
}

// failureReason returns the name and message of the first failed check,
// or "" when nothing failed or nothing was verified.
func (m BuildModel) failureReason() string {
	if m.built == nil || m.built.err != nil || m.verified == nil {
		return ""
	}
	return firstFailure(*m.verified)
}

func failedCheckNames(r *jwtcore.Result, group string) string {
	var names []string
	for _, c := range r.Checks {
		if c.Group == group && !c.OK {
			names = append(names, c.Name)
		}
	}
	if len(names) == 0 {
		return "no check passed"
	}
	return strings.Join(names, ", ") + " check failed"
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

// verdictLine renders the verdict on one line.
func (m BuildModel) verdictLine() string {
	label, kind := m.verdict()
	return m.tokenPainter().kindStyle(kind).Render(label)
}

// verifySection renders the verdict and each check that failed, with its
// reason, or the passed signature check when nothing failed.
func (m BuildModel) verifySection(width int) string {
	st := m.styles
	lines := []string{st.Label.Render("Verify") + "  " + m.verdictLine()}
	if m.verified == nil {
		return strings.Join(lines, "\n") + "\n"
	}
	if count := m.warningCount(); count != "" {
		if ansi.StringWidth(lines[0])+3+ansi.StringWidth(count) <= width {
			lines[0] += "   " + count
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
		lines = append(lines, hangingIndent(painter.severityMark(f.Severity)+" "+printable(f.Message), width-2, 2))
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
		st.Label.Render("How it was made") + "  " + st.Muted.Render("(the token above is these steps joined)"),
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

// abbreviateHex returns the hex of b, shortened in the middle when long.
func abbreviateHex(b []byte) string {
	h := hex.EncodeToString(b)
	if len(h) <= 32 {
		return h
	}
	return h[:16] + "…" + h[len(h)-16:]
}
