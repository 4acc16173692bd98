package jwtcore_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// jwtioToken is the HS256 example token jwt.io showed until 2023.
const jwtioToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." +
	"eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ." +
	"SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"

func TestNormalize(t *testing.T) {
	wrapped := jwtioToken[:40] + "\r\n" + jwtioToken[40:80] + "\r\n" + jwtioToken[80:]
	tests := map[string]struct {
		input string
		want  string
		codes []string
	}{
		"clean token": {
			input: jwtioToken, want: jwtioToken,
		},
		"bearer prefix": {
			input: "Bearer " + jwtioToken, want: jwtioToken,
			codes: []string{jwtcore.CodeBearerPrefix},
		},
		"lowercase bearer with tab": {
			input: "bearer\t" + jwtioToken, want: jwtioToken,
			codes: []string{jwtcore.CodeBearerPrefix},
		},
		"authorization header": {
			input: "Authorization: Bearer " + jwtioToken, want: jwtioToken,
			codes: []string{jwtcore.CodeAuthorizationHeader, jwtcore.CodeBearerPrefix},
		},
		"authorization header any case": {
			input: "AUTHORIZATION:bearer " + jwtioToken + "\n", want: jwtioToken,
			codes: []string{jwtcore.CodeWhitespace, jwtcore.CodeAuthorizationHeader, jwtcore.CodeBearerPrefix},
		},
		"double quotes": {
			input: `"` + jwtioToken + `"`, want: jwtioToken,
			codes: []string{jwtcore.CodeQuotes},
		},
		"single quotes": {
			input: "'" + jwtioToken + "'", want: jwtioToken,
			codes: []string{jwtcore.CodeQuotes},
		},
		"backticks": {
			input: "`" + jwtioToken + "`", want: jwtioToken,
			codes: []string{jwtcore.CodeQuotes},
		},
		"quoted bearer value": {
			input: ` "Bearer ` + jwtioToken + `" `, want: jwtioToken,
			codes: []string{jwtcore.CodeWhitespace, jwtcore.CodeQuotes, jwtcore.CodeBearerPrefix},
		},
		"trailing newline": {
			input: jwtioToken + "\n", want: jwtioToken,
			codes: []string{jwtcore.CodeWhitespace},
		},
		"wrapped with CRLF": {
			input: wrapped, want: jwtioToken,
			codes: []string{jwtcore.CodeInternalWhitespace},
		},
		"wrapped with LF and dots on own lines": {
			input: strings.ReplaceAll(jwtioToken, ".", "\n.\n"), want: jwtioToken,
			codes: []string{jwtcore.CodeInternalWhitespace},
		},
		"log line": {
			input: "2024-05-01T10:00:00Z INFO request token=" + jwtioToken + " user=5",
			want:  jwtioToken,
			codes: []string{jwtcore.CodeExtractedFromText},
		},
		"curl command": {
			input: `curl -H "Authorization: Bearer ` + jwtioToken + `" https://api.example.com/v1/me`,
			want:  jwtioToken,
			codes: []string{jwtcore.CodeExtractedFromText},
		},
		"json document": {
			input: `{"access":"` + jwtioToken + `","expires_in":3600}`,
			want:  jwtioToken,
			codes: []string{jwtcore.CodeExtractedFromText},
		},
		"sentence ending in a dot": {
			input: "the token is " + jwtioToken + ".",
			want:  jwtioToken,
			codes: []string{jwtcore.CodeExtractedFromText},
		},
		"unsecured token in text keeps its empty signature": {
			input: "token: eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0. done",
			want:  "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.",
			codes: []string{jwtcore.CodeExtractedFromText},
		},
		"stray character left for the decoder": {
			input: "eyJhbGciOiJIUzI1NiJ9.eyJz*dWIiOiIxIn0.sig",
			want:  "eyJhbGciOiJIUzI1NiJ9.eyJz*dWIiOiIxIn0.sig",
		},
		"whitespace only": {
			input: " \r\n\t ", want: "",
			codes: []string{jwtcore.CodeWhitespace},
		},
		"empty": {
			input: "", want: "",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got, findings := jwtcore.Normalize(tt.input)
			if got != tt.want {
				t.Errorf("token = %q, expected %q", got, tt.want)
			}
			codes := findingCodes(findings)
			slices.Sort(codes)
			want := slices.Clone(tt.codes)
			slices.Sort(want)
			if !slices.Equal(codes, want) {
				t.Errorf("finding codes = %v, expected %v", codes, want)
			}
		})
	}
}

func TestNormalizeKeepsUnencodedPayload(t *testing.T) {
	input := "eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19." +
		"This is the payload string!." +
		"ciks0B6Hs-amhOqxI5_iG6mPKnMDlWCb7J2Wu7mtIcg"
	got, findings := jwtcore.Normalize(input)
	if got != input {
		t.Errorf("token = %q, expected the input unchanged", got)
	}
	if len(findings) != 0 {
		t.Errorf("findings = %v, expected none", findings)
	}
}

func TestNormalizeLongQuoteRun(t *testing.T) {
	input := strings.Repeat(`"`, 100_000) + jwtioToken + strings.Repeat(`"`, 100_000)
	got, _ := jwtcore.Normalize(input)
	if got != jwtioToken {
		t.Errorf("token = %.60q..., expected the jwt.io token", got)
	}
}

func findingCodes(findings []jwtcore.Finding) []string {
	codes := make([]string, 0, len(findings))
	for _, f := range findings {
		codes = append(codes, f.Code)
	}
	return codes
}
