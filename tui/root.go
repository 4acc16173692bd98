package tui

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// Smallest terminal the layout is designed for. A smaller one still works
// but panes get very short.
const (
	minWidth  = 80
	minHeight = 24
)

// tab is one screen in the header.
type tab struct {
	id    Screen
	title string
	model screen
}

// rootModel only routes: it handles the global keys and the window size and
// passes every other message to the screens. It holds no screen logic.
type rootModel struct {
	tabs   []tab
	active int
	keys   GlobalKeyMap
	help   help.Model
	styles Styles

	width, height int
	// bodyWidth and bodyHeight are the size last given to the screens.
	bodyWidth, bodyHeight int
}

// newRoot builds the root and every screen from cfg.
func newRoot(cfg Config) rootModel {
	styles := DefaultStyles()
	tabs := []tab{
		{ScreenInspect, "Inspect", asScreen(NewInspect(cfg, styles))},
		{ScreenBuild, "Build", asScreen(NewBuild(cfg, styles))},
	}
	r := rootModel{
		tabs:   tabs,
		keys:   DefaultGlobalKeyMap(len(tabs)),
		help:   help.New(),
		styles: styles,
		width:  minWidth,
		height: minHeight,
	}
	r.active = r.indexOf(cfg.Screen)
	return r.layout()
}

// indexOf returns the position of screen id, or 0 when it is not built.
func (r rootModel) indexOf(id Screen) int {
	for i, t := range r.tabs {
		if t.id == id {
			return i
		}
	}
	return 0
}

func (r rootModel) Init() tea.Cmd {
	cmds := make([]tea.Cmd, 0, len(r.tabs))
	for _, t := range r.tabs {
		cmds = append(cmds, t.model.Init())
	}
	return tea.Batch(cmds...)
}

func (r rootModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	// Copy the list so an earlier copy of the root keeps its own screens.
	r.tabs = slices.Clone(r.tabs)
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		r.width, r.height = msg.Width, msg.Height
		return r.layout(), nil
	case tea.KeyMsg:
		if msg.Type == tea.KeyRunes && !msg.Paste && len(msg.Runes) > 1 {
			if isHeldKey(msg.Runes) {
				return r.handleRuneBurst(msg)
			}
			// A terminal without bracketed paste sends a paste as such a
			// burst. Split into keys, its letters would quit, copy or
			// tamper, so it is handled as the paste it is.
			msg.Paste = true
		}
		return r.handleKey(msg)
	case ShowTokenMsg:
		r.active = r.indexOf(ScreenInspect)
		return r.updateActive(msg)
	}
	return r.broadcast(msg)
}

// handleKey runs a global key or passes the key to the active screen.
func (r rootModel) handleKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	typing := r.tabs[r.active].model.Typing()
	switch {
	case key.Matches(msg, r.keys.ForceQuit):
		return r, tea.Quit
	case key.Matches(msg, r.keys.HelpAnywhere):
		r.help.ShowAll = !r.help.ShowAll
		return r.layout(), nil
	case typing:
		return r.updateActive(msg)
	case key.Matches(msg, r.keys.Quit):
		return r, tea.Quit
	case key.Matches(msg, r.keys.Help):
		r.help.ShowAll = !r.help.ShowAll
		return r.layout(), nil
	}
	for i, b := range r.keys.Screens {
		if key.Matches(msg, b) {
			r.active = i
			return r.layout(), nil
		}
	}
	return r.updateActive(msg)
}

// maxHeldKeyBurst is the longest rune burst still read as a held key. A
// longer burst, or one with different runes, is taken to be a paste.
const maxHeldKeyBurst = 7

// isHeldKey reports whether runes look like one key held down or repeated
// quickly: a short burst of a single repeated rune.
func isHeldKey(runes []rune) bool {
	if len(runes) > maxHeldKeyBurst {
		return false
	}
	for _, ch := range runes[1:] {
		if ch != runes[0] {
			return false
		}
	}
	return true
}

// handleRuneBurst handles each rune of msg as its own key press. Bubble
// Tea v1 delivers runes that arrive together, such as a held key or keys
// sent by a script, as one message, which matches no single-key binding.
func (r rootModel) handleRuneBurst(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	cmds := make([]tea.Cmd, 0, len(msg.Runes))
	var model tea.Model = r
	for _, ch := range msg.Runes {
		single := msg
		single.Runes = []rune{ch}
		var cmd tea.Cmd
		model, cmd = model.(rootModel).handleKey(single)
		cmds = append(cmds, cmd)
	}
	return model, tea.Batch(cmds...)
}

func (r rootModel) updateActive(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	r.tabs[r.active].model, cmd = r.tabs[r.active].model.Update(msg)
	return r.layout(), cmd
}

// broadcast passes msg to every screen.
func (r rootModel) broadcast(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmds := make([]tea.Cmd, 0, len(r.tabs))
	for i := range r.tabs {
		var cmd tea.Cmd
		r.tabs[i].model, cmd = r.tabs[i].model.Update(msg)
		cmds = append(cmds, cmd)
	}
	return r.layout(), tea.Batch(cmds...)
}

// layout gives the screens the area left over by the chrome. The chrome is
// measured, not assumed, because the full help grows and shrinks.
func (r rootModel) layout() rootModel {
	r.help.Width = max(r.width-1, 1)
	chrome := lipgloss.Height(r.headerView()) +
		lipgloss.Height(r.statusView()) +
		lipgloss.Height(r.helpView())
	w, h := r.width, max(r.height-chrome, 1)
	if w == r.bodyWidth && h == r.bodyHeight {
		return r
	}
	r.bodyWidth, r.bodyHeight = w, h
	for i := range r.tabs {
		r.tabs[i].model = r.tabs[i].model.SetSize(w, h)
	}
	return r
}

func (r rootModel) View() string {
	return r.headerView() + "\n" + r.tabs[r.active].model.View() + "\n" +
		r.statusView() + "\n" + r.helpView()
}

// headerView renders the program name, the screen names and a rule.
func (r rootModel) headerView() string {
	parts := []string{r.styles.AppName.Render(" jwtlab ")}
	for i, t := range r.tabs {
		// Brackets mark the active screen without colour too, for
		// NO_COLOR and terminals without colours.
		title := r.styles.Tab.Render(" " + t.title + " ")
		if i == r.active {
			title = r.styles.ActiveTab.Render("[" + t.title + "]")
		}
		parts = append(parts, title)
	}
	line := ansi.Truncate(lipgloss.JoinHorizontal(lipgloss.Top, parts...), r.width, "…")
	rule := r.styles.Rule.Render(strings.Repeat("─", max(r.width, 1)))
	return line + "\n" + rule
}

// statusView renders the active screen's status message on one line.
func (r rootModel) statusView() string {
	text, isError := r.tabs[r.active].model.Status()
	style := r.styles.Status
	if isError {
		style = r.styles.StatusError
	}
	return ansi.Truncate(style.Render(" "+text), r.width, "…")
}

// helpView renders the short help bar, or the full help wrapped to the
// width. help.Model's own full view puts each group in a column and cuts
// the columns that do not fit, so the full help is laid out here.
func (r rootModel) helpView() string {
	active := r.tabs[r.active].model
	keys := rootHelp{global: r.keys, screen: active.Keys(), typing: active.Typing()}
	text := r.help.ShortHelpView(keys.ShortHelp())
	if r.help.ShowAll {
		text = fullHelpView(r.help.Styles, keys.FullHelp(), keys.FullHelpTitles(), r.help.Width)
	}
	return " " + strings.ReplaceAll(text, "\n", "\n ")
}
