package tui

import (
	"io"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// Screen names a top-level screen of the TUI.
type Screen string

// Screens that exist today; more plug into the root later.
const (
	ScreenInspect Screen = "inspect"
	ScreenBuild   Screen = "build"
)

// Config is everything the CLI hands to the TUI.
type Config struct {
	// Screen is the screen shown first. A screen that is not built yet
	// falls back to Inspect.
	Screen Screen
	// Token is the text to inspect first; empty opens the built-in example
	// token, with its public example secret typed into the verify panel.
	Token string
	// Secret is an HMAC secret to type into the verify panel at start.
	Secret string
	// KeyFile is a key file to load into the verify panel at start.
	KeyFile string
	// Now returns the current time; nil means the wall clock.
	Now func() time.Time
	// Location is the time zone for local times; nil means time.Local.
	Location *time.Location
	// Input is the source of key presses; nil means standard input. Set
	// it to the opened /dev/tty when standard input carried a piped token.
	Input io.Reader
	// Output is the terminal the TUI draws on; nil means standard output.
	Output io.Writer
	// Clipboard receives the OSC 52 sequences that copy text to the
	// terminal's clipboard; nil means Output.
	Clipboard io.Writer
	// InTmux wraps OSC 52 sequences in tmux's passthrough. Run sets it
	// from the TMUX environment variable.
	InTmux bool

	// tickInterval is how often relative times are refreshed; zero means
	// once a second. Tests shorten it.
	tickInterval time.Duration
}

// withDefaults fills in the zero fields of cfg.
func (cfg Config) withDefaults() Config {
	if cfg.tickInterval == 0 {
		cfg.tickInterval = time.Second
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Location == nil {
		cfg.Location = time.Local
	}
	if cfg.Output == nil {
		cfg.Output = os.Stdout
	}
	if cfg.Clipboard == nil {
		cfg.Clipboard = cfg.Output
	}
	return cfg
}

// Run starts the TUI on the alternate screen and blocks until the user
// quits. It never exits the process.
func Run(cfg Config) error {
	cfg.InTmux = cfg.InTmux || os.Getenv("TMUX") != ""
	cfg = cfg.withDefaults()
	// lipgloss queries the terminal for its background colour the first
	// time an adaptive colour is rendered. Querying now, before Bubble Tea
	// reads the keyboard, keeps the terminal's reply out of the key input.
	lipgloss.SetHasDarkBackground(lipgloss.HasDarkBackground())
	opts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithOutput(cfg.Output)}
	if cfg.Input != nil {
		opts = append(opts, tea.WithInput(cfg.Input))
	}
	_, err := tea.NewProgram(newRoot(cfg), opts...).Run()
	return err
}
