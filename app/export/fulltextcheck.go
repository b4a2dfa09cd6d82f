package export

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"scholia/storage"
	"scholia/storage/doc"
)

// markText writes md with the highlights' marks and references, and reads
// the result back to check it, block by block. Inserting "==" next to an
// emphasis delimiter can change what the delimiter does ("a*b*" marked
// inside reads "a*==b==*" where '*' no longer opens), and goldmark's
// leftovers of delimiter runs ("*a**": the literal '*' is the first of the
// two) can put a mark across an emphasis. So: the bare punctuation of the
// text is escaped (which reads the same, and leaves no delimiter over) if
// that helps, and the blocks that still do not read back are written
// unmarked, their highlights listed after the text.
func markText(md string, d doc.Doc, sm *doc.SourceMap, hs []HighlightData, byID map[int64]storage.Highlight, placed, unplaced *[]HighlightData) string {
	leaf := leaves(d)
	skip, escaped := map[int]bool{}, map[int]bool{}
	for try := 0; try < 6; try++ {
		var p, u []HighlightData
		out, want, refLeaf := placeMarks(md, d, sm, hs, byID, leaf, skip, &p, &u)
		bad, all := badLeaves(out, d, leaf, want, refLeaf, p)
		if !all && len(bad) == 0 {
			*placed, *unplaced = append(*placed, p...), append(*unplaced, u...)
			return out
		}
		if all {
			break
		}
		fresh := map[int]bool{}
		for k := range bad {
			if !escaped[k] {
				fresh[k], escaped[k] = true, true
			} else {
				skip[k] = true
			}
		}
		if len(fresh) > 0 {
			esc := escapePunct(md, sm, leaf, fresh)
			if d2, sm2, err := doc.ParseMapped(esc); err == nil && d2.Text == d.Text && len(d2.Blocks) == len(d.Blocks) {
				md, d, sm = esc, d2, sm2
				leaf = leaves(d)
			} else {
				for k := range fresh {
					skip[k] = true
				}
			}
		}
	}
	*unplaced = append(*unplaced, hs...)
	return md
}

// leaves gives each code point's text block (its index in d.Blocks), -1
// for the separators between them.
func leaves(d doc.Doc) []int {
	leaf := make([]int, utf8.RuneCountInString(d.Text))
	for i := range leaf {
		leaf[i] = -1
	}
	for k, b := range d.Blocks {
		switch b.Kind {
		case doc.Paragraph, doc.Heading, doc.Code, doc.Cell, doc.Image:
			for i := b.Start; i < b.End && i < len(leaf); i++ {
				leaf[i] = k
			}
		}
	}
	return leaf
}

// badLeaves reads out back and lists the text blocks whose text, marks or
// footnote references are not the ones meant; all when the blocks
// themselves changed.
func badLeaves(out string, d doc.Doc, leaf []int, want []bool, refLeaf map[int]int, placed []HighlightData) (map[int]bool, bool) {
	var b strings.Builder
	b.WriteString(closeOpen(out))
	for _, h := range placed {
		b.WriteString("\n\n[^" + h.BlockID + "]: x")
	}
	back, mk, err := doc.ParseMarked(b.String() + "\n")
	if err != nil || len(back.Blocks) != len(d.Blocks) || len(mk.Refs) != len(placed) {
		return nil, true
	}
	orig, got := []rune(d.Text), []rune(back.Text)
	marked := make([]bool, len(got))
	for _, m := range mk.Marks {
		for i := m.Start; i < m.End && i < len(got); i++ {
			marked[i] = true
		}
	}
	refs := map[int]int{}
	for _, r := range mk.Refs {
		for k, bb := range back.Blocks {
			if bb.Start <= r.At && r.At <= bb.End && isLeaf(bb.Kind) {
				refs[k]++
				break
			}
		}
	}
	bad := map[int]bool{}
	for k, ob := range d.Blocks {
		bb := back.Blocks[k]
		if bb.Kind != ob.Kind {
			return nil, true
		}
		if !isLeaf(ob.Kind) {
			continue
		}
		if bb.End-bb.Start != ob.End-ob.Start || bb.End > len(got) || refs[k] != refLeaf[k] {
			bad[k] = true
			continue
		}
		for i := 0; i < ob.End-ob.Start; i++ {
			if got[bb.Start+i] != orig[ob.Start+i] || marked[bb.Start+i] != want[ob.Start+i] {
				bad[k] = true
				break
			}
		}
	}
	return bad, false
}

func isLeaf(k doc.Kind) bool {
	return k == doc.Paragraph || k == doc.Heading || k == doc.Code || k == doc.Cell || k == doc.Image
}

// escapePunct backslash-escapes every ASCII punctuation character that is
// text on its own in the given blocks: the same reading text, with no
// delimiter left over.
func escapePunct(md string, sm *doc.SourceMap, leaf []int, in map[int]bool) string {
	var b strings.Builder
	last := 0
	for i := range sm.Start {
		s := int(sm.Start[i])
		if s < 0 || leaf[i] < 0 || !in[leaf[i]] || int(sm.End[i]) != s+1 || s < last {
			continue
		}
		if c := md[s]; c < 0x80 && unicode.IsPunct(rune(c)) || c == '`' || c == '^' || c == '|' || c == '~' || c == '=' || c == '<' || c == '>' {
			if c == '|' || c == '&' {
				continue // table cells were split on '|'; '&' is not a delimiter
			}
			b.WriteString(md[last:s])
			b.WriteByte('\\')
			last = s
		}
	}
	b.WriteString(md[last:])
	return b.String()
}
