package jwtcore_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jwtlab/jwtlab/jwtcore"
)

func TestParseDuration(t *testing.T) {
	tests := []struct {
		input string
		want  time.Duration
	}{
		{input: "15m", want: 15 * time.Minute},
		{input: "24h", want: 24 * time.Hour},
		{input: "7d", want: 7 * 24 * time.Hour},
		{input: "1d12h", want: 36 * time.Hour},
		{input: "2w", want: 14 * 24 * time.Hour},
		{input: "1w2d3h4m5s", want: 9*24*time.Hour + 3*time.Hour + 4*time.Minute + 5*time.Second},
		{input: "1.5d", want: 36 * time.Hour},
		{input: "0.5h", want: 30 * time.Minute},
		{input: "-5m", want: -5 * time.Minute},
		{input: "+90s", want: 90 * time.Second},
		{input: "0", want: 0},
		{input: " 10m ", want: 10 * time.Minute},
		{input: "250ms", want: 250 * time.Millisecond},
		{input: "3µs", want: 3 * time.Microsecond},
		{input: "100000d", want: 100000 * 24 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			got, err := jwtcore.ParseDuration(tt.input)
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestParseDurationErrors(t *testing.T) {
	tests := []struct {
		input string
		words string
	}{
		{input: "", words: "empty"},
		{input: "15", words: "has no unit"},
		{input: "7x", words: `unknown unit "x"`},
		{input: "7days", words: `unknown unit "days"`},
		{input: "d", words: "expected a number"},
		{input: "1..5h", words: "invalid number"},
		{input: ".h", words: "invalid number"},
		{input: "--5m", words: "expected a number"},
		{input: "1h 30m", words: `unknown unit "h "`},
		{input: "300000w", words: "maximum"},
		{input: "99999999999999999999h", words: "maximum"},
		{input: "200000w200000d", words: "maximum"},
		{input: "12h1d", words: `the unit "d" follows a unit that is not larger`},
		{input: "15m1h", words: `the unit "h" follows`},
		{input: "1h1h", words: `the unit "h" follows`},
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			_, err := jwtcore.ParseDuration(tt.input)
			if !errors.Is(err, jwtcore.ErrInvalidDuration) {
				t.Fatalf("err = %v, want ErrInvalidDuration", err)
			}
			if !strings.Contains(err.Error(), tt.words) {
				t.Errorf("message %q does not contain %q", err, tt.words)
			}
			if !strings.Contains(err.Error(), "15m") {
				t.Errorf("message %q gives no example", err)
			}
		})
	}
}

func FuzzParseDuration(f *testing.F) {
	for _, seed := range []string{"15m", "1d12h", "-2w", "1.5d", "0", "7x", "", "9999999999w", "1µs"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, input string) {
		got, err := jwtcore.ParseDuration(input)
		if err != nil {
			if !errors.Is(err, jwtcore.ErrInvalidDuration) {
				t.Fatalf("error %v does not wrap ErrInvalidDuration", err)
			}
			return
		}
		// Every Go duration that parses must give the same value here.
		if want, goErr := time.ParseDuration(strings.TrimSpace(input)); goErr == nil && want != got {
			t.Fatalf("ParseDuration(%q) = %v, time.ParseDuration = %v", input, got, want)
		}
	})
}
