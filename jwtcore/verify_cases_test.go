package jwtcore

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// verifyCase is the part of a case file that verification tests read.
type verifyCase struct {
	Source          string          `json:"source"`
	Token           *string         `json:"token"`
	DetachedPayload *string         `json:"detached_payload"`
	Key             *caseKey        `json:"key"`
	Extra           json.RawMessage `json:"extra"`
	Expect          struct {
		Verified *bool             `json:"verified"`
		TimesUTC map[string]string `json:"times_utc"`
	} `json:"expect"`
}

type caseKey struct {
	Secret       *string         `json:"secret"`
	SecretBase64 *string         `json:"secret_b64"`
	JWK          json.RawMessage `json:"jwk"`
	JWKS         json.RawMessage `json:"jwks"`
	PEM          *string         `json:"pem"`
	PEMPrivate   *string         `json:"pem_private"`
}

// caseExtraKeys are key formats some cases add under extra.
type caseExtraKeys struct {
	PEMSPKI                 *string `json:"pem_spki"`
	PEMPrivateWithParameter *string `json:"pem_private_with_parameters"`
}

func loadVerifyCases(t *testing.T) map[string]verifyCase {
	t.Helper()
	paths, err := filepath.Glob("testdata/cases/*/*.json")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no case files found: %v", err)
	}
	cases := map[string]verifyCase{}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var c verifyCase
		if err := json.Unmarshal(data, &c); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		cases[name] = c
	}
	return cases
}

// keyForms returns each key form of the case, parsed, by form name.
func keyForms(t *testing.T, c verifyCase) map[string][]Key {
	t.Helper()
	forms := map[string][]Key{}
	k := c.Key
	if k == nil {
		return forms
	}
	if k.Secret != nil {
		forms["secret"] = []Key{SecretFromText(*k.Secret)}
		forms["secret file"] = []Key{SecretFromFile([]byte(*k.Secret))}
	}
	if k.SecretBase64 != nil {
		key, err := SecretFromBase64(*k.SecretBase64)
		if err != nil {
			t.Fatalf("SecretFromBase64: %v", err)
		}
		forms["secret_b64"] = []Key{key}
	}
	var extra caseExtraKeys
	if len(c.Extra) > 0 && c.Extra[0] == '{' {
		if err := json.Unmarshal(c.Extra, &extra); err != nil {
			t.Fatalf("extra: %v", err)
		}
	}
	parsed := map[string][]byte{
		"jwk":                               k.JWK,
		"jwks":                              k.JWKS,
		"pem":                               stringBytes(k.PEM),
		"pem_private":                       stringBytes(k.PEMPrivate),
		"extra pem_spki":                    stringBytes(extra.PEMSPKI),
		"extra pem_private_with_parameters": stringBytes(extra.PEMPrivateWithParameter),
	}
	for form, data := range parsed {
		if len(data) == 0 {
			continue
		}
		keys, err := ParseKeys(data)
		if err != nil {
			forms[form+" (unreadable)"] = nil
			t.Logf("%s: ParseKeys: %v", form, err)
			continue
		}
		forms[form] = keys
	}
	return forms
}

func stringBytes(s *string) []byte {
	if s == nil {
		return nil
	}
	return []byte(*s)
}

// validClaimsTime returns a check time at which the case's time claims
// all pass, or a fixed time when it has none.
func validClaimsTime(t *testing.T, times map[string]string) time.Time {
	t.Helper()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, name := range []string{"iat", "nbf"} {
		if value, ok := times[name]; ok {
			parsed, err := time.Parse(time.RFC3339Nano, value)
			if err != nil {
				t.Fatalf("times_utc %s: %v", name, err)
			}
			now = parsed.Add(time.Second)
		}
	}
	if value, ok := times["exp"]; ok {
		if parsed, err := time.Parse(time.RFC3339Nano, value); err == nil &&
			!parsed.After(now) {
			now = parsed.Add(-time.Second)
		}
	}
	return now
}

// verifyCaseExceptions lists cases whose expected verdict jwtlab cannot
// reach, with the status it gives instead.
var verifyCaseExceptions = map[string]Status{
	// golang-jwt has no ES256K method and Go's x509 no secp256k1 curve.
	"bug_10_es256k_unlisted_alg": StatusUnsupported,
}

// claimsInvalidCases have a claim that fails at every check time.
var claimsInvalidCases = map[string]bool{
	"exp_string": true, // exp is a JSON string, not a NumericDate
}

func TestVerifyCases(t *testing.T) {
	for name, c := range loadVerifyCases(t) {
		if c.Token == nil || c.Key == nil {
			continue
		}
		t.Run(name, func(t *testing.T) {
			token, err := Decode(*c.Token)
			if token == nil {
				t.Skipf("Decode returned no token: %v", err)
			}
			opts := VerifyOptions{Now: validClaimsTime(t, c.Expect.TimesUTC)}
			if c.DetachedPayload != nil {
				opts.DetachedPayload = []byte(*c.DetachedPayload)
			}
			for form, keys := range keyForms(t, c) {
				opts.Keys = keys
				result := Verify(token, opts)
				checkCaseStatus(t, name, form, c.Expect.Verified, result)
				if result.Status == StatusVerified && !claimsInvalidCases[name] &&
					!result.ClaimsValid() {
					t.Errorf("%s: claims invalid at %v; checks %+v", form,
						opts.Now, result.Checks)
				}
			}
		})
	}
}

func checkCaseStatus(t *testing.T, name, form string, verified *bool, result Result) {
	t.Helper()
	if want, ok := verifyCaseExceptions[name]; ok {
		if result.Status != want {
			t.Errorf("%s: Status = %v, want %v; checks %+v", form,
				result.Status, want, result.Checks)
		}
		return
	}
	switch {
	case verified == nil:
		if result.Status != StatusNotChecked && result.Status != StatusUnsupported {
			t.Errorf("%s: Status = %v, want not checked or unsupported; "+
				"checks %+v", form, result.Status, result.Checks)
		}
	case *verified:
		if result.Status != StatusVerified {
			t.Errorf("%s: Status = %v, want verified; checks %+v", form,
				result.Status, result.Checks)
		}
	default:
		if result.Status == StatusVerified {
			t.Errorf("%s: Status = verified, want rejected; checks %+v",
				form, result.Checks)
		}
	}
}
