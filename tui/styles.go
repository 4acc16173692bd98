package tui

import "github.com/charmbracelet/lipgloss"

// Colours with a light and a dark variant, picked by lipgloss from the
// terminal's background. lipgloss drops every colour when NO_COLOR is set,
// because its renderer reads the profile through termenv.EnvColorProfile.
var (
	colorHeader    = lipgloss.AdaptiveColor{Light: "#C2255C", Dark: "#FF5C8A"}
	colorPayload   = lipgloss.AdaptiveColor{Light: "#7B2FBE", Dark: "#D38CFF"}
	colorSignature = lipgloss.AdaptiveColor{Light: "#0B7285", Dark: "#3BC9DB"}
	colorAccent    = lipgloss.AdaptiveColor{Light: "#1864AB", Dark: "#74C0FC"}
	colorMuted     = lipgloss.AdaptiveColor{Light: "#868E96", Dark: "#7C7F86"}
	colorOK        = lipgloss.AdaptiveColor{Light: "#2B8A3E", Dark: "#69DB7C"}
	colorWarn      = lipgloss.AdaptiveColor{Light: "#B35C00", Dark: "#FFC078"}
	colorDanger    = lipgloss.AdaptiveColor{Light: "#C92A2A", Dark: "#FF6B6B"}
	colorString    = lipgloss.AdaptiveColor{Light: "#2B8A3E", Dark: "#A9E34B"}
	colorNumber    = lipgloss.AdaptiveColor{Light: "#D9480F", Dark: "#FFA94D"}
	colorLiteral   = lipgloss.AdaptiveColor{Light: "#5F3DC4", Dark: "#B197FC"}
)

// Styles is every style the TUI uses. Screens receive one Styles value from
// the root and never build styles of their own.
type Styles struct {
	// App chrome.
	AppName      lipgloss.Style
	Tab          lipgloss.Style
	ActiveTab    lipgloss.Style
	Rule         lipgloss.Style
	Status       lipgloss.Style
	StatusError  lipgloss.Style
	StatusAside  lipgloss.Style
	PaneTitle    lipgloss.Style
	FocusedTitle lipgloss.Style
	More         lipgloss.Style
	Muted        lipgloss.Style
	Label        lipgloss.Style

	// Token segments, in the same colours wherever the segment appears.
	Header    lipgloss.Style
	Payload   lipgloss.Style
	Signature lipgloss.Style
	Dot       lipgloss.Style
	// BadByte marks the character where decoding failed.
	BadByte lipgloss.Style

	// JSON syntax.
	JSONKey     lipgloss.Style
	JSONString  lipgloss.Style
	JSONNumber  lipgloss.Style
	JSONLiteral lipgloss.Style
	JSONPunct   lipgloss.Style

	// Verdicts and findings.
	OK      lipgloss.Style
	Warning lipgloss.Style
	Danger  lipgloss.Style
	Info    lipgloss.Style

	// ClaimName is the name column of the claims table.
	ClaimName lipgloss.Style
}

// DefaultStyles returns the TUI's styles.
func DefaultStyles() Styles {
	plain := lipgloss.NewStyle()
	fg := func(c lipgloss.TerminalColor) lipgloss.Style {
		return plain.Foreground(c)
	}
	return Styles{
		AppName:      fg(colorAccent).Bold(true),
		Tab:          fg(colorMuted),
		ActiveTab:    fg(colorAccent).Bold(true),
		Rule:         fg(colorMuted),
		Status:       plain,
		StatusError:  fg(colorDanger),
		StatusAside:  fg(colorMuted),
		PaneTitle:    fg(colorMuted).Bold(true),
		FocusedTitle: fg(colorAccent).Bold(true).Underline(true),
		More:         fg(colorMuted).Italic(true),
		Muted:        fg(colorMuted),
		Label:        plain.Bold(true),

		Header:    fg(colorHeader),
		Payload:   fg(colorPayload),
		Signature: fg(colorSignature),
		Dot:       plain,
		BadByte:   fg(colorDanger).Reverse(true),

		JSONKey:     fg(colorAccent),
		JSONString:  fg(colorString),
		JSONNumber:  fg(colorNumber),
		JSONLiteral: fg(colorLiteral),
		JSONPunct:   plain,

		OK:      fg(colorOK).Bold(true),
		Warning: fg(colorWarn).Bold(true),
		Danger:  fg(colorDanger).Bold(true),
		Info:    fg(colorMuted),

		ClaimName: fg(colorPayload).Bold(true),
	}
}
