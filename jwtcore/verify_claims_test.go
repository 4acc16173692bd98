package jwtcore

import (
	"strings"
	"testing"
	"time"
)

// claimsToken returns a token whose payload has the given members, each
// a name and a raw JSON literal.
func claimsToken(members ...string) *Token {
	object := &Object{}
	for i := 0; i+1 < len(members); i += 2 {
		object.Members = append(object.Members, Member{Name: members[i], Value: []byte(members[i+1])})
	}
	return &Token{Payload: Payload{Object: object}}
}

func TestCheckClaims(t *testing.T) {
	// 1300819380 is 2011-03-22 18:43:00 UTC, the exp of RFC 7519 3.1.
	now := time.Unix(1300819380, 0).UTC()
	tests := map[string]struct {
		members  []string
		opts     VerifyOptions
		check    string
		ok       bool
		mentions string
	}{
		"exp in future": {[]string{"exp", "1300819381"}, VerifyOptions{},
			CheckExpiry, true, "expires at 2011-03-22 18:43:01 UTC, 1 second after the check time"},
		"exp equal to now": {[]string{"exp", "1300819380"}, VerifyOptions{},
			CheckExpiry, false, "token expired at 2011-03-22 18:43:00 UTC"},
		"exp long past": {[]string{"exp", "1300819380"},
			VerifyOptions{Now: time.Date(2026, 12, 4, 16, 0, 0, 0, time.UTC)},
			CheckExpiry, false, "15 years before the check time 2026-12-04 16:00:00 UTC"},
		"exp within leeway": {[]string{"exp", "1300819370"},
			VerifyOptions{Leeway: 30 * time.Second}, CheckExpiry, true, "10 seconds"},
		"exp past leeway": {[]string{"exp", "1300819340"},
			VerifyOptions{Leeway: 30 * time.Second}, CheckExpiry, false, "beyond the leeway of 30 seconds"},
		"exp fraction": {[]string{"exp", "1300819380.5"}, VerifyOptions{},
			CheckExpiry, true, "18:43:00.5 UTC"},
		"exp absent": {[]string{"sub", `"a"`}, VerifyOptions{},
			CheckExpiry, true, "never expires"},
		"exp string": {[]string{"exp", `"1300819390"`}, VerifyOptions{},
			CheckExpiry, false, `a string ("1300819390"), not a number`},
		"exp out of range": {[]string{"exp", "1.5e400"}, VerifyOptions{},
			CheckExpiry, false, "out of range"},
		"exp milliseconds": {[]string{"exp", "1300819380000"}, VerifyOptions{},
			CheckExpiry, true, "looks like milliseconds"},
		"exp beyond year 9999": {[]string{"exp", "1e15"}, VerifyOptions{},
			CheckExpiry, true, "outside the years 1 to 9999"},
		"nbf in future": {[]string{"nbf", "1300826580"}, VerifyOptions{},
			CheckNotBefore, false, "not valid before 2011-03-22 20:43:00 UTC, 2 hours after"},
		"nbf within leeway": {[]string{"nbf", "1300819390"},
			VerifyOptions{Leeway: time.Minute}, CheckNotBefore, true, "10 seconds after the check time"},
		"iat in future": {[]string{"iat", "1300905780"}, VerifyOptions{},
			CheckIssuedAt, false, "1 day after the check time"},
		"iat in past": {[]string{"iat", "1300819000"}, VerifyOptions{},
			CheckIssuedAt, true, "6 minutes before"},
		"iss match": {[]string{"iss", `"joe"`}, VerifyOptions{Issuer: "joe"},
			CheckIssuer, true, `"joe" as expected`},
		"iss mismatch": {[]string{"iss", `"eve"`}, VerifyOptions{Issuer: "joe"},
			CheckIssuer, false, `iss is "eve"; expected "joe"`},
		"iss missing": {[]string{"sub", `"a"`}, VerifyOptions{Issuer: "joe"},
			CheckIssuer, false, "no iss claim"},
		"iss number": {[]string{"iss", "7"}, VerifyOptions{Issuer: "joe"},
			CheckIssuer, false, "not a string"},
		"aud string": {[]string{"aud", `"api"`}, VerifyOptions{Audience: "api"},
			CheckAudience, true, `contains "api"`},
		"aud array": {[]string{"aud", `["web","api"]`}, VerifyOptions{Audience: "api"},
			CheckAudience, true, `contains "api"`},
		"aud mismatch": {[]string{"aud", `["web"]`}, VerifyOptions{Audience: "api"},
			CheckAudience, false, `aud is ["web"], which does not contain "api"`},
		"aud object": {[]string{"aud", `{"a":1}`}, VerifyOptions{Audience: "api"},
			CheckAudience, false, "neither a string nor an array"},
		"aud missing": {[]string{"sub", `"a"`}, VerifyOptions{Audience: "api"},
			CheckAudience, false, "no aud claim"},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			opts := test.opts
			if opts.Now.IsZero() {
				opts.Now = now
			}
			checks := checkClaims(claimsToken(test.members...), opts)
			var found *Check
			for i := range checks {
				if checks[i].Name == test.check {
					found = &checks[i]
				}
			}
			if found == nil {
				t.Fatalf("no %s check in %+v", test.check, checks)
			}
			if found.OK != test.ok {
				t.Errorf("OK = %v, want %v: %s", found.OK, test.ok, found.Message)
			}
			if found.Group != GroupClaims {
				t.Errorf("Group = %q, want %q", found.Group, GroupClaims)
			}
			if !strings.Contains(found.Message, test.mentions) {
				t.Errorf("message does not mention %q: %s", test.mentions, found.Message)
			}
		})
	}
}

func TestCheckClaimsNonJSONPayload(t *testing.T) {
	token := &Token{Payload: Payload{Bytes: []byte("plain text")}}
	if checks := checkClaims(token, VerifyOptions{}); len(checks) != 0 {
		t.Fatalf("checks = %+v, want none: no claim can be checked", checks)
	}
	result := Verify(token, VerifyOptions{})
	if result.ClaimsChecked() {
		t.Error("ClaimsChecked() = true for a payload that is not JSON")
	}
	var found *Finding
	for i := range result.Findings {
		if result.Findings[i].Code == CodeClaimsNotChecked {
			found = &result.Findings[i]
		}
	}
	if found == nil {
		t.Fatalf("no %s finding in %+v", CodeClaimsNotChecked, result.Findings)
	}
	if !strings.Contains(found.Message, "not a JSON object") {
		t.Errorf("message = %q", found.Message)
	}
}

func TestResultVerdicts(t *testing.T) {
	expired := Check{Group: GroupClaims, Name: CheckExpiry}
	passed := Check{Group: GroupSignature, Name: CheckSignature, OK: true}
	tests := map[string]struct {
		result                     Result
		signature, claims, overall bool
	}{
		"verified, claims fine": {Result{Status: StatusVerified, Checks: []Check{passed}}, true, true, true},
		"verified, expired":     {Result{Status: StatusVerified, Checks: []Check{passed, expired}}, true, false, false},
		"invalid":               {Result{Status: StatusInvalid}, false, true, false},
		"unsigned":              {Result{Status: StatusUnsigned}, false, true, false},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			if got := test.result.SignatureValid(); got != test.signature {
				t.Errorf("SignatureValid() = %v, want %v", got, test.signature)
			}
			if got := test.result.ClaimsValid(); got != test.claims {
				t.Errorf("ClaimsValid() = %v, want %v", got, test.claims)
			}
			if got := test.result.Valid(); got != test.overall {
				t.Errorf("Valid() = %v, want %v", got, test.overall)
			}
		})
	}
}

func TestDescribeSpan(t *testing.T) {
	tests := map[float64]string{
		0:                  "0 seconds",
		1:                  "1 second",
		59:                 "59 seconds",
		60:                 "1 minute",
		7200:               "2 hours",
		86400:              "1 day",
		40 * 86400:         "40 days",
		90 * 86400:         "2 months",
		15.7 * 365 * 86400: "15 years",
	}
	for seconds, want := range tests {
		if got := describeSpan(seconds); got != want {
			t.Errorf("describeSpan(%v) = %q, want %q", seconds, got, want)
		}
	}
}

func TestCheckClaimsZeroTime(t *testing.T) {
	checks := checkClaims(claimsToken("exp", "1300819380", "iat", "1300819000"), VerifyOptions{})
	if !checks[0].OK {
		t.Errorf("exp check at the zero time failed: %s", checks[0].Message)
	}
	if checks[1].OK {
		t.Errorf("iat check at the zero time passed: %s", checks[1].Message)
	}
}
