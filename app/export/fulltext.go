package export

import (
	"bytes"
	"slices"
	"strings"
	"unicode"

	"scholia/storage"
	"scholia/storage/doc"
)

// The full-text export (Doc.FullText, `scholia export --full-text`) writes
// the article's own Markdown with every highlight marked ==…== where it
// is, and a footnote [^h-ID] (its comment, or its colour) right after its
// last marked character. The Markdown must stay what Scholia reads: goldmark
// reads the export back (doc.ParseMarked) to the article's reading text,
// and its marks cover exactly the highlighted text, with these rules:
//
//   - A mark never crosses a block edge nor an inline span's edge
//     (emphasis, strong, link, strikethrough): a highlight across a list
//     item and a heading, or out of an emphasis, is several marks.
//   - Marks never start or end with white space, and a line break ends
//     one: each line of a highlight is its own mark.
//   - Code (code blocks and code spans), image alt text and autolinks are
//     never marked: ==…== cannot be written inside them. A highlight that
//     ends in a code span has its footnote after the span; one with no
//     markable text at all (only code, only an image) is listed after the
//     article, with the orphaned highlights.
//   - Overlapping highlights share marks (Markdown marks cannot nest); each
//     keeps its own footnote.
//   - '=' next to '=' or to a mark, a backslash or '!' just before a
//     mark or footnote are escaped, so the user's text never becomes markup.

// fullText is the full-text section of one article: the body with marks
// and footnote references, the footnotes, then the highlights that have no
// place in the text. media links are left as they are (see attachments).
func fullText(a storage.Article, attached, orphaned []HighlightData, hs map[int64]storage.Highlight) string {
	md := a.Markdown
	if md == "" {
		md = doc.Escape(a.Body)
	}
	var b bytes.Buffer
	var unplaced []HighlightData
	d, sm, err := doc.ParseMapped(md)
	if err != nil || d.Text != a.Body {
		// Offsets into a body that is not this Markdown's text cannot be
		// placed: the text goes out as it is, every highlight after it.
		b.WriteString(md)
		unplaced = attached
		attached = nil
	} else {
		var placed []HighlightData
		b.WriteString(markText(md, d, sm, attached, hs, &placed, &unplaced))
		attached = placed
	}
	body := closeOpen(neutralMarkers(b.String()))
	// An unpaired %% would hide the rest of the note in Obsidian (a
	// comment), an unpaired $$ make it math: escaped where that reads the
	// same (not in code).
	for _, m := range [][2]string{{"%%", `\%\%`}, {"$$", `\$\$`}} {
		if esc := escapeUnpaired(body, m[0], m[1]); esc != body && sameReading(esc, body) {
			body = esc
		}
	}
	var out bytes.Buffer
	out.WriteString(body)
	out.WriteString("\n\n")
	for _, h := range attached {
		out.WriteString("[^")
		out.WriteString(h.BlockID)
		out.WriteString("]: ")
		writeFootnote(&out, h)
	}
	if left := append(unplaced, orphaned...); len(left) > 0 {
		out.WriteString("Highlights not in the text above:\n\n")
		for _, h := range left {
			start := out.Len()
			writeHelper(&out, func() { writeBlock(&out, h.Quote, "> ") })
			if out.Len() == start {
				out.WriteByte('>')
			}
			out.WriteString("\n\n")
			writeFootnoteText(&out, h)
			out.WriteString("\n\n")
		}
	}
	return tokenizeMedia(strings.TrimRight(out.String(), "\n"))
}

// sameReading reports whether two versions of a full text read the same.
func sameReading(a, b string) bool {
	da, ma, errA := doc.ParseMarked(a)
	db, mb, errB := doc.ParseMarked(b)
	return errA == nil && errB == nil && da.Text == db.Text && len(ma.Marks) == len(mb.Marks)
}

// closeOpen trims md and closes a fence it leaves open, which would
// swallow what follows it.
func closeOpen(md string) string {
	md = strings.TrimRight(md, "\n")
	for range 16 {
		fixed, ok := fixSwallow(md)
		if ok || fixed == md {
			break
		}
		md = fixed
	}
	return md
}

// writeFootnote writes a footnote's text: continuation lines indented.
func writeFootnote(b *bytes.Buffer, h HighlightData) {
	var t bytes.Buffer
	writeFootnoteText(&t, h)
	for i, l := range strings.Split(t.String(), "\n") {
		if i > 0 && l != "" {
			b.WriteString("    ")
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
}

func writeFootnoteText(b *bytes.Buffer, h HighlightData) {
	if h.Symbol != "" {
		b.WriteString(h.Symbol)
		b.WriteByte(' ')
	}
	b.WriteString("**")
	writeHelper(b, func() { writeLine(b, h.ColorName) })
	b.WriteString("**")
	if h.Orphaned {
		b.WriteString(" · *orphaned*")
	}
	b.WriteString(" · [Open in Scholia](<")
	b.WriteString(h.Link)
	b.WriteString(">)")
	start := b.Len()
	b.WriteString("\n\n")
	at := b.Len()
	writeHelper(b, func() { writeBlock(b, h.Comment, "") })
	if b.Len() == at {
		b.Truncate(start)
	}
}

// insertion is text written into the source before byte pos. At one
// position footnote references come first (inside the mark that ends
// there), then closing marks, then opening ones.
type insertion struct {
	pos, order int
	text       string
}

const (
	insRef = iota
	insClose
	insOpen
)

// placeMarks writes md with the highlights' marks and references. placed
// gets the highlights that have a reference, unplaced the others. It
// returns which code points its marks cover.
func placeMarks(md string, d doc.Doc, sm *doc.SourceMap, hs []HighlightData, byID map[int64]storage.Highlight, leaf []int, skip map[int]bool, placed, unplaced *[]HighlightData) (string, []bool, map[int]int) {
	runes := []rune(d.Text)
	n := len(runes)
	covered := make([]bool, n)
	blocked := func(i int) bool { return leaf[i] >= 0 && skip[leaf[i]] }
	mapped := func(i int) bool { return sm.Start[i] >= 0 && !blocked(i) }
	refLeaf := map[int]int{}
	var ins []insertion
	type hl struct {
		h          HighlightData
		start, end int
	}
	var ok []hl
	for _, h := range hs {
		s := byID[h.ID]
		if s.Start < 0 || s.End > n || s.Start >= s.End || string(runes[s.Start:s.End]) != s.Quote {
			*unplaced = append(*unplaced, h)
			continue
		}
		for i := s.Start; i < s.End; i++ {
			covered[i] = true
		}
		if slices.ContainsFunc(leaf[s.Start:s.End], func(k int) bool { return k >= 0 && skip[k] }) {
			*unplaced = append(*unplaced, h)
			continue
		}
		ok = append(ok, hl{h, s.Start, s.End})
	}
	// Span edges split marks.
	edge := make([]bool, n+1)
	for _, s := range d.Spans {
		edge[s.Start], edge[s.End] = true, true
	}
	space := func(i int) bool { return unicode.IsSpace(runes[i]) }
	want := make([]bool, n)
	// Marks: maximal runs of covered, mapped code points within one span
	// level, trimmed of white space.
	for i := 0; i < n; {
		if !covered[i] || !mapped(i) {
			i++
			continue
		}
		j := i + 1
		for j < n && covered[j] && mapped(j) && !edge[j] {
			j++
		}
		s, e := i, j
		for s < e && space(s) {
			s++
		}
		for e > s && space(e-1) {
			e--
		}
		if s < e {
			for k := s; k < e; k++ {
				want[k] = true
			}
			ins = append(ins, insertion{int(sm.Start[s]), insOpen, "=="}, insertion{int(sm.End[e-1]), insClose, "=="})
		}
		i = j
	}
	for _, h := range ok {
		last := -1
		for i := h.end - 1; i >= h.start; i-- {
			if mapped(i) && !space(i) {
				last = i
				break
			}
		}
		if last >= 0 {
			refLeaf[leaf[last]]++
			ins = append(ins, insertion{int(sm.End[last]), insRef, "[^" + h.h.BlockID + "]"})
			*placed = append(*placed, h.h)
			continue
		}
		if at, found := codeEnd(d, sm, h.end-1); found && leaf[h.end-1] >= 0 {
			refLeaf[leaf[h.end-1]]++
			ins = append(ins, insertion{at, insRef, "[^" + h.h.BlockID + "]"})
			*placed = append(*placed, h.h)
			continue
		}
		*unplaced = append(*unplaced, h.h)
	}
	slices.SortStableFunc(ins, func(a, b insertion) int {
		if a.pos != b.pos {
			return a.pos - b.pos
		}
		return a.order - b.order
	})
	ins = dropEmptyPairs(ins)
	return writeWithInsertions(md, runes, sm, ins), want, refLeaf
}

// codeEnd finds the end of the inline code span holding code point i.
func codeEnd(d doc.Doc, sm *doc.SourceMap, i int) (int, bool) {
	for k, s := range d.Spans {
		if s.Kind == doc.InlineCode && s.Start <= i && i < s.End {
			at, ok := sm.CodeEnd[k]
			return at, ok
		}
	}
	return 0, false
}

// dropEmptyPairs removes a closing mark followed at the same place by an
// opening one: two marks that touch are one ("==a==" "==b==" → "==ab==").
func dropEmptyPairs(ins []insertion) []insertion {
	out := ins[:0]
	for i := 0; i < len(ins); i++ {
		if ins[i].order == insClose && i+1 < len(ins) && ins[i+1].order == insOpen && ins[i+1].pos == ins[i].pos {
			i++
			continue
		}
		out = append(out, ins[i])
	}
	return out
}

// writeWithInsertions copies md with the insertions, rewriting the user's
// characters that would otherwise join them: '=' next to another or to a
// mark becomes "\=" or "&#61;" (a mark cannot open or close next to an
// escaped '='), a backslash before an insertion "\\", a '!' before a
// footnote "\!", '[' before '^' "\[".
func writeWithInsertions(md string, runes []rune, sm *doc.SourceMap, ins []insertion) string {
	insAt := make(map[int]bool, len(ins))
	refAt := make(map[int]bool)
	for _, x := range ins {
		insAt[x.pos] = true
		if x.order == insRef {
			refAt[x.pos] = true
		}
	}
	// repl: the source of one code point (from its start) and what to
	// write instead.
	type rewrite struct {
		end  int
		text string
	}
	repl := map[int]rewrite{}
	for i, r := range runes {
		s, e := int(sm.Start[i]), int(sm.End[i])
		if s < 0 {
			continue
		}
		bare := e == s+1
		switch {
		case r == '=' && (insAt[s] || insAt[e]):
			repl[s] = rewrite{e, "&#61;"}
		case r == '=' && bare && (s > 0 && md[s-1] == '=' || e < len(md) && md[e] == '='):
			repl[s] = rewrite{e, "\\="}
		case r == '\\' && bare && insAt[e]:
			repl[s] = rewrite{e, "\\\\"}
		case r == '!' && bare && refAt[e]:
			repl[s] = rewrite{e, "\\!"}
		case r == '[' && bare && e < len(md) && md[e] == '^':
			repl[s] = rewrite{e, "\\["}
		}
	}
	var b strings.Builder
	b.Grow(len(md) + len(ins)*4)
	k := 0
	for p := 0; p <= len(md); {
		lastRef := false
		for k < len(ins) && ins[k].pos <= p {
			b.WriteString(ins[k].text)
			lastRef = ins[k].order == insRef
			k++
		}
		if p == len(md) {
			break
		}
		if lastRef && (md[p] == '(' || md[p] == '[') {
			b.WriteString("<!-- -->") // "[^h-1](…)" would read as a link
		}
		if r, ok := repl[p]; ok {
			b.WriteString(r.text)
			p = r.end
			continue
		}
		b.WriteByte(md[p])
		p++
	}
	return b.String()
}
