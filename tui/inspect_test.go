package tui

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/jwtlab/jwtlab/jwtcore"
)

func TestInspectPasteShowsDecodedToken(t *testing.T) {
	c := loadCase(t, "jwtio_hs256_legacy")
	h := newHarness(t, "", "", 120, 40)
	h.paste(c.Token)
	view := h.view()
	for _, want := range []string{`"alg": "HS256"`, `"name": "John Doe"`, "Subject", "2018-01-18 01:30:22 UTC"} {
		if !strings.Contains(view, want) {
			t.Errorf("view after paste lacks %q:\n%s", want, view)
		}
	}
	if got := h.inspect().report.Token.Compact; got != c.Token {
		t.Errorf("inspected token = %q, want the pasted token", got)
	}
	if strings.Contains(view, "built-in example") {
		t.Errorf("status still describes the example token:\n%s", view)
	}
}

func TestInspectCleanupNoteShown(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{name: "bearer prefix", file: "bearer_prefix", want: "Bearer"},
		{name: "wrapped lines", file: "bug_02_wrapped_crlf", want: "line breaks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, "", "", 120, 40)
			h.paste(loadCase(t, tt.file).Token)
			view := h.view()
			if !strings.Contains(view, tt.want) {
				t.Errorf("view lacks the clean-up note %q:\n%s", tt.want, view)
			}
			if h.inspect().report.Err != nil {
				t.Errorf("decode error after clean-up: %v", h.inspect().report.Err)
			}
		})
	}
}

func TestInspectVerifyBadges(t *testing.T) {
	legacy := loadCase(t, "jwtio_hs256_legacy")
	tests := []struct {
		name, token, secret, want string
	}{
		{name: "right secret", token: legacy.Token, secret: legacy.Key.Secret, want: "✔ verified"},
		{name: "wrong secret", token: legacy.Token, secret: "not-the-secret", want: "✘ invalid signature"},
		{name: "wrong secret reason", token: legacy.Token, secret: "not-the-secret", want: "signature: "},
		{name: "public secret", token: legacy.Token, secret: legacy.Key.Secret, want: "!! the HMAC secret is a published example"},
		{name: "warning count", token: legacy.Token, secret: legacy.Key.Secret, want: "✔ claims valid   !! 3 warnings"},
		{name: "no secret", token: legacy.Token, secret: "", want: "○ not checked"},
		{name: "tampered payload", token: loadCase(t, "signature_invalid_tampered_payload").Token,
			secret: "a-string-secret-at-least-256-bits-long", want: "✘ invalid signature"},
		{name: "alg none", token: loadCase(t, "alg_none_empty_signature").Token, secret: "", want: "unsigned"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, tt.token, tt.secret, 120, 40)
			if view := h.view(); !strings.Contains(view, tt.want) {
				t.Errorf("view lacks %q:\n%s", tt.want, view)
			}
		})
	}
}

func TestTypingSecretKeepsTokenBytes(t *testing.T) {
	c := loadCase(t, "jwtio_hs256_legacy")
	h := newHarness(t, c.Token, "", 120, 40)
	h.key("v")
	if !h.inspect().Typing() {
		t.Fatal("v did not focus the verify panel")
	}
	for i, r := range c.Key.Secret {
		h.typeText(string(r))
		if got := h.inspect().report.Token.Compact; got != c.Token {
			t.Fatalf("after %d secret characters the token changed to %q", i+1, got)
		}
	}
	if view := h.view(); !strings.Contains(view, "✔ verified") {
		t.Errorf("typed secret did not verify:\n%s", view)
	}
	h.key("backspace")
	if view := h.view(); !strings.Contains(view, "✘ invalid signature") {
		t.Errorf("a shortened secret still verifies:\n%s", view)
	}
	if got := h.inspect().report.Token.Compact; got != c.Token {
		t.Errorf("token changed to %q", got)
	}
}

func TestPastedSecretLineBreakRemoved(t *testing.T) {
	c := loadCase(t, "jwtio_hs256_legacy")
	h := newHarness(t, c.Token, "", 120, 40)
	h.key("v")
	h.paste(c.Key.Secret + "\n")
	view := h.view()
	if !strings.Contains(view, "removed the line break") {
		t.Errorf("view lacks the note about the removed line break:\n%s", view)
	}
	if !strings.Contains(view, "✔ verified") {
		t.Errorf("pasted secret did not verify:\n%s", view)
	}
	if got := h.inspect().report.Token.Compact; got != c.Token {
		t.Errorf("a paste into the verify panel changed the token to %q", got)
	}
}

func TestCopyStatusExpires(t *testing.T) {
	c := loadCase(t, "jwtio_hs256_legacy")
	h := newHarness(t, c.Token, "", 120, 40)
	h.key("y")
	for range statusTicks - 1 {
		h.tick(time.Second)
	}
	if view := h.view(); !strings.Contains(view, "copied the token") {
		t.Fatalf("copy message gone before %d ticks:\n%s", statusTicks, view)
	}
	h.tick(time.Second)
	if view := h.view(); strings.Contains(view, "copied the token") {
		t.Errorf("copy message still shown after %d ticks:\n%s", statusTicks, view)
	}
}

func TestSecretMaskedUntilShown(t *testing.T) {
	c := loadCase(t, "jwtio_hs256_legacy")
	h := newHarness(t, c.Token, c.Key.Secret, 120, 40)
	h.key("v")
	if strings.Contains(h.view(), c.Key.Secret) {
		t.Error("the secret is visible before ctrl+t")
	}
	h.key("ctrl+t")
	if !strings.Contains(h.view(), c.Key.Secret) {
		t.Error("the secret is hidden after ctrl+t")
	}
}

func TestMalformedTokenExplainedInPlace(t *testing.T) {
	h := newHarness(t, "", "", 120, 40)
	h.paste(loadCase(t, "invalid_base64_char").Token)
	view := h.view()
	for _, want := range []string{"payload", `"alg": "HS256"`, "✘"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
	h.key("v")
	h.typeText("some-secret")
	view = h.view()
	if !strings.Contains(view, "rejected: malformed token") {
		t.Errorf("a malformed token with a key is not rejected as malformed:\n%s", view)
	}
	if strings.Contains(view, "claims valid") {
		t.Errorf("claims of an undecoded payload are reported valid:\n%s", view)
	}
	h.key("esc")
	if _, ok := badByteIndex(h.inspect().report); !ok {
		t.Error("the bad character is not located in the token")
	}
	h.paste(loadCase(t, "jwtio_hs256_legacy").Token)
	if view := h.view(); !strings.Contains(view, `"name": "John Doe"`) {
		t.Errorf("a good token after a bad one is not shown:\n%s", view)
	}
}

func TestInspectOddInputs(t *testing.T) {
	tests := []struct {
		name, input, want string
	}{
		{name: "empty", input: "", want: "(no token)"},
		{name: "jwe", input: loadCase(t, "jwe_compact_5_parts").Token, want: "encrypted"},
		{name: "garbage", input: "hello there", want: "✘"},
		{name: "one dot", input: "a.", want: "✘"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, "x", "", 80, 24)
			h.paste(tt.input)
			if view := h.view(); !strings.Contains(view, tt.want) {
				t.Errorf("view lacks %q:\n%s", tt.want, view)
			}
		})
	}
}

func TestKeyFileVerifiesRS256(t *testing.T) {
	c := loadCase(t, "jwtio_rs256")
	path := filepath.Join(t.TempDir(), "public.pem")
	if err := os.WriteFile(path, []byte(c.Key.PEM), 0o600); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, c.Token, "", 120, 40)
	h.key("v")
	if got := h.inspect().verify.source; got != sourceFile {
		t.Fatalf("source for an RS256 token = %v, want the key file", got)
	}
	h.typeText(path)
	if view := h.view(); strings.Contains(view, "✔ verified") {
		t.Fatalf("verified before enter:\n%s", view)
	}
	h.key("enter")
	if view := h.view(); !strings.Contains(view, "✔ verified") {
		t.Errorf("key file did not verify:\n%s", view)
	}
}

func TestKeyFileErrorShownInPlace(t *testing.T) {
	c := loadCase(t, "jwtio_rs256")
	h := newHarness(t, c.Token, "", 120, 40)
	h.key("v")
	missing := filepath.Join(t.TempDir(), "missing.pem")
	h.typeText(missing)
	h.key("enter")
	view := h.view()
	if !strings.Contains(view, "read key file") {
		t.Errorf("view lacks the read error:\n%s", view)
	}
	if !strings.Contains(view, "not checked") {
		t.Errorf("view lacks the not checked badge:\n%s", view)
	}
}

func TestKeyFileFromConfigLoadsAtStart(t *testing.T) {
	c := loadCase(t, "jwtio_rs256")
	path := filepath.Join(t.TempDir(), "public.pem")
	if err := os.WriteFile(path, []byte(c.Key.PEM), 0o600); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, c.Token, "", 120, 40, func(cfg *Config) { cfg.KeyFile = path })
	view := h.view()
	if !strings.Contains(view, "key file:") {
		t.Errorf("verify panel is not in key file mode:\n%s", view)
	}
	if !strings.Contains(view, "✔ verified") {
		t.Errorf("key file from the configuration did not verify:\n%s", view)
	}
}

func TestBase64SecretSource(t *testing.T) {
	c := loadCase(t, "jwtio_hs256_legacy")
	tests := []struct {
		name, secret, want string
	}{
		{name: "valid", secret: "eW91ci0yNTYtYml0LXNlY3JldA", want: "✔ verified"},
		{name: "invalid character", secret: "not base64!", want: "not valid base64"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, c.Token, "", 120, 40)
			h.key("v", "ctrl+k")
			h.typeText(tt.secret)
			if view := h.view(); !strings.Contains(view, tt.want) {
				t.Errorf("view lacks %q:\n%s", tt.want, view)
			}
		})
	}
}

func TestUnsupportedBadge(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{name: "es256k", file: "bug_10_es256k_unlisted_alg", want: "? unsupported alg ES256K"},
		{name: "jwe", file: "jwe_compact_5_parts", want: "? unsupported: a JWE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, loadCase(t, tt.file).Token, "", 120, 40)
			view := h.view()
			if !strings.Contains(view, tt.want) {
				t.Errorf("view lacks %q:\n%s", tt.want, view)
			}
			if strings.Contains(view, "✔ verified") {
				t.Errorf("reported verified:\n%s", view)
			}
		})
	}
}

func TestKeyFileRejectsDevice(t *testing.T) {
	c := loadCase(t, "jwtio_rs256")
	h := newHarness(t, c.Token, "", 120, 40)
	h.key("v")
	h.typeText("/dev/zero")
	h.key("enter")
	if view := h.view(); !strings.Contains(view, "not a regular file") {
		t.Errorf("view lacks the device error:\n%s", view)
	}
}

func TestStaleVerifyResultDropped(t *testing.T) {
	c := loadCase(t, "jwtio_hs256_legacy")
	h := newHarness(t, c.Token, c.Key.Secret, 120, 40)
	seq := h.inspect().verify.verifySeq
	stale := verifiedMsg{seq: seq - 1, result: jwtcore.Result{Status: jwtcore.StatusInvalid}}
	h.send(stale)
	if view := h.view(); !strings.Contains(view, "✔ verified") {
		t.Errorf("a stale result replaced the current one:\n%s", view)
	}
}

func TestRelativeTimesFollowClock(t *testing.T) {
	now := testNow
	token, secret := jwtcore.ExampleToken(now)
	h := newHarness(t, token, secret, 120, 40)
	h.key("tab", "tab", "end")
	if view := h.view(); !strings.Contains(view, "expires in 5m") {
		t.Errorf("view lacks the time to expiry:\n%s", view)
	}
	h.tick(6 * time.Minute)
	view := h.view()
	if !strings.Contains(view, "expired 1m") {
		t.Errorf("view after 6 minutes lacks the expiry:\n%s", view)
	}
	if !strings.Contains(view, "✘ claims invalid") {
		t.Errorf("claims still valid after expiry:\n%s", view)
	}
	if !strings.Contains(view, "✔ verified") {
		t.Errorf("signature verdict changed with time:\n%s", view)
	}
}

func TestCopyWritesOSC52(t *testing.T) {
	c := loadCase(t, "jwtio_hs256_legacy")
	h := newHarness(t, c.Token, "", 120, 40)
	h.key("y")
	want := base64.StdEncoding.EncodeToString([]byte(c.Token))
	if got := h.clipboard.String(); !strings.Contains(got, "\x1b]52;c;"+want) {
		t.Errorf("clipboard output = %q, want an OSC 52 sequence with the token", got)
	}
	if view := h.view(); !strings.Contains(view, "copied the token") {
		t.Errorf("status lacks the copy message:\n%s", view)
	}
	h.key("c")
	sequences := strings.Split(h.clipboard.String(), "\x1b]52;c;")
	last := strings.TrimSuffix(sequences[len(sequences)-1], "\a")
	copied, err := base64.StdEncoding.DecodeString(last)
	if err != nil {
		t.Fatalf("second OSC 52 sequence: %v", err)
	}
	for _, want := range []string{`"header": {`, `"payload": {`, `"name": "John Doe"`} {
		if !strings.Contains(string(copied), want) {
			t.Errorf("copied JSON lacks %q:\n%s", want, copied)
		}
	}
}

func TestFocusCycleAndQuit(t *testing.T) {
	h := newHarness(t, "", "", 80, 24)
	h.key("tab", "tab", "tab")
	if h.inspect().focus != focusVerify {
		t.Fatalf("focus after three tabs = %v, want the verify panel", h.inspect().focus)
	}
	h.key("q")
	if h.quit {
		t.Fatal("q quit while the secret input had the focus")
	}
	h.key("tab", "esc", "q")
	if !h.quit {
		t.Error("q did not quit from a pane")
	}
}

func TestCtrlCQuitsWhileTyping(t *testing.T) {
	h := newHarness(t, "", "", 80, 24)
	h.key("i")
	if !h.inspect().Typing() {
		t.Fatal("i did not focus the token input")
	}
	h.key("ctrl+c")
	if !h.quit {
		t.Error("ctrl+c did not quit")
	}
}

func TestTypedTokenInspectedPerKey(t *testing.T) {
	c := loadCase(t, "jwtio_hs256_legacy")
	h := newHarness(t, "", "", 120, 40)
	h.key("i")
	h.typeText(c.Token)
	if got := h.inspect().raw; got != c.Token {
		t.Fatalf("raw input = %q, want the typed token", got)
	}
	if view := h.view(); !strings.Contains(view, `"name": "John Doe"`) {
		t.Errorf("typed token not decoded:\n%s", view)
	}
}

func TestNarrowLayoutSignsMore(t *testing.T) {
	c := loadCase(t, "jwtio_hs256_legacy")
	h := newHarness(t, c.Token, c.Key.Secret, 80, 24)
	view := h.view()
	if !strings.Contains(view, "more") {
		t.Errorf("80x24 view hides lines without a sign:\n%s", view)
	}
	if got := strings.Count(view, "\n") + 1; got != 24 {
		t.Errorf("80x24 view has %d lines", got)
	}
	h.key("tab", "tab")
	if !strings.Contains(h.view(), "Claims") {
		t.Errorf("tab to the details did not scroll to the claims:\n%s", h.view())
	}
}

func TestViewFitsEverySize(t *testing.T) {
	c := loadCase(t, "very_long_token_100kb")
	for _, size := range [][2]int{{80, 24}, {100, 30}, {120, 40}, {160, 48}} {
		h := newHarness(t, c.Token, "", size[0], size[1])
		lines := strings.Split(h.view(), "\n")
		if len(lines) != size[1] {
			t.Errorf("%dx%d: view has %d lines, want %d", size[0], size[1], len(lines), size[1])
		}
		for i, line := range lines {
			if w := ansi.StringWidth(line); w > size[0] {
				t.Errorf("%dx%d: line %d is %d cells wide, max %d", size[0], size[1], i, w, size[0])
			}
		}
	}
}

func TestDamagedTokenShownSafely(t *testing.T) {
	inputs := map[string]string{
		"escape sequence": "eyJhbGciOiJIUzI1NiJ9.\x1b]52;c;ZXZpbA==\x07.sig",
		"wide characters": strings.Repeat("名前", 60) + ".eyJ9.x",
		"invalid utf8":    "eyJ\xff\xfe.eyJ9.x",
	}
	for name, input := range inputs {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t, "x", "", 80, 24)
			h.paste(input)
			raw := h.model.View()
			if strings.ContainsAny(ansi.Strip(raw), "\x07\x1b") {
				t.Errorf("view passes a control character from the token through:\n%q", raw)
			}
			for i, line := range strings.Split(ansi.Strip(raw), "\n") {
				if w := ansi.StringWidth(line); w > 80 {
					t.Errorf("line %d is %d cells wide: %q", i, w, line)
				}
			}
		})
	}
}

func TestHelpTogglesFullHelp(t *testing.T) {
	h := newHarness(t, "", "", 120, 40)
	if strings.Contains(h.view(), "page down") {
		t.Fatal("full help shown before ?")
	}
	h.key("?")
	view := h.view()
	if !strings.Contains(view, "page down") {
		t.Errorf("full help missing after ?:\n%s", view)
	}
	if got := strings.Count(view, "\n") + 1; got != 40 {
		t.Errorf("view with full help has %d lines, want 40", got)
	}
}

func TestShowTokenMsgSwitchesToInspect(t *testing.T) {
	c := loadCase(t, "jwtio_hs256_legacy")
	h := newHarness(t, "", "", 120, 40)
	h.send(ShowTokenMsg{Token: c.Token})
	if got := h.inspect().raw; got != c.Token {
		t.Errorf("inspected %q, want the sent token", got)
	}
}

var _ tea.Model = rootModel{}

// FuzzInspectPaste pastes arbitrary text: the screen must keep its size and
// never pass a control character from the input to the terminal.
func FuzzInspectPaste(f *testing.F) {
	for _, name := range []string{"jwtio_hs256_legacy", "bearer_prefix", "invalid_base64_char", "jwe_compact_5_parts"} {
		f.Add(loadCase(f, name).Token)
	}
	f.Add("a.b.c\x1b[2J")
	f.Add("....")
	narrow := newHarness(f, "x", "", 80, 24)
	wide := newHarness(f, "x", "", 120, 40)
	f.Fuzz(func(t *testing.T, text string) {
		for _, h := range []*harness{narrow, wide} {
			h.t = t
			h.paste(text)
			checkScreen(t, h.model.View(), h.width, h.height)
		}
	})
}

// checkScreen checks that a frame is exactly width x height cells at most
// and passes no control character through.
func checkScreen(t *testing.T, view string, width, height int) {
	t.Helper()
	plain := ansi.Strip(view)
	if strings.ContainsAny(plain, "\x07\x1b\r") {
		t.Errorf("%dx%d view passes a control character through:\n%q", width, height, plain)
	}
	lines := strings.Split(plain, "\n")
	if len(lines) != height {
		t.Errorf("%dx%d view has %d lines", width, height, len(lines))
	}
	for i, line := range lines {
		if w := ansi.StringWidth(line); w > width {
			t.Errorf("%dx%d view: line %d is %d cells wide: %q", width, height, i, w, line)
		}
	}
}
