package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/golang-jwt/jwt/v5"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// benchKeys maps each benchmarked alg to the case whose private key signs
// it; HS256 uses the screen's example secret.
var benchKeys = []struct{ alg, caseKey string }{
	{alg: "HS256"},
	{alg: "RS256", caseKey: "rfc7515_a2_rs256"},
	{alg: "ES256", caseKey: "rfc7515_a3_es256"},
	{alg: "EdDSA", caseKey: "rfc8037_a4_ed25519"},
	{alg: "PS512", caseKey: "rfc7515_a2_rs256"},
}

// BenchmarkBuildKeystroke measures the time from a keystroke in the claims
// editor to the new token on screen: Update, the sign command it returns,
// the result through Update, and the frame after, at 120x40. The
// verification that follows runs in its own command and is not included.
// Each <alg>/SignedString sub-benchmark is a bare golang-jwt SignedString
// of the same claims with the same key, for comparison.
func BenchmarkBuildKeystroke(b *testing.B) {
	for _, bk := range benchKeys {
		h := newBuildHarness(b, 120, 40)
		if bk.alg != "HS256" {
			h.chooseAlg(bk.alg)
			h.useCaseKey(bk.caseKey)
		}
		h.focusBuild(buildFocusClaims)
		h.bkey("enter", "ctrl+u", "1")
		key := h.build().keyPanel.signKey()
		b.Run(bk.alg, func(b *testing.B) { benchKeystrokes(b, h.model) })
		b.Run(bk.alg+"/SignedString", func(b *testing.B) {
			benchSignedString(b, bk.alg, key)
		})
	}
}

// benchSignedString signs the screen's starting claims with golang-jwt.
func benchSignedString(b *testing.B, alg string, key jwtcore.Key) {
	a, _ := jwtcore.LookupAlgorithm(alg)
	var signingKey any = key.Private
	if key.Type == jwtcore.KeyHMAC {
		signingKey = key.Secret
	}
	claims := jwt.MapClaims{"sub": 1, "name": "Ada Lovelace", "iat": testNow.Unix()}
	b.ReportAllocs()
	for b.Loop() {
		token := jwt.NewWithClaims(a.SigningMethod(), claims)
		if _, err := token.SignedString(signingKey); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildKeystrokeDuringKeygen measures a keystroke while an
// RSA-4096 key is being generated on another goroutine: Update, the sign
// command and the frame, as in BenchmarkBuildKeystroke/HS256. Generations
// are restarted until the benchmark ends, so every keystroke competes with
// one for the CPU.
func BenchmarkBuildKeystrokeDuringKeygen(b *testing.B) {
	h := newBuildHarness(b, 120, 40)
	h.focusBuild(buildFocusKey)
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
				_, _ = jwtcore.GenerateKey("RS256", 4096)
			}
		}
	}()
	h.focusBuild(buildFocusClaims)
	h.bkey("enter", "ctrl+u", "1")
	benchKeystrokes(b, h.model)
	b.StopTimer()
	close(stop)
	<-done
}

// benchKeystrokes types into the claims value input of model, which must
// hold a number: each keystroke alternately appends a 1 and deletes it, so
// every one changes the claims. It runs the sign command and handles its
// result before rendering the frame.
func benchKeystrokes(b *testing.B, model tea.Model) {
	keys := []tea.KeyMsg{keyMsg("1"), keyMsg("backspace")}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		var cmd tea.Cmd
		model, cmd = model.Update(keys[i%2])
		model, _ = model.Update(cmd())
		_ = model.View()
		i++
	}
}
