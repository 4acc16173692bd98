package fileio

import "testing"

func TestFormatSize(t *testing.T) {
	tests := map[int64]string{1: "1 byte", 1500: "1500 bytes", 1024: "1 KiB", 64 << 20: "64 MiB"}
	for n, want := range tests {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}
