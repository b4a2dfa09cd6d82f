package reader

import (
	"fmt"
	"strings"
	"testing"
)

// wideTable is a table of cols columns whose cells are long words.
func wideTable(cols, rows int) string {
	var b strings.Builder
	b.WriteString("Before.\n\n")
	for r := 0; r < rows+2; r++ {
		b.WriteByte('|')
		for c := 0; c < cols; c++ {
			switch r {
			case 1:
				b.WriteString("---|")
			default:
				fmt.Fprintf(&b, " Antidisestablishmentarianism%d%d |", r, c)
			}
		}
		b.WriteByte('\n')
	}
	b.WriteString("\nAfter.\n")
	return b.String()
}

// TestWideTableFits: a table of many columns of long words stays inside
// the text column: the grid, and every line of every cell, inside its
// column and inside the text column's right edge.
func TestWideTableFits(t *testing.T) {
	for _, cols := range []int{3, 12, 30} {
		r, _, _ := richReader(t, wideTable(cols, 3), 600)
		if len(r.lay.tables) != 1 {
			t.Fatalf("%d columns: %d tables", cols, len(r.lay.tables))
		}
		tb := &r.lay.tables[0]
		_, cw := r.column()
		avail := cw - r.metrics().indent(&r.lay.blocks[tb.first])
		if tb.width > avail+0.5 {
			t.Errorf("%d columns: grid %v wide in a %v column", cols, tb.width, avail)
		}
		for _, l := range r.lay.lines {
			b := &r.lay.blocks[l.block]
			if b.fmt.table == 0 {
				continue
			}
			c := b.fmt.col
			if l.x < tb.colX[c] || l.x+l.w > tb.colX[c+1]+0.5 || l.x+l.w > avail+0.5 {
				t.Fatalf("%d columns: a line of column %d spans %v–%v; column %v–%v, text column ends at %v",
					cols, c, l.x, l.x+l.w, tb.colX[c], tb.colX[c+1], avail)
			}
		}
		checkLayout(t, r)
	}
}
