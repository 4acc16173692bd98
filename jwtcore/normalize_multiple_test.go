package jwtcore_test

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// otherToken is a second compact JWS, different from jwtioToken.
const otherToken = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJvdGhlciJ9."

func TestNormalizeMultipleTokens(t *testing.T) {
	tests := map[string]struct {
		input string
		count string
	}{
		"OAuth response": {`{"id_token":"` + jwtioToken + `","access_token":"` + otherToken + `"}`, "2 tokens"},
		"three in a log": {"a=" + jwtioToken + " b=" + otherToken + " c=" + jwtioToken, "3 tokens"},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			got, findings := jwtcore.Normalize(test.input)
			if got != jwtioToken {
				t.Errorf("Normalize = %q, want the first token %q", got, jwtioToken)
			}
			var found *jwtcore.Finding
			for i := range findings {
				if findings[i].Code == jwtcore.CodeMultipleTokens {
					found = &findings[i]
				}
			}
			if found == nil {
				t.Fatalf("no %s finding in %+v", jwtcore.CodeMultipleTokens, findings)
			}
			if !strings.Contains(found.Message, test.count) {
				t.Errorf("message does not give %q: %s", test.count, found.Message)
			}
			if !strings.Contains(found.Message, "paste that token alone") {
				t.Errorf("message does not say how to pick another: %s", found.Message)
			}
		})
	}
}

func TestNormalizeOneTokenInText(t *testing.T) {
	_, findings := jwtcore.Normalize(`{"access_token":"` + jwtioToken + `","token_type":"Bearer"}`)
	for _, finding := range findings {
		if finding.Code == jwtcore.CodeMultipleTokens {
			t.Errorf("unexpected finding %+v", finding)
		}
	}
}

func TestReportJSONListsInputFindings(t *testing.T) {
	secret := jwtcore.SecretFromText("your-256-bit-secret")
	for _, opts := range []jwtcore.InspectOptions{
		{Now: time.Unix(1516239022, 0)},
		{Now: time.Unix(1516239022, 0), Verify: &jwtcore.VerifyOptions{Keys: []jwtcore.Key{secret}}},
	} {
		report := jwtcore.Inspect(` "Bearer `+jwtioToken+`" `, opts)
		data, err := report.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var out struct {
			Warnings []struct{ Code string } `json:"warnings"`
		}
		if err := json.Unmarshal(data, &out); err != nil {
			t.Fatal(err)
		}
		codes := map[string]bool{}
		for _, warning := range out.Warnings {
			codes[warning.Code] = true
		}
		for _, code := range []string{jwtcore.CodeWhitespace, jwtcore.CodeQuotes, jwtcore.CodeBearerPrefix} {
			if !codes[code] {
				t.Errorf("verify %v: warnings lack %s: %v", opts.Verify != nil, code, out.Warnings)
			}
		}
	}
}

func TestLintNegativeLifetime(t *testing.T) {
	token, _ := jwtcore.Decode(base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"HS256"}`)) + "." +
		base64.RawURLEncoding.EncodeToString([]byte(`{"iat":1700000060,"exp":1700000000}`)) + ".c2ln")
	findings := jwtcore.Lint(token, time.Unix(1700000000, 0))
	for _, finding := range findings {
		if finding.Code == jwtcore.CodeNegativeLifetime {
			if !strings.Contains(finding.Message, "exp is 1 minute earlier than iat") {
				t.Errorf("message = %q", finding.Message)
			}
			return
		}
	}
	t.Errorf("no %s finding in %+v", jwtcore.CodeNegativeLifetime, findings)
}
