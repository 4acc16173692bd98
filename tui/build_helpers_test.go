package tui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// newBuildHarness starts the TUI on the Build screen at width x height.
func newBuildHarness(t testing.TB, width, height int) *harness {
	t.Helper()
	h := &harness{t: t, now: testNow, clipboard: &syncBuffer{}}
	cfg := Config{
		Screen:       ScreenBuild,
		Now:          func() time.Time { return h.now },
		Location:     testZone,
		Clipboard:    h.clipboard,
		tickInterval: time.Millisecond,
	}
	h.model = newRoot(cfg)
	h.run(h.model.Init())
	h.send(tea.WindowSizeMsg{Width: width, Height: height})
	return h
}

// build returns the Build screen's model.
func (h *harness) build() BuildModel {
	r := h.model.(rootModel)
	return r.tabs[r.indexOf(ScreenBuild)].model.(screenOf[BuildModel]).m
}

// casePrivateKey returns the private key of a case in testdata/cases,
// read from its key.pem_private.
func casePrivateKey(t testing.TB, name string) jwtcore.Key {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "cases", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		Key struct {
			PEMPrivate string `json:"pem_private"`
		} `json:"key"`
	}
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	keys, err := jwtcore.ParseKeys([]byte(c.Key.PEMPrivate))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return keys[0]
}

// useCaseKey signs with the private key of a case, as if imported from
// the case file, so goldens never show a generated key.
func (h *harness) useCaseKey(name string) {
	h.t.Helper()
	key := casePrivateKey(h.t, name)
	b := h.build()
	h.send(keyImportedMsg{seq: b.keyPanel.importSeq, path: "testdata/cases/" + name + ".json", keys: []jwtcore.Key{key}})
}

// chooseAlg moves the focus to the algorithm list and selects name.
func (h *harness) chooseAlg(name string) {
	h.t.Helper()
	for h.build().focus != buildFocusAlg {
		h.key("tab")
	}
	h.bkey("home")
	for h.build().header.algorithm().Name != name {
		before := h.build().header.alg
		h.key("down")
		if h.build().header.alg == before {
			h.t.Fatalf("alg %s is not in the list", name)
		}
	}
}

// focusBuild moves the focus to section f.
func (h *harness) focusBuild(f buildFocus) {
	for h.build().focus != f {
		h.key("tab")
	}
}

// payload returns the payload JSON of the built token.
func (h *harness) payload() string {
	b := h.build()
	if b.built == nil || b.built.err != nil {
		h.t.Fatalf("no token built: %+v", b.built)
	}
	return string(b.built.signed.PayloadJSON)
}

// bkey sends keys by name, with the Build screen's extra names.
func (h *harness) bkey(names ...string) {
	h.t.Helper()
	extra := map[string]tea.KeyType{
		"home": tea.KeyHome, "ctrl+r": tea.KeyCtrlR, "ctrl+f": tea.KeyCtrlF,
		"ctrl+y": tea.KeyCtrlY, "delete": tea.KeyDelete,
	}
	for _, name := range names {
		if k, ok := extra[name]; ok {
			h.send(tea.KeyMsg{Type: k})
			continue
		}
		h.send(keyMsg(name))
	}
}

// flat returns the screen as plain text with every run of white space,
// line breaks included, turned into one space, so a check can find a
// sentence that the layout wrapped. Only the narrow layout keeps
// sentences in one column.
func (h *harness) flat() string {
	return strings.Join(strings.Fields(h.view()), " ")
}
