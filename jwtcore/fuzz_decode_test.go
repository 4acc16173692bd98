package jwtcore_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/jwtlab/jwtlab/jwtcore"
)

// addCaseTokens seeds f with the token of every case file.
func addCaseTokens(f *testing.F) {
	for _, c := range loadDecodeCases(f) {
		if c.Token != nil {
			f.Add(*c.Token)
		}
	}
}

func FuzzDecode(f *testing.F) {
	addCaseTokens(f)
	f.Fuzz(func(t *testing.T, input string) {
		report := jwtcore.Inspect(input, jwtcore.InspectOptions{Now: testNow})
		if report.Token == nil && report.Err == nil {
			t.Fatal("Inspect returned neither a token nor an error")
		}
		data, err := report.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON: %v", err)
		}
		if !json.Valid(data) {
			t.Fatalf("MarshalJSON output is not valid JSON: %q", data)
		}
		if tok := report.Token; tok != nil && tok.Payload.Object != nil {
			if !bytes.Equal(tok.Payload.Object.Text, tok.Payload.Bytes) {
				t.Fatal("payload object text differs from the payload bytes")
			}
		}
	})
}

func FuzzNormalize(f *testing.F) {
	addCaseTokens(f)
	f.Add(`curl -H "Authorization: Bearer a.b.c" https://x`)
	f.Fuzz(func(t *testing.T, input string) {
		token, findings := jwtcore.Normalize(input)
		if len(token) > len(input) {
			t.Fatalf("Normalize grew the input from %d to %d bytes", len(input), len(token))
		}
		if token == input && len(findings) != 0 {
			t.Fatalf("findings %v for unchanged input", findings)
		}
	})
}

func FuzzPrettyJSON(f *testing.F) {
	for _, c := range loadDecodeCases(f) {
		if c.Expect.PayloadText != nil {
			f.Add([]byte(*c.Expect.PayloadText))
		}
		if c.Expect.HeaderText != nil {
			f.Add([]byte(*c.Expect.HeaderText))
		}
	}
	f.Add([]byte(`{"a":[1,{"b":null}],"a":1.5e400}`))
	f.Fuzz(func(t *testing.T, text []byte) {
		pretty, err := jwtcore.PrettyJSON(text)
		if err != nil {
			return
		}
		// Only whitespace may change: both forms compact to the same text.
		want := jsontext.Value(bytes.Clone(text))
		got := jsontext.Value(bytes.Clone(pretty))
		if err := want.Compact(); err != nil {
			t.Fatalf("input accepted by PrettyJSON does not compact: %v", err)
		}
		if err := got.Compact(); err != nil {
			t.Fatalf("PrettyJSON output does not compact: %v", err)
		}
		if !bytes.Equal(want, got) {
			t.Fatalf("PrettyJSON changed more than whitespace: %q -> %q", text, pretty)
		}
		if utf8.Valid(text) && !utf8.Valid(pretty) {
			t.Fatal("PrettyJSON made valid UTF-8 invalid")
		}
	})
}
