package jwtcore

import (
	"bytes"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"os"
	"strconv"
	"strings"
	"testing"
)

// signPSS signs a PS token with an explicit salt length, which golang-jwt
// cannot do.
func signPSS(t *testing.T, alg string, hash crypto.Hash, saltLength int) string {
	t.Helper()
	input := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"`+alg+`"}`)) + "." +
		base64.RawURLEncoding.EncodeToString([]byte(`{"sub":"x"}`))
	digest := hash.New()
	digest.Write([]byte(input))
	signature, err := rsa.SignPSS(rand.Reader, generatedKeys.rsa, hash, digest.Sum(nil),
		&rsa.PSSOptions{SaltLength: saltLength})
	if err != nil {
		t.Fatal(err)
	}
	return input + "." + base64.RawURLEncoding.EncodeToString(signature)
}

func TestVerifyPSSSaltLength(t *testing.T) {
	key := Key{Type: KeyRSA, Public: &generatedKeys.rsa.PublicKey}
	maxSalt := (generatedKeys.rsa.N.BitLen()+7)/8 - 2
	tests := map[string]struct {
		alg        string
		hash       crypto.Hash
		saltLength int
		verified   bool
		mentions   string
	}{
		"PS256 hash-size salt": {"PS256", crypto.SHA256, 32, true, "verifies"},
		"PS384 hash-size salt": {"PS384", crypto.SHA384, 48, true, "verifies"},
		"PS512 hash-size salt": {"PS512", crypto.SHA512, 64, true, "verifies"},
		"PS256 1-byte salt": {"PS256", crypto.SHA256, 1, false,
			"the salt is 1 byte, and RFC 7518 3.5 requires 32 (the SHA-256 size)"},
		"PS256 20-byte salt": {"PS256", crypto.SHA256, 20, false, "the salt is 20 bytes"},
		"PS512 longest salt": {"PS512", crypto.SHA512, maxSalt - 64, false,
			"the salt is " + strconv.Itoa(maxSalt-64) + " bytes"},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			token, _ := Decode(signPSS(t, test.alg, test.hash, test.saltLength))
			result := Verify(token, VerifyOptions{Keys: []Key{key}, Now: checkTime})
			if result.SignatureValid() != test.verified {
				t.Errorf("SignatureValid() = %v, want %v", result.SignatureValid(), test.verified)
			}
			check := findCheck(result, CheckSignature)
			if check == nil {
				t.Fatalf("no signature check in %+v", result.Checks)
			}
			if !strings.Contains(check.Message, test.mentions) {
				t.Errorf("signature check does not mention %q: %s", test.mentions, check.Message)
			}
		})
	}
}

func TestVerifyPSSWrongKeyNoSaltNote(t *testing.T) {
	other, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	token, _ := Decode(signPSS(t, "PS256", crypto.SHA256, 20))
	result := Verify(token, VerifyOptions{Keys: []Key{{Type: KeyRSA, Public: &other.PublicKey}}, Now: checkTime})
	if result.Status != StatusInvalid {
		t.Errorf("Status = %v, want invalid", result.Status)
	}
	if check := findCheck(result, CheckSignature); check == nil || strings.Contains(check.Message, "salt") {
		t.Errorf("signature check = %+v, want one without a salt note", check)
	}
}

func TestVerifyPSSEmptySalt(t *testing.T) {
	// Signed by another tool with a salt of 0 bytes. crypto/rsa reads a
	// salt length of 0 as "as long as possible" when signing, so it cannot
	// make this token.
	compact, err := os.ReadFile("testdata/pss/ps256_salt0.jwt")
	if err != nil {
		t.Fatal(err)
	}
	pem, err := os.ReadFile("testdata/pss/ps256_salt0.pub")
	if err != nil {
		t.Fatal(err)
	}
	keys, err := ParseKeys(pem)
	if err != nil {
		t.Fatal(err)
	}
	token, _ := Decode(string(compact))
	result := Verify(token, VerifyOptions{Keys: keys, Now: checkTime})
	if result.Status != StatusInvalid {
		t.Errorf("Status = %v, want invalid", result.Status)
	}
	requireFailedCheck(t, result, CheckSignature,
		"the salt is 0 bytes, and RFC 7518 3.5 requires 32 (the SHA-256 size)")
}

func FuzzPSSSaltLength(f *testing.F) {
	f.Add([]byte{})
	f.Add(make([]byte, 256))
	f.Add(bytes.Repeat([]byte{0xff}, 256))
	public := &generatedKeys.rsa.PublicKey
	f.Fuzz(func(t *testing.T, signature []byte) {
		length, ok := pssSaltLength(public, crypto.SHA256, signature)
		if ok && (length < 0 || length > (public.N.BitLen()+6)/8) {
			t.Errorf("salt length %d out of range", length)
		}
	})
}
