package main

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// assertion checks one written expectation of a product check. previous is
// the result of the check before it in the same case, or nil.
type assertion func(t *testing.T, c bugCase, r checkResult, previous *checkResult)

// Payloads that several cases share, as compact JSON in token order.
const (
	hs256Header        = `{"alg":"HS256","typ":"JWT"}`
	alexExamplePayload = `{"sub":"1234","name":"Alex Example","iat":1516239022}`
)

// productExpectations holds the assertions for each product check, keyed
// by case name and check index. The comment above each entry is the
// expectation it encodes, shortened.
var productExpectations = map[string][]assertion{
	// header and payload equal; a warning reports the removed whitespace; no error.
	"bug_01_trailing_newline/0": {
		rawMember("header", hs256Header), rawMember("payload", `{"bar":10}`),
		warningMatches(`(?i)whitespace|newline|line break`), noMember("error"),
	},
	// valid; a whitespace warning; a weak-secret warning naming 3 bytes.
	"bug_01_trailing_newline/1": {
		memberIs("signature_valid", true), memberIs("valid", true),
		warningMatches(`(?i)whitespace|newline|line break`), warningMatches(`(?i)(short|weak).*\b3 bytes|\b3 bytes.*(short|weak)|secret is 3 bytes`),
	},
	// the same result when the token comes from stdin.
	"bug_01_trailing_newline/2": {sameStdoutAsPrevious()},

	// header and payload kept; a warning that line breaks inside were removed (6 characters).
	"bug_02_wrapped_crlf/0": {
		rawMember("header", hs256Header), rawMember("payload", alexExamplePayload),
		warningMatches(`(?i)line break|whitespace`), warningMatches(`\b6\b`),
	},
	"bug_02_wrapped_crlf/1": {memberIs("signature_valid", true), memberIs("valid", true)},
	// the whole of stdin is read, not just its first line.
	"bug_02_wrapped_crlf/2": {
		rawMember("header", hs256Header), rawMember("payload", alexExamplePayload), stdoutLines(1),
	},
	"bug_02_wrapped_lf/0": {
		rawMember("header", hs256Header), rawMember("payload", alexExamplePayload),
		warningMatches(`(?i)line break|whitespace`), warningMatches(`\b3\b`),
	},
	"bug_02_wrapped_lf/1": {memberIs("signature_valid", true), memberIs("valid", true)},
	"bug_02_wrapped_lf/2": {
		rawMember("header", hs256Header), rawMember("payload", alexExamplePayload), stdoutLines(1),
	},

	// a warning names what was stripped: Authorization: and Bearer.
	"bug_03_authorization_header/0": {
		rawMember("payload", alexExamplePayload), warningMatches(`Authorization`), warningMatches(`(?i)bearer`),
	},
	"bug_03_authorization_header/1": {memberIs("signature_valid", true), memberIs("valid", true)},
	"bug_03_bearer_prefix/0":        {rawMember("payload", alexExamplePayload), warningMatches(`(?i)bearer`)},
	"bug_03_bearer_prefix/1":        {memberIs("signature_valid", true), memberIs("valid", true)},
	"bug_03_lowercase_bearer/0":     {rawMember("payload", alexExamplePayload), warningMatches(`(?i)bearer`)},
	"bug_03_lowercase_bearer/1":     {memberIs("signature_valid", true), memberIs("valid", true)},

	"bug_06_utf8_accented_name/0": {pathIs("payload.name", "Chloé Example")},
	"bug_06_utf8_accented_name/1": {memberIs("signature_valid", true), memberIs("valid", true)},
	// sub is 超级管理员; key order jti, sub, userType, userStatus, userCode.
	"bug_06_utf8_cjk_payload/0": {
		pathIs("payload.sub", "超级管理员"), payloadKeyOrder("jti", "sub", "userType", "userStatus", "userCode"),
	},
	"bug_06_utf8_cjk_payload/1": {memberIs("signature_valid", true), memberIs("valid", true)},
	// the reported token gives the same header and payload; the signature is not judged.
	"bug_06_utf8_cjk_payload/2": {
		sameMemberAsPrevious("header"), sameMemberAsPrevious("payload"), noMember("signature_valid"),
	},

	// exact digits of sub; key order; a warning about sub or precision; exp time.
	"bug_07_big_integer_sub/0": {
		stdoutMatches(`"sub":\s*100002348117421473\b`),
		stdoutLacks("100002348117421470"), stdoutLacks("e+17"),
		payloadKeyOrder("iss", "sub", "aud", "exp", "nbf", "iat", "jti"),
		warningMatches(`(?i)\bsub\b.*(string|number)|precision|2\^53`),
		claimTime("exp", "2020-02-20T15:47:37Z"),
	},
	// signature valid, token invalid because exp is past.
	"bug_07_big_integer_sub/1": {
		memberIs("signature_valid", true), memberIs("valid", false), checkFails(`^exp$`, ``),
	},
	"bug_07_big_integer_sub/2": {memberIs("valid", true), memberIs("signature_valid", true)},
	"bug_07_int64_and_uint64_claims/0": {
		stdoutMatches(`[:\[,]\s*1147953659032899584\b`), stdoutMatches(`[:\[,]\s*18446744073709551615\b`),
		stdoutLacks("1147953659032899600"), stdoutLacks("18446744073709552000"),
		stdoutLacks("e+18"), stdoutLacks("e+19"), pathIs("payload.sub", "admin"),
	},
	"bug_07_int64_and_uint64_claims/1": {memberIs("signature_valid", true), memberIs("valid", true)},
	// 1.5e400 kept as text; no Infinity or null; a warning about float range.
	"bug_07_number_beyond_float64/0": {
		noMember("error"), stdoutMatches(`1\.5[eE]400`), stdoutMatches(`"sub":\s*"admin"`),
		stdoutMatches(`"n":\s*1\.5[eE]400`),
		stdoutLacksMatch(`"(n|value)":\s*"?(Infinity|\+Inf|-Inf|null)`),
		warningMatches(`(?i)float`),
	},
	"bug_07_number_beyond_float64/1": {memberIs("signature_valid", true), memberIs("valid", true)},

	// header {"alg":"none"}; payload in order; a warning about alg none.
	"bug_10_alg_none_rfc7519/0": {
		rawMember("header", `{"alg":"none"}`),
		payloadKeyOrder("iss", "exp", "http://example.com/is_root"),
		warningMatches(`(?i)unsecured|unsigned|alg(orithm)?:? "?none`),
	},
	// invalid; the message names the token unsigned, not the secret wrong.
	"bug_10_alg_none_rfc7519/1": {
		memberIs("valid", false), memberIs("signature_valid", false),
		stdoutMatches(`(?i)unsigned|unsecured`), stdoutLacks("does not verify with"),
	},
	"bug_10_es256k_unlisted_alg/0": {
		rawMember("header", `{"alg":"ES256K"}`), rawMember("payload", `{"sub":"1234","iat":1516239022}`),
	},
	// supported: signature valid; unsupported: ES256K named as unsupported, no "invalid signature".
	"bug_10_es256k_unlisted_alg/1": {es256kVerdict()},
	"bug_10_es512_decode_without_key/0": {
		rawMember("header", `{"alg":"ES512"}`), rawMember("payload", `{"exp":1696413511}`),
		claimTime("exp", "2023-10-04T09:58:31Z"), claimRelative("exp", `(?i)ago|expired`),
	},
	// signature valid; invalid only because of exp.
	"bug_10_es512_decode_without_key/1": {
		memberIs("signature_valid", true), memberIs("valid", false), checkFails(`^exp$`, ``), onlyFailingChecks(`^exp$`),
	},

	"bug_12_empty_signature_hs256/0": {
		rawMember("payload", alexExamplePayload), warningMatches(`(?i)signature.*(empty|missing)|(empty|missing).*signature`),
	},
	"bug_12_empty_signature_hs256/1": {
		memberIs("signature_valid", false), memberIs("valid", false), stdoutMatches(`(?i)empty`),
	},
	// an error saying 1 part was found where 3 are needed; {"hi":"ffds"} shown.
	"bug_12_single_segment/0": {
		pathMatches("error.message", `\b1\b`), pathMatches("error.message", `\b3\b`),
		rawMember("header", `{"hi":"ffds"}`),
	},
	"bug_12_single_segment/1": {memberIsNot("valid", true)},
	"bug_12_two_segments/0": {
		rawMember("payload", alexExamplePayload),
		stdoutMatches(`(?i)signature[^"]*missing|missing[^"]*signature|\b2 (parts|segments)\b`),
	},
	"bug_12_two_segments/1": {memberIs("valid", false), checkFails(``, `(?i)signature|segment|part`)},

	// the output names a JWE; the header is shown; no decrypted payload.
	"bug_14_jwe_dir_a256gcm/0": {
		stdoutMatches(`(?i)\bJWE\b|encrypted`), rawMember("header", `{"alg":"dir","enc":"A256GCM"}`),
		noMember("payload"),
	},
	"bug_14_jwe_dir_a256gcm/1": {stdoutMatches(`\bJWE\b`), memberIsNot("valid", true)},

	// exp keeps its value and reads as the year 52320; a warning names milliseconds and 2020-05-08.
	"bug_15_exp_milliseconds/0": {
		claimValue("exp", "1588900930874"), claimTimeMatches("exp", `^52320-`),
		warningMatches(`(?i)milliseconds.*2020-05-08|2020-05-08.*milliseconds`),
	},
	"bug_15_exp_milliseconds/1": {
		memberIs("signature_valid", true), memberIs("valid", true), warningMatches(`(?i)milliseconds`),
	},
	"bug_16_exp_zero/0": {
		claimTime("exp", "1970-01-01T00:00:00Z"), claimRelative("exp", `(?i)ago|expired`),
	},
	"bug_16_exp_zero/1": {
		memberIs("signature_valid", true), memberIs("valid", false), checkFails(`^exp$`, `(?i)expired`),
	},

	// invalid; the signature in the output is the original third part.
	"bug_21_verify_never_resigns/0": {
		memberIs("signature_valid", false), memberIs("valid", false),
		pathIs("signature", "a9b52fBZPUtpmxlOVl2xZtXrxwDdaUqBOmrJQ0ou0lI"),
	},
	// an empty secret is refused: exit 1 or 2 (checked by the exit), never valid.
	"bug_21_verify_never_resigns/1": {memberIsNot("valid", true), stderrMatches(`(?i)empty`)},
	"bug_21_verify_never_resigns/2": {memberIs("signature_valid", true), memberIs("valid", true)},

	// invalid, with a near-miss message about a trailing newline.
	"bug_22_secret_trailing_newline/0": {memberIs("signature_valid", false), stdoutMatches(`(?i)newline`)},
	// the file bytes are used as they are; a warning that the file ends with a newline.
	"bug_22_secret_trailing_newline/1": {memberIs("signature_valid", true), warningMatches(`(?i)newline`)},
	"bug_22_secret_trailing_newline/2": {memberIs("signature_valid", false), stdoutMatches(`(?i)newline`)},
	// padded base64 of the 11 bytes verifies, and so does the unpadded base64url form.
	"bug_22_secret_trailing_newline/3": {
		memberIs("signature_valid", true), rerunGives([]string{"verify", "--json", "TOKEN", "--secret-base64", "c29tZXNlY3JldAo"}, 0),
	},

	"bug_23_ec_sec1_private_key/0":      {memberIs("signature_valid", true)},
	"bug_23_ec_sec1_private_key/1":      {memberIs("signature_valid", true)},
	"bug_23_ec_sec1_private_key/2":      {memberIs("signature_valid", true)},
	"bug_23_public_key_without_armor/0": {bareKeyVerdict()},
	"bug_23_public_key_without_armor/1": {memberIs("signature_valid", true)},
	"bug_23_rsa_pkcs1_public_key/0":     {memberIs("signature_valid", true), memberIs("valid", true)},
	"bug_23_rsa_pkcs1_public_key/1":     {memberIs("signature_valid", true)},

	// nothing says the signature is invalid; it is reported as not checked.
	"bug_25_no_key_given/0": {
		rawMember("payload", alexExamplePayload), stdoutLacks("signature_valid"),
		stdoutLacks("invalid signature"), memberIs("signature_checked", false),
	},
	// a usage error naming the key options, not signature_valid false.
	"bug_25_no_key_given/1": {
		stderrMatches(`--secret\b`), stderrMatches(`--secret-base64`), stderrMatches(`--secret-file`),
		stderrMatches(`--key\b`), stdoutLacks("signature_valid"),
	},
	"bug_25_no_key_given/2": {memberIs("signature_valid", true)},
}

// lookup returns the value at a dotted path of the JSON object.
func lookup(object map[string]any, path string) (any, bool) {
	var current any = object
	for _, part := range strings.Split(path, ".") {
		m, ok := current.(map[string]any)
		if !ok {
			return nil, false
		}
		if current, ok = m[part]; !ok {
			return nil, false
		}
	}
	return current, true
}

func requireObject(t *testing.T, r checkResult) {
	t.Helper()
	if r.object == nil {
		t.Fatalf("stdout is not a JSON object: %q", r.stdout)
	}
}

// rawMember asserts that stdout has member name with exactly this JSON
// text, key order and digits included.
func rawMember(name, text string) assertion {
	return func(t *testing.T, _ bugCase, r checkResult, _ *checkResult) {
		t.Helper()
		if !strings.Contains(r.stdout, fmt.Sprintf("%q:%s", name, text)) {
			t.Errorf("stdout lacks %q:%s", name, text)
		}
	}
}

func memberIs(name string, want any) assertion {
	return func(t *testing.T, _ bugCase, r checkResult, _ *checkResult) {
		t.Helper()
		requireObject(t, r)
		if got, ok := r.object[name]; !ok || got != want {
			t.Errorf("%s = %v (present %v), want %v", name, got, ok, want)
		}
	}
}

// memberIsNot passes when the member is absent, stdout is not JSON, or the
// value differs from unwanted.
func memberIsNot(name string, unwanted any) assertion {
	return func(t *testing.T, _ bugCase, r checkResult, _ *checkResult) {
		t.Helper()
		if got, ok := r.object[name]; ok && got == unwanted {
			t.Errorf("%s = %v", name, got)
		}
	}
}

func noMember(name string) assertion {
	return func(t *testing.T, _ bugCase, r checkResult, _ *checkResult) {
		t.Helper()
		requireObject(t, r)
		if got, ok := r.object[name]; ok && got != nil {
			t.Errorf("unexpected member %s = %v", name, got)
		}
	}
}

func pathIs(path string, want any) assertion {
	return func(t *testing.T, _ bugCase, r checkResult, _ *checkResult) {
		t.Helper()
		requireObject(t, r)
		if got, ok := lookup(r.object, path); !ok || got != want {
			t.Errorf("%s = %v (present %v), want %v", path, got, ok, want)
		}
	}
}

func pathMatches(path, pattern string) assertion {
	re := regexp.MustCompile(pattern)
	return func(t *testing.T, _ bugCase, r checkResult, _ *checkResult) {
		t.Helper()
		requireObject(t, r)
		got, _ := lookup(r.object, path)
		if s, ok := got.(string); !ok || !re.MatchString(s) {
			t.Errorf("%s = %v, want a match for %s", path, got, pattern)
		}
	}
}

func stdoutMatches(pattern string) assertion {
	re := regexp.MustCompile(pattern)
	return func(t *testing.T, _ bugCase, r checkResult, _ *checkResult) {
		t.Helper()
		if !re.MatchString(r.stdout) {
			t.Errorf("stdout has no match for %s", pattern)
		}
	}
}

func stderrMatches(pattern string) assertion {
	re := regexp.MustCompile(pattern)
	return func(t *testing.T, _ bugCase, r checkResult, _ *checkResult) {
		t.Helper()
		if !re.MatchString(r.stderr) {
			t.Errorf("stderr has no match for %s", pattern)
		}
	}
}

func stdoutLacks(text string) assertion {
	return func(t *testing.T, _ bugCase, r checkResult, _ *checkResult) {
		t.Helper()
		if strings.Contains(r.stdout, text) {
			t.Errorf("stdout contains %q", text)
		}
	}
}

func stdoutLacksMatch(pattern string) assertion {
	re := regexp.MustCompile(pattern)
	return func(t *testing.T, _ bugCase, r checkResult, _ *checkResult) {
		t.Helper()
		if m := re.FindString(r.stdout); m != "" {
			t.Errorf("stdout contains %s", m)
		}
	}
}

func stdoutLines(n int) assertion {
	return func(t *testing.T, _ bugCase, r checkResult, _ *checkResult) {
		t.Helper()
		if got := strings.Count(r.stdout, "\n"); got != n {
			t.Errorf("stdout has %d lines, want %d", got, n)
		}
	}
}

// warningMatches asserts that some warnings[].message matches pattern.
func warningMatches(pattern string) assertion {
	re := regexp.MustCompile(pattern)
	return func(t *testing.T, _ bugCase, r checkResult, _ *checkResult) {
		t.Helper()
		requireObject(t, r)
		warnings, _ := r.object["warnings"].([]any)
		for _, w := range warnings {
			if m, ok := w.(map[string]any); ok && re.MatchString(fmt.Sprint(m["message"])) {
				return
			}
		}
		t.Errorf("no warning message matches %s", pattern)
	}
}

// claim returns the claims[] entry called name.
func claim(t *testing.T, r checkResult, name string) map[string]any {
	t.Helper()
	requireObject(t, r)
	claims, _ := r.object["claims"].([]any)
	for _, c := range claims {
		if m, ok := c.(map[string]any); ok && m["name"] == name {
			return m
		}
	}
	t.Fatalf("no claims entry for %s", name)
	return nil
}

func claimTime(name, want string) assertion {
	return func(t *testing.T, _ bugCase, r checkResult, _ *checkResult) {
		t.Helper()
		if got := claim(t, r, name)["time"]; got != want {
			t.Errorf("claims %s time = %v, want %s", name, got, want)
		}
	}
}

func claimTimeMatches(name, pattern string) assertion {
	re := regexp.MustCompile(pattern)
	return func(t *testing.T, _ bugCase, r checkResult, _ *checkResult) {
		t.Helper()
		if got := fmt.Sprint(claim(t, r, name)["time"]); !re.MatchString(got) {
			t.Errorf("claims %s time = %s, want a match for %s", name, got, pattern)
		}
	}
}

func claimRelative(name, pattern string) assertion {
	re := regexp.MustCompile(pattern)
	return func(t *testing.T, _ bugCase, r checkResult, _ *checkResult) {
		t.Helper()
		if got := fmt.Sprint(claim(t, r, name)["relative"]); !re.MatchString(got) {
			t.Errorf("claims %s relative = %q, want a match for %s", name, got, pattern)
		}
	}
}

// claimValue compares the claim's value with its exact JSON number text.
func claimValue(name, want string) assertion {
	return func(t *testing.T, _ bugCase, r checkResult, _ *checkResult) {
		t.Helper()
		if got, ok := claim(t, r, name)["value"].(json.Number); !ok || got.String() != want {
			t.Errorf("claims %s value = %v, want %s", name, got, want)
		}
	}
}

// checks returns the checks[] entries.
func checks(t *testing.T, r checkResult) []map[string]any {
	t.Helper()
	requireObject(t, r)
	list, _ := r.object["checks"].([]any)
	var out []map[string]any
	for _, c := range list {
		if m, ok := c.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// checkFails asserts a failed check whose name and message match.
func checkFails(namePattern, messagePattern string) assertion {
	name, message := regexp.MustCompile(namePattern), regexp.MustCompile(messagePattern)
	return func(t *testing.T, _ bugCase, r checkResult, _ *checkResult) {
		t.Helper()
		for _, c := range checks(t, r) {
			if c["ok"] == false && name.MatchString(fmt.Sprint(c["name"])) && message.MatchString(fmt.Sprint(c["message"])) {
				return
			}
		}
		t.Errorf("no failed check with name %s and message %s", namePattern, messagePattern)
	}
}

// onlyFailingChecks asserts that every failed check's name matches.
func onlyFailingChecks(namePattern string) assertion {
	name := regexp.MustCompile(namePattern)
	return func(t *testing.T, _ bugCase, r checkResult, _ *checkResult) {
		t.Helper()
		for _, c := range checks(t, r) {
			if c["ok"] == false && !name.MatchString(fmt.Sprint(c["name"])) {
				t.Errorf("check %v failed: %v", c["name"], c["message"])
			}
		}
	}
}

// payloadKeyOrder asserts that the payload's members appear in this order.
func payloadKeyOrder(names ...string) assertion {
	return func(t *testing.T, _ bugCase, r checkResult, _ *checkResult) {
		t.Helper()
		_, payload, found := strings.Cut(r.stdout, `"payload":`)
		if !found {
			t.Fatalf("stdout has no payload")
		}
		last := -1
		for _, name := range names {
			i := strings.Index(payload, fmt.Sprintf("%q:", name))
			if i < last {
				t.Errorf("payload member %q is out of order (want %v)", name, names)
			}
			if i < 0 {
				t.Errorf("payload has no member %q", name)
			}
			last = i
		}
	}
}

func sameStdoutAsPrevious() assertion {
	return func(t *testing.T, _ bugCase, r checkResult, previous *checkResult) {
		t.Helper()
		if previous == nil || r.stdout != previous.stdout {
			t.Errorf("stdout differs from the previous check")
		}
	}
}

func sameMemberAsPrevious(name string) assertion {
	return func(t *testing.T, _ bugCase, r checkResult, previous *checkResult) {
		t.Helper()
		if previous == nil {
			t.Fatalf("no previous check")
		}
		got, _ := json.Marshal(r.object[name])
		want, _ := json.Marshal(previous.object[name])
		if string(got) != string(want) {
			t.Errorf("%s = %s, previous check had %s", name, got, want)
		}
	}
}

// rerunGives runs another command line (TOKEN replaced) and asserts its
// exit status.
func rerunGives(args []string, status int) assertion {
	return func(t *testing.T, c bugCase, _ checkResult, _ *checkResult) {
		t.Helper()
		resolved := make([]string, len(args))
		for i, a := range args {
			resolved[i] = strings.ReplaceAll(a, "TOKEN", c.Token)
		}
		if got := runInProcess(resolved, ""); got.status != status {
			t.Errorf("%v: exit status %d, want %d (stderr %s)", args, got.status, status, got.stderr)
		}
	}
}

// es256kVerdict: either ES256K verifies, or the output names it as
// unsupported without calling the signature invalid.
func es256kVerdict() assertion {
	return func(t *testing.T, _ bugCase, r checkResult, _ *checkResult) {
		t.Helper()
		if r.status == 0 {
			memberIs("signature_valid", true)(t, bugCase{}, r, nil)
			return
		}
		output := r.stdout + r.stderr
		if !regexp.MustCompile(`ES256K`).MatchString(output) || !regexp.MustCompile(`(?i)unsupported|not supported|cannot verify`).MatchString(output) {
			t.Errorf("the output does not name ES256K as unsupported")
		}
		if regexp.MustCompile(`(?i)invalid signature|signature (is )?invalid`).MatchString(output) {
			t.Errorf("the output calls the signature invalid")
		}
		memberIsNot("signature_valid", true)(t, bugCase{}, r, nil)
	}
}

// bareKeyVerdict: a PEM body without armour either verifies, or fails with
// a key-format error about the missing BEGIN/END lines.
func bareKeyVerdict() assertion {
	return func(t *testing.T, _ bugCase, r checkResult, _ *checkResult) {
		t.Helper()
		if r.status == 0 {
			memberIs("signature_valid", true)(t, bugCase{}, r, nil)
			return
		}
		if !strings.Contains(r.stderr, "BEGIN") || strings.Contains(r.stderr, "signature invalid") {
			t.Errorf("stderr does not explain the missing BEGIN/END lines: %s", r.stderr)
		}
	}
}
