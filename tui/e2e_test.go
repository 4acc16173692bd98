package tui

import (
	"bytes"
	"io"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
)

// TestPasteExplainVerifyFlow runs the whole program in teatest's virtual
// terminal: paste a token, read a claim's explanation, type the secret and
// see the signature verified.
func TestPasteExplainVerifyFlow(t *testing.T) {
	c := loadCase(t, "jwtio_hs256_legacy")
	cfg := Config{
		Token:     "pasted token goes here",
		Now:       func() time.Time { return testNow },
		Location:  testZone,
		Clipboard: io.Discard,
	}
	tm := teatest.NewTestModel(t, newRoot(cfg), teatest.WithInitialTermSize(120, 40))
	waitFor := func(what string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(out []byte) bool {
			return bytes.Contains(out, []byte(what))
		}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}

	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(c.Token), Paste: true})
	waitFor("Subject: who the token is about")

	tm.Send(keyMsg("v"))
	tm.Type(c.Key.Secret)
	waitFor("✔ verified")

	tm.Send(keyMsg("ctrl+c"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(rootModel)
	inspect := final.tabs[final.active].model.(screenOf[InspectModel]).m
	if got := inspect.report.Token.Compact; got != c.Token {
		t.Errorf("token after verifying = %q, want the pasted token unchanged", got)
	}
	if got := inspect.verify.input.Value(); got != c.Key.Secret {
		t.Errorf("secret input = %q, want the typed secret", got)
	}
}
