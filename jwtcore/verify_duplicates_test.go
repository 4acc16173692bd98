package jwtcore

import (
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func TestVerifyDuplicateHeaderRejected(t *testing.T) {
	secret := []byte("duplicate-test-secret-0123456789")
	tests := map[string]struct {
		header   string
		mentions string
	}{
		"alg none then HS256": {`{"alg":"none","alg":"HS256"}`, `"alg"`},
		"kid twice":           {`{"alg":"HS256","kid":"a","kid":"b"}`, `"kid"`},
		"typ twice":           {`{"typ":"JWT","alg":"HS256","typ":"JWT"}`, `"typ"`},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			compact := signTestTokenWithHeader(t, jwt.SigningMethodHS256, secret, test.header, `{"sub":"a"}`)
			token, _ := Decode(compact)
			result := Verify(token, VerifyOptions{Keys: []Key{SecretFromText(string(secret))}, Now: checkTime})
			if result.SignatureValid() {
				t.Errorf("SignatureValid() = true, want false; checks %+v", result.Checks)
			}
			requireFailedCheck(t, result, CheckHeaderUnique, test.mentions)
			requireFailedCheck(t, result, CheckHeaderUnique, "first value")
		})
	}
}

func TestVerifyDuplicateAlgNoneFirst(t *testing.T) {
	// The header is {"alg":"none","alg":"HS256"}, signed with HS256.
	compact := "eyJhbGciOiJub25lIiwiYWxnIjoiSFMyNTYifQ.eyJzdWIiOiJhZG1pbiJ9." +
		"sBBlTgv67n4nGgGMz6Lh0b44yU5UspAscllNUvmv0tw"
	token, _ := Decode(compact)
	result := Verify(token, VerifyOptions{Keys: []Key{SecretFromText("secret")}, Now: checkTime})
	if result.SignatureValid() {
		t.Errorf("SignatureValid() = true, want false")
	}
	requireFailedCheck(t, result, CheckHeaderUnique, `"none"`)
}

func TestVerifyDuplicateClaims(t *testing.T) {
	now := time.Unix(1700000000, 0).UTC()
	tests := map[string]struct {
		payload string
		opts    VerifyOptions
		check   string
	}{
		"exp twice": {`{"exp":1600000000,"exp":1800000000}`, VerifyOptions{}, CheckExpiry},
		"nbf twice": {`{"nbf":1600000000,"nbf":1600000001}`, VerifyOptions{}, CheckNotBefore},
		"iat twice": {`{"iat":1600000000,"iat":1600000001}`, VerifyOptions{}, CheckIssuedAt},
		"iss twice": {`{"iss":"eve","iss":"joe"}`, VerifyOptions{Issuer: "joe"}, CheckIssuer},
		"aud twice": {`{"aud":"web","aud":"api"}`, VerifyOptions{Audience: "api"}, CheckAudience},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			token, _ := Decode(testCompact(`{"alg":"HS256"}`, test.payload, "c2ln"))
			opts := test.opts
			opts.Now = now
			result := Verify(token, opts)
			if result.ClaimsValid() {
				t.Errorf("ClaimsValid() = true, want false; checks %+v", result.Checks)
			}
			requireFailedCheck(t, Result{Checks: result.Checks}, test.check, "first value")
		})
	}
}

func TestVerifyDuplicateUncheckedClaim(t *testing.T) {
	token, _ := Decode(testCompact(`{"alg":"HS256"}`, `{"sub":"a","sub":"b","iss":"x","iss":"y"}`, "c2ln"))
	result := Verify(token, VerifyOptions{Now: checkTime})
	if !result.ClaimsValid() {
		t.Errorf("ClaimsValid() = false, want true; checks %+v", result.Checks)
	}
	if findingByCode(token.Findings, CodeDuplicateKeys) == nil {
		t.Errorf("no %s finding; findings %+v", CodeDuplicateKeys, token.Findings)
	}
}
