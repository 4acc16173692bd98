package tui

import (
	"testing"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// TestPrintableUsesCore checks that the TUI escapes text as the CLI does;
// jwtcore's tests cover each kind of character.
func TestPrintableUsesCore(t *testing.T) {
	for _, in := range []string{"John Doe", "a\x1b]52;c;eA==\x07", "\xff", "a\tb", "x\u202ey"} {
		if got, want := printable(in), jwtcore.Printable(in); got != want {
			t.Errorf("printable(%q) = %q, want %q", in, got, want)
		}
		if got, want := isPrintable(in), jwtcore.IsPrintable(in); got != want {
			t.Errorf("isPrintable(%q) = %v, want %v", in, got, want)
		}
	}
}
