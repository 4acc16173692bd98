package jwtcore

import (
	"bytes"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"

	"github.com/go-jose/go-jose/v4"
)

// parsePEMInput reads every PEM block in data. "EC PARAMETERS" blocks, as
// printed by `openssl ecparam -genkey`, carry no key and are skipped.
func parsePEMInput(data []byte) ([]Key, error) {
	var keys []Key
	rest := data
	for index := 1; ; index++ {
		block, remaining := pem.Decode(rest)
		if block == nil {
			break
		}
		rest = remaining
		if block.Type == "EC PARAMETERS" {
			continue
		}
		key, err := parsePEMBlock(block)
		if err != nil {
			return nil, fmt.Errorf("PEM block %d: %w", index, err)
		}
		keys = append(keys, key)
	}
	if len(keys) == 0 {
		return nil, unreadableKeyError(data)
	}
	return keys, nil
}

func parsePEMBlock(block *pem.Block) (Key, error) {
	if _, encrypted := block.Headers["DEK-Info"]; encrypted {
		return Key{}, fmt.Errorf("%w: the %q block is encrypted; decrypt "+
			"it with `openssl pkey -in key.pem -out key-plain.pem`",
			ErrKeyFormat, block.Type)
	}
	var parsed any
	var err error
	var kind string
	switch block.Type {
	case "PUBLIC KEY":
		kind = "SPKI public key"
		parsed, err = x509.ParsePKIXPublicKey(block.Bytes)
	case "RSA PUBLIC KEY":
		kind = "PKCS#1 public key"
		parsed, err = x509.ParsePKCS1PublicKey(block.Bytes)
	case "PRIVATE KEY":
		kind = "PKCS#8 private key"
		parsed, err = x509.ParsePKCS8PrivateKey(block.Bytes)
	case "RSA PRIVATE KEY":
		kind = "PKCS#1 private key"
		parsed, err = x509.ParsePKCS1PrivateKey(block.Bytes)
	case "EC PRIVATE KEY":
		kind = "SEC1 private key"
		parsed, err = x509.ParseECPrivateKey(block.Bytes)
	case "CERTIFICATE":
		kind = "X.509 certificate"
		parsed, err = parseCertificateKey(block.Bytes)
	default:
		message := fmt.Sprintf("%v: PEM type %q is not a supported key "+
			"type; tried %s", ErrKeyFormat, block.Type, keyFormatsTried)
		if fix := pemTypeFix(block.Type); fix != "" {
			message += "; " + fix
		}
		return Key{}, &keyFormatError{message: message}
	}
	if err != nil {
		return Key{}, fmt.Errorf("%w: invalid PEM %q block: %v%s",
			ErrKeyFormat, block.Type, err, secp256k1Hint(block.Bytes))
	}
	return keyFromCrypto(parsed, "PEM "+kind)
}

func parseCertificateKey(der []byte) (any, error) {
	certificate, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	return certificate.PublicKey, nil
}

// parseDERKey tries each DER structure in turn. The format template names
// where the DER came from, with %s for the structure, such as "DER %s".
func parseDERKey(der []byte, format string) (Key, error) {
	parsers := []struct {
		kind  string
		parse func([]byte) (any, error)
	}{
		{"SPKI public key", x509.ParsePKIXPublicKey},
		{"PKCS#8 private key", x509.ParsePKCS8PrivateKey},
		{"PKCS#1 public key", func(b []byte) (any, error) { return x509.ParsePKCS1PublicKey(b) }},
		{"PKCS#1 private key", func(b []byte) (any, error) { return x509.ParsePKCS1PrivateKey(b) }},
		{"SEC1 private key", func(b []byte) (any, error) { return x509.ParseECPrivateKey(b) }},
		{"X.509 certificate", parseCertificateKey},
	}
	var lastErr error = ErrKeyFormat
	for _, parser := range parsers {
		parsed, err := parser.parse(der)
		if err != nil {
			continue
		}
		key, err := keyFromCrypto(parsed, fmt.Sprintf(format, parser.kind))
		if err == nil {
			return key, nil
		}
		lastErr = err
	}
	return Key{}, lastErr
}

// parseJWKInput reads a JWK, or a JWKS when the object has a "keys"
// member. A JWKS member that cannot be read is skipped with a finding on
// the first key read, so one exotic key does not hide the others.
func parseJWKInput(data []byte) ([]Key, error) {
	var set struct {
		Keys []json.RawMessage `json:"keys"`
	}
	if err := json.Unmarshal(data, &set); err != nil {
		return nil, fmt.Errorf("%w: input starts with '{' but is not valid "+
			"JSON: %v", ErrKeyFormat, err)
	}
	if !hasJSONMember(data, "keys") {
		key, err := parseJWK(data, "JWK")
		if err != nil {
			return nil, err
		}
		return []Key{key}, nil
	}

	if len(set.Keys) == 0 {
		return nil, fmt.Errorf("%w: the JWKS has no keys (its \"keys\" "+
			"array is empty); add the JWK of the signing key to it, or give "+
			"that JWK alone", ErrKeyFormat)
	}
	var keys []Key
	var skipped []string
	for i, raw := range set.Keys {
		key, err := parseJWK(raw, fmt.Sprintf("JWKS key %d", i+1))
		if err != nil {
			skipped = append(skipped, err.Error())
			continue
		}
		keys = append(keys, key)
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("%w: the JWKS has %s and none could be "+
			"read: %v", ErrKeyFormat, pluralCount(len(set.Keys), "key"), errors.Join(
			stringErrors(skipped)...))
	}
	for _, reason := range skipped {
		keys[0].Findings = append(keys[0].Findings, Finding{
			Code:     "jwks_key_skipped",
			Severity: SeverityWarning,
			Message:  "a key of the JWKS was skipped: " + reason,
		})
	}
	return keys, nil
}

func stringErrors(messages []string) []error {
	errs := make([]error, len(messages))
	for i, message := range messages {
		errs[i] = errors.New(message)
	}
	return errs
}

// parseJWK reads one JWK with go-jose. An "oct" key becomes a KeyHMAC.
func parseJWK(data []byte, label string) (Key, error) {
	var jwk jose.JSONWebKey
	if err := jwk.UnmarshalJSON(data); err != nil {
		return Key{}, fmt.Errorf("%w: invalid %s: %v%s", ErrKeyFormat,
			label, err, jwkCurveHint(data))
	}

	var key Key
	if secret, ok := jwk.Key.([]byte); ok {
		key = Key{Type: KeyHMAC, Secret: secret,
			Format: "oct, " + pluralCount(len(secret), "byte")}
	} else {
		parsed, err := keyFromCrypto(jwk.Key, label)
		if err != nil {
			return Key{}, err
		}
		key = parsed
		key.Format = describePublicKey(key.Public)
	}
	key.ID = jwk.KeyID
	key.Alg = jwk.Algorithm
	key.Use = jwk.Use
	operations, err := jwkOperations(data)
	if err != nil {
		return Key{}, fmt.Errorf("%w: invalid %s: %v", ErrKeyFormat, label, err)
	}
	key.Operations = operations
	if jwk.Use == "enc" {
		key.Findings = append(key.Findings, Finding{
			Code:     "jwk_use_enc",
			Severity: SeverityWarning,
			Message: label + " has use \"enc\", which marks a key for " +
				"encryption, not for signatures (RFC 7517 4.2)",
		})
	}
	if key.ID != "" {
		key.Format += ", kid " + key.ID
	}
	key.Format = fmt.Sprintf("%s (%s)", label, key.Format)
	return key, nil
}

// jwkCurveHint explains the one common JWK that go-jose rejects with a
// terse message: an EC key on secp256k1, used by ES256K.
func jwkCurveHint(data []byte) string {
	var fields struct {
		Curve string `json:"crv"`
	}
	if json.Unmarshal(data, &fields) == nil && bytes.EqualFold(
		[]byte(fields.Curve), []byte("secp256k1")) {
		return secp256k1Message
	}
	return ""
}

const secp256k1Message = " (the key is on secp256k1, used by ES256K, " +
	"which jwtlab does not support)"

// secp256k1OID is the DER encoding of the secp256k1 curve identifier
// 1.3.132.0.10 (SEC 2).
const secp256k1OID = "\x06\x05\x2b\x81\x04\x00\x0a"

// secp256k1Hint explains why Go's x509 rejects a key on secp256k1.
func secp256k1Hint(der []byte) string {
	if bytes.Contains(der, []byte(secp256k1OID)) {
		return secp256k1Message
	}
	return ""
}

// jwkOperations reads the key_ops member of a JWK (RFC 7517 4.3), which
// go-jose does not keep. It returns nil when the member is absent and an
// empty slice when it is an empty array.
func jwkOperations(data []byte) ([]string, error) {
	var jwk struct {
		Operations *[]string `json:"key_ops"`
	}
	if err := json.Unmarshal(data, &jwk); err != nil {
		return nil, fmt.Errorf("key_ops must be an array of strings: %v", err)
	}
	if jwk.Operations == nil {
		return nil, nil
	}
	if *jwk.Operations == nil {
		return []string{}, nil
	}
	return *jwk.Operations, nil
}

// hasJSONMember reports whether the JSON object data has a member name.
func hasJSONMember(data []byte, name string) bool {
	object, err := parseObject(data)
	if err != nil {
		return false
	}
	_, ok := object.Get(name)
	return ok
}
