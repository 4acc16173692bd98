package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/jwtlab/jwtlab/jwtcore"
)

func TestSignatureVerdictPerStatus(t *testing.T) {
	failed := jwtcore.Check{Group: jwtcore.GroupSignature, Name: "signature", Message: "the signature does not verify"}
	claim := jwtcore.Check{Group: jwtcore.GroupClaims, Name: "exp", Message: "the token expired"}
	tests := []struct {
		name   string
		result jwtcore.Result
		want   string
		kind   string
	}{
		{name: "verified", result: jwtcore.Result{Status: jwtcore.StatusVerified}, want: "✔ verified", kind: "ok"},
		{name: "verified expired", result: jwtcore.Result{Status: jwtcore.StatusVerified, Checks: []jwtcore.Check{claim}},
			want: "✔ verified", kind: "ok"},
		{name: "invalid", result: jwtcore.Result{Status: jwtcore.StatusInvalid, Checks: []jwtcore.Check{failed}},
			want: "✘ invalid signature: the signature does not verify", kind: "danger"},
		{name: "rejected", result: jwtcore.Result{Status: jwtcore.StatusRejected, Checks: []jwtcore.Check{failed}},
			want: "✘ rejected: the signature does not verify", kind: "danger"},
		{name: "unsigned", result: jwtcore.Result{Status: jwtcore.StatusUnsigned}, want: "! unsigned (alg none)", kind: "danger"},
		{name: "not checked", result: jwtcore.Result{Status: jwtcore.StatusNotChecked}, want: "○ not checked", kind: "muted"},
		{name: "unsupported", result: jwtcore.Result{Status: jwtcore.StatusUnsupported}, want: "? unsupported", kind: "warning"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			label, kind := signatureVerdict(tt.result)
			if label != tt.want {
				t.Errorf("label = %q, want %q", label, tt.want)
			}
			if kind != tt.kind {
				t.Errorf("kind = %q, want %q", kind, tt.kind)
			}
		})
	}
}

func TestWrongKeyVerdictSameOnBothScreens(t *testing.T) {
	h := newBuildHarness(t, 120, 40)
	h.focusBuild(buildFocusOutput)
	h.bkey("w")
	label, _ := signatureVerdict(*h.build().verified)
	if !strings.HasPrefix(label, "✘ invalid signature: the signature does not verify") {
		t.Fatalf("wrong key verdict = %q", label)
	}
	if line := ansi.Strip(h.build().verdictLine()); !strings.Contains(line, label) {
		t.Errorf("Build verdict = %q, want %q", line, label)
	}
	h.bkey("o")
	if flat := h.flat(); !strings.Contains(flat, label) {
		t.Errorf("Inspect does not show %q:\n%s", label, h.view())
	}
}

func TestFindingMarksMatchCLI(t *testing.T) {
	tests := []struct {
		name  string
		start func(t testing.TB) *harness
		count string
	}{
		{name: "inspect", start: func(t testing.TB) *harness {
			return newHarness(t, "", "", 120, 40)
		}, count: "!! 1 warning"},
		{name: "build", start: func(t testing.TB) *harness {
			return newBuildHarness(t, 120, 40)
		}, count: "!! 2 warnings"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			view := tt.start(t).view()
			if !strings.Contains(view, tt.count) {
				t.Errorf("view lacks %q:\n%s", tt.count, view)
			}
			if !strings.Contains(view, "!! the HMAC secret is a published example secret") {
				t.Errorf("danger finding is not marked !!:\n%s", view)
			}
			if strings.Contains(view, "✘ the HMAC secret") || strings.Contains(view, "✘ 1 warning") || strings.Contains(view, "✘ 2 warnings") {
				t.Errorf("a finding is marked as a failed check:\n%s", view)
			}
		})
	}
}
