package tui

import (
	"fmt"
	"slices"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// keyInput is the kind of text in the key panel's input.
type keyInput int

const (
	inputNone   keyInput = iota
	inputSecret          // an HMAC secret as UTF-8 text
	inputBase64          // an HMAC secret as base64 or base64url
	inputImport          // the path of a PEM or JWK file to sign with
	inputExport          // the path to write the key to
	inputVerify          // the path of a key file to verify with
)

func (k keyInput) label() string {
	return [...]string{"", "secret", "base64 secret", "import file", "export to", "verify with file"}[k]
}

func (k keyInput) placeholder() string {
	return [...]string{
		"",
		"type the HMAC secret",
		"type the secret as base64 or base64url",
		"type a PEM or JWK file path, then press enter",
		"type a file path, then press enter (ctrl+y copies instead)",
		"type a PEM, JWK or JWKS path, then enter; an empty path verifies with the signing key",
	}[k]
}

// savedKeys keeps the last key of each key type, so switching the alg
// back and forth keeps the keys. Indexed by jwtcore.KeyType.
type savedKeys [4]*signingKey

// signingKey is the key the Build screen signs with and where it came from.
type signingKey struct {
	key jwtcore.Key
	// origin describes where the key came from, such as "typed".
	origin string
	// example marks a key published in jwtlab's source.
	example    bool
	thumbprint string
	// fixedAlg marks a key whose alg came from a JWK file. Any other key
	// was made or typed here, so its alg follows the chosen alg.
	fixedAlg bool
}

// keyPanel holds the signing key, its generation and import, its export
// and the key the token is verified with.
type keyPanel struct {
	current *signingKey
	saved   savedKeys

	// rsaSize indexes jwtcore.RSAKeySizes for the next RSA generation.
	rsaSize int
	// genSeq numbers key generations, so only the newest is kept.
	// signGenSeq is the number of the signing key generation in flight,
	// or 0, and signGenAlg the alg it makes the key for.
	genSeq     int
	signGenSeq int
	signGenAlg jwtcore.Algorithm
	generating string
	spinner    spinner.Model

	input      keyInput
	text       selectInput
	importSeq  int
	exportForm int
	// confirm is the export path that exists and is replaced on a second
	// enter.
	confirm string
	// problem is the error of the last key action. note is a harmless
	// remark on it, such as a removed line break.
	problem string
	note    string

	// wrong verifies with another key of the same type instead of the
	// signing key, to show the result a verifier with the wrong key gets.
	wrong    bool
	wrongKey *jwtcore.Key
	// verifyKeys are read from verifyPath and, when set, verify the token
	// in place of the signing key or the wrong key.
	verifyKeys []jwtcore.Key
	verifyPath string
}

func newKeyPanel(st Styles) keyPanel {
	p := keyPanel{
		text:    newSelectInput(st, ""),
		spinner: spinner.New(spinner.WithSpinner(spinner.Line), spinner.WithStyle(st.Muted)),
	}
	example := jwtcore.SecretFromText(jwtcore.PublicExampleSecret)
	return p.setKey(example, "anyone can forge tokens with it; never reuse it", true)
}

// setKey makes k the signing key and remembers it for its key type.
func (p keyPanel) setKey(k jwtcore.Key, origin string, example bool) keyPanel {
	thumbprint, err := jwtcore.Thumbprint(k)
	if err != nil {
		thumbprint = ""
	}
	p.current = &signingKey{key: k, origin: origin, example: example, thumbprint: thumbprint}
	if i := int(k.Type); i >= 0 && i < len(p.saved) {
		p.saved[i] = p.current
	}
	if p.wrongKey != nil && p.wrongKey.Type != k.Type {
		p.wrongKey = nil
	}
	p.problem = ""
	return p
}

// followAlg switches to the saved key of alg's key type, if there is one.
// Otherwise the current key stays, and signing explains the mismatch.
// A key of alg's type that was made on this screen takes alg as its alg.
func (p keyPanel) followAlg(alg jwtcore.Algorithm) keyPanel {
	i := int(alg.KeyType)
	if i >= 0 && i < len(p.saved) && p.saved[i] != nil {
		p.current = p.saved[i]
	}
	if p.current.key.Type == alg.KeyType && !p.current.fixedAlg && p.current.key.Alg != "" {
		retagged := *p.current
		retagged.key.Alg = alg.Name
		p.current = &retagged
		if i >= 0 && i < len(p.saved) {
			p.saved[i] = p.current
		}
	}
	if p.wrongKey != nil && p.wrongKey.Type == alg.KeyType && p.wrongKey.Alg != "" {
		wrong := *p.wrongKey
		wrong.Alg = alg.Name
		p.wrongKey = &wrong
	}
	return p
}

// signKey returns the key to sign with.
func (p keyPanel) signKey() jwtcore.Key { return p.current.key }

// verifyWith returns the keys the token is verified with, and false while
// the wrong key is still being made.
func (p keyPanel) verifyWith() ([]jwtcore.Key, bool) {
	switch {
	case p.verifyKeys != nil:
		return p.verifyKeys, true
	case !p.wrong:
		return []jwtcore.Key{publicPart(p.current.key)}, true
	case p.wrongKey == nil:
		return nil, false
	}
	return []jwtcore.Key{publicPart(*p.wrongKey)}, true
}

// typing reports whether the text input has the focus.
func (p keyPanel) typing() bool { return p.input != inputNone }

// update handles a key in the panel. changed reports whether the signing
// key changed.
func (p keyPanel) update(msg tea.KeyMsg, km BuildKeyMap, alg jwtcore.Algorithm) (keyPanel, tea.Cmd, bool) {
	if p.input != inputNone {
		return p.edit(msg, km, alg)
	}
	switch {
	case key.Matches(msg, km.Generate):
		return p.generate(alg, purposeSign)
	case key.Matches(msg, km.RSASize):
		p.rsaSize = (p.rsaSize + 1) % len(jwtcore.RSAKeySizes())
	case key.Matches(msg, km.TypeSecret):
		p = p.openInput(inputSecret, secretText(p.current))
	case key.Matches(msg, km.Import):
		p = p.openInput(inputImport, "")
	case key.Matches(msg, km.VerifyFile):
		p = p.openInput(inputVerify, p.verifyPath)
	case key.Matches(msg, km.Export):
		p = p.openInput(inputExport, "")
		p.exportForm = defaultExportForm(p.current.key)
	}
	return p, nil, false
}

// secretText returns the current secret as text when it is an HMAC
// secret, so editing starts from it.
func secretText(k *signingKey) string {
	if k.key.Type != jwtcore.KeyHMAC {
		return ""
	}
	return string(k.key.Secret)
}

func (p keyPanel) openInput(mode keyInput, value string) keyPanel {
	p.input, p.problem, p.note, p.confirm = mode, "", "", ""
	p.text.Placeholder = mode.placeholder()
	p.text.Focus()
	p.text.Prefill(value)
	p.text.EchoMode = textinput.EchoNormal
	return p
}

func (p keyPanel) closeInput() keyPanel {
	p.input = inputNone
	p.text.Blur()
	return p
}

// generate starts making a key for alg. RSA takes the chosen size; the
// other types have the size the alg fixes.
func (p keyPanel) generate(alg jwtcore.Algorithm, purpose keyPurpose) (keyPanel, tea.Cmd, bool) {
	if alg.KeyType == jwtcore.KeyNone {
		p.problem = "alg none takes no key; pick a signing alg to generate one"
		return p, nil, false
	}
	bits := 0
	if alg.KeyType == jwtcore.KeyRSA {
		bits = jwtcore.RSAKeySizes()[p.rsaSize]
	}
	p.genSeq++
	if purpose == purposeSign {
		p.signGenSeq, p.signGenAlg = p.genSeq, alg
	}
	p.generating = generatingLabel(alg, bits, purpose)
	p.problem = ""
	cmd := tea.Batch(generateCmd(p.genSeq, purpose, alg.Name, bits), p.spinner.Tick)
	return p, cmd, false
}

func generatingLabel(alg jwtcore.Algorithm, bits int, purpose keyPurpose) string {
	kind := keyKind(alg)
	if bits > 0 {
		kind = fmt.Sprintf("%d-bit %s", bits, kind)
	}
	if purpose == purposeWrong {
		return "making a different " + kind + " to verify with"
	}
	if bits > 0 {
		return "generating a " + kind
	}
	return "generating " + keyPhrase(alg)
}

// keyKind names the key type alg needs, such as "EC P-256 key".
func keyKind(alg jwtcore.Algorithm) string {
	switch alg.KeyType {
	case jwtcore.KeyHMAC:
		return "HMAC secret"
	case jwtcore.KeyRSA:
		return "RSA key"
	case jwtcore.KeyEC:
		return "EC " + alg.Curve + " key"
	case jwtcore.KeyEd25519:
		return "Ed25519 key"
	}
	return "key"
}

// onGenerated takes a finished key generation. changed reports whether
// the signing or the verification key changed.
func (p keyPanel) onGenerated(msg keyGeneratedMsg, alg jwtcore.Algorithm) (keyPanel, bool) {
	if msg.seq != p.genSeq {
		return p, false
	}
	p.generating, p.signGenSeq = "", 0
	if msg.err != nil {
		p.problem = "key generation failed: " + msg.err.Error()
		return p, false
	}
	if msg.purpose == purposeWrong {
		k := msg.key
		p.wrongKey = &k
		return p, p.wrong
	}
	return p.setKey(msg.key, generatedOrigin(msg), false).followAlg(alg), true
}

// dropStaleGeneration stops waiting for a signing key generation whose
// key cannot sign with alg, so a key made for an earlier alg never
// replaces the current key. note names what was dropped, or is "".
func (p keyPanel) dropStaleGeneration(alg jwtcore.Algorithm) (_ keyPanel, note string) {
	made := p.signGenAlg
	if p.signGenSeq == 0 || p.signGenSeq != p.genSeq || sameKeyShape(made, alg) {
		return p, ""
	}
	p.genSeq++
	p.signGenSeq, p.generating = 0, ""
	return p, fmt.Sprintf("dropped the %s being generated for %s, which cannot sign %s",
		keyKind(made), made.Name, alg.Name)
}

// sameKeyShape reports whether a key made for a can sign with b: the key
// type and, for EC, the curve are the same.
func sameKeyShape(a, b jwtcore.Algorithm) bool {
	return a.KeyType == b.KeyType && a.Curve == b.Curve
}

func generatedOrigin(msg keyGeneratedMsg) string {
	if msg.key.Type == jwtcore.KeyHMAC {
		bits := len(msg.key.Secret) * 8
		return fmt.Sprintf("generated: %d random bits from crypto/rand, the hash size of %s, "+
			"which RFC 7518 3.2 requires as the minimum", bits, msg.alg)
	}
	return "generated with crypto/rand"
}

// toggleWrong switches verification between the signing key and another
// key of the same type, which it makes when there is none yet.
func (p keyPanel) toggleWrong(alg jwtcore.Algorithm) (keyPanel, tea.Cmd) {
	if alg.KeyType == jwtcore.KeyNone {
		p.wrong = false
		p.problem = "alg none takes no key, so there is no other key to verify with"
		return p, nil
	}
	p.wrong = !p.wrong
	sameType := p.wrongKey != nil && p.wrongKey.Type == alg.KeyType && sameCurve(*p.wrongKey, p.current.key)
	if !p.wrong || sameType {
		return p, nil
	}
	p.wrongKey = nil
	p, cmd, _ := p.generate(alg, purposeWrong)
	return p, cmd
}

// edit handles a key while the text input has the focus.
func (p keyPanel) edit(msg tea.KeyMsg, km BuildKeyMap, alg jwtcore.Algorithm) (keyPanel, tea.Cmd, bool) {
	switch {
	case key.Matches(msg, km.Blur):
		return p.closeInput(), nil, false
	case p.input == inputSecret && key.Matches(msg, km.SecretForm):
		return p.switchSecretForm(inputBase64)
	case p.input == inputBase64 && key.Matches(msg, km.SecretForm):
		return p.switchSecretForm(inputSecret)
	case p.input == inputImport && key.Matches(msg, km.Done):
		p.importSeq++
		p.generating = "reading " + p.text.Value()
		return p, importCmd(p.importSeq, p.text.Value(), false), false
	case p.input == inputVerify && key.Matches(msg, km.Done):
		p.importSeq++
		if p.text.Value() == "" {
			return p.closeInput(), p.verifyFileCleared(), false
		}
		p.generating = "reading " + p.text.Value()
		return p, importCmd(p.importSeq, p.text.Value(), true), false
	case p.input == inputExport && key.Matches(msg, km.ExportForm):
		p.exportForm = (p.exportForm + 1) % len(exportFormats)
		p.confirm = ""
		return p, nil, false
	case p.input == inputSecret || p.input == inputBase64:
		if key.Matches(msg, km.Done) {
			return p.closeInput(), nil, false
		}
		return p.editSecret(msg)
	}
	before := p.text.Value()
	p.text, _ = p.text.Update(msg)
	if p.text.Value() != before {
		p.confirm = ""
	}
	return p, nil, false
}

func (p keyPanel) switchSecretForm(mode keyInput) (keyPanel, tea.Cmd, bool) {
	p.input = mode
	p.text.Placeholder = mode.placeholder()
	return p.applySecret()
}

// editSecret passes a key to the secret input and signs with the new
// secret at once.
func (p keyPanel) editSecret(msg tea.KeyMsg) (keyPanel, tea.Cmd, bool) {
	if msg.Paste {
		var note, problem string
		msg, note, problem = checkPastedSecret(msg, p.input == inputBase64, "jwtlab sign --secret-file")
		if problem != "" {
			p.problem = problem
			return p, nil, false
		}
		p.note = note
	}
	before := p.text.Value()
	p.text, _ = p.text.Update(msg)
	if p.text.Value() == before {
		return p, nil, false
	}
	return p.applySecret()
}

func (p keyPanel) applySecret() (keyPanel, tea.Cmd, bool) {
	value := p.text.Value()
	if p.input == inputSecret {
		return p.setKey(jwtcore.SecretFromText(value), "typed", false), nil, true
	}
	k, err := jwtcore.SecretFromBase64(value)
	if err != nil {
		p.problem = "the secret is not valid base64 or base64url: " + err.Error()
		return p, nil, false
	}
	return p.setKey(k, "typed as base64", false), nil, true
}

// verifyFileCleared returns the message that stops verifying with a key
// file, handled like a finished read of no keys.
func (p keyPanel) verifyFileCleared() tea.Cmd {
	seq := p.importSeq
	return func() tea.Msg { return keyImportedMsg{seq: seq, forVerify: true} }
}

// onVerifyFile takes the keys read to verify with. No keys and no error
// means verifying with the signing key again.
func (p keyPanel) onVerifyFile(msg keyImportedMsg) (keyPanel, bool) {
	if msg.seq != p.importSeq {
		return p, false
	}
	p.generating = ""
	if msg.err != nil {
		p.problem = msg.err.Error()
		return p, false
	}
	p.verifyKeys, p.verifyPath = msg.keys, msg.path
	p.problem = ""
	return p.closeInput(), true
}

// onImported takes the keys read from a file. It signs with the first
// key that has a private part, else with the first key, which then fails
// to sign with an explanation.
func (p keyPanel) onImported(msg keyImportedMsg) (keyPanel, bool) {
	if msg.seq != p.importSeq {
		return p, false
	}
	p.generating = ""
	if msg.err != nil {
		p.problem = msg.err.Error()
		return p, false
	}
	i := slices.IndexFunc(msg.keys, func(k jwtcore.Key) bool {
		return k.Private != nil || k.Type == jwtcore.KeyHMAC
	})
	k := msg.keys[max(i, 0)]
	p = p.closeInput()
	p = p.setKey(k, "imported from "+msg.path+" ("+k.Format+")", false)
	p.current.fixedAlg = k.Alg != ""
	return p, true
}

// export encodes the key in the chosen form. A second enter on a path
// that exists replaces the file.
func (p keyPanel) export(toClipboard bool, clip clipboardTarget) (keyPanel, tea.Cmd) {
	form := exportFormats[p.exportForm]
	data, err := form.encode(p.current.key)
	if err != nil {
		p.problem = "cannot export the " + form.label + ": " + err.Error()
		return p, nil
	}
	if toClipboard {
		return p, buildCopyCmd(clip, string(data), "the "+form.label)
	}
	path := p.text.Value()
	if path == "" {
		p.problem = "type the file path to write the " + form.label + " to"
		return p, nil
	}
	replace := p.confirm == path
	return p, exportCmd(path, data, form.fileMode(), form.label, replace)
}

// onExported takes the result of writing a key file and returns the
// status message to show.
func (p keyPanel) onExported(msg keyExportedMsg) (keyPanel, string) {
	switch {
	case msg.exists:
		p.confirm = msg.path
		p.problem = msg.path + " exists: press enter again to replace it, or type another path"
		return p, ""
	case msg.err != nil:
		p.problem = msg.err.Error()
		return p, ""
	}
	p.confirm, p.problem = "", ""
	p = p.closeInput()
	mode := exportFormats[p.exportForm].fileMode()
	return p, fmt.Sprintf("wrote the %s to %s (mode %04o)", msg.label, msg.path, mode)
}

// sameCurve reports whether two keys of one type also share the curve, so
// a wrong EC key fails the signature check, not the curve check.
func sameCurve(a, b jwtcore.Key) bool {
	return a.Type != jwtcore.KeyEC || describeKey(a) == describeKey(b)
}
