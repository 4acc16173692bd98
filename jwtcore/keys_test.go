package jwtcore

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
)

// testKeySet holds one private key of each type.
type testKeySet struct {
	rsa     *rsa.PrivateKey
	ec      *ecdsa.PrivateKey
	ed25519 ed25519.PrivateKey
}

// generatedKeys is generated once per test run, because RSA key
// generation is slow.
var generatedKeys = func() testKeySet {
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		panic(err)
	}
	_, edKey, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		panic(err)
	}
	return testKeySet{rsaKey, ecKey, edKey}
}()

func pemEncode(blockType string, der []byte) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: blockType, Bytes: der})
}

// mustDER panics on an encoding error, which only a bug in the test
// itself can cause.
func mustDER(der []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return der
}

func selfSignedCertificate(t *testing.T, signer crypto.Signer) []byte {
	t.Helper()
	template := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "jwtlab test"},
		NotBefore:    time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:     time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC),
	}
	return mustDER(x509.CreateCertificate(rand.Reader, template, template,
		signer.Public(), signer))
}

func TestParseKeysFormats(t *testing.T) {
	keys := generatedKeys
	spkiRSA := mustDER(x509.MarshalPKIXPublicKey(&keys.rsa.PublicKey))
	spkiEC := mustDER(x509.MarshalPKIXPublicKey(&keys.ec.PublicKey))
	spkiEd := mustDER(x509.MarshalPKIXPublicKey(keys.ed25519.Public()))
	pkcs8RSA := mustDER(x509.MarshalPKCS8PrivateKey(keys.rsa))
	pkcs8Ed := mustDER(x509.MarshalPKCS8PrivateKey(keys.ed25519))
	sec1 := mustDER(x509.MarshalECPrivateKey(keys.ec))
	certificate := selfSignedCertificate(t, keys.ec)
	wrappedBody := base64.StdEncoding.EncodeToString(spkiRSA)
	wrappedBody = wrappedBody[:64] + "\n" + wrappedBody[64:] + "\n"

	tests := map[string]struct {
		input      []byte
		keyType    KeyType
		private    bool
		format     string
		keyCount   int
		firstKeyID string
	}{
		"PEM SPKI RSA": {pemEncode("PUBLIC KEY", spkiRSA), KeyRSA, false,
			"PEM SPKI public key (RSA 2048)", 1, ""},
		"PEM SPKI EC": {pemEncode("PUBLIC KEY", spkiEC), KeyEC, false,
			"PEM SPKI public key (EC P-256)", 1, ""},
		"PEM SPKI Ed25519": {pemEncode("PUBLIC KEY", spkiEd), KeyEd25519, false,
			"PEM SPKI public key (Ed25519)", 1, ""},
		"PEM PKCS#1 public": {pemEncode("RSA PUBLIC KEY",
			x509.MarshalPKCS1PublicKey(&keys.rsa.PublicKey)), KeyRSA, false,
			"PEM PKCS#1 public key (RSA 2048)", 1, ""},
		"PEM PKCS#1 private": {pemEncode("RSA PRIVATE KEY",
			x509.MarshalPKCS1PrivateKey(keys.rsa)), KeyRSA, true,
			"PEM PKCS#1 private key (RSA 2048)", 1, ""},
		"PEM PKCS#8 RSA": {pemEncode("PRIVATE KEY", pkcs8RSA), KeyRSA, true,
			"PEM PKCS#8 private key (RSA 2048)", 1, ""},
		"PEM PKCS#8 Ed25519": {pemEncode("PRIVATE KEY", pkcs8Ed), KeyEd25519,
			true, "PEM PKCS#8 private key (Ed25519)", 1, ""},
		"PEM SEC1": {pemEncode("EC PRIVATE KEY", sec1), KeyEC, true,
			"PEM SEC1 private key (EC P-256)", 1, ""},
		"PEM SEC1 after EC PARAMETERS": {append(pemEncode("EC PARAMETERS",
			[]byte{6, 8, 42, 134, 72, 206, 61, 3, 1, 7}),
			pemEncode("EC PRIVATE KEY", sec1)...), KeyEC, true,
			"PEM SEC1 private key (EC P-256)", 1, ""},
		"PEM certificate": {pemEncode("CERTIFICATE", certificate), KeyEC,
			false, "PEM X.509 certificate (EC P-256)", 1, ""},
		"PEM two blocks": {append(pemEncode("PUBLIC KEY", spkiEd),
			pemEncode("PUBLIC KEY", spkiRSA)...), KeyEd25519, false,
			"PEM SPKI public key (Ed25519)", 2, ""},
		"PEM after text": {append([]byte("Bag Attributes\n    localKeyID: 01\n"),
			pemEncode("PUBLIC KEY", spkiEC)...), KeyEC, false,
			"PEM SPKI public key (EC P-256)", 1, ""},
		"DER SPKI": {spkiRSA, KeyRSA, false, "DER SPKI public key (RSA 2048)", 1, ""},
		"DER PKCS#8": {pkcs8Ed, KeyEd25519, true,
			"DER PKCS#8 private key (Ed25519)", 1, ""},
		"DER SEC1": {sec1, KeyEC, true, "DER SEC1 private key (EC P-256)", 1, ""},
		"DER certificate": {certificate, KeyEC, false,
			"DER X.509 certificate (EC P-256)", 1, ""},
		"bare PEM body": {[]byte(wrappedBody), KeyRSA, false,
			"PEM body without BEGIN/END lines: SPKI public key (RSA 2048)", 1, ""},
		"JWK EC": {jwkJSON(t, &keys.ec.PublicKey, "ec-1", ""), KeyEC, false,
			"JWK (EC P-256, kid ec-1)", 1, "ec-1"},
		"JWK RSA private": {jwkJSON(t, keys.rsa, "", "RS256"), KeyRSA, true,
			"JWK (RSA 2048)", 1, ""},
		"JWK oct": {[]byte(`{"kty":"oct","k":"c2VjcmV0","kid":"h"}`),
			KeyHMAC, false, "JWK (oct, 6 bytes, kid h)", 1, "h"},
		"JWKS": {[]byte(`{"keys":[` + string(jwkJSON(t, keys.ed25519.Public(),
			"ed", "")) + `,` + string(jwkJSON(t, &keys.rsa.PublicKey, "rsa",
			"")) + `]}`), KeyEd25519, false, "JWKS key 1 (Ed25519, kid ed)",
			2, "ed"},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			parsed, err := ParseKeys(test.input)
			if err != nil {
				t.Fatalf("ParseKeys: %v", err)
			}
			if len(parsed) != test.keyCount {
				t.Fatalf("got %d keys, want %d", len(parsed), test.keyCount)
			}
			first := parsed[0]
			if first.Type != test.keyType {
				t.Errorf("Type = %v, want %v", first.Type, test.keyType)
			}
			if (first.Private != nil) != test.private {
				t.Errorf("Private set = %v, want %v", first.Private != nil, test.private)
			}
			if first.Format != test.format {
				t.Errorf("Format = %q, want %q", first.Format, test.format)
			}
			if first.ID != test.firstKeyID {
				t.Errorf("ID = %q, want %q", first.ID, test.firstKeyID)
			}
			if first.Type != KeyHMAC && first.Public == nil {
				t.Error("Public is nil")
			}
		})
	}
}

func jwkJSON(t *testing.T, key any, kid, alg string) []byte {
	t.Helper()
	data, err := json.Marshal(jose.JSONWebKey{Key: key, KeyID: kid, Algorithm: alg})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParseKeysErrors(t *testing.T) {
	tests := map[string]struct {
		input    string
		mentions []string
	}{
		"empty": {"  \n", []string{"empty"}},
		"OpenSSH private key": {"-----BEGIN OPENSSH PRIVATE KEY-----\n" +
			"b3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n",
			[]string{`"OPENSSH PRIVATE KEY"`, "not supported", "key.pub, an OpenSSH public key line",
				"openssl genpkey", "rewrites the key file in place", "tried"}},
		"truncated OpenSSH public key": {"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA user@host",
			[]string{"OpenSSH public key 1 cannot be read"}},
		"encrypted PKCS#8": {"-----BEGIN ENCRYPTED PRIVATE KEY-----\n" +
			"MIIBvTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQI\n" +
			"-----END ENCRYPTED PRIVATE KEY-----\n",
			[]string{"encrypted", "openssl pkey"}},
		"plain text": {"my-hmac-secret-value",
			[]string{"20 bytes", "neither PEM", "secret"}},
		"bad PEM body": {"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
			[]string{"invalid PEM", "PUBLIC KEY"}},
		"bad JSON": {`{"kty":`, []string{"not valid JSON"}},
		"PEM without END line": {"-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYI\n",
			[]string{`starts with "-----BEGIN PUBLIC KEY"`, "tried"}},
		"JWK unknown kty": {`{"kty":"XYZ"}`, []string{"invalid JWK"}},
		"JWK secp256k1": {`{"kty":"EC","crv":"secp256k1","x":"AA","y":"AA"}`,
			[]string{"secp256k1", "ES256K"}},
		"JWKS with no readable key": {`{"keys":[{"kty":"XYZ"}]}`,
			[]string{"none could be read"}},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			keys, err := ParseKeys([]byte(test.input))
			if err == nil {
				t.Fatalf("ParseKeys returned %d keys and no error", len(keys))
			}
			if !errors.Is(err, ErrKeyFormat) {
				t.Errorf("error does not wrap ErrKeyFormat: %v", err)
			}
			for _, text := range test.mentions {
				if !strings.Contains(err.Error(), text) {
					t.Errorf("error does not mention %q: %v", text, err)
				}
			}
		})
	}
}

func TestParseKeysErrorHidesSecret(t *testing.T) {
	secret := "correct-horse-battery-staple"
	_, err := ParseKeys([]byte(secret))
	if err == nil {
		t.Fatal("ParseKeys accepted plain text")
	}
	if strings.Contains(err.Error(), "horse") {
		t.Errorf("error quotes the input: %v", err)
	}
}

func TestParseKeysSkipsUnreadableJWKSMember(t *testing.T) {
	input := `{"keys":[{"kty":"XYZ"},{"kty":"oct","k":"c2VjcmV0"}]}`
	keys, err := ParseKeys([]byte(input))
	if err != nil {
		t.Fatalf("ParseKeys: %v", err)
	}
	if len(keys) != 1 {
		t.Fatalf("got %d keys, want 1", len(keys))
	}
	if len(keys[0].Findings) != 1 || keys[0].Findings[0].Code != "jwks_key_skipped" {
		t.Errorf("Findings = %+v, want one jwks_key_skipped", keys[0].Findings)
	}
}

func FuzzParseKeys(f *testing.F) {
	f.Add([]byte("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"))
	f.Add([]byte(`{"keys":[{"kty":"oct","k":"c2VjcmV0"}]}`))
	f.Add([]byte(`{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}`))
	f.Add([]byte("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A"))
	f.Add([]byte{0x30, 0x82, 0x01, 0x22})
	f.Fuzz(func(t *testing.T, data []byte) {
		keys, err := ParseKeys(data)
		if err != nil {
			if !errors.Is(err, ErrKeyFormat) {
				t.Errorf("error does not wrap ErrKeyFormat: %v", err)
			}
			return
		}
		if len(keys) == 0 {
			t.Error("no keys and no error")
		}
		for _, key := range keys {
			if key.Type != KeyHMAC && key.Public == nil {
				t.Errorf("key %q has no public key", key.Format)
			}
		}
	})
}

func TestParseKeysSecp256k1Explained(t *testing.T) {
	c := loadVerifyCases(t)["bug_10_es256k_unlisted_alg"]
	inputs := map[string][]byte{"pem": []byte(*c.Key.PEM), "jwk": c.Key.JWK}
	for form, input := range inputs {
		_, err := ParseKeys(input)
		if err == nil {
			t.Errorf("%s: ParseKeys read a secp256k1 key", form)
			continue
		}
		if !strings.Contains(err.Error(), "secp256k1, used by ES256K") {
			t.Errorf("%s: error does not name the curve: %v", form, err)
		}
	}
}

func TestParseKeysEncryptionUseNoted(t *testing.T) {
	keys, err := ParseKeys([]byte(`{"kty":"oct","k":"c2VjcmV0","use":"enc"}`))
	if err != nil {
		t.Fatalf("ParseKeys: %v", err)
	}
	if findingByCode(keys[0].Findings, "jwk_use_enc") == nil {
		t.Errorf("Findings = %+v, want jwk_use_enc", keys[0].Findings)
	}
}
