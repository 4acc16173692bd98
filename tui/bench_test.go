package tui

import (
	"fmt"

	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// BenchmarkInspectView measures one frame of the Inspect screen at 120x40
// with the jwt.io HS256 token verified.
func BenchmarkInspectView(b *testing.B) {
	c := loadCase(b, "jwtio_hs256_legacy")
	h := newHarness(b, c.Token, c.Key.Secret, 120, 40)
	b.ReportAllocs()
	for b.Loop() {
		_ = h.model.View()
	}
}

// BenchmarkPasteToFrame measures handling a bracketed paste and rendering
// the next frame, which already shows the decoded token. Verification runs
// afterwards in a command and is not included.
func BenchmarkPasteToFrame(b *testing.B) {
	c := loadCase(b, "jwtio_hs256_legacy")
	h := newHarness(b, "", "", 120, 40)
	paste := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(c.Token), Paste: true}
	b.ReportAllocs()
	for b.Loop() {
		m, _ := h.model.Update(paste)
		_ = m.View()
	}
}

// BenchmarkSecretKeystroke measures one keystroke in the secret input:
// Update, the verification command it returns, and the frame after.
func BenchmarkSecretKeystroke(b *testing.B) {
	c := loadCase(b, "jwtio_hs256_legacy")
	h := newHarness(b, c.Token, "", 120, 40)
	h.key("v")
	b.ReportAllocs()
	for b.Loop() {
		m, cmd := h.model.Update(keyMsg("x"))
		if cmd != nil {
			if msg, ok := cmd().(tea.BatchMsg); ok {
				for _, c := range msg {
					if c != nil {
						m, _ = m.Update(c())
					}
				}
			}
		}
		_ = m.View()
	}
}

// BenchmarkPasteLargeToFrame is BenchmarkPasteToFrame with a token of about
// 100 KB, where the panes wrap thousands of lines.
func BenchmarkPasteLargeToFrame(b *testing.B) {
	c := loadCase(b, "very_long_token_100kb")
	h := newHarness(b, "", "", 120, 40)
	paste := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(c.Token), Paste: true}
	b.ReportAllocs()
	for b.Loop() {
		m, _ := h.model.Update(paste)
		_ = m.View()
	}
}

// BenchmarkTickLarge measures one clock tick with a token of about 100 KB
// on screen: the relative times, the time findings and the frame after.
// The verification that the tick starts runs in a command and is not
// included.
func BenchmarkTickLarge(b *testing.B) {
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		b.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(b *testing.B) {
			c := loadCase(b, "very_long_token_100kb")
			h := newHarness(b, c.Token, "", size[0], size[1])
			tick := tickMsg{id: h.inspect().tickID}
			b.ReportAllocs()
			for b.Loop() {
				m, _ := h.model.Update(tick)
				_ = m.View()
			}
		})
	}
}
