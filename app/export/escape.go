package export

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// clean makes user text safe to embed: invalid UTF-8 becomes U+FFFD, CR and
// CRLF become LF, and other control characters (C0, DEL, C1) are dropped since
// no editor shows them usefully. Single-line text also turns LF into a space.
// Format characters such as RTL marks and emoji are text and are kept.
func clean(s string, multiline bool) string {
	if isClean(s, multiline) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
			if multiline {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		case r == '\n':
			if multiline {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		case r == '\t' && !multiline:
			b.WriteByte(' ')
		case r == '\t':
			b.WriteByte('\t')
		case r < 0x20 || (r >= 0x7f && r <= 0x9f):
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isClean is the fast path of clean: most text needs no change.
func isClean(s string, multiline bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\n':
			if !multiline {
				return false
			}
		case c == '\t':
			if !multiline {
				return false
			}
		case c < 0x20 || c == 0x7f:
			return false
		case c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f:
			return false // a C1 control
		}
	}
	return utf8.ValidString(s)
}

// inlineSpecial marks the ASCII punctuation that starts inline markup in
// CommonMark or in Obsidian's dialect wherever it appears: escapes, code
// spans, emphasis, links and wikilinks, raw HTML and autolinks, tables,
// strikethrough, ==highlights==, $math$, #tags and ^block-ids. A backslash
// before any ASCII punctuation is a valid CommonMark escape, so escaping
// more than needed is harmless; escaping less would let text become markup.
var inlineSpecial = [128]bool{
	'\\': true, '`': true, '*': true, '_': true, '[': true, ']': true,
	'<': true, '|': true, '~': true, '=': true, '$': true, '#': true, '^': true,
}

// writeInline appends one line of user text, escaped so it reads back as
// the same text and never as markup. The line must already be clean and
// single-line. Block-level markers only matter at the start of a line, so
// they are escaped there and left readable elsewhere (e.g. "U.S." or "well-known").
func writeInline(b *bytes.Buffer, line string) {
	line = strings.TrimLeft(line, " \t")
	// Block markers: list bullets, blockquote, setext underline and thematic
	// breaks made of '-' or '+', and ordered-list numbers ("1." / "1)").
	if line != "" {
		switch line[0] {
		case '-', '+', '>':
			b.WriteByte('\\')
		default:
			n := 0
			for n < len(line) && line[n] >= '0' && line[n] <= '9' {
				n++
			}
			if n > 0 && n < len(line) && (line[n] == '.' || line[n] == ')') {
				b.WriteString(line[:n])
				b.WriteByte('\\')
				line = line[n:]
			}
		}
	}
	start := 0
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c >= 128 {
			continue
		}
		esc := inlineSpecial[c]
		switch c {
		case '&':
			// Only "&name;" / "&#..." can be an entity reference.
			esc = i+1 < len(line) && (isAlnum(line[i+1]) || line[i+1] == '#')
		case '%':
			// Obsidian hides text between "%%" pairs.
			esc = i+1 < len(line) && line[i+1] == '%'
		}
		if esc {
			b.WriteString(line[start:i])
			b.WriteByte('\\')
			start = i
		}
	}
	b.WriteString(line[start:])
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// writeBlock appends multi-line user text as Markdown paragraphs, each line
// prefixed with prefix ("> " for a blockquote, "" for plain paragraphs).
// Lines are trimmed (leading spaces would make code blocks, trailing ones
// hard breaks) and blank lines stay paragraph breaks, so the text's shape
// survives while no line can open a different block.
func writeBlock(b *bytes.Buffer, text, prefix string) {
	text = strings.Trim(clean(text, true), " \t\n")
	blankPrefix := strings.TrimRight(prefix, " ")
	prevBlank := false
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		line = strings.Trim(line, " \t")
		if line == "" {
			if !prevBlank {
				b.WriteString(blankPrefix)
				b.WriteByte('\n')
			}
			prevBlank = true
			continue
		}
		prevBlank = false
		b.WriteString(prefix)
		writeInline(b, line)
		b.WriteByte('\n')
	}
}

// writeLine appends single-line user text (a title, a name), escaped.
func writeLine(b *bytes.Buffer, s string) {
	writeInline(b, collapseSpaces(strings.TrimSpace(clean(s, false))))
}

// collapseSpaces folds runs of spaces into one; titles pasted from the web
// often carry double spaces that mean nothing.
func collapseSpaces(s string) string {
	if !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	prev := false
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			if prev {
				continue
			}
			prev = true
		} else {
			prev = false
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
