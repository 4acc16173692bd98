package jwtcore

import (
	"testing"

	"github.com/golang-jwt/jwt/v5"
)

func TestB64NotBoolean(t *testing.T) {
	secret := []byte("b64-test-secret-0123456789-01234")
	tests := map[string]struct {
		b64      string
		mentions string
	}{
		"string false": {`"false"`, `a string ("false")`},
		"zero":         {`0`, "0"},
		"null":         {`null`, "null"},
		"string true":  {`"true"`, `a string ("true")`},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			header := `{"alg":"HS256","crit":["b64"],"b64":` + test.b64 + `}`
			compact := signTestTokenWithHeader(t, jwt.SigningMethodHS256, secret, header, `{"sub":"a"}`)
			token, _ := Decode(compact)
			finding := findingByCode(token.Findings, CodeB64NotBoolean)
			if finding == nil {
				t.Fatalf("no %s finding; findings %+v", CodeB64NotBoolean, token.Findings)
			}
			result := Verify(token, VerifyOptions{Keys: []Key{SecretFromText(string(secret))}, Now: checkTime})
			if result.SignatureValid() {
				t.Errorf("SignatureValid() = true, want false")
			}
			requireFailedCheck(t, result, CheckCrit, test.mentions)
			requireFailedCheck(t, result, CheckCrit, "not a JSON boolean")
		})
	}
}

func TestB64BooleanAccepted(t *testing.T) {
	secret := []byte("b64-test-secret-0123456789-01234")
	compact := signTestTokenWithHeader(t, jwt.SigningMethodHS256, secret,
		`{"alg":"HS256","crit":["b64"],"b64":true}`, `{"sub":"a"}`)
	token, _ := Decode(compact)
	if finding := findingByCode(token.Findings, CodeB64NotBoolean); finding != nil {
		t.Errorf("unexpected finding %+v", finding)
	}
	result := Verify(token, VerifyOptions{Keys: []Key{SecretFromText(string(secret))}, Now: checkTime})
	if !result.SignatureValid() {
		t.Errorf("SignatureValid() = false, want true; checks %+v", result.Checks)
	}
}
