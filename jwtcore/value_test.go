package jwtcore_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/jwtlab/jwtlab/jwtcore"
)

func TestParseClaimValue(t *testing.T) {
	tests := []struct {
		input string
		want  string
	}{
		{input: "42", want: `42`},
		{input: "-1.5e3", want: `-1.5e3`},
		{input: "12345678901234567890", want: `12345678901234567890`},
		{input: "true", want: `true`},
		{input: "null", want: `null`},
		{input: `"quoted"`, want: `"quoted"`},
		{input: `[ "a", 1 ]`, want: `["a",1]`},
		{input: `{"k": {"n": 1}}`, want: `{"k":{"n":1}}`},
		{input: "admin", want: `"admin"`},
		{input: "007", want: `"007"`},
		{input: "a=b=c", want: `"a=b=c"`},
		{input: "", want: `""`},
		{input: "True", want: `"True"`},
		{input: "NaN", want: `"NaN"`},
		{input: "tab\there", want: `"tab\there"`},
		{input: "héllo ✓", want: `"héllo ✓"`},
		{input: "1 2", want: `"1 2"`},
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			got, err := jwtcore.ParseClaimValue(tt.input)
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if string(got) != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestParseClaimValueRejectsBrokenJSON(t *testing.T) {
	tests := []struct {
		input  string
		column int
	}{
		{input: `[admin]`, column: 2},
		{input: `{"a":}`, column: 6},
		{input: `"unterminated`, column: 14},
		{input: `[1,2`, column: 5},
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			_, err := jwtcore.ParseClaimValue(tt.input)
			var serr *jwtcore.JSONSyntaxError
			if !errors.As(err, &serr) {
				t.Fatalf("err = %v, want a *JSONSyntaxError", err)
			}
			if serr.Column != tt.column {
				t.Errorf("column = %d, want %d", serr.Column, tt.column)
			}
		})
	}
}

func TestParseClaimValueStrictPosition(t *testing.T) {
	tests := []struct {
		name         string
		input        string
		offset       int
		line, column int
	}{
		{name: "bare word", input: `admin`, offset: 0, line: 1, column: 1},
		{name: "second line", input: "{\n  \"a\": tru\n}", offset: 12, line: 2, column: 11},
		{name: "after accent", input: `["é", x]`, offset: 7, line: 1, column: 7},
		{name: "empty", input: ``, offset: 0, line: 1, column: 1},
		{name: "trailing data", input: `1 2`, offset: 2, line: 1, column: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := jwtcore.ParseClaimValueStrict(tt.input)
			var serr *jwtcore.JSONSyntaxError
			if !errors.As(err, &serr) {
				t.Fatalf("err = %v, want a *JSONSyntaxError", err)
			}
			if serr.Offset != tt.offset {
				t.Errorf("offset = %d, want %d", serr.Offset, tt.offset)
			}
			if serr.Line != tt.line {
				t.Errorf("line = %d, want %d", serr.Line, tt.line)
			}
			if serr.Column != tt.column {
				t.Errorf("column = %d, want %d", serr.Column, tt.column)
			}
			if !errors.Is(err, jwtcore.ErrInvalidJSON) {
				t.Errorf("errors.Is(err, ErrInvalidJSON) = false")
			}
		})
	}
}

func FuzzParseClaimValue(f *testing.F) {
	for _, seed := range []string{"42", "admin", `["a"]`, `{"a":1}`, `"x`, "", "\xff", "1e999", `[`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, input string) {
		value, err := jwtcore.ParseClaimValue(input)
		if err != nil {
			var serr *jwtcore.JSONSyntaxError
			if errors.As(err, &serr) && (serr.Offset < 0 || serr.Offset > len(input)) {
				t.Fatalf("offset %d outside the input", serr.Offset)
			}
			if utf8.ValidString(input) && !errors.As(err, &serr) {
				t.Fatalf("valid UTF-8 %q rejected without a position: %v", input, err)
			}
			return
		}
		if !jsontext.Value(value).IsValid(jsontext.AllowDuplicateNames(true)) {
			t.Fatalf("ParseClaimValue(%q) = %s, not valid JSON", input, value)
		}
		if _, err := jwtcore.ParseClaimValueStrict(string(value)); err != nil {
			t.Fatalf("output %s does not parse again: %v", value, err)
		}
	})
}

func TestSyntaxErrorExcerptWholeRunes(t *testing.T) {
	_, err := jwtcore.ParseClaimValueStrict(`"\ud800 日本語日本語"`)
	if err == nil {
		t.Fatal("a lone surrogate escape parsed")
	}
	msg := err.Error()
	if strings.Contains(msg, `\x`) {
		t.Errorf("error %q quotes a cut UTF-8 character", msg)
	}
	if !strings.Contains(msg, `"\\ud800 日"`) {
		t.Errorf("error %q lacks the excerpt cut after 日", msg)
	}
}
