package reader

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"
)

// Right-to-left paragraphs (Arabic, Hebrew…) are decided per block by their
// first strong directional character, as a browser does for dir="auto",
// and laid out right-aligned. Inside a line no reordering is done: the
// driver shapes each drawn piece in its own direction, and a right-to-left
// line is drawn word by word from the right edge, so words of another
// direction inside it keep their own letter order (see drawLine).

// firstStrongRTL reports whether s's first strong directional character is
// right to left; text without one (numbers, punctuation) is left to right.
func firstStrongRTL(s string) bool {
	for i := 0; i < len(s); {
		p, sz := bidi.LookupString(s[i:])
		switch p.Class() {
		case bidi.L:
			return false
		case bidi.R, bidi.AL:
			return true
		}
		if sz == 0 {
			_, sz = utf8.DecodeRuneInString(s[i:])
		}
		i += sz
	}
	return false
}

// applyDirection marks right-to-left body blocks; code stays left to right.
func (l *layout) applyDirection() {
	for bi := l.firstBody; bi < len(l.blocks); bi++ {
		b := &l.blocks[bi]
		b.fmt.rtl = !b.fmt.code && firstStrongRTL(b.text)
	}
}

// alignRight moves lines from n0 on to the right edge of a box maxW wide:
// a right-to-left paragraph's lines end flush right, less the mirrored
// hanging indent of a list item (its marker is drawn on the right).
func (l *layout) alignRight(n0 int, maxW, mirror float32) {
	for i := n0; i < len(l.lines); i++ {
		l.lines[i].x += max(maxW-l.lines[i].w, 0) - mirror
	}
}

// isRTL reports a strong right-to-left character.
func isRTL(s string) (bool, int) {
	p, sz := bidi.LookupString(s)
	if sz == 0 {
		_, sz = utf8.DecodeRuneInString(s)
	}
	c := p.Class()
	return c == bidi.R || c == bidi.AL, sz
}

// directionCut returns the byte length and code point count of the start
// of word that is all right to left or all not: where a right-to-left
// line's drawing must cut the word. Combining marks go with their letter.
func directionCut(word string) (int, int) {
	if word == "" {
		return 0, 0
	}
	first, i := isRTL(word)
	n := 1
	for i < len(word) {
		rtl, sz := isRTL(word[i:])
		if c, _ := utf8.DecodeRuneInString(word[i:]); rtl != first && !isJoiner(c) {
			break
		}
		i += sz
		n++
	}
	return i, n
}
