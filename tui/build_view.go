package tui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// View renders the sections in their panes.
func (m BuildModel) View() string {
	l := m.layout
	if !l.wide {
		stack := l.stack
		stack.title = "editing " + m.focus.title() + "  (tab: next section)"
		return lipgloss.JoinVertical(lipgloss.Left,
			stack.view(m.styles, m.styles.PaneTitle, true), l.footer)
	}
	left := l.left
	rule := m.styles.Rule.Render(strings.Repeat("│\n", max(l.height-1, 0)) + "│")
	return lipgloss.JoinHorizontal(lipgloss.Top,
		left.view(m.styles, m.styles.PaneTitle, m.focus != buildFocusOutput),
		rule,
		l.right.view(m.styles, m.styles.PaneTitle, m.focus == buildFocusOutput))
}

// refresh renders every section for the current state and size.
func (m BuildModel) refresh() BuildModel {
	editWidth, _ := m.layout.columnWidths()
	m.claims.raw.SetWidth(max(editWidth-2, 20))
	fitTextarea(&m.claims.raw)
	m.layout.editors = []string{
		m.algBlock(editWidth),
		m.headerBlock(editWidth),
		m.claimsBlock(editWidth),
		m.keyBlock(editWidth),
	}
	return m.refreshOutput()
}

// refreshOutput renders the token, its verification and its steps again
// and keeps the editor sections as rendered last, for messages that
// change only the output, such as a finished rebuild.
func (m BuildModel) refreshOutput() BuildModel {
	l := m.layout
	_, outWidth := l.columnWidths()
	l.footer = ""
	if !l.wide {
		l.footer = m.footer(l.width)
	}
	m.layout = l.place(l.editors, m.outputBlock(outWidth))
	if line, ok := m.cursorLine(); ok {
		m.layout = m.layout.reveal(m.focus, line)
	}
	return m
}

// cursorLine returns the line, within its section, of the selected alg,
// row or raw JSON line, and false when the focused section has none.
func (m BuildModel) cursorLine() (int, bool) {
	switch {
	case m.focus == buildFocusAlg:
		width, _ := m.layout.columnWidths()
		return 1 + lipgloss.Height(m.chosenAlgLine(width)) + m.header.alg, true
	case m.focus == buildFocusHeader:
		// The title and the alg line come before the rows.
		return 2 + m.rowOffset(m.header.fields), true
	case m.focus == buildFocusClaims && m.claims.rawMode:
		return 1 + m.claims.raw.Line(), true
	case m.focus == buildFocusClaims:
		return 1 + m.rowOffset(m.claims.form), true
	}
	return 0, false
}

// rowOffset returns the number of lines that rowLines renders above the
// selected row, or above the new-name input while it is open: two per
// row, or more where an error wraps.
func (m BuildModel) rowOffset(f fieldList) int {
	width, _ := m.layout.columnWidths()
	above := min(f.cursor, len(f.rows))
	if f.mode == fieldName {
		above = len(f.rows)
	}
	lines := 0
	for _, row := range f.rows[:above] {
		lines++
		if row.err == "" {
			lines++
			continue
		}
		lines += lipgloss.Height(m.errorLine(row.err, width))
	}
	return lines
}

// maxFooterTokenLines is how many lines of the token the narrow layout
// pins below the sections, so the token stays in sight while typing.
const maxFooterTokenLines = 3

// footer renders the narrow layout's pinned lines: the start of the token,
// or why no token was signed, the tamper explanation and the verdict. The
// Token section below the editors shows the same messages, but at 80x24
// it is out of sight.
func (m BuildModel) footer(width int) string {
	st := m.styles
	lines := []string{st.Rule.Render(strings.Repeat("─", max(width, 1)))}
	if m.focus != buildFocusOutput {
		lines = append(lines, m.footerToken(width)...)
	}
	lines = append(lines, m.footerVerdict(width)...)
	return strings.Join(lines, "\n")
}

// maxFooterVerdictLines is how many lines the narrow layout gives the
// verdict, whose failure reason may be long, so the editors keep most of
// the screen.
const maxFooterVerdictLines = 3

// footerVerdict wraps the verdict to at most maxFooterVerdictLines lines,
// cutting the last one, and adds the warning count with the start of the
// most severe warning. The count goes after the verdict when it fits
// there, and on a line of its own otherwise, so it is never cut.
func (m BuildModel) footerVerdict(width int) []string {
	lines := strings.Split(" "+hangingIndent(m.verdictLine(), width-3, 3), "\n")
	if len(lines) > maxFooterVerdictLines {
		lines = lines[:maxFooterVerdictLines]
		last := maxFooterVerdictLines - 1
		lines[last] = ansi.Truncate(lines[last], width-1, "") + "…"
	}
	if m.verified == nil {
		return lines
	}
	count := m.warningCount()
	if count == "" {
		return lines
	}
	worst := m.findings()[0]
	summary := count + m.styles.Muted.Render(": ") +
		m.tokenPainter().kindStyle(severityKind(worst.Severity)).Render(printable(worst.Message))
	last := len(lines) - 1
	if ansi.StringWidth(lines[last])+3+ansi.StringWidth(count) <= width {
		lines[last] = ansi.Truncate(lines[last]+"   "+summary, width-1, "…")
		return lines
	}
	return append(lines, " "+ansi.Truncate(summary, width-2, "…"))
}

// footerToken returns the pinned token lines with the tamper explanation,
// or the reason signing failed.
func (m BuildModel) footerToken(width int) []string {
	if m.built != nil && m.built.err != nil {
		return strings.Split(" "+m.signError(width-1), "\n ")
	}
	token := m.shownToken()
	if token == "" {
		return nil
	}
	marked := -1
	if t := m.built.tampered; t != nil {
		marked = t.Index
	}
	lines := m.coloredToken(token, marked, width-2)
	if len(lines) > maxFooterTokenLines {
		more := fmt.Sprintf("↓ %d more lines of token: tab to Token shows it all", len(lines)-maxFooterTokenLines+1)
		lines = append(lines[:maxFooterTokenLines-1], m.styles.More.Render(more))
	}
	if m.built.tampered != nil || m.built.tamperErr != nil {
		lines = append(lines, strings.Split(m.tamperLine(width-2), "\n")...)
	}
	for i, line := range lines {
		lines[i] = " " + line
	}
	return lines
}

// sectionTitle renders a section's title, underlined when focused.
func (m BuildModel) sectionTitle(f buildFocus, note string) string {
	style := m.styles.Label
	if m.focus == f {
		style = m.styles.FocusedTitle
	}
	title := style.Render(f.title())
	if note != "" {
		title += "  " + m.styles.Muted.Render(note)
	}
	return title
}

// algBlock lists every algorithm with its summary while focused, else
// shows the chosen one.
func (m BuildModel) algBlock(width int) string {
	st := m.styles
	if m.focus != buildFocusAlg {
		a := m.header.algorithm()
		line := st.Label.Render(a.Name) + " " + st.Muted.Render(a.Summary)
		return m.sectionTitle(buildFocusAlg, "") + "\n" + hangingIndent(line, width-2, 2) + "\n"
	}
	lines := []string{m.sectionTitle(buildFocusAlg, "↑/↓ choose; the key type follows the alg"),
		m.chosenAlgLine(width)}
	for i, a := range m.header.algs {
		marker, name := "  ", fmt.Sprintf("%-7s", a.Name)
		if i == m.header.alg {
			marker, name = st.FocusedTitle.Render("›")+" ", st.Label.Render(name)
		}
		summary := a.Summary
		if a.Unsafe {
			summary = st.Danger.Render("UNSAFE") + " " + summary
		}
		lines = append(lines, ansi.Truncate(marker+name+" "+st.Muted.Render(summary), width, "…"))
	}
	return strings.Join(lines, "\n") + "\n"
}

// chosenAlgLine describes the chosen alg in full, because the list below
// it cuts long summaries.
func (m BuildModel) chosenAlgLine(width int) string {
	a := m.header.algorithm()
	text := m.styles.Label.Render(a.Name+":") + " " + a.Summary + " (" + a.Spec + ")"
	return "  " + hangingIndent(text, width-4, 2)
}

// headerBlock shows the alg and the other header parameters.
func (m BuildModel) headerBlock(width int) string {
	st := m.styles
	lines := []string{m.sectionTitle(buildFocusHeader, "")}
	alg := `"` + m.header.algorithm().Name + `"`
	lines = append(lines, "  "+st.ClaimName.Render(fmt.Sprintf("%-5s", "alg"))+" "+
		colorizeJSON(alg, st)+"  "+st.Muted.Render("chosen in the algorithm list"))
	lines = append(lines, m.rowLines(m.header.fields, m.focus == buildFocusHeader, width, jwtcore.HeaderMeaning)...)
	lines = append(lines, m.nameInputLines(m.header.fields, "typ, kid, cty or your own")...)
	return strings.Join(lines, "\n") + "\n"
}

// claimsBlock shows the claims form or the raw JSON textarea.
func (m BuildModel) claimsBlock(width int) string {
	c := m.claims
	note := "form · ctrl+r: raw JSON"
	if c.rawMode {
		note = "raw JSON · ctrl+r: form"
	}
	lines := []string{m.sectionTitle(buildFocusClaims, note)}
	if c.rawMode {
		lines = append(lines, c.raw.View())
		if rows := visualRows(c.raw, 10*maxRawRows); rows > c.raw.Height() {
			lines = append(lines, m.styles.Muted.Render(rawCutSign(rows, c.raw.Height())))
		}
		if c.rawErr != "" {
			lines = append(lines, m.errorLine(c.rawErr, width))
		}
	} else {
		lines = append(lines, m.rowLines(c.form, m.focus == buildFocusClaims, width, jwtcore.ClaimMeaning)...)
		lines = append(lines, m.nameInputLines(c.form, strings.Join(registeredClaims, ", ")+" or your own")...)
	}
	if c.problem != "" {
		lines = append(lines, m.errorLine(c.problem, width))
	}
	return strings.Join(lines, "\n") + "\n"
}

// rowLines renders each member on one line and, below it, its error or
// its meaning and, for a time claim, the time it stands for.
func (m BuildModel) rowLines(f fieldList, focused bool, width int, meaning func(string) string) []string {
	st := m.styles
	var lines []string
	for i, row := range f.rows {
		selected := focused && i == f.cursor
		marker := "  "
		if selected {
			marker = st.FocusedTitle.Render("›") + " "
		}
		value := colorizeJSON(row.text, st)
		if selected && f.mode == fieldValue {
			value = f.input.View()
		} else if row.value != nil && row.text != string(row.value) {
			value = st.Muted.Render(row.text+" →") + " " + colorizeJSON(string(row.value), st)
		}
		name := st.ClaimName.Render(fmt.Sprintf("%-5s", row.name))
		lines = append(lines, ansi.Truncate(marker+name+" "+value, width, "…"))
		if row.err != "" {
			lines = append(lines, m.errorLine(row.err, width))
			continue
		}
		lines = append(lines, "        "+ansi.Truncate(st.Muted.Render(m.rowNote(row, meaning)), width-8, "…"))
	}
	return lines
}

// rowNote returns the meaning of a member and, for a time claim, its time.
func (m BuildModel) rowNote(row fieldRow, meaning func(string) string) string {
	note := meaning(row.name)
	if !isTimeClaim(row.name) {
		return note
	}
	seconds, err := strconv.ParseInt(string(row.value), 10, 64)
	if err != nil {
		return note
	}
	at := time.Unix(seconds, 0)
	return jwtcore.FormatTime(at) + ", " + jwtcore.FormatRelative(at, m.now())
}

// nameInputLines renders the new-member input while it is open.
func (m BuildModel) nameInputLines(f fieldList, suggestions string) []string {
	if f.mode != fieldName {
		return nil
	}
	lines := []string{"  " + m.styles.Label.Render("+ name") + " " + f.input.View(),
		"    " + m.styles.Muted.Render(suggestions+"; enter adds it, esc cancels")}
	if f.problem != "" {
		lines = append(lines, "    "+m.styles.StatusError.Render(f.problem))
	}
	return lines
}

func (m BuildModel) errorLine(text string, width int) string {
	return "    " + hangingIndent(m.styles.Danger.Render("✘ ")+m.styles.StatusError.Render(text), width-6, 6)
}
