package tui

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

func TestMain(m *testing.M) {
	// Goldens and string checks compare plain text, so colours are off and
	// the background is fixed instead of queried from a terminal.
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	os.Exit(m.Run())
}

// testNow is the fixed clock of every test: 2026-12-04 16:00:00 UTC.
var testNow = time.Date(2026, 12, 4, 16, 0, 0, 0, time.UTC)

// testZone is the local time zone of every test.
var testZone = time.FixedZone("CET", 3600)

// testCase is the part of a file in testdata/cases that the tests use.
type testCase struct {
	Source string `json:"source"`
	Token  string `json:"token"`
	Key    struct {
		Secret string `json:"secret"`
		PEM    string `json:"pem"`
	} `json:"key"`
}

func loadCase(t testing.TB, name string) testCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "cases", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var c testCase
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return c
}

// syncBuffer is a bytes.Buffer safe for the clipboard command's goroutine.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// harness drives a root model by hand: it runs every command a message
// returns and feeds the results back, except ticks, which it drops.
type harness struct {
	t         testing.TB
	model     tea.Model
	now       time.Time
	clipboard *syncBuffer
	quit      bool

	width, height int
}

// newHarness starts the TUI on token and secret at width x height. Each
// configure function may change the configuration first.
func newHarness(t testing.TB, token, secret string, width, height int, configure ...func(*Config)) *harness {
	t.Helper()
	h := &harness{t: t, now: testNow, clipboard: &syncBuffer{}, width: width, height: height}
	cfg := Config{
		Token:        token,
		Secret:       secret,
		Now:          func() time.Time { return h.now },
		Location:     testZone,
		Clipboard:    h.clipboard,
		tickInterval: time.Millisecond,
	}
	for _, f := range configure {
		f(&cfg)
	}
	h.model = newRoot(cfg)
	h.run(h.model.Init())
	h.send(tea.WindowSizeMsg{Width: width, Height: height})
	return h
}

// send delivers msg and runs the commands that follow from it.
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	var cmd tea.Cmd
	h.model, cmd = h.model.Update(msg)
	h.run(cmd)
}

// run executes cmd and delivers its messages, depth first.
func (h *harness) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil, tickMsg:
	case tea.BatchMsg:
		for _, c := range msg {
			h.run(c)
		}
	case tea.QuitMsg:
		h.quit = true
	default:
		h.send(msg)
	}
}

// tick delivers one clock tick after moving the clock on by d.
func (h *harness) tick(d time.Duration) {
	h.now = h.now.Add(d)
	h.send(tickMsg{id: h.inspect().tickID})
}

func (h *harness) key(keys ...string) {
	for _, k := range keys {
		h.send(keyMsg(k))
	}
}

func (h *harness) typeText(s string) {
	for _, r := range s {
		h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

func (h *harness) paste(s string) {
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: true})
}

// view returns the screen as plain text.
func (h *harness) view() string { return ansi.Strip(h.model.View()) }

func (h *harness) inspect() InspectModel {
	r := h.model.(rootModel)
	return r.tabs[r.indexOf(ScreenInspect)].model.(screenOf[InspectModel]).m
}

// keyMsg builds the message Bubble Tea sends for a key name such as "tab",
// "ctrl+k", "enter" or a single character.
func keyMsg(name string) tea.KeyMsg {
	named := map[string]tea.KeyType{
		"tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab, "enter": tea.KeyEnter,
		"esc": tea.KeyEsc, "ctrl+c": tea.KeyCtrlC, "ctrl+k": tea.KeyCtrlK,
		"ctrl+t": tea.KeyCtrlT, "ctrl+u": tea.KeyCtrlU, "down": tea.KeyDown,
		"up": tea.KeyUp, "pgdown": tea.KeyPgDown, "end": tea.KeyEnd,
		"backspace": tea.KeyBackspace, "f1": tea.KeyF1,
	}
	if k, ok := named[name]; ok {
		return tea.KeyMsg{Type: k}
	}
	if rest, ok := strings.CutPrefix(name, "alt+"); ok {
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(rest), Alt: true}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name)}
}
