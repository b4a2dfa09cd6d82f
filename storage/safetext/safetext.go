// Package safetext keeps control characters out of the metadata Scholia
// stores and off the terminal it prints to. A title holding ESC, BEL or a
// C1 CSI can retitle, clear or reprogram a terminal when printed raw, and
// a right-to-left override (U+202E) can make a line read differently from
// what it holds.
//
// Three kinds of character are dangerous: C0 controls (U+0000–U+001F),
// DEL (U+007F) and C1 controls (U+0080–U+009F), which terminals act on;
// and the explicit bidi embeddings, overrides and isolates (U+202A–U+202E,
// U+2066–U+2069), which reorder the text around them. The implicit marks
// LRM, RLM and ALM (U+200E, U+200F, U+061C) are kept: mixed-script titles
// need them and they cannot hide or reorder more than a neighbour.
package safetext

import (
	"strings"
	"unicode/utf8"
)

// isBidiControl reports the explicit directional formatting characters.
func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// dangerous reports whether r must not reach a terminal raw.
func dangerous(r rune) bool {
	return r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F) || isBidiControl(r)
}

// Meta cleans one metadata field (title, author, source, URL, tag) for
// storing: control characters and bidi overrides are removed (tabs and
// line breaks become spaces) and runs of white space collapse to one
// space. It is idempotent.
func Meta(s string) string {
	clean := true
	for _, r := range s {
		if dangerous(r) {
			clean = false
			break
		}
	}
	if clean {
		return strings.Join(strings.Fields(s), " ")
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x85:
			b.WriteByte(' ')
		case dangerous(r):
		default:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// Line escapes a one-line field for the terminal: every control character
// (tab and newline too) and bidi override is shown as an escape such as
// \x1b or \u202e, so the field stays on its line and shows what it holds.
func Line(s string) string {
	if !needsEscape(s, false) {
		return s
	}
	return string(appendEscaped(nil, s, false))
}

// Text escapes multi-line text (a body, a note) for the terminal: like
// Line, but tabs and newlines are kept.
func Text(s string) string {
	if !needsEscape(s, true) {
		return s
	}
	return string(appendEscaped(nil, s, true))
}

func needsEscape(s string, keepLines bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c == 0x7F || (c < 0x20 && !(keepLines && (c == '\n' || c == '\t'))) {
			// Bytes ≥ 0x80 may be C1 controls, bidi overrides or invalid
			// UTF-8: look closer.
			return needsEscapeSlow(s[i:], keepLines)
		}
	}
	return false
}

func needsEscapeSlow(s string, keepLines bool) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || (dangerous(r) && !(keepLines && (r == '\n' || r == '\t'))) {
			return true
		}
		i += size
	}
	return false
}

const hex = "0123456789abcdef"

// appendEscaped writes s to dst with dangerous characters escaped. C0
// controls become \xNN, as a C programmer reads them; DEL, C1 controls
// and bidi overrides become \uNNNN, which is also valid inside a JSON
// string (encoding/json leaves those characters raw). A byte that is not
// UTF-8 becomes \xNN: some terminals read a lone 0x9b as CSI.
func appendEscaped(dst []byte, s string, keepLines bool) []byte {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, '\\', 'x', hex[s[i]>>4], hex[s[i]&0xF])
		case keepLines && (r == '\n' || r == '\t'):
			dst = append(dst, byte(r))
		case r < 0x20:
			dst = append(dst, '\\', 'x', hex[r>>4], hex[r&0xF])
		case dangerous(r):
			dst = append(dst, '\\', 'u', hex[r>>12&0xF], hex[r>>8&0xF], hex[r>>4&0xF], hex[r&0xF])
		default:
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return dst
}
