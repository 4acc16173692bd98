package tui

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/jwtlab/jwtlab/jwtcore"
)

func TestPasteDropsExampleSecret(t *testing.T) {
	c := loadCase(t, "signature_invalid_tampered_payload")
	h := newHarness(t, "", "", 80, 24)
	if !strings.Contains(h.view(), "✔ verified") {
		t.Fatalf("the built-in example is not verified at start:\n%s", h.view())
	}
	h.paste(c.Token)
	view := h.view()
	if got := h.inspect().verify.input.Value(); got != "" {
		t.Errorf("secret input after paste = %q, want it empty", got)
	}
	if strings.Contains(view, "invalid signature") {
		t.Errorf("pasted token checked with the example secret:\n%s", view)
	}
	if !strings.Contains(view, "○ not checked") {
		t.Errorf("badge is not \"not checked\":\n%s", view)
	}
	if !strings.Contains(view, "press v, then type the HMAC secret") {
		t.Errorf("no hint to press v:\n%s", view)
	}
}

func TestTypedSecretKeptOnPaste(t *testing.T) {
	c := loadCase(t, "jwtio_hs256_legacy")
	h := newHarness(t, "", "", 80, 24)
	h.key("v", "ctrl+u")
	h.typeText(c.Key.Secret)
	h.key("esc")
	h.paste(c.Token)
	if !strings.Contains(h.view(), "✔ verified") {
		t.Errorf("the secret typed by the user was dropped:\n%s", h.view())
	}
}

func TestVerifySourceFollowsAlg(t *testing.T) {
	hs := loadCase(t, "jwtio_hs256_legacy").Token
	rs := loadCase(t, "jwtio_rs256").Token
	tests := []struct {
		name   string
		tokens []string
		want   keySource
		label  string
	}{
		{name: "RS256 asks for a key file", tokens: []string{rs}, want: sourceFile, label: "key file:"},
		{name: "HS256 asks for a secret", tokens: []string{hs}, want: sourceSecret, label: "secret:"},
		{name: "HS256 after RS256", tokens: []string{rs, hs}, want: sourceSecret, label: "secret:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, "", "", 80, 24)
			for _, tok := range tt.tokens {
				h.paste(tok)
			}
			if got := h.inspect().verify.source; got != tt.want {
				t.Errorf("source = %v, want %v", got, tt.want)
			}
			view := h.view()
			if !strings.Contains(view, "Verify "+tt.label) {
				t.Errorf("verify panel does not read %q:\n%s", tt.label, view)
			}
			if placeholder := tt.want.placeholder(); !strings.Contains(view, placeholder) {
				t.Errorf("verify panel at 80x24 does not show the whole placeholder %q:\n%s", placeholder, view)
			}
			if !strings.Contains(view, sourceSwitchHint) {
				t.Errorf("verify panel does not name the switch key at 80x24:\n%s", view)
			}
		})
	}
}

func TestCtrlKFromPaneSwitchesSource(t *testing.T) {
	c := loadCase(t, "jwtio_hs256_legacy")
	h := newHarness(t, c.Token, "", 80, 24)
	h.key("ctrl+k")
	m := h.inspect()
	if m.focus != focusVerify {
		t.Errorf("focus after ctrl+k = %v, want the verify panel", m.focus)
	}
	if m.verify.source != sourceBase64 {
		t.Errorf("source after ctrl+k = %v, want base64", m.verify.source)
	}
}

func TestKeyLabel(t *testing.T) {
	tests := []struct {
		name, desc string
		keys       int
		want       string
	}{
		{name: "one secret", desc: "key 1: secret text (41 bytes)", keys: 1, want: "secret text, 41 bytes"},
		{name: "one PEM key", desc: "key 1: PEM PKIX public key", keys: 1, want: "PEM PKIX public key"},
		{name: "first of several", desc: "key 1: JWK RSA public key", keys: 3, want: "key 1: JWK RSA public key"},
		{name: "kid kept", desc: `key 2 (kid "a"): JWK EC public key`, keys: 2, want: `key 2 (kid "a"): JWK EC public key`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := keyLabel(tt.desc, tt.keys); got != tt.want {
				t.Errorf("keyLabel(%q, %d) = %q, want %q", tt.desc, tt.keys, got, tt.want)
			}
		})
	}
}

func TestWarningCountBesideBadge(t *testing.T) {
	c := loadCase(t, "jwtio_hs256_legacy")
	h := newHarness(t, c.Token, c.Key.Secret, 120, 40)
	lines := strings.Split(h.view(), "\n")
	var verdict, hint string
	for i, line := range lines {
		if strings.Contains(line, "✔ verified") {
			verdict, hint = line, lines[i+1]
		}
	}
	if !strings.Contains(verdict, "!! 3 warnings") {
		t.Errorf("verdict line lacks the warning count: %q", verdict)
	}
	if !strings.Contains(hint, "!! the HMAC secret is a published example") {
		t.Errorf("line under the verdict lacks the most severe warning: %q", hint)
	}
}

func TestTokenTextEscapedEverywhere(t *testing.T) {
	const rlo = "\u202e"
	header := `{"alg":"HS256","typ":"JWT` + rlo + `\u001b[2J","kid":"k` + rlo + `"}`
	payload := `{"sub":"evil` + rlo + `txt.exe","n` + rlo + `":"\u0007bell","exp":"soon` + rlo + `"}`
	token := b64url(header) + "." + b64url(payload) + ".c2ln"
	for _, size := range [][2]int{{80, 24}, {120, 40}, {160, 48}} {
		h := newHarness(t, token, "secret", size[0], size[1])
		for _, keys := range [][]string{nil, {"tab", "tab"}, {"end"}} {
			h.key(keys...)
			view := h.model.View()
			if strings.Contains(view, rlo) {
				t.Errorf("%dx%d view after %v shows U+202E raw:\n%s", size[0], size[1], keys, view)
			}
			if strings.Contains(view, "\x1b[2J") {
				t.Errorf("%dx%d view after %v passes the token's clear-screen sequence:\n%q", size[0], size[1], keys, view)
			}
			checkScreen(t, view, size[0], size[1])
		}
	}
}

func b64url(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

func TestRejectedBadgeNamesReason(t *testing.T) {
	c := loadCase(t, "jwtio_rs256")
	h := newHarness(t, c.Token, "", 120, 40)
	h.key("v", "ctrl+k")
	h.typeText("a-secret-for-an-rsa-token")
	view := h.view()
	if !strings.Contains(view, "✘ rejected: ") {
		t.Errorf("a secret for an RS256 token is not rejected:\n%s", view)
	}
	if strings.Contains(view, "invalid signature") {
		t.Errorf("a key of the wrong type is reported as an invalid signature:\n%s", view)
	}
}

func TestMalformedClaimsNotChecked(t *testing.T) {
	h := newHarness(t, loadCase(t, "invalid_base64_char").Token, "some-secret", 120, 40)
	view := h.view()
	if !strings.Contains(view, "✘ rejected") {
		t.Errorf("a malformed token is not rejected:\n%s", view)
	}
	if strings.Contains(view, "✔ claims valid") {
		t.Errorf("claims of an undecoded payload are reported valid:\n%s", view)
	}
}

func TestTickKeepsDecodedToken(t *testing.T) {
	token, secret := jwtcore.ExampleToken(testNow)
	h := newHarness(t, token, secret, 80, 24)
	before := h.inspect().report.Token
	h.tick(6 * time.Minute)
	m := h.inspect()
	if m.report.Token != before {
		t.Error("a clock tick decoded the token again")
	}
	if !hasFindingCode(m.report.Findings, jwtcore.CodeExpired) {
		t.Errorf("findings after expiry = %+v, want the expired finding", m.report.Findings)
	}
	h.key("tab", "tab", "end")
	if view := h.view(); !strings.Contains(view, "expired 1m") {
		t.Errorf("view after 6 minutes lacks the expiry:\n%s", view)
	}
}

func hasFindingCode(findings []jwtcore.Finding, code string) bool {
	for _, f := range findings {
		if f.Code == code {
			return true
		}
	}
	return false
}

func TestValuePrefixFillsWidth(t *testing.T) {
	long := strings.Repeat("界", 5000)
	got := ansi.StringWidth(printable(valuePrefix([]byte(long), 40)))
	if got < 40 {
		t.Errorf("prefix of a wide-character value is %d cells, want at least 40", got)
	}
}

func TestLoadingNeverOrphaned(t *testing.T) {
	c := loadCase(t, "jwtio_hs256_legacy")
	h := newHarness(t, c.Token, "", 120, 36)
	h.key("v", "ctrl+k", "ctrl+k", "enter", "ctrl+k")
	h.typeText("wrong secret")
	view := h.view()
	if strings.Contains(view, "reading key file") {
		t.Errorf("badge still reads the key file after an empty path:\n%s", view)
	}
	if !strings.Contains(view, "✘ invalid signature") {
		t.Errorf("badge does not show the verdict for the wrong secret:\n%s", view)
	}
}

func TestLoadingFollowsNewestLoad(t *testing.T) {
	v := newVerifyPanel(DefaultStyles(), "")
	v = v.switchTo(sourceFile)
	v.input.SetValue("key.pem")
	first := v.startLoad()
	if first == nil || !v.loading() {
		t.Fatalf("loading() = %v after starting a load, want true", v.loading())
	}
	v.input.SetValue("")
	if cmd := v.startLoad(); cmd != nil {
		t.Errorf("startLoad with an empty path returned a command")
	}
	if v.loading() {
		t.Errorf("loading() = true after a load that never started")
	}
	v, _, changed := v.update(first(), nil, testNow)
	if changed || v.loading() {
		t.Errorf("an overtaken load changed the panel: changed=%v loading=%v", changed, v.loading())
	}
}

func TestTickKeepsKeyFileError(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.pem")
	if err := os.WriteFile(garbage, []byte("not a key\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	rs := loadCase(t, "jwtio_rs256").Token
	tests := []struct{ name, path string }{
		{name: "garbage", path: garbage},
		{name: "directory", path: dir},
		{name: "missing file", path: filepath.Join(dir, "missing.pem")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, rs, "", 160, 48)
			h.key("v", "ctrl+u")
			h.typeText(tt.path)
			h.key("enter")
			problem := h.inspect().verify.keyProblem
			if problem == "" {
				t.Fatalf("no key problem for %s", tt.path)
			}
			h.tick(time.Second)
			h.tick(time.Second)
			if got := h.inspect().verify.keyProblem; got != problem {
				t.Errorf("key problem after two ticks = %q, want %q", got, problem)
			}
			h.key("esc")
			h.paste(rs)
			if got := h.inspect().verify.keyProblem; got != problem {
				t.Errorf("key problem after a new token = %q, want %q", got, problem)
			}
		})
	}
}

func TestTickRechecksClaims(t *testing.T) {
	token, secret := jwtcore.ExampleToken(testNow)
	h := newHarness(t, token, secret, 160, 48)
	if !strings.Contains(h.view(), "✔ claims valid") {
		t.Fatalf("example claims are not valid at start:\n%s", h.view())
	}
	h.tick(6 * time.Minute)
	if !strings.Contains(h.view(), "✘ claims invalid: exp") {
		t.Errorf("claims after expiry are not rechecked:\n%s", h.view())
	}
}

func TestWarningCountAt80x24WrongSecret(t *testing.T) {
	c := loadCase(t, "jwtio_hs256_legacy")
	h := newHarness(t, c.Token, "a-wrong-secret-that-is-long-enough-for-hs256", 80, 24)
	view := h.view()
	var warning string
	for _, line := range strings.Split(view, "\n") {
		if strings.Contains(line, " warning") && strings.Contains(line, ": ") {
			warning = line
		}
	}
	if warning == "" {
		t.Fatalf("80x24 view lacks the warning count:\n%s", view)
	}
	worst, _ := mostSevere(h.inspect().warnings())
	firstWords := strings.Join(strings.Fields(worst.Message)[:3], " ")
	if !strings.Contains(warning, firstWords) {
		t.Errorf("warning line %q lacks the most severe warning %q", warning, firstWords)
	}
	if !strings.Contains(view, "✘ invalid signature") {
		t.Errorf("80x24 view lacks the failed verdict:\n%s", view)
	}
	checkScreen(t, h.model.View(), 80, 24)
}
