package tui

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest"
)

// TestBuildSignTamperFlow runs the whole program in teatest's virtual
// terminal: choose RS256, generate a key, add an exp of 15m, see the token
// verified, tamper with the payload and see the failure explained.
func TestBuildSignTamperFlow(t *testing.T) {
	cfg := Config{
		Screen:    ScreenBuild,
		Now:       func() time.Time { return testNow },
		Location:  testZone,
		Clipboard: io.Discard,
	}
	tm := teatest.NewTestModel(t, newRoot(cfg), teatest.WithInitialTermSize(120, 40))
	// The renderer redraws only lines that change and WaitFor consumes
	// what it reads, so the checks search all output read so far.
	var seen []byte
	waitFor := func(what string) {
		t.Helper()
		var read []byte
		teatest.WaitFor(t, tm.Output(), func(out []byte) bool {
			read = out
			all := append(seen[:len(seen):len(seen)], out...)
			return bytes.Contains(all, []byte(what))
		}, teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
		seen = append(seen, read...)
	}
	send := func(keys ...string) {
		for _, k := range keys {
			tm.Send(keyMsg(k))
		}
	}

	// The focus starts on the algorithm list.
	send("down", "down", "down")
	waitFor("cannot sign")
	send("tab", "tab", "tab", "g")
	waitFor("RSA 2048-bit private key")

	send("shift+tab", "a")
	tm.Type("exp")
	send("enter", "esc")
	waitFor("15m → 1796400900")
	waitFor("✔ verified   ✔ claims valid")

	send("tab", "tab", "t", "t")
	waitFor("tampered: changed character")
	waitFor("✘ invalid signature")

	send("ctrl+c")
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(rootModel)
	b := final.tabs[final.active].model.(screenOf[BuildModel]).m
	if got := b.header.algorithm().Name; got != "RS256" {
		t.Errorf("alg = %s, want RS256", got)
	}
	if b.built == nil || b.built.tampered == nil || b.built.tampered.Segment != "payload" {
		t.Fatalf("built = %+v, want a token tampered in the payload", b.built)
	}
	if want := `"exp":` + itoa(testNow.Add(15*time.Minute).Unix()); !strings.Contains(string(b.built.signed.PayloadJSON), want) {
		t.Errorf("payload %s lacks %s", b.built.signed.PayloadJSON, want)
	}
	if b.verified == nil || b.verified.SignatureValid() {
		t.Errorf("verification = %+v, want the signature rejected", b.verified)
	}
}
