package export

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxNameBytes bounds a file name including ".md": well under the 255-byte
// limit of common file systems, leaving room for the " 2" suffixes and for
// sync tools that add their own.
const maxNameBytes = 100

// FileName makes a safe, unique file name (without directory) for a title.
// The name has no path separators, no "..", no control or bidi-override
// characters, none of the characters Windows forbids (<>:"|?*) nor those
// that break Obsidian links (#^[]), is not a reserved Windows device name
// (CON, NUL, COM1...), does not start or end with a dot or space, and is at
// most 100 bytes including ".md". It is NFC-normalised and unique in taken
// ignoring case (as on macOS and Windows): taken is keyed by the
// lower-cased name, and FileName adds the name it returns. An empty title
// gives "Untitled.md".
func FileName(title string, taken map[string]bool) string {
	stem := safeStem(title)
	name := func(n int) string {
		suffix := ""
		if n > 1 {
			suffix = " " + strconv.Itoa(n)
		}
		return truncStem(stem, maxNameBytes-len(suffix)-len(".md")) + suffix + ".md"
	}
	used := func(n int) bool {
		s := name(n)
		return taken[strings.ToLower(s)] || taken[s]
	}
	n := 1
	for n <= 16 && used(n) {
		n++
	}
	if n > 16 {
		// Past a few, find a free suffix in O(log n) lookups: double
		// until one is free, then search back for the first free one
		// after a used one. With suffixes 2..k used, as a vault of many
		// "Untitled" articles has, this gives k+1 without trying each.
		lo, hi := 16, 32
		for used(hi) {
			lo, hi = hi, hi*2
		}
		for hi-lo > 1 {
			if mid := (lo + hi) / 2; used(mid) {
				lo = mid
			} else {
				hi = mid
			}
		}
		n = hi
	}
	s := name(n)
	if taken != nil {
		taken[strings.ToLower(s)] = true
	}
	return s
}

// safeStem turns a title into a file name without extension.
func safeStem(title string) string {
	s := norm.NFC.String(clean(title, false))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case '/', '\\', '|':
			b.WriteByte('-')
		case ':':
			b.WriteString(" -") // "Ukraine: talks" reads as "Ukraine - talks"
		case '"':
			b.WriteByte('\'')
		case '[':
			b.WriteByte('(')
		case ']':
			b.WriteByte(')')
		case '<', '>', '?', '*', '#', '^':
			b.WriteByte(' ')
		case '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e',
			'\u2066', '\u2067', '\u2068', '\u2069', '\ufeff':
			// Bidi controls can make "evil\u202etxt.md" display as another name.
		default:
			b.WriteRune(r)
		}
	}
	s = collapseSpaces(b.String())
	for strings.Contains(s, "..") {
		s = strings.ReplaceAll(s, "..", ".")
	}
	s = strings.Trim(s, " .")
	if s == "" {
		return "Untitled"
	}
	if reservedName(s) {
		s = "_" + s
	}
	return s
}

// truncStem cuts s to at most n bytes at a rune boundary, then drops the
// dots and spaces the cut may have left at the end.
func truncStem(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	s = strings.TrimRight(s[:n], " .")
	if s == "" {
		return "Untitled"
	}
	return s
}

// reservedName reports whether Windows treats s as a device name: CON,
// PRN, AUX, NUL, COM0-9 and LPT0-9 (also with superscript digits), in any
// case, alone or followed by an extension or trailing spaces.
func reservedName(s string) bool {
	base := s
	if i := strings.IndexByte(base, '.'); i >= 0 {
		base = base[:i]
	}
	base = strings.ToUpper(strings.TrimRight(base, " "))
	switch base {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT") {
		switch base[3:] {
		case "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³":
			return true
		}
	}
	return false
}
