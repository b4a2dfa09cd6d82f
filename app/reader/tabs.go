package reader

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Code blocks draw a tab up to the next stop of tabStop columns, as an
// editor does; the reading text keeps the tab (one code point), so the
// offsets of selection and highlights do not move. Only the tab's width
// changes: wrapping, hit-testing and drawing all take it from tabCol.

const tabStop = 4

// tabWidth is how many columns a tab at column col takes.
func tabWidth(col int) int { return tabStop - col%tabStop }

// codeTabs lists, for a code line with tabs, each tab's byte index and the
// column it starts at, flat (byte, column, byte, column…); nil without.
func codeTabs(s string) []int32 {
	if strings.IndexByte(s, '\t') < 0 {
		return nil
	}
	var out []int32
	col := 0
	for i, r := range s {
		if r == '\t' {
			out = append(out, int32(i), int32(col))
			col += tabWidth(col)
		} else {
			col++
		}
	}
	return out
}

// setCodeTabs notes the tabs of every code block.
func (l *layout) setCodeTabs() {
	for bi := l.firstBody; bi < len(l.blocks); bi++ {
		if b := &l.blocks[bi]; b.fmt.code {
			b.tabs = codeTabs(b.text)
		}
	}
}

// tabCol returns the column of the tab at byte i of a code block's text.
func tabCol(tabs []int32, i int) (int, bool) {
	n := len(tabs) / 2
	k := sort.Search(n, func(k int) bool { return int(tabs[2*k]) >= i })
	if k < n && int(tabs[2*k]) == i {
		return int(tabs[2*k+1]), true
	}
	return 0, false
}

// spaceCols counts the columns of the first n code points of the spaces
// at byte i: one each, a code block's tab up to its stop.
func spaceCols(s string, tabs []int32, i, n int) int {
	cols := 0
	for k := 0; k < n && i < len(s); k++ {
		r, sz := utf8.DecodeRuneInString(s[i:])
		if col, ok := tabCol(tabs, i); ok && r == '\t' {
			cols += tabWidth(col)
		} else {
			cols++
		}
		i += sz
	}
	return cols
}

// shown is the text drawn for s[i:j] of a block: displayText, with a code
// block's tabs widened to their stops.
func shown(s string, tabs []int32, i, j int) string {
	if len(tabs) == 0 {
		return displayText(s[i:j])
	}
	var b strings.Builder
	for k := i; k < j; {
		r, sz := utf8.DecodeRuneInString(s[k:])
		if col, ok := tabCol(tabs, k); ok && r == '\t' {
			b.WriteString(strings.Repeat(" ", tabWidth(col)))
		} else {
			b.WriteRune(r)
		}
		k += sz
	}
	return displayText(b.String())
}
