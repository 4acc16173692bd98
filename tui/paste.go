package tui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// checkPastedSecret prepares a paste into a secret input. The input turns
// a line break into a space, so keeping one would sign or verify with
// other bytes than the ones pasted.
//
// A line break at the end, which a terminal copy often adds, is removed
// and named in note. A base64 secret loses its other line breaks too,
// because base64 decoding ignores them. A text secret with a line break
// inside is rejected: problem explains why and names secretFileCommand,
// the CLI command that reads such a secret from a file.
func checkPastedSecret(msg tea.KeyMsg, isBase64 bool, secretFileCommand string) (out tea.KeyMsg, note, problem string) {
	text := string(msg.Runes)
	trimmed := strings.TrimRight(text, "\r\n")
	if trimmed != text {
		note = "removed the line break at the end of the pasted secret"
	}
	if !strings.ContainsAny(trimmed, "\r\n") {
		msg.Runes = []rune(trimmed)
		return msg, note, ""
	}
	if isBase64 {
		joined := strings.NewReplacer("\r", "", "\n", "").Replace(trimmed)
		msg.Runes = []rune(joined)
		return msg, "removed the line breaks from the pasted base64 secret, which decoding ignores", ""
	}
	return msg, "", "secret has line breaks: use base64 (ctrl+k) or " + secretFileCommand
}
