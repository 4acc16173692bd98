package tui

import (
	"crypto/ecdsa"
	"crypto/rsa"
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// keyBlock shows the signing key, its origin and thumbprint, the running
// generation, the open input and the last problem.
func (m BuildModel) keyBlock(width int) string {
	st, p := m.styles, m.keyPanel
	k := p.current
	lines := []string{m.sectionTitle(buildFocusKey, describeKey(k.key))}
	origin := st.Muted.Render(k.origin)
	if k.example {
		origin = st.Warning.Render("! public example secret:") + " " + st.Muted.Render(k.origin)
	}
	lines = append(lines, "  "+hangingIndent(origin, width-2, 2))

	if k.thumbprint != "" {
		label := st.Muted.Render("thumbprint (RFC 7638)")
		if 2+len("thumbprint (RFC 7638) ")+len(k.thumbprint) <= width {
			lines = append(lines, "  "+label+" "+k.thumbprint)
		} else {
			lines = append(lines, "  "+label, "    "+ansi.Truncate(k.thumbprint, width-4, "…"))
		}
	}
	verifier := "verify with: the signing key's public part"
	if k.key.Type == jwtcore.KeyHMAC {
		verifier = "verify with: the same secret"
	}
	if p.wrong {
		verifier = "verify with: a different key of the same type (w: back to the right key)"
	}
	if p.verifyKeys != nil {
		verifier = "verify with: the keys in " + p.verifyPath + " (v: change; an empty path: back)"
	}
	lines = append(lines, "  "+st.Muted.Render(verifier))

	if p.generating != "" {
		lines = append(lines, "  "+p.spinner.View()+" "+p.generating+st.Muted.Render(" (keep typing)"))
	}
	lines = append(lines, m.keyInputLines(width)...)
	if p.problem != "" {
		lines = append(lines, m.errorLine(p.problem, width))
	}
	if p.note != "" {
		lines = append(lines, "  "+hangingIndent(st.Muted.Render(p.note), width-2, 2))
	}
	if m.focus == buildFocusKey && p.input == inputNone {
		lines = append(lines, "  "+ansi.Truncate(st.Muted.Render(m.keyActions()), width-2, "…"))
	}
	return strings.Join(lines, "\n") + "\n"
}

// keyActions lists what the key panel's keys do for the chosen alg.
func (m BuildModel) keyActions() string {
	alg := m.header.algorithm()
	actions := []string{"g: generate " + keyPhrase(alg)}
	switch alg.KeyType {
	case jwtcore.KeyRSA:
		actions = append(actions, fmt.Sprintf("b: size %d bits", jwtcore.RSAKeySizes()[m.keyPanel.rsaSize]))
	case jwtcore.KeyHMAC:
		actions = append(actions, "s: type a secret")
	}
	return strings.Join(append(actions, "i: import PEM/JWK", "x: export", "v: verify with a file"), " · ")
}

// keyInputLines renders the open text input with its label.
func (m BuildModel) keyInputLines(width int) []string {
	st, p := m.styles, m.keyPanel
	if p.input == inputNone {
		return nil
	}
	lines := []string{"  " + st.Label.Render(p.input.label()+":") + " " + p.text.View()}
	switch p.input {
	case inputExport:
		form := exportFormats[p.exportForm]
		lines = append(lines, "  "+st.Muted.Render("format: ")+form.label+
			st.Muted.Render(fmt.Sprintf(" (file mode %04o) · ctrl+f: next format · ctrl+y: copy instead",
				form.fileMode())))
	case inputSecret, inputBase64:
		lines = append(lines, "  "+st.Muted.Render("ctrl+k: text/base64 · enter: done"))
	}
	for i, line := range lines {
		lines[i] = ansi.Truncate(line, width, "…")
	}
	return lines
}

// describeKey names a key with its size, such as "RSA 2048-bit private
// key" or "HMAC secret, 32 bytes (256 bits)".
func describeKey(k jwtcore.Key) string {
	part := "public key"
	if k.Private != nil {
		part = "private key"
	}
	switch k.Type {
	case jwtcore.KeyHMAC:
		return fmt.Sprintf("HMAC secret, %d bytes (%d bits)", len(k.Secret), len(k.Secret)*8)
	case jwtcore.KeyRSA:
		if pub, ok := k.Public.(*rsa.PublicKey); ok {
			return fmt.Sprintf("RSA %d-bit %s", pub.N.BitLen(), part)
		}
	case jwtcore.KeyEC:
		if pub, ok := k.Public.(*ecdsa.PublicKey); ok {
			return "EC " + pub.Curve.Params().Name + " " + part
		}
	case jwtcore.KeyEd25519:
		return "Ed25519 " + part
	}
	return k.Type.String() + " " + part
}

// outputBlock renders the token, its verification and the signing steps.
func (m BuildModel) outputBlock(width int) string {
	parts := []string{m.tokenSection(width), m.verifySection(width)}
	if m.built != nil && m.built.err == nil {
		parts = append(parts, m.stepsSection(width))
	}
	return strings.Join(parts, "\n")
}

// tokenSection renders the token in its three colours. The changed
// character of a tampered token is marked.
func (m BuildModel) tokenSection(width int) string {
	st := m.styles
	note := ""
	if m.signing && m.built != nil {
		note = "re-signing…"
	}
	title := m.sectionTitle(buildFocusOutput, note)
	switch {
	case m.built == nil:
		return title + "\n" + st.Muted.Render("… signing") + "\n"
	case m.built.err != nil:
		return title + "\n" + m.signError(width) + "\n"
	}
	token, marked := m.built.signed.Token, -1
	if t := m.built.tampered; t != nil {
		token, marked = t.Token, t.Index
	}
	title += "  " + st.Muted.Render(fmt.Sprintf("%d characters", len(token)))
	lines := []string{title}
	if m.footerShowsWholeToken(token, marked) {
		// The footer pins the whole token and its tamper note, so the
		// pane names where they are in place of repeating them.
		lines = append(lines, st.Muted.Render("the whole token is pinned below the rule, so it is not repeated here"))
		if m.built.tampered == nil && m.built.tamperErr == nil {
			lines = append(lines, m.tamperLine(width))
		}
		return strings.Join(lines, "\n") + "\n"
	}
	lines = append(lines, m.coloredToken(token, marked, width)...)
	lines = append(lines, m.tamperLine(width))
	return strings.Join(lines, "\n") + "\n"
}

// footerShowsWholeToken reports whether the narrow layout's footer pins
// the whole token, as footerToken renders it.
func (m BuildModel) footerShowsWholeToken(token string, marked int) bool {
	if m.layout.wide || m.focus == buildFocusOutput {
		return false
	}
	return len(m.coloredToken(token, marked, m.layout.width-2)) <= maxFooterTokenLines
}

// signError explains why no token was signed and how to fix it, wrapped
// to width.
func (m BuildModel) signError(width int) string {
	st := m.styles
	text := m.built.err.Error()
	if errors.Is(m.built.err, jwtcore.ErrKeyMismatch) || errors.Is(m.built.err, jwtcore.ErrNoPrivateKey) {
		text += "; in the Key section, g generates " + keyPhrase(m.header.algorithm()) + " and i imports one"
	}
	return hangingIndent(st.Danger.Render("✘ cannot sign: ")+st.StatusError.Render(text), width-2, 2)
}

// tamperLine describes the tampered character, or how to tamper.
func (m BuildModel) tamperLine(width int) string {
	st := m.styles
	switch {
	case m.built.tamperErr != nil:
		return hangingIndent(st.Warning.Render("! ")+m.built.tamperErr.Error(), width-2, 2)
	case m.built.tampered != nil:
		return hangingIndent(st.Warning.Render("! tampered: ")+m.built.tampered.Explanation+
			st.Muted.Render(" (t: next segment)"), width-2, 2)
	}
	return st.Muted.Render("t: tamper with one character of the header, payload or signature")
}

// coloredToken wraps token at width with each segment in its colour.
func (m BuildModel) coloredToken(token string, marked, width int) []string {
	width = max(width, 10)
	styles := make([]uint8, len(token))
	segment := uint8(0)
	for i := range len(token) {
		if token[i] == '.' {
			styles[i] = 3
			segment = min(segment+1, 2)
			continue
		}
		styles[i] = segment
	}
	if marked >= 0 && marked < len(styles) {
		styles[marked] = 4
	}
	var lines []string
	for start := 0; start < len(token); start += width {
		end := min(start+width, len(token))
		lines = append(lines, m.tokenPainter().renderRuns(token, start, end, styles))
	}
	return lines
}

// tokenPainter returns an Inspect model that holds only the styles, so
// the Build screen paints tokens and verdicts with the same code and
// colours as Inspect.
func (m BuildModel) tokenPainter() InspectModel { return InspectModel{styles: m.styles} }

// keyPhrase names the key alg needs with its article, such as "an RSA
// key". Every key kind starts with a vowel sound (HMAC, RSA, EC, Ed25519).
func keyPhrase(alg jwtcore.Algorithm) string { return "an " + keyKind(alg) }
