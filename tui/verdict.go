package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// The Inspect and Build screens both render a jwtcore.Result with the
// functions in this file, so the same result reads the same on both.

// signatureVerdict returns the signature verdict of r: a badge for
// r.Status, then the message of the first failed signature check, if
// any. kind names the style: "ok", "danger", "warning" or "muted".
func signatureVerdict(r jwtcore.Result) (label, kind string) {
	label, kind = statusBadge(r.Status)
	if reason := firstSignatureFailure(r); reason != "" {
		label += ": " + printable(reason)
	}
	return label, kind
}

// statusBadge returns the badge of a signature status and its style kind.
func statusBadge(s jwtcore.Status) (label, kind string) {
	switch s {
	case jwtcore.StatusVerified:
		return "✔ verified", "ok"
	case jwtcore.StatusInvalid:
		return "✘ invalid signature", "danger"
	case jwtcore.StatusRejected:
		return "✘ rejected", "danger"
	case jwtcore.StatusUnsigned:
		return "! unsigned (alg none)", "danger"
	case jwtcore.StatusUnsupported:
		return "? unsupported", "warning"
	}
	return "○ not checked", "muted"
}

// firstSignatureFailure returns the message of the first failed signature
// check, or "" when none failed.
func firstSignatureFailure(r jwtcore.Result) string {
	for _, c := range r.Checks {
		if c.Group == jwtcore.GroupSignature && !c.OK {
			return c.Message
		}
	}
	return ""
}

// claimsVerdict returns the claims verdict of r, which is kept apart from
// the signature's. hasClaims is false for a payload that is not a JSON
// object, whose claim checks prove nothing.
func claimsVerdict(r jwtcore.Result, hasClaims bool) (label, kind string) {
	if !hasClaims {
		return "○ no claims to check", "muted"
	}
	var failed []string
	for _, c := range r.Checks {
		if c.Group == jwtcore.GroupClaims && !c.OK {
			failed = append(failed, c.Name)
		}
	}
	switch {
	case !r.ClaimsChecked():
		return "○ claims not checked", "muted"
	case len(failed) == 0:
		return "✔ claims valid", "ok"
	}
	return "✘ claims invalid: " + strings.Join(failed, ", "), "danger"
}

// kindStyle returns the style for a verdict kind.
func kindStyle(st Styles, kind string) lipgloss.Style {
	switch kind {
	case "ok":
		return st.OK
	case "danger":
		return st.Danger
	case "warning":
		return st.Warning
	}
	return st.Muted
}
