package tui

import (
	"io"

	"github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// copiedMsg reports that text was sent to the terminal's clipboard.
type copiedMsg struct {
	// label names the copied text in the status message, such as "the token".
	label string
	err   error
}

// copyCmd writes text to w as an OSC 52 clipboard sequence. The terminal
// puts it on the system clipboard; a terminal without OSC 52 support
// ignores it, and nothing can detect that.
func copyCmd(w io.Writer, inTmux bool, text, label string) tea.Cmd {
	return func() tea.Msg {
		seq := osc52.New(text)
		if inTmux {
			seq = seq.Tmux()
		}
		_, err := seq.WriteTo(w)
		return copiedMsg{label: label, err: err}
	}
}

// copyToken copies the cleaned token.
func (m InspectModel) copyToken() tea.Cmd {
	t := m.report.Token
	if t == nil {
		return nil
	}
	return copyCmd(m.clipboard, m.inTmux, t.Compact, "the token")
}

// copyJSON copies the decoded header and payload as one indented JSON
// object, {"header": ..., "payload": ...}, with both kept exactly as
// decoded. A payload that is not JSON is copied as text after the header.
func (m InspectModel) copyJSON() tea.Cmd {
	t := m.report.Token
	if t == nil || t.Header.Text == nil {
		return nil
	}
	joined := `{"header":` + string(t.Header.Text) + `,"payload":` + string(t.Payload.Bytes) + `}`
	text, err := jwtcore.PrettyJSON([]byte(joined))
	if err != nil {
		header, _ := jwtcore.PrettyJSON(t.Header.Text)
		text = append(append(header, "\n\n"...), t.Payload.Bytes...)
	}
	return copyCmd(m.clipboard, m.inTmux, string(text), "the decoded header and payload")
}

func (m InspectModel) onCopied(msg copiedMsg) InspectModel {
	if msg.err != nil {
		return m.setStatus("copy failed: "+msg.err.Error(), true)
	}
	return m.setStatus("copied "+msg.label+" to the clipboard (OSC 52)", false)
}
