package jwtcore

import (
	"errors"
	"strings"
	"testing"

	"github.com/golang-jwt/jwt/v5"
)

func TestParseKeysEmptyJWKS(t *testing.T) {
	for _, input := range []string{`{"keys":[]}`, `{"keys":null}`} {
		_, err := ParseKeys([]byte(input))
		if !errors.Is(err, ErrKeyFormat) {
			t.Errorf("ParseKeys(%s) error = %v, want ErrKeyFormat", input, err)
			continue
		}
		if !strings.Contains(err.Error(), "the JWKS has no keys") {
			t.Errorf("ParseKeys(%s) error does not say the set is empty: %v", input, err)
		}
		if strings.Contains(err.Error(), "<nil>") {
			t.Errorf("ParseKeys(%s) error contains <nil>: %v", input, err)
		}
	}
}

func TestVerifyJWKUseAndKeyOps(t *testing.T) {
	// The secret is "verify-use-test-secret-012345678" in base64url.
	const secret = "verify-use-test-secret-012345678"
	const k = `"k":"dmVyaWZ5LXVzZS10ZXN0LXNlY3JldC0wMTIzNDU2Nzg"`
	compact := signTestToken(t, jwt.SigningMethodHS256, []byte(secret), `{"sub":"a"}`)
	tests := map[string]struct {
		jwk      string
		verified bool
		mentions string
	}{
		"use enc":             {`{"kty":"oct",` + k + `,"use":"enc"}`, false, `use is "enc"`},
		"key_ops sign only":   {`{"kty":"oct",` + k + `,"key_ops":["sign"]}`, false, `key_ops ("sign") do not include "verify"`},
		"key_ops empty":       {`{"kty":"oct",` + k + `,"key_ops":[]}`, false, "key_ops is an empty array"},
		"use sig":             {`{"kty":"oct",` + k + `,"use":"sig"}`, true, ""},
		"key_ops with verify": {`{"kty":"oct",` + k + `,"key_ops":["sign","verify"]}`, true, ""},
		"no use or key_ops":   {`{"kty":"oct",` + k + `}`, true, ""},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			keys, err := ParseKeys([]byte(test.jwk))
			if err != nil {
				t.Fatalf("ParseKeys: %v", err)
			}
			token, _ := Decode(compact)
			result := Verify(token, VerifyOptions{Keys: keys, Now: checkTime})
			if result.SignatureValid() != test.verified {
				t.Errorf("SignatureValid() = %v, want %v; checks %+v", result.SignatureValid(), test.verified, result.Checks)
			}
			if !test.verified {
				requireFailedCheck(t, result, CheckKeyType, test.mentions)
			}
		})
	}
}

func TestJWKUseMismatch(t *testing.T) {
	tests := map[string]struct {
		key  Key
		want string
	}{
		"use enc":      {Key{Use: "enc"}, "for encryption"},
		"use unknown":  {Key{Use: "other"}, `only "sig" marks`},
		"key_ops none": {Key{Operations: []string{}}, "empty array"},
		"use sig":      {Key{Use: "sig", Operations: []string{"verify"}}, ""},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			got := jwkUseMismatch(test.key)
			if test.want == "" && got != "" {
				t.Errorf("jwkUseMismatch = %q, want empty", got)
			}
			if !strings.Contains(got, test.want) {
				t.Errorf("jwkUseMismatch = %q, want it to contain %q", got, test.want)
			}
		})
	}
}
