package tui

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestBuildGolden compares whole Build screens with the files under
// testdata/TestBuildGolden, on the fixed test clock. Keys come from the
// RFC 7515 A.2 case and signatures are deterministic (HS256 and RS256),
// so the screens never change from run to run. After an intended change,
// rewrite them with go test ./tui -run Golden -update.
func TestBuildGolden(t *testing.T) {
	tests := []struct {
		name          string
		width, height int
		alg           string
		caseKey       string
		keys          []string
	}{
		{name: "80x24", width: 80, height: 24},
		{name: "120x40", width: 120, height: 40},
		{name: "80x24_claims", width: 80, height: 24, keys: []string{"tab", "tab"}},
		{name: "80x24_token", width: 80, height: 24, keys: []string{"tab", "tab", "tab", "tab"}},
		{name: "120x40_rs256_tampered", width: 120, height: 40, alg: "RS256",
			caseKey: "rfc7515_a2_rs256", keys: []string{"t", "t"}},
		{name: "120x40_raw_json", width: 120, height: 40, keys: []string{"tab", "tab", "ctrl+r"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newBuildHarness(t, tt.width, tt.height)
			if tt.alg != "" {
				h.chooseAlg(tt.alg)
				h.useCaseKey(tt.caseKey)
				h.focusBuild(buildFocusOutput)
			}
			h.bkey(tt.keys...)
			golden.RequireEqual(t, []byte(h.view()))
		})
	}
}
