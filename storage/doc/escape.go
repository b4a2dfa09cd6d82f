package doc

import (
	"strings"
	"unicode/utf8"
)

// InShape reports whether text has the shape of a plain body that Escape
// turns into Markdown reading exactly as text: valid UTF-8 without NUL,
// paragraphs separated by exactly one blank line ("\n\n"), no blank line at
// the start or the end, no run of blank lines. Inside a paragraph anything
// goes — single "\n" (kept as hard line breaks), CR, tabs, leading,
// trailing and repeated spaces, Markdown punctuation of every kind.
// Every body Scholia stored before the document model has this shape.
func InShape(text string) bool {
	if text == "" {
		return true
	}
	return utf8.ValidString(text) && strings.IndexByte(text, 0) < 0 &&
		text[0] != '\n' && text[len(text)-1] != '\n' && !strings.Contains(text, "\n\n\n")
}

// Escape turns plain text into Markdown whose reading text is text, byte for
// byte, whenever InShape(text): each paragraph a Markdown paragraph, every
// character Markdown would read as syntax escaped. Outside that shape the
// result is still valid Markdown with the same words.
//
// Escaping is minimal where it is cheap to be sure, so the Markdown stays
// readable in a notes app: a backslash before each of \ ` * _ [ ] < | ~,
// before "&" only when it starts a character reference, and before the
// first character of a line that could open a block (# > - + = : or a list
// number's "." / ")"); tabs, CR, a space after a space or tab, and spaces
// at either end of a line become character references.
func Escape(text string) string {
	var b strings.Builder
	b.Grow(len(text) + len(text)/16)
	for p, para := range strings.Split(text, "\n\n") {
		if p > 0 {
			b.WriteString("\n\n")
		}
		for l, line := range strings.Split(para, "\n") {
			if l > 0 {
				// A hard line break: a backslash at the line's end. goldmark
				// reads an escaped backslash followed by that one (`\\\`) as
				// text, so after a backslash the break is two spaces instead.
				if strings.HasSuffix(b.String(), "\\") {
					b.WriteString("  \n")
				} else {
					b.WriteString("\\\n")
				}
			}
			escapeLine(&b, line)
		}
	}
	return b.String()
}

func escapeLine(b *strings.Builder, line string) {
	// Spaces and tabs at either end of a line would be stripped.
	lead := len(line) - len(strings.TrimLeft(line, " \t"))
	if lead == len(line) { // all blank: every character matters
		for i := 0; i < len(line); i++ {
			writeRef(b, line[i])
		}
		return
	}
	trail := len(line) - len(strings.TrimRight(line, " \t"))
	for i := 0; i < lead; i++ {
		writeRef(b, line[i])
	}
	body := line[lead : len(line)-trail]
	escapeStart(b, body)
	for i := 0; i < trail; i++ {
		writeRef(b, line[len(line)-trail+i])
	}
}

func writeRef(b *strings.Builder, c byte) {
	if c == '\t' {
		b.WriteString("&#9;")
	} else {
		b.WriteString("&#32;")
	}
}

// escapeStart escapes a line's text, which starts with no space or tab.
func escapeStart(b *strings.Builder, s string) {
	i := 0
	switch s[0] {
	case '#', '>', '-', '+', '=', ':':
		b.WriteByte('\\')
		b.WriteByte(s[0])
		i = 1
	case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		j := 0
		for j < len(s) && j < 10 && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j < len(s) && (s[j] == '.' || s[j] == ')') {
			b.WriteString(s[:j])
			b.WriteByte('\\')
			b.WriteByte(s[j])
			i = j + 1
		}
	}
	escapeInline(b, s[i:])
}

// EscapeInline escapes text that sits inside a line of Markdown (not at its
// start), as Escape does: the converters that build Markdown from other
// formats write page text through it.
func EscapeInline(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	escapeInline(&b, s)
	return b.String()
}

// EscapeLineStart escapes what would open a block at the start of a line of
// already escaped inline Markdown (# > - + = : or a list number), so the
// line stays a paragraph's text.
func EscapeLineStart(line string) string {
	if line == "" {
		return line
	}
	switch c := line[0]; {
	case c == '#' || c == '>' || c == '-' || c == '+' || c == '=' || c == ':':
		return "\\" + line
	case c >= '0' && c <= '9':
		j := 0
		for j < len(line) && j < 10 && line[j] >= '0' && line[j] <= '9' {
			j++
		}
		if j < len(line) && (line[j] == '.' || line[j] == ')') {
			return line[:j] + "\\" + line[j:]
		}
	}
	return line
}

func escapeInline(b *strings.Builder, s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '|', '~':
		case '&':
			if _, n := reference([]byte(s[i:min(len(s), i+40)])); n == 0 {
				continue
			}
		case '\r':
			b.WriteString(s[start:i])
			b.WriteString("&#13;")
			start = i + 1
			continue
		case '\t':
			// Runs of spaces and tabs read as one space: every tab, and
			// every space after a space or tab, is a character reference.
			b.WriteString(s[start:i])
			b.WriteString("&#9;")
			start = i + 1
			continue
		case ' ':
			if i == 0 || (s[i-1] != ' ' && s[i-1] != '\t') {
				continue
			}
			b.WriteString(s[start:i])
			b.WriteString("&#32;")
			start = i + 1
			continue
		default:
			continue
		}
		b.WriteString(s[start:i])
		b.WriteByte('\\')
		b.WriteByte(c)
		start = i + 1
	}
	b.WriteString(s[start:])
}

// Plain is the document of a plain body without parsing it: one paragraph
// block per "\n\n"-separated paragraph, no spans. For text in the body
// shape it equals Parse(Escape(text)), only much faster — the migration of
// a whole library uses it.
func Plain(text string) Doc {
	d := Doc{Text: text}
	if text == "" {
		return d
	}
	d.Blocks = make([]Block, 0, strings.Count(text, "\n\n")+1)
	pos := 0
	for para := range strings.SplitSeq(text, "\n\n") {
		n := utf8.RuneCountInString(para)
		d.Blocks = append(d.Blocks, Block{Kind: Paragraph, Start: pos, End: pos + n})
		pos += n + 2
	}
	return d
}
