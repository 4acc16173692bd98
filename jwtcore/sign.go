package jwtcore

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"github.com/go-json-experiment/json/jsontext"
)

// Sentinel errors returned (wrapped) by Sign and CheckSigningKey. Use
// errors.Is to test them.
var (
	ErrUnknownAlgorithm = errors.New("unknown algorithm")
	ErrKeyMismatch      = errors.New("key type does not match the algorithm")
	ErrNoPrivateKey     = errors.New("signing needs a private key")
	ErrInvalidHeader    = errors.New("invalid header")
	ErrInvalidPayload   = errors.New("invalid payload")
)

// Signed holds every step of the signing path, so a caller can show how
// the header and payload became the token.
type Signed struct {
	// Alg is the alg header value the signature was computed with.
	Alg string
	// HeaderJSON and PayloadJSON are the exact bytes that were encoded.
	HeaderJSON  []byte
	PayloadJSON []byte
	// HeaderB64 is the base64url (unpadded) encoding of HeaderJSON.
	HeaderB64 string
	// PayloadB64 is the base64url encoding of PayloadJSON, or PayloadJSON
	// itself when the header has "b64": false (RFC 7797).
	PayloadB64 string
	// SigningInput is HeaderB64 + "." + PayloadB64, the bytes the
	// signature covers.
	SigningInput string
	// Signature is the raw signature, empty for alg none.
	Signature []byte
	// SignatureB64 is the base64url encoding of Signature.
	SignatureB64 string
	// Token is the compact serialization SigningInput + "." + SignatureB64.
	Token string
	// Findings are warnings about the result, such as alg none or an HMAC
	// secret shorter than the hash.
	Findings []Finding
}

// Sign encodes headerJSON and payloadJSON exactly as given and signs them
// with key, using the algorithm named by the header's alg member.
//
// The header must be a JSON object with a string alg from the catalogue
// (see [LookupAlgorithm]), and key must be of the type that alg requires
// (see [CheckSigningKey]). The payload may be any bytes: a JWT payload is
// a JSON object, but JWS signs anything. With alg none the key is ignored
// and the signature is empty.
func Sign(headerJSON, payloadJSON []byte, key Key) (Signed, error) {
	header, err := ParseDocument(headerJSON)
	if err != nil {
		return Signed{}, fmt.Errorf("%w: %w", ErrInvalidHeader, err)
	}
	algName, err := headerAlg(header)
	if err != nil {
		return Signed{}, err
	}
	alg, ok := LookupAlgorithm(algName)
	if !ok {
		return Signed{}, fmt.Errorf("%w %q: use one of %s",
			ErrUnknownAlgorithm, algName, algorithmNames())
	}
	s := Signed{
		Alg:         alg.Name,
		HeaderJSON:  headerJSON,
		PayloadJSON: payloadJSON,
		HeaderB64:   base64.RawURLEncoding.EncodeToString(headerJSON),
	}
	s.PayloadB64, err = payloadSegment(header, payloadJSON)
	if err != nil {
		return Signed{}, err
	}
	s.SigningInput = s.HeaderB64 + "." + s.PayloadB64
	if err := s.sign(alg, key); err != nil {
		return Signed{}, err
	}
	return s, nil
}

// sign computes the signature over s.SigningInput and fills in the rest.
func (s *Signed) sign(alg Algorithm, key Key) error {
	if alg.Unsafe {
		s.Token = s.SigningInput + "."
		s.Findings = append(s.Findings, Finding{
			Code:     "alg_none",
			Severity: SeverityDanger,
			Message: "alg none: the token has no signature, so anyone can " +
				"change it; a verifier must reject it",
		})
		return nil
	}
	if err := CheckSigningKey(alg, key); err != nil {
		return err
	}
	signature, err := alg.SigningMethod().Sign(s.SigningInput, signingKey(key))
	if err != nil {
		return fmt.Errorf("signing with %s failed: %w", alg.Name, err)
	}
	s.Signature = signature
	s.SignatureB64 = base64.RawURLEncoding.EncodeToString(signature)
	s.Token = s.SigningInput + "." + s.SignatureB64
	s.Findings = append(s.Findings, keyFindings(alg, key)...)
	return nil
}

// headerAlg returns the header's alg as a string.
func headerAlg(header *Document) (string, error) {
	raw, ok := header.Get("alg")
	if !ok {
		return "", fmt.Errorf(`%w: the header has no "alg" member; `+
			`add one such as "alg": "HS256"`, ErrInvalidHeader)
	}
	name, err := jsontext.AppendUnquote(nil, raw)
	if err != nil {
		return "", fmt.Errorf(`%w: "alg" is %s, not a JSON string; `+
			`write it as "alg": "HS256"`, ErrInvalidHeader, raw)
	}
	return string(name), nil
}

// payloadSegment returns the payload part of the signing input. A header
// with "b64": false (RFC 7797) puts the payload in unencoded.
func payloadSegment(header *Document, payload []byte) (string, error) {
	b64, ok := header.Get("b64")
	if !ok || string(b64) != "false" {
		return base64.RawURLEncoding.EncodeToString(payload), nil
	}
	// RFC 7797 5.2: in the compact form an unencoded payload cannot
	// contain '.', because the '.' would be read as a segment separator.
	if bytes.IndexByte(payload, '.') >= 0 {
		return "", fmt.Errorf(`%w: with "b64": false the payload is `+
			`written as it is and must not contain '.'; remove "b64"`,
			ErrInvalidPayload)
	}
	return string(payload), nil
}

// CheckSigningKey returns an error that explains why key cannot sign with
// alg: a key of another type than alg requires, a public key without its
// private part, or an HMAC key with no secret. The key type follows the
// algorithm, so an EC key for RS256 is rejected, never converted.
func CheckSigningKey(alg Algorithm, key Key) error {
	if alg.KeyType == KeyNone {
		return nil
	}
	if key.Type != alg.KeyType {
		return fmt.Errorf("%w: %s needs %s, but the key is %s; "+
			"use a key of that type, or pick an alg for this key such as %s",
			ErrKeyMismatch, alg.Name, keyTypePhrase(alg.KeyType),
			describeKey(key), suggestAlg(key))
	}
	if err := checkCurve(alg, key); err != nil {
		return err
	}
	if key.Type == KeyHMAC {
		if len(key.Secret) == 0 {
			return fmt.Errorf("%w: the HMAC secret is empty", ErrNoPrivateKey)
		}
		return nil
	}
	if key.Private == nil {
		return fmt.Errorf("%w: the %s key is a public key; "+
			"give the private key file (PKCS#8, PKCS#1, SEC1 or a JWK with "+
			"its private members)", ErrNoPrivateKey, key.Type)
	}
	return nil
}

// checkCurve rejects an EC key whose curve is not the one alg names:
// ES256 is P-256 only, ES384 P-384 and ES512 P-521 (RFC 7518 3.4).
func checkCurve(alg Algorithm, key Key) error {
	if alg.KeyType != KeyEC {
		return nil
	}
	curve := curveOf(key)
	if curve == alg.Curve {
		return nil
	}
	return fmt.Errorf("%w: %s needs an EC key on %s, but the key is on %s; "+
		"use %s with this key, or a %s key", ErrKeyMismatch, alg.Name,
		alg.Curve, curve, ecAlgForCurve(curve), alg.Curve)
}

// signingKey returns the key value golang-jwt's signing methods expect.
func signingKey(key Key) any {
	if key.Type == KeyHMAC {
		return key.Secret
	}
	return key.Private
}

// keyFindings warns about a key that signs but is weaker than alg allows.
// An HMAC secret gets the same findings as when verifying: too short, or
// a published example secret.
func keyFindings(alg Algorithm, key Key) []Finding {
	if key.Type == KeyHMAC {
		return secretStrengthFindings(key.Secret, alg)
	}
	bits := keyBits(key)
	if bits == 0 || bits >= alg.MinKeyBits {
		return nil
	}
	size := fmt.Sprintf("the RSA key has %d bits", bits)
	return []Finding{{
		Code:     "weak_key",
		Severity: SeverityWarning,
		Message: fmt.Sprintf("%s, under the %d bits %s requires (%s)",
			size, alg.MinKeyBits, alg.Name, alg.Spec),
	}}
}

// keyBits returns the size of an HMAC secret or an RSA modulus in bits,
// and 0 for key types whose size the curve fixes.
func keyBits(key Key) int {
	switch key.Type {
	case KeyHMAC:
		return len(key.Secret) * 8
	case KeyRSA:
		if pub, ok := publicKey(key).(*rsa.PublicKey); ok {
			return pub.N.BitLen()
		}
	}
	return 0
}

// publicKey returns key.Public, or the public half of key.Private when a
// caller filled in only the private key.
func publicKey(key Key) crypto.PublicKey {
	if key.Public == nil && key.Private != nil {
		return key.Private.Public()
	}
	return key.Public
}

// curveOf returns the JOSE name of an EC key's curve, such as "P-256".
func curveOf(key Key) string {
	if pub, ok := publicKey(key).(*ecdsa.PublicKey); ok && pub.Curve != nil {
		return pub.Curve.Params().Name
	}
	return "an unknown curve"
}

func ecAlgForCurve(curve string) string {
	for _, alg := range algorithmTable {
		if alg.KeyType == KeyEC && alg.Curve == curve {
			return alg.Name
		}
	}
	return "no ECDSA alg"
}

// describeKey names a key for messages, such as "an EC key on P-256".
func describeKey(key Key) string {
	switch key.Type {
	case KeyEC:
		return "an EC key on " + curveOf(key)
	case KeyRSA:
		return fmt.Sprintf("an RSA key (%d bits)", keyBits(key))
	default:
		return keyTypePhrase(key.Type)
	}
}

func keyTypePhrase(t KeyType) string {
	switch t {
	case KeyHMAC:
		return "an HMAC secret"
	case KeyRSA:
		return "an RSA key"
	case KeyEC:
		return "an EC key"
	case KeyEd25519:
		return "an Ed25519 key"
	default:
		return t.String()
	}
}

// suggestAlg returns an alg that key can sign with.
func suggestAlg(key Key) string {
	switch key.Type {
	case KeyHMAC:
		return "HS256"
	case KeyRSA:
		return "RS256 or PS256"
	case KeyEC:
		return ecAlgForCurve(curveOf(key))
	case KeyEd25519:
		return "EdDSA"
	default:
		return "none"
	}
}

// algorithmNames lists the catalogue's alg values for messages.
func algorithmNames() string {
	names := make([]string, 0, len(algorithmTable))
	for _, alg := range algorithmTable {
		names = append(names, alg.Name)
	}
	return strings.Join(names, ", ")
}
