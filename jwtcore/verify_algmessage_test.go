package jwtcore

import (
	"strings"
	"testing"
)

func TestAlgCheckMessageNamesScheme(t *testing.T) {
	tests := []struct {
		alg, want string
	}{
		{alg: "HS256", want: "HS256 is supported: HMAC with SHA-256"},
		{alg: "RS384", want: "RS384 is supported: RSA PKCS#1 v1.5 with SHA-384"},
		{alg: "PS512", want: "PS512 is supported: RSA-PSS with SHA-512 and MGF1"},
		{alg: "ES256", want: "ES256 is supported: ECDSA on P-256 with SHA-256"},
		{alg: "EdDSA", want: "EdDSA is supported: EdDSA with an Ed25519 key"},
		{alg: "Ed25519", want: "Ed25519 is supported: EdDSA with an Ed25519 key"},
	}
	for _, tt := range tests {
		t.Run(tt.alg, func(t *testing.T) {
			alg, ok := LookupAlgorithm(tt.alg)
			if !ok {
				t.Fatalf("alg %s is not in the catalogue", tt.alg)
			}
			got := algorithmCheckMessage(alg)
			if got != tt.want {
				t.Errorf("message = %q, want %q", got, tt.want)
			}
			for _, claim := range []string{"at least", "bits", "bytes"} {
				if strings.Contains(got, claim) {
					t.Errorf("message %q states a key size, which this check does not test", got)
				}
			}
		})
	}
}
