package storage

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Snippets are made here rather than with FTS5's snippet(): that function
// re-runs the query for each row it is asked about, which for a prefix
// query costs more than finding and ranking the matches in the first place.

// term is one query word as the index compares it: folded, maybe a prefix.
type term struct {
	word   string
	prefix bool
}

// queryTerms lists the words of a query made by FTSQuery.
func queryTerms(ftsQuery string) []term {
	var out []term
	for rest := ftsQuery; ; {
		i := strings.IndexByte(rest, '"')
		if i < 0 {
			return out
		}
		rest = rest[i+1:]
		j := strings.Index(rest, `"`)
		for j >= 0 && strings.HasPrefix(rest[j:], `""`) { // a doubled quote inside
			k := strings.Index(rest[j+2:], `"`)
			if k < 0 {
				j = -1
				break
			}
			j += 2 + k
		}
		if j < 0 {
			return out
		}
		phrase, after := rest[:j], rest[j+1:]
		prefix := strings.HasPrefix(after, "*")
		ws := strings.Fields(fold(strings.ReplaceAll(phrase, `""`, `"`)))
		for k, w := range ws {
			out = append(out, term{word: w, prefix: prefix && k == len(ws)-1})
		}
		rest = after
	}
}

// fold lower-cases and removes diacritics, as the index's tokenizer
// (unicode61 remove_diacritics 2) compares words.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	// A transformer keeps state: each call needs its own.
	folder := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(folder, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}

// latinFold is fold of each code point from U+0080 to U+024F (Latin-1
// and Latin Extended-A/B), so the words of most European text fold
// without a transformer per word.
var latinFold = func() (t [0x250 - 0x80]string) {
	for r := rune(0x80); r < 0x250; r++ {
		t[r-0x80] = fold(string(r))
	}
	return t
}()

// foldWord is fold for one word, by the table where it can.
func foldWord(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		switch {
		case r < 0x80:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		case r < 0x250:
			b.WriteString(latinFold[r-0x80])
		default:
			return fold(w)
		}
	}
	return b.String()
}

// token is a word of a text, by byte offsets.
type token struct{ start, end int }

func tokenize(text string) []token {
	var toks []token
	for pos := 0; ; {
		t, ok := nextToken(text, pos)
		if !ok {
			return toks
		}
		toks = append(toks, t)
		pos = t.end
	}
}

// skipTo finds where snippet may start reading words of a long ASCII
// text whose first match a byte search finds: width+1 words before it, so
// the window is the same as from the start. found is false when no word
// matches. Other texts are read from the start (0, true).
func skipTo(text string, terms []term, width int) (start int, found bool) {
	if len(text) < 2048 || !isASCII(text) {
		return 0, true
	}
	for _, t := range terms {
		if !isASCII(t.word) {
			return 0, true
		}
	}
	lower := strings.ToLower(text) // ASCII: the same offsets
	best := -1
	for _, t := range terms {
		for off := 0; ; {
			i := strings.Index(lower[off:], t.word)
			if i < 0 {
				break
			}
			i += off
			if best >= 0 && i >= best {
				break
			}
			end := i + len(t.word)
			if (i == 0 || !isWordByte(lower[i-1])) && (t.prefix || end == len(lower) || !isWordByte(lower[end])) {
				best = i
				break
			}
			off = i + 1
		}
	}
	if best < 0 {
		return 0, false
	}
	p := best
	for n := 0; n <= width && p > 0; n++ {
		q := p
		for q > 0 && !isWordByte(text[q-1]) {
			q--
		}
		for q > 0 && isWordByte(text[q-1]) {
			q--
		}
		p = q
	}
	return p, true
}

func isWordByte(c byte) bool { return c < 0x80 && isWordRune(rune(c)) }

// nextToken finds the first word of text at or after byte offset pos.
func nextToken(text string, pos int) (token, bool) {
	start := -1
	for i, r := range text[pos:] {
		word := isWordRune(r)
		switch {
		case word && start < 0:
			start = pos + i
		case !word && start >= 0:
			return token{start, pos + i}, true
		}
	}
	if start >= 0 {
		return token{start, len(text)}, true
	}
	return token{}, false
}

func isWordRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r)
}

func matches(word string, terms []term) bool {
	if isASCII(word) {
		// The common case, without folding (an allocation) per word: an
		// ASCII word equals a folded term only byte for byte, case aside.
		for _, t := range terms {
			switch {
			case len(word) == len(t.word) && strings.EqualFold(word, t.word):
				return true
			case t.prefix && len(word) > len(t.word) && strings.EqualFold(word[:len(t.word)], t.word):
				return true
			}
		}
		return false
	}
	f := foldWord(word)
	for _, t := range terms {
		if f == t.word || (t.prefix && strings.HasPrefix(f, t.word)) {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// snippet returns about width words of text around its first word matching
// terms, the matching words between SnippetOpen and SnippetClose, "…" where
// text was cut; "" when no word matches.
func snippet(text string, terms []term, width int) string {
	start, found := skipTo(text, terms, width)
	if !found {
		return ""
	}
	return snippetFrom(text, terms, width, start)
}

// snippetFrom is snippet reading words from byte offset start, a word's
// start with at least width words between it and the first match (or 0).
func snippetFrom(text string, terms []term, width, start int) string {
	// Words are read only as far as the snippet needs: up to the first
	// match and width words past it (a body may be 200 KB).
	var toks []token
	first := -1
	pos := start
	for {
		t, ok := nextToken(text, pos)
		if !ok {
			break
		}
		pos = t.end
		toks = append(toks, t)
		if first < 0 && matches(text[t.start:t.end], terms) {
			first = len(toks) - 1
		}
		if first >= 0 && len(toks) > first+width {
			break
		}
	}
	if first < 0 {
		return ""
	}
	from := max(0, first-width/4)
	to := min(len(toks), from+width)
	from = max(0, min(from, to-width))
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	pos = toks[from].start
	for _, t := range toks[from:to] {
		b.WriteString(text[pos:t.start])
		w := text[t.start:t.end]
		if matches(w, terms) {
			b.WriteString(SnippetOpen + w + SnippetClose)
		} else {
			b.WriteString(w)
		}
		pos = t.end
	}
	if to < len(toks) {
		b.WriteString("…")
	} else {
		b.WriteString(text[pos:])
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
