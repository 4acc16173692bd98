package jwtcore_test

import (
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"strings"
	"testing"

	"github.com/go-jose/go-jose/v4"

	"github.com/jwtlab/jwtlab/jwtcore"
)

func TestExportPEMRoundTrip(t *testing.T) {
	for _, alg := range []string{"RS256", "ES256", "ES384", "ES512", "EdDSA"} {
		t.Run(alg, func(t *testing.T) {
			key := mustGenerate(t, alg)
			private, err := jwtcore.PrivatePEM(key)
			if err != nil {
				t.Fatal(err)
			}
			block, _ := pem.Decode(private)
			if block == nil || block.Type != "PRIVATE KEY" {
				t.Fatalf("private PEM block = %v", block)
			}
			if _, err := x509.ParsePKCS8PrivateKey(block.Bytes); err != nil {
				t.Errorf("PKCS#8 does not parse: %v", err)
			}
			public, err := jwtcore.PublicPEM(key)
			if err != nil {
				t.Fatal(err)
			}
			block, _ = pem.Decode(public)
			if block == nil || block.Type != "PUBLIC KEY" {
				t.Fatalf("public PEM block = %v", block)
			}
			if _, err := x509.ParsePKIXPublicKey(block.Bytes); err != nil {
				t.Errorf("SPKI does not parse: %v", err)
			}
		})
	}
}

func TestExportJWK(t *testing.T) {
	for _, alg := range []string{"HS256", "RS256", "ES256", "EdDSA"} {
		t.Run(alg, func(t *testing.T) {
			key := mustGenerate(t, alg)
			private, err := jwtcore.PrivateJWK(key)
			if err != nil {
				t.Fatal(err)
			}
			var jwk jose.JSONWebKey
			if err := json.Unmarshal(private, &jwk); err != nil {
				t.Fatalf("private JWK does not parse: %v", err)
			}
			if jwk.IsPublic() {
				t.Error("private JWK has no private members")
			}
			if jwk.Algorithm != alg || jwk.Use != "sig" {
				t.Errorf("alg = %q, use = %q", jwk.Algorithm, jwk.Use)
			}
			if key.Type == jwtcore.KeyHMAC {
				return
			}
			public, err := jwtcore.PublicJWK(key)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(public), `"d"`) {
				t.Errorf("public JWK contains the private member d: %s", public)
			}
			if jwk.KeyID != key.ID {
				t.Errorf("kid = %q, want the thumbprint %q", jwk.KeyID, key.ID)
			}
		})
	}
}

func TestExportJWKS(t *testing.T) {
	keys := []jwtcore.Key{mustGenerate(t, "RS256"), mustGenerate(t, "ES256")}
	data, err := jwtcore.PublicJWKS(keys...)
	if err != nil {
		t.Fatal(err)
	}
	var set jose.JSONWebKeySet
	if err := json.Unmarshal(data, &set); err != nil {
		t.Fatalf("JWKS does not parse: %v", err)
	}
	if len(set.Keys) != 2 {
		t.Fatalf("JWKS has %d keys, want 2", len(set.Keys))
	}
	for i, jwk := range set.Keys {
		if !jwk.IsPublic() {
			t.Errorf("key %d is not public only", i)
		}
	}
}

// TestThumbprintRFC7638 checks the example of RFC 7638 section 3.1.
func TestThumbprintRFC7638(t *testing.T) {
	const n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"
	jwk := `{"kty":"RSA","n":"` + n + `","e":"AQAB","alg":"RS256","kid":"2011-04-29"}`
	var parsed jose.JSONWebKey
	if err := json.Unmarshal([]byte(jwk), &parsed); err != nil {
		t.Fatal(err)
	}
	key := jwtcore.Key{Type: jwtcore.KeyRSA, Public: parsed.Key}
	got, err := jwtcore.Thumbprint(key)
	if err != nil {
		t.Fatal(err)
	}
	if want := "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"; got != want {
		t.Errorf("thumbprint = %s, want %s", got, want)
	}
}

func TestExportRejects(t *testing.T) {
	secret := mustGenerate(t, "HS256")
	public := mustGenerate(t, "ES256")
	public.Private = nil
	tests := []struct {
		name   string
		export func() ([]byte, error)
		words  string
	}{
		{name: "HMAC private PEM", export: func() ([]byte, error) { return jwtcore.PrivatePEM(secret) }, words: "no PEM form"},
		{name: "HMAC public PEM", export: func() ([]byte, error) { return jwtcore.PublicPEM(secret) }, words: "no public key"},
		{name: "HMAC public JWK", export: func() ([]byte, error) { return jwtcore.PublicJWK(secret) }, words: "no public key"},
		{name: "HMAC in JWKS", export: func() ([]byte, error) { return jwtcore.PublicJWKS(secret) }, words: "no public key"},
		{name: "public-only private PEM", export: func() ([]byte, error) { return jwtcore.PrivatePEM(public) }, words: "public only"},
		{name: "public-only private JWK", export: func() ([]byte, error) { return jwtcore.PrivateJWK(public) }, words: "public only"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.export()
			if !errors.Is(err, jwtcore.ErrNotExportable) {
				t.Fatalf("err = %v, want ErrNotExportable", err)
			}
			if !strings.Contains(err.Error(), tt.words) {
				t.Errorf("message %q does not contain %q", err, tt.words)
			}
		})
	}
}
