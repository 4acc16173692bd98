package jwtcore

import (
	"errors"
	"testing"
)

func TestDecodeSegmentRejectsLineBreak(t *testing.T) {
	// Go's base64 decoder skips line breaks, which would hide them from
	// the signature check, so decodeSegment must report them.
	for _, segment := range []string{"eyJh\nbGciOiJIUzI1NiJ9", "eyJhbGciOiJIUzI1NiJ9\r"} {
		_, _, err := decodeSegment(segment, SegmentHeader)
		if !errors.Is(err, ErrInvalidBase64) {
			t.Errorf("decodeSegment(%q) error = %v, expected ErrInvalidBase64", segment, err)
		}
	}
}

func TestDecodeSegmentEncodings(t *testing.T) {
	tests := map[string]struct {
		segment string
		want    string
		codes   []string
		fails   bool
	}{
		"canonical":        {segment: "YWI", want: "ab"},
		"padded":           {segment: "YWI=", want: "ab", codes: []string{CodeBase64Padding}},
		"url-safe":         {segment: "-_-_", want: "\xfb\xff\xbf", codes: nil},
		"plus and slash":   {segment: "+/+/", want: "\xfb\xff\xbf", codes: []string{CodeStandardBase64}},
		"noncanonical":     {segment: "YWJ", want: "ab", codes: []string{CodeNoncanonicalBase64}},
		"too much padding": {segment: "YQ===", fails: true},
		"wrong padding":    {segment: "YWI==", fails: true},
		"bad length":       {segment: "YWJjZ", fails: true},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			out, findings, err := decodeSegment(tt.segment, SegmentPayload)
			if tt.fails {
				if err == nil {
					t.Fatalf("decodeSegment(%q) = %q, expected an error", tt.segment, out)
				}
				return
			}
			if err != nil {
				t.Fatalf("decodeSegment(%q): %v", tt.segment, err)
			}
			if string(out) != tt.want {
				t.Errorf("decoded = %q, expected %q", out, tt.want)
			}
			if len(findings) != len(tt.codes) {
				t.Fatalf("findings = %v, expected codes %v", findings, tt.codes)
			}
			for i, f := range findings {
				if f.Code != tt.codes[i] {
					t.Errorf("finding %d = %s, expected %s", i, f.Code, tt.codes[i])
				}
			}
		})
	}
}
