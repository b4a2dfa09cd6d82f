package app

import (
	"strings"
	"unicode/utf8"
)

// Why the body editor does not always hold the whole text in one Entry:
// measured with Fyne 2.8.1's multi-line Entry (test driver, 800×600), a
// 33k-word body in 330 paragraphs takes 4.7 s to load and 3.7 s per
// keystroke with word wrapping (0.7 s without wrapping, which also means
// scrolling sideways through 1,000-character lines), and a 33k-word body in
// ONE paragraph (the State of the Union texts) takes 2 s to show and 3 s per
// keystroke even unwrapped. Up to a couple of thousand words (every pasted
// news article) the Entry keeps up, so such bodies are edited whole. Longer
// ones are edited a piece at a time: each paragraph is a piece, and a
// paragraph longer than pieceChars is cut at spaces into several, so the
// Entry never holds more than a few thousand characters whatever the text.

// wholeChars is the longest body, in code points, edited in one Entry.
const wholeChars = 15_000

// pieceChars is about the longest piece of a long body shown in the Entry.
const pieceChars = 3_000

// piece is an editable part of a body. sep is what joins it to the piece
// before: "\n\n" between paragraphs, " " between parts of a long paragraph.
type piece struct {
	text string
	sep  string
}

// splitPieces cuts a body into the pieces it is edited in: the whole body
// when it is short, else its paragraphs with long ones cut at spaces.
// joinPieces of the result gives the body back unchanged.
func splitPieces(body string) []piece {
	if utf8.RuneCountInString(body) <= wholeChars {
		return []piece{{text: body}}
	}
	var out []piece
	for i, para := range strings.Split(body, "\n\n") {
		sep := "\n\n"
		if i == 0 {
			sep = ""
		}
		for len(para) > 0 {
			cut := cutAt(para, pieceChars)
			out = append(out, piece{text: para[:cut], sep: sep})
			para = para[cut:]
			if len(para) > 0 {
				para = para[1:] // the space the cut was made at; sep puts it back
				sep = " "
			}
		}
	}
	return out
}

// cutAt returns the byte offset of the last space within the first n code
// points of s, or len(s) when s is that short (or has no such space, which
// keeps a space-less run whole rather than breaking a word).
func cutAt(s string, n int) int {
	count, last := 0, -1
	for i, r := range s {
		if count == n {
			if last > 0 {
				return last
			}
			// No space yet: take the first one after, if any.
			if j := strings.IndexByte(s[i:], ' '); j >= 0 {
				return i + j
			}
			return len(s)
		}
		if r == ' ' {
			last = i
		}
		count++
	}
	return len(s)
}

// joinPieces puts the edited pieces back together. An emptied piece is
// dropped; a paragraph break it carried passes to the next piece, so
// deleting the first part of a long paragraph does not glue the rest onto
// the paragraph before.
func joinPieces(ps []piece) string {
	var b strings.Builder
	brk := false
	for _, p := range ps {
		if strings.TrimSpace(p.text) == "" {
			brk = brk || p.sep == "\n\n"
			continue
		}
		if b.Len() > 0 {
			if brk || p.sep == "\n\n" {
				b.WriteString("\n\n")
			} else {
				b.WriteString(p.sep)
			}
		}
		brk = false
		b.WriteString(p.text)
	}
	return b.String()
}
