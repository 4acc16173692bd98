package tui

import (
	"strings"
	"testing"

	"github.com/jwtlab/jwtlab/jwtcore"
)

func TestBuildSendVerifiesInInspect(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(h *harness)
		source  keySource
	}{
		{name: "example secret", prepare: func(*harness) {}, source: sourceSecret},
		{name: "binary secret", prepare: func(h *harness) {
			h.focusBuild(buildFocusKey)
			h.bkey("s", "ctrl+k")
			h.paste("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8")
			h.bkey("enter")
		}, source: sourceBase64},
		{name: "RS256", prepare: func(h *harness) {
			h.chooseAlg("RS256")
			h.useCaseKey("rfc7515_a2_rs256")
		}, source: sourceFile},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newBuildHarness(t, 120, 40)
			tt.prepare(h)
			h.focusBuild(buildFocusOutput)
			h.bkey("o")
			v := h.inspect().verify
			if v.result == nil {
				t.Fatalf("Inspect did not verify the sent token:\n%s", h.view())
			}
			if v.result.Status != jwtcore.StatusVerified {
				t.Errorf("status = %v, want verified:\n%s", v.result.Status, h.view())
			}
			if v.source != tt.source {
				t.Errorf("key source = %s, want %s", v.source.label(), tt.source.label())
			}
			if view := h.view(); !strings.Contains(view, "key from the Build screen") {
				t.Errorf("view does not say where the key came from:\n%s", view)
			}
		})
	}
}

func TestInspectKeyOriginClearedOnEdit(t *testing.T) {
	h := newBuildHarness(t, 120, 40)
	h.focusBuild(buildFocusOutput)
	h.bkey("o")
	h.key("v")
	h.typeText("other")
	if view := h.view(); strings.Contains(view, "key from the Build screen") {
		t.Errorf("a typed secret still reads as the Build screen's key:\n%s", view)
	}
}
