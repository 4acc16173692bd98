package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// twoScreenRoot returns a root with two Inspect screens, so the routing is
// tested without depending on the other screens.
func twoScreenRoot(t *testing.T) rootModel {
	t.Helper()
	c := loadCase(t, "jwtio_hs256_legacy")
	cfg := Config{Token: c.Token, Now: func() time.Time { return testNow }, Location: testZone}
	r := newRoot(cfg)
	second := NewInspect(Config{Token: "second.screen.token", Now: cfg.Now, Location: testZone}, r.styles)
	r.tabs = append(r.tabs[:1:1], tab{id: "second", title: "Second", model: asScreen(second)})
	r.keys = DefaultGlobalKeyMap(len(r.tabs))
	return r
}

func TestRootAltNumberSwitchesScreen(t *testing.T) {
	var m tea.Model = twoScreenRoot(t)
	m, _ = m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m, _ = m.Update(keyMsg("alt+2"))
	if got := m.(rootModel).active; got != 1 {
		t.Fatalf("active screen after alt+2 = %d, want 1", got)
	}
	if view := m.View(); !strings.Contains(view, "second.screen.token") {
		t.Errorf("alt+2 does not show the second screen:\n%s", view)
	}
	m, _ = m.Update(keyMsg("alt+1"))
	if got := m.(rootModel).active; got != 0 {
		t.Errorf("active screen after alt+1 = %d, want 0", got)
	}
}

func TestRootKeysReachActiveScreenOnly(t *testing.T) {
	var m tea.Model = twoScreenRoot(t)
	m, _ = m.Update(keyMsg("i"))
	r := m.(rootModel)
	first := r.tabs[0].model.(screenOf[InspectModel]).m
	second := r.tabs[1].model.(screenOf[InspectModel]).m
	if first.focus != focusToken {
		t.Errorf("first screen focus = %v, want the token input", first.focus)
	}
	if second.focus == focusToken {
		t.Error("a key for the active screen reached the other screen")
	}
}

func TestRootResizesEveryScreen(t *testing.T) {
	var m tea.Model = twoScreenRoot(t)
	m, _ = m.Update(tea.WindowSizeMsg{Width: 130, Height: 45})
	for i, tb := range m.(rootModel).tabs {
		if got := tb.model.(screenOf[InspectModel]).m.layout.width; got != 130 {
			t.Errorf("screen %d width = %d, want 130", i, got)
		}
	}
	for _, alt := range []string{"alt+1", "alt+2"} {
		m, _ = m.Update(keyMsg(alt))
		if got := strings.Count(m.View(), "\n") + 1; got != 45 {
			t.Errorf("after %s the view has %d lines, want 45", alt, got)
		}
	}
}

func TestTickStartsOneLoopPerScreen(t *testing.T) {
	r := twoScreenRoot(t)
	first := r.tabs[0].model.(screenOf[InspectModel]).m
	second := r.tabs[1].model.(screenOf[InspectModel]).m
	if first.tickID == second.tickID {
		t.Fatalf("both screens share tick id %d", first.tickID)
	}
	if _, cmd := first.Update(tickMsg{id: first.tickID}); cmd == nil {
		t.Error("a screen's own tick did not schedule the next one")
	}
	if _, cmd := second.Update(tickMsg{id: first.tickID}); cmd != nil {
		t.Error("a tick from another screen started a second tick loop")
	}
}

func TestRootQuestionMarkTypesWhileTyping(t *testing.T) {
	var m tea.Model = twoScreenRoot(t)
	m, _ = m.Update(keyMsg("v"))
	m, _ = m.Update(keyMsg("?"))
	r := m.(rootModel)
	if r.help.ShowAll {
		t.Error("? toggled the help while the secret input had the focus")
	}
	if got := r.tabs[0].model.(screenOf[InspectModel]).m.verify.input.Value(); got != "?" {
		t.Errorf("secret input = %q, want the typed ?", got)
	}
}

func TestRootSplitsHeldKeyBurst(t *testing.T) {
	tests := []struct {
		name  string
		start func(t testing.TB) *harness
		keys  []string
		burst string
	}{
		{name: "inspect scroll", start: func(t testing.TB) *harness {
			return newHarness(t, loadCase(t, "jwtio_rs256").Token, "", 80, 24)
		}, keys: []string{"tab", "tab"}, burst: "jjj"},
		{name: "build tamper", start: func(t testing.TB) *harness {
			return newBuildHarness(t, 120, 40)
		}, burst: "ttt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			burst, single := tt.start(t), tt.start(t)
			burst.key(tt.keys...)
			single.key(tt.keys...)
			burst.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(tt.burst)})
			single.typeText(tt.burst)
			if burst.view() != single.view() {
				t.Errorf("burst view differs from single keys:\n%s\nwant:\n%s", burst.view(), single.view())
			}
			if burst.view() == tt.start(t).view() {
				t.Errorf("the burst changed nothing:\n%s", burst.view())
			}
		})
	}
}

func TestRootHeldJScrollsThreeLines(t *testing.T) {
	h := newHarness(t, loadCase(t, "jwtio_rs256").Token, "", 80, 24)
	h.key("tab", "tab")
	before := focusedOffset(h.inspect())
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jjj")})
	after := focusedOffset(h.inspect())
	if after-before != 3 {
		t.Errorf("jjj scrolled from line %d to %d, want 3 lines", before, after)
	}
}

// focusedOffset returns the first visible line of the focused pane.
func focusedOffset(m InspectModel) int {
	return m.layout.paneFor(m.focus).vp.YOffset
}

func TestRootTokenBurstIsPaste(t *testing.T) {
	token := loadCase(t, "rfc7515_a3_es256").Token
	for _, ch := range "qyt" {
		if !strings.ContainsRune(token, ch) {
			t.Fatalf("test token has no %q", ch)
		}
	}
	h := newHarness(t, "", "", 80, 24)
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(token)})
	if h.quit {
		t.Fatal("a token burst quit the program")
	}
	if got := h.inspect().raw; got != token {
		t.Errorf("token after the burst = %.40q…, want the burst", got)
	}
	if got := h.clipboard.String(); got != "" {
		t.Errorf("the burst copied %d bytes to the clipboard", len(got))
	}
}

func TestRootMixedShortBurstIsPaste(t *testing.T) {
	h := newHarness(t, "", "", 80, 24)
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("aq")})
	if h.quit {
		t.Fatal("a two-rune burst with q quit the program")
	}
	if got := h.inspect().raw; got != "aq" {
		t.Errorf("token after the burst = %q, want aq", got)
	}
}

func TestRootBurstReachesTextInput(t *testing.T) {
	h := newHarness(t, "", "", 80, 24)
	h.key("v", "ctrl+u")
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("abc")})
	if got := h.inspect().verify.input.Value(); got != "abc" {
		t.Errorf("secret input after a burst = %q, want abc", got)
	}
}
