package jwtcore

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Names of the signature checks, used in Check.Name.
const (
	CheckForm            = "form"
	CheckAlgorithm       = "alg"
	CheckAlgorithmAllow  = "alg allowed"
	CheckCrit            = "crit understood"
	CheckKeyType         = "key type matches alg"
	CheckSignature       = "signature"
	CheckDetachedPayload = "detached payload"
)

// algorithmCheckMessages are the messages of the passed alg checks, one
// per entry of algorithmTable, built once instead of on every Verify.
var algorithmCheckMessages = func() (messages [len(algorithmTable)]struct{ known, allowed string }) {
	for i, alg := range algorithmTable {
		messages[i].known = algorithmCheckMessage(alg)
		messages[i].allowed = "alg " + alg.Name + " is in the accepted list"
	}
	return messages
}()

// algorithmCheckMessage returns the message of a passed alg check: the
// alg is known, and its signature scheme. It names no key size, because
// this check does not test the key, and the key size has its own finding.
func algorithmCheckMessage(alg Algorithm) string {
	scheme := alg.Family + " with " + alg.Hash.String()
	switch alg.Family {
	case FamilyRSAPKCS1:
		scheme = "RSA PKCS#1 v1.5 with " + alg.Hash.String()
	case FamilyRSAPSS:
		scheme = "RSA-PSS with " + alg.Hash.String() + " and MGF1"
	case FamilyECDSA:
		scheme = "ECDSA on " + alg.Curve + " with " + alg.Hash.String()
	case FamilyEdDSA:
		scheme = "EdDSA with an Ed25519 key"
	case FamilyNone:
		scheme = "unsigned"
	}
	return alg.Name + " is supported: " + scheme
}

// understoodCritical lists the crit extensions jwtlab implements. The
// only one is b64 (RFC 7797), so any other name in crit rejects the token.
var understoodCritical = [...]string{"b64"}

// Verify checks t's signature with opts.Keys and its claims at opts.Now.
// The signature is checked over the segments exactly as received, and the
// alg is pinned to the key type: a key never verifies an alg of another
// family. A key embedded in the header (jwk) is never used. The signature
// verdict is in Result.Status and the claims verdict in the GroupClaims
// checks, so an expired token with a good signature is StatusVerified.
func Verify(t *Token, opts VerifyOptions) Result {
	// Eight checks cover a signature and the usual claims without growing.
	result := Result{Checks: make([]Check, 0, 8)}
	if t == nil {
		result.fail(GroupSignature, CheckForm, "there is no token to verify")
		return result
	}
	verifier := signatureVerifier{token: t, options: opts, result: &result}
	verifier.run()
	result.Checks = appendClaimChecks(result.Checks, t, opts)
	if !result.ClaimsChecked() {
		result.Findings = append(result.Findings, Finding{Code: CodeClaimsNotChecked,
			Severity: SeverityInfo, Message: skippedClaimsMessage(t, opts)})
	}
	return result
}

// ClaimsChecked reports whether the claims were checked. It is false when
// the payload is not a JSON object, is encrypted, or is detached and its
// content was not given, so a renderer can show "claims not checked"
// instead of "claims valid".
func (r Result) ClaimsChecked() bool {
	for _, check := range r.Checks {
		if check.Group == GroupClaims {
			return true
		}
	}
	return false
}

// SignatureValid reports whether a key verified the signature and nothing
// else (an unknown crit, say) rejected the token.
func (r Result) SignatureValid() bool { return r.Status == StatusVerified }

// ClaimsValid reports whether every claims check passed. It is true when
// no claims check ran.
func (r Result) ClaimsValid() bool {
	for _, check := range r.Checks {
		if check.Group == GroupClaims && !check.OK {
			return false
		}
	}
	return true
}

// Valid reports whether the signature verified and every claims check
// passed.
func (r Result) Valid() bool { return r.SignatureValid() && r.ClaimsValid() }

func (r *Result) pass(group, name, message string) {
	r.Checks = append(r.Checks, Check{Group: group, Name: name, OK: true, Message: message})
}

func (r *Result) fail(group, name, message string) {
	r.Checks = append(r.Checks, Check{Group: group, Name: name, Message: message})
}

func (r *Result) addFinding(code string, severity Severity, message string) {
	for _, existing := range r.Findings {
		if existing.Code == code && existing.Message == message {
			return
		}
	}
	r.Findings = append(r.Findings, Finding{Code: code, Severity: severity, Message: message})
}

// signatureVerifier carries one signature check through its steps.
type signatureVerifier struct {
	token   *Token
	options VerifyOptions
	result  *Result
	alg     Algorithm
	// critError explains why crit rejects the token, or is empty. The
	// signature is still computed, so the message can state whether the
	// bytes matched.
	critError string
}

func (v *signatureVerifier) run() {
	// A malformed token and a signature that does not verify set
	// StatusInvalid, and every other failure leaves StatusRejected.
	v.result.Status = StatusRejected
	if !v.checkForm() || !v.checkHeaderUnique() || !v.checkAlgorithm() {
		return
	}
	v.checkCrit()
	v.noteEmbeddedKey()
	if len(v.options.Keys) == 0 {
		v.result.Status = StatusNotChecked
		v.result.Key = "no key given"
		v.failCrit()
		return
	}
	input, ok := v.signingInput()
	if !ok {
		v.failCrit()
		return
	}
	if len(v.token.Signature) == 0 {
		v.result.Status = StatusInvalid
		v.result.fail(GroupSignature, CheckSignature, emptySignatureMessage(
			v.token.Segments[2], v.alg.Name))
		v.failCrit()
		return
	}
	v.verifyWithKeys(input)
}

// failCrit records the crit failure, if any, when no signature matched.
func (v *signatureVerifier) failCrit() {
	if v.critError != "" {
		v.result.fail(GroupSignature, CheckCrit, v.critError)
	}
}

// checkForm rejects input that is not a three-segment JWS.
func (v *signatureVerifier) checkForm() bool {
	t := v.token
	switch {
	case t.Form == FormJWE:
		v.result.Status = StatusUnsupported
		v.result.fail(GroupSignature, CheckForm, "this is a JWE (an "+
			"encrypted token with five segments); jwtlab reads its header "+
			"but cannot decrypt or verify it")
		return false
	case t.Form == FormDamaged || len(t.Segments) != 3:
		v.result.Status = StatusInvalid
		v.result.fail(GroupSignature, CheckForm, "the token has "+
			pluralCount(len(t.Segments), "segment")+"; a compact JWS has 3 "+
			"(header.payload.signature)")
		return false
	case t.Header.Text == nil:
		v.result.Status = StatusInvalid
		v.result.fail(GroupSignature, CheckForm, "the header could not be "+
			"decoded, so there is no alg to verify with")
		return false
	case t.Segments[1] != "" && t.Payload.Bytes == nil && !isUnencoded(t):
		// A signature over bytes that no reader can decode proves nothing
		// useful, so a malformed payload rejects the token.
		v.result.Status = StatusInvalid
		v.result.fail(GroupSignature, CheckForm, "the payload segment is "+
			"not valid base64url, so the token is malformed")
		return false
	}
	return true
}

// checkAlgorithm resolves alg and applies opts.Algorithms. alg "none" is
// StatusUnsigned whatever the signature segment holds.
func (v *signatureVerifier) checkAlgorithm() bool {
	name, ok := v.token.Header.String("alg")
	if !ok {
		v.result.fail(GroupSignature, CheckAlgorithm, "the header has no "+
			"alg string, so the token cannot be verified")
		return false
	}
	if name == "none" {
		v.rejectNone()
		return false
	}
	alg, ok := LookupAlgorithm(name)
	if !ok {
		v.result.Status = StatusUnsupported
		v.result.fail(GroupSignature, CheckAlgorithm, unsupportedAlgMessage(name))
		return false
	}
	v.alg = alg
	messages := algorithmCheckMessages[algorithmIndex(name)]
	v.result.pass(GroupSignature, CheckAlgorithm, messages.known)

	allowed := v.options.Algorithms
	if len(allowed) > 0 && !slices.Contains(allowed, name) {
		v.result.fail(GroupSignature, CheckAlgorithmAllow, fmt.Sprintf(
			"alg %s is not in the accepted list (%s)", name,
			strings.Join(allowed, ", ")))
		return false
	}
	if len(allowed) > 0 {
		v.result.pass(GroupSignature, CheckAlgorithmAllow, messages.allowed)
	}
	return true
}

func (v *signatureVerifier) rejectNone() {
	v.result.Status = StatusUnsigned
	message := "alg is none: the token is unsigned, so nothing proves who " +
		"wrote it, and it is never accepted"
	if len(v.token.Segments) == 3 && v.token.Segments[2] != "" {
		message += fmt.Sprintf("; the signature segment (%s) "+
			"is ignored, because alg none means there is no signature",
			pluralCount(len(v.token.Segments[2]), "character"))
	}
	v.result.fail(GroupSignature, CheckAlgorithm, message)
}

func unsupportedAlgMessage(name string) string {
	for _, alg := range algorithmTable {
		if strings.EqualFold(alg.Name, name) {
			return fmt.Sprintf("alg %q is not a registered JWS alg; alg "+
				"values are case-sensitive, and the registered one is %q",
				name, alg.Name)
		}
	}
	names := make([]string, 0, len(algorithmTable))
	for _, alg := range algorithmTable {
		if !alg.Unsafe {
			names = append(names, alg.Name)
		}
	}
	return fmt.Sprintf("jwtlab cannot verify alg %q; it verifies %s",
		name, strings.Join(names, ", "))
}

// checkCrit implements RFC 7515 4.1.11: every name in crit must be an
// extension the verifier implements and present in the header, or the
// token must be rejected. RFC 7797 section 6 also requires b64 to be
// listed in crit whenever the header sets it.
func (v *signatureVerifier) checkCrit() {
	raw, ok := v.token.Header.Get("crit")
	_, hasB64 := v.token.Header.Get("b64")
	if message := b64TypeProblem(v.token.Header); message != "" {
		v.critError = message
		return
	}
	if !ok {
		if hasB64 {
			v.critError = b64NotCriticalMessage
		}
		return
	}
	var names []string
	if err := json.Unmarshal(raw, &names); err != nil || len(names) == 0 {
		v.critError = "crit must be a non-empty array of header parameter " +
			"names (RFC 7515 4.1.11)"
		return
	}
	if message := v.critProblem(names); message != "" {
		v.critError = message
		return
	}
	if hasB64 && !slices.Contains(names, "b64") {
		v.critError = b64NotCriticalMessage
		return
	}
	v.result.pass(GroupSignature, CheckCrit, "crit names only b64, "+
		"which jwtlab implements (RFC 7797)")
}

const b64NotCriticalMessage = "the header sets b64 but crit does not " +
	"list it, and RFC 7797 section 6 requires listing it"

// critProblem returns why names cannot be accepted, or "".
func (v *signatureVerifier) critProblem(names []string) string {
	var unknown []string
	for _, name := range names {
		if !slices.Contains(understoodCritical[:], name) {
			unknown = append(unknown, strconv.Quote(name))
		}
	}
	if len(unknown) > 0 {
		return fmt.Sprintf("crit names %s, which jwtlab does not "+
			"implement; RFC 7515 4.1.11 requires rejecting such a token",
			strings.Join(unknown, ", "))
	}
	for _, name := range names {
		if _, present := v.token.Header.Get(name); !present {
			return fmt.Sprintf("crit names %q, which is not in the header "+
				"(RFC 7515 4.1.11)", name)
		}
	}
	return ""
}

func (v *signatureVerifier) noteEmbeddedKey() {
	if _, ok := v.token.Header.Get("jwk"); !ok {
		return
	}
	v.result.addFinding("embedded_jwk_ignored", SeverityDanger, "the header "+
		"carries its own key (jwk); jwtlab never verifies with it, because "+
		"anyone can sign a token with a key they embed themselves (the "+
		"embedded-key attack); verify with a key you trust")
}

// signingInput returns the bytes the signature covers: the header and
// payload segments exactly as received, or for a detached payload the
// header segment and the supplied payload, base64url-encoded unless b64
// is false.
func (v *signatureVerifier) signingInput() (string, bool) {
	t := v.token
	if t.Segments[1] != "" {
		return t.Compact[:strings.LastIndexByte(t.Compact, '.')], true
	}
	detached := v.options.DetachedPayload
	if detached == nil {
		v.result.Status = StatusNotChecked
		v.result.fail(GroupSignature, CheckDetachedPayload, "the payload "+
			"segment is empty (a detached payload); supply the payload "+
			"content to verify the signature")
		return "", false
	}
	if isUnencoded(t) {
		return t.Segments[0] + "." + string(detached), true
	}
	return t.Segments[0] + "." + base64.RawURLEncoding.EncodeToString(detached), true
}

func emptySignatureMessage(segment, alg string) string {
	if segment == "" {
		return "the signature segment is empty, so the token is unsigned " +
			"although alg is " + alg
	}
	return "the signature segment is not valid base64url, so there is no " +
		"signature to check"
}

// isUnencoded reports a header with "b64": false (RFC 7797), whose payload
// is signed as raw bytes instead of base64url.
func isUnencoded(t *Token) bool {
	raw, ok := t.Header.Get("b64")
	return t.Payload.Unencoded || (ok && strings.TrimSpace(string(raw)) == "false")
}
