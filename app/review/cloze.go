package review

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Part is one piece of a cloze text: plain text, or a hidden deletion with
// its number (c1, c2, …) and optional hint.
type Part struct {
	Text   string
	Hidden bool
	N      int
	Hint   string
}

// ParseCloze splits a text with Anki-style cloze deletions
// ("{{c1::hidden}}", "{{c2::hidden::hint}}") into parts. Text that only
// looks like a mark (no number, no closing braces) stays plain text.
func ParseCloze(s string) []Part {
	var parts []Part
	plain := func(t string) {
		if t == "" {
			return
		}
		if n := len(parts); n > 0 && !parts[n-1].Hidden {
			parts[n-1].Text += t
			return
		}
		parts = append(parts, Part{Text: t})
	}
	for s != "" {
		i := strings.Index(s, "{{c")
		if i < 0 {
			plain(s)
			break
		}
		plain(s[:i])
		rest := s[i+3:]
		j := 0
		for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
			j++
		}
		end := strings.Index(rest, "}}")
		if j == 0 || j > 4 || !strings.HasPrefix(rest[j:], "::") || end < j+2 {
			plain(s[i : i+3])
			s = rest
			continue
		}
		n, _ := strconv.Atoi(rest[:j])
		body := rest[j+2 : end]
		text, hint, _ := strings.Cut(body, "::")
		if text == "" {
			plain(s[i : i+3])
			s = rest
			continue
		}
		parts = append(parts, Part{Text: text, Hidden: true, N: n, Hint: hint})
		s = rest[end+2:]
	}
	return parts
}

// ClozeMasked is the text with each deletion shown as "[…]" (or its hint).
func ClozeMasked(s string) string {
	var b strings.Builder
	for _, p := range ParseCloze(s) {
		switch {
		case !p.Hidden:
			b.WriteString(p.Text)
		case p.Hint != "":
			b.WriteString("[" + p.Hint + "]")
		default:
			b.WriteString("[…]")
		}
	}
	return b.String()
}

// ClozePlain is the text with every deletion revealed.
func ClozePlain(s string) string {
	var b strings.Builder
	for _, p := range ParseCloze(s) {
		b.WriteString(p.Text)
	}
	return b.String()
}

// MakeCloze hides each phrase inside text, in order, as {{c1::…}},
// {{c2::…}}, …: the first occurrence after the previous phrase (or from the
// start, when it only appears earlier). A phrase not in the text is an error.
func MakeCloze(text string, phrases []string) (string, error) {
	if len(phrases) == 0 {
		return "", fmt.Errorf("review: no words to hide")
	}
	type span struct{ start, end, n int }
	var spans []span
	taken := func(a, b int) bool {
		for _, s := range spans {
			if a < s.end && s.start < b {
				return true
			}
		}
		return false
	}
	from := 0
	for k, p := range phrases {
		p = strings.TrimSpace(p)
		if p == "" {
			return "", fmt.Errorf("review: an empty phrase cannot be hidden")
		}
		if strings.Contains(p, "{{") || strings.Contains(p, "}}") || strings.Contains(p, "::") {
			return "", fmt.Errorf("review: %q contains cloze marks ({{, }} or ::)", p)
		}
		at := -1
		for _, start := range []int{from, 0} {
			for off := start; off <= len(text); {
				i := strings.Index(text[off:], p)
				if i < 0 {
					break
				}
				if !taken(off+i, off+i+len(p)) {
					at = off + i
					break
				}
				off += i + 1
			}
			if at >= 0 {
				break
			}
		}
		if at < 0 {
			return "", fmt.Errorf("review: %q is not in the highlight's text", p)
		}
		spans = append(spans, span{at, at + len(p), k + 1})
		from = at + len(p)
	}
	var b strings.Builder
	pos := 0
	for pos < len(text) {
		next := -1
		for i, s := range spans {
			if s.start >= pos && (next < 0 || s.start < spans[next].start) {
				next = i
			}
		}
		if next < 0 {
			b.WriteString(text[pos:])
			break
		}
		s := spans[next]
		b.WriteString(text[pos:s.start])
		fmt.Fprintf(&b, "{{c%d::%s}}", s.n, text[s.start:s.end])
		pos = s.end
	}
	return b.String(), nil
}

// AddCloze hides the runes [from, to) of the cloze text's plain reading
// (ClozePlain) as one more deletion, numbered after the highest there
// ({{c1::…}} in a text without marks). Spaces at the ends of the range stay
// visible. Hiding text that is already hidden, or nothing, is an error.
func AddCloze(cloze string, from, to int) (string, error) {
	parts := ParseCloze(cloze)
	var plain []rune
	for _, p := range parts {
		plain = append(plain, []rune(p.Text)...)
	}
	from, to = max(from, 0), min(to, len(plain))
	for from < to && unicode.IsSpace(plain[from]) {
		from++
	}
	for to > from && unicode.IsSpace(plain[to-1]) {
		to--
	}
	if from >= to {
		return "", fmt.Errorf("review: no words to hide")
	}
	hidden := string(plain[from:to])
	if strings.Contains(hidden, "{{") || strings.Contains(hidden, "}}") || strings.Contains(hidden, "::") {
		return "", fmt.Errorf("review: %q contains cloze marks ({{, }} or ::)", hidden)
	}
	n := 0
	for _, p := range parts {
		if p.Hidden {
			n = max(n, p.N)
		}
	}
	var b strings.Builder
	pos := 0 // rune offset of the part in the plain text
	for _, p := range parts {
		r := []rune(p.Text)
		end := pos + len(r)
		switch {
		case p.Hidden:
			if from < end && pos < to {
				return "", fmt.Errorf("review: %q is already hidden", p.Text)
			}
			b.WriteString("{{c" + strconv.Itoa(p.N) + "::" + p.Text)
			if p.Hint != "" {
				b.WriteString("::" + p.Hint)
			}
			b.WriteString("}}")
		case from >= end || to <= pos:
			b.WriteString(p.Text)
		default:
			if to > end {
				return "", fmt.Errorf("review: %q runs into words already hidden", hidden)
			}
			b.WriteString(string(r[:from-pos]))
			fmt.Fprintf(&b, "{{c%d::%s}}", n+1, hidden)
			b.WriteString(string(r[to-pos:]))
		}
		pos = end
	}
	return b.String(), nil
}
