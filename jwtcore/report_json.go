package jwtcore

import (
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strconv"
	"unicode/utf8"
)

// MarshalJSON encodes the report as one JSON object, the format that
// "jwtlab decode --json" and "jwtlab verify --json" print. Members:
//
//   - form: "jws", "jwe" or "damaged".
//   - header: the header JSON exactly as decoded (raw, not re-encoded:
//     member order, number digits and string escapes kept), or null.
//     header_text holds the decoded text instead when it is not a JSON
//     object.
//   - payload: the payload JSON exactly as decoded, when it is a JSON
//     object. Otherwise payload_text holds the payload as text when it is
//     valid UTF-8, or payload_hex as hex when it is not. payload_detached
//     and payload_unencoded are true for RFC 7515 appendix F and RFC 7797
//     payloads.
//   - signature: the signature bytes as unpadded base64url, or null.
//   - jwe_parts (JWE only): [{name, bytes}] for the five parts.
//   - header_params and claims: [{name, value, category, description}] in
//     token order, where value is the raw JSON literal. Time claims add
//     time (RFC 3339, UTC) and relative; problem is set when the value is
//     not a usable NumericDate.
//   - lifetime and lifetime_seconds: exp - iat, when both are readable.
//   - warnings: [{code, severity, message}] from decoding, linting and,
//     when verified, verification.
//   - error: {code, message, segment, offset} when decoding failed;
//     segment and offset are null when they do not apply.
//   - signature_checked: false, with signature_message saying that
//     decoding did not check the signature, unless a key was given. With
//     a key, it is true when a key computed the signature.
//   - With a key: claims_checked (false when the payload is not a JSON
//     object or is detached without its content), signature_valid, valid
//     (signature and claims), status, key (a description of the key,
//     never its secret) and checks [{name, group, ok, message}].
//   - status: "verified"; "invalid" when the signature did not verify
//     with the keys tried or the token is malformed; "rejected" when the
//     token must not be accepted for another reason, which the failed
//     signature check names (repeated header parameter, alg missing or
//     not accepted, crit, no key of the type alg needs); "unsigned" for
//     alg none; "not_checked" when no key or no detached payload was
//     given; and "unsupported" for an alg or form jwtlab cannot verify.
//
// Raw JSON with invalid UTF-8 is embedded with U+FFFD in place of the
// bad bytes, so the output is always valid JSON.
//
// NOTE: encoding/json.Marshal compacts the whitespace of what MarshalJSON
// returns, which changes a header or payload holding line breaks. Call
// MarshalJSON directly to print them byte for byte.
func (r Report) MarshalJSON() ([]byte, error) {
	w := &jsonWriter{}
	w.object(func() {
		r.writeToken(w)
		r.writeExplanation(w)
		r.writeWarnings(w)
		r.writeError(w)
		r.writeVerify(w)
	})
	return w.buf.Bytes(), nil
}

func (r Report) writeToken(w *jsonWriter) {
	t := r.Token
	if t == nil {
		w.str("form", FormDamaged.String())
		w.null("header")
		return
	}
	w.str("form", t.Form.String())
	r.writeHeader(w)
	r.writePayload(w)
	if t.Signature != nil {
		w.str("signature", base64.RawURLEncoding.EncodeToString(t.Signature))
	} else {
		w.null("signature")
	}
	if t.Form == FormJWE {
		w.key("jwe_parts")
		writeJWEParts(w, t.Segments)
	}
}

func (r Report) writeHeader(w *jsonWriter) {
	h := r.Token.Header
	switch {
	case h.Text == nil:
		w.null("header")
	case !isObject(h):
		w.null("header")
		writeText(w, "header_text", "header_hex", h.Text)
	default:
		w.raw("header", validUTF8(h.Text))
	}
}

func (r Report) writePayload(w *jsonWriter) {
	p := r.Token.Payload
	switch {
	case p.Object != nil:
		w.raw("payload", validUTF8(p.Bytes))
		if !utf8.Valid(p.Bytes) {
			w.str("payload_hex", hex.EncodeToString(p.Bytes))
		}
	case p.Bytes != nil:
		writeText(w, "payload_text", "payload_hex", p.Bytes)
	}
	if p.Detached {
		w.boolean("payload_detached", true)
	}
	if p.Unencoded {
		w.boolean("payload_unencoded", true)
	}
}

// writeText writes data as a string under textKey when it is valid UTF-8,
// else as hex under hexKey.
func writeText(w *jsonWriter, textKey, hexKey string, data []byte) {
	if utf8.Valid(data) {
		w.str(textKey, string(data))
		return
	}
	w.str(hexKey, hex.EncodeToString(data))
}

// writeJWEParts writes the name and decoded size of the five parts of a
// compact JWE, with -1 for a part that is not valid base64url.
func writeJWEParts(w *jsonWriter, segments []string) {
	names := []string{"protected header", "encrypted key", "initialization vector",
		"ciphertext", "authentication tag"}
	w.objectArray(len(names), func(i int) {
		size := -1
		if decoded, _, err := decodeSegment(segments[i], "part"); err == nil {
			size = len(decoded)
		}
		w.str("name", names[i])
		w.number("bytes", strconv.Itoa(size))
	})
}

func (r Report) writeExplanation(w *jsonWriter) {
	e := r.Explanation
	w.key("header_params")
	writeFields(w, e.Header)
	w.key("claims")
	writeFields(w, e.Claims)
	if e.HasLifetime && r.Token != nil {
		seconds, _ := lifetimeSeconds(r.Token.Payload.Object)
		w.str("lifetime", formatSeconds(seconds))
		w.number("lifetime_seconds", strconv.FormatFloat(seconds, 'f', -1, 64))
	}
}

func writeFields(w *jsonWriter, fields []Field) {
	w.objectArray(len(fields), func(i int) {
		f := fields[i]
		w.str("name", f.Name)
		w.raw("value", validUTF8(f.Value))
		w.str("category", f.Category.String())
		w.str("description", f.Description)
		writeTime(w, f.Time)
	})
}

func writeTime(w *jsonWriter, tv *TimeValue) {
	if tv == nil {
		return
	}
	if tv.OK {
		w.str("time", FormatTime(tv.At))
		w.str("relative", tv.Relative)
	}
	if tv.Problem != "" {
		w.str("problem", tv.Problem)
	}
}

func (r Report) writeWarnings(w *jsonWriter) {
	findings := r.Findings
	if r.Verify != nil {
		findings = append(findings[:len(findings):len(findings)], r.Verify.Findings...)
	}
	w.key("warnings")
	w.objectArray(len(findings), func(i int) {
		w.str("code", findings[i].Code)
		w.str("severity", findings[i].Severity.String())
		w.str("message", findings[i].Message)
	})
}

func (r Report) writeError(w *jsonWriter) {
	if r.Err == nil {
		return
	}
	code, segment, offset := "decode_error", "", -1
	var decodeErr *DecodeError
	if errors.As(r.Err, &decodeErr) {
		code, segment, offset = decodeErr.Code(), decodeErr.Segment, decodeErr.Offset
	}
	w.key("error")
	w.object(func() {
		w.str("code", code)
		w.str("message", r.Err.Error())
		if segment == "" {
			w.null("segment")
		} else {
			w.str("segment", segment)
		}
		if offset < 0 {
			w.null("offset")
		} else {
			w.number("offset", strconv.Itoa(offset))
		}
	})
}

func (r Report) writeVerify(w *jsonWriter) {
	v := r.Verify
	if v == nil {
		w.boolean("signature_checked", false)
		w.str("signature_message",
			"decoding did not check the signature: give a secret or key to verify it")
		return
	}
	w.boolean("signature_checked", v.signatureComputed())
	w.boolean("claims_checked", v.ClaimsChecked())
	w.boolean("signature_valid", v.SignatureValid())
	w.boolean("valid", v.Valid())
	w.str("status", v.Status.String())
	w.str("key", v.Key)
	w.key("checks")
	w.objectArray(len(v.Checks), func(i int) {
		c := v.Checks[i]
		w.str("name", c.Name)
		w.str("group", c.Group)
		w.boolean("ok", c.OK)
		w.str("message", c.Message)
	})
}

// String returns "jws", "jwe" or "damaged".
func (f Form) String() string {
	switch f {
	case FormJWS:
		return "jws"
	case FormJWE:
		return "jwe"
	default:
		return "damaged"
	}
}

// signatureComputed reports whether a key was used to compute the
// signature, which a rejected token may have had (crit, say) or not.
func (r Result) signatureComputed() bool {
	switch r.Status {
	case StatusVerified, StatusInvalid:
		return true
	case StatusRejected:
		for _, check := range r.Checks {
			if check.Name == CheckSignature {
				return true
			}
		}
	}
	return false
}

// String returns "not_checked", "verified", "invalid", "rejected",
// "unsigned" or "unsupported".
func (s Status) String() string {
	switch s {
	case StatusRejected:
		return "rejected"
	case StatusVerified:
		return "verified"
	case StatusInvalid:
		return "invalid"
	case StatusUnsigned:
		return "unsigned"
	case StatusUnsupported:
		return "unsupported"
	default:
		return "not_checked"
	}
}
