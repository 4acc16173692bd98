package jwtcore

import (
	"strings"
	"testing"
	"time"
)

func TestCheckTimeWholeSeconds(t *testing.T) {
	now := time.Date(2026, 12, 4, 17, 4, 45, 627185245, time.UTC)
	token, _ := Decode(testCompact(`{"alg":"HS256"}`, `{"exp":1000000000}`, "c2ln"))
	result := Verify(token, VerifyOptions{Now: now})
	check := findCheck(result, CheckExpiry)
	if check == nil {
		t.Fatalf("no exp check in %+v", result.Checks)
	}
	if !strings.Contains(check.Message, "the check time 2026-12-04 17:04:45 UTC") {
		t.Errorf("message does not give the check time in whole seconds: %s", check.Message)
	}
}

func TestMessagesSingular(t *testing.T) {
	tests := map[string]struct {
		message string
		want    string
	}{
		"one segment": {func() string {
			token, _ := Decode("eyJhbGciOiJIUzI1NiJ9")
			return findCheck(Verify(token, VerifyOptions{Now: checkTime}), CheckForm).Message
		}(), "the token has 1 segment;"},
		"one-byte secret":  {SecretFromText("x").Format, "secret text (1 byte)"},
		"one-byte oct JWK": {mustParseKeys(t, `{"kty":"oct","k":"eA"}`)[0].Format, "oct, 1 byte"},
		"one signature character": {func() string {
			token, _ := Decode(testCompact(`{"alg":"none"}`, `{}`, "x"))
			return findCheck(Verify(token, VerifyOptions{Now: checkTime}), CheckAlgorithm).Message
		}(), "(1 character)"},
		"one padding character": {func() string {
			if _, err := Decode("eyJhbGciOiJIUzI1NiJ9.e30A=.c2ln"); err != nil {
				return err.Error()
			}
			return "no error"
		}(), "1 '=' padding character cannot fit"},
		"one key fits": {func() string {
			token, _ := Decode(testCompact(`{"alg":"HS256"}`, `{}`, "c2ln"))
			result := Verify(token, VerifyOptions{Keys: []Key{SecretFromText("x")}, Now: checkTime})
			return findCheck(result, CheckKeyType).Message
		}(), "the key fits alg HS256"},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			if !strings.Contains(test.message, test.want) {
				t.Errorf("message = %q, want it to contain %q", test.message, test.want)
			}
		})
	}
}

func mustParseKeys(t *testing.T, text string) []Key {
	t.Helper()
	keys, err := ParseKeys([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return keys
}
