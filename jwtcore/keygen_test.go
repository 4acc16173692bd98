package jwtcore_test

import (
	"crypto/ecdsa"
	"crypto/rsa"
	"encoding/base64"
	"regexp"
	"strings"
	"testing"

	"github.com/jwtlab/jwtlab/jwtcore"
)

func TestGenerateKeySizes(t *testing.T) {
	tests := []struct {
		alg      string
		bits     int
		wantType jwtcore.KeyType
		wantBits int
	}{
		{alg: "HS256", wantType: jwtcore.KeyHMAC, wantBits: 256},
		{alg: "HS384", wantType: jwtcore.KeyHMAC, wantBits: 384},
		{alg: "HS512", wantType: jwtcore.KeyHMAC, wantBits: 512},
		{alg: "HS256", bits: 512, wantType: jwtcore.KeyHMAC, wantBits: 512},
		{alg: "RS256", wantType: jwtcore.KeyRSA, wantBits: 2048},
		{alg: "PS384", bits: 3072, wantType: jwtcore.KeyRSA, wantBits: 3072},
		{alg: "ES256", wantType: jwtcore.KeyEC, wantBits: 256},
		{alg: "ES384", bits: 384, wantType: jwtcore.KeyEC, wantBits: 384},
		{alg: "ES512", wantType: jwtcore.KeyEC, wantBits: 521},
		{alg: "EdDSA", wantType: jwtcore.KeyEd25519, wantBits: 256},
		{alg: "Ed25519", bits: 256, wantType: jwtcore.KeyEd25519, wantBits: 256},
	}
	for _, tt := range tests {
		t.Run(tt.alg, func(t *testing.T) {
			key, err := jwtcore.GenerateKey(tt.alg, tt.bits)
			if err != nil {
				t.Fatal(err)
			}
			if key.Type != tt.wantType {
				t.Errorf("type = %v, want %v", key.Type, tt.wantType)
			}
			if got := generatedBits(key); got != tt.wantBits {
				t.Errorf("size = %d bits, want %d", got, tt.wantBits)
			}
			if key.Alg != tt.alg {
				t.Errorf("Alg = %q, want %q", key.Alg, tt.alg)
			}
			if (key.ID == "") != (key.Type == jwtcore.KeyHMAC) {
				t.Errorf("ID = %q: want a thumbprint for asymmetric keys only", key.ID)
			}
		})
	}
}

func generatedBits(key jwtcore.Key) int {
	switch k := key.Public.(type) {
	case *rsa.PublicKey:
		return k.N.BitLen()
	case *ecdsa.PublicKey:
		return k.Curve.Params().BitSize
	}
	if key.Type == jwtcore.KeyEd25519 {
		return 256
	}
	return len(key.Secret) * 8
}

func TestGenerateKeyRejects(t *testing.T) {
	tests := []struct {
		alg   string
		bits  int
		words string
	}{
		{alg: "HS256", bits: 128, words: "at least 256 bits"},
		{alg: "HS256", bits: 260, words: "multiple of 8"},
		{alg: "HS512", bits: 8192, words: "maximum is 4096"},
		{alg: "RS256", bits: 1024, words: "use 2048, 3072 or 4096"},
		{alg: "RS256", bits: 2047, words: "use 2048, 3072 or 4096"},
		{alg: "ES256", bits: 384, words: "leave the size out"},
		{alg: "EdDSA", bits: 448, words: "always 256 bits"},
		{alg: "none", words: "takes no key"},
		{alg: "RS1", words: "unknown algorithm"},
	}
	for _, tt := range tests {
		t.Run(tt.alg, func(t *testing.T) {
			_, err := jwtcore.GenerateKey(tt.alg, tt.bits)
			if err == nil {
				t.Fatal("err = nil")
			}
			if !strings.Contains(err.Error(), tt.words) {
				t.Errorf("message %q does not contain %q", err, tt.words)
			}
		})
	}
}

func TestGenerateKeyIsRandom(t *testing.T) {
	a := mustGenerate(t, "HS256")
	b := mustGenerate(t, "HS256")
	if string(a.Secret) == string(b.Secret) {
		t.Error("two generated secrets are equal")
	}
}

func TestNewJTI(t *testing.T) {
	id := jwtcore.NewJTI()
	raw, err := base64.RawURLEncoding.DecodeString(id)
	if err != nil {
		t.Fatalf("jti %q is not base64url: %v", id, err)
	}
	if len(raw) != 16 {
		t.Errorf("jti has %d bytes, want 16", len(raw))
	}
	if jwtcore.NewJTI() == id {
		t.Error("two jti values are equal")
	}
}

func TestNewUUID(t *testing.T) {
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	for range 20 {
		if id := jwtcore.NewUUID(); !uuid.MatchString(id) {
			t.Fatalf("%q is not a version 4 UUID", id)
		}
	}
}
