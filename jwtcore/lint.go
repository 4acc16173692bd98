package jwtcore

import (
	"fmt"
	"strings"
	"time"
)

// Finding codes set by Lint.
const (
	CodeAlgNone          = "alg_none"
	CodeAlgNoneSignature = "alg_none_with_signature"
	CodeAlgMissing       = "alg_missing"
	CodeAlgEd25519       = "alg_ed25519_new_name"
	CodeAlgUnsupported   = "alg_not_supported"
	CodeExpMissing       = "exp_missing"
	CodeExpired          = "expired"
	CodeNotYetValid      = "not_yet_valid"
	CodeIatInFuture      = "iat_in_future"
	CodeFractionalDate   = "fractional_numericdate"
	CodeVeryLongLifetime = "very_long_lifetime"
	CodeNegativeLifetime = "negative_lifetime"
	CodeSubNotString     = "sub_not_string"
	CodeIssNotString     = "iss_not_string"
	CodeAudWrongType     = "aud_wrong_type"
	CodeJkuPresent       = "jku_present"
	CodeX5uPresent       = "x5u_present"
	CodeJwkInHeader      = "jwk_in_header"
	CodeX5cInHeader      = "x5c_in_header"
	CodeKidPath          = "kid_path_traversal"
	CodeKidSQL           = "kid_sql_injection"
	CodeCritPresent      = "crit_present"
	CodeCritB64          = "crit_b64"
	CodeB64WithoutCrit   = "b64_without_crit"
	CodeSensitiveData    = "sensitive_data_in_payload"
	CodeImpreciseInteger = "integer_beyond_float64_precision"
	CodeNumberOutOfRange = "number_out_of_float64_range"
	CodeVeryLargeToken   = "very_large_token"
	// The time claim codes follow the claim name, as in exp_not_number,
	// exp_zero, nbf_negative or exp_looks_like_milliseconds.
	CodeTimeClaimNotNumber   = "not_number"
	CodeTimeClaimZero        = "zero"
	CodeTimeClaimNegative    = "negative"
	CodeTimeClaimMillisecond = "looks_like_milliseconds"
)

// Limits used by Lint.
const (
	// maxTokenSize is the compact length above which a token is flagged.
	// Many servers cap all request headers at 8 KB (nginx's default
	// large_client_header_buffers is 8k per line), so such a token may be
	// rejected before the application reads it.
	maxTokenSize = 8 * 1024
	// maxAccessLifetime is the exp - iat above which a token is flagged.
	// Access tokens usually live minutes to an hour; a day already means
	// a stolen token stays useful long after it leaked.
	maxAccessLifetime = 24 * time.Hour
	// maxRefreshLifetime applies instead when token_type is "refresh",
	// since refresh tokens are meant to last days or weeks.
	maxRefreshLifetime = 90 * 24 * time.Hour
)

// Lint returns warnings about the token itself, evaluated at now: the
// algorithm, risky header parameters, missing or broken time claims,
// claim types, numbers JSON consumers cannot hold, and data that should
// not sit in a readable payload. Warnings about keys come from Verify.
// Lint does not repeat the findings Decode stored in t.Findings.
func Lint(t *Token, now time.Time) []Finding {
	if t == nil {
		return nil
	}
	l := &linter{token: t, now: now}
	if len(t.Compact) > maxTokenSize {
		l.add(CodeVeryLargeToken, SeverityWarning, fmt.Sprintf("the token is %d bytes; many "+
			"servers reject request headers over 8 KB, so it may never reach the "+
			"application", len(t.Compact)))
	}
	if isObject(t.Header) {
		l.lintAlg()
		l.lintHeader()
		l.lintNumbers(SegmentHeader, scanJSON(t.Header.Text))
	}
	if t.Form != FormJWE && t.Payload.Object != nil {
		l.lintClaims()
		scan := scanJSON(t.Payload.Bytes)
		l.lintNumbers(SegmentPayload, scan)
		l.lintSensitive(scan)
	}
	return l.findings
}

// linter collects the findings of one Lint call.
type linter struct {
	token    *Token
	now      time.Time
	findings []Finding
}

func (l *linter) add(code string, severity Severity, message string) {
	l.findings = append(l.findings, Finding{Code: code, Severity: severity, Message: message})
}

func (l *linter) lintAlg() {
	if l.token.Form == FormJWE {
		return
	}
	alg, ok := l.token.Header.String("alg")
	switch {
	case !ok:
		l.add(CodeAlgMissing, SeverityDanger, "the header has no alg (or alg is not a "+
			"string): a JWS must name its algorithm, so the token cannot be verified")
	case alg == "none":
		l.add(CodeAlgNone, SeverityDanger, "alg is \"none\": the token is unsigned, so "+
			"anyone can write or change it; never accept it as proof of anything")
		if len(l.token.Segments) >= 3 && l.token.Segments[2] != "" {
			l.add(CodeAlgNoneSignature, SeverityDanger, "alg is \"none\" but the signature "+
				"segment is not empty; RFC 7518 section 3.6 requires it to be empty, so the "+
				"token is malformed")
		}
	case alg == "Ed25519":
		l.add(CodeAlgEd25519, SeverityInfo, "alg \"Ed25519\" is the fully specified name "+
			"from RFC 9864; many libraries know only \"EdDSA\" for the same signature and "+
			"may reject this name")
	default:
		if _, known := LookupAlgorithm(alg); !known {
			l.add(CodeAlgUnsupported, SeverityWarning, fmt.Sprintf("jwtlab cannot verify alg "+
				"%q, and many JWT libraries do not support it either; the token still "+
				"decodes", alg))
		}
	}
}

func (l *linter) lintHeader() {
	h := l.token.Header
	if _, ok := h.Get("jku"); ok {
		l.add(CodeJkuPresent, SeverityWarning, "the header names a key URL (jku): a verifier "+
			"that fetches it lets an attacker point at their own key; trust only keys you "+
			"configured (jwtlab never fetches it)")
	}
	if _, ok := h.Get("x5u"); ok {
		l.add(CodeX5uPresent, SeverityWarning, "the header names a certificate URL (x5u): a "+
			"verifier that fetches it lets an attacker point at their own certificate; trust "+
			"only keys you configured (jwtlab never fetches it)")
	}
	if _, ok := h.Get("jwk"); ok {
		l.add(CodeJwkInHeader, SeverityDanger, "the header embeds a public key (jwk): anyone "+
			"can sign a token with their own key and embed it, so a verifier must never use "+
			"this key")
	}
	if _, ok := h.Get("x5c"); ok {
		l.add(CodeX5cInHeader, SeverityWarning, "the header embeds a certificate chain "+
			"(x5c): use it only after validating the chain against a trusted root")
	}
	if kid, ok := h.String("kid"); ok {
		l.lintKid(kid)
	}
	l.lintCrit()
}

// lintKid flags kid values that look like an attempt to reach a file or
// a database through a verifier that looks keys up by kid.
func (l *linter) lintKid(kid string) {
	pathLike := strings.Contains(kid, "../") || strings.Contains(kid, `..\`) ||
		strings.HasPrefix(kid, "/") || strings.ContainsRune(kid, 0)
	if pathLike {
		l.add(CodeKidPath, SeverityDanger, fmt.Sprintf("kid %q looks like a file path; a "+
			"verifier that reads the key from a file named by kid could be made to use any "+
			"file, such as /dev/null, as the key", truncate(kid, 40)))
	}
	lower := strings.ToLower(kid)
	sqlLike := strings.ContainsAny(kid, "';") || strings.Contains(kid, "--") ||
		strings.Contains(lower, " or ") || strings.Contains(lower, "union select")
	if sqlLike {
		l.add(CodeKidSQL, SeverityDanger, fmt.Sprintf("kid %q contains SQL syntax; a "+
			"verifier that looks the key up by kid in a database could be made to return a "+
			"key the attacker chose", truncate(kid, 40)))
	}
}

func (l *linter) lintCrit() {
	raw, ok := l.token.Header.Get("crit")
	b64, hasB64 := l.token.Header.Get("b64")
	switch {
	case ok && isJSONArrayOf(raw, "b64") && hasB64:
		l.add(CodeCritB64, SeverityInfo, "crit lists b64, as RFC 7797 requires for an "+
			"unencoded payload; receivers that do not support b64 must reject the token")
	case ok:
		l.add(CodeCritPresent, SeverityWarning, fmt.Sprintf("crit is %s: a receiver must "+
			"reject the token unless it understands every header parameter listed (RFC 7515 "+
			"section 4.1.11)", raw))
	case hasB64:
		l.add(CodeB64WithoutCrit, SeverityWarning, fmt.Sprintf("b64 is %s but crit does not "+
			"list it; RFC 7797 requires crit to contain b64, or receivers may misread the "+
			"payload", b64))
	}
}

func (l *linter) lintNumbers(role string, scan jsonScan) {
	if len(scan.impreciseInts) > 0 {
		l.add(CodeImpreciseInteger, SeverityWarning, fmt.Sprintf("the %s contains integers "+
			"beyond 2^53 (%s); JavaScript and many JSON libraries read numbers as float64 "+
			"and round them, so send such IDs as "+
			"strings", role, strings.Join(limitList(scan.impreciseInts, 3), ", ")))
	}
	if len(scan.overflowing) > 0 {
		l.add(CodeNumberOutOfRange, SeverityWarning, fmt.Sprintf("the %s contains numbers "+
			"beyond the float64 range (%s); they cannot be represented as a normal "+
			"floating-point number, so JavaScript reads Infinity and Go's encoding/json "+
			"rejects the whole object", role, strings.Join(limitList(scan.overflowing, 3), ", ")))
	}
}

func (l *linter) lintSensitive(scan jsonScan) {
	var found []string
	for _, name := range scan.names {
		if isSensitiveName(name) {
			found = append(found, fmt.Sprintf("claim %q", name))
		}
	}
	for _, value := range scan.strings {
		if looksLikeCardNumber(value) {
			found = append(found, "a payment card number")
		} else if looksLikeSSN(value) {
			found = append(found, "a social security number")
		}
	}
	if len(found) > 0 {
		l.add(CodeSensitiveData, SeverityWarning, fmt.Sprintf("the payload seems to hold "+
			"sensitive data (%s); the payload is encoded, not encrypted: anyone holding the "+
			"token can read it", strings.Join(limitList(found, 3), ", ")))
	}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// limitList returns at most n items, with a count of the rest.
func limitList(items []string, n int) []string {
	if len(items) <= n {
		return items
	}
	return append(items[:n:n], fmt.Sprintf("and %d more", len(items)-n))
}
