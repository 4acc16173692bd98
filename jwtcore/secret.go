package jwtcore

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
)

// ErrSecretEncoding is returned (wrapped) when a base64 secret cannot be
// decoded.
var ErrSecretEncoding = errors.New("invalid base64 secret")

// SecretFromText returns an HMAC key whose bytes are the UTF-8 text s,
// unchanged.
func SecretFromText(s string) Key {
	key := Key{
		Type:   KeyHMAC,
		Secret: []byte(s),
		Format: "secret text (" + pluralCount(len(s), "byte") + ")",
	}
	key.Findings = secretShapeFindings(key.Secret)
	return key
}

// SecretFromBase64 decodes s as base64 in the standard or the URL-safe
// alphabet, with or without '=' padding. Whitespace around s is ignored.
// The error names the first invalid character and its position.
func SecretFromBase64(s string) (Key, error) {
	text := strings.TrimSpace(s)
	if text == "" {
		return Key{}, fmt.Errorf("%w: the secret is empty", ErrSecretEncoding)
	}
	if err := checkBase64Alphabet(text); err != nil {
		return Key{}, err
	}

	unpadded := strings.TrimRight(text, "=")
	if len(unpadded)%4 == 1 {
		return Key{}, fmt.Errorf("%w: %d base64 characters cannot encode "+
			"whole bytes (one character too many or too few)",
			ErrSecretEncoding, len(unpadded))
	}
	urlForm := strings.NewReplacer("+", "-", "/", "_").Replace(unpadded)
	secret, err := base64.RawURLEncoding.DecodeString(urlForm)
	if err != nil {
		return Key{}, fmt.Errorf("%w: %v", ErrSecretEncoding, err)
	}

	key := Key{
		Type:   KeyHMAC,
		Secret: secret,
		Format: "base64 secret (" + pluralCount(len(secret), "byte") + ")",
	}
	key.Findings = secretShapeFindings(secret)
	return key, nil
}

// checkBase64Alphabet rejects characters outside both alphabets, padding
// that is not at the end, and a mix of the two alphabets.
func checkBase64Alphabet(text string) error {
	padding := len(text) - len(strings.TrimRight(text, "="))
	if padding > 2 {
		return fmt.Errorf("%w: it ends in %d '=' characters; base64 has "+
			"at most 2", ErrSecretEncoding, padding)
	}
	standard, urlSafe := false, false
	for position, r := range text[:len(text)-padding] {
		switch {
		case 'A' <= r && r <= 'Z', 'a' <= r && r <= 'z', '0' <= r && r <= '9':
		case r == '+' || r == '/':
			standard = true
		case r == '-' || r == '_':
			urlSafe = true
		default:
			return fmt.Errorf("%w: character %q at position %d is not in "+
				"the base64 or base64url alphabet; if the secret is plain "+
				"text, give it as text instead", ErrSecretEncoding, r, position)
		}
	}
	if standard && urlSafe {
		return fmt.Errorf("%w: it mixes the standard alphabet ('+', '/') "+
			"with the URL-safe one ('-', '_')", ErrSecretEncoding)
	}
	return nil
}

// SecretFromFile returns an HMAC key with data's bytes unchanged. A
// trailing newline stays part of the secret, and the key gets a
// secret_trailing_newline finding that
// describes it.
func SecretFromFile(data []byte) Key {
	key := Key{
		Type:   KeyHMAC,
		Secret: data,
		Format: "secret file (" + pluralCount(len(data), "byte") + ")",
	}
	if newline := trailingNewline(data); newline != "" {
		key.Findings = append(key.Findings, Finding{
			Code:     "secret_trailing_newline",
			Severity: SeverityWarning,
			Message: fmt.Sprintf("the secret file ends with a newline (%s), "+
				"which is part of the key: the secret is %s incl. "+
				"newline; if the token was signed without it, write the "+
				"file with printf or echo -n", newline, pluralCount(len(data), "byte")),
		})
	}
	key.Findings = append(key.Findings, secretShapeFindings(data)...)
	return key
}

func trailingNewline(data []byte) string {
	switch {
	case bytes.HasSuffix(data, []byte("\r\n")):
		return "CRLF"
	case bytes.HasSuffix(data, []byte("\n")):
		return "LF"
	}
	return ""
}

// secretShapeFindings notes a secret that is really a PEM public key. An
// HMAC check with public key bytes as the secret is what the
// key-confusion attack forges, so it never means what the user wants.
func secretShapeFindings(secret []byte) []Finding {
	trimmed := bytes.TrimSpace(secret)
	if !bytes.HasPrefix(trimmed, []byte("-----BEGIN ")) {
		return nil
	}
	return []Finding{{
		Code:     "secret_looks_like_pem",
		Severity: SeverityWarning,
		Message: "the secret looks like a PEM key; an RSA, EC or Ed25519 " +
			"key must be given as a key file, because using public key " +
			"bytes as an HMAC secret is the key-confusion attack",
	}}
}

// wellKnownSecrets are secrets published in tutorials, library examples
// and jwt.io, which attackers try first. jwtlab's own example secret is
// among them: it is printed in this repository.
var wellKnownSecrets = [...]string{
	PublicExampleSecret,
	"secret",
	"your-256-bit-secret",
	"your-384-bit-secret",
	"your-512-bit-secret",
	"a-string-secret-at-least-256-bits-long",
	"changeme",
	"password",
	"123456",
	"secretkey",
	"secret_key",
	"mysecret",
	"my_secret",
	"supersecret",
	"jwt_secret",
	"jwtsecret",
	"jwt-secret",
	"shhhhh",
	"key",
	"test",
	"qwertyuiopasdfghjklzxcvbnm123456",
	"your_jwt_secret",
	"your-secret-key",
	"secret123",
	"default",
	"admin",
}

// isWellKnownSecret reports whether secret, ignoring surrounding
// whitespace and letter case, is in wellKnownSecrets.
func isWellKnownSecret(secret []byte) bool {
	trimmed := string(bytes.TrimSpace(secret))
	for _, known := range wellKnownSecrets {
		if strings.EqualFold(trimmed, known) {
			return true
		}
	}
	return false
}

// secretStrengthFindings returns weak_secret when the secret is shorter
// than the hash output (RFC 7518 3.2), and weak_or_public_secret when it
// is a published example secret.
func secretStrengthFindings(secret []byte, alg Algorithm) []Finding {
	var findings []Finding
	minBytes := alg.MinKeyBits / 8
	if len(secret) < minBytes {
		findings = append(findings, Finding{
			Code:     "weak_secret",
			Severity: SeverityWarning,
			Message: fmt.Sprintf("the HMAC secret is %s; %s needs at "+
				"least %d (the hash output size, RFC 7518 3.2), so it may "+
				"be guessed by brute force", pluralCount(len(secret), "byte"), alg.Name, minBytes),
		})
	}
	if isWellKnownSecret(secret) {
		findings = append(findings, Finding{
			Code:     "weak_or_public_secret",
			Severity: SeverityDanger,
			Message: "the HMAC secret is a published example secret (from " +
				"tutorials, jwt.io or jwtlab itself); anyone can forge tokens with it",
		})
	}
	return findings
}
