package jwtcore_test

import (
	"encoding/base64"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// encodeSegment encodes s as an unpadded base64url token segment.
func encodeSegment(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

func TestDecodeErrors(t *testing.T) {
	header := encodeSegment(`{"alg":"HS256"}`)
	payload := encodeSegment(`{"sub":"1"}`)
	tests := map[string]struct {
		input    string
		sentinel error
		segment  string
		offset   int
		message  string
	}{
		"empty input": {
			input: "  \n", sentinel: jwtcore.ErrEmptyInput, offset: -1,
			message: "paste a compact JWT",
		},
		"lone header": {
			input: header, sentinel: jwtcore.ErrSegmentCount, offset: -1,
			message: "expected 3 dot-separated parts (JWS) or 5 (JWE), found 1",
		},
		"signature cut off": {
			input: header + "." + payload, sentinel: jwtcore.ErrSegmentCount, offset: -1,
			message: "found 2; the signature part is cut off",
		},
		"trailing dot": {
			input: header + "." + payload + ".c2ln.", sentinel: jwtcore.ErrSegmentCount, offset: -1,
			message: `found 4; the input ends with an extra "."`,
		},
		"fourth segment": {
			input: header + "." + payload + ".c2ln.extra", sentinel: jwtcore.ErrSegmentCount, offset: -1,
			message: "a fourth segment is appended",
		},
		"empty header": {
			input: "." + payload + ".c2ln", sentinel: jwtcore.ErrEmptySegment,
			segment: jwtcore.SegmentHeader, offset: -1, message: "the header segment is empty",
		},
		"bad character in payload": {
			input: header + ".eyJz*WIiOiIxIn0.c2ln", sentinel: jwtcore.ErrInvalidBase64,
			segment: jwtcore.SegmentPayload, offset: 4,
			message: `invalid base64url character "*" at offset 4 of the payload segment`,
		},
		"bad length in signature": {
			input: header + "." + payload + ".abcde", sentinel: jwtcore.ErrInvalidBase64,
			segment: jwtcore.SegmentSignature, offset: 4, message: "a length of 5 characters",
		},
		"header not json": {
			input:    encodeSegment("this is not json") + "." + payload + ".c2ln",
			sentinel: jwtcore.ErrHeaderNotObject,
			segment:  jwtcore.SegmentHeader, offset: -1, message: "not a JSON object",
		},
		"header is an array": {
			input: encodeSegment(`["alg"]`) + "." + payload + ".c2ln", sentinel: jwtcore.ErrHeaderNotObject,
			segment: jwtcore.SegmentHeader, offset: -1, message: "not a JSON object",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := jwtcore.Decode(tt.input)
			if !errors.Is(err, tt.sentinel) {
				t.Fatalf("error = %v, expected %v", err, tt.sentinel)
			}
			var decodeErr *jwtcore.DecodeError
			if !errors.As(err, &decodeErr) {
				t.Fatalf("error %T is not a *DecodeError", err)
			}
			if decodeErr.Segment != tt.segment {
				t.Errorf("segment = %q, expected %q", decodeErr.Segment, tt.segment)
			}
			if decodeErr.Offset != tt.offset {
				t.Errorf("offset = %d, expected %d", decodeErr.Offset, tt.offset)
			}
			if !strings.Contains(err.Error(), tt.message) {
				t.Errorf("message %q does not contain %q", err, tt.message)
			}
		})
	}
}

func TestDecodeDamagedKeepsParts(t *testing.T) {
	tok, err := jwtcore.Decode(encodeSegment(`{"hi":"ffds"}`))
	if !errors.Is(err, jwtcore.ErrSegmentCount) {
		t.Fatalf("error = %v, expected ErrSegmentCount", err)
	}
	if tok == nil || string(tok.Header.Text) != `{"hi":"ffds"}` {
		t.Fatalf("header not decoded from a lone segment: %+v", tok)
	}
	if tok.Form != jwtcore.FormDamaged {
		t.Errorf("form = %v, expected damaged", tok.Form)
	}
	codes := findingCodes(tok.Findings)
	for _, code := range []string{jwtcore.CodePayloadMissing, jwtcore.CodeSignatureMissing} {
		if !slices.Contains(codes, code) {
			t.Errorf("finding %s missing from %v", code, codes)
		}
	}
}

func TestDecodeBase64Findings(t *testing.T) {
	header := base64.URLEncoding.EncodeToString([]byte(`{"alg":"HS256"}`)) // padded
	payload := base64.StdEncoding.EncodeToString([]byte(`{"a":">>>"}`))    // "eyJhIjoiPj4+In0="
	tok, err := jwtcore.Decode(header + "." + payload + ".c2lnbg")
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if string(tok.Header.Text) != `{"alg":"HS256"}` {
		t.Errorf("header = %q", tok.Header.Text)
	}
	codes := findingCodes(tok.Findings)
	for _, code := range []string{jwtcore.CodeBase64Padding, jwtcore.CodeStandardBase64} {
		if !slices.Contains(codes, code) {
			t.Errorf("finding %s missing from %v", code, codes)
		}
	}
}

func TestDecodePayloadForms(t *testing.T) {
	header := encodeSegment(`{"alg":"HS256"}`)
	tests := map[string]struct {
		input      string
		detached   bool
		unencoded  bool
		isObject   bool
		payload    string
		wantCode   string
		duplicates []string
	}{
		"json object": {
			input: header + "." + encodeSegment(`{"sub":"1"}`) + ".c2ln", isObject: true, payload: `{"sub":"1"}`,
		},
		"plain text": {
			input:   header + "." + encodeSegment("hello") + ".c2ln",
			payload: "hello", wantCode: jwtcore.CodePayloadNotJSON,
		},
		"json array": {
			input:   header + "." + encodeSegment(`[1,2]`) + ".c2ln",
			payload: "[1,2]", wantCode: jwtcore.CodePayloadNotJSON,
		},
		"detached": {
			input: header + "..c2ln", detached: true, wantCode: jwtcore.CodeDetachedPayload,
		},
		"detached unencoded": {
			input:    encodeSegment(`{"alg":"HS256","b64":false,"crit":["b64"]}`) + "..c2ln",
			detached: true, unencoded: true, wantCode: jwtcore.CodeDetachedPayload,
		},
		"unencoded": {
			input:     encodeSegment(`{"alg":"HS256","b64":false,"crit":["b64"]}`) + ".$02 paid!.c2ln",
			unencoded: true, payload: "$02 paid!", wantCode: jwtcore.CodeUnencodedPayload,
		},
		"duplicate names": {
			input: header + "." + encodeSegment(`{"a":1,"b":2,"a":3}`) + ".c2ln", isObject: true,
			payload: `{"a":1,"b":2,"a":3}`, wantCode: jwtcore.CodeDuplicateKeys, duplicates: []string{"a"},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			tok, _ := jwtcore.Decode(tt.input)
			if tok == nil {
				t.Fatal("Decode returned no token")
			}
			p := tok.Payload
			if p.Detached != tt.detached {
				t.Errorf("Detached = %v, expected %v", p.Detached, tt.detached)
			}
			if p.Unencoded != tt.unencoded {
				t.Errorf("Unencoded = %v, expected %v", p.Unencoded, tt.unencoded)
			}
			if (p.Object != nil) != tt.isObject {
				t.Errorf("Object set = %v, expected %v", p.Object != nil, tt.isObject)
			}
			if string(p.Bytes) != tt.payload {
				t.Errorf("Bytes = %q, expected %q", p.Bytes, tt.payload)
			}
			if tt.wantCode != "" && !slices.Contains(findingCodes(tok.Findings), tt.wantCode) {
				t.Errorf("finding %s missing from %v", tt.wantCode, findingCodes(tok.Findings))
			}
			if p.Object != nil && !slices.Equal(p.Object.Duplicates, tt.duplicates) {
				t.Errorf("Duplicates = %v, expected %v", p.Object.Duplicates, tt.duplicates)
			}
		})
	}
}

func TestDecodeKeepsExactLiterals(t *testing.T) {
	payload := `{"sub":100002348117421473,"big":12345678901234567890,"n":1.5e400,"s":"caf\u00e9"}`
	tok, err := jwtcore.Decode(encodeSegment(`{"alg":"HS256"}`) + "." + encodeSegment(payload) + ".c2ln")
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	want := map[string]string{
		"sub": "100002348117421473",
		"big": "12345678901234567890",
		"n":   "1.5e400",
		"s":   `"caf\u00e9"`,
	}
	for name, literal := range want {
		raw, ok := tok.Payload.Object.Get(name)
		if !ok || string(raw) != literal {
			t.Errorf("%s = %s, expected %s", name, raw, literal)
		}
	}
}

func TestDecodeJWE(t *testing.T) {
	input := "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..ZHVtbXlfaXZfMTIzNDU2.eyJ0ZXN0IjoiandlIn0.ZHVtbXlfdGFn"
	tok, err := jwtcore.Decode(input)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if tok.Form != jwtcore.FormJWE {
		t.Errorf("form = %v, expected jwe", tok.Form)
	}
	if string(tok.Header.Text) != `{"alg":"dir","enc":"A256GCM"}` {
		t.Errorf("header = %q", tok.Header.Text)
	}
	if tok.Payload.Bytes != nil {
		t.Errorf("payload = %q, expected none: the ciphertext is not the payload", tok.Payload.Bytes)
	}
	codes := findingCodes(tok.Findings)
	for _, code := range []string{jwtcore.CodeJWE, jwtcore.CodeJWEIVLength, jwtcore.CodeJWETagLength} {
		if !slices.Contains(codes, code) {
			t.Errorf("finding %s missing from %v", code, codes)
		}
	}
}

func TestDecodeNoncanonicalSignature(t *testing.T) {
	canonical, _ := jwtcore.Decode(jwtioToken)
	changed, err := jwtcore.Decode(jwtioToken[:len(jwtioToken)-1] + "d")
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if string(changed.Signature) != string(canonical.Signature) {
		t.Errorf("signature bytes differ; the test token's last character must only set unused bits")
	}
	if !slices.Contains(findingCodes(changed.Findings), jwtcore.CodeNoncanonicalBase64) {
		t.Errorf("finding %s missing", jwtcore.CodeNoncanonicalBase64)
	}
}

func TestPrettyJSON(t *testing.T) {
	tests := map[string]struct {
		input string
		want  string
	}{
		"order and literals kept": {
			input: `{"z":1.50,"a":12345678901234567890,"e":"\u00e9"}`,
			want:  "{\n  \"z\": 1.50,\n  \"a\": 12345678901234567890,\n  \"e\": \"\\u00e9\"\n}",
		},
		"duplicates kept": {
			input: `{"a":1,"a":2}`,
			want:  "{\n  \"a\": 1,\n  \"a\": 2\n}",
		},
		"nested": {
			input: "{\r\n \"aud\":[\"x\",\"y\"],\"o\":{}}",
			want:  "{\n  \"aud\": [\n    \"x\",\n    \"y\"\n  ],\n  \"o\": {}\n}",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := jwtcore.PrettyJSON([]byte(tt.input))
			if err != nil {
				t.Fatalf("PrettyJSON: %v", err)
			}
			if string(got) != tt.want {
				t.Errorf("PrettyJSON = %q, expected %q", got, tt.want)
			}
		})
	}
}

func TestPrettyJSONRejectsInvalid(t *testing.T) {
	if _, err := jwtcore.PrettyJSON([]byte(`{"a":`)); err == nil {
		t.Error("PrettyJSON accepted truncated JSON")
	}
}

func TestDecodeChangedDotNamesCharacter(t *testing.T) {
	_, err := jwtcore.Decode("eyJhbGciOiJIUzI1NiJ9!eyJzdWIiOiIxIn0.c2ln")
	if !errors.Is(err, jwtcore.ErrSegmentCount) {
		t.Fatalf("error = %v, want ErrSegmentCount", err)
	}
	if !strings.Contains(err.Error(), `a "." may have been changed`) {
		t.Errorf("error %q does not suggest a changed dot", err)
	}
	if !strings.Contains(err.Error(), `"!" at offset 20 of the header segment`) {
		t.Errorf("error %q does not name the character and its offset", err)
	}
}
