package pdf

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

type blockKind int

const (
	paragraph blockKind = iota
	heading
	reference
)

// block is one paragraph, heading or reference of the reading text.
type block struct {
	kind  blockKind
	level int
	text  string
	size  float64
	bold  bool
	runes int  // code points in text
	last  line // its last line, for deciding whether the next one continues it
	// breaks are the pages that start inside or at the start of this
	// block: the page (0-based) and the code point offset in text.
	breaks []pageBreak
}

type pageBreak struct{ page, offset int }

var referencesHeading = regexp.MustCompile(`(?i)^([0-9]+\.?|[ivx]+\.)?\s*(references|bibliography|literature( cited)?|works cited|reference list)$`)

// refStart is how a numbered reference begins: "[12]", "12.", "12 ".
var refStart = regexp.MustCompile(`^(\[[0-9]{1,4}\]|[0-9]{1,4}\.\s)`)

// styles is what the body text looks like and which sizes are headings.
type styles struct {
	body   float64
	levels map[styleKey]int
}

type styleKey struct {
	size float64
	bold bool
}

func (st styles) isHeading(l line) bool {
	_, ok := st.levels[styleKey{l.size, l.bold}]
	return ok && utf8.RuneCountInString(l.text) <= 160 && wordy(l.text)
}

// wordy tells a heading from a displayed formula set large: mostly
// letters, three at least, no "=".
func wordy(s string) bool {
	letters, n := 0, 0
	for _, r := range s {
		if r == ' ' {
			continue
		}
		n++
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3 && letters*10 >= n*6 && !strings.ContainsRune(s, '=')
}

// findStyles takes the size most text is set in as the body's, and makes
// every larger size, and bold at the body's size, a heading level: the
// largest "#", the next "##", the rest "###".
func findStyles(lines []line) styles {
	chars := map[float64]int{}
	for _, l := range lines {
		chars[l.size] += utf8.RuneCountInString(l.text)
	}
	st := styles{levels: map[styleKey]int{}}
	best := 0
	for s, n := range chars {
		if n > best {
			st.body, best = s, n
		}
	}
	var keys []styleKey
	seen := map[styleKey]bool{}
	// Styles found only on the first page (a journal's masthead, the
	// authors) would take the top levels from the section headings: they
	// are ranked only when nothing else is.
	later := map[styleKey]bool{}
	for _, l := range lines {
		if l.page > 0 && wordy(l.text) {
			later[styleKey{l.size, l.bold}] = true
		}
	}
	for _, l := range lines {
		if len(later) > 0 && !later[styleKey{l.size, l.bold}] {
			continue
		}
		k := styleKey{l.size, l.bold}
		big := l.size >= st.body*1.12
		boldBody := l.bold && math.Abs(l.size-st.body) < 0.6 && utf8.RuneCountInString(l.text) <= 90
		if (big || boldBody) && !seen[k] && wordy(l.text) {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].size != keys[j].size {
			return keys[i].size > keys[j].size
		}
		return keys[i].bold
	})
	for i, k := range keys {
		st.levels[k] = min(i+1, 3)
	}
	return st
}

// buildBlocks joins lines in reading order into paragraphs, headings and
// references, undoing hyphenation where a line break split a word.
func buildBlocks(lines []line, st styles, words wordSet) []block {
	var out []block
	inRefs := false
	for i, l := range lines {
		newPage := i == 0 || lines[i-1].page != l.page
		var cur *block
		if len(out) > 0 {
			cur = &out[len(out)-1]
		}
		h := st.isHeading(l)
		switch {
		case h && cur != nil && cur.kind == heading && cur.size == l.size && cur.bold == l.bold &&
			cur.last.page == l.page && l.y0-cur.last.y1 < 0.6*l.size:
			// a heading set on two lines
		case h:
			lvl := st.levels[styleKey{l.size, l.bold}]
			inRefs = referencesHeading.MatchString(strings.TrimSpace(l.text))
			out = append(out, block{kind: heading, level: lvl, size: l.size, bold: l.bold})
			cur = &out[len(out)-1]
		case newPage && cur != nil && moveFootnotes(out, st, l):
			// the paragraph interrupted by the footnotes goes on
			cur = &out[len(out)-1]
		case cur == nil || cur.kind == heading || startsNew(cur.last, l, inRefs):
			k := paragraph
			if inRefs {
				k = reference
			}
			out = append(out, block{kind: k, size: l.size})
			cur = &out[len(out)-1]
		}
		lineRunes := utf8.RuneCountInString(l.text)
		off := 0
		if cur.text == "" {
			cur.text, cur.runes = l.text, lineRunes
		} else {
			// joinLines changes only the end of the text before and what
			// goes between: the new line's text ends the result whole.
			// It keeps all but (at most) the last character of the text
			// before: count only from there, not the paragraph again.
			_, size := utf8.DecodeLastRuneInString(cur.text)
			cut := len(cur.text) - size
			cur.text = joinLines(cur.text, l.text, words)
			cur.runes += utf8.RuneCountInString(cur.text[cut:]) - 1
			off = cur.runes - lineRunes
		}
		if newPage {
			cur.breaks = append(cur.breaks, pageBreak{page: l.page, offset: max(0, off)})
		}
		cur.last = l
	}
	return contentsAsList(out)
}

var tocEntry = regexp.MustCompile(`^(.*\S)\s+[0-9]{1,4}$`)

// contentsAsList makes a table of contents a list: a heading that ends in
// a page number and names another heading of the document is an entry.
func contentsAsList(bs []block) []block {
	headings := map[string]bool{}
	for _, b := range bs {
		if b.kind == heading {
			headings[b.text] = true
		}
	}
	for i, b := range bs {
		if m := tocEntry.FindStringSubmatch(b.text); b.kind == heading && m != nil && headings[m[1]] {
			bs[i].kind = reference
		}
	}
	return bs
}

// moveFootnotes handles a page that ended in footnotes (smaller text)
// under a paragraph that had not ended: when the next page's first line
// goes on with it in lowercase, the paragraph is moved after the footnotes
// so the line can continue it. It reports whether it did.
func moveFootnotes(out []block, st styles, l line) bool {
	if !startsLower(l.text) || len(out) < 2 {
		return false
	}
	j := len(out) - 1
	for j >= 0 && out[j].kind == paragraph && out[j].size < st.body*0.92 {
		j--
	}
	if j < 0 || j == len(out)-1 || out[j].kind != paragraph || endsSentence(out[j].text) {
		return false
	}
	para := out[j]
	copy(out[j:], out[j+1:])
	out[len(out)-1] = para
	return true
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// startsNew decides whether l begins a new paragraph after prev.
func startsNew(prev, l line, inRefs bool) bool {
	s := math.Max(prev.size, 1)
	if inRefs && refStart.MatchString(l.text) {
		return true
	}
	short := prev.x1 < prev.colX1-2*s
	if prev.page != l.page || prev.colX0 != l.colX0 || l.y0 < prev.y0 {
		// A new column or page: the paragraph goes on unless the last one
		// ended a sentence on a short line.
		return endsSentence(prev.text) && (short || startsUpper(l.text))
	}
	switch {
	case math.Abs(l.size-prev.size) > 1.0:
		return true
	case l.y0-prev.y1 > 0.7*s:
		return true
	case short && (endsSentence(prev.text) || inRefs):
		return true
	case l.x0 > l.colX0+0.8*s && prev.x0 < prev.colX0+0.5*s && endsSentence(prev.text):
		return true // an indented first line
	}
	return false
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"'’”)]")
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:;", r)
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return !unicode.IsLower(r)
}
