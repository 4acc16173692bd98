package jwtcore_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jwtlab/jwtlab/jwtcore"
)

var testNow = time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)

func tokenWith(payload string) string {
	return encodeSegment(`{"alg":"HS256","typ":"JWT"}`) + "." + encodeSegment(payload) + ".c2lnbmF0dXJl"
}

func TestFormatRelative(t *testing.T) {
	tests := map[string]struct {
		offset time.Duration
		want   string
	}{
		"now":             {offset: 0, want: "now"},
		"minutes ahead":   {offset: 4*time.Minute + 12*time.Second, want: "in 4m 12s"},
		"hours behind":    {offset: -3 * time.Hour, want: "3h ago"},
		"days behind":     {offset: -(2*24*time.Hour + 5*time.Hour), want: "2d 5h ago"},
		"years ahead":     {offset: 400 * 24 * time.Hour, want: "in 1y 35d"},
		"leap years":      {offset: -(365*56 + 14) * 24 * time.Hour, want: "56y ago"},
		"under a second":  {offset: 500 * time.Millisecond, want: "now"},
		"seconds ahead":   {offset: 59 * time.Second, want: "in 59s"},
		"hour and minute": {offset: -(time.Hour + time.Minute), want: "1h 1m ago"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if got := jwtcore.FormatRelative(testNow.Add(tt.offset), testNow); got != tt.want {
				t.Errorf("FormatRelative = %q, expected %q", got, tt.want)
			}
		})
	}
}

func TestFormatRelativeBeyondDuration(t *testing.T) {
	far := time.Date(52320, 4, 8, 0, 0, 0, 0, time.UTC)
	if got := jwtcore.FormatRelative(far, testNow); got != "in 50295y" {
		t.Errorf("FormatRelative = %q, expected %q", got, "in 50295y")
	}
}

func TestExplainTimes(t *testing.T) {
	tests := map[string]struct {
		payload  string
		claim    string
		ok       bool
		at       string
		relative string
		problem  string
	}{
		"expires soon": {
			payload: `{"exp":1717243452}`, claim: "exp", ok: true,
			at: "2024-06-01T12:04:12Z", relative: "expires in 4m 12s",
		},
		"expired": {
			payload: `{"exp":1717232400}`, claim: "exp", ok: true,
			at: "2024-06-01T09:00:00Z", relative: "expired 3h ago",
		},
		"issued": {
			payload: `{"iat":1717070400}`, claim: "iat", ok: true,
			at: "2024-05-30T12:00:00Z", relative: "issued 2d ago",
		},
		"not before": {
			payload: `{"nbf":1717243500}`, claim: "nbf", ok: true,
			at: "2024-06-01T12:05:00Z", relative: "valid from in 5m",
		},
		"fractional": {
			payload: `{"exp":1700000000.5}`, claim: "exp", ok: true,
			at: "2023-11-14T22:13:20.5Z", problem: "fractional part",
		},
		"exponent": {
			payload: `{"exp":1.7e9}`, claim: "exp", ok: true, at: "2023-11-14T22:13:20Z",
		},
		"string": {
			payload: `{"exp":"1700000000"}`, claim: "exp",
			problem: "would be 2023-11-14T22:13:20Z",
		},
		"zero": {
			payload: `{"exp":0}`, claim: "exp", ok: true,
			at: "1970-01-01T00:00:00Z", problem: "Unix epoch",
		},
		"negative": {
			payload: `{"nbf":-60}`, claim: "nbf", ok: true,
			at: "1969-12-31T23:59:00Z", problem: "before 1970",
		},
		"milliseconds": {
			payload: `{"exp":1588900930874}`, claim: "exp", ok: true,
			at: "52320-04-08T01:41:14Z", problem: "2020-05-08T01:22:10.874Z",
		},
		"boolean": {
			payload: `{"auth_time":true}`, claim: "auth_time", problem: "JSON boolean",
		},
		"out of range": {
			payload: `{"exp":1e300}`, claim: "exp", problem: "outside the range",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			tok, err := jwtcore.Decode(tokenWith(tt.payload))
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			field, ok := findField(jwtcore.Explain(tok, testNow).Claims, tt.claim)
			if !ok || field.Time == nil {
				t.Fatalf("claim %s has no time", tt.claim)
			}
			tv := field.Time
			if tv.OK != tt.ok {
				t.Errorf("OK = %v, expected %v (problem %q)", tv.OK, tt.ok, tv.Problem)
			}
			if tt.ok && jwtcore.FormatTime(tv.At) != tt.at {
				t.Errorf("At = %s, expected %s", jwtcore.FormatTime(tv.At), tt.at)
			}
			if tt.relative != "" && tv.Relative != tt.relative {
				t.Errorf("Relative = %q, expected %q", tv.Relative, tt.relative)
			}
			if !strings.Contains(tv.Problem, tt.problem) || (tt.problem == "" && tv.Problem != "") {
				t.Errorf("Problem = %q, expected it to contain %q", tv.Problem, tt.problem)
			}
		})
	}
}

func TestExplainFieldsInTokenOrder(t *testing.T) {
	payload := `{"zeta":1,"sub":"u1","token_type":"access",` +
		`"email":"a@example.com","iat":1717070400,"exp":1717074000}`
	tok, _ := jwtcore.Decode(tokenWith(payload))
	e := jwtcore.Explain(tok, testNow)
	var names []string
	for _, f := range e.Claims {
		names = append(names, f.Name)
	}
	if want := []string{"zeta", "sub", "token_type", "email", "iat", "exp"}; !slices.Equal(names, want) {
		t.Errorf("claims = %v, expected %v", names, want)
	}
	categories := map[string]jwtcore.Category{
		"zeta": jwtcore.CategoryPrivate, "sub": jwtcore.CategoryRegistered,
		"token_type": jwtcore.CategorySimpleJWT, "email": jwtcore.CategoryPublic,
	}
	for _, f := range e.Claims {
		if want, ok := categories[f.Name]; ok && f.Category != want {
			t.Errorf("%s category = %v, expected %v", f.Name, f.Category, want)
		}
		if f.Description == "" {
			t.Errorf("%s has no description", f.Name)
		}
	}
	if !e.HasLifetime || e.Lifetime != time.Hour {
		t.Errorf("lifetime = %v (set %v), expected 1h", e.Lifetime, e.HasLifetime)
	}
	if len(e.Header) != 2 || e.Header[0].Name != "alg" || e.Header[0].Category != jwtcore.CategoryRegistered {
		t.Errorf("header fields = %+v", e.Header)
	}
}

// lintCase is a token built from a header and a payload, and the
// finding codes Lint must return for it.
type lintCase struct {
	header    string // JSON; {"alg":"HS256"} when empty
	payload   string // JSON, base64url-encoded into the token
	signature string // segment text; "c2ln" when empty unless unsigned
	unsigned  bool   // an empty signature segment
	codes     []string
}

func (c lintCase) token() string {
	header := c.header
	if header == "" {
		header = `{"alg":"HS256"}`
	}
	signature := c.signature
	if signature == "" && !c.unsigned {
		signature = "c2ln"
	}
	return encodeSegment(header) + "." + encodeSegment(c.payload) + "." + signature
}

func TestLint(t *testing.T) {
	tests := map[string]lintCase{
		"no exp":  {payload: `{"sub":"1"}`, codes: []string{jwtcore.CodeExpMissing}},
		"expired": {payload: `{"exp":1}`, codes: []string{jwtcore.CodeExpired}},
		"exp zero": {
			payload: `{"exp":0}`,
			codes:   []string{jwtcore.CodeExpired, "exp_zero"},
		},
		"exp string": {payload: `{"exp":"1"}`, codes: []string{"exp_not_number"}},
		"exp ms": {
			payload: `{"exp":1588900930874}`,
			codes:   []string{"exp_looks_like_milliseconds"},
		},
		"nbf negative": {payload: `{"exp":1,"nbf":-5}`, codes: []string{"nbf_negative"}},
		"not yet valid": {
			payload: `{"exp":4102444800,"nbf":4102444800}`,
			codes:   []string{jwtcore.CodeNotYetValid},
		},
		"iat in future": {
			payload: `{"exp":4102444800,"iat":4102444000}`,
			codes:   []string{jwtcore.CodeIatInFuture},
		},
		"long lifetime": {
			payload: `{"iat":1717070400,"exp":1717243200}`,
			codes:   []string{jwtcore.CodeVeryLongLifetime},
		},
		"sub number": {payload: `{"exp":1,"sub":5}`, codes: []string{jwtcore.CodeSubNotString}},
		"aud number": {payload: `{"exp":1,"aud":5}`, codes: []string{jwtcore.CodeAudWrongType}},
		"aud mixed array": {
			payload: `{"exp":1,"aud":["a",5]}`,
			codes:   []string{jwtcore.CodeAudWrongType},
		},
		"big integer": {
			payload: `{"exp":1,"id":9007199254740993}`,
			codes:   []string{jwtcore.CodeImpreciseInteger},
		},
		"beyond float64": {
			payload: `{"exp":1,"n":1.5e400}`,
			codes:   []string{jwtcore.CodeNumberOutOfRange},
		},
		"password claim": {
			payload: `{"exp":1,"user":{"Password":"x"}}`,
			codes:   []string{jwtcore.CodeSensitiveData},
		},
		"card number": {
			payload: `{"exp":1,"c":"4111 1111 1111 1111"}`,
			codes:   []string{jwtcore.CodeSensitiveData},
		},
		"alg none": {
			header: `{"alg":"none"}`, payload: `{"exp":1}`, unsigned: true,
			codes: []string{jwtcore.CodeAlgNone},
		},
		"alg none signed": {
			header: `{"alg":"none"}`, payload: `{"exp":1}`,
			codes: []string{jwtcore.CodeAlgNone, jwtcore.CodeAlgNoneSignature},
		},
		"empty header": {
			header: `{}`, payload: `{"exp":1}`,
			codes: []string{jwtcore.CodeAlgMissing},
		},
		"alg missing": {
			header: `{"typ":"JWT"}`, payload: `{"exp":1}`,
			codes: []string{jwtcore.CodeAlgMissing},
		},
		"alg ed25519": {
			header: `{"alg":"Ed25519"}`, payload: `{"exp":1}`,
			codes: []string{jwtcore.CodeAlgEd25519},
		},
		"alg unsupported": {
			header: `{"alg":"ES256K"}`, payload: `{"exp":1}`,
			codes: []string{jwtcore.CodeAlgUnsupported},
		},
		"jku x5u jwk x5c": {
			header:  `{"alg":"RS256","jku":"https://a","x5u":"https://b","jwk":{},"x5c":[]}`,
			payload: `{"exp":1}`,
			codes: []string{jwtcore.CodeJkuPresent, jwtcore.CodeX5uPresent,
				jwtcore.CodeJwkInHeader, jwtcore.CodeX5cInHeader},
		},
		"kid path": {
			header: `{"alg":"HS256","kid":"../../dev/null"}`, payload: `{"exp":1}`,
			codes: []string{jwtcore.CodeKidPath},
		},
		"kid sql": {
			header: `{"alg":"HS256","kid":"x' OR '1'='1"}`, payload: `{"exp":1}`,
			codes: []string{jwtcore.CodeKidSQL},
		},
		"crit": {
			header: `{"alg":"HS256","crit":["exp"]}`, payload: `{"exp":1}`,
			codes: []string{jwtcore.CodeCritPresent},
		},
		"b64 without crit": {
			header: `{"alg":"HS256","b64":false}`, payload: `{"exp":1}`,
			codes: []string{jwtcore.CodeB64WithoutCrit},
		},
		"large token": {
			payload: `{"exp":1,"pad":"` + strings.Repeat("x", 9000) + `"}`,
			codes:   []string{jwtcore.CodeVeryLargeToken},
		},
		"clean token": {payload: `{"exp":1717243452}`},
		"refresh for 30 days": {
			payload: `{"token_type":"refresh","iat":1717070400,"exp":1719662400}`,
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			tok, _ := jwtcore.Decode(tt.token())
			codes := findingCodes(jwtcore.Lint(tok, testNow))
			for _, code := range tt.codes {
				if !slices.Contains(codes, code) {
					t.Errorf("finding %s missing from %v", code, codes)
				}
			}
			if len(tt.codes) == 0 && len(codes) != 0 {
				t.Errorf("findings = %v, expected none", codes)
			}
		})
	}
}

func TestLintNilToken(t *testing.T) {
	if findings := jwtcore.Lint(nil, testNow); findings != nil {
		t.Errorf("Lint(nil) = %v, expected nil", findings)
	}
	if e := jwtcore.Explain(nil, testNow); len(e.Claims) != 0 {
		t.Errorf("Explain(nil) has claims")
	}
}
