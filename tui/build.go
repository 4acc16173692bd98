package tui

import (
	"io"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// buildFocus is the section of the Build screen that receives keys.
type buildFocus int

const (
	buildFocusAlg buildFocus = iota
	buildFocusHeader
	buildFocusClaims
	buildFocusKey
	buildFocusOutput
	buildFocusCount
)

func (f buildFocus) title() string {
	return [...]string{"Algorithm", "Header", "Claims", "Key", "Token"}[f]
}

// clipboardTarget is the writer of OSC 52 copy sequences and whether
// they need tmux's passthrough.
type clipboardTarget struct {
	w      io.Writer
	inTmux bool
}

// tamperSegments is the cycle of the tamper key: no change, then one
// character in each segment in turn.
var tamperSegments = [...]string{"", jwtcore.SegmentHeader, jwtcore.SegmentPayload, jwtcore.SegmentSignature}

// BuildModel is the Build screen: a header and claims editor, a key panel,
// the token signed live with every step that produced it, and its
// verification beside it.
type BuildModel struct {
	styles Styles
	keys   BuildKeyMap
	now    func() time.Time
	clip   clipboardTarget

	header   headerEditor
	claims   claimsEditor
	keyPanel keyPanel
	focus    buildFocus
	// tamper indexes tamperSegments.
	tamper int

	// signSeq numbers rebuild requests and verifySeq verifications; a
	// result of an older request is dropped.
	signSeq   int
	verifySeq int
	signing   bool
	// built is the newest result, nil before the first one arrives.
	built *builtMsg
	// verified is the verification of built; verifying is set while the
	// newest verification runs.
	verified  *jwtcore.Result
	verifying bool
	// lint holds the findings on the verified token.
	lint []jwtcore.Finding

	layout      buildLayout
	status      string
	statusError bool
}

// NewBuild returns the Build screen for cfg. It starts with HS256, a few
// claims and the public example secret, which the key panel marks as
// public.
func NewBuild(cfg Config, styles Styles) BuildModel {
	cfg = cfg.withDefaults()
	m := BuildModel{
		styles:   styles,
		keys:     DefaultBuildKeyMap(),
		now:      cfg.Now,
		clip:     clipboardTarget{w: cfg.Clipboard, inTmux: cfg.InTmux},
		header:   newHeaderEditor(styles),
		claims:   newClaimsEditor(styles, cfg.Now),
		keyPanel: newKeyPanel(styles),
		focus:    buildFocusAlg,
		layout:   newBuildLayout(),
		signSeq:  1,
		signing:  true,
	}
	m.claims.form = m.claims.form.add("sub", `"1234567890"`)
	m.claims.form = m.claims.form.add("name", `"Ada Lovelace"`)
	m.claims.form = m.claims.form.add("iat", "now")
	m.claims.form.cursor = 0
	return m.applyFocus().refresh()
}

// Init signs the first token.
func (m BuildModel) Init() tea.Cmd {
	return signCmd(m.signRequest())
}

// signRequest snapshots the inputs of a rebuild with the current number.
func (m BuildModel) signRequest() signRequest {
	return signRequest{
		seq:     m.signSeq,
		header:  m.header.document().JSON(),
		payload: m.claims.document().JSON(),
		key:     m.keyPanel.signKey(),
		tamper:  tamperSegments[m.tamper],
	}
}

// rebuild starts signing the current header and claims as the newest
// request. The shown token stays until the new one arrives.
func (m BuildModel) rebuild() (BuildModel, tea.Cmd) {
	m.signSeq++
	m.signing = true
	return m, signCmd(m.signRequest())
}

// Update handles a message for the Build screen.
func (m BuildModel) Update(msg tea.Msg) (BuildModel, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.KeyMsg:
		m, cmd = m.onKey(msg)
	case builtMsg:
		m, cmd = m.onBuilt(msg)
		return m.applyFocus().refreshOutput(), cmd
	case buildVerifiedMsg:
		if msg.seq != m.verifySeq {
			return m, nil
		}
		m.verified, m.verifying, m.lint = &msg.result, false, msg.lint
		return m.refreshOutput(), nil
	case keyGeneratedMsg:
		m, cmd = m.onKeyGenerated(msg)
	case keyImportedMsg:
		m, cmd = m.onKeyFile(msg)
	case keyExportedMsg:
		var text string
		m.keyPanel, text = m.keyPanel.onExported(msg)
		if text != "" {
			m = m.setStatus(text, false)
		}
	case buildCopiedMsg:
		m = m.onCopied(msg)
	case spinner.TickMsg:
		if m.keyPanel.generating == "" {
			return m, nil
		}
		m.keyPanel.spinner, cmd = m.keyPanel.spinner.Update(msg)
	default:
		return m, nil
	}
	return m.applyFocus().refresh(), cmd
}

func (m BuildModel) rebuildIf(changed bool) (BuildModel, tea.Cmd) {
	if !changed {
		return m, nil
	}
	return m.rebuild()
}

// onBuilt shows the newest token and starts verifying it.
func (m BuildModel) onBuilt(msg builtMsg) (BuildModel, tea.Cmd) {
	if msg.seq != m.signSeq {
		return m, nil
	}
	m.signing = false
	m.built = &msg
	return m.verify()
}

// verify starts verifying the built token, tampered if asked, with the
// verification key. It waits while the wrong key is being made.
func (m BuildModel) verify() (BuildModel, tea.Cmd) {
	m.verified, m.verifying, m.lint = nil, false, nil
	if m.built == nil || m.built.err != nil {
		return m, nil
	}
	keys, ok := m.keyPanel.verifyWith()
	if !ok {
		m.verifying = true
		return m, nil
	}
	m.verifying = true
	m.verifySeq++
	return m, buildVerifyCmd(m.verifySeq, m.shownToken(), keys, m.now())
}

// shownToken returns the token on screen: the tampered one when a segment
// was changed, else the signed one.
func (m BuildModel) shownToken() string {
	if m.built == nil || m.built.err != nil {
		return ""
	}
	if m.built.tampered != nil {
		return m.built.tampered.Token
	}
	return m.built.signed.Token
}

// onKeyFile takes the keys read from a file: to sign with, or to verify
// with.
func (m BuildModel) onKeyFile(msg keyImportedMsg) (BuildModel, tea.Cmd) {
	var changed bool
	if msg.forVerify {
		m.keyPanel, changed = m.keyPanel.onVerifyFile(msg)
		if !changed {
			return m, nil
		}
		return m.verify()
	}
	m.keyPanel, changed = m.keyPanel.onImported(msg)
	return m.rebuildIf(changed)
}

func (m BuildModel) onKeyGenerated(msg keyGeneratedMsg) (BuildModel, tea.Cmd) {
	var changed bool
	m.keyPanel, changed = m.keyPanel.onGenerated(msg, m.header.algorithm())
	if !changed {
		return m, nil
	}
	if msg.purpose == purposeWrong {
		return m.verify()
	}
	return m.rebuild()
}

// onKey routes a key press: focus movement, then the focused section's
// input, then the screen's keys, then the section's keys.
func (m BuildModel) onKey(msg tea.KeyMsg) (BuildModel, tea.Cmd) {
	m.status, m.statusError = "", false
	switch {
	case key.Matches(msg, m.keys.NextFocus):
		return m.moveFocus(1), nil
	case key.Matches(msg, m.keys.PrevFocus):
		return m.moveFocus(buildFocusCount - 1), nil
	case m.Typing():
		return m.onSectionKey(msg)
	case key.Matches(msg, m.keys.Tamper):
		m.tamper = (m.tamper + 1) % len(tamperSegments)
		return m.rebuild()
	case key.Matches(msg, m.keys.WrongKey):
		return m.toggleWrongKey()
	case key.Matches(msg, m.keys.CopyToken):
		return m, m.copyToken()
	case key.Matches(msg, m.keys.SendToInspect):
		return m.sendToInspect()
	}
	return m.onSectionKey(msg)
}

func (m BuildModel) toggleWrongKey() (BuildModel, tea.Cmd) {
	var gen tea.Cmd
	m.keyPanel, gen = m.keyPanel.toggleWrong(m.header.algorithm())
	m, verify := m.verify()
	return m, tea.Batch(gen, verify)
}

// onSectionKey passes a key to the focused section.
func (m BuildModel) onSectionKey(msg tea.KeyMsg) (BuildModel, tea.Cmd) {
	var changed bool
	switch m.focus {
	case buildFocusAlg:
		m.header, changed = m.header.updateAlg(msg, m.keys)
		if changed {
			return m.onAlgChanged()
		}
	case buildFocusHeader:
		m.header.fields, changed = m.header.fields.update(msg, m.keys)
	case buildFocusClaims:
		m.claims, changed = m.claims.update(msg, m.keys)
	case buildFocusKey:
		return m.onKeyPanelKey(msg)
	case buildFocusOutput:
		m.layout = m.layout.scroll(msg, m.keys)
	}
	return m.rebuildIf(changed)
}

// onAlgChanged signs with the saved key of the new alg's key type, and
// makes a new wrong key when the verification uses one.
func (m BuildModel) onAlgChanged() (BuildModel, tea.Cmd) {
	alg := m.header.algorithm()
	var dropped string
	m.keyPanel, dropped = m.keyPanel.dropStaleGeneration(alg)
	if dropped != "" {
		m = m.setStatus(dropped, false)
	}
	m.keyPanel = m.keyPanel.followAlg(alg)
	var gen tea.Cmd
	if m.keyPanel.wrong {
		m.keyPanel.wrong = false
		m.keyPanel, gen = m.keyPanel.toggleWrong(alg)
	}
	m, rebuild := m.rebuild()
	return m, tea.Batch(gen, rebuild)
}

func (m BuildModel) onKeyPanelKey(msg tea.KeyMsg) (BuildModel, tea.Cmd) {
	p := m.keyPanel
	if p.input == inputExport && (key.Matches(msg, m.keys.Done) || key.Matches(msg, m.keys.CopyKey)) {
		var cmd tea.Cmd
		m.keyPanel, cmd = p.export(key.Matches(msg, m.keys.CopyKey), m.clip)
		return m, cmd
	}
	var cmd tea.Cmd
	var changed bool
	m.keyPanel, cmd, changed = p.update(msg, m.keys, m.header.algorithm())
	m, rebuild := m.rebuildIf(changed)
	return m, tea.Batch(cmd, rebuild)
}

// moveFocus moves the focus by step sections, leaving any input.
func (m BuildModel) moveFocus(step buildFocus) BuildModel {
	m.claims = m.claims.leave()
	m.header.fields.mode = fieldBrowse
	m.header.fields.input.Blur()
	m.keyPanel = m.keyPanel.closeInput()
	m.focus = (m.focus + step) % buildFocusCount
	if m.focus == buildFocusClaims {
		m.claims = m.claims.enter()
	}
	m = m.applyFocus().refresh()
	m.layout = m.layout.showSection(m.focus)
	return m
}

func (m BuildModel) copyToken() tea.Cmd {
	token := m.shownToken()
	if token == "" {
		return nil
	}
	return buildCopyCmd(m.clip, token, "the token")
}

// sendToInspect returns a ShowTokenMsg for the shown token, which the root
// routes to the Inspect screen.
func (m BuildModel) sendToInspect() (BuildModel, tea.Cmd) {
	token := m.shownToken()
	if token == "" {
		return m.setStatus("there is no token to inspect yet: fix the error shown under Token", true), nil
	}
	// The token goes with the key the Build screen verifies it with, so
	// Inspect shows the same verdict without the user typing the key.
	msg := ShowTokenMsg{Token: token, KeyOrigin: "key from the Build screen"}
	if m.keyPanel.wrong {
		msg.KeyOrigin = "wrong key from the Build screen"
	}
	if keys, ok := m.keyPanel.verifyWith(); ok {
		msg.Keys = keys
	}
	return m, func() tea.Msg { return msg }
}

func (m BuildModel) onCopied(msg buildCopiedMsg) BuildModel {
	if msg.err != nil {
		return m.setStatus("copy failed: "+msg.err.Error(), true)
	}
	return m.setStatus("copied "+msg.label+" to the clipboard (OSC 52)", false)
}

func (m BuildModel) setStatus(text string, isError bool) BuildModel {
	m.status, m.statusError = text, isError
	return m
}

// applyFocus focuses the inputs of the focused section and enables the
// keys that work there.
func (m BuildModel) applyFocus() BuildModel {
	alg := m.header.algorithm()
	m.keys = DefaultBuildKeyMap().forFocus(buildKeyState{
		focus:    m.focus,
		typing:   m.Typing(),
		rawMode:  m.focus == buildFocusClaims && m.claims.rawMode,
		input:    m.keyPanel.input,
		hmac:     alg.KeyType == jwtcore.KeyHMAC,
		isRSA:    alg.KeyType == jwtcore.KeyRSA,
		hasToken: m.shownToken() != "",
	})
	return m
}

// SetSize gives the screen its area and lays the sections out again.
func (m BuildModel) SetSize(width, height int) BuildModel {
	if m.layout.width == 0 {
		// NewBuild laid the screen out at size 0, which scrolled the
		// panes to the focused section. The first real size opens them at
		// the top, and refresh scrolls only as far as the cursor needs.
		m.layout = m.layout.top()
	}
	m.layout.width, m.layout.height = width, height
	// The inputs sit after a row name or a label of up to 20 cells, so
	// each gets the rest of its column and its hint stays in view.
	editors, _ := m.layout.columnWidths()
	m.header.fields.input.setWidth(editors - 12)
	m.claims.form.input.setWidth(editors - 12)
	m.keyPanel.text.setWidth(editors - 20)
	return m.refresh()
}

// Keys returns the screen's key map for the help bar.
func (m BuildModel) Keys() help.KeyMap { return m.keys }

// Typing reports whether a text input of the focused section has the
// focus, so the root passes q and ? on as text.
func (m BuildModel) Typing() bool {
	switch m.focus {
	case buildFocusHeader:
		return m.header.fields.typing()
	case buildFocusClaims:
		return m.claims.typing()
	case buildFocusKey:
		return m.keyPanel.typing()
	}
	return false
}

// Status returns the last status message, or what the screen shows.
func (m BuildModel) Status() (string, bool) {
	if m.status != "" {
		return m.status, m.statusError
	}
	return "Build: edit the header and claims, pick a key, and watch the token re-sign", false
}
