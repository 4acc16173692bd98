package jwtcore

import (
	"encoding/base64"
	"fmt"
	"strings"
)

// Finding codes for base64url encodings that decode but break RFC 7515,
// which requires unpadded base64url with canonical trailing bits.
const (
	CodeBase64Padding      = "base64_padding"
	CodeStandardBase64     = "standard_base64_alphabet"
	CodeNoncanonicalBase64 = "noncanonical_base64url"
)

// decodeSegment decodes one base64url segment. It accepts '=' padding and
// the standard alphabet ('+', '/') with a finding for each, and flags
// non-zero unused trailing bits. An invalid character or length is a
// *DecodeError with the 0-based offset inside the segment.
func decodeSegment(segment, role string) ([]byte, []Finding, error) {
	// Fast path: canonical unpadded base64url, the form RFC 7515 requires.
	// Go's decoder skips '\r' and '\n' even in strict mode. Skipped line
	// breaks make the segment longer than the encoding of its result, and
	// then the slow path reports them.
	out, err := base64.RawURLEncoding.Strict().DecodeString(segment)
	if err == nil && base64.RawURLEncoding.EncodedLen(len(out)) == len(segment) {
		return out, nil, nil
	}
	return decodeSegmentLenient(segment, role)
}

func decodeSegmentLenient(segment, role string) ([]byte, []Finding, error) {
	data, padded, standard, err := scanBase64(segment, role)
	if err != nil {
		return nil, nil, err
	}

	var findings []Finding
	warn := func(code, format string) {
		findings = append(findings, Finding{Code: code, Severity: SeverityWarning,
			Message: fmt.Sprintf(format, role)})
	}
	if padded {
		warn(CodeBase64Padding, "the %s segment ends in '=' padding, but RFC 7515 "+
			"requires base64url without padding, so strict libraries reject it")
	}
	if standard {
		warn(CodeStandardBase64, "the %s segment uses the standard base64 alphabet "+
			"('+' or '/'), but RFC 7515 requires base64url ('-' and '_'), so strict "+
			"libraries reject it")
	}
	if !canonicalTail(data) {
		warn(CodeNoncanonicalBase64, "the last character of the %s segment sets unused "+
			"bits: it decodes to the same bytes as the canonical form, so two different "+
			"strings carry one token. Do not use the token text as a unique ID")
	}

	out, err := base64.RawURLEncoding.DecodeString(data)
	if err != nil {
		detail := fmt.Sprintf("invalid base64url in the %s segment: %v", role, err)
		return nil, findings, invalidBase64(role, -1, detail)
	}
	return out, findings, nil
}

// scanBase64 checks every character of segment and returns it rewritten to
// unpadded base64url, reporting whether it had padding or standard
// base64 characters.
func scanBase64(segment, role string) (data string, padded, standard bool, err error) {
	body := strings.TrimRight(segment, "=")
	padded = len(body) < len(segment)
	if pad := len(segment) - len(body); pad > 2 || (padded && len(segment)%4 != 0) {
		detail := fmt.Sprintf("invalid base64url in the %s segment at offset %d: "+
			"%s cannot fit a length of %d",
			role, len(body), pluralCount(pad, "'=' padding character"), len(segment))
		return "", padded, false, invalidBase64(role, len(body), detail)
	}
	for i := range len(body) {
		c := body[i]
		if c == '+' || c == '/' {
			standard = true
			continue
		}
		if !isBase64URLChar(c) {
			return "", padded, standard, badCharError(role, i, c)
		}
	}
	if len(body)%4 == 1 {
		detail := fmt.Sprintf("invalid base64url in the %s segment: a length of %s "+
			"cannot be base64url (one character too many or too few), "+
			"so the segment may be cut off", role, pluralCount(len(body), "character"))
		return "", padded, standard, invalidBase64(role, len(body)-1, detail)
	}
	if standard {
		body = strings.NewReplacer("+", "-", "/", "_").Replace(body)
	}
	return body, padded, standard, nil
}

func badCharError(role string, offset int, c byte) *DecodeError {
	quoted := fmt.Sprintf("%q", string(c))
	if c >= 0x80 {
		quoted = fmt.Sprintf("byte 0x%02x", c)
	}
	detail := fmt.Sprintf("invalid base64url character %s at offset %d of the %s segment; "+
		"base64url uses only A-Z, a-z, 0-9, '-' and '_'", quoted, offset, role)
	return invalidBase64(role, offset, detail)
}

func invalidBase64(role string, offset int, detail string) *DecodeError {
	return &DecodeError{Segment: role, Offset: offset, Err: ErrInvalidBase64, Detail: detail}
}

func isBase64URLChar(c byte) bool {
	switch {
	case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		return true
	}
	return c == '-' || c == '_'
}

// canonicalTail reports whether the unused low bits of the last character
// of unpadded base64url data are zero, as RFC 4648 section 3.5 expects.
func canonicalTail(data string) bool {
	var unusedMask byte
	switch len(data) % 4 {
	case 2:
		unusedMask = 0x0f
	case 3:
		unusedMask = 0x03
	default:
		return true
	}
	return base64URLValue(data[len(data)-1])&unusedMask == 0
}

func base64URLValue(c byte) byte {
	switch {
	case 'A' <= c && c <= 'Z':
		return c - 'A'
	case 'a' <= c && c <= 'z':
		return c - 'a' + 26
	case '0' <= c && c <= '9':
		return c - '0' + 52
	case c == '-':
		return 62
	}
	return 63
}
