package jwtcore

import "errors"

// Form is the shape of a compact serialization.
type Form int

// Forms of compact input.
const (
	// FormJWS is a compact JWS: header.payload.signature.
	FormJWS Form = iota
	// FormJWE is a compact JWE with five segments. Only its protected
	// header can be read without the decryption key.
	FormJWE
	// FormDamaged is input with a segment count that is neither 3 nor 5.
	// It is decoded as far as it goes.
	FormDamaged
)

// Segment roles, used in errors and findings to name a part of the token.
const (
	SegmentHeader    = "header"
	SegmentPayload   = "payload"
	SegmentSignature = "signature"
)

// Sentinel errors returned (wrapped) by Decode. Use errors.Is to test them.
var (
	ErrEmptyInput      = errors.New("empty input")
	ErrSegmentCount    = errors.New("wrong number of segments")
	ErrEmptySegment    = errors.New("empty segment")
	ErrInvalidBase64   = errors.New("invalid base64url")
	ErrHeaderNotObject = errors.New("header is not a JSON object")
)

// DecodeError names the segment and, for a bad character, the position
// where decoding failed.
type DecodeError struct {
	Segment string // SegmentHeader, SegmentPayload or SegmentSignature; empty for the whole token
	// Offset is the byte offset of the bad character inside the segment,
	// or -1 when the error has no position.
	Offset int
	Err    error // one of the sentinels above, possibly wrapping a detail
	Detail string
}

func (e *DecodeError) Error() string {
	// The full message format lives with the decoder.
	return decodeErrorMessage(e)
}

func (e *DecodeError) Unwrap() error { return e.Err }

// Token is a decoded compact token. Header and payload keep their exact
// bytes; nothing is re-encoded.
type Token struct {
	// Compact is the cleaned token that was decoded and that a signature is
	// checked over, byte for byte.
	Compact string
	// Segments are the dot-separated parts of Compact.
	Segments []string
	Form     Form
	// Header is the protected header. Its Text is nil when the header
	// could not be decoded.
	Header Object
	// Payload is the JWS payload; for a JWE it is empty.
	Payload Payload
	// Signature is the decoded signature; nil when it is missing or empty.
	Signature []byte
	// Findings from cleaning and decoding: what was stripped from the
	// input, padding, the standard base64 alphabet, damage, duplicate keys.
	Findings []Finding
}

// Alg returns the header's alg value, or "" when it has none.
func (t *Token) Alg() string {
	s, _ := t.Header.String("alg")
	return s
}

// Payload is the content of a JWS.
type Payload struct {
	// Bytes are the payload's exact bytes: decoded from base64url, or taken
	// as they are for an unencoded (b64: false) payload, or supplied out of
	// band for a detached payload. Nil when a detached payload was not given.
	Bytes []byte
	// Object is set when Bytes is a JSON object.
	Object *Object
	// Detached reports an empty payload segment (RFC 7515 appendix F).
	Detached bool
	// Unencoded reports a header with "b64": false (RFC 7797).
	Unencoded bool
}
