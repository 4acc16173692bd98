package jwtcore

import (
	"bytes"
	"encoding/asn1"
	"fmt"
	"math/big"
)

// secretVariant is a secret close to the one given, as produced by a
// shell or an editor that adds or drops a line ending.
type secretVariant struct {
	secret      []byte
	description string
}

func secretVariants(secret []byte) []secretVariant {
	variants := []secretVariant{
		{append(bytes.Clone(secret), '\n'), "with a newline (LF) appended"},
		{append(bytes.Clone(secret), '\r', '\n'), "with a CRLF appended"},
	}
	if trimmed := bytes.TrimRight(secret, "\r\n"); len(trimmed) < len(secret) {
		variants = append(variants, secretVariant{trimmed,
			"without its trailing newline"})
	}
	if trimmed := bytes.TrimSpace(secret); len(trimmed) < len(secret) &&
		!bytes.Equal(trimmed, bytes.TrimRight(secret, "\r\n")) {
		variants = append(variants, secretVariant{trimmed,
			"with surrounding whitespace trimmed"})
	}
	return variants
}

// secretNearMiss returns a message when the signature would verify with
// the secret plus or minus a line ending, or trimmed of whitespace.
func (v *signatureVerifier) secretNearMiss(input string, secret []byte) string {
	method := v.alg.SigningMethod()
	for _, variant := range secretVariants(secret) {
		if len(variant.secret) == 0 {
			continue
		}
		if method.Verify(input, v.token.Signature, variant.secret) != nil {
			continue
		}
		return fmt.Sprintf("the signature does not verify with the given "+
			"%d-byte secret, but it does %s (%s), so the token was "+
			"probably signed with that secret; it is still reported invalid "+
			"because the secret given differs; check how the secret was "+
			"written (echo adds a newline, printf and echo -n do not)", len(secret), variant.description,
			pluralCount(len(variant.secret), "byte"))
	}
	return ""
}

// ecdsaDERSignature is the ASN.1 form of an ECDSA signature
// (RFC 3279 2.2.3), which JWS does not use.
type ecdsaDERSignature struct {
	R, S *big.Int
}

// derSignatureNote explains an ECDSA signature of the wrong length. A DER
// signature that verifies once converted to r||s is still invalid,
// because JWS fixes the r||s form (RFC 7518 3.4).
func (v *signatureVerifier) derSignatureNote(input string, key Key) string {
	signature := v.token.Signature
	size := v.alg.SignatureSize
	if len(signature) == size {
		return ""
	}
	var parsed ecdsaDERSignature
	rest, err := asn1.Unmarshal(signature, &parsed)
	if err != nil || len(rest) > 0 || parsed.R == nil || parsed.S == nil ||
		parsed.R.Sign() <= 0 || parsed.S.Sign() <= 0 {
		return fmt.Sprintf("the signature is %s; %s signatures are "+
			"%d bytes (r||s, RFC 7518 3.4)", pluralCount(len(signature), "byte"), v.alg.Name, size)
	}

	fixed, ok := fixedSizeSignature(parsed, size)
	verdict := "and even converted to r||s it does not verify with this key"
	if ok && v.alg.SigningMethod().Verify(input, fixed, key.Public) == nil {
		verdict = "converted to r||s it would verify, but the token as " +
			"given is invalid"
	}
	return fmt.Sprintf("this signature is DER-encoded (%d bytes); JWS needs "+
		"the %d-byte r||s form (RFC 7518 3.4); %s", len(signature), size, verdict)
}

// fixedSizeSignature writes r and s as two big-endian halves of size
// bytes in total.
func fixedSizeSignature(parsed ecdsaDERSignature, size int) ([]byte, bool) {
	half := size / 2
	if parsed.R.BitLen() > half*8 || parsed.S.BitLen() > half*8 {
		return nil, false
	}
	fixed := make([]byte, size)
	parsed.R.FillBytes(fixed[:half])
	parsed.S.FillBytes(fixed[half:])
	return fixed, true
}
