package jwtcore

import (
	"crypto/ecdsa"
	"crypto/rsa"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// candidateKey is one key of VerifyOptions.Keys with its position.
type candidateKey struct {
	index int
	key   Key
}

// describe names the key by its position, kid and format, naming the
// kid once.
func (c candidateKey) describe() string {
	label := "key " + strconv.Itoa(c.index+1)
	// A key read from a JWK names its kid in Format already.
	if c.key.ID != "" && !strings.Contains(c.key.Format, "kid "+c.key.ID) {
		label += " (kid " + strconv.Quote(c.key.ID) + ")"
	}
	if c.key.Format != "" {
		label += ": " + c.key.Format
	}
	return label
}

// orderKeys appends the keys to ordered, those whose ID equals the
// token's kid first, keeping the caller's order otherwise.
func orderKeys(ordered []candidateKey, keys []Key, kid string) []candidateKey {
	for i, key := range keys {
		if kid != "" && key.ID == kid {
			ordered = append(ordered, candidateKey{i, key})
		}
	}
	for i, key := range keys {
		if kid == "" || key.ID != kid {
			ordered = append(ordered, candidateKey{i, key})
		}
	}
	return ordered
}

// verifyWithKeys tries every key that fits the alg and sets the status.
// Keys of another type are never tried: that pinning is what stops the
// key-confusion attack.
func (v *signatureVerifier) verifyWithKeys(input string) {
	kid, _ := v.token.Header.String("kid")
	// Arrays on the stack hold the usual one or few keys without
	// allocating.
	var orderedStorage, usableStorage [4]candidateKey
	usable := usableStorage[:0]
	var mismatches []string
	for _, candidate := range orderKeys(orderedStorage[:0], v.options.Keys, kid) {
		if reason := v.keyMismatch(candidate.key); reason != "" {
			mismatches = append(mismatches, candidate.describe()+": "+reason)
			continue
		}
		usable = append(usable, candidate)
	}
	if len(usable) == 0 {
		v.result.Key = "no key fits alg " + v.alg.Name
		v.result.fail(GroupSignature, CheckKeyType, fmt.Sprintf("%s needs "+
			"%s, and no key given is one that may verify it: %s", v.alg.Name,
			describeKeyNeed(v.alg), strings.Join(mismatches, "; ")))
		v.noteAlgorithmConfusion()
		v.failCrit()
		return
	}
	v.result.pass(GroupSignature, CheckKeyType, describeFit(len(usable), len(v.options.Keys), v.alg.Name))

	for _, candidate := range usable {
		v.noteKeyStrength(candidate.key)
		if v.alg.SigningMethod().Verify(input, v.token.Signature,
			verificationKey(candidate.key)) == nil {
			v.accept(candidate)
			return
		}
	}
	v.reject(input, usable)
}

func (v *signatureVerifier) accept(candidate candidateKey) {
	v.result.Key = candidate.describe()
	if v.critError != "" {
		v.result.pass(GroupSignature, CheckSignature, "the signature bytes "+
			"match "+v.result.Key)
		v.result.fail(GroupSignature, CheckCrit, "the signature bytes "+
			"matched, but the token must be rejected: "+v.critError)
		return
	}
	v.result.Status = StatusVerified
	v.result.pass(GroupSignature, CheckSignature, "the signature verifies "+
		"with "+v.result.Key)
}

func (v *signatureVerifier) reject(input string, tried []candidateKey) {
	v.result.Status = StatusInvalid
	descriptions := make([]string, len(tried))
	for i, candidate := range tried {
		descriptions[i] = candidate.describe()
		v.explainMismatch(input, candidate.key)
	}
	v.result.Key = "tried " + strings.Join(descriptions, "; ")
	message := "the signature does not verify with " + strings.Join(descriptions, " or ")
	for _, candidate := range tried {
		note := v.pssSaltNote(input, candidate.key)
		if note != "" && len(tried) == 1 {
			message += "; it would verify only if any salt length were accepted: " + note
		}
		if note != "" && len(tried) > 1 {
			message += "; with key " + strconv.Itoa(candidate.index+1) +
				" it would verify only if any salt length were accepted: " + note
		}
		if note != "" {
			break
		}
	}
	v.result.fail(GroupSignature, CheckSignature, message)
	v.failCrit()
}

// describeFit states how many of the keys given fit alg.
func describeFit(usable, total int, alg string) string {
	if total == 1 {
		return "the key fits alg " + alg
	}
	return strconv.Itoa(usable) + " of " + strconv.Itoa(total) + " keys fit alg " + alg
}

// explainMismatch adds findings that explain a failed check: a secret
// that differs only by a newline or whitespace, or an ECDSA signature in
// DER form.
func (v *signatureVerifier) explainMismatch(input string, key Key) {
	switch key.Type {
	case KeyHMAC:
		if message := v.secretNearMiss(input, key.Secret); message != "" {
			v.result.addFinding("secret_trailing_newline_near_miss",
				SeverityWarning, message)
		}
	case KeyEC:
		if message := v.derSignatureNote(input, key); message != "" {
			v.result.addFinding("ecdsa_der_signature", SeverityWarning, message)
		}
	}
}

// keyMismatch returns why key cannot verify v.alg, or "" when it can.
func (v *signatureVerifier) keyMismatch(key Key) string {
	if key.Type != v.alg.KeyType {
		return "it is " + describeKeyType(key.Type)
	}
	if key.Alg != "" && key.Alg != v.alg.Name {
		return fmt.Sprintf("its JWK alg is %s", key.Alg)
	}
	if reason := jwkUseMismatch(key); reason != "" {
		return reason
	}
	if key.Type == KeyHMAC && len(key.Secret) == 0 {
		return "the secret is empty"
	}
	if key.Type == KeyEC {
		public, _ := key.Public.(*ecdsa.PublicKey)
		if public == nil || ecCurveName(public) != v.alg.Curve {
			return fmt.Sprintf("it is on curve %s, and %s needs %s",
				describePublicKey(key.Public), v.alg.Name, v.alg.Curve)
		}
	}
	return ""
}

// noteAlgorithmConfusion explains an HMAC alg met only by asymmetric keys,
// which is how a forged key-confusion token arrives.
func (v *signatureVerifier) noteAlgorithmConfusion() {
	if v.alg.KeyType != KeyHMAC {
		return
	}
	index := slices.IndexFunc(v.options.Keys, func(key Key) bool {
		return key.Type != KeyHMAC
	})
	if index < 0 {
		return
	}
	key := v.options.Keys[index]
	message := fmt.Sprintf("the token names alg %s (HMAC), but the key "+
		"given is %s; jwtlab rejects this, because a verifier that fed the "+
		"public key bytes to HMAC would accept a token anyone can forge "+
		"with that public key (the algorithm-confusion attack)",
		v.alg.Name, describeKeyType(key.Type))
	v.result.addFinding("algorithm_confusion", SeverityDanger, message)
}

func describeKeyNeed(alg Algorithm) string {
	switch alg.KeyType {
	case KeyHMAC:
		return "an HMAC secret"
	case KeyEC:
		return "an EC key on " + alg.Curve
	}
	return describeKeyType(alg.KeyType)
}

// describeKeyType names a key type with its article, such as "an RSA key".
func describeKeyType(keyType KeyType) string {
	if keyType == KeyHMAC {
		return "an HMAC secret"
	}
	return "an " + keyType.String() + " key"
}

// verificationKey returns the key in the form golang-jwt's Verify takes.
func verificationKey(key Key) any {
	if key.Type == KeyHMAC {
		return key.Secret
	}
	return key.Public
}

// noteKeyStrength adds findings about a key that fits the alg: a short or
// well-known HMAC secret, an RSA key under 2048 bits, or a private key
// where the public key is enough.
func (v *signatureVerifier) noteKeyStrength(key Key) {
	for _, finding := range key.Findings {
		v.result.addFinding(finding.Code, finding.Severity, finding.Message)
	}
	if key.Type == KeyHMAC {
		for _, finding := range secretStrengthFindings(key.Secret, v.alg) {
			v.result.addFinding(finding.Code, finding.Severity, finding.Message)
		}
		return
	}
	if key.Private != nil {
		v.result.addFinding("private_key_given", SeverityInfo, "a private key "+
			"was given; verifying needs only the public key, so the private "+
			"key can stay with the signer")
	}
	if public, ok := key.Public.(*rsa.PublicKey); ok && public.N.BitLen() < 2048 {
		v.result.addFinding("weak_rsa_key", SeverityDanger, fmt.Sprintf(
			"the RSA key has %d bits; RFC 7518 3.3 requires at least 2048, "+
				"and shorter keys can be factored", public.N.BitLen()))
	}
}

// jwkUseMismatch returns why the JWK use or key_ops forbid verifying
// signatures with key (RFC 7517 4.2 and 4.3), or "" when they allow it.
func jwkUseMismatch(key Key) string {
	switch {
	case key.Use == "enc":
		return "its JWK use is \"enc\", which marks a key for encryption, " +
			"not for signatures (RFC 7517 4.2)"
	case key.Use != "" && key.Use != "sig":
		return "its JWK use is " + strconv.Quote(key.Use) + ", and only " +
			"\"sig\" marks a key for signatures (RFC 7517 4.2)"
	case key.Operations == nil || slices.Contains(key.Operations, "verify"):
		return ""
	case len(key.Operations) == 0:
		return "its JWK key_ops is an empty array, so it allows no " +
			"operation and does not include \"verify\" (RFC 7517 4.3)"
	}
	quoted := make([]string, len(key.Operations))
	for i, operation := range key.Operations {
		quoted[i] = strconv.Quote(operation)
	}
	return "its JWK key_ops (" + strings.Join(quoted, ", ") + ") do not " +
		"include \"verify\" (RFC 7517 4.3)"
}
