package doc

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// inline writes the text of an inline container and its spans.
func (b *builder) inline(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Value(b.src)
			if b.sm != nil && b.atom == 0 {
				b.writeMapped(c)
			} else if c.IsRaw() {
				b.writeBytes(v)
			} else {
				b.write(resolve(collapseSpaces(v)))
			}
			if c.HardLineBreak() {
				b.write("\n")
			} else if c.SoftLineBreak() {
				b.write(" ")
			}
		case *ast.String:
			if c.IsRaw() || c.IsCode() {
				b.writeBytes(c.Value)
			} else {
				b.write(resolve(c.Value))
			}
		case *ast.CodeSpan:
			i := b.open(InlineCode, "")
			for k := c.FirstChild(); k != nil; k = k.NextSibling() {
				if t, ok := k.(*ast.Text); ok {
					v := t.Value(b.src)
					if l := len(v); l > 0 && v[l-1] == '\n' {
						b.writeBytes(v[:l-1])
						b.write(" ") // a line end inside code is a space
					} else {
						b.writeBytes(v)
					}
				}
			}
			b.close(i)
			b.sm.codeSpan(i, c, b.src)
		case *ast.Emphasis:
			kind := Emphasis
			if c.Level >= 2 {
				kind = Strong
			}
			i := b.open(kind, "")
			b.inline(c)
			b.close(i)
		case *ast.Link:
			i := b.open(Link, resolve(c.Destination))
			b.inline(c)
			b.close(i)
		case *ast.AutoLink:
			url := string(c.URL(b.src))
			if c.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
				url = "mailto:" + url
			}
			i := b.open(Link, url)
			b.writeBytes(c.Label(b.src))
			b.close(i)
		case *ast.Image:
			// The alt text stands for the image: plain, without marks.
			i := b.open(Img, resolve(c.Destination))
			b.atom++
			b.plain(c)
			b.atom--
			b.close(i)
		case *east.Strikethrough:
			i := b.open(Strike, "")
			b.inline(c)
			b.close(i)
		case *east.TaskCheckBox:
			b.task(c.IsChecked)
		case *ast.RawHTML:
			// Inline tags are markup, not text.
		case *markNode:
			start := b.runes
			b.inline(c)
			if b.mk != nil {
				b.mk.marks = append(b.mk.marks, Span{Start: start, End: b.runes})
			}
		case *east.FootnoteLink:
			if b.mk != nil {
				b.mk.refs = append(b.mk.refs, Ref{Index: c.Index, At: b.runes})
			}
		default:
			b.inline(c)
		}
	}
}

// plain writes the text of an inline container without spans.
func (b *builder) plain(n ast.Node) {
	mark := len(b.spans)
	b.inline(n)
	b.spans = b.spans[:mark]
}

func (b *builder) open(k SpanKind, info string) int {
	b.spans = append(b.spans, Span{Kind: k, Start: b.runes, Info: info})
	return len(b.spans) - 1
}

func (b *builder) close(i int) { b.spans[i].End = b.runes }

// task marks the innermost open list item as a task.
func (b *builder) task(checked bool) {
	for i := len(b.stack) - 1; i >= 0; i-- {
		if _, ok := b.stack[i].node.(*ast.ListItem); ok && b.stack[i].block >= 0 {
			b.blocks[b.stack[i].block].Flags |= FlagTask
			if checked {
				b.blocks[b.stack[i].block].Flags |= FlagChecked
			}
			return
		}
	}
}

// collapseSpaces makes each run of spaces and tabs in text one space, as
// a browser shows (and copies) it; character references such as "&#32;"
// are resolved after this, so they keep a space that must stay.
func collapseSpaces(v []byte) []byte {
	if bytes.IndexByte(v, '\t') < 0 && !bytes.Contains(v, []byte("  ")) {
		return v
	}
	out := make([]byte, 0, len(v))
	for i := 0; i < len(v); i++ {
		if c := v[i]; c == ' ' || c == '\t' {
			if len(out) == 0 || out[len(out)-1] != ' ' || (i > 0 && v[i-1] != ' ' && v[i-1] != '\t') {
				out = append(out, ' ')
			}
			continue
		}
		out = append(out, v[i])
	}
	return out
}

// resolve turns Markdown text into what it reads as: backslash escapes of
// ASCII punctuation removed, entity and numeric character references
// replaced, NUL made U+FFFD (as CommonMark requires). One pass, so an
// escaped "\&amp;" stays "&amp;".
func resolve(v []byte) string {
	if bytes.IndexAny(v, "\\&\x00") < 0 {
		return string(v)
	}
	var b strings.Builder
	b.Grow(len(v))
	for i := 0; i < len(v); {
		c := v[i]
		switch {
		case c == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]):
			b.WriteByte(v[i+1])
			i += 2
			continue
		case c == 0:
			b.WriteRune(utf8.RuneError)
			i++
			continue
		case c == '&':
			if r, n := reference(v[i:]); n > 0 {
				b.WriteString(r)
				i += n
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// reference decodes a character reference at the start of v ("&amp;",
// "&#35;", "&#x23;"), returning its text and length, or 0 if there is none.
func reference(v []byte) (string, int) {
	end := bytes.IndexByte(v[:min(len(v), 40)], ';')
	if end < 2 {
		return "", 0
	}
	body := v[1:end]
	if body[0] != '#' {
		for _, c := range body {
			if !util.IsAlphaNumeric(c) {
				return "", 0
			}
		}
		e, ok := util.LookUpHTML5EntityByName(string(body))
		if !ok {
			return "", 0
		}
		return string(e.Characters), end + 1
	}
	digits, base, maxLen := body[1:], 10, 7
	if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
		digits, base, maxLen = digits[1:], 16, 6
	}
	if len(digits) == 0 || len(digits) > maxLen {
		return "", 0
	}
	for _, c := range digits {
		if !(c >= '0' && c <= '9' || base == 16 && util.IsHexDecimal(c)) {
			return "", 0
		}
	}
	n, _ := strconv.ParseUint(string(digits), base, 32)
	r := rune(n)
	if r == 0 || r > utf8.MaxRune || (r >= 0xD800 && r <= 0xDFFF) {
		r = utf8.RuneError
	}
	return string(r), end + 1
}
