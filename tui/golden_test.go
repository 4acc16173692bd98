package tui

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestInspectGolden compares whole screens with the files under
// testdata/TestInspectGolden: the jwt.io HS256 token verified with its
// secret, on the fixed test clock. After an intended change, rewrite them
// with go test ./tui -run Golden -update (the flag comes from the golden
// package).
func TestInspectGolden(t *testing.T) {
	c := loadCase(t, "jwtio_hs256_legacy")
	tests := []struct {
		name          string
		width, height int
		keys          []string
	}{
		{name: "80x24", width: 80, height: 24},
		{name: "120x40", width: 120, height: 40},
		{name: "80x24_claims", width: 80, height: 24, keys: []string{"tab", "tab"}},
		{name: "120x40_verify_focus", width: 120, height: 40, keys: []string{"v"}},
		{name: "120x40_full_help", width: 120, height: 40, keys: []string{"?"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, c.Token, c.Key.Secret, tt.width, tt.height)
			h.key(tt.keys...)
			golden.RequireEqual(t, []byte(h.view()))
		})
	}
}
