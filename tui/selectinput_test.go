package tui

import (
	"strings"
	"testing"

	"github.com/jwtlab/jwtlab/jwtcore"
)

func TestPrefilledInputTypingReplaces(t *testing.T) {
	tests := []struct {
		name  string
		open  func(h *harness)
		typed string
		value func(h *harness) string
		want  string
	}{
		{name: "build secret", open: func(h *harness) {
			h.focusBuild(buildFocusKey)
			h.bkey("s")
		}, typed: "my-short", value: func(h *harness) string {
			return h.build().keyPanel.text.Value()
		}, want: "my-short"},
		{name: "claim default", open: func(h *harness) {
			h.focusBuild(buildFocusClaims)
			h.bkey("a")
			h.typeText("exp")
			h.bkey("enter")
		}, typed: "1h", value: func(h *harness) string {
			return h.build().claims.form.input.Value()
		}, want: "1h"},
		{name: "claim current value", open: func(h *harness) {
			h.focusBuild(buildFocusClaims)
			h.bkey("home", "enter")
		}, typed: "alice", value: func(h *harness) string {
			return h.build().claims.form.input.Value()
		}, want: "alice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newBuildHarness(t, 120, 40)
			tt.open(h)
			h.typeText(tt.typed)
			if got := tt.value(h); got != tt.want {
				t.Errorf("input = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBuildTypedSecretReplacesExample(t *testing.T) {
	h := newBuildHarness(t, 120, 40)
	h.focusBuild(buildFocusKey)
	h.bkey("s")
	if !strings.Contains(h.view(), selectHint) {
		t.Errorf("secret input opened without the hint:\n%s", h.view())
	}
	h.typeText("my-short")
	h.bkey("enter")
	if got := h.build().keyPanel.current.key.Secret; string(got) != "my-short" {
		t.Errorf("secret = %q, want my-short", got)
	}
	if view := h.view(); !strings.Contains(view, "HMAC secret, 8 bytes") {
		t.Errorf("view does not show the 8-byte secret:\n%s", view)
	}
}

func TestBuildClaimBackspaceEditsInPlace(t *testing.T) {
	h := newBuildHarness(t, 120, 40)
	h.focusBuild(buildFocusClaims)
	h.bkey("home", "enter")
	before := h.build().claims.form.input.Value()
	h.bkey("backspace")
	h.typeText("9")
	want := before[:len(before)-1] + "9"
	if got := h.build().claims.form.input.Value(); got != want {
		t.Errorf("input after backspace and 9 = %q, want %q", got, want)
	}
}

func TestInspectSecretTypingReplaces(t *testing.T) {
	h := newHarness(t, "", "", 80, 24)
	h.key("v", "q")
	if h.quit {
		t.Fatal("q in the secret input quit the program")
	}
	if got := h.inspect().verify.input.Value(); got != "q" {
		t.Errorf("secret input = %q, want q", got)
	}
}

func TestInspectEditTokenTypingReplaces(t *testing.T) {
	h := newHarness(t, "", "", 80, 24)
	h.key("i")
	h.typeText("XYZ")
	if got := h.inspect().raw; got != "XYZ" {
		t.Errorf("token = %.20q, want XYZ", got)
	}
}

func TestInspectEditTokenLeftEditsInPlace(t *testing.T) {
	example, _ := jwtcore.ExampleToken(testNow)
	h := newHarness(t, "", "", 80, 24)
	h.key("i", "backspace")
	if got, want := h.inspect().raw, example[:len(example)-1]; got != want {
		t.Errorf("token after backspace = …%q, want …%q", tail(got), tail(want))
	}
}

// tail returns the last ten bytes of s.
func tail(s string) string { return s[max(len(s)-10, 0):] }

func TestInspectSecretSelectedShowsHint(t *testing.T) {
	h := newHarness(t, "", "", 80, 24)
	h.key("v")
	if view := h.view(); !strings.Contains(view, selectHintShort) {
		t.Errorf("selected secret shows no hint:\n%s", view)
	}
	h.key("backspace")
	if view := h.view(); strings.Contains(view, selectHintShort) {
		t.Errorf("hint still shown after backspace:\n%s", view)
	}
}
