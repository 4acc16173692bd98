package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// wideWidth is the narrowest screen that shows the JSON and the claims side
// by side. Narrower screens stack every section in one scrolling pane.
const wideWidth = 110

// pane is a titled, scrollable area. The viewport keeps the scroll
// position, and the pane renders the visible lines itself. The lines are
// wrapped and padded to the pane's width once per content change, so a
// frame only joins strings.
type pane struct {
	title string
	vp    viewport.Model
	lines []string
	blank string
	// blocks are the texts of the last setBlocks call, and wrapped is
	// each block wrapped and padded, so a block that did not change, such
	// as the JSON of a large payload, is not wrapped again.
	blocks  []string
	wrapped []wrappedBlock
}

// wrappedBlock is one block of pane text wrapped to the pane's width:
// text for the viewport and the padded lines the pane renders.
type wrappedBlock struct {
	text  string
	lines []string
}

func newPane(title string) pane {
	return pane{title: title, vp: viewport.New(0, 0)}
}

// setSize sizes the pane; the title takes one line of height. Call
// setContent afterwards, because the lines are wrapped to the width.
func (p pane) setSize(width, height int) pane {
	if width != p.vp.Width {
		p.blocks, p.wrapped = nil, nil
	}
	p.vp.Width, p.vp.Height = width, max(height-1, 1)
	p.blank = spaces(width)
	return p
}

// setContent replaces the text, indented by one cell, and keeps the scroll
// position where it can.
func (p pane) setContent(text string) pane { return p.setBlocks(text) }

// setBlocks replaces the text with blocks joined by line breaks. A block
// equal to the one at the same position in the last call keeps its
// wrapped lines. Wrapping works line by line, so wrapping the blocks
// apart gives the same lines as wrapping the joined text.
func (p pane) setBlocks(blocks ...string) pane {
	offset := p.vp.YOffset
	wrapped := make([]wrappedBlock, len(blocks))
	texts := make([]string, len(blocks))
	lines := 0
	for i, block := range blocks {
		if i < len(p.blocks) && p.blocks[i] == block {
			wrapped[i] = p.wrapped[i]
		} else {
			wrapped[i] = p.wrapBlock(block)
		}
		texts[i] = wrapped[i].text
		lines += len(wrapped[i].lines)
	}
	p.blocks, p.wrapped = blocks, wrapped
	p.lines = make([]string, 0, lines)
	for _, w := range wrapped {
		p.lines = append(p.lines, w.lines...)
	}
	p.vp.SetContent(strings.Join(texts, "\n"))
	p.vp.SetYOffset(offset)
	return p
}

// wrapBlock wraps text to the pane's width and pads each line to it,
// indented by one cell.
func (p pane) wrapBlock(text string) wrappedBlock {
	wrapped := wrapTo(text, p.vp.Width-1)
	lines := strings.Split(wrapped, "\n")
	for i, line := range lines {
		lines[i] = " " + line + spaces(p.vp.Width-1-ansi.StringWidth(line))
	}
	return wrappedBlock{text: wrapped, lines: lines}
}

// moreMarks returns the signs that lines are hidden above or below.
func (p pane) moreMarks() string {
	above := p.vp.YOffset
	below := max(p.vp.TotalLineCount()-p.vp.YOffset-p.vp.Height, 0)
	switch {
	case above > 0 && below > 0:
		return fmt.Sprintf("↑ %d  ↓ %d more", above, below)
	case below > 0:
		return fmt.Sprintf("↓ %d more", below)
	case above > 0:
		return fmt.Sprintf("↑ %d above", above)
	}
	return ""
}

// view renders the title line, with the scroll signs on the right, above
// the visible lines. Every line is exactly the pane's width.
func (p pane) view(st Styles, titleStyle lipgloss.Style, focused bool) string {
	if focused {
		titleStyle = st.FocusedTitle
	}
	title := " " + titleStyle.Render(p.title)
	marks := st.More.Render(p.moreMarks() + " ")
	gap := max(p.vp.Width-lipgloss.Width(title)-lipgloss.Width(marks), 1)
	line := ansi.Truncate(title+spaces(gap)+marks, p.vp.Width, "…")

	var b strings.Builder
	b.WriteString(line + spaces(p.vp.Width-ansi.StringWidth(line)))
	top := min(p.vp.YOffset, len(p.lines))
	bottom := min(top+p.vp.Height, len(p.lines))
	for _, l := range p.lines[top:bottom] {
		b.WriteString("\n" + l)
	}
	for range p.vp.Height - (bottom - top) {
		b.WriteString("\n" + p.blank)
	}
	return b.String()
}

// inspectLayout places the Inspect screen's parts and keeps its panes.
type inspectLayout struct {
	width, height int
	// wide shows header, payload and details in three panes; otherwise
	// stack holds all of them and sections are the first line of each.
	wide                     bool
	header, payload, details pane
	stack                    pane
	sections                 [3]int
	// tokenView and verifyView are the rendered top and bottom blocks.
	tokenView  string
	verifyView string
}

func newInspectLayout() inspectLayout {
	return inspectLayout{
		header:  newPane("Header"),
		payload: newPane("Payload"),
		details: newPane("Explained"),
		stack:   newPane("Header"),
	}
}

// middleHeight is the height left for the panes between the token block
// and the verify panel.
func (l inspectLayout) middleHeight() int {
	used := lipgloss.Height(l.tokenView) + lipgloss.Height(l.verifyView)
	return max(l.height-used, 2)
}

// resize sizes the panes for the current blocks and the content heights.
func (l inspectLayout) resize(headerLines int) inspectLayout {
	l.wide = l.width >= wideWidth
	mid := l.middleHeight()
	if !l.wide {
		l.stack = l.stack.setSize(l.width, mid)
		return l
	}
	left := l.width * 2 / 5
	headerHeight := min(max(headerLines+1, 3), mid/2)
	l.header = l.header.setSize(left, headerHeight)
	l.payload = l.payload.setSize(left, mid-headerHeight)
	l.details = l.details.setSize(l.width-left-1, mid)
	return l
}

// paneFor returns the pane that scrolls for focus f.
func (l *inspectLayout) paneFor(f focusTarget) *pane {
	if !l.wide {
		return &l.stack
	}
	switch f {
	case focusHeader:
		return &l.header
	case focusPayload:
		return &l.payload
	}
	return &l.details
}

// scroll moves the focused pane for a scroll key.
func (l inspectLayout) scroll(f focusTarget, msg tea.KeyMsg, km InspectKeyMap) inspectLayout {
	vp := &l.paneFor(f).vp
	scrollViewport(vp, msg, scrollKeys{
		Up: km.Up, Down: km.Down, PageUp: km.PageUp, PageDown: km.PageDown,
		Top: km.Top, Bottom: km.Bottom,
	})
	return l
}

// showSection scrolls the stacked pane to the section of focus f.
func (l inspectLayout) showSection(f focusTarget) inspectLayout {
	if l.wide || f < focusHeader || f > focusDetails {
		return l
	}
	l.stack.vp.SetYOffset(l.sections[f-focusHeader])
	return l
}

// top scrolls every pane back to its first line.
func (l inspectLayout) top() inspectLayout {
	for _, p := range []*pane{&l.header, &l.payload, &l.details, &l.stack} {
		p.vp.GotoTop()
	}
	return l
}

// sectionAt returns the title of the stacked section shown at the top.
func (l inspectLayout) sectionAt() focusTarget {
	f := focusHeader
	for i, start := range l.sections {
		if l.stack.vp.YOffset >= start {
			f = focusHeader + focusTarget(i)
		}
	}
	return f
}

func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(" ", n)
}
