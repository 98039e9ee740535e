package parse

import (
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

// maxTableCells caps the cells that spans may fill in one table.
const maxTableCells = 200_000

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
// every row and column they span.
func (e *emitter) table(t *html.Node, st blockStyle) {
	start := e.off
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
			if cells += rs * cs; cells > maxTableCells {
				rs, cs = 1, 1 // spans past the cap are read as single cells
			}
			for dr := 0; dr < rs; dr++ {
				for len(grid) <= ri+dr {
					grid, filled = append(grid, nil), append(filled, nil)
				}
				row, fr := grid[ri+dr], filled[ri+dr]
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
		return
	}
	if all.Len() > e.cfg.maxParagraph {
		e.err = &LimitError{Limit: "paragraph", Max: int64(e.cfg.maxParagraph), Where: "byte " + strconv.Itoa(start)}
		return
	}
	e.blocks = append(e.blocks, SourceBlock{
		Text:  all.String(),
		Align: st.align,
		Table: &reply.Table{Caption: caption, Rows: rows},
		Pos:   Pos{Offset: start},
	})
}

// cellSpan reads a rowspan or colspan attribute, 1 when absent or bad.
func cellSpan(n *html.Node, key string) int {
	v, err := strconv.Atoi(strings.TrimSpace(getAttr(n, key)))
	if err != nil || v < 1 {
		return 1
	}
	return min(v, maxSpan)
}
