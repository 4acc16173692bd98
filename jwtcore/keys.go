package jwtcore

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"encoding/base64"
	"fmt"
	"strings"
	"unicode/utf8"
)

// keyFormatsTried lists the formats ParseKeys reads, for its error message.
const keyFormatsTried = "PEM (SPKI or PKCS#1 public key, PKCS#8, " +
	"PKCS#1 or SEC1 private key, X.509 certificate), DER of any of " +
	"those, a PEM body without its BEGIN/END lines, a JWK and a JWKS"

// ParseKeys reads every key in data: one or more PEM blocks, DER, a PEM
// body pasted without its BEGIN/END lines, a JWK or a JWKS. An HMAC key
// comes only from a JWK or JWKS with kty "oct"; use the Secret functions
// for a secret given as text. The error wraps ErrKeyFormat and names the
// formats tried and the shape of the input, never its content.
func ParseKeys(data []byte) ([]Key, error) {
	trimmed := bytes.TrimSpace(data)
	switch {
	case len(trimmed) == 0:
		return nil, fmt.Errorf("%w: the key input is empty; "+
			"give a PEM, DER, JWK or JWKS key", ErrKeyFormat)
	case trimmed[0] == '{':
		return parseJWKInput(trimmed)
	case isSSHPublicKeyLine(trimmed):
		return parseSSHPublicKeys(trimmed)
	case bytes.Contains(trimmed, []byte("-----BEGIN ")):
		// Text before the first block, such as the "Bag Attributes" lines
		// of `openssl pkcs12`, is skipped by pem.Decode.
		return parsePEMInput(trimmed)
	}

	if body, ok := decodeBarePEMBody(trimmed); ok {
		key, err := parseDERKey(body, "PEM body without BEGIN/END lines: %s")
		if err == nil {
			return []Key{key}, nil
		}
	}
	if key, err := parseDERKey(data, "DER %s"); err == nil {
		return []Key{key}, nil
	}
	return nil, unreadableKeyError(trimmed)
}

// decodeBarePEMBody decodes base64 text, possibly wrapped over several
// lines, as a PEM body is.
func decodeBarePEMBody(text []byte) ([]byte, bool) {
	compact := strings.Join(strings.Fields(string(text)), "")
	for _, encoding := range []*base64.Encoding{
		base64.StdEncoding, base64.RawStdEncoding,
		base64.URLEncoding, base64.RawURLEncoding,
	} {
		if body, err := encoding.DecodeString(compact); err == nil {
			return body, true
		}
	}
	return nil, false
}

// unreadableKeyError describes data by its shape and length, with a fix
// for the common formats jwtlab does not read. It never quotes key
// material: only a PEM BEGIN line or an OpenSSH key type is shown.
func unreadableKeyError(data []byte) error {
	shape, fix := describeKeyShape(data)
	message := fmt.Sprintf("%v: tried %s; the input (%s) %s",
		ErrKeyFormat, keyFormatsTried, pluralCount(len(data), "byte"), shape)
	if fix != "" {
		message += "; " + fix
	}
	return &keyFormatError{message: message}
}

// keyFormatError carries a full message and still matches ErrKeyFormat.
type keyFormatError struct{ message string }

func (e *keyFormatError) Error() string { return e.message }

func (e *keyFormatError) Unwrap() error { return ErrKeyFormat }

func describeKeyShape(data []byte) (shape, fix string) {
	if start := bytes.Index(data, []byte("-----BEGIN ")); start >= 0 {
		beginLine, _, _ := bytes.Cut(data[start:], []byte("\n"))
		beginLine = bytes.TrimSpace(beginLine)
		position := "starts with"
		if start > 0 {
			position = "contains"
		}
		return fmt.Sprintf("%s %q", position, trimPEMDashes(beginLine)),
			pemTypeFix(pemLabel(beginLine))
	}
	if !utf8.Valid(data) {
		return "is binary but not DER of a supported key", ""
	}
	return "is text that is neither PEM, base64 of DER nor JSON",
		"an HMAC secret is given as a secret, not as a key file"
}

func trimPEMDashes(line []byte) string {
	return strings.TrimRight(string(line), "-")
}

func pemLabel(line []byte) string {
	label := strings.TrimPrefix(string(line), "-----BEGIN ")
	return strings.TrimRight(label, "-")
}

// pemTypeFix returns how to convert a PEM block type that jwtlab does
// not read, or "" when there is no known conversion.
func pemTypeFix(label string) string {
	switch label {
	case "OPENSSH PRIVATE KEY":
		// ssh-keygen -p converts the key file in place, so it is not advised.
		return "OpenSSH private keys are not supported; to verify, give the public key " +
			"file (key.pub, an OpenSSH public key line), or generate a PEM/PKCS#8 key " +
			"with `openssl genpkey -algorithm ed25519 -out key.pem`; " +
			"avoid `ssh-keygen -p`, which rewrites the key file in place"
	case "ENCRYPTED PRIVATE KEY":
		return "the key is encrypted; decrypt it with " +
			"`openssl pkey -in key.pem -out key-plain.pem`"
	case "PGP PUBLIC KEY BLOCK", "PGP PRIVATE KEY BLOCK":
		return "OpenPGP keys are not JOSE keys; export the key as PEM"
	case "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST":
		return "a certificate request is not a key; extract the public " +
			"key with `openssl req -in csr.pem -pubkey -noout`"
	}
	return ""
}

// keyFromCrypto wraps a parsed crypto key. The format names the container
// and is completed with the key type and size.
func keyFromCrypto(parsed any, format string) (Key, error) {
	key := Key{}
	switch k := parsed.(type) {
	case *rsa.PublicKey:
		key.Type, key.Public = KeyRSA, k
	case *rsa.PrivateKey:
		key.Type, key.Public, key.Private = KeyRSA, &k.PublicKey, k
	case *ecdsa.PublicKey:
		key.Type, key.Public = KeyEC, k
	case *ecdsa.PrivateKey:
		key.Type, key.Public, key.Private = KeyEC, &k.PublicKey, k
	case ed25519.PublicKey:
		key.Type, key.Public = KeyEd25519, k
	case ed25519.PrivateKey:
		key.Type, key.Public, key.Private = KeyEd25519, k.Public(), k
	case *ed25519.PrivateKey:
		key.Type, key.Public, key.Private = KeyEd25519, k.Public(), *k
	default:
		return Key{}, fmt.Errorf("%w: %s contains a %T, which is "+
			"not a JWS signing key", ErrKeyFormat, format, parsed)
	}
	if key.Type == KeyEC && ecCurveName(key.Public.(*ecdsa.PublicKey)) == "" {
		return Key{}, fmt.Errorf("%w: %s is an EC key on curve %s; "+
			"JWS uses only P-256, P-384 and P-521", ErrKeyFormat, format,
			key.Public.(*ecdsa.PublicKey).Curve.Params().Name)
	}
	key.Format = fmt.Sprintf("%s (%s)", format, describePublicKey(key.Public))
	return key, nil
}

// ecCurveName returns the JOSE curve name, or "" for a curve JWS does not
// use.
func ecCurveName(public *ecdsa.PublicKey) string {
	switch name := public.Curve.Params().Name; name {
	case "P-256", "P-384", "P-521":
		return name
	}
	return ""
}

// describePublicKey returns the key type and size, such as "RSA 2048" or
// "EC P-256".
func describePublicKey(public any) string {
	switch k := public.(type) {
	case *rsa.PublicKey:
		return fmt.Sprintf("RSA %d", k.N.BitLen())
	case *ecdsa.PublicKey:
		return "EC " + k.Curve.Params().Name
	case ed25519.PublicKey:
		return "Ed25519"
	}
	return fmt.Sprintf("%T", public)
}
