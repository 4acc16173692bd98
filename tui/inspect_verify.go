package tui

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/jwtlab/jwtlab/internal/fileio"
	"github.com/jwtlab/jwtlab/jwtcore"
)

// keySource is the kind of key text in the verify panel's input.
type keySource int

const (
	sourceSecret keySource = iota // an HMAC secret as UTF-8 text
	sourceBase64                  // an HMAC secret as base64 or base64url
	sourceFile                    // the path of a PEM, JWK or JWKS file
	sourceCount
)

func (s keySource) label() string {
	return [...]string{"secret", "base64 secret", "key file"}[s]
}

func (s keySource) placeholder() string {
	return [...]string{
		"type the HMAC secret",
		"base64 or base64url secret",
		"path of a key file",
	}[s]
}

// verifyPanel holds the key the user gives and the latest verify result.
// It verifies the inspected token's bytes as they are and never signs.
type verifyPanel struct {
	input selectInput
	// values keeps the text typed for each source, so cycling through the
	// sources loses nothing.
	values [sourceCount]string
	source keySource
	show   bool

	// fileKeys are the keys read from filePath by the last key file load.
	fileKeys []jwtcore.Key
	filePath string
	// loadSeq is the key request number of the key file load in flight,
	// or 0. The panel is loading only while loadSeq equals keySeq, so a
	// load that is never started or is overtaken cannot leave it loading.
	loadSeq int
	// keyProblem is the reason the typed key cannot be used. note is a
	// harmless remark, such as a removed line break.
	keyProblem string
	note       string
	// given are keys sent by another screen, used while the input still
	// contains givenValue for givenSource. origin says where they came
	// from.
	given       []jwtcore.Key
	givenSource keySource
	givenValue  string
	origin      string

	// keySeq and verifySeq number the latest requests, so a result that
	// arrives after a newer request is dropped.
	keySeq    int
	verifySeq int
	// pending is set while the newest verification runs.
	pending bool
	result  *jwtcore.Result
}

// verifiedMsg carries the result of one verification.
type verifiedMsg struct {
	seq    int
	result jwtcore.Result
}

// keyFileMsg carries the keys read from a key file, or why they could not
// be read.
type keyFileMsg struct {
	seq  int
	path string
	keys []jwtcore.Key
	err  error
}

func newVerifyPanel(st Styles, keyFile string) verifyPanel {
	v := verifyPanel{input: newSelectInput(st, sourceSecret.placeholder())}
	v.input.EchoCharacter = '•'
	if keyFile != "" {
		v.values[sourceFile] = keyFile
		v = v.switchTo(sourceFile)
		v.keySeq = 1
		v.loadSeq = 1
	}
	return v
}

// sourceSwitchHint names the key that cycles the key sources. The verify
// panel shows it on the input line.
const sourceSwitchHint = "ctrl+k: secret/base64/key file"

// setWidth sizes the input for a panel width cells wide: the label takes
// at most 24 cells and the switch hint the right end of the line.
func (v verifyPanel) setWidth(width int) verifyPanel {
	v.input.setWidth(width - 24 - len(sourceSwitchHint) - 2)
	v.input.CursorEnd()
	return v
}

// setSecret types s as the HMAC secret.
func (v *verifyPanel) setSecret(s string) {
	v.values[sourceSecret] = s
	if v.source == sourceSecret {
		v.input.SetValue(s)
	}
}

// useKeys verifies with keys given by another screen, as they are, so
// the verifier names them as that screen does. A single HMAC secret also
// goes into the secret input, as base64url when it is not printable text.
// Other keys leave the key file input empty. Typing another key or path
// stops the given keys from being used.
func (v verifyPanel) useKeys(keys []jwtcore.Key, origin string) verifyPanel {
	source, text := sourceFile, ""
	if len(keys) == 1 && keys[0].Type == jwtcore.KeyHMAC {
		source, text = sourceSecret, string(keys[0].Secret)
		if !utf8.ValidString(text) || !isPrintable(text) {
			source, text = sourceBase64, base64.RawURLEncoding.EncodeToString(keys[0].Secret)
		}
	}
	v = v.switchTo(source)
	v.values[source] = text
	v.input.SetValue(text)
	if source == sourceFile {
		v.input.Placeholder = "type a key file path to use another key"
	}
	v.given, v.givenSource, v.givenValue = slices.Clone(keys), source, text
	v.origin = origin
	return v
}

// givenInUse reports whether the keys sent by another screen verify the
// token, because the input still contains what useKeys put there.
func (v verifyPanel) givenInUse() bool {
	return v.given != nil && v.source == v.givenSource && v.input.Value() == v.givenValue
}

func (v verifyPanel) switchTo(s keySource) verifyPanel {
	v.values[v.source] = v.input.Value()
	v.source = s
	v.input.Prefill(v.values[s])
	v.input.Placeholder = s.placeholder()
	v.keyProblem, v.note = "", ""
	return v
}

// sourceForAlg switches to the key source that alg needs when the current
// one cannot verify it. A public-key alg needs a key file, because a typed
// secret is always the wrong key type. An HMAC alg gets the secret input
// unless a key file path was typed, since a JWK file may hold a secret.
func (v verifyPanel) sourceForAlg(alg string) verifyPanel {
	a, ok := jwtcore.LookupAlgorithm(alg)
	if !ok || a.Family == jwtcore.FamilyNone {
		return v
	}
	switch {
	case a.Family == jwtcore.FamilyHMAC && v.source == sourceFile && v.input.Value() == "":
		return v.switchTo(sourceSecret)
	case a.Family != jwtcore.FamilyHMAC && v.source != sourceFile:
		return v.switchTo(sourceFile)
	}
	return v
}

// clearSecret removes secret from the secret input if it still holds it.
func (v *verifyPanel) clearSecret(secret string) {
	if v.source == sourceSecret && v.input.Value() == secret {
		v.input.SetValue("")
	}
	if v.values[sourceSecret] == secret {
		v.values[sourceSecret] = ""
	}
}

// setFocus focuses or blurs the input and masks a secret unless shown.
func (v verifyPanel) setFocus(focused bool) verifyPanel {
	switch {
	case !focused:
		v.input.Blur()
	case !v.input.Focused():
		v.input.Focus()
		v.input.Select()
	}
	v.input.EchoMode = textinput.EchoNormal
	if v.source != sourceFile && !v.show {
		v.input.EchoMode = textinput.EchoPassword
	}
	return v
}

// keys returns the keys to verify with. The problem is set when the typed
// key cannot be used.
func (v verifyPanel) keys() (keys []jwtcore.Key, problem string) {
	if v.givenInUse() {
		return v.given, ""
	}
	value := v.input.Value()
	switch v.source {
	case sourceSecret:
		if value != "" {
			return []jwtcore.Key{jwtcore.SecretFromText(value)}, ""
		}
	case sourceBase64:
		if value == "" {
			return nil, ""
		}
		k, err := jwtcore.SecretFromBase64(value)
		if err != nil {
			return nil, "the secret is not valid base64 or base64url: " + err.Error()
		}
		return []jwtcore.Key{k}, ""
	case sourceFile:
		if v.fileKeys != nil && v.filePath == value {
			return v.fileKeys, ""
		}
	}
	return nil, ""
}

// request starts verifying tok with the current key, numbered as the
// newest request. Without a token or a key it clears the result instead.
func (v *verifyPanel) request(tok *jwtcore.Token, now time.Time) tea.Cmd {
	v.verifySeq++
	return v.verifyCmd(tok, now)
}

// verifyCmd returns the command for the current request number. The token
// is shared with the model, which never changes a decoded token, and the
// key list is copied.
func (v *verifyPanel) verifyCmd(tok *jwtcore.Token, now time.Time) tea.Cmd {
	keys, problem := v.keys()
	// A key file's problem belongs to the file and stays until the path
	// changes or the file is read again.
	if v.source != sourceFile {
		v.keyProblem = problem
	}
	if tok == nil || len(keys) == 0 {
		v.result, v.pending = nil, false
		return nil
	}
	return v.startVerify(tok, keys, now)
}

// refresh verifies again with the same keys at now, so the claim checks
// follow the clock. It changes no key state, and does nothing until a
// first result is shown.
func (v *verifyPanel) refresh(tok *jwtcore.Token, now time.Time) tea.Cmd {
	keys, _ := v.keys()
	if tok == nil || v.result == nil || len(keys) == 0 {
		return nil
	}
	v.verifySeq++
	return v.startVerify(tok, keys, now)
}

// startVerify returns the command that verifies tok with keys, numbered
// with the current request number.
func (v *verifyPanel) startVerify(tok *jwtcore.Token, keys []jwtcore.Key, now time.Time) tea.Cmd {
	v.pending = true
	seq, keys := v.verifySeq, slices.Clone(keys)
	return func() tea.Msg {
		opts := jwtcore.VerifyOptions{Keys: keys, Now: now}
		return verifiedMsg{seq: seq, result: jwtcore.Verify(tok, opts)}
	}
}

// loading reports whether the key file load of the newest key request is
// still running.
func (v verifyPanel) loading() bool {
	return v.loadSeq != 0 && v.loadSeq == v.keySeq && v.source == sourceFile
}

// startLoad numbers a new key request and returns the command that reads
// the key file named in the input, or nil when there is none to read.
func (v *verifyPanel) startLoad() tea.Cmd {
	v.keySeq++
	v.loadSeq = 0
	cmd := v.loadKeyFile()
	if cmd != nil {
		v.loadSeq = v.keySeq
	}
	return cmd
}

// loadKeyFile returns the command that reads the key file named in the
// input, numbered with the current key request number.
func (v verifyPanel) loadKeyFile() tea.Cmd {
	if v.source != sourceFile || v.input.Value() == "" {
		return nil
	}
	seq, path := v.keySeq, v.input.Value()
	return func() tea.Msg {
		keys, err := readKeyFile(path)
		return keyFileMsg{seq: seq, path: path, keys: keys, err: err}
	}
}

// readKeyFile reads and parses a key file. A leading ~/ is the home
// directory, as in a shell.
func readKeyFile(path string) ([]jwtcore.Key, error) {
	name := path
	if rest, ok := strings.CutPrefix(path, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			name = filepath.Join(home, rest)
		}
	}
	data, err := readSmallFile(name)
	if err != nil {
		return nil, err
	}
	keys, err := jwtcore.ParseKeys(data)
	if err != nil {
		return nil, fmt.Errorf("key file %s: %w", path, err)
	}
	return keys, nil
}

// maxKeyFileSize bounds a key file. The largest key formats jwtlab reads,
// a JWKS of a few RSA-4096 keys or a certificate chain, take tens of
// kilobytes.
const maxKeyFileSize = 1 << 20

// readSmallFile reads a regular file of at most maxKeyFileSize bytes, so a
// device such as /dev/zero, a named pipe or a directory is rejected at once
// instead of read forever.
func readSmallFile(name string) ([]byte, error) {
	data, err := fileio.ReadFile(name, maxKeyFileSize)
	if err != nil {
		return nil, fmt.Errorf("read key file: %w", err)
	}
	return data, nil
}

// update applies the result of a command. changed reports whether the
// result or the key changed.
func (v verifyPanel) update(msg tea.Msg, tok *jwtcore.Token, now time.Time) (verifyPanel, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case verifiedMsg:
		if msg.seq != v.verifySeq {
			return v, nil, false
		}
		v.result, v.pending = &msg.result, false
		return v, nil, true
	case keyFileMsg:
		if msg.seq != v.keySeq {
			return v, nil, false
		}
		return v.onKeyFile(msg, tok, now)
	}
	return v, nil, false
}

func (v verifyPanel) onKeyFile(msg keyFileMsg, tok *jwtcore.Token, now time.Time) (verifyPanel, tea.Cmd, bool) {
	v.loadSeq = 0
	v.fileKeys, v.filePath = nil, ""
	if msg.err != nil {
		v.result = nil
		v.keyProblem = msg.err.Error()
		return v, nil, true
	}
	v.fileKeys, v.filePath = msg.keys, msg.path
	cmd := v.request(tok, now)
	return v, cmd, true
}

// onKey handles a key while the panel has the focus.
func (v verifyPanel) onKey(
	msg tea.KeyMsg, km InspectKeyMap, tok *jwtcore.Token, now time.Time,
) (verifyPanel, tea.Cmd, bool) {
	switch {
	case key.Matches(msg, km.ShowSecret):
		v.show = !v.show
		return v, nil, false
	case key.Matches(msg, km.KeySource):
		v = v.switchTo((v.source + 1) % sourceCount)
		cmd := v.request(tok, now)
		return v, cmd, true
	case key.Matches(msg, km.LoadKey):
		cmd := v.startLoad()
		return v, cmd, true
	}
	return v.edit(msg, tok, now)
}

// edit passes a key to the input. A changed secret is verified at once; a
// changed path waits for enter. A paste replaces the whole value.
func (v verifyPanel) edit(msg tea.KeyMsg, tok *jwtcore.Token, now time.Time) (verifyPanel, tea.Cmd, bool) {
	if msg.Paste && v.source != sourceFile {
		var problem string
		msg, v.note, problem = checkPastedSecret(msg, v.source == sourceBase64, "jwtlab verify --secret-file")
		if problem != "" {
			v.result, v.keyProblem = nil, problem
			return v, nil, true
		}
	}
	before := v.input.Value()
	if msg.Paste {
		// A paste replaces the secret or path instead of inserting into it.
		v.input.SetValue("")
	}
	var cmd tea.Cmd
	v.input, cmd = v.input.Update(msg)
	if v.input.Value() == before {
		return v, cmd, false
	}
	if v.source == sourceFile {
		v.result, v.keyProblem = nil, ""
		return v, cmd, true
	}
	verify := v.request(tok, now)
	return v, tea.Batch(cmd, verify), true
}

// badge returns the signature verdict as a short label and a style name:
// "ok", "danger", "warning" or "muted". A token that did not decode
// completely is rejected as malformed, whatever the key.
func (v verifyPanel) badge(tok *jwtcore.Token, decodeErr error) (label, kind string) {
	switch {
	case v.loading():
		return "… reading key file", "muted"
	case tok == nil:
		return "○ nothing to verify", "muted"
	case v.result == nil && v.pending:
		return "… verifying", "muted"
	case v.result == nil && tok.Alg() == "none":
		return "! unsigned (alg none)", "danger"
	case v.result == nil && tok.Form == jwtcore.FormJWE:
		return "? unsupported: a JWE is encrypted, not signed", "warning"
	case v.result == nil && !isKnownAlg(tok.Alg()):
		return "? unsupported alg " + printable(tok.Alg()), "warning"
	case v.result == nil:
		return "○ not checked", "muted"
	}
	if v.result.Status == jwtcore.StatusInvalid && decodeErr != nil {
		return "✘ rejected: malformed token", "danger"
	}
	return signatureVerdict(*v.result)
}

// isKnownAlg reports whether jwtlab can verify alg. An empty alg belongs to
// a header that did not decode, which the decode error already explains.
func isKnownAlg(alg string) bool {
	_, ok := jwtcore.LookupAlgorithm(alg)
	return ok || alg == ""
}

// claimsBadge returns the claims verdict, which is separate from the
// signature's, or "" when nothing was verified. A payload that is not a
// JSON object has no claims, so its checks prove nothing.
func (v verifyPanel) claimsBadge(tok *jwtcore.Token) (label, kind string) {
	if v.result == nil {
		return "", ""
	}
	return claimsVerdict(*v.result, tok != nil && tok.Payload.Object != nil)
}
