package jwtcore_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// decodeCase is the part of a case file that decoding tests read.
type decodeCase struct {
	Source string  `json:"source"`
	Token  *string `json:"token"`
	Expect struct {
		Header      json.RawMessage   `json:"header"`
		Payload     json.RawMessage   `json:"payload"`
		HeaderText  *string           `json:"header_text"`
		PayloadText *string           `json:"payload_text"`
		ErrorKind   *string           `json:"error_kind"`
		Warnings    []string          `json:"warnings"`
		TimesUTC    map[string]string `json:"times_utc"`
	} `json:"expect"`
}

// caseNow is the moment the case expectations about expiry hold at.
var caseNow = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// decodeErrorKinds maps the error_kind labels that decoding alone can
// establish to DecodeError codes. Other labels are verification results.
var decodeErrorKinds = map[string]string{
	"wrong_segment_count": "wrong_segment_count",
	"invalid_base64url":   "invalid_base64url",
	"header_not_json":     "header_not_json",
	"empty_input":         "empty_input",
}

// warningCodes maps the expect.warnings labels to finding codes. An
// empty code marks a label the verifier's tests check.
var warningCodes = map[string]string{
	"alg_ed25519_new_name":                  jwtcore.CodeAlgEd25519,
	"alg_none":                              jwtcore.CodeAlgNone,
	"alg_not_supported_by_all_tools":        jwtcore.CodeAlgUnsupported,
	"algorithm_confusion":                   "",
	"base64_padding":                        jwtcore.CodeBase64Padding,
	"crit_b64":                              jwtcore.CodeCritB64,
	"crit_present":                          jwtcore.CodeCritPresent,
	"detached_payload":                      jwtcore.CodeDetachedPayload,
	"duplicate_json_keys":                   jwtcore.CodeDuplicateKeys,
	"encrypted_payload":                     jwtcore.CodeJWE,
	"exp_looks_like_milliseconds":           "exp_looks_like_milliseconds",
	"exp_not_number":                        "exp_not_number",
	"expired":                               jwtcore.CodeExpired,
	"fractional_numericdate":                jwtcore.CodeFractionalDate,
	"iat_in_future":                         jwtcore.CodeIatInFuture,
	"input_normalized_authorization_header": jwtcore.CodeAuthorizationHeader,
	"input_normalized_bearer_prefix":        jwtcore.CodeBearerPrefix,
	"input_normalized_internal_whitespace":  jwtcore.CodeInternalWhitespace,
	"input_normalized_quotes":               jwtcore.CodeQuotes,
	"input_normalized_whitespace":           jwtcore.CodeWhitespace,
	"integer_beyond_float64_precision":      jwtcore.CodeImpreciseInteger,
	"jku_present":                           jwtcore.CodeJkuPresent,
	"jwe_iv_length_unusual":                 jwtcore.CodeJWEIVLength,
	"jwe_tag_length_unusual":                jwtcore.CodeJWETagLength,
	"jwk_in_header":                         jwtcore.CodeJwkInHeader,
	"noncanonical_base64url":                jwtcore.CodeNoncanonicalBase64,
	"not_yet_valid":                         jwtcore.CodeNotYetValid,
	"number_out_of_float64_range":           jwtcore.CodeNumberOutOfRange,
	"payload_missing":                       jwtcore.CodePayloadMissing,
	"payload_not_json":                      jwtcore.CodePayloadNotJSON,
	"remote_key_reference":                  jwtcore.CodeJkuPresent,
	"secret_trailing_newline_near_miss":     "",
	"signature_missing":                     jwtcore.CodeSignatureMissing,
	"signature_not_checked":                 "",
	"standard_base64_alphabet":              jwtcore.CodeStandardBase64,
	"sub_not_string":                        jwtcore.CodeSubNotString,
	"very_large_token":                      jwtcore.CodeVeryLargeToken,
	"very_long_lifetime":                    jwtcore.CodeVeryLongLifetime,
	"weak_or_public_secret":                 "",
	"weak_secret":                           "",
	"x5u_present":                           jwtcore.CodeX5uPresent,
}

func loadDecodeCases(t testing.TB) map[string]decodeCase {
	t.Helper()
	paths, err := filepath.Glob("testdata/cases/*/*.json")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no case files found: %v", err)
	}
	cases := map[string]decodeCase{}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var c decodeCase
		if err := json.Unmarshal(data, &c); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		cases[strings.TrimSuffix(filepath.Base(path), ".json")] = c
	}
	return cases
}

func TestDecodeCases(t *testing.T) {
	for name, c := range loadDecodeCases(t) {
		if c.Token == nil {
			continue
		}
		t.Run(name, func(t *testing.T) {
			tok, err := jwtcore.Decode(*c.Token)
			checkDecodeError(t, c, tok, err)
			if tok == nil {
				return
			}
			checkText(t, "header", c.Expect.HeaderText, c.Expect.Header, tok.Header.Text)
			if tok.Form != jwtcore.FormJWE && !tok.Payload.Detached {
				checkText(t, "payload", c.Expect.PayloadText, c.Expect.Payload, tok.Payload.Bytes)
			}
		})
	}
}

func checkDecodeError(t *testing.T, c decodeCase, tok *jwtcore.Token, err error) {
	t.Helper()
	kind := ""
	if c.Expect.ErrorKind != nil {
		kind = *c.Expect.ErrorKind
	}
	if kind == "jwe_not_jws" {
		if tok == nil || tok.Form != jwtcore.FormJWE {
			t.Errorf("form is not JWE for a five-part token")
		}
	}
	want, isDecodeKind := decodeErrorKinds[kind]
	if !isDecodeKind {
		if err != nil {
			t.Errorf("Decode error %q, expected none", err)
		}
		return
	}
	var decodeErr *jwtcore.DecodeError
	if !errors.As(err, &decodeErr) {
		t.Fatalf("Decode error = %v, expected a *DecodeError with code %s", err, want)
	}
	if decodeErr.Code() != want {
		t.Errorf("error code = %s, expected %s (%v)", decodeErr.Code(), want, err)
	}
}

// checkText compares decoded bytes with the exact text when the case
// gives one, and otherwise with the JSON value the case gives.
func checkText(t *testing.T, part string, text *string, value json.RawMessage, got []byte) {
	t.Helper()
	if text != nil {
		if string(got) != *text {
			t.Errorf("%s = %q, expected %q", part, got, *text)
		}
		return
	}
	if len(value) == 0 || string(value) == "null" {
		return
	}
	var want, have any
	if err := json.Unmarshal(value, &want); err != nil {
		t.Fatalf("expected %s: %v", part, err)
	}
	if err := json.Unmarshal(got, &have); err != nil {
		t.Fatalf("decoded %s %q is not JSON: %v", part, got, err)
	}
	if !reflect.DeepEqual(want, have) {
		t.Errorf("%s = %s, expected %s", part, got, value)
	}
}

func TestInspectCaseWarnings(t *testing.T) {
	for name, c := range loadDecodeCases(t) {
		if c.Token == nil {
			continue
		}
		t.Run(name, func(t *testing.T) {
			report := jwtcore.Inspect(*c.Token, jwtcore.InspectOptions{Now: caseNow})
			var codes []string
			for _, f := range report.Findings {
				codes = append(codes, f.Code)
			}
			for _, label := range c.Expect.Warnings {
				code, known := warningCodes[label]
				if !known {
					t.Errorf("warning label %q has no finding code in warningCodes", label)
					continue
				}
				// The content of a detached payload is not in the token.
				detachedContent := code == jwtcore.CodePayloadNotJSON && report.Token.Payload.Detached
				if code != "" && !detachedContent && !slices.Contains(codes, code) {
					t.Errorf("warning %q (code %s) missing; findings: %v", label, code, codes)
				}
			}
		})
	}
}

func TestInspectCaseTimes(t *testing.T) {
	for name, c := range loadDecodeCases(t) {
		if c.Token == nil || len(c.Expect.TimesUTC) == 0 {
			continue
		}
		t.Run(name, func(t *testing.T) {
			report := jwtcore.Inspect(*c.Token, jwtcore.InspectOptions{Now: caseNow})
			for claim, want := range c.Expect.TimesUTC {
				field, ok := findField(report.Explanation.Claims, claim)
				if !ok || field.Time == nil {
					t.Errorf("claim %s has no time", claim)
					continue
				}
				checkTime(t, claim, *field.Time, want)
			}
		})
	}
}

func checkTime(t *testing.T, claim string, tv jwtcore.TimeValue, want string) {
	t.Helper()
	if !tv.OK {
		if !strings.HasPrefix(tv.Problem, want) {
			t.Errorf("%s problem = %q, expected it to start with %q", claim, tv.Problem, want)
		}
		return
	}
	if got := jwtcore.FormatTime(tv.At); got != want {
		t.Errorf("%s = %s, expected %s", claim, got, want)
	}
}

func findField(fields []jwtcore.Field, name string) (jwtcore.Field, bool) {
	for _, f := range fields {
		if f.Name == name {
			return f, true
		}
	}
	return jwtcore.Field{}, false
}
