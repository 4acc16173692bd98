package jwtcore

import (
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// caseToken decodes the token of the named case file.
func caseToken(t *testing.T, name string) (*Token, verifyCase) {
	t.Helper()
	c, ok := loadVerifyCases(t)[name]
	if !ok || c.Token == nil {
		t.Fatalf("case %s has no token", name)
	}
	token, err := Decode(*c.Token)
	if token == nil {
		t.Fatalf("Decode(%s): %v", name, err)
	}
	return token, c
}

func findCheck(result Result, name string) *Check {
	for i := range result.Checks {
		if result.Checks[i].Name == name {
			return &result.Checks[i]
		}
	}
	return nil
}

func requireFailedCheck(t *testing.T, result Result, name, mentions string) {
	t.Helper()
	var failed *Check
	for i := range result.Checks {
		check := &result.Checks[i]
		if check.Name == name && !check.OK {
			failed = check
		}
	}
	if failed == nil {
		t.Fatalf("no failed %q check; checks %+v", name, result.Checks)
	}
	if !strings.Contains(failed.Message, mentions) {
		t.Errorf("%q check does not mention %q: %s", name, mentions, failed.Message)
	}
}

func requireFinding(t *testing.T, result Result, code, mentions string) {
	t.Helper()
	found := findingByCode(result.Findings, code)
	if found == nil {
		t.Fatalf("no %s finding; findings %+v", code, result.Findings)
	}
	if !strings.Contains(found.Message, mentions) {
		t.Errorf("%s does not mention %q: %s", code, mentions, found.Message)
	}
}

var checkTime = time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)

func TestVerifyNearMissNewline(t *testing.T) {
	token, _ := caseToken(t, "bug_22_secret_trailing_newline")

	result := Verify(token, VerifyOptions{Keys: []Key{SecretFromText("somesecret")}, Now: checkTime})
	if result.Status != StatusInvalid {
		t.Errorf("Status = %v, want invalid", result.Status)
	}
	requireFinding(t, result, "secret_trailing_newline_near_miss", "with a newline (LF) appended (11 bytes)")
	requireFinding(t, result, "weak_secret", "needs at least 64")

	withNewline := Verify(token, VerifyOptions{Keys: []Key{SecretFromFile([]byte("somesecret\n"))}, Now: checkTime})
	if withNewline.Status != StatusVerified {
		t.Errorf("with newline: Status = %v, want verified", withNewline.Status)
	}
	requireFinding(t, withNewline, "secret_trailing_newline", "11 bytes incl. newline")
}

func TestVerifyNearMissExtraNewline(t *testing.T) {
	compact := signTestToken(t, jwt.SigningMethodHS256, []byte("somesecret"), `{"sub":"a"}`)
	token, _ := Decode(compact)

	result := Verify(token, VerifyOptions{Keys: []Key{SecretFromFile([]byte("somesecret\r\n"))}, Now: checkTime})
	if result.Status != StatusInvalid {
		t.Errorf("Status = %v, want invalid", result.Status)
	}
	requireFinding(t, result, "secret_trailing_newline_near_miss", "without its trailing newline")

	padded := Verify(token, VerifyOptions{Keys: []Key{SecretFromText(" somesecret ")}, Now: checkTime})
	requireFinding(t, padded, "secret_trailing_newline_near_miss", "surrounding whitespace trimmed")
}

func TestVerifyKeyConfusionRejected(t *testing.T) {
	token, c := caseToken(t, "key_confusion_rs256_to_hs256")
	for form, keys := range keyForms(t, c) {
		t.Run(form, func(t *testing.T) {
			result := Verify(token, VerifyOptions{Keys: keys, Now: checkTime})
			if result.Status != StatusRejected {
				t.Errorf("Status = %v, want rejected", result.Status)
			}
			requireFailedCheck(t, result, CheckKeyType, "it is an RSA key")
			requireFinding(t, result, "algorithm_confusion", "algorithm-confusion attack")
		})
	}
}

func TestVerifyCritUnknownRejected(t *testing.T) {
	token, c := caseToken(t, "header_crit_unknown")
	result := Verify(token, VerifyOptions{Keys: []Key{SecretFromText(*c.Key.Secret)}, Now: checkTime})
	if result.Status != StatusRejected {
		t.Errorf("Status = %v, want rejected", result.Status)
	}
	requireFailedCheck(t, result, CheckCrit, "signature bytes matched, but the token must be rejected")
	requireFailedCheck(t, result, CheckCrit, "https://example.invalid/must-understand")
}

func TestVerifyAlgNoneUnsigned(t *testing.T) {
	tests := map[string]string{
		"with signature":    "alg_none_with_signature",
		"without signature": "alg_none_empty_signature",
	}
	for name, caseName := range tests {
		t.Run(name, func(t *testing.T) {
			token, c := caseToken(t, caseName)
			result := Verify(token, VerifyOptions{Keys: []Key{SecretFromText(*c.Key.Secret)}, Now: checkTime})
			if result.Status != StatusUnsigned {
				t.Errorf("Status = %v, want unsigned", result.Status)
			}
			if result.SignatureValid() {
				t.Error("SignatureValid() = true for alg none")
			}
			requireFailedCheck(t, result, CheckAlgorithm, "alg is none")
		})
	}
}

func TestVerifyAlgNoneSignatureIgnored(t *testing.T) {
	token, _ := caseToken(t, "alg_none_with_signature")
	result := Verify(token, VerifyOptions{Now: checkTime})
	requireFailedCheck(t, result, CheckAlgorithm, "is ignored")
}

func TestVerifyEmbeddedJWKIgnored(t *testing.T) {
	token, c := caseToken(t, "header_embedded_jwk")
	keys := keyForms(t, c)["pem"]
	result := Verify(token, VerifyOptions{Keys: keys, Now: checkTime})
	if result.Status != StatusInvalid {
		t.Errorf("Status = %v, want invalid", result.Status)
	}
	requireFinding(t, result, "embedded_jwk_ignored", "embedded-key attack")
}

func TestVerifyECDSADERSignature(t *testing.T) {
	private := generatedKeys.ec
	header := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"ES256"}`))
	payload := base64.RawURLEncoding.EncodeToString([]byte(`{"sub":"a"}`))
	digest := sha256.Sum256([]byte(header + "." + payload))
	der, err := ecdsa.SignASN1(rand.Reader, private, digest[:])
	if err != nil {
		t.Fatal(err)
	}
	compact := header + "." + payload + "." + base64.RawURLEncoding.EncodeToString(der)
	token, _ := Decode(compact)
	key := Key{Type: KeyEC, Public: &private.PublicKey, Format: "test EC key"}

	result := Verify(token, VerifyOptions{Keys: []Key{key}, Now: checkTime})
	if result.Status != StatusInvalid {
		t.Errorf("Status = %v, want invalid", result.Status)
	}
	requireFinding(t, result, "ecdsa_der_signature", "this signature is DER-encoded")
	requireFinding(t, result, "ecdsa_der_signature", "JWS needs the 64-byte r||s form (RFC 7518 3.4)")
	requireFinding(t, result, "ecdsa_der_signature", "converted to r||s it would verify")
}

func TestVerifyUnsupported(t *testing.T) {
	tests := map[string]struct {
		compact  string
		mentions string
	}{
		"ES256K": {testCompact(`{"alg":"ES256K"}`, `{}`, "c2ln"), `cannot verify alg "ES256K"`},
		"RS1":    {testCompact(`{"alg":"RS1"}`, `{}`, "c2ln"), `cannot verify alg "RS1"`},
		"lower-case alg": {testCompact(`{"alg":"hs256"}`, `{}`, "c2ln"),
			`case-sensitive, and the registered one is "HS256"`},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			token, _ := Decode(test.compact)
			result := Verify(token, VerifyOptions{Keys: []Key{SecretFromText("k")}, Now: checkTime})
			if result.Status != StatusUnsupported {
				t.Errorf("Status = %v, want unsupported", result.Status)
			}
			requireFailedCheck(t, result, CheckAlgorithm, test.mentions)
		})
	}
}

func TestVerifyJWEUnsupported(t *testing.T) {
	token, _ := caseToken(t, "jwe_compact_5_parts")
	result := Verify(token, VerifyOptions{Keys: []Key{SecretFromText("k")}, Now: checkTime})
	if result.Status != StatusUnsupported {
		t.Errorf("Status = %v, want unsupported", result.Status)
	}
	requireFailedCheck(t, result, CheckForm, "JWE")
}

func TestVerifyAlgorithmsOption(t *testing.T) {
	token, c := caseToken(t, "jwtio_hs256_legacy")
	keys := []Key{SecretFromText(*c.Key.Secret)}

	rejected := Verify(token, VerifyOptions{Keys: keys, Algorithms: []string{"RS256", "ES256"}, Now: checkTime})
	if rejected.Status != StatusRejected {
		t.Errorf("Status = %v, want rejected", rejected.Status)
	}
	requireFailedCheck(t, rejected, CheckAlgorithmAllow, "not in the accepted list (RS256, ES256)")

	accepted := Verify(token, VerifyOptions{Keys: keys, Algorithms: []string{"HS256"}, Now: checkTime})
	if accepted.Status != StatusVerified {
		t.Errorf("Status = %v, want verified", accepted.Status)
	}
}

func TestVerifyKidChosenFirst(t *testing.T) {
	compact := signTestTokenWithHeader(t, jwt.SigningMethodHS256, []byte("second-key-0123456789-0123456789"),
		`{"alg":"HS256","kid":"b"}`, `{"sub":"a"}`)
	token, _ := Decode(compact)
	keys, err := ParseKeys([]byte(`{"keys":[
		{"kty":"oct","kid":"a","k":"Zmlyc3Qta2V5LTAxMjM0NTY3ODktMDEyMzQ1Njc4OTAx"},
		{"kty":"oct","kid":"b","k":"c2Vjb25kLWtleS0wMTIzNDU2Nzg5LTAxMjM0NTY3ODk"}]}`))
	if err != nil {
		t.Fatal(err)
	}

	result := Verify(token, VerifyOptions{Keys: keys, Now: checkTime})
	if result.Status != StatusVerified {
		t.Fatalf("Status = %v, want verified; checks %+v", result.Status, result.Checks)
	}
	if want := `key 2: JWKS key 2 (oct, 32 bytes, kid b)`; result.Key != want {
		t.Errorf("Key = %q, want %q", result.Key, want)
	}

	wrong := Verify(token, VerifyOptions{Keys: keys[:1], Now: checkTime})
	if want := `tried key 1: JWKS key 1 (oct, 33 bytes, kid a)`; wrong.Key != want {
		t.Errorf("Key = %q, want %q", wrong.Key, want)
	}

	plain := Verify(token, VerifyOptions{Keys: []Key{{Type: KeyHMAC, Secret: []byte("x"), ID: "c"}}, Now: checkTime})
	if want := `tried key 1 (kid "c")`; plain.Key != want {
		t.Errorf("Key = %q, want %q", plain.Key, want)
	}
}

func TestVerifyDetachedPayloadMissing(t *testing.T) {
	token, c := caseToken(t, "rfc7520_4_5_detached_hs256")
	keys := keyForms(t, c)["jwk"]
	result := Verify(token, VerifyOptions{Keys: keys, Now: checkTime})
	if result.Status != StatusNotChecked {
		t.Errorf("Status = %v, want not checked", result.Status)
	}
	requireFailedCheck(t, result, CheckDetachedPayload, "supply the payload")
}

func TestVerifyNoKey(t *testing.T) {
	token, _ := caseToken(t, "jwtio_hs256_legacy")
	result := Verify(token, VerifyOptions{Now: checkTime})
	if result.Status != StatusNotChecked {
		t.Errorf("Status = %v, want not checked", result.Status)
	}
	if result.Key != "no key given" {
		t.Errorf("Key = %q, want %q", result.Key, "no key given")
	}
}

func TestVerifyWeakRSAKey(t *testing.T) {
	private, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Skipf("cannot generate a 1024-bit RSA key: %v", err)
	}
	compact := signTestToken(t, jwt.SigningMethodRS256, private, `{"sub":"a"}`)
	token, _ := Decode(compact)
	key := Key{Type: KeyRSA, Public: &private.PublicKey}
	result := Verify(token, VerifyOptions{Keys: []Key{key}, Now: checkTime})
	if result.Status != StatusVerified {
		t.Errorf("Status = %v, want verified", result.Status)
	}
	requireFinding(t, result, "weak_rsa_key", "1024 bits")
}

func TestVerifyWellKnownSecret(t *testing.T) {
	token, c := caseToken(t, "weak_secret_secret")
	result := Verify(token, VerifyOptions{Keys: []Key{SecretFromText(*c.Key.Secret)}, Now: checkTime})
	if result.Status != StatusVerified {
		t.Errorf("Status = %v, want verified", result.Status)
	}
	requireFinding(t, result, "weak_or_public_secret", "published example secret")
	requireFinding(t, result, "weak_secret", "6 bytes")
}

func TestVerifyExampleSecretIsPublic(t *testing.T) {
	compact, secret := ExampleToken(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	token, err := Decode(compact)
	if err != nil {
		t.Fatal(err)
	}
	result := Verify(token, VerifyOptions{Keys: []Key{SecretFromText(secret)}, Now: checkTime})
	requireFinding(t, result, "weak_or_public_secret", "published example secret")
}

func TestVerifyECCurvePinned(t *testing.T) {
	token, c := caseToken(t, "jwtio_es512")
	keys := keyForms(t, c)["pem"]
	if len(keys) != 1 {
		t.Fatal("the ES512 case has no PEM key")
	}
	es256 := testCompact(`{"alg":"ES256"}`, `{}`, strings.Repeat("A", 86))
	mismatched, _ := Decode(es256)
	result := Verify(mismatched, VerifyOptions{Keys: keys, Now: checkTime})
	requireFailedCheck(t, result, CheckKeyType, "needs P-256")
	if Verify(token, VerifyOptions{Keys: keys, Now: checkTime}).Status != StatusVerified {
		t.Error("the ES512 token does not verify with its P-521 key")
	}
}

func TestVerifyNilToken(t *testing.T) {
	result := Verify(nil, VerifyOptions{})
	if result.Status != StatusNotChecked || result.Valid() {
		t.Errorf("Verify(nil) = %+v, want not checked and not valid", result)
	}
}

// testCompact builds a compact token from header and payload JSON and a
// signature segment.
func testCompact(header, payload, signature string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(header)) + "." +
		base64.RawURLEncoding.EncodeToString([]byte(payload)) + "." + signature
}

func signTestToken(t *testing.T, method jwt.SigningMethod, key any, payload string) string {
	t.Helper()
	return signTestTokenWithHeader(t, method, key, `{"alg":"`+method.Alg()+`"}`, payload)
}

// signTestTokenWithHeader signs with golang-jwt, so the tests check Verify
// against an independent signer.
func signTestTokenWithHeader(t *testing.T, method jwt.SigningMethod, key any, header, payload string) string {
	t.Helper()
	input := base64.RawURLEncoding.EncodeToString([]byte(header)) + "." +
		base64.RawURLEncoding.EncodeToString([]byte(payload))
	signature, err := method.Sign(input, key)
	if err != nil {
		t.Fatal(err)
	}
	return input + "." + base64.RawURLEncoding.EncodeToString(signature)
}

func TestVerifyCritRules(t *testing.T) {
	secret := []byte("crit-test-secret-0123456789-0123")
	tests := map[string]struct {
		header   string
		mentions string
	}{
		"b64 not listed":    {`{"alg":"HS256","b64":true}`, "crit does not list it"},
		"listed, absent":    {`{"alg":"HS256","crit":["b64"]}`, `crit names "b64", which is not in the header`},
		"empty crit":        {`{"alg":"HS256","crit":[]}`, "non-empty array"},
		"crit not an array": {`{"alg":"HS256","crit":"b64"}`, "non-empty array"},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			compact := signTestTokenWithHeader(t, jwt.SigningMethodHS256, secret, test.header, `{"sub":"a"}`)
			token, _ := Decode(compact)
			result := Verify(token, VerifyOptions{Keys: []Key{SecretFromText(string(secret))}, Now: checkTime})
			if result.Status != StatusRejected {
				t.Errorf("Status = %v, want rejected", result.Status)
			}
			requireFailedCheck(t, result, CheckCrit, test.mentions)
			requireFailedCheck(t, result, CheckCrit, "signature bytes matched")
		})
	}
}

func FuzzVerify(f *testing.F) {
	f.Add(testCompact(`{"alg":"HS256","crit":["b64"],"b64":false}`, `{"exp":"1"}`, "c2ln"))
	f.Add(testCompact(`{"alg":"ES256"}`, `{"exp":1e999,"aud":[1]}`, "MAYCAQECAQE"))
	f.Add(testCompact(`{"alg":"none"}`, `{}`, ""))
	f.Add("eyJhbGciOiJIUzI1NiJ9..c2ln")
	keys := []Key{
		SecretFromText("fuzz-secret"),
		{Type: KeyEC, Public: &generatedKeys.ec.PublicKey},
		{Type: KeyRSA, Public: &generatedKeys.rsa.PublicKey},
		{Type: KeyEd25519, Public: generatedKeys.ed25519.Public()},
	}
	f.Fuzz(func(t *testing.T, input string) {
		token, _ := Decode(input)
		result := Verify(token, VerifyOptions{Keys: keys, Now: checkTime, DetachedPayload: []byte("x")})
		if result.Status == StatusVerified {
			t.Errorf("random input verified: %q", input)
		}
	})
}

func TestVerifyPrivateKeyNoted(t *testing.T) {
	token, c := caseToken(t, "bug_23_ec_sec1_private_key")
	keys := keyForms(t, c)["pem_private"]
	result := Verify(token, VerifyOptions{Keys: keys, Now: checkTime})
	if result.Status != StatusVerified {
		t.Errorf("Status = %v, want verified", result.Status)
	}
	requireFinding(t, result, "private_key_given", "needs only the public key")
}

func TestVerifyMalformedPayloadRejected(t *testing.T) {
	secret := []byte("malformed-secret-0123456789-0123")
	input := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"HS256"}`)) + ".not*base64"
	signature, err := jwt.SigningMethodHS256.Sign(input, secret)
	if err != nil {
		t.Fatal(err)
	}
	token, _ := Decode(input + "." + base64.RawURLEncoding.EncodeToString(signature))
	if token == nil {
		t.Fatal("Decode returned no token")
	}
	result := Verify(token, VerifyOptions{Keys: []Key{SecretFromText(string(secret))}, Now: checkTime})
	if result.Status != StatusInvalid {
		t.Errorf("Status = %v, want invalid", result.Status)
	}
	requireFailedCheck(t, result, CheckForm, "not valid base64url")
}

func TestVerifyCritWithoutKey(t *testing.T) {
	token, _ := caseToken(t, "header_crit_unknown")
	result := Verify(token, VerifyOptions{Now: checkTime})
	if result.Status != StatusNotChecked {
		t.Errorf("Status = %v, want not checked", result.Status)
	}
	requireFailedCheck(t, result, CheckCrit, "https://example.invalid/must-understand")
}

func TestVerifyConfusionNotNotedWhenSecretFits(t *testing.T) {
	token, c := caseToken(t, "jwtio_hs256_legacy")
	keys := []Key{
		{Type: KeyRSA, Public: &generatedKeys.rsa.PublicKey},
		SecretFromText(*c.Key.Secret),
	}
	result := Verify(token, VerifyOptions{Keys: keys, Now: checkTime})
	if result.Status != StatusVerified {
		t.Errorf("Status = %v, want verified", result.Status)
	}
	if findingByCode(result.Findings, "algorithm_confusion") != nil {
		t.Errorf("algorithm_confusion noted although an HMAC secret verified: %+v", result.Findings)
	}
}

func TestVerifyEmptySecretRejected(t *testing.T) {
	token, _ := caseToken(t, "jwtio_hs256_legacy")
	result := Verify(token, VerifyOptions{Keys: []Key{SecretFromText("")}, Now: checkTime})
	if result.Status != StatusRejected {
		t.Errorf("Status = %v, want rejected", result.Status)
	}
	requireFailedCheck(t, result, CheckKeyType, "the secret is empty")
	if findingByCode(result.Findings, "algorithm_confusion") != nil {
		t.Error("algorithm_confusion noted for an empty HMAC secret")
	}
}

func TestVerifyStatusRejectedOrInvalid(t *testing.T) {
	secret := []byte("status-test-secret-0123456789-01")
	good := signTestToken(t, jwt.SigningMethodHS256, secret, `{"sub":"a"}`)
	tests := map[string]struct {
		compact string
		keys    []Key
		want    Status
	}{
		"wrong secret": {good, []Key{SecretFromText("another-secret-0123456789-012345")}, StatusInvalid},
		"EC key for HS256": {good, []Key{{Type: KeyEC, Public: &generatedKeys.ec.PublicKey}},
			StatusRejected},
		"RSA key for HS256": {good, []Key{{Type: KeyRSA, Public: &generatedKeys.rsa.PublicKey}},
			StatusRejected},
		"EC key for RS256": {signTestToken(t, jwt.SigningMethodRS256, generatedKeys.rsa, `{}`),
			[]Key{{Type: KeyEC, Public: &generatedKeys.ec.PublicKey}}, StatusRejected},
		"repeated header parameter": {signTestTokenWithHeader(t, jwt.SigningMethodHS256, secret,
			`{"alg":"HS256","typ":"JWT","typ":"JWT"}`, `{}`), []Key{SecretFromText(string(secret))},
			StatusRejected},
		"unknown crit, matching bytes": {signTestTokenWithHeader(t, jwt.SigningMethodHS256, secret,
			`{"alg":"HS256","crit":["x"],"x":1}`, `{}`), []Key{SecretFromText(string(secret))},
			StatusRejected},
		"unknown crit, wrong bytes": {signTestTokenWithHeader(t, jwt.SigningMethodHS256, secret,
			`{"alg":"HS256","crit":["x"],"x":1}`, `{}`),
			[]Key{SecretFromText("another-secret-0123456789-012345")}, StatusInvalid},
		"empty signature": {strings.TrimRight(good, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"),
			[]Key{SecretFromText(string(secret))}, StatusInvalid},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			token, _ := Decode(test.compact)
			result := Verify(token, VerifyOptions{Keys: test.keys, Now: checkTime})
			if result.Status != test.want {
				t.Errorf("Status = %v, want %v; checks %+v", result.Status, test.want, result.Checks)
			}
		})
	}
}

func TestResultClaimsChecked(t *testing.T) {
	tests := map[string]struct {
		compact  string
		detached []byte
		want     bool
	}{
		"JSON payload":         {testCompact(`{"alg":"HS256"}`, `{"sub":"a"}`, "c2ln"), nil, true},
		"empty JSON payload":   {testCompact(`{"alg":"HS256"}`, `{}`, "c2ln"), nil, true},
		"text payload":         {testCompact(`{"alg":"HS256"}`, `plain text`, "c2ln"), nil, false},
		"detached, not given":  {"eyJhbGciOiJIUzI1NiJ9..c2ln", nil, false},
		"detached, JSON given": {"eyJhbGciOiJIUzI1NiJ9..c2ln", []byte(`{"sub":"a"}`), true},
		"detached, text given": {"eyJhbGciOiJIUzI1NiJ9..c2ln", []byte(`text`), false},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			token, _ := Decode(test.compact)
			result := Verify(token, VerifyOptions{Now: checkTime, DetachedPayload: test.detached})
			if got := result.ClaimsChecked(); got != test.want {
				t.Errorf("ClaimsChecked() = %v, want %v; checks %+v", got, test.want, result.Checks)
			}
		})
	}
}
