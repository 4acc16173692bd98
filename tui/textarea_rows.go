package tui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/textarea"
)

// maxRawRows is the height of the raw JSON editor at its largest.
const maxRawRows = 16

// visualRows counts the screen rows ta needs to show its whole text after
// soft wrapping, counting at most limit rows. The textarea does not export
// its wrapping, so a copy's cursor walks from the first row to the last.
func visualRows(ta textarea.Model, limit int) int {
	for ta.Line() > 0 || ta.LineInfo().RowOffset > 0 {
		line, offset := ta.Line(), ta.LineInfo().RowOffset
		ta.CursorUp()
		if ta.Line() == line && ta.LineInfo().RowOffset == offset {
			break
		}
	}
	rows := 1
	for rows < limit {
		line, offset := ta.Line(), ta.LineInfo().RowOffset
		ta.CursorDown()
		if ta.Line() == line && ta.LineInfo().RowOffset == offset {
			break
		}
		rows++
	}
	return rows
}

// fitTextarea sizes ta to its wrapped rows plus an empty one, between 3
// and maxRawRows. The textarea scrolls only to follow the cursor, so a
// view scrolled while the editor was smaller keeps hiding the first rows
// after it grows. When the whole text fits, setting the value again moves
// the view back to the first row, and the cursor is put back.
func fitTextarea(ta *textarea.Model) {
	rows := visualRows(*ta, maxRawRows)
	ta.SetHeight(min(max(rows+1, 3), maxRawRows))
	if rows >= ta.Height() {
		return
	}
	info := ta.LineInfo()
	row, col := ta.Line(), info.StartColumn+info.ColumnOffset
	ta.SetValue(ta.Value())
	for ta.Line() > row {
		before := ta.Line()
		ta.CursorUp()
		if ta.Line() == before && ta.LineInfo().RowOffset == 0 {
			break
		}
	}
	ta.SetCursor(col)
}

// rawCutSign returns the line under the editor when it shows only visible
// of rows rows. rows is counted up to 10*maxRawRows.
func rawCutSign(rows, visible int) string {
	if rows >= 10*maxRawRows {
		return fmt.Sprintf("↕ %d of %d+ rows shown: move the cursor to scroll", visible, rows)
	}
	return fmt.Sprintf("↕ %d of %d rows shown: move the cursor to scroll", visible, rows)
}
