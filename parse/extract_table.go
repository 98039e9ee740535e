package parse

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/replykit/replykit/reply"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A table inside the content container is a data table, kept as a table,
// when it has at least two rows and two columns, holds no nested table and
// no cell of more than maxCellRunes characters. Any other table is layout:
// its cells are read as blocks of text.
const maxCellRunes = 1000

// maxSpan caps rowspan and colspan, so that a hostile span cannot blow up
// the grid.
const maxSpan = 100

// How big a table's grid may grow: spans fill cells, up to the config's
// maxTableCells of them, past which spans are read as single cells; then
// every row is padded to the widest. A grid that would hold more than
// maxTableCells cells, padding included, is not made: the table is read
// as text, a block a row (tableAsText), with a warning CodeTableAsText.
// Text is never dropped for a table's size, and a page of a few kilobytes
// (one row of wide spans over many narrow rows) cannot make a grid of
// millions of cells.

// tableRows returns the rows of table t (those of its own sections, not of
// nested tables).
func tableRows(t *html.Node) []*html.Node {
	var rows []*html.Node
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Tr:
			rows = append(rows, c)
		case atom.Thead, atom.Tbody, atom.Tfoot:
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.Type == html.ElementNode && r.DataAtom == atom.Tr {
					rows = append(rows, r)
				}
			}
		}
	}
	return rows
}

// rowCells returns the cells of row r.
func rowCells(r *html.Node) []*html.Node {
	var cells []*html.Node
	for c := r.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) && !isHidden(c) {
			cells = append(cells, c)
		}
	}
	return cells
}

// isDataTable reports whether t holds data rather than page layout.
func isDataTable(t *html.Node) bool {
	rows := tableRows(t)
	if len(rows) < 2 {
		return false
	}
	wide := 0
	for _, r := range rows {
		cells := rowCells(r)
		if len(cells) >= 2 {
			wide++
		}
		for _, c := range cells {
			if hasNestedTable(c) || countTextCapped(c, maxCellRunes+1) > maxCellRunes {
				return false
			}
		}
	}
	return wide >= 1 && wide*2 >= len(rows)
}

// hasNestedTable reports whether a table lies below n.
func hasNestedTable(n *html.Node) bool {
	found := false
	forEachBelow(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && c.DataAtom == atom.Table {
			found = true
		}
		return !found
	})
	return found
}

// countTextCapped counts the text characters below n, stopping at limit.
func countTextCapped(n *html.Node, limit int) int {
	total := 0
	forEachBelow(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			total += countText(c.Data)
		}
		return total < limit
	})
	return total
}

// forEachBelow calls f on each node below n in document order, without
// recursion, while f returns true.
func forEachBelow(n *html.Node, f func(*html.Node) bool) {
	c := n.FirstChild
	for c != nil {
		if !f(c) {
			return
		}
		if c.FirstChild != nil {
			c = c.FirstChild
			continue
		}
		for c != nil && c != n && c.NextSibling == nil {
			c = c.Parent
		}
		if c == nil || c == n {
			return
		}
		c = c.NextSibling
	}
}

// table emits data table t as one block; merged cells are repeated in
// every row and column they span. It reports false, having emitted
// nothing, when the grid would hold more cells than the limit.
func (e *emitter) table(t *html.Node, st blockStyle) bool {
	start := e.off
	limit := e.cfg.maxTableCells
	size := 0 // cells in the grid, padding included
	var grid [][]string
	var caption string
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Caption {
			var lb lineBuilder
			collectText(c, &lb, st, &e.off)
			caption = lb.String()
		}
	}
	var filled [][]bool
	cells := 0
	for ri, r := range tableRows(t) {
		for len(grid) <= ri {
			grid, filled = append(grid, nil), append(filled, nil)
		}
		col := 0
		for _, cell := range rowCells(r) {
			for col < len(filled[ri]) && filled[ri][col] {
				col++
			}
			var lb lineBuilder
			collectText(cell, &lb, st, &e.off)
			text := lb.String()
			rs, cs := cellSpan(cell, "rowspan"), cellSpan(cell, "colspan")
			if cells += rs * cs; cells > limit {
				rs, cs = 1, 1 // spans past the cap are read as single cells
			}
			for dr := 0; dr < rs; dr++ {
				for len(grid) <= ri+dr {
					grid, filled = append(grid, nil), append(filled, nil)
				}
				row, fr := grid[ri+dr], filled[ri+dr]
				if grow := col + cs - len(row); grow > 0 {
					if size += grow; size > limit {
						return e.tableTooLarge(start, limit)
					}
				}
				for len(row) < col+cs {
					row, fr = append(row, ""), append(fr, false)
				}
				for dc := 0; dc < cs; dc++ {
					row[col+dc], fr[col+dc] = text, true
				}
				grid[ri+dr], filled[ri+dr] = row, fr
			}
			col += cs
		}
	}
	width := 0
	for _, row := range grid {
		width = max(width, len(row))
	}
	if len(grid) > 0 && width > limit/len(grid) {
		return e.tableTooLarge(start, limit)
	}
	var all strings.Builder
	rows := make([][]string, 0, len(grid))
	for _, row := range grid {
		for len(row) < width {
			row = append(row, "")
		}
		for i, c := range row {
			if c != "" && (i == 0 || c != row[i-1]) {
				if all.Len() > 0 {
					all.WriteByte(' ')
				}
				all.WriteString(c)
			}
		}
		rows = append(rows, row)
	}
	if len(e.blocks) >= e.cfg.maxBlocks {
		e.err = &LimitError{Limit: "blocks", Max: int64(e.cfg.maxBlocks), Where: "byte " + strconv.Itoa(start)}
		return true
	}
	if all.Len() > e.cfg.maxParagraph {
		e.err = &LimitError{Limit: "paragraph", Max: int64(e.cfg.maxParagraph), Where: "byte " + strconv.Itoa(start)}
		return true
	}
	e.blocks = append(e.blocks, SourceBlock{
		Text:  all.String(),
		Align: st.align,
		Table: &reply.Table{Caption: caption, Rows: rows},
		Pos:   Pos{Offset: start},
	})
	return true
}

// tableTooLarge gives up the grid of the table that starts at page text
// offset start, over limit cells: the walk goes back to the table's start
// to read it as text, and a warning says so.
func (e *emitter) tableTooLarge(start, limit int) bool {
	e.off = start
	e.warnings = append(e.warnings, reply.Warning{
		Code:    CodeTableAsText,
		Message: fmt.Sprintf("table of more than %d cells, spans and padding included, read as text", limit),
		Where:   "byte " + strconv.Itoa(start),
	})
	return false
}

// tableAsText emits table t as text, as its rows read: its caption a
// block, then a block a row, the text of the row's cells one after the
// other, a space between them. A cell spanning several rows or columns is
// read once, where it stands. Its cost is that of the table's markup.
func (e *emitter) tableAsText(t *html.Node, st blockStyle) {
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Caption {
			collectText(c, &e.lb, st, &e.off)
			e.flush()
		}
	}
	for _, r := range tableRows(t) {
		for i, cell := range rowCells(r) {
			if i > 0 {
				e.lb.write(" ", st, e.off)
			}
			collectText(cell, &e.lb, st, &e.off)
			if e.lb.Len() > e.cfg.maxParagraph {
				e.err = &LimitError{Limit: "paragraph", Max: int64(e.cfg.maxParagraph), Where: "byte " + strconv.Itoa(e.lb.start)}
				return
			}
		}
		e.flush()
	}
}

// cellSpan reads a rowspan or colspan attribute, 1 when absent or bad.
func cellSpan(n *html.Node, key string) int {
	v, err := strconv.Atoi(strings.TrimSpace(getAttr(n, key)))
	if err != nil || v < 1 {
		return 1
	}
	return min(v, maxSpan)
}
