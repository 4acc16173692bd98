package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"
)

// helpGroupTitler is a key map that names its FullHelp groups, in the
// same order.
type helpGroupTitler interface {
	FullHelpTitles() []string
}

// fullHelpView renders every binding of groups, enabled or not, so the
// full help lists the keys of all focus positions and not only the
// current one. Each group starts a row under its title, and its entries
// wrap onto further rows of at most width cells.
func fullHelpView(st help.Styles, groups [][]key.Binding, titles []string, width int) string {
	titleWidth := 0
	for _, t := range titles {
		titleWidth = max(titleWidth, ansi.StringWidth(t)+2)
	}
	var rows []string
	for i, group := range groups {
		title := ""
		if i < len(titles) {
			title = titles[i]
		}
		rows = append(rows, helpGroupRows(st, group, title, titleWidth, width)...)
	}
	return strings.Join(rows, "\n")
}

// helpGroupRows lays out the entries of one group after its title,
// starting a new row before an entry that would pass width.
func helpGroupRows(st help.Styles, group []key.Binding, title string, titleWidth, width int) []string {
	indent := spaces(titleWidth)
	row := st.FullDesc.Render(title) + spaces(titleWidth-ansi.StringWidth(title))
	rowWidth, first := titleWidth, true
	var rows []string
	for _, b := range group {
		h := b.Help()
		if h.Key == "" {
			continue
		}
		entryWidth := ansi.StringWidth(h.Key) + 1 + ansi.StringWidth(h.Desc)
		gap := 3
		if first {
			gap = 0
		}
		if !first && rowWidth+gap+entryWidth > width {
			rows = append(rows, row)
			row, rowWidth, gap = indent, titleWidth, 0
		}
		row += spaces(gap) + st.FullKey.Render(h.Key) + " " + st.FullDesc.Render(h.Desc)
		rowWidth += gap + entryWidth
		first = false
	}
	rows = append(rows, row)
	for i, r := range rows {
		rows[i] = ansi.Truncate(r, width, "…")
	}
	return rows
}
