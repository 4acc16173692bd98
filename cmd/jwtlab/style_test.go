package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestNewStylesColorOff(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
	}{
		{name: "not a terminal", env: map[string]string{}},
		{name: "NO_COLOR set", env: map[string]string{"NO_COLOR": "1"}},
		{name: "dumb terminal", env: map[string]string{"TERM": "dumb"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := newStyles(&bytes.Buffer{}, func(key string) string { return tt.env[key] })
			if st.color {
				t.Errorf("color is on")
			}
			if got := st.good("✔ verified"); got != "✔ verified" {
				t.Errorf("good() = %q, want the text unchanged", got)
			}
		})
	}
}

func TestStylesPaint(t *testing.T) {
	st := styles{color: true}
	got := st.bad("✘ invalid signature")
	if !strings.HasPrefix(got, "\x1b[") {
		t.Errorf("bad() = %q, want an SGR prefix", got)
	}
	if !strings.HasSuffix(got, sgrReset) {
		t.Errorf("bad() = %q, want a reset suffix", got)
	}
	if !strings.Contains(got, "✘ invalid signature") {
		t.Errorf("bad() = %q lost its text", got)
	}
	if got := st.heading(""); got != "" {
		t.Errorf("heading(\"\") = %q, want empty", got)
	}
}

func TestFormatDuration(t *testing.T) {
	tests := map[string]struct {
		seconds int64
		want    string
	}{
		"zero":         {seconds: 0, want: "0s"},
		"minutes":      {seconds: 15 * 60, want: "15m"},
		"hours":        {seconds: 2*3600 + 30*60, want: "2h 30m"},
		"days":         {seconds: 7*86400 + 10, want: "7d 10s"},
		"two units":    {seconds: 86400 + 3600 + 60 + 1, want: "1d 1h"},
		"negative":     {seconds: -90, want: "-1m 30s"},
		"seconds only": {seconds: 42, want: "42s"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if got := formatDuration(secondsDuration(tt.seconds)); got != tt.want {
				t.Errorf("formatDuration = %q, want %q", got, tt.want)
			}
		})
	}
}

func secondsDuration(n int64) time.Duration { return time.Duration(n) * time.Second }
