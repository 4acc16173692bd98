package jwtcore

import (
	"crypto"
	"testing"

	"github.com/golang-jwt/jwt/v5"
)

func TestLookupAlgorithm(t *testing.T) {
	tests := map[string]struct {
		keyType       KeyType
		hash          crypto.Hash
		signatureSize int
		method        jwt.SigningMethod
	}{
		"HS256":   {KeyHMAC, crypto.SHA256, 32, jwt.SigningMethodHS256},
		"HS512":   {KeyHMAC, crypto.SHA512, 64, jwt.SigningMethodHS512},
		"RS384":   {KeyRSA, crypto.SHA384, 0, jwt.SigningMethodRS384},
		"PS256":   {KeyRSA, crypto.SHA256, 0, strictPS256},
		"ES256":   {KeyEC, crypto.SHA256, 64, jwt.SigningMethodES256},
		"ES384":   {KeyEC, crypto.SHA384, 96, jwt.SigningMethodES384},
		"ES512":   {KeyEC, crypto.SHA512, 132, jwt.SigningMethodES512},
		"EdDSA":   {KeyEd25519, crypto.SHA512, 64, jwt.SigningMethodEdDSA},
		"Ed25519": {KeyEd25519, crypto.SHA512, 64, jwt.SigningMethodEdDSA},
		"none":    {KeyNone, 0, 0, jwt.SigningMethodNone},
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			alg, ok := LookupAlgorithm(name)
			if !ok {
				t.Fatalf("LookupAlgorithm(%q) found nothing", name)
			}
			if alg.KeyType != want.keyType {
				t.Errorf("KeyType = %v, want %v", alg.KeyType, want.keyType)
			}
			if alg.Hash != want.hash {
				t.Errorf("Hash = %v, want %v", alg.Hash, want.hash)
			}
			if alg.SignatureSize != want.signatureSize {
				t.Errorf("SignatureSize = %d, want %d", alg.SignatureSize, want.signatureSize)
			}
			if alg.SigningMethod() != want.method {
				t.Errorf("SigningMethod() = %v, want %v", alg.SigningMethod(), want.method)
			}
			if alg.Summary == "" {
				t.Error("Summary is empty")
			}
		})
	}
}

func TestLookupAlgorithmRejectsUnknown(t *testing.T) {
	for _, name := range []string{"hs256", "ES256K", "RS1", "", "None"} {
		if _, ok := LookupAlgorithm(name); ok {
			t.Errorf("LookupAlgorithm(%q) found an entry", name)
		}
	}
}

func TestAlgorithmsReturnsCopy(t *testing.T) {
	first := Algorithms()
	first[0].Name = "changed"
	if Algorithms()[0].Name != "HS256" {
		t.Error("changing the returned slice changed the catalogue")
	}
	if len(first) != 15 {
		t.Errorf("len(Algorithms()) = %d, want 15", len(first))
	}
}

func TestNoneIsUnsafe(t *testing.T) {
	for _, alg := range Algorithms() {
		if alg.Unsafe != (alg.Name == "none") {
			t.Errorf("%s: Unsafe = %v", alg.Name, alg.Unsafe)
		}
	}
}
