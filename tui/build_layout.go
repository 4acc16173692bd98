package tui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// buildLayout places the Build screen's sections. A wide screen shows the
// editors on the left and the token, its verification and its steps on
// the right. A narrow one stacks everything in one scrolling pane and pins
// the start of the token and the verdict below it.
type buildLayout struct {
	width, height int
	wide          bool
	left, right   pane
	stack         pane
	// sections is the first line of each section in its pane.
	sections [buildFocusCount]int
	// footer is the pinned token start and verdict of the narrow layout.
	footer string
	// editors are the rendered editor sections, kept while only the
	// output changes.
	editors []string
}

// columnWidths returns the text widths of the editors and the output.
func (l *buildLayout) columnWidths() (editors, output int) {
	l.wide = l.width >= wideWidth
	if l.wide {
		return l.width/2 - 2, l.width - l.width/2 - 3
	}
	return l.width - 2, l.width - 2
}

func newBuildLayout() buildLayout {
	return buildLayout{left: newPane("Edit"), right: newPane("Output"), stack: newPane("Build")}
}

// paneFor returns the pane that shows section f.
func (l *buildLayout) paneFor(f buildFocus) *pane {
	switch {
	case !l.wide:
		return &l.stack
	case f == buildFocusOutput:
		return &l.right
	}
	return &l.left
}

// place sizes the panes and fills them with the editor and output blocks.
func (l buildLayout) place(editors []string, output string) buildLayout {
	start := 0
	for i, block := range editors {
		l.sections[i] = start
		start += lipgloss.Height(block)
	}
	body := lipgloss.JoinVertical(lipgloss.Left, editors...)
	if l.wide {
		leftWidth := l.width / 2
		l.sections[buildFocusOutput] = 0
		l.left = l.left.setSize(leftWidth, l.height).setContent(body)
		l.right = l.right.setSize(l.width-leftWidth-1, l.height).setContent(output)
		return l
	}
	l.sections[buildFocusOutput] = start
	height := max(l.height-lipgloss.Height(l.footer), 2)
	l.stack = l.stack.setSize(l.width, height).setContent(body + "\n" + output)
	return l
}

// top scrolls every pane back to its first line.
func (l buildLayout) top() buildLayout {
	for _, p := range []*pane{&l.left, &l.right, &l.stack} {
		p.vp.GotoTop()
	}
	return l
}

// showSection scrolls the pane of section f to its first line.
func (l buildLayout) showSection(f buildFocus) buildLayout {
	l.paneFor(f).vp.SetYOffset(l.sections[f])
	return l
}

// reveal scrolls the pane of section f just enough to show line (counted
// from the section's first line) and the line below it, and the section's
// title too when all of them fit.
func (l buildLayout) reveal(f buildFocus, line int) buildLayout {
	vp := &l.paneFor(f).vp
	top, end := l.sections[f], l.sections[f]+line+2
	if end-top > vp.Height {
		top = end - vp.Height
	}
	switch {
	case vp.YOffset > top:
		vp.SetYOffset(top)
	case vp.YOffset+vp.Height < end:
		vp.SetYOffset(end - vp.Height)
	}
	return l
}

// scroll moves the output pane for a scroll key.
func (l buildLayout) scroll(msg tea.KeyMsg, km BuildKeyMap) buildLayout {
	vp := &l.paneFor(buildFocusOutput).vp
	scrollViewport(vp, msg, scrollKeys{
		Up: km.Up, Down: km.Down, PageUp: km.PageUp, PageDown: km.PageDown,
		Top: km.Top, Bottom: km.Bottom,
	})
	return l
}
