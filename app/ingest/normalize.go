package ingest

import (
	"strings"
	"unicode/utf8"
)

// runeClass says what NormalizeBody does with a character.
type runeClass uint8

const (
	classText    runeClass = iota // kept as is
	classSpace                    // collapses with its neighbours into one space
	classNewline                  // ends a line
	classJunk                     // invisible: dropped
)

func classify(r rune) runeClass {
	switch {
	case r == ' ' || r == '\t' || r == '\v' || r == '\f':
		return classSpace
	case r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029:
		return classNewline
	case r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F):
		return classJunk
	case r < 0xA0:
		return classText
	}
	switch r {
	case 0xA0, 0x1680, 0x202F, 0x205F, 0x3000:
		return classSpace
	// Zero-width space, word joiner, BOM, soft hyphen and the Mongolian vowel
	// separator come along with web pastes and are invisible. ZWJ/ZWNJ stay:
	// emoji sequences and Persian script need them.
	case 0x200B, 0x2060, 0xFEFF, 0xAD, 0x180E:
		return classJunk
	}
	if r >= 0x2000 && r <= 0x200A {
		return classSpace
	}
	return classText
}

// NormalizeBody normalises whitespace (CRLF/CR→LF, tabs/nbsp/runs of spaces →
// one space, zero-width junk removed, lines trimmed) and joins non-blank
// lines as paragraphs with "\n\n".
//
// It is one pass over the text because import speed is bounded by it.
func NormalizeBody(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	inLine := false // the current line has text
	space := false  // a space is owed before the next text on this line
	for i := 0; i < len(s); {
		var r rune
		var c runeClass
		if s[i] < utf8.RuneSelf {
			r = rune(s[i])
			i++
			if r > ' ' && r != 0x7F {
				c = classText
			} else {
				c = classify(r)
			}
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(s[i:])
			i += size
			c = classify(r)
		}
		switch c {
		case classText:
			if !inLine {
				if b.Len() > 0 {
					b.WriteString("\n\n")
				}
				inLine = true
			} else if space {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r) // invalid bytes come out as U+FFFD, so the result is valid UTF-8
		case classSpace:
			space = inLine
		case classNewline:
			inLine, space = false, false
		}
	}
	return b.String()
}

// paragraphs splits a normalised body back into its paragraphs.
func paragraphs(body string) []string {
	if body == "" {
		return nil
	}
	return strings.Split(body, "\n\n")
}
