package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// signTestNow is the fixed clock of the sign tests: 2026-01-02T03:04:05Z.
var signTestNow = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// signRun is the outcome of one in-process run of jwtlab.
type signRun struct {
	status int
	stdout string
	stderr string
	args   string
}

func runCLI(t *testing.T, stdin string, args ...string) signRun {
	t.Helper()
	var out, errOut bytes.Buffer
	std := stdio{
		in:     strings.NewReader(stdin),
		out:    &out,
		err:    &errOut,
		clock:  jwtcore.FixedClock(signTestNow),
		getenv: func(string) string { return "" },
	}
	status := run(args, std)
	return signRun{status: status, stdout: out.String(), stderr: errOut.String(),
		args: strings.Join(args, " ")}
}

func (r signRun) mustSucceed(t *testing.T) signRun {
	t.Helper()
	if r.status != 0 {
		t.Fatalf("jwtlab %s: exit status %d\nstderr: %s", r.args, r.status, r.stderr)
	}
	return r
}

// decodeSegment returns the JSON text of a header or payload segment.
func decodeSegment(t *testing.T, token string, index int) string {
	t.Helper()
	parts := strings.Split(strings.TrimSpace(token), ".")
	if len(parts) != 3 {
		t.Fatalf("token has %d segments", len(parts))
	}
	data, err := base64.RawURLEncoding.DecodeString(parts[index])
	if err != nil {
		t.Fatalf("segment %d: %v", index, err)
	}
	return string(data)
}

// TestSignVerifyRoundTrip makes a key for every algorithm with keygen,
// signs with sign, and verifies with jwtlab verify and with golang-jwt.
func TestSignVerifyRoundTrip(t *testing.T) {
	for _, alg := range jwtcore.Algorithms() {
		if alg.Unsafe {
			continue
		}
		for _, format := range []string{"pem", "jwk"} {
			t.Run(alg.Name+"/"+format, func(t *testing.T) {
				prefix := filepath.Join(t.TempDir(), "key")
				runCLI(t, "", "keygen", "--alg", alg.Name, "--format", format, "--out", prefix).mustSucceed(t)
				signKey, verifyKey := roundTripKeyFlags(alg, format, prefix)
				signed := runCLI(t, "", append([]string{"sign", "--alg", alg.Name, "--sub", "alice",
					"--exp", "15m", "--iat"}, signKey...)...).mustSucceed(t)
				token := strings.TrimSpace(signed.stdout)
				verified := runCLI(t, "", append([]string{"verify", "--at", "2026-01-02T03:10:00Z", token}, verifyKey...)...)
				if verified.status != 0 {
					t.Errorf("jwtlab verify: exit status %d\n%s%s", verified.status, verified.stdout, verified.stderr)
				}
				verifyWithGolangJWT(t, alg, format, prefix, token)
			})
		}
	}
}

// roundTripKeyFlags returns the key flags for sign and for verify.
func roundTripKeyFlags(alg jwtcore.Algorithm, format, prefix string) (sign, verify []string) {
	switch {
	case alg.KeyType != jwtcore.KeyHMAC:
		return []string{"--key", prefix}, []string{"--key", prefix + ".pub"}
	case format == "jwk":
		return []string{"--key", prefix}, []string{"--key", prefix}
	}
	secret, _ := os.ReadFile(prefix)
	text := strings.TrimSpace(string(secret))
	return []string{"--secret-base64", text}, []string{"--secret-base64", text}
}

// verifyWithGolangJWT parses the token with golang-jwt and the public key
// (or secret) that keygen wrote.
func verifyWithGolangJWT(t *testing.T, alg jwtcore.Algorithm, format, prefix, token string) {
	t.Helper()
	keyFile := prefix + ".pub"
	if alg.KeyType == jwtcore.KeyHMAC {
		keyFile = prefix
	}
	data, err := os.ReadFile(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	key := golangJWTKey(t, alg, format, data)
	if alg.Name == "Ed25519" {
		// golang-jwt v5.3.1 registers no method for the alg name "Ed25519",
		// so jwt.Parse cannot look it up. Its EdDSA method has the same math.
		verifyEd25519(t, token, key)
		return
	}
	parsed, err := jwt.Parse(token, func(*jwt.Token) (any, error) { return key, nil },
		jwt.WithValidMethods([]string{alg.Name}),
		jwt.WithTimeFunc(func() time.Time { return signTestNow.Add(time.Minute) }))
	if err != nil {
		t.Fatalf("golang-jwt rejects the token: %v", err)
	}
	if sub, _ := parsed.Claims.GetSubject(); sub != "alice" {
		t.Errorf("sub = %q, want alice", sub)
	}
}

func verifyEd25519(t *testing.T, token string, key any) {
	t.Helper()
	dot := strings.LastIndexByte(token, '.')
	signature, err := base64.RawURLEncoding.DecodeString(token[dot+1:])
	if err != nil {
		t.Fatal(err)
	}
	if err := jwt.SigningMethodEdDSA.Verify(token[:dot], signature, key); err != nil {
		t.Errorf("golang-jwt EdDSA rejects the Ed25519 signature: %v", err)
	}
}

func golangJWTKey(t *testing.T, alg jwtcore.Algorithm, format string, data []byte) any {
	t.Helper()
	if format == "jwk" || alg.KeyType == jwtcore.KeyHMAC {
		keys, err := jwtcore.ParseKeys(data)
		if err != nil {
			secret, decodeErr := base64.RawURLEncoding.DecodeString(strings.TrimSpace(string(data)))
			if decodeErr != nil {
				t.Fatalf("key file: %v", err)
			}
			return secret
		}
		if keys[0].Type == jwtcore.KeyHMAC {
			return keys[0].Secret
		}
		return keys[0].Public
	}
	var parsed any
	var err error
	switch alg.KeyType {
	case jwtcore.KeyRSA:
		parsed, err = jwt.ParseRSAPublicKeyFromPEM(data)
	case jwtcore.KeyEC:
		parsed, err = jwt.ParseECPublicKeyFromPEM(data)
	default:
		parsed, err = jwt.ParseEdPublicKeyFromPEM(data)
	}
	if err != nil {
		t.Fatalf("golang-jwt cannot read the public PEM: %v", err)
	}
	return parsed
}

func TestSignClaims(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{name: "typed and string claims",
			args: []string{"--claim", "n=42", "--claim", "admin=true", "--claim", "name=Ada", "--claim", `roles=["a","b"]`},
			want: `{"n":42,"admin":true,"name":"Ada","roles":["a","b"]}`},
		{name: "value with equals sign", args: []string{"--claim", "q=a=b==c"},
			want: `{"q":"a=b==c"}`},
		{name: "empty value", args: []string{"--claim", "note="}, want: `{"note":""}`},
		{name: "one audience", args: []string{"--aud", "api"}, want: `{"aud":"api"}`},
		{name: "two audiences", args: []string{"--aud", "api", "--aud", "web"}, want: `{"aud":["api","web"]}`},
		{name: "registered flags in order",
			args: []string{"--exp", "1d", "--iss", "me", "--nbf", "-5m", "--iat", "--sub", "x"},
			want: `{"iss":"me","sub":"x","iat":1767323045,"nbf":1767322745,"exp":1767409445}`},
		{name: "payload then claims",
			args: []string{"--payload", `{"sub":"a", "n": 1.50}`, "--claim", "sub=b", "--claim", "m=2"},
			want: `{"sub":"b","n":1.50,"m":2}`},
		{name: "claim after flag wins", args: []string{"--sub", "flag", "--claim", "sub=claim"},
			want: `{"sub":"claim"}`},
		{name: "big number kept", args: []string{"--claim", "id=123456789012345678901234567890"},
			want: `{"id":123456789012345678901234567890}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"sign", "--alg", "HS256", "--secret", strings.Repeat("k", 32)}, tt.args...)
			r := runCLI(t, "", args...).mustSucceed(t)
			if got := decodeSegment(t, r.stdout, 1); got != tt.want {
				t.Errorf("payload = %s, want %s", got, tt.want)
			}
			if r.stderr != "" {
				t.Errorf("stderr = %q, want nothing", r.stderr)
			}
		})
	}
}

func TestSignHeader(t *testing.T) {
	r := runCLI(t, "", "sign", "--alg", "HS512", "--secret", strings.Repeat("k", 64),
		"--header", "kid=key-1", "--header", "typ=at+jwt", "--header", "x5t#S256=abc").mustSucceed(t)
	want := `{"alg":"HS512","typ":"at+jwt","kid":"key-1","x5t#S256":"abc"}`
	if got := decodeSegment(t, r.stdout, 0); got != want {
		t.Errorf("header = %s, want %s", got, want)
	}
}

func TestSignPayloadSources(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "claims.json")
	if err := os.WriteFile(file, []byte("{\"sub\": \"file\"}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	secret := strings.Repeat("k", 32)
	fromFile := runCLI(t, "", "sign", "--alg", "HS256", "--secret", secret, "--payload", "@"+file).mustSucceed(t)
	if got := decodeSegment(t, fromFile.stdout, 1); got != `{"sub":"file"}` {
		t.Errorf("payload from file = %s", got)
	}
	fromStdin := runCLI(t, `{"sub":"stdin"}`, "sign", "--alg", "HS256", "--secret", secret, "--payload", "-").mustSucceed(t)
	if got := decodeSegment(t, fromStdin.stdout, 1); got != `{"sub":"stdin"}` {
		t.Errorf("payload from stdin = %s", got)
	}
}

func TestSignJTI(t *testing.T) {
	r := runCLI(t, "", "sign", "--alg", "HS256", "--secret", strings.Repeat("k", 32), "--jti").mustSucceed(t)
	var claims struct {
		JTI string `json:"jti"`
	}
	if err := json.Unmarshal([]byte(decodeSegment(t, r.stdout, 1)), &claims); err != nil {
		t.Fatal(err)
	}
	if len(claims.JTI) != 22 {
		t.Errorf("jti = %q, want 22 base64url characters", claims.JTI)
	}
}

func TestSignNoneWarns(t *testing.T) {
	r := runCLI(t, "", "sign", "--alg", "none", "--sub", "x").mustSucceed(t)
	if !strings.HasSuffix(strings.TrimSpace(r.stdout), ".") {
		t.Errorf("token %q does not end with an empty signature", r.stdout)
	}
	if !strings.Contains(r.stderr, "jwtlab: warning: alg none") {
		t.Errorf("stderr = %q, want a warning about alg none", r.stderr)
	}
}

func TestSignWeakSecretWarns(t *testing.T) {
	r := runCLI(t, "", "sign", "--alg", "HS256", "--secret", "secret").mustSucceed(t)
	if !strings.Contains(r.stderr, "the HMAC secret is 6 bytes") {
		t.Errorf("stderr = %q, want a warning about the short secret", r.stderr)
	}
	if !strings.Contains(r.stderr, "example secret") {
		t.Errorf("stderr = %q, want a warning about a published example secret", r.stderr)
	}
	if strings.Contains(r.stderr, "secret\n") || strings.Contains(r.stderr, `"secret"`) {
		t.Errorf("stderr shows the secret: %q", r.stderr)
	}
}

func TestSignUsageErrors(t *testing.T) {
	dir := t.TempDir()
	ecKey := filepath.Join(dir, "ec")
	runCLI(t, "", "keygen", "--alg", "ES256", "--out", ecKey).mustSucceed(t)
	tests := []struct {
		name  string
		args  []string
		words string
	}{
		{name: "missing alg", args: []string{"--secret", "s"}, words: "missing --alg"},
		{name: "unknown alg", args: []string{"--alg", "hs256", "--secret", "s"}, words: `unsupported --alg "hs256"`},
		{name: "missing key", args: []string{"--alg", "HS256"}, words: "missing key"},
		{name: "two keys", args: []string{"--alg", "HS256", "--secret", "s", "--secret-base64", "cw"}, words: "cannot be used together"},
		{name: "EC key for RS256", args: []string{"--alg", "RS256", "--key", ecKey}, words: "RS256 needs an RSA key, but the key is an EC key on P-256"},
		{name: "public key", args: []string{"--alg", "ES256", "--key", ecKey + ".pub"}, words: "public key"},
		{name: "secret for ES256", args: []string{"--alg", "ES256", "--secret", "s"}, words: "ES256 needs an EC key"},
		{name: "key with none", args: []string{"--alg", "none", "--secret", "s"}, words: "--alg none signs nothing"},
		{name: "claim without equals", args: []string{"--alg", "HS256", "--secret", "s", "--claim", "admin"}, words: "missing NAME="},
		{name: "claim broken JSON", args: []string{"--alg", "HS256", "--secret", "s", "--claim", "r=[a"}, words: "column 2"},
		{name: "header sets alg", args: []string{"--alg", "HS256", "--secret", "s", "--header", "alg=none"}, words: "--header cannot set alg"},
		{name: "bad duration", args: []string{"--alg", "HS256", "--secret", "s", "--exp", "15"}, words: "has no unit"},
		{name: "payload not object", args: []string{"--alg", "HS256", "--secret", "s", "--payload", "[]"}, words: "not a JSON object"},
		{name: "payload file missing", args: []string{"--alg", "HS256", "--secret", "s", "--payload", "@" + filepath.Join(dir, "nope")}, words: "cannot read --payload: "},
		{name: "argument given", args: []string{"--alg", "HS256", "--secret", "s", "extra"}, words: "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, "", append([]string{"sign"}, tt.args...)...)
			if r.status != 2 {
				t.Errorf("exit status %d, want 2", r.status)
			}
			if !strings.Contains(r.stderr, tt.words) {
				t.Errorf("stderr = %q, want it to contain %q", r.stderr, tt.words)
			}
			if !strings.Contains(r.stderr, "hint: ") {
				t.Errorf("stderr = %q has no hint", r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("stdout = %q, want nothing", r.stdout)
			}
		})
	}
}

func TestKeygenFiles(t *testing.T) {
	dir := t.TempDir()
	prefix := filepath.Join(dir, "rs")
	r := runCLI(t, "", "keygen", "--alg", "RS256", "--out", prefix).mustSucceed(t)
	assertMode(t, prefix, 0o600)
	assertMode(t, prefix+".pub", 0o644)
	if !strings.Contains(r.stderr, "thumbprint (RFC 7638, SHA-256): ") {
		t.Errorf("stderr = %q, want the thumbprint", r.stderr)
	}
	if r.stdout != "" {
		t.Errorf("stdout = %q, want nothing when writing files", r.stdout)
	}
	private, _ := os.ReadFile(prefix)
	if !strings.HasPrefix(string(private), "-----BEGIN PRIVATE KEY-----") {
		t.Errorf("private key file starts with %.30q", private)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("directory has %d entries, want 2 (no temporary files left)", len(entries))
	}
}

func TestKeygenRefusesOverwrite(t *testing.T) {
	prefix := filepath.Join(t.TempDir(), "ec")
	runCLI(t, "", "keygen", "--alg", "ES256", "--out", prefix).mustSucceed(t)
	before, _ := os.ReadFile(prefix)
	r := runCLI(t, "", "keygen", "--alg", "ES256", "--out", prefix)
	if r.status != 2 {
		t.Errorf("exit status %d, want 2", r.status)
	}
	if !strings.Contains(r.stderr, "already exists") || !strings.Contains(r.stderr, "--force") {
		t.Errorf("stderr = %q, want 'already exists' and a --force hint", r.stderr)
	}
	if after, _ := os.ReadFile(prefix); !bytes.Equal(before, after) {
		t.Error("the existing key file was changed")
	}
	runCLI(t, "", "keygen", "--alg", "ES256", "--out", prefix, "--force").mustSucceed(t)
	if after, _ := os.ReadFile(prefix); bytes.Equal(before, after) {
		t.Error("--force did not replace the key file")
	}
}

func TestKeygenOnlyPublicFileExists(t *testing.T) {
	prefix := filepath.Join(t.TempDir(), "ed")
	if err := os.WriteFile(prefix+".pub", []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "", "keygen", "--alg", "EdDSA", "--out", prefix)
	if r.status != 2 {
		t.Errorf("exit status %d, want 2", r.status)
	}
	if _, err := os.Stat(prefix); !os.IsNotExist(err) {
		t.Errorf("private key written although %s.pub exists", prefix)
	}
}

func TestKeygenStdout(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{args: []string{"--alg", "ES384"}, want: []string{"-----BEGIN PRIVATE KEY-----", "-----BEGIN PUBLIC KEY-----"}},
		{args: []string{"--alg", "EdDSA", "--format", "jwk"}, want: []string{`"crv": "Ed25519"`, `"d": `}},
		{args: []string{"--alg", "HS512", "--format", "jwk"}, want: []string{`"kty": "oct"`}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := runCLI(t, "", append([]string{"keygen"}, tt.args...)...).mustSucceed(t)
			for _, want := range tt.want {
				if !strings.Contains(r.stdout, want) {
					t.Errorf("stdout does not contain %q:\n%s", want, r.stdout)
				}
			}
		})
	}
}

func TestKeygenSecretText(t *testing.T) {
	r := runCLI(t, "", "keygen", "--alg", "HS384").mustSucceed(t)
	secret, err := base64.RawURLEncoding.DecodeString(strings.TrimSuffix(r.stdout, "\n"))
	if err != nil {
		t.Fatalf("output %q is not base64url: %v", r.stdout, err)
	}
	if len(secret) != 48 {
		t.Errorf("secret is %d bytes, want 48", len(secret))
	}
}

func TestKeygenUsageErrors(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		words string
	}{
		{name: "missing alg", args: nil, words: "missing --alg"},
		{name: "alg none", args: []string{"--alg", "none"}, words: `unsupported --alg "none"`},
		{name: "bad format", args: []string{"--alg", "ES256", "--format", "der"}, words: `invalid --format "der"`},
		{name: "bad RSA size", args: []string{"--alg", "RS256", "--bits", "1024"}, words: "use 2048, 3072 or 4096"},
		{name: "short secret", args: []string{"--alg", "HS256", "--bits", "128"}, words: "at least 256 bits"},
		{name: "empty out", args: []string{"--alg", "HS256", "--out", ""}, words: "empty --out"},
		{name: "missing directory", args: []string{"--alg", "HS256", "--out", "/nonexistent-jwtlab-dir/k"}, words: "cannot write"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, "", append([]string{"keygen"}, tt.args...)...)
			if r.status != 2 {
				t.Errorf("exit status %d, want 2", r.status)
			}
			if !strings.Contains(r.stderr, tt.words) {
				t.Errorf("stderr = %q, want it to contain %q", r.stderr, tt.words)
			}
		})
	}
}

func assertMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != want {
		t.Errorf("%s has mode %o, want %o", filepath.Base(path), got, want)
	}
}

// writePrivateJWKS writes the keys as a JWKS with their private members.
func writePrivateJWKS(t *testing.T, keys ...jwtcore.Key) string {
	t.Helper()
	var members []string
	for _, key := range keys {
		jwk, err := jwtcore.PrivateJWK(key)
		if err != nil {
			t.Fatal(err)
		}
		members = append(members, string(jwk))
	}
	path := filepath.Join(t.TempDir(), "keys.json")
	text := `{"keys":[` + strings.Join(members, ",") + `]}`
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestSignPicksKeyFromJWKS(t *testing.T) {
	first, _ := jwtcore.GenerateKey("ES256", 0)
	second, _ := jwtcore.GenerateKey("ES256", 0)
	rsaKey, _ := jwtcore.GenerateKey("RS256", 0)
	jwks := writePrivateJWKS(t, first, rsaKey, second)

	ambiguous := runCLI(t, "", "sign", "--alg", "ES256", "--key", jwks)
	if ambiguous.status != 2 {
		t.Errorf("two fitting keys: exit status %d, want 2", ambiguous.status)
	}
	if !strings.Contains(ambiguous.stderr, "has 2 keys that can sign ES256") {
		t.Errorf("stderr = %q, want the count of fitting keys", ambiguous.stderr)
	}

	chosen := runCLI(t, "", "sign", "--alg", "ES256", "--key", jwks, "--header", "kid="+second.ID).mustSucceed(t)
	if header := decodeSegment(t, chosen.stdout, 0); !strings.Contains(header, `"kid":"`+second.ID+`"`) {
		t.Errorf("header = %s, want kid %s", header, second.ID)
	}

	onlyRSA := runCLI(t, "", "sign", "--alg", "RS256", "--key", jwks).mustSucceed(t)
	if header := decodeSegment(t, onlyRSA.stdout, 0); !strings.Contains(header, rsaKey.ID) {
		t.Errorf("header = %s, want the RSA key's kid", header)
	}

	unknown := runCLI(t, "", "sign", "--alg", "ES256", "--key", jwks, "--header", "kid=nope")
	if !strings.Contains(unknown.stderr, `no key with kid "nope"`) {
		t.Errorf("stderr = %q, want the unknown kid named", unknown.stderr)
	}
}
