package tui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// signRequest is a snapshot of everything one rebuild needs. The command
// that signs receives a copy, so it never reads the model.
type signRequest struct {
	seq     int
	header  []byte
	payload []byte
	key     jwtcore.Key
	// tamper is the segment to change after signing, or "" for none.
	tamper string
}

// builtMsg carries the result of one rebuild. seq is the request number,
// so a result that arrives after a newer request is dropped.
type builtMsg struct {
	seq    int
	signed jwtcore.Signed
	err    error
	// tampered is set when the request asked for a tampered token.
	// tamperErr is the reason the token could not be tampered with.
	tampered  *jwtcore.Tampered
	tamperErr error
}

// signCmd signs a copy of the request off the UI loop.
func signCmd(req signRequest) tea.Cmd {
	return func() tea.Msg { return signNow(req) }
}

// signNow signs the request and tampers with the result when asked.
func signNow(req signRequest) builtMsg {
	msg := builtMsg{seq: req.seq}
	msg.signed, msg.err = jwtcore.Sign(req.header, req.payload, req.key)
	if msg.err != nil || req.tamper == "" {
		return msg
	}
	t, err := jwtcore.Tamper(msg.signed.Token, req.tamper)
	if err != nil {
		msg.tamperErr = err
		return msg
	}
	msg.tampered = &t
	return msg
}

// buildVerifiedMsg carries the verification of the built token for the
// verification request numbered seq.
type buildVerifiedMsg struct {
	seq    int
	result jwtcore.Result
	// lint contains the findings Inspect would show for the token.
	lint []jwtcore.Finding
}

// buildVerifyCmd decodes and verifies token with keys at now, off the UI
// loop. The token is verified exactly as built or tampered, like any
// token a verifier receives.
func buildVerifyCmd(seq int, token string, keys []jwtcore.Key, now time.Time) tea.Cmd {
	return func() tea.Msg {
		tok, err := jwtcore.Decode(token)
		if tok == nil {
			var result jwtcore.Result
			result.Checks = []jwtcore.Check{{
				Group: jwtcore.GroupSignature, Name: jwtcore.CheckForm,
				Message: "the token does not decode: " + err.Error(),
			}}
			result.Status = jwtcore.StatusInvalid
			return buildVerifiedMsg{seq: seq, result: result}
		}
		opts := jwtcore.VerifyOptions{Keys: keys, Now: now}
		return buildVerifiedMsg{seq: seq, result: jwtcore.Verify(tok, opts), lint: tokenFindings(tok, now)}
	}
}

// publicPart returns key without its private part: what a verifier holds.
// An HMAC secret is its own verification key.
func publicPart(key jwtcore.Key) jwtcore.Key {
	if key.Type == jwtcore.KeyHMAC {
		return key
	}
	format := key.Format
	if key.Private != nil && format != "" {
		// The verifier names the key by Format, and it checks with the
		// public key only.
		format = "public part of the " + format
	}
	return jwtcore.Key{Type: key.Type, Public: key.Public, ID: key.ID, Alg: key.Alg, Format: format}
}

// keyPurpose is the use of a generated key.
type keyPurpose int

const (
	// purposeSign makes the signing key.
	purposeSign keyPurpose = iota
	// purposeWrong makes a second key of the same type, to show that a
	// token does not verify with another key.
	purposeWrong
)

// keyGeneratedMsg carries a generated key, or why generation failed.
type keyGeneratedMsg struct {
	seq     int
	purpose keyPurpose
	alg     string
	bits    int
	key     jwtcore.Key
	err     error
}

// generateCmd makes a key for alg off the UI loop: RSA-4096 takes seconds.
func generateCmd(seq int, purpose keyPurpose, alg string, bits int) tea.Cmd {
	return func() tea.Msg {
		key, err := jwtcore.GenerateKey(alg, bits)
		return keyGeneratedMsg{seq: seq, purpose: purpose, alg: alg, bits: bits, key: key, err: err}
	}
}

// keyImportedMsg carries the keys read from a PEM or JWK file.
type keyImportedMsg struct {
	seq  int
	path string
	keys []jwtcore.Key
	err  error
	// forVerify marks keys to verify with, not to sign with.
	forVerify bool
}

// importCmd reads a key file off the UI loop.
func importCmd(seq int, path string, forVerify bool) tea.Cmd {
	return func() tea.Msg {
		keys, err := readKeyFile(path)
		return keyImportedMsg{seq: seq, path: path, keys: keys, err: err, forVerify: forVerify}
	}
}

// buildCopiedMsg reports a clipboard copy made by the Build screen. It is
// its own type because the root passes command results to every screen.
type buildCopiedMsg copiedMsg

// buildCopyCmd copies text to the clipboard and reports it as a
// buildCopiedMsg; description names the text in the status message.
func buildCopyCmd(target clipboardTarget, text, description string) tea.Cmd {
	send := copyCmd(target.w, target.inTmux, text, description)
	return func() tea.Msg { return buildCopiedMsg(send().(copiedMsg)) }
}
