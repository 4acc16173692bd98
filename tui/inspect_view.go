package tui

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// maxTokenLines is how many lines the wrapped token may take before the
// rest is folded away behind a "more" sign.
const (
	maxTokenLinesNarrow = 3
	maxTokenLinesWide   = 5
)

// View renders the token block, the panes and the verify panel. The panes
// pad every line to their width, so the columns join line by line.
func (m InspectModel) View() string {
	l := m.layout
	var middle string
	if l.wide {
		left := l.header.view(m.styles, m.styles.Header, m.focus == focusHeader) + "\n" +
			l.payload.view(m.styles, m.styles.Payload, m.focus == focusPayload)
		right := l.details.view(m.styles, m.styles.PaneTitle, m.focus == focusDetails)
		middle = joinColumns(left, m.styles.Rule.Render("│"), right)
	} else {
		stack := l.stack
		section := l.sectionAt()
		stack.title = sectionTitle(section) + "  (tab: next section)"
		focused := m.focus >= focusHeader && m.focus <= focusDetails
		middle = stack.view(m.styles, m.sectionStyle(section), focused)
	}
	return l.tokenView + "\n" + middle + "\n" + l.verifyView
}

// joinColumns puts left and right side by side with rule between them.
// Both have the same number of lines.
func joinColumns(left, rule, right string) string {
	leftLines := strings.Split(left, "\n")
	rightLines := strings.Split(right, "\n")
	var b strings.Builder
	for i := range min(len(leftLines), len(rightLines)) {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(leftLines[i] + rule + rightLines[i])
	}
	return b.String()
}

func sectionTitle(f focusTarget) string {
	switch f {
	case focusHeader:
		return "Header"
	case focusPayload:
		return "Payload"
	}
	return "Explained"
}

func (m InspectModel) sectionStyle(f focusTarget) lipgloss.Style {
	switch f {
	case focusHeader:
		return m.styles.Header
	case focusPayload:
		return m.styles.Payload
	}
	return m.styles.PaneTitle
}

// refreshAll rebuilds every block and pane for the current report and size.
func (m InspectModel) refreshAll() InspectModel {
	m.cacheTokenLines(m.layout.width)
	m.layout.tokenView = m.tokenBlock(m.layout.width)
	m.layout.verifyView = m.verifyBlock(m.layout.width)
	// The header pane's height follows the header's unwrapped length.
	m.layout = m.layout.resize(lipgloss.Height(m.jsonBlock(jwtcore.SegmentHeader, 0)))
	return m.fillPanes()
}

// refreshChrome re-renders the token block and the verify panel, which show
// the inputs, and lays the panes out again only when a block changed height.
func (m InspectModel) refreshChrome() InspectModel {
	before := lipgloss.Height(m.layout.tokenView) + lipgloss.Height(m.layout.verifyView)
	m.cacheTokenLines(m.layout.width)
	m.layout.tokenView = m.tokenBlock(m.layout.width)
	m.layout.verifyView = m.verifyBlock(m.layout.width)
	after := lipgloss.Height(m.layout.tokenView) + lipgloss.Height(m.layout.verifyView)
	if before == after {
		return m
	}
	return m.refreshAll()
}

// fillPanes sets the pane contents. In the narrow layout the sections are
// stacked in one pane and their first lines recorded for tab to jump to.
func (m InspectModel) fillPanes() InspectModel {
	l := m.layout
	if l.wide {
		header, payload := m.cachedJSON(l.header.vp.Width - 1)
		l.header = l.header.setContent(header)
		l.payload = l.payload.setContent(payload)
		l.details = l.details.setContent(m.detailsBlock(l.details.vp.Width - 1))
		m.layout = l
		return m
	}
	width := l.stack.vp.Width - 1
	header, payload := m.cachedJSON(width)
	// Blank blocks separate the sections, and the blocks that hold the
	// JSON keep their wrapped lines from the last call while unchanged.
	l.stack = l.stack.setBlocks(header, "", m.styles.Payload.Render("Payload"), payload, "", m.detailsBlock(width))
	l.sections[0] = 0
	l.sections[1] = len(l.stack.wrapped[0].lines) + 1
	l.sections[2] = l.sections[1] + len(l.stack.wrapped[3].lines) + 2
	m.layout = l
	return m
}

// wrapTo wraps text at word boundaries to width cells. ansi.Wrap from
// charmbracelet/x/ansi v0.11.6 can leave a line one cell too wide when it
// starts with a space, so a hard wrap enforces the width afterwards.
func wrapTo(text string, width int) string {
	width = max(width, 1)
	return ansi.Hardwrap(ansi.Wrap(text, width, ""), width, true)
}

// scrollToFocus shows the section that just got the focus.
func (m InspectModel) scrollToFocus() InspectModel {
	m.layout = m.layout.showSection(m.focus)
	return m
}

// tokenBlock renders the token title, the input, the coloured token and
// the decode error, if any. The coloured token lines come from m.cache,
// so cacheTokenLines must run first.
func (m InspectModel) tokenBlock(width int) string {
	st := m.styles
	title := " " + st.Label.Render("Token")
	if m.focus == focusToken {
		title = " " + st.FocusedTitle.Render("Token")
	}
	// The legend names the three colours used for the segments everywhere.
	title += "  " + st.Header.Render("header") + st.Dot.Render(".") +
		st.Payload.Render("payload") + st.Dot.Render(".") + st.Signature.Render("signature")
	editing := m.focus == focusToken || m.raw == ""
	if !editing {
		title += st.Muted.Render("  i: edit · paste: replace")
	}
	lines := []string{ansi.Truncate(title, width, "…")}
	if cleaned := cleanupNotes(m.report.Token); cleaned != "" {
		note := wrapTo("cleaned: "+cleaned, width-1)
		lines = append(lines, styleLines(st.Muted, note, " ")...)
	}
	// The input line shows only while editing: otherwise the coloured
	// token below shows the same text.
	if editing {
		lines = append(lines, " "+st.Muted.Render("›")+" "+m.input.View())
	}
	lines = append(lines, m.cache.tokenLines...)
	if m.report.Err != nil {
		msg := hangingIndent("✘ "+decodeErrorText(m.report.Err), width-4, 3)
		lines = append(lines, styleLines(st.StatusError, msg, " ")...)
	}
	return strings.Join(lines, "\n")
}

// styleLines styles each line of text on its own and puts prefix before
// it. Styling a wrapped block as a whole would leave the colour codes on
// the first and last lines only.
func styleLines(style lipgloss.Style, text, prefix string) []string {
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		lines[i] = prefix + style.Render(line)
	}
	return lines
}

// cleanupNotes joins what was removed from the input to find the token.
func cleanupNotes(t *jwtcore.Token) string {
	if t == nil {
		return ""
	}
	var notes []string
	for _, f := range t.Findings {
		if strings.HasPrefix(f.Code, "input_") {
			notes = append(notes, printable(f.Message))
		}
	}
	return strings.Join(notes, "; ")
}

// decodeErrorText describes a decode error with its segment and position.
func decodeErrorText(err error) string {
	var de *jwtcore.DecodeError
	if errors.As(err, &de) && de.Offset >= 0 && !strings.Contains(err.Error(), "offset") {
		return printable(fmt.Sprintf("%v (at character %d of the %s)", err, de.Offset+1, de.Segment))
	}
	return printable(err.Error())
}

// tokenLines wraps the cleaned token with each segment in its colour and
// the character where decoding failed marked.
func (m InspectModel) tokenLines(width int) []string {
	t := m.report.Token
	if t == nil || t.Compact == "" {
		return []string{" " + m.styles.Muted.Render("(no token)")}
	}
	width = max(width-2, 10)
	text, markBad := t.Compact, true
	if !isPrintable(text) {
		// The escapes move the byte offsets, so the position of a bad
		// character is no longer known.
		text, markBad = printable(text), false
	}
	styles := m.segmentStyles(text, markBad)

	limit := maxTokenLinesNarrow
	if width >= wideWidth {
		limit = maxTokenLinesWide
	}
	ends := chunkEnds(text, width)
	shown := len(ends)
	if shown > limit {
		shown = limit - 1
	}
	lines := make([]string, 0, shown+1)
	start := 0
	for _, end := range ends[:shown] {
		lines = append(lines, " "+m.renderRuns(text, start, end, styles))
		start = end
	}
	if hidden := len(ends) - shown; hidden > 0 {
		more := fmt.Sprintf("↓ %d more lines of token (y copies it whole)", hidden)
		lines = append(lines, " "+m.styles.More.Render(more))
	}
	return lines
}

// chunkEnds returns the byte offsets where text breaks into lines of at
// most width cells. A token is ASCII, one cell per byte, but damaged input
// may hold wide or multibyte characters, which are never split.
func chunkEnds(text string, width int) []int {
	var ends []int
	cells := 0
	for i, r := range text {
		w := 1
		if r >= utf8.RuneSelf {
			w = max(ansi.StringWidth(string(r)), 1)
		}
		if cells+w > width {
			ends = append(ends, i)
			cells = 0
		}
		cells += w
	}
	return append(ends, len(text))
}

// segmentStyles returns, for each byte of text, the index of its style:
// 0 header, 1 payload, 2 signature and later segments, 3 a dot, and with
// markBad, 4 for the character where decoding failed.
func (m InspectModel) segmentStyles(text string, markBad bool) []uint8 {
	styles := make([]uint8, len(text))
	segment := uint8(0)
	for i := range len(text) {
		if text[i] == '.' {
			styles[i] = 3
			segment = min(segment+1, 2)
			continue
		}
		styles[i] = segment
	}
	if i, ok := badByteIndex(m.report); ok && markBad && i < len(styles) {
		_, size := utf8.DecodeRuneInString(text[i:])
		for j := i; j < i+size; j++ {
			styles[j] = 4
		}
	}
	return styles
}

// badByteIndex returns the index in the compact token of the character
// where decoding failed.
func badByteIndex(r jwtcore.Report) (int, bool) {
	var de *jwtcore.DecodeError
	if r.Token == nil || !errors.As(r.Err, &de) || de.Offset < 0 {
		return 0, false
	}
	roles := []string{jwtcore.SegmentHeader, jwtcore.SegmentPayload, jwtcore.SegmentSignature}
	start := 0
	for i, seg := range r.Token.Segments {
		if i < len(roles) && roles[i] == de.Segment {
			return start + de.Offset, de.Offset < len(seg)
		}
		start += len(seg) + 1
	}
	return 0, false
}

// renderRuns renders text[start:end], one style call per run of bytes that
// share a style.
func (m InspectModel) renderRuns(text string, start, end int, styles []uint8) string {
	st := m.styles
	partStyles := [...]lipgloss.Style{st.Header, st.Payload, st.Signature, st.Dot, st.BadByte}
	var b strings.Builder
	for i := start; i < end; {
		j := i + 1
		for j < end && styles[j] == styles[i] {
			j++
		}
		b.WriteString(partStyles[styles[i]].Render(text[i:j]))
		i = j
	}
	return b.String()
}
