package jwtcore

import (
	"encoding/base64"
	"strings"
	"testing"
	"time"
)

func TestTamperSegments(t *testing.T) {
	token, secret := ExampleToken(time.Date(2026, 12, 4, 16, 0, 0, 0, time.UTC))
	tests := []struct {
		segment string
		part    int
	}{
		{segment: SegmentHeader, part: 0},
		{segment: SegmentPayload, part: 1},
		{segment: SegmentSignature, part: 2},
	}
	for _, tt := range tests {
		t.Run(tt.segment, func(t *testing.T) {
			got, err := Tamper(token, tt.segment)
			if err != nil {
				t.Fatalf("Tamper: %v", err)
			}
			if len(got.Token) != len(token) {
				t.Fatalf("tampered length = %d, want %d", len(got.Token), len(token))
			}
			diff := 0
			for i := range token {
				if token[i] != got.Token[i] {
					diff++
					if i != got.Index {
						t.Errorf("changed index %d, reported %d", i, got.Index)
					}
				}
			}
			if diff != 1 {
				t.Errorf("changed %d characters, want 1", diff)
			}
			if seg := strings.Split(got.Token, ".")[tt.part]; seg == strings.Split(token, ".")[tt.part] {
				t.Errorf("segment %s unchanged", tt.segment)
			}
			if !strings.Contains(got.Explanation, tt.segment) {
				t.Errorf("explanation %q does not name the %s", got.Explanation, tt.segment)
			}
			tok, err := Decode(got.Token)
			if err != nil {
				t.Fatalf("tampered token does not decode: %v", err)
			}
			r := Verify(tok, VerifyOptions{Keys: []Key{SecretFromText(secret)}, Now: time.Date(2026, 12, 4, 16, 0, 0, 0, time.UTC)})
			if r.SignatureValid() {
				t.Error("tampered token still verifies")
			}
		})
	}
}

func TestTamperKeepsJSONReadable(t *testing.T) {
	token, _ := ExampleToken(time.Date(2026, 12, 4, 16, 0, 0, 0, time.UTC))
	got, err := Tamper(token, SegmentPayload)
	if err != nil {
		t.Fatal(err)
	}
	payload, err := base64.RawURLEncoding.DecodeString(strings.Split(got.Token, ".")[1])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseDocument(payload); err != nil {
		t.Errorf("tampered payload is not JSON: %v\n%s", err, payload)
	}
	if !strings.Contains(got.Explanation, "reads") {
		t.Errorf("explanation %q does not name the changed byte", got.Explanation)
	}
}

func TestTamperErrors(t *testing.T) {
	tests := []struct {
		name, token, segment, want string
	}{
		{name: "two segments", token: "eyJhIjoxfQ.eyJiIjoyfQ", segment: SegmentPayload, want: "2 segments"},
		{name: "unknown segment", token: "a.b.c", segment: "body", want: "unknown segment"},
		{name: "empty signature", token: "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", segment: SegmentSignature, want: "signature is empty"},
		{name: "not base64", token: "e*J.eyJzdWIiOiIxIn0.c2ln", segment: SegmentHeader, want: "not base64url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Tamper(tt.token, tt.segment)
			if err == nil {
				t.Fatal("Tamper returned no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q lacks %q", err, tt.want)
			}
		})
	}
}

func FuzzTamper(f *testing.F) {
	token, _ := ExampleToken(time.Date(2026, 12, 4, 16, 0, 0, 0, time.UTC))
	f.Add(token, SegmentPayload)
	f.Add("a.b.c", SegmentSignature)
	f.Add("..", SegmentHeader)
	f.Fuzz(func(t *testing.T, token, segment string) {
		got, err := Tamper(token, segment)
		if err != nil {
			return
		}
		if len(got.Token) != len(token) || got.Token[got.Index] == token[got.Index] {
			t.Errorf("Tamper(%q, %q) = %+v", token, segment, got)
		}
	})
}

func TestTamperOnlyChangesStrings(t *testing.T) {
	// Outside the strings there are only digits of a number and letters of
	// true, and changing either would break the JSON.
	header := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"HS256"}`))
	payload := base64.RawURLEncoding.EncodeToString([]byte(`{"n":1234567890,"ok":true,"s":"ab"}`))
	got, err := Tamper(header+"."+payload+".c2ln", SegmentPayload)
	if err != nil {
		t.Fatal(err)
	}
	decoded, err := base64.RawURLEncoding.DecodeString(strings.Split(got.Token, ".")[1])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseDocument(decoded); err != nil {
		t.Errorf("tampered payload %s is not JSON: %v", decoded, err)
	}
	if !strings.Contains(string(decoded), `:1234567890,`) || !strings.Contains(string(decoded), `:true,`) {
		t.Errorf("tampered payload %s changed a number or a literal", decoded)
	}
}
