package tui

import (
	"io"
	"slices"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// focusTarget is the part of the Inspect screen that receives keys.
type focusTarget int

const (
	focusToken focusTarget = iota
	focusHeader
	focusPayload
	focusDetails
	focusVerify
	focusCount
)

// statusTicks is how many one-second ticks a status message stays up.
const statusTicks = 4

// InspectModel is the Inspect screen: a token input, the decoded header and
// payload, the explained claims, the warnings and a verify panel.
type InspectModel struct {
	styles    Styles
	keys      InspectKeyMap
	now       func() time.Time
	location  *time.Location
	clipboard io.Writer
	inTmux    bool

	// input is the token input. raw is the exact text under inspection:
	// a bracketed paste keeps its line breaks, which input cannot hold.
	input  selectInput
	raw    string
	report jwtcore.Report

	verify verifyPanel
	cache  renderCache
	// exampleSecret is the built-in example's public secret while the
	// example is on screen. It is cleared from the verify panel when
	// another token replaces the example, so that token is not checked
	// with a key the user never gave.
	exampleSecret string
	focus         focusTarget
	layout        inspectLayout

	status      string
	statusError bool
	statusLeft  int
	// tickID tags this screen's tick loop. The root passes every tick to
	// every screen, so a screen drops ticks it did not start instead of
	// starting a second loop.
	tickID       int
	tickInterval time.Duration
}

// NewInspect returns the Inspect screen for cfg. With no token in cfg it
// shows the built-in example token and types its public example secret.
func NewInspect(cfg Config, styles Styles) InspectModel {
	cfg = cfg.withDefaults()
	m := InspectModel{
		styles:    styles,
		keys:      DefaultInspectKeyMap(),
		now:       cfg.Now,
		location:  cfg.Location,
		clipboard: cfg.Clipboard,
		inTmux:    cfg.InTmux,
		input:     newSelectInput(styles, "paste or type a token"),
		verify:    newVerifyPanel(styles, cfg.KeyFile),
		layout:    newInspectLayout(),
		focus:     focusHeader,
		tickID:    int(lastTickID.Add(1)),

		tickInterval: cfg.tickInterval,
	}
	token, secret := cfg.Token, cfg.Secret
	if token == "" {
		token, secret = jwtcore.ExampleToken(cfg.Now())
	}
	m.verify.setSecret(secret)
	m.setRaw(token)
	if cfg.Token == "" {
		m.exampleSecret = secret
		m.status = "built-in example token, signed with a public example secret"
	}
	m.input.SetValue(token)
	m.input.CursorStart()
	return m.applyFocus().refreshAll()
}

func newTextInput(st Styles, placeholder string) textinput.Model {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = placeholder
	in.PlaceholderStyle = st.Muted
	// Only bracketed paste is used: the ctrl+v binding would run an
	// external clipboard program.
	in.KeyMap.Paste.SetEnabled(false)
	// A static cursor: a blinking one would redraw the screen twice a
	// second for nothing.
	in.Cursor.SetMode(cursor.CursorStatic)
	return in
}

// fitInput sets the width of in. textinput recomputes its visible window
// only when the cursor moves past an edge, so the cursor visits both ends
// and stays at the start.
func fitInput(in *textinput.Model, width int) {
	in.Width = max(width, 1)
	in.CursorEnd()
	in.CursorStart()
}

// Init starts the clock tick, verifies the first token and loads the key
// file named in the configuration, if any.
func (m InspectModel) Init() tea.Cmd {
	// verifyCmd, unlike request, keeps the request number: changes that
	// Init makes to its copy of the model are lost.
	return tea.Batch(m.tick(), m.verify.loadKeyFile(), m.verify.verifyCmd(m.report.Token, m.now()))
}

// tickMsg drives the live relative times once a second.
type tickMsg struct{ id int }

// lastTickID numbers the tick loops of all Inspect screens.
var lastTickID atomic.Int64

func (m InspectModel) tick() tea.Cmd {
	id := m.tickID
	return tea.Tick(m.tickInterval, func(time.Time) tea.Msg { return tickMsg{id: id} })
}

// Update handles a message for the Inspect screen.
func (m InspectModel) Update(msg tea.Msg) (InspectModel, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tickMsg:
		m, cmd = m.onTick(msg)
	case tea.KeyMsg:
		m, cmd = m.onKey(msg)
	case ShowTokenMsg:
		m, cmd = m.showToken(msg)
	case verifiedMsg, keyFileMsg:
		var changed bool
		m.verify, cmd, changed = m.verify.update(msg, m.report.Token, m.now())
		if changed {
			m = m.refreshAll()
		}
	case copiedMsg:
		m = m.onCopied(msg)
	default:
		return m, nil
	}
	return m.applyFocus().refreshChrome(), cmd
}

// onTick refreshes relative times and claim validity, and ages the status.
// It never reads or resets the key.
func (m InspectModel) onTick(msg tickMsg) (InspectModel, tea.Cmd) {
	if msg.id != m.tickID {
		return m, nil
	}
	if m.statusLeft > 0 {
		m.statusLeft--
		if m.statusLeft == 0 {
			m.status, m.statusError = "", false
		}
	}
	m.report = retime(m.report, m.now())
	m = m.refreshAll()
	verify := m.verify.refresh(m.report.Token, m.now())
	return m, tea.Batch(m.tick(), verify)
}

// retime recomputes the parts of r that depend on the clock, the
// explanation's times and the lint findings, without decoding the token
// again. It builds Findings as jwtcore.Inspect does.
func retime(r jwtcore.Report, now time.Time) jwtcore.Report {
	if r.Token == nil {
		return r
	}
	r.Explanation = jwtcore.Explain(r.Token, now)
	r.Findings = tokenFindings(r.Token, now)
	return r
}

// tokenFindings returns the decoder's findings on tok and the lint
// findings at now, as jwtcore.Inspect builds them.
func tokenFindings(tok *jwtcore.Token, now time.Time) []jwtcore.Finding {
	return append(slices.Clone(tok.Findings), jwtcore.Lint(tok, now)...)
}

// onKey routes a key press: paste, focus movement, then the focused part.
func (m InspectModel) onKey(msg tea.KeyMsg) (InspectModel, tea.Cmd) {
	switch {
	case msg.Paste && m.focus != focusVerify:
		return m.replaceToken(string(msg.Runes))
	case key.Matches(msg, m.keys.NextFocus):
		m.focus = (m.focus + 1) % focusCount
		return m.scrollToFocus(), nil
	case key.Matches(msg, m.keys.PrevFocus):
		m.focus = (m.focus + focusCount - 1) % focusCount
		return m.scrollToFocus(), nil
	case key.Matches(msg, m.keys.Blur):
		m.focus = focusHeader
		return m.scrollToFocus(), nil
	}
	switch m.focus {
	case focusToken:
		return m.updateTokenInput(msg)
	case focusVerify:
		return m.updateVerify(msg)
	}
	return m.onPaneKey(msg)
}

// onPaneKey handles a key while a pane has the focus.
func (m InspectModel) onPaneKey(msg tea.KeyMsg) (InspectModel, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.EditToken):
		m.focus = focusToken
		return m, nil
	case key.Matches(msg, m.keys.EditKey):
		m.focus = focusVerify
		return m, nil
	case key.Matches(msg, m.keys.KeySource):
		m.focus = focusVerify
		return m.updateVerify(msg)
	case key.Matches(msg, m.keys.CopyJSON):
		return m, m.copyJSON()
	case key.Matches(msg, m.keys.CopyToken):
		return m, m.copyToken()
	}
	m.layout = m.layout.scroll(m.focus, msg, m.keys)
	return m, nil
}

// updateTokenInput passes a key to the token input and re-inspects the
// token when the text changed.
func (m InspectModel) updateTokenInput(msg tea.KeyMsg) (InspectModel, tea.Cmd) {
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() == before {
		return m, cmd
	}
	m.dropExampleSecret()
	m.setRaw(m.input.Value())
	verify := m.verify.request(m.report.Token, m.now())
	return m, tea.Batch(cmd, verify)
}

// updateVerify passes a key to the verify panel and re-verifies when the
// key changed.
func (m InspectModel) updateVerify(msg tea.KeyMsg) (InspectModel, tea.Cmd) {
	var cmd tea.Cmd
	var changed bool
	m.verify, cmd, changed = m.verify.onKey(msg, m.keys, m.report.Token, m.now())
	if changed {
		m = m.refreshAll()
	}
	return m, cmd
}

// showToken inspects a token sent by another screen and verifies it with
// the keys sent along, if any.
func (m InspectModel) showToken(msg ShowTokenMsg) (InspectModel, tea.Cmd) {
	m, cmd := m.replaceToken(msg.Token)
	if len(msg.Keys) == 0 {
		return m, cmd
	}
	m.verify = m.verify.useKeys(msg.Keys, msg.KeyOrigin)
	// This request supersedes the one replaceToken started, whose result
	// is then dropped.
	return m, m.verify.request(m.report.Token, m.now())
}

// replaceToken inspects text as a new token, exactly as given.
func (m InspectModel) replaceToken(text string) (InspectModel, tea.Cmd) {
	m.dropExampleSecret()
	m.setRaw(text)
	m.input.SetValue(text)
	m.input.CursorStart()
	m.layout = m.layout.top()
	cmd := m.verify.request(m.report.Token, m.now())
	return m, cmd
}

// dropExampleSecret clears the built-in example's secret from the verify
// panel, unless the user has changed the secret since.
func (m *InspectModel) dropExampleSecret() {
	if m.exampleSecret == "" {
		return
	}
	m.verify.clearSecret(m.exampleSecret)
	m.exampleSecret = ""
}

// setRaw inspects text and rebuilds every view of it. The verify result
// and the status message belong to the previous token, so both are
// cleared, and the verify panel switches to the key source the alg needs.
func (m *InspectModel) setRaw(text string) {
	m.raw = text
	m.status, m.statusError, m.statusLeft = "", false, 0
	// NOTE: decoding runs inside Update so the pasted token is on screen in
	// the next frame. That costs about 0.5 ms for a usual token but about
	// 20 ms for a 100 KB one, which then delays that one frame.
	m.report = jwtcore.Inspect(text, jwtcore.InspectOptions{Now: m.now()})
	m.verify.result = nil
	if m.report.Token != nil {
		m.verify = m.verify.sourceForAlg(m.report.Token.Alg())
	}
	*m = m.refreshAll()
}

func (m InspectModel) setStatus(text string, isError bool) InspectModel {
	m.status, m.statusError, m.statusLeft = text, isError, statusTicks
	return m
}

// applyFocus focuses the input that matches m.focus and enables the keys
// that work there.
func (m InspectModel) applyFocus() InspectModel {
	switch {
	case m.focus != focusToken:
		m.input.Blur()
	case !m.input.Focused():
		m.input.Focus()
		m.input.Select()
	}
	m.verify = m.verify.setFocus(m.focus == focusVerify)
	m.keys = m.keys.forFocus(m.focus, m.verify.source, m.report.Token != nil)
	return m
}

// SetSize gives the screen its area and lays the panes out again.
func (m InspectModel) SetSize(width, height int) InspectModel {
	m.layout.width, m.layout.height = width, height
	m.input.setWidth(width - 4)
	m.verify = m.verify.setWidth(width)
	return m.refreshAll()
}

// Keys returns the screen's key map for the help bar.
func (m InspectModel) Keys() help.KeyMap { return m.keys }

// Typing reports whether the token input or the verify input has the focus.
func (m InspectModel) Typing() bool {
	return m.focus == focusToken || m.focus == focusVerify
}

// Status returns the last status message, or a summary of the token.
func (m InspectModel) Status() (string, bool) {
	if m.status != "" {
		return m.status, m.statusError
	}
	return tokenSummary(m.report, m.verify.result), false
}
