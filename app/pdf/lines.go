package pdf

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// line is one line of text on a page, in page points (y down).
type line struct {
	text           string
	x0, y0, x1, y1 float64
	size           float64 // the size most of its characters have
	bold           bool    // most of its letters are bold
	page           int     // 0-based
	colX0, colX1   float64 // the column it sits in
}

func (l line) width() float64 { return l.x1 - l.x0 }

// buildLines groups a page's glyphs, in content order, into lines: a new
// line starts where the baseline moves, the text goes back to the left, or
// a gap wide as a column gutter opens. Rotated text (margin stamps such as
// arXiv's) is left out.
func buildLines(p page, pageNo int) []line {
	var out []line
	var cur []glyph
	flush := func() {
		if l, ok := makeLine(cur, pageNo); ok {
			out = append(out, l)
		}
		cur = cur[:0]
	}
	space := false
	for _, g := range p.glyphs {
		if g.generated || g.r == ' ' || g.r == '\t' || g.r == '\u00a0' || g.r == '\r' || g.r == '\n' {
			space = true
			continue
		}
		if g.r < 0x20 && g.r != '\u0002' || g.r == 0xfffe || g.r == 0xffff {
			continue // controls PDFium could not map
		}
		if a := math.Mod(math.Abs(g.angle), 2*math.Pi); a > 0.1 && a < 2*math.Pi-0.1 {
			continue
		}
		if len(cur) > 0 {
			last := cur[len(cur)-1]
			s := math.Max(1, math.Min(last.size, g.size))
			gap := g.x0 - last.x1
			switch {
			case math.Abs(g.x0-last.x0) < 0.01 && math.Abs(g.y1-last.y1) < 0.01:
				// a ligature ("ﬁ") comes as its letters sharing one box
			case isAccent(last.r) && gap < 0 && gap > -2*s:
				// TeX sets an accent, then steps back for its letter
			case math.Abs(g.y1-last.y1) > 0.5*s && math.Abs(g.y0-last.y0) > 0.5*s:
				flush()
			case gap < -0.5*s || gap > 1.8*s:
				flush()
			case space || gap > 0.2*s:
				cur = append(cur, glyph{r: ' ', x0: last.x1, x1: g.x0, y0: last.y0, y1: last.y1})
			}
		}
		space = false
		cur = append(cur, g)
	}
	flush()
	return out
}

func makeLine(gs []glyph, pageNo int) (line, bool) {
	l := line{page: pageNo, x0: math.Inf(1), y0: math.Inf(1), x1: math.Inf(-1), y1: math.Inf(-1)}
	var b strings.Builder
	sizes := map[float64]int{}
	letters, bold := 0, 0
	for _, g := range gs {
		b.WriteRune(g.r)
		if g.r == ' ' {
			continue
		}
		l.x0, l.x1 = math.Min(l.x0, g.x0), math.Max(l.x1, g.x1)
		l.y0, l.y1 = math.Min(l.y0, g.y0), math.Max(l.y1, g.y1)
		sizes[math.Round(g.size*2)/2]++
		if unicode.IsLetter(g.r) {
			letters++
			if g.bold {
				bold++
			}
		}
	}
	l.text = composeAccents(strings.TrimSpace(b.String()))
	if l.text == "" {
		return l, false
	}
	best := 0
	for s, n := range sizes {
		if n > best || n == best && s > l.size {
			l.size, best = s, n
		}
	}
	l.bold = letters > 0 && bold*2 > letters
	return l, true
}

// order puts one page's lines in reading order: a two-column page column
// by column (lines spanning both columns cut the page into bands read top
// to bottom), any other page top to bottom. It sets each line's column.
func order(lines []line) []line {
	if len(lines) == 0 {
		return lines
	}
	lines = dropCaps(lines)
	minX, maxX := math.Inf(1), math.Inf(-1)
	for _, l := range lines {
		minX, maxX = math.Min(minX, l.x0), math.Max(maxX, l.x1)
	}
	mid := (minX + maxX) / 2
	side := func(l line) int {
		switch {
		case l.x1 < mid+2:
			return -1
		case l.x0 > mid-2:
			return 1
		}
		return 0
	}
	var left, right []line
	for _, l := range lines {
		switch side(l) {
		case -1:
			left = append(left, l)
		case 1:
			right = append(right, l)
		}
	}
	twoCol := len(left) >= 3 && len(right) >= 3 && meanWidth(left) > 0.3*(maxX-minX) && meanWidth(right) > 0.3*(maxX-minX)
	sorted := append([]line(nil), lines...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].y0 < sorted[j].y0-1 })
	if !twoCol {
		sorted = mergeBaselines(sorted)
		for i := range sorted {
			sorted[i].colX0, sorted[i].colX1 = minX, maxX
		}
		return sorted
	}
	leftX1, rightX0 := math.Inf(-1), math.Inf(1)
	for _, l := range left {
		leftX1 = math.Max(leftX1, l.x1)
	}
	for _, l := range right {
		rightX0 = math.Min(rightX0, l.x0)
	}
	var out, bandL, bandR []line
	flushBand := func() {
		out = append(append(out, mergeBaselines(bandL)...), mergeBaselines(bandR)...)
		bandL, bandR = nil, nil
	}
	for _, l := range sorted {
		switch side(l) {
		case 0:
			flushBand()
			l.colX0, l.colX1 = minX, maxX
			out = append(out, l)
		case -1:
			l.colX0, l.colX1 = minX, leftX1
			bandL = append(bandL, l)
		default:
			l.colX0, l.colX1 = rightX0, maxX
			bandR = append(bandR, l)
		}
	}
	flushBand()
	return out
}

func meanWidth(ls []line) float64 {
	var w float64
	for _, l := range ls {
		w += l.width()
	}
	return w / float64(len(ls))
}

// mergeBaselines joins lines of one column that sit on the same baseline,
// left to right: a table of contents' page numbers, equation numbers.
func mergeBaselines(ls []line) []line {
	var out []line
	for _, l := range ls {
		if n := len(out); n > 0 {
			p := &out[n-1]
			if math.Abs(p.y1-l.y1) < 0.3*math.Max(1, math.Min(p.size, l.size)) && p.page == l.page {
				a, b := *p, l
				if b.x0 < a.x0 {
					a, b = b, a
				}
				merged := a
				merged.text = a.text + " " + b.text
				merged.x0, merged.x1 = math.Min(a.x0, b.x0), math.Max(a.x1, b.x1)
				merged.y0, merged.y1 = math.Min(a.y0, b.y0), math.Max(a.y1, b.y1)
				if utf8.RuneCountInString(b.text) > utf8.RuneCountInString(a.text) {
					merged.size, merged.bold = b.size, b.bold
				}
				*p = merged
				continue
			}
		}
		out = append(out, l)
	}
	return out
}

// spacingAccents are the accents TeX sets as characters of their own before
// the letter ("C´el´erier", "Lemaˆıtre"), with the combining mark each is.
var spacingAccents = map[rune]rune{
	'\u00b4': '\u0301', '`': '\u0300', '\u00a8': '\u0308', '\u02c6': '\u0302', '^': '\u0302',
	'\u02dc': '\u0303', '~': '\u0303', '\u02c7': '\u030c', '\u02d8': '\u0306', '\u02da': '\u030a',
	'\u00af': '\u0304', '\u02d9': '\u0307', '\u02dd': '\u030b',
}

func isAccent(r rune) bool { _, ok := spacingAccents[r]; return ok && r > 0x7f }

// composeAccents puts a spacing accent followed (maybe after a space) by a
// letter together as the accented letter: "C´ el´ erier" → "Célérier".
func composeAccents(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { _, ok := spacingAccents[r]; return ok && r > 0x7f }) {
		return s
	}
	rs := []rune(s)
	var out []rune
	for i := 0; i < len(rs); i++ {
		mark, ok := spacingAccents[rs[i]]
		if !ok || rs[i] < 0x80 {
			out = append(out, rs[i])
			continue
		}
		// After a letter the accent may be followed by a space PDFium put
		// in; at a word's start it must touch its letter. A lone accent stays.
		afterLetter := i > 0 && unicode.IsLetter(rs[i-1])
		j := i + 1
		if afterLetter && j < len(rs) && rs[j] == ' ' {
			j++
		}
		if j >= len(rs) || !unicode.IsLetter(rs[j]) || i > 0 && !afterLetter && rs[i-1] != ' ' {
			out = append(out, rs[i])
			continue
		}
		base := rs[j]
		if base == 'ı' {
			base = 'i'
		}
		out = append(out, []rune(norm.NFC.String(string([]rune{base, mark})))...)
		i = j
	}
	return string(out)
}

// dropCaps puts a large initial letter back at the start of the line it
// stands beside ("J" + "ournal of …" → "Journal of …").
func dropCaps(in []line) []line {
	lines := append([]line(nil), in...)
	gone := make([]bool, len(lines))
	for i, l := range lines {
		r := []rune(l.text)
		if len(r) != 1 || !unicode.IsUpper(r[0]) {
			continue
		}
		for j := range lines {
			m := &lines[j]
			if j != i && !gone[j] && l.size > 1.5*m.size && m.y0 >= l.y0-1 && m.y0 < l.y1 &&
				m.x0 > l.x0+0.5*(l.x1-l.x0) && m.x0 < l.x1+2*m.size && startsLower(m.text) {
				m.text, m.x0 = l.text+m.text, l.x0
				gone[i] = true
				break
			}
		}
	}
	out := lines[:0]
	for i, l := range lines {
		if !gone[i] {
			out = append(out, l)
		}
	}
	return out
}
