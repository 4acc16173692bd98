package jwtcore

import (
	"errors"
	"fmt"
	"strings"
)

// Finding codes set by Decode.
const (
	CodeJWE              = "jwe_encrypted"
	CodeJWEIVLength      = "jwe_iv_length_unusual"
	CodeJWETagLength     = "jwe_tag_length_unusual"
	CodePayloadMissing   = "payload_missing"
	CodeSignatureMissing = "signature_missing"
	CodeExtraSegment     = "extra_segment"
	CodeDetachedPayload  = "detached_payload"
	CodeUnencodedPayload = "unencoded_payload"
	CodePayloadNotJSON   = "payload_not_json"
	CodeDuplicateKeys    = "duplicate_json_keys"
	CodeB64NotBoolean    = "b64_not_boolean"
)

// Decode normalizes input and decodes it as far as it goes. A token with
// three segments is a JWS and one with five a JWE, of which only the
// protected header is readable. Any other count gives a FormDamaged token
// and an error wrapping ErrSegmentCount.
//
// Decode returns a non-nil Token whenever anything could be decoded,
// together with a *DecodeError for the first fatal problem. Header and
// payload keep their exact bytes. Decode does no explaining or linting:
// call Explain and Lint, or Inspect, for that.
func Decode(input string) (*Token, error) {
	compact, findings := Normalize(input)
	if compact == "" {
		return nil, &DecodeError{Offset: -1, Err: ErrEmptyInput,
			Detail: "the input is empty: paste a compact JWT, three base64url parts joined " +
				"by dots (header.payload.signature), optionally after \"Bearer \""}
	}
	t := &Token{Compact: compact, Segments: strings.Split(compact, "."), Findings: findings}
	switch len(t.Segments) {
	case 3:
		t.Form = FormJWS
		return t, t.decodeJWS()
	case 5:
		t.Form = FormJWE
		return t, t.decodeJWE()
	default:
		t.Form = FormDamaged
		return t, t.decodeDamaged()
	}
}

// decodeJWS decodes all three segments and returns the first error.
func (t *Token) decodeJWS() error {
	headerErr := t.decodeHeader()
	payloadErr := t.decodePayload(t.Segments[1])
	signatureErr := t.decodeSignature(t.Segments[2])
	return firstError(headerErr, payloadErr, signatureErr)
}

func (t *Token) decodeHeader() error {
	segment := t.Segments[0]
	if segment == "" {
		return &DecodeError{Segment: SegmentHeader, Offset: -1, Err: ErrEmptySegment,
			Detail: "the header segment is empty: a JWT starts with the base64url of a JSON " +
				"object such as {\"alg\":\"HS256\"}"}
	}
	text, findings, err := decodeSegment(segment, SegmentHeader)
	t.addFindings(findings)
	if err != nil {
		return err
	}
	obj, err := parseObject(text)
	t.Header = obj
	if err != nil {
		return &DecodeError{Segment: SegmentHeader, Offset: -1, Err: ErrHeaderNotObject,
			Detail: fmt.Sprintf("the header segment decodes to %s, which is not a JSON "+
				"object (%v); a JOSE header must be a JSON object such as "+
				"{\"alg\":\"HS256\"}", pluralCount(len(text), "byte"), err)}
	}
	t.noteDuplicates(SegmentHeader, obj.Duplicates)
	if message := b64TypeProblem(obj); message != "" {
		t.note(CodeB64NotBoolean, SeverityDanger, message)
	}
	return nil
}

// b64TypeProblem returns why the header's b64 is invalid, or "" when it
// is absent or a JSON boolean. A parser that reads "false" or 0 as true
// and one that reads it as false would sign different bytes.
func b64TypeProblem(header Object) string {
	raw, ok := header.Get("b64")
	if !ok {
		return ""
	}
	literal := strings.TrimSpace(string(raw))
	if literal == "true" || literal == "false" {
		return ""
	}
	return "b64 is " + describeJSONValue(literal) + ", not a JSON boolean; " +
		"RFC 7797 defines b64 as true or false, so the token is invalid"
}

// decodePayload decodes the payload segment. An empty segment is a
// detached payload (RFC 7515 appendix F), and with "b64": false in the
// header the segment is the payload itself (RFC 7797).
func (t *Token) decodePayload(segment string) error {
	t.Payload.Unencoded = t.unencodedPayload()
	switch {
	case segment == "":
		t.Payload.Detached = true
		t.note(CodeDetachedPayload, SeverityInfo, "the payload segment is empty: this is a "+
			"JWS with a detached payload (RFC 7515 appendix F), whose content travels "+
			"separately and is needed to verify the signature")
		return nil
	case t.Payload.Unencoded:
		t.Payload.Bytes = []byte(segment)
		t.note(CodeUnencodedPayload, SeverityInfo, "the header sets \"b64\": false, so the "+
			"payload segment is the payload itself, not base64url (RFC 7797)")
	default:
		bytes, findings, err := decodeSegment(segment, SegmentPayload)
		t.addFindings(findings)
		if err != nil {
			return err
		}
		t.Payload.Bytes = bytes
	}
	t.parsePayload()
	return nil
}

func (t *Token) unencodedPayload() bool {
	raw, ok := t.Header.Get("b64")
	return ok && string(raw) == "false"
}

func (t *Token) parsePayload() {
	obj, err := parseObject(t.Payload.Bytes)
	if err != nil {
		t.note(CodePayloadNotJSON, SeverityInfo, "the payload is not a JSON object, so it "+
			"has no claims; RFC 7515 allows any bytes as a JWS payload, but a JWT needs a "+
			"JSON object")
		return
	}
	t.Payload.Object = &obj
	t.noteDuplicates(SegmentPayload, obj.Duplicates)
}

func (t *Token) decodeSignature(segment string) error {
	if segment == "" {
		if alg := t.Alg(); alg != "none" {
			t.note(CodeSignatureMissing, SeverityDanger, fmt.Sprintf(
				"the signature segment is empty although alg is %q: "+
					"nothing proves who issued this token", alg))
		}
		return nil
	}
	sig, findings, err := decodeSegment(segment, SegmentSignature)
	t.addFindings(findings)
	t.Signature = sig
	return err
}

// decodeJWE decodes the protected header of a compact JWE and checks the
// sizes of its IV and tag against the AES-GCM content encryptions.
func (t *Token) decodeJWE() error {
	err := t.decodeHeader()
	t.note(CodeJWE, SeverityInfo, "this is a JWE (five parts): the payload is encrypted and "+
		"cannot be read without the decryption key; only the protected header is readable")
	enc, _ := t.Header.String("enc")
	if !strings.HasSuffix(enc, "GCM") {
		return err
	}
	if iv, _, ivErr := decodeSegment(t.Segments[2], "IV"); ivErr == nil && len(iv) != 12 {
		t.note(CodeJWEIVLength, SeverityWarning, fmt.Sprintf("the IV is %s; %s uses a "+
			"12-byte IV", pluralCount(len(iv), "byte"), enc))
	}
	if tag, _, tagErr := decodeSegment(t.Segments[4], "tag"); tagErr == nil && len(tag) != 16 {
		t.note(CodeJWETagLength, SeverityWarning, fmt.Sprintf("the authentication tag is %s; "+
			"%s uses a 16-byte tag", pluralCount(len(tag), "byte"), enc))
	}
	return err
}

// decodeDamaged decodes a token with the wrong number of segments as a
// JWS as far as its segments go, and names the damage.
func (t *Token) decodeDamaged() error {
	n := len(t.Segments)
	errs := []error{t.decodeHeader()}
	if n >= 2 {
		errs = append(errs, t.decodePayload(t.Segments[1]))
	}
	if n >= 3 {
		errs = append(errs, t.decodeSignature(t.Segments[2]))
	}
	countErr := &DecodeError{Offset: -1, Err: ErrSegmentCount,
		Detail: fmt.Sprintf("expected 3 dot-separated parts (JWS) or 5 (JWE), found %d; "+
			"%s", n, t.describeDamage())}
	// A dot replaced by another character shows up as both a missing
	// segment and a bad character, and the character is the real damage.
	for _, err := range errs {
		if errors.Is(err, ErrInvalidBase64) {
			countErr.Detail += "; a \".\" may have been changed: " + err.Error()
			break
		}
	}
	return firstError(append([]error{countErr}, errs...)...)
}

func (t *Token) describeDamage() string {
	switch n := len(t.Segments); {
	case n == 1:
		t.note(CodePayloadMissing, SeverityDanger, "the input has one segment only: it is "+
			"shown as the would-be header, and the payload and signature are missing")
		t.note(CodeSignatureMissing, SeverityDanger, "the signature is missing: nothing "+
			"proves who issued this token")
		return "the input has no \".\", so it is at most a lone header segment"
	case n == 2:
		t.note(CodeSignatureMissing, SeverityDanger, "the signature segment is cut off: the "+
			"input is header.payload with no third part")
		return "the signature part is cut off (header.payload with no third part)"
	case n == 4 && t.Segments[3] == "":
		t.note(CodeExtraSegment, SeverityWarning, "the input ends with an extra \".\"; "+
			"without it the token has the usual three parts")
		return "the input ends with an extra \".\""
	case n == 4:
		t.note(CodeExtraSegment, SeverityWarning, "a fourth segment is appended after the "+
			"signature")
		return "a fourth segment is appended after the signature"
	default:
		return "this is neither a JWS nor a JWE"
	}
}

func (t *Token) noteDuplicates(role string, names []string) {
	if len(names) == 0 {
		return
	}
	t.note(CodeDuplicateKeys, SeverityWarning, fmt.Sprintf("the %s repeats the member names "+
		"%s; parsers disagree on which value wins (jwtlab, like most, uses the last), so a "+
		"check and its consumer may see different "+
		"values", role, strings.Join(quoteAll(names), ", ")))
}

func (t *Token) note(code string, severity Severity, message string) {
	t.Findings = append(t.Findings, Finding{Code: code, Severity: severity, Message: message})
}

func (t *Token) addFindings(findings []Finding) {
	t.Findings = append(t.Findings, findings...)
}

func quoteAll(names []string) []string {
	quoted := make([]string, len(names))
	for i, name := range names {
		quoted[i] = fmt.Sprintf("%q", name)
	}
	return quoted
}

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Code returns a stable name for the kind of decode error, such as
// "invalid_base64url" or "wrong_segment_count".
func (e *DecodeError) Code() string {
	switch {
	case errors.Is(e.Err, ErrEmptyInput):
		return "empty_input"
	case errors.Is(e.Err, ErrSegmentCount):
		return "wrong_segment_count"
	case errors.Is(e.Err, ErrEmptySegment):
		return "empty_segment"
	case errors.Is(e.Err, ErrInvalidBase64):
		return "invalid_base64url"
	case errors.Is(e.Err, ErrHeaderNotObject):
		return "header_not_json"
	}
	return "decode_error"
}

func decodeErrorMessage(e *DecodeError) string {
	if e.Detail != "" {
		return e.Detail
	}
	if e.Segment == "" {
		return e.Err.Error()
	}
	return e.Segment + " segment: " + e.Err.Error()
}
