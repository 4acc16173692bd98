package jwtcore_test

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/golang-jwt/jwt/v5"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// signCase is the part of a test case file that signing tests read.
type signCase struct {
	Source          string  `json:"source"`
	Token           *string `json:"token"`
	DetachedPayload *string `json:"detached_payload"`
	Key             *struct {
		SecretB64  string          `json:"secret_b64"`
		PEMPrivate string          `json:"pem_private"`
		JWK        json.RawMessage `json:"jwk"`
	} `json:"key"`
}

func loadSignCases(t *testing.T) map[string]signCase {
	t.Helper()
	files, err := filepath.Glob("testdata/cases/vectors/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no vector files found: %v", err)
	}
	cases := map[string]signCase{}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var c signCase
		if err := json.Unmarshal(data, &c); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		cases[strings.TrimSuffix(filepath.Base(file), ".json")] = c
	}
	return cases
}

// caseKey builds the signing key of a case from its private PEM or its
// base64url secret.
func caseKey(t *testing.T, c signCase) (jwtcore.Key, bool) {
	t.Helper()
	switch {
	case c.Key == nil:
		return jwtcore.Key{}, false
	case c.Key.PEMPrivate != "":
		return keyFromPEM(t, []byte(c.Key.PEMPrivate)), true
	case c.Key.SecretB64 != "":
		secret, err := base64.RawURLEncoding.DecodeString(c.Key.SecretB64)
		if err != nil {
			t.Fatalf("secret_b64: %v", err)
		}
		return jwtcore.Key{Type: jwtcore.KeyHMAC, Secret: secret}, true
	}
	return jwtcore.Key{}, false
}

func keyFromPEM(t *testing.T, data []byte) jwtcore.Key {
	t.Helper()
	block, _ := pem.Decode(data)
	if block == nil {
		t.Fatal("no PEM block")
	}
	parsed, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		t.Fatalf("PKCS#8: %v", err)
	}
	switch k := parsed.(type) {
	case *rsa.PrivateKey:
		return jwtcore.Key{Type: jwtcore.KeyRSA, Public: &k.PublicKey, Private: k}
	case *ecdsa.PrivateKey:
		return jwtcore.Key{Type: jwtcore.KeyEC, Public: &k.PublicKey, Private: k}
	case ed25519.PrivateKey:
		return jwtcore.Key{Type: jwtcore.KeyEd25519, Public: k.Public(), Private: k}
	}
	t.Fatalf("unexpected key type %T", parsed)
	return jwtcore.Key{}
}

// splitVector returns the header and payload bytes and the signature
// segment of a vector token.
func splitVector(t *testing.T, c signCase) (header, payload []byte, sig string) {
	t.Helper()
	parts := strings.Split(*c.Token, ".")
	if len(parts) != 3 {
		t.Fatalf("token has %d segments", len(parts))
	}
	header, err := base64.RawURLEncoding.DecodeString(parts[0])
	if err != nil {
		t.Fatalf("header: %v", err)
	}
	switch {
	case c.DetachedPayload != nil:
		payload = []byte(*c.DetachedPayload)
	case strings.Contains(string(header), `"b64":false`):
		payload = []byte(parts[1])
	default:
		if payload, err = base64.RawURLEncoding.DecodeString(parts[1]); err != nil {
			t.Fatalf("payload: %v", err)
		}
	}
	return header, payload, parts[2]
}

func TestSignReproducesVectors(t *testing.T) {
	for name, c := range loadSignCases(t) {
		if c.Token == nil {
			continue // JSON serialization only
		}
		key, ok := caseKey(t, c)
		if !ok {
			continue // alg none vectors have no key
		}
		t.Run(name, func(t *testing.T) {
			header, payload, wantSig := splitVector(t, c)
			signed, err := jwtcore.Sign(header, payload, key)
			if name == "rfc7797_4_2_b64_false_detached" {
				if !errors.Is(err, jwtcore.ErrInvalidPayload) {
					t.Fatalf("unencoded payload with '.': err = %v, want ErrInvalidPayload", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Sign: %v", err)
			}
			alg, _ := jwtcore.LookupAlgorithm(signed.Alg)
			if !alg.Deterministic {
				verifyWithGolangJWT(t, signed, key)
				return
			}
			if signed.SignatureB64 != wantSig {
				t.Errorf("signature = %s, want the published %s", signed.SignatureB64, wantSig)
			}
			if c.DetachedPayload == nil && signed.Token != *c.Token {
				t.Errorf("token differs from the published one:\n got %s\nwant %s", signed.Token, *c.Token)
			}
		})
	}
}

// TestSignWithVectorJWKs signs each vector again with the private key read
// from its JWK by ParseKeys, and checks the signature as above.
func TestSignWithVectorJWKs(t *testing.T) {
	for name, c := range loadSignCases(t) {
		if c.Token == nil || c.Key == nil || len(c.Key.JWK) == 0 {
			continue
		}
		if name == "rfc7797_4_2_b64_false_detached" {
			continue // its payload cannot be signed in the compact form
		}
		t.Run(name, func(t *testing.T) {
			keys, err := jwtcore.ParseKeys(c.Key.JWK)
			if err != nil {
				t.Fatalf("ParseKeys: %v", err)
			}
			header, payload, wantSig := splitVector(t, c)
			signed, err := jwtcore.Sign(header, payload, keys[0])
			if err != nil {
				t.Fatalf("Sign: %v", err)
			}
			alg, _ := jwtcore.LookupAlgorithm(signed.Alg)
			if !alg.Deterministic {
				verifyWithGolangJWT(t, signed, keys[0])
				return
			}
			if signed.SignatureB64 != wantSig {
				t.Errorf("signature = %s, want the published %s", signed.SignatureB64, wantSig)
			}
		})
	}
}

// verifyWithGolangJWT checks a randomised signature with golang-jwt's own
// signing method and the public key.
func verifyWithGolangJWT(t *testing.T, signed jwtcore.Signed, key jwtcore.Key) {
	t.Helper()
	alg, _ := jwtcore.LookupAlgorithm(signed.Alg)
	err := alg.SigningMethod().Verify(signed.SigningInput, signed.Signature, key.Public)
	if err != nil {
		t.Errorf("golang-jwt rejects the signature: %v", err)
	}
}

func TestSignSteps(t *testing.T) {
	header := []byte(`{"alg":"HS256","typ":"JWT"}`)
	payload := []byte(`{"sub":"1234567890","name":"John Doe","iat":1516239022}`)
	// A 32-byte secret that is in no list of published example secrets.
	key := jwtcore.Key{Type: jwtcore.KeyHMAC, Secret: []byte("steps-test-secret-0123456789abcdef")}
	signed, err := jwtcore.Sign(header, payload, key)
	if err != nil {
		t.Fatal(err)
	}
	if string(signed.HeaderJSON) != string(header) {
		t.Errorf("HeaderJSON = %s", signed.HeaderJSON)
	}
	if signed.HeaderB64 != "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" {
		t.Errorf("HeaderB64 = %s", signed.HeaderB64)
	}
	if signed.SigningInput != signed.HeaderB64+"."+signed.PayloadB64 {
		t.Errorf("SigningInput = %s", signed.SigningInput)
	}
	if signed.Token != signed.SigningInput+"."+signed.SignatureB64 {
		t.Errorf("Token = %s", signed.Token)
	}
	if len(signed.Signature) != 32 {
		t.Errorf("signature is %d bytes, want 32", len(signed.Signature))
	}
	if len(signed.Findings) != 0 {
		t.Errorf("unexpected findings: %v", signed.Findings)
	}
}

func TestSignRejects(t *testing.T) {
	hmac := jwtcore.Key{Type: jwtcore.KeyHMAC, Secret: make([]byte, 32)}
	ec256 := mustGenerate(t, "ES256")
	ec384 := mustGenerate(t, "ES384")
	rsaPublic := mustGenerate(t, "RS256")
	rsaPublic.Private = nil
	tests := []struct {
		name   string
		header string
		key    jwtcore.Key
		want   error
		words  string
	}{
		{name: "EC key for RS256", header: `{"alg":"RS256"}`, key: ec256,
			want: jwtcore.ErrKeyMismatch, words: "RS256 needs an RSA key, but the key is an EC key on P-256"},
		{name: "HMAC secret for ES256", header: `{"alg":"ES256"}`, key: hmac,
			want: jwtcore.ErrKeyMismatch, words: "HS256"},
		{name: "P-384 key for ES256", header: `{"alg":"ES256"}`, key: ec384,
			want: jwtcore.ErrKeyMismatch, words: "use ES384 with this key"},
		{name: "public key only", header: `{"alg":"RS256"}`, key: rsaPublic,
			want: jwtcore.ErrNoPrivateKey, words: "private key"},
		{name: "empty secret", header: `{"alg":"HS256"}`,
			key: jwtcore.Key{Type: jwtcore.KeyHMAC}, want: jwtcore.ErrNoPrivateKey},
		{name: "unknown alg", header: `{"alg":"HS257"}`, key: hmac,
			want: jwtcore.ErrUnknownAlgorithm, words: "HS256"},
		{name: "lowercase alg", header: `{"alg":"hs256"}`, key: hmac,
			want: jwtcore.ErrUnknownAlgorithm},
		{name: "missing alg", header: `{"typ":"JWT"}`, key: hmac,
			want: jwtcore.ErrInvalidHeader, words: `no "alg"`},
		{name: "alg not a string", header: `{"alg":256}`, key: hmac,
			want: jwtcore.ErrInvalidHeader, words: "not a JSON string"},
		{name: "header not an object", header: `["alg"]`, key: hmac,
			want: jwtcore.ErrInvalidHeader},
		{name: "header not JSON", header: `{"alg":"HS256"`, key: hmac,
			want: jwtcore.ErrInvalidHeader},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := jwtcore.Sign([]byte(tt.header), []byte(`{}`), tt.key)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.words) {
				t.Errorf("message %q does not contain %q", err, tt.words)
			}
		})
	}
}

func TestSignNone(t *testing.T) {
	signed, err := jwtcore.Sign([]byte(`{"alg":"none"}`), []byte(`{"sub":"x"}`), jwtcore.Key{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(signed.Token, ".") || len(signed.Signature) != 0 {
		t.Errorf("token = %s, want an empty signature segment", signed.Token)
	}
	if len(signed.Findings) != 1 || signed.Findings[0].Severity != jwtcore.SeverityDanger {
		t.Errorf("findings = %v, want one danger finding", signed.Findings)
	}
}

func TestSignWeakSecretFinding(t *testing.T) {
	key := jwtcore.Key{Type: jwtcore.KeyHMAC, Secret: []byte("secret")}
	signed, err := jwtcore.Sign([]byte(`{"alg":"HS256"}`), []byte(`{}`), key)
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]string{}
	for _, f := range signed.Findings {
		codes[f.Code] = f.Message
	}
	if !strings.Contains(codes["weak_secret"], "6 bytes") {
		t.Errorf("findings = %v, want weak_secret with the secret length", signed.Findings)
	}
	if _, ok := codes["weak_or_public_secret"]; !ok {
		t.Errorf("findings = %v, want weak_or_public_secret", signed.Findings)
	}
}

func TestSignRoundTripGolangJWT(t *testing.T) {
	for _, alg := range jwtcore.Algorithms() {
		if alg.Unsafe || alg.Name == "Ed25519" {
			continue // golang-jwt registers no "Ed25519" alg name
		}
		t.Run(alg.Name, func(t *testing.T) {
			key := mustGenerate(t, alg.Name)
			header := []byte(`{"alg":"` + alg.Name + `","typ":"JWT"}`)
			signed, err := jwtcore.Sign(header, []byte(`{"sub":"alice","n":1}`), key)
			if err != nil {
				t.Fatal(err)
			}
			verifyKey := key.Public
			if key.Type == jwtcore.KeyHMAC {
				verifyKey = key.Secret
			}
			token, err := jwt.Parse(signed.Token, func(*jwt.Token) (any, error) {
				return verifyKey, nil
			}, jwt.WithValidMethods([]string{alg.Name}))
			if err != nil {
				t.Fatalf("jwt.Parse: %v", err)
			}
			if sub, _ := token.Claims.GetSubject(); sub != "alice" {
				t.Errorf("sub = %q", sub)
			}
		})
	}
}

func mustGenerate(t testing.TB, alg string) jwtcore.Key {
	t.Helper()
	key, err := jwtcore.GenerateKey(alg, 0)
	if err != nil {
		t.Fatalf("GenerateKey(%s): %v", alg, err)
	}
	return key
}

func TestSignWithPrivateKeyOnly(t *testing.T) {
	key := mustGenerate(t, "ES384")
	key.Public = nil
	signed, err := jwtcore.Sign([]byte(`{"alg":"ES384"}`), []byte(`{}`), key)
	if err != nil {
		t.Fatalf("Sign: %v", err)
	}
	if len(signed.Signature) != 96 {
		t.Errorf("signature is %d bytes, want 96", len(signed.Signature))
	}
}
