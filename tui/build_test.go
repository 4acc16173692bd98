package tui

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/jwtlab/jwtlab/jwtcore"
)

func TestBuildStartsVerified(t *testing.T) {
	h := newBuildHarness(t, 120, 40)
	view := h.view()
	for _, want := range []string{"✔ verified", "! public example secret:", `"alg":"HS256"`, "How it was made"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
}

func TestBuildExpFromDuration(t *testing.T) {
	h := newBuildHarness(t, 120, 40)
	h.focusBuild(buildFocusClaims)
	h.bkey("a")
	h.typeText("exp")
	h.bkey("enter")
	want := testNow.Add(15 * 60e9).Unix()
	if got := h.payload(); !strings.Contains(got, `"exp":`+itoa(want)) {
		t.Errorf("payload %s lacks exp %d (now + 15m)", got, want)
	}
	// Editing the value to 24h moves exp to a day from now.
	for range 3 {
		h.bkey("backspace")
	}
	h.typeText("24h")
	want = testNow.Add(24 * 3600e9).Unix()
	if got := h.payload(); !strings.Contains(got, `"exp":`+itoa(want)) {
		t.Errorf("payload %s lacks exp %d (now + 24h)", got, want)
	}
	if !strings.Contains(h.view(), "2026-12-05T16:00:00Z") {
		t.Errorf("view lacks the time exp stands for:\n%s", h.view())
	}
}

func itoa(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestBuildClaimValueErrorShownInPlace(t *testing.T) {
	h := newBuildHarness(t, 120, 40)
	h.focusBuild(buildFocusClaims)
	h.bkey("a")
	h.typeText("roles")
	h.bkey("enter")
	before := h.payload()
	h.bkey("backspace", "backspace")
	h.typeText(`["admin",`)
	view := h.view()
	if !strings.Contains(view, "invalid JSON") {
		t.Errorf("view lacks the inline JSON error:\n%s", view)
	}
	if got := h.payload(); got != before {
		t.Errorf("payload changed to %s while the value is invalid", got)
	}
	h.typeText(`"ops"]`)
	if got := h.payload(); !strings.Contains(got, `"roles":["admin","ops"]`) {
		t.Errorf("payload %s lacks the fixed roles", got)
	}
	if strings.Contains(h.view(), "invalid JSON") {
		t.Errorf("error still shown after the fix:\n%s", h.view())
	}
}

func TestBuildRemoveClaim(t *testing.T) {
	h := newBuildHarness(t, 120, 40)
	h.focusBuild(buildFocusClaims)
	h.bkey("d")
	if got := h.payload(); strings.Contains(got, `"sub"`) {
		t.Errorf("payload %s still has sub after d", got)
	}
}

func TestBuildRawModeKeepsInput(t *testing.T) {
	h := newBuildHarness(t, 120, 40)
	h.focusBuild(buildFocusClaims)
	h.bkey("ctrl+r")
	b := h.build()

	if !b.claims.rawMode || !strings.Contains(b.claims.raw.Value(), `"sub": "1234567890"`) {
		t.Fatalf("raw mode text = %q", b.claims.raw.Value())
	}
	// Break the JSON: the error shows, the form keeps the last valid
	// claims and switching back is refused without losing the text.
	h.typeText(",")
	broken := h.build().claims.raw.Value()
	h.bkey("ctrl+r")
	b = h.build()
	if !b.claims.rawMode {
		t.Fatal("switched to the form with invalid JSON")
	}
	if b.claims.raw.Value() != broken {
		t.Errorf("raw text changed to %q, want %q", b.claims.raw.Value(), broken)
	}
	if !strings.Contains(h.view(), "fix the JSON first") {
		t.Errorf("view lacks the refusal:\n%s", h.view())
	}
	// Replace the text with valid JSON: the form follows.
	b = h.build()
	b.claims.raw.SetValue("")
	h.model = setBuild(h, b)
	h.paste(`{"sub":"42","admin":true}`)
	h.bkey("ctrl+r")
	b = h.build()
	if b.claims.rawMode {
		t.Fatalf("still in raw mode: %s", b.claims.rawErr)
	}
	if got := h.payload(); got != `{"sub":"42","admin":true}` {
		t.Errorf("payload = %s, want the raw JSON", got)
	}
}

// setBuild replaces the Build screen's model in the harness's root.
func setBuild(h *harness, b BuildModel) tea.Model {
	r := h.model.(rootModel)
	r.tabs[r.indexOf(ScreenBuild)].model = asScreen(b)
	return r
}

func TestBuildAlgMismatchExplained(t *testing.T) {
	h := newBuildHarness(t, 80, 100)
	h.chooseAlg("RS256")
	view := h.flat()
	if !strings.Contains(view, "cannot sign") || !strings.Contains(view, "RS256 needs an RSA key") {
		t.Errorf("view lacks the key mismatch explanation:\n%s", view)
	}
	if !strings.Contains(view, "g generates an RSA key") {
		t.Errorf("view lacks the hint to generate a key:\n%s", view)
	}
	h.useCaseKey("rfc7515_a3_es256")
	if b := h.build(); b.built == nil || b.built.err == nil {
		t.Errorf("an EC key signed RS256: %+v", b.built)
	}
	if !strings.Contains(h.flat(), "but the key is an EC key on P-256") {
		t.Errorf("view lacks the EC key mismatch:\n%s", h.view())
	}
	h.useCaseKey("rfc7515_a2_rs256")
	if !strings.Contains(h.view(), "✔ verified") {
		t.Errorf("RS256 with an RSA key does not verify:\n%s", h.view())
	}
}

func TestBuildEveryAlgSigns(t *testing.T) {
	keys := map[jwtcore.KeyType]string{
		jwtcore.KeyRSA: "rfc7515_a2_rs256", jwtcore.KeyEC: "rfc7515_a3_es256",
		jwtcore.KeyEd25519: "rfc8037_a4_ed25519",
	}
	for _, alg := range jwtcore.Algorithms() {
		t.Run(alg.Name, func(t *testing.T) {
			h := newBuildHarness(t, 120, 40)
			h.chooseAlg(alg.Name)
			switch {
			case alg.KeyType == jwtcore.KeyEC && alg.Curve != "P-256":
				h.focusBuild(buildFocusKey)
				h.bkey("g")
			case keys[alg.KeyType] != "":
				h.useCaseKey(keys[alg.KeyType])
			}
			want := "✔ verified"
			if alg.Unsafe {
				want = "unsigned (alg none)"
			}
			if !strings.Contains(h.view(), want) {
				t.Errorf("view lacks %q:\n%s", want, h.view())
			}
		})
	}
}

func TestBuildTamperExplained(t *testing.T) {
	tests := []struct {
		presses int
		segment string
	}{
		{presses: 1, segment: "header"},
		{presses: 2, segment: "payload"},
		{presses: 3, segment: "signature"},
	}
	for _, tt := range tests {
		t.Run(tt.segment, func(t *testing.T) {
			h := newBuildHarness(t, 80, 100)
			h.focusBuild(buildFocusOutput)
			for range tt.presses {
				h.bkey("t")
			}
			if got := h.build().built.tampered; got == nil || got.Segment != tt.segment {
				t.Fatalf("tampered = %+v, want the %s", got, tt.segment)
			}
			view := h.flat()
			if !strings.Contains(view, "tampered: changed character") || !strings.Contains(view, "in the "+tt.segment) {
				t.Errorf("view lacks the tamper note for the %s:\n%s", tt.segment, view)
			}
			if !strings.Contains(view, "✘ invalid signature: the signature does not verify") {
				t.Errorf("view lacks the failed signature check:\n%s", view)
			}
		})
	}
}

func TestBuildWrongVerifyKey(t *testing.T) {
	h := newBuildHarness(t, 120, 40)
	h.focusBuild(buildFocusOutput)
	h.bkey("w")
	view := h.view()
	if line := ansi.Strip(h.build().verdictLine()); !strings.Contains(line, "✘ invalid signature: the signature does not verify") {
		t.Errorf("verdict with a different key = %q", line)
	}
	if !strings.Contains(view, "a different key of the same type") {
		t.Errorf("key panel does not say which key verifies:\n%s", view)
	}
	h.bkey("w")
	if !strings.Contains(h.view(), "✔ verified") {
		t.Errorf("right key does not verify again:\n%s", h.view())
	}
}

func TestBuildStaleResultDropped(t *testing.T) {
	h := newBuildHarness(t, 120, 40)
	h.focusBuild(buildFocusClaims)
	h.bkey("enter", "ctrl+u")
	b := h.build()
	// Two keystrokes; their sign commands finish in reverse order.
	b, first := b.Update(keyMsg("1"))
	b, second := b.Update(keyMsg("2"))
	newer := second().(builtMsg)
	older := first().(builtMsg)
	b, _ = b.Update(newer)
	b, _ = b.Update(older)
	if got := string(b.built.signed.PayloadJSON); !strings.Contains(got, `"sub":12,`) {
		t.Errorf("payload = %s, want the newer value", got)
	}
}

func TestBuildHeaderFields(t *testing.T) {
	h := newBuildHarness(t, 120, 40)
	h.focusBuild(buildFocusHeader)
	h.bkey("a")
	h.typeText("kid")
	h.bkey("enter")
	h.bkey("esc", "a")
	h.typeText("alg")
	h.bkey("enter")
	if !strings.Contains(h.view(), "alg is chosen from the algorithm list") {
		t.Errorf("view lacks the reserved name note:\n%s", h.view())
	}
	got := string(h.build().built.signed.HeaderJSON)
	if got != `{"alg":"HS256","typ":"JWT","kid":"key-1"}` {
		t.Errorf("header = %s", got)
	}
}

func TestBuildSecretTypedAndBase64(t *testing.T) {
	h := newBuildHarness(t, 120, 40)
	h.focusBuild(buildFocusKey)
	h.bkey("s", "ctrl+u")
	h.typeText("a-much-longer-secret-for-hs256-tokens!!")
	key := h.build().keyPanel.signKey()
	if string(key.Secret) != "a-much-longer-secret-for-hs256-tokens!!" {
		t.Errorf("secret = %q", key.Secret)
	}
	h.bkey("ctrl+k", "ctrl+u")
	h.typeText("c2VjcmV0")
	if got := string(h.build().keyPanel.signKey().Secret); got != "secret" {
		t.Errorf("base64 secret = %q, want secret", got)
	}
	if !strings.Contains(h.view(), "✔ signature verified") && !strings.Contains(h.view(), "✔ verified") {
		t.Errorf("short secret does not verify:\n%s", h.view())
	}
}

func TestBuildGenerateHMACExplainsSize(t *testing.T) {
	h := newBuildHarness(t, 120, 40)
	h.focusBuild(buildFocusKey)
	h.bkey("g")
	if got := len(h.build().keyPanel.signKey().Secret); got != 32 {
		t.Errorf("generated secret has %d bytes, want 32", got)
	}
	view := h.view()
	if !strings.Contains(view, "256 random bits from crypto/rand") {
		t.Errorf("view lacks the size explanation:\n%s", view)
	}
	if strings.Contains(view, "! public example secret:") {
		t.Errorf("generated key still marked as the example:\n%s", view)
	}
}

func TestBuildImportKeyFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "rsa.pem")
	pemText, err := jwtcore.PrivatePEM(casePrivateKey(t, "rfc7515_a2_rs256"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, pemText, 0o600); err != nil {
		t.Fatal(err)
	}
	h := newBuildHarness(t, 120, 40)
	h.chooseAlg("RS256")
	h.focusBuild(buildFocusKey)
	h.bkey("i")
	h.typeText(path)
	h.bkey("enter")
	view := h.view()
	if !strings.Contains(view, "RSA 2048-bit private key") || !strings.Contains(view, "✔ verified") {
		t.Errorf("imported key not used:\n%s", view)
	}
	h.bkey("i")
	h.typeText(filepath.Join(dir, "missing.pem"))
	h.bkey("enter")
	if !strings.Contains(h.view(), "no such file") {
		t.Errorf("view lacks the read error:\n%s", h.view())
	}
}

func TestBuildExportKey(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "key.pem")
	h := newBuildHarness(t, 120, 40)
	h.chooseAlg("RS256")
	h.useCaseKey("rfc7515_a2_rs256")
	h.focusBuild(buildFocusKey)
	h.bkey("x")
	h.typeText(path)
	h.bkey("enter")
	info, err := os.Stat(path)
	if err != nil {
		t.Fatalf("export wrote nothing: %v\n%s", err, h.view())
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("private key file mode = %v, want 0600", info.Mode().Perm())
	}

	if status, _ := h.build().Status(); !strings.Contains(status, "wrote the private key, PEM") {
		t.Errorf("status = %q", status)
	}
	// A second export to the same path requests confirmation first.
	h.bkey("x")
	h.typeText(path)
	h.bkey("enter")
	if !strings.Contains(h.view(), "exists: press enter again") {
		t.Errorf("view lacks the overwrite question:\n%s", h.view())
	}
	h.bkey("ctrl+f", "ctrl+f", "ctrl+f", "ctrl+f", "ctrl+y")
	if got := h.clipboard.String(); !strings.Contains(got, "\x1b]52;c;") {
		t.Errorf("clipboard got %q, want an OSC 52 sequence", got)
	}
	if status, _ := h.build().Status(); !strings.Contains(status, "public key, JWKS to the clipboard") {
		t.Errorf("status = %q", status)
	}
}

func TestBuildSendToInspect(t *testing.T) {
	h := newBuildHarness(t, 120, 40)
	token := h.build().shownToken()
	h.focusBuild(buildFocusOutput)
	h.bkey("o")
	r := h.model.(rootModel)
	if r.tabs[r.active].id != ScreenInspect {
		t.Fatalf("active screen = %s, want inspect", r.tabs[r.active].id)
	}
	if got := h.inspect().report.Token.Compact; got != token {
		t.Errorf("Inspect shows %q, want the built token", got)
	}
}

func TestBuildCopyToken(t *testing.T) {
	h := newBuildHarness(t, 120, 40)
	h.focusBuild(buildFocusOutput)
	h.bkey("y")
	if got := h.clipboard.String(); !strings.Contains(got, "\x1b]52;c;") {
		t.Errorf("clipboard got %q, want an OSC 52 sequence", got)
	}
	if status, _ := h.build().Status(); !strings.Contains(status, "copied the token") {
		t.Errorf("status = %q", status)
	}
}

// TestBuildInputDuringKeygen checks that a key generation leaves the
// screen responsive: Update returns the generation as a command without
// running it, keystrokes re-sign meanwhile, and the key arrives later.
func TestBuildInputDuringKeygen(t *testing.T) {
	h := newBuildHarness(t, 120, 40)
	h.chooseAlg("RS256")
	h.useCaseKey("rfc7515_a2_rs256")
	h.focusBuild(buildFocusKey)
	h.bkey("b", "b")
	b := h.build()
	b, gen := b.Update(keyMsg("g"))
	if gen == nil {
		t.Fatal("g returned no command")
	}
	if !strings.Contains(b.View(), "generating a 4096-bit RSA key") {
		t.Errorf("view lacks the running generation:\n%s", b.View())
	}
	generated := make(chan tea.Msg, 1)
	go func() { generated <- gen() }()

	// Type into the claims while the generation runs.
	b = b.moveFocus(buildFocusCount - 1)
	b, _ = b.Update(keyMsg("enter"))
	b, _ = b.Update(keyMsg("ctrl+u"))
	b, sign := b.Update(keyMsg("7"))
	if sign == nil {
		t.Fatal("keystroke during generation returned no sign command")
	}
	b, _ = b.Update(sign())
	if got := string(b.built.signed.PayloadJSON); !strings.Contains(got, `"sub":7`) {
		t.Errorf("payload = %s, want the typed value", got)
	}

	for msg := range runBatch(<-generated) {
		b, _ = b.Update(msg)
	}
	if got := describeKey(b.keyPanel.signKey()); got != "RSA 4096-bit private key" {
		t.Errorf("signing key = %s, want the generated 4096-bit key", got)
	}
}

// runBatch yields msg, or each message of a batch, running the commands.
func runBatch(msg tea.Msg) func(func(tea.Msg) bool) {
	return func(yield func(tea.Msg) bool) {
		batch, ok := msg.(tea.BatchMsg)
		if !ok {
			yield(msg)
			return
		}
		for _, cmd := range batch {
			if cmd != nil && !yield(cmd()) {
				return
			}
		}
	}
}

func TestParseClaimText(t *testing.T) {
	tests := []struct {
		name, claim, text, want string
	}{
		{name: "exp duration", claim: "exp", text: "15m", want: itoa(testNow.Add(15 * time.Minute).Unix())},
		{name: "exp days", claim: "exp", text: "7d", want: itoa(testNow.Add(7 * 24 * time.Hour).Unix())},
		{name: "nbf in the past", claim: "nbf", text: "-5m", want: itoa(testNow.Add(-5 * time.Minute).Unix())},
		{name: "iat now", claim: "iat", text: "now", want: itoa(testNow.Unix())},
		{name: "exp number kept", claim: "exp", text: "1700000000", want: "1700000000"},
		{name: "duration in other claim", claim: "ttl", text: "15m", want: `"15m"`},
		{name: "plain text", claim: "role", text: "admin", want: `"admin"`},
		{name: "array", claim: "aud", text: `["a", "b"]`, want: `["a","b"]`},
		{name: "exp text", claim: "exp", text: "soon", want: `"soon"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseClaimText(tt.claim, tt.text, testNow)
			if err != nil {
				t.Fatalf("parseClaimText(%q, %q): %v", tt.claim, tt.text, err)
			}
			if string(got) != tt.want {
				t.Errorf("parseClaimText(%q, %q) = %s, want %s", tt.claim, tt.text, got, tt.want)
			}
		})
	}
}

func TestParseClaimTextInvalid(t *testing.T) {
	for _, text := range []string{`["a",`, `{"k":}`, `"open`} {
		if got, err := parseClaimText("exp", text, testNow); err == nil {
			t.Errorf("parseClaimText(exp, %q) = %s, want an error", text, got)
		}
	}
}

func FuzzParseClaimText(f *testing.F) {
	for _, seed := range []string{"15m", "now", "-1h30m", "42", `["a"]`, `{"a":1}`, `"x`, "7d", ""} {
		f.Add("exp", seed)
		f.Add("role", seed)
	}
	f.Fuzz(func(t *testing.T, claim, text string) {
		got, err := parseClaimText(claim, text, testNow)
		if err != nil {
			return
		}
		if _, err := jwtcore.ParseClaimValueStrict(string(got)); err != nil {
			t.Errorf("parseClaimText(%q, %q) = %q, not one JSON value: %v", claim, text, got, err)
		}
	})
}

func TestBuildExportSecret(t *testing.T) {
	path := filepath.Join(t.TempDir(), "secret.jwk")
	h := newBuildHarness(t, 120, 40)
	h.focusBuild(buildFocusKey)
	h.bkey("x")
	h.typeText(path)
	h.bkey("enter")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("export wrote nothing: %v\n%s", err, h.view())
	}
	keys, err := jwtcore.ParseKeys(data)
	if err != nil {
		t.Fatalf("exported JWK does not parse: %v", err)
	}
	if got := string(keys[0].Secret); got != jwtcore.PublicExampleSecret {
		t.Errorf("exported secret = %q, want the signing secret", got)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("secret file mode = %v, want 0600", info.Mode().Perm())
	}
}

func TestBuildWrongKeyFollowsAlg(t *testing.T) {
	h := newBuildHarness(t, 80, 100)
	h.focusBuild(buildFocusOutput)
	h.bkey("w")
	h.chooseAlg("ES256")
	h.useCaseKey("rfc7515_a3_es256")
	b := h.build()
	if b.keyPanel.wrongKey == nil || b.keyPanel.wrongKey.Type != jwtcore.KeyEC {
		t.Fatalf("wrong key = %+v, want an EC key", b.keyPanel.wrongKey)
	}
	if !strings.Contains(h.flat(), "✘ invalid signature: the signature does not verify") {
		t.Errorf("view lacks the failed signature check:\n%s", h.view())
	}
	h.chooseAlg("none")
	h.focusBuild(buildFocusOutput)
	h.bkey("w")
	if strings.Contains(h.flat(), "making a different key") {
		t.Errorf("alg none waits for a key that never comes:\n%s", h.view())
	}
}

func TestBuildStaleVerificationDropped(t *testing.T) {
	h := newBuildHarness(t, 120, 40)
	h.focusBuild(buildFocusOutput)
	b := h.build()
	// Verify with the right key, then with a wrong one; the first result
	// arrives last and must not replace the second.
	b, right := b.verify()
	b.keyPanel.wrong = true
	wrong := jwtcore.SecretFromText("another secret")
	b.keyPanel.wrongKey = &wrong
	b, second := b.verify()
	b, _ = b.Update(second())
	b, _ = b.Update(right())
	if b.verified == nil || b.verified.SignatureValid() {
		t.Errorf("verification = %+v, want the wrong key's rejection", b.verified)
	}
}

func TestBuildVerifyWithKeyFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, key jwtcore.Key) string {
		t.Helper()
		data, err := jwtcore.PublicPEM(key)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	rsaPath := write("rsa.pub", casePrivateKey(t, "rfc7515_a2_rs256"))
	ecPath := write("ec.pub", casePrivateKey(t, "rfc7515_a3_es256"))

	h := newBuildHarness(t, 80, 100)
	h.chooseAlg("RS256")
	h.useCaseKey("rfc7515_a2_rs256")
	h.focusBuild(buildFocusKey)
	h.bkey("v")
	h.typeText(rsaPath)
	h.bkey("enter")
	if !strings.Contains(h.flat(), "✔ verified") || !strings.Contains(h.flat(), "verify with: the keys in "+rsaPath) {
		t.Errorf("public key file does not verify:\n%s", h.view())
	}

	h.bkey("v", "ctrl+u")
	h.typeText(ecPath)
	h.bkey("enter")
	if !strings.Contains(h.flat(), "✘ rejected") {
		t.Errorf("EC key file verifies an RS256 token:\n%s", h.view())
	}

	h.bkey("v", "ctrl+u", "enter")
	if h.build().keyPanel.verifyKeys != nil || !strings.Contains(h.flat(), "✔ verified") {
		t.Errorf("empty path does not return to the signing key:\n%s", h.view())
	}
}

func TestBuildAddedClaimTakesValue(t *testing.T) {
	tests := []struct {
		name, typed, want string
	}{
		{name: "plain text", typed: "admin", want: `"role":"admin"`},
		{name: "array", typed: `["admin"]`, want: `"role":["admin"]`},
		{name: "number", typed: "42", want: `"role":42`},
		{name: "empty", typed: "", want: `"role":""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newBuildHarness(t, 80, 24)
			h.focusBuild(buildFocusClaims)
			h.bkey("a")
			h.typeText("role")
			h.bkey("enter")
			if got := h.build().claims.form.input.Value(); got != "" {
				t.Fatalf("value box of a new claim starts with %q, want it empty", got)
			}
			h.typeText(tt.typed)
			if got := h.payload(); !strings.Contains(got, tt.want) {
				t.Errorf("payload %s lacks %s", got, tt.want)
			}
			if strings.Contains(h.view(), "invalid JSON") {
				t.Errorf("typed value reported as invalid JSON:\n%s", h.view())
			}
		})
	}
}

func TestBuildRawTextAfterObject(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{name: "second object", text: `{"sub":"42"} {}`, want: "column 14: extra data after the object"},
		{name: "stray comma", text: `{"sub":"42"},`, want: "column 13"},
		{name: "stray word", text: `{"sub":"42"} x`, want: "column 14"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newBuildHarness(t, 120, 40)
			h.focusBuild(buildFocusClaims)
			before := h.payload()
			h.bkey("ctrl+r")
			b := h.build()
			b.claims.raw.SetValue("")
			h.model = setBuild(h, b)
			h.paste(tt.text)
			if got := h.build().claims.rawErr; !strings.Contains(got, tt.want) {
				t.Errorf("raw error = %q, want it to contain %q", got, tt.want)
			}
			if got := h.payload(); got != before {
				t.Errorf("payload changed to %s while the raw text is invalid", got)
			}
		})
	}
}

func TestBuildVerifyNamesPublicPart(t *testing.T) {
	h := newBuildHarness(t, 160, 48)
	h.chooseAlg("ES256")
	h.useCaseKey("rfc7515_a3_es256")
	flat := h.flat()
	if !strings.Contains(flat, "✔ verified") {
		t.Fatalf("imported EC key does not verify:\n%s", h.view())
	}
	if !strings.Contains(flat, "verifies with key 1: public part of the PEM") {
		t.Errorf("verify step does not name the public part of the key:\n%s", h.view())
	}
}

func TestBuildNarrowOpensAtTop(t *testing.T) {
	h := newBuildHarness(t, 80, 24)
	lines := strings.Split(h.view(), "\n")
	if strings.Contains(lines[2], "↑") {
		t.Errorf("Build screen opens scrolled down: %q", lines[2])
	}
	if !strings.HasPrefix(lines[3], " Algorithm") {
		t.Errorf("first section line = %q, want the Algorithm section", lines[3])
	}
}

func TestBuildNarrowExplainsState(t *testing.T) {
	tests := []struct {
		name  string
		setup func(h *harness)
		want  []string
	}{
		{
			name:  "RS256 with an HMAC secret",
			setup: func(h *harness) { h.chooseAlg("RS256") },
			want:  []string{"✘ cannot sign:", "RS256 needs an RSA key", "g generates an RSA key"},
		},
		{
			name:  "tampered header",
			setup: func(h *harness) { h.focusBuild(buildFocusClaims); h.bkey("t") },
			want:  []string{"! tampered: changed character", "in the header", "✘ invalid signature: the signature does not verify"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newBuildHarness(t, 80, 24)
			tt.setup(h)
			flat := h.flat()
			for _, want := range tt.want {
				if !strings.Contains(flat, want) {
					t.Errorf("80x24 view lacks %q:\n%s", want, h.view())
				}
			}
			checkScreen(t, h.model.View(), 80, 24)
		})
	}
}

func TestBuildExportReplaceAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "key.pem")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	h := newBuildHarness(t, 120, 40)
	h.chooseAlg("RS256")
	h.useCaseKey("rfc7515_a2_rs256")
	h.focusBuild(buildFocusKey)
	h.bkey("x")
	h.typeText(path)
	h.bkey("enter", "enter")
	if got := h.build().keyPanel.problem; got != "" {
		t.Errorf("problem after replacing the file = %q, want none", got)
	}
	if view := h.view(); strings.Contains(view, "press enter again") {
		t.Errorf("view still asks to replace the file:\n%s", view)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "-----BEGIN PRIVATE KEY-----") {
		t.Errorf("replaced file starts with %q, want a PEM private key", data[:min(len(data), 30)])
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries after the export, want only key.pem", len(entries))
	}

	h.bkey("x")
	h.typeText(dir)
	h.bkey("enter", "enter")
	if got := h.build().keyPanel.problem; !strings.Contains(got, "is a directory") {
		t.Errorf("export to a directory: problem = %q, want it rejected as a directory", got)
	}
}

func TestBuildKeyFollowsRelatedAlg(t *testing.T) {
	tests := []struct{ from, to string }{
		{from: "HS256", to: "HS384"},
		{from: "RS256", to: "RS384"},
		{from: "RS256", to: "PS512"},
		{from: "Ed25519", to: "EdDSA"},
	}
	for _, tt := range tests {
		t.Run(tt.from+" to "+tt.to, func(t *testing.T) {
			h := newBuildHarness(t, 120, 40)
			h.chooseAlg(tt.from)
			h.focusBuild(buildFocusKey)
			h.bkey("g")
			h.chooseAlg(tt.to)
			if got := h.build().keyPanel.signKey().Alg; got != tt.to {
				t.Errorf("key alg after the switch = %q, want %q", got, tt.to)
			}
			if !strings.Contains(h.view(), "✔ verified") {
				t.Errorf("token signed with the generated key does not verify:\n%s", h.view())
			}
		})
	}
}

func TestBuildJWKAlgKept(t *testing.T) {
	h := newBuildHarness(t, 120, 40)
	h.chooseAlg("HS256")
	key := jwtcore.SecretFromText(strings.Repeat("k", 48))
	key.Alg = "HS256"
	h.send(keyImportedMsg{seq: h.build().keyPanel.importSeq, path: "key.jwk", keys: []jwtcore.Key{key}})
	h.chooseAlg("HS384")
	if got := h.build().keyPanel.signKey().Alg; got != "HS256" {
		t.Errorf("imported JWK alg = %q after the switch, want HS256", got)
	}
	if !strings.Contains(h.flat(), "its JWK alg is HS256") {
		t.Errorf("view does not explain the JWK alg mismatch:\n%s", h.view())
	}
}

func TestBuildShowsLintFindings(t *testing.T) {
	h := newBuildHarness(t, 80, 100)
	h.focusBuild(buildFocusClaims)
	h.bkey("ctrl+r")
	b := h.build()
	b.claims.raw.SetValue("")
	h.model = setBuild(h, b)
	h.paste(`{"role":"user","role":"admin"}`)
	if got := h.payload(); got != `{"role":"user","role":"admin"}` {
		t.Fatalf("payload = %s, want the raw JSON with both role members", got)
	}
	findings := h.build().findings()
	if !hasFindingCode(findings, jwtcore.CodeDuplicateKeys) {
		t.Errorf("findings = %+v, want the duplicate key finding", findings)
	}
	view := h.flat()
	if !strings.Contains(view, "✔ verified") {
		t.Errorf("view lacks the verdict:\n%s", h.view())
	}
	if !strings.Contains(view, "warnings") {
		t.Errorf("view lacks the warning count beside the verdict:\n%s", h.view())
	}
	if !strings.Contains(view, `repeats the member names "role"`) {
		t.Errorf("view lacks the duplicate key warning:\n%s", h.view())
	}
}

func TestBuildRawEditorShowsCut(t *testing.T) {
	long := strings.Repeat("abcdefghijklmnopqrstuvwxyz", 9)
	many := make([]string, 30)
	for i := range many {
		many[i] = fmt.Sprintf(`"c%02d": %d`, i, i)
	}
	tests := []struct {
		name     string
		json     string
		wantCut  bool
		wantLast string
	}{
		{name: "wrapped line fits", json: "{\n\"kk\": \"" + long + "\",\n\"last\": 1\n}", wantLast: `"last": 1`},
		{name: "long document cut", json: "{\n" + strings.Join(many, ",\n") + "\n}", wantCut: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newBuildHarness(t, 80, 100)
			h.focusBuild(buildFocusClaims)
			h.bkey("ctrl+r")
			b := h.build()
			b.claims.raw.SetValue("")
			h.model = setBuild(h, b)
			h.paste(tt.json)
			h.bkey("ctrl+r", "ctrl+r")
			view := h.view()
			if got := strings.Contains(view, "rows shown: move the cursor to scroll"); got != tt.wantCut {
				t.Errorf("cut sign shown = %v, want %v:\n%s", got, tt.wantCut, view)
			}
			if !tt.wantCut && !strings.Contains(view, `"kk":`) {
				t.Errorf("view hides the start of the JSON:\n%s", view)
			}
			if tt.wantLast != "" && !strings.Contains(view, tt.wantLast) {
				t.Errorf("view hides the end of the JSON %q:\n%s", tt.wantLast, view)
			}
		})
	}
}

func TestBuildNewHeaderParamText(t *testing.T) {
	tests := []struct {
		name, typed, wantText, wantHeader string
	}{
		{name: "x5t", typed: "abc", wantText: "abc", wantHeader: `{"alg":"HS256","typ":"JWT","x5t":"abc"}`},
		{name: "cty", typed: "x", wantText: "x", wantHeader: `{"alg":"HS256","typ":"JWT","cty":"x"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newBuildHarness(t, 120, 40)
			h.focusBuild(buildFocusHeader)
			h.bkey("a")
			h.typeText(tt.name)
			h.bkey("enter")
			h.typeText(tt.typed)
			if got := h.build().header.fields.input.Value(); got != tt.wantText {
				t.Errorf("value input = %q, want %q", got, tt.wantText)
			}
			h.bkey("enter")
			if got := string(h.build().built.signed.HeaderJSON); got != tt.wantHeader {
				t.Errorf("header = %s, want %s", got, tt.wantHeader)
			}
		})
	}
}

func TestBuildStaleGeneratedKeyDropped(t *testing.T) {
	rsa := casePrivateKey(t, "rfc7515_a2_rs256")
	rsa.Alg = "RS256"
	tests := []struct {
		to          string
		wantType    jwtcore.KeyType
		wantDropped bool
	}{
		{to: "ES256", wantType: jwtcore.KeyHMAC, wantDropped: true},
		{to: "RS384", wantType: jwtcore.KeyRSA},
	}
	for _, tt := range tests {
		t.Run(tt.to, func(t *testing.T) {
			h := newBuildHarness(t, 120, 40)
			h.chooseAlg("RS256")
			h.focusBuild(buildFocusKey)
			b, gen := h.build().Update(keyMsg("g"))
			if gen == nil {
				t.Fatal("g returned no command")
			}
			h.model = setBuild(h, b)
			seq := b.keyPanel.genSeq
			// Move down from RS256 without passing an alg of another type.
			h.focusBuild(buildFocusAlg)
			for h.build().header.algorithm().Name != tt.to {
				h.key("down")
			}
			if status, _ := h.build().Status(); tt.wantDropped && !strings.Contains(status, "dropped the RSA key") {
				t.Errorf("status = %q, want a note on the dropped RSA key", status)
			}
			h.send(keyGeneratedMsg{seq: seq, purpose: purposeSign, alg: "RS256", bits: 2048, key: rsa})
			key := h.build().keyPanel.signKey()
			if key.Type != tt.wantType {
				t.Errorf("signing key type after the late key = %v, want %v", key.Type, tt.wantType)
			}
			if !tt.wantDropped && key.Alg != tt.to {
				t.Errorf("late key alg = %q, want %q", key.Alg, tt.to)
			}
		})
	}
}

func TestBuildAddClaimInputInView(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		h := newBuildHarness(t, size[0], size[1])
		h.focusBuild(buildFocusClaims)
		h.bkey("a")
		if view := h.view(); !strings.Contains(view, "+ name") {
			t.Errorf("%dx%d: name input not in view:\n%s", size[0], size[1], view)
		}
		h.typeText("role")
		h.bkey("enter")
		if view := h.view(); !strings.Contains(view, fieldValuePlaceholder) {
			t.Errorf("%dx%d: new claim's value input shows no placeholder:\n%s", size[0], size[1], view)
		}
	}
}

func TestBuildWrongKeyReasonAt80x24(t *testing.T) {
	h := newBuildHarness(t, 80, 24)
	h.bkey("w")
	if flat := h.flat(); !strings.Contains(flat, "the signature does not verify with") {
		t.Errorf("80x24 view hides why the signature failed:\n%s", h.view())
	}
	if got := strings.Count(h.view(), "\n") + 1; got != 24 {
		t.Errorf("view has %d lines, want 24", got)
	}
}

func TestBuildTamperedStepsCaption(t *testing.T) {
	h := newBuildHarness(t, 80, 100)
	if flat := h.flat(); !strings.Contains(flat, "(the token above is these steps joined)") {
		t.Errorf("untampered caption missing:\n%s", h.view())
	}
	h.focusBuild(buildFocusOutput)
	h.bkey("t")
	tampered := h.build().built.tampered
	if tampered == nil {
		t.Fatal("no tampered token after t")
	}
	flat := h.flat()
	if strings.Contains(flat, "(the token above is these steps joined)") {
		t.Errorf("caption claims the steps join to the tampered token:\n%s", h.view())
	}
	want := fmt.Sprintf("then character %d, in the header, changed from %q to %q)",
		tampered.Index+1, tampered.Old, tampered.New)
	if !strings.Contains(flat, want) {
		t.Errorf("caption lacks %q:\n%s", want, h.view())
	}
}

func TestBuildWarningsAt80x24(t *testing.T) {
	tests := []struct {
		name string
		keys []string
	}{
		{name: "verified"},
		{name: "wrong verify key", keys: []string{"w"}},
		{name: "tampered", keys: []string{"t"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newBuildHarness(t, 80, 24)
			h.bkey(tt.keys...)
			lines := strings.Split(h.view(), "\n")
			footer := strings.Join(lines[len(lines)-6:], "\n")
			if !strings.Contains(footer, "!! 2 warnings: the HMAC secret") {
				t.Errorf("80x24 footer lacks the warning count and the worst warning:\n%s", h.view())
			}
			checkScreen(t, h.model.View(), 80, 24)
		})
	}
}

func TestBuildOpensOnAlgList(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		h := newBuildHarness(t, size[0], size[1])
		if got := h.build().focus; got != buildFocusAlg {
			t.Errorf("%dx%d: focus = %v, want the alg list", size[0], size[1], got)
		}
		view := h.view()
		for _, alg := range []string{"› HS256", "  HS384", "  RS256"} {
			if !strings.Contains(view, alg) {
				t.Errorf("%dx%d: opening view lacks %q in the alg list:\n%s", size[0], size[1], alg, view)
			}
		}
		if lines := strings.Split(view, "\n"); strings.Contains(lines[2], "↑") {
			t.Errorf("%dx%d: Build screen opens scrolled down: %q", size[0], size[1], lines[2])
		}
	}
}

func TestBuildExampleSecretOneClause(t *testing.T) {
	h := newBuildHarness(t, 80, 100)
	flat := h.flat()
	if !strings.Contains(flat, "! public example secret: anyone can forge tokens with it; never reuse it") {
		t.Errorf("key section lacks the example secret warning:\n%s", h.view())
	}
	if strings.Contains(flat, "public example key") {
		t.Errorf("key section still names the example secret twice:\n%s", h.view())
	}
}

func TestBuildNarrowTokenShownOnce(t *testing.T) {
	tests := []struct {
		name      string
		focus     buildFocus
		wantCount int
	}{
		{name: "footer pins token", focus: buildFocusKey, wantCount: 1},
		{name: "token focused", focus: buildFocusOutput, wantCount: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newBuildHarness(t, 80, 24)
			h.focusBuild(tt.focus)
			b := h.build()
			start := b.built.signed.Token[:40]
			if got := strings.Count(h.view(), start); got != tt.wantCount {
				t.Errorf("token start appears %d times, want %d:\n%s", got, tt.wantCount, h.view())
			}
		})
	}
}
