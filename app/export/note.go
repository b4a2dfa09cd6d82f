package export

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// writeNote appends the article note followed by a blank line. The note is
// the user's own Markdown and is written as they wrote it (see neutralNote).
func writeNote(b *bytes.Buffer, note string) {
	if note = neutralNote(note); note != "" {
		b.WriteString(note)
		b.WriteString("\n\n")
	}
}

// sentinel is the paragraph neutralNote puts after a note to see whether
// the note lets the text after it be what it is.
const sentinel = "scholia-sentinel-after-the-note"

var mdParser = goldmark.New().Parser()

// neutralNote returns the note as Markdown to embed in an export: the
// user's text unchanged except what would break the file around it. A
// line that is one of the managed-region markers, an unpaired %% (an
// Obsidian comment that would hide the rest of the file) or $$ (math) is
// backslash-escaped; a code fence left open at the end is closed; an HTML
// block that only ends at a marker it never reaches (<!--, <script>, <?…)
// has its '<' escaped. goldmark checks the result: the paragraph after the
// note must parse as that paragraph. If it still would not (no known
// case), the note is shown as its source in a fence, as before.
// Front matter cannot be faked: the note never starts the file.
func neutralNote(note string) string {
	note = strings.TrimRight(clean(note, true), " \t\n")
	note = strings.TrimLeft(note, "\n")
	if strings.TrimSpace(note) == "" {
		return ""
	}
	note = neutralMarkers(note)
	note = escapeUnpaired(note, "%%", `\%\%`)
	note = escapeUnpaired(note, "$$", `\$\$`)
	if !strings.ContainsAny(note, "`~<") {
		return note // nothing in it can open a block that outlives a blank line
	}
	for range 16 {
		fixed, ok := fixSwallow(note)
		if ok {
			return note
		}
		if fixed == note {
			break
		}
		note = fixed
	}
	fence := fenceFor([]byte(note))
	return fence + "markdown\n" + note + "\n" + fence
}

// neutralMarkers escapes the lines that Vault would read as the start or
// end of its managed region.
func neutralMarkers(note string) string {
	if !strings.Contains(note, "%%") {
		return note
	}
	lines := strings.Split(note, "\n")
	for i, l := range lines {
		if isMarker(l, beginMarker) || isMarker(l, endMarker) {
			lines[i] = strings.ReplaceAll(l, "%%", `\%\%`)
		}
	}
	return strings.Join(lines, "\n")
}

// escapeUnpaired escapes the last occurrence of mark when mark occurs an
// odd number of times (not counting escaped ones), so it cannot pair with
// a marker after the note.
func escapeUnpaired(s, mark, esc string) string {
	last, n := -1, 0
	for i := 0; i+len(mark) <= len(s); {
		if s[i:i+len(mark)] == mark && (i == 0 || s[i-1] != '\\') {
			last, n = i, n+1
			i += len(mark)
			continue
		}
		i++
	}
	if n%2 == 0 {
		return s
	}
	return s[:last] + esc + s[last+len(mark):]
}

// fixSwallow parses note followed by a paragraph. It reports true if that
// paragraph comes out as itself; otherwise it returns the note with the
// block that swallowed it closed (a fence) or defused (an HTML block).
func fixSwallow(note string) (string, bool) {
	src := []byte(note + "\n\n" + sentinel + "\n")
	doc := mdParser.Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
	last := doc.LastChild()
	if p, ok := last.(*ast.Paragraph); ok && p.Lines().Len() == 1 {
		if seg := p.Lines().At(0); strings.TrimSpace(string(seg.Value(src))) == sentinel {
			return note, true
		}
	}
	switch n := last.(type) {
	case *ast.FencedCodeBlock:
		var open string
		switch {
		case n.Info != nil:
			open = lineContaining(string(src), n.Info.Segment.Start)
		case n.Lines().Len() > 0:
			// The newline just before the first content line ends the opening line.
			open = lineContaining(string(src), n.Lines().At(0).Start-1)
		default:
			open = lineContaining(note, len(note))
		}
		if c, k, ok := opensFence(strings.TrimLeft(open, " \t")); ok {
			return note + "\n" + strings.Repeat(string(c), k), false
		}
	case *ast.HTMLBlock:
		if n.Lines().Len() > 0 {
			at := n.Lines().At(0).Start
			if at > len(note) {
				break
			}
			if i := strings.IndexByte(note[at:], '<'); i >= 0 {
				return note[:at+i] + `\` + note[at+i:], false
			}
		}
	}
	return note, false
}

// lineContaining returns the line of s that holds byte i (a newline
// belongs to the line it ends; len(s) to the last line).
func lineContaining(s string, i int) string {
	i = max(0, min(i, len(s)))
	start := strings.LastIndexByte(s[:i], '\n') + 1
	end := strings.IndexByte(s[i:], '\n')
	if end < 0 {
		return s[start:]
	}
	return s[start : i+end]
}

// isMarker reports whether line is marker (ignoring surrounding space and
// case), as Vault recognises region markers.
func isMarker(line, marker string) bool {
	return strings.EqualFold(strings.TrimSpace(line), marker)
}
