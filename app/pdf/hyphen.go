package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordSet is every word of the document as it stands on the page: plain
// words, and hyphenated compounds written whole on one line.
type wordSet struct{ plain, compound map[string]bool }

func collectWords(lines []line) wordSet {
	ws := wordSet{plain: map[string]bool{}, compound: map[string]bool{}}
	for _, l := range lines {
		fields := strings.FieldsFunc(l.text, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
		for i, f := range fields {
			if i == len(fields)-1 && strings.HasSuffix(l.text, f) {
				continue // a line's last word may be half of one
			}
			f = strings.ToLower(strings.Trim(f, "-"))
			if strings.Contains(f, "-") {
				ws.compound[f] = true
			} else if f != "" {
				ws.plain[f] = true
			}
		}
	}
	return ws
}

// compoundFirst are first halves that make compounds far more often than
// they start a longer word split by the typesetter.
var compoundFirst = map[string]bool{"well": true, "self": true, "ill": true, "half": true, "all": true, "cross": true, "quasi": true, "so": true, "ever": true, "long": true, "short": true, "high": true, "low": true}

// joinLines appends next to text as the next line of the same paragraph.
// A line ending in a hyphen between lowercase letters is a word split by
// the typesetter and is joined whole ("compu-" "tation" → "computation"),
// unless the document writes the compound with its hyphen elsewhere, its
// first half already has one ("state-of-the-"), or the first half usually
// makes compounds ("well-" "known"); the hyphen is then kept, with no
// space. Other line-end hyphens and dashes ("COVID-" "19", "Lemaître–")
// are kept as they are, without a space.
func joinLines(text, next string, ws wordSet) string {
	last, size := utf8.DecodeLastRuneInString(text)
	if !isHyphen(last) {
		return text + " " + next
	}
	head := text[:len(text)-size]
	before, _ := utf8.DecodeLastRuneInString(head)
	after, _ := utf8.DecodeRuneInString(next)
	if last == '\u00ad' { // a soft hyphen: always a split word
		return head + next
	}
	// PDFium reports a hyphen it found at a line's end as U+0002: it is
	// still the typesetter's or the author's, as below.
	if last == '\u0002' {
		last, text = '-', head+"-"
	}
	if last != '-' && last != '\u2010' || !unicode.IsLower(before) || !unicode.IsLower(after) {
		return text + next
	}
	first := lastWord(head)
	second := firstWord(next)
	lf, ls := strings.ToLower(first), strings.ToLower(second)
	keep := strings.Contains(lf, "-") ||
		ws.compound[lf+"-"+ls] && !ws.plain[lf+ls] ||
		compoundFirst[lf] && !ws.plain[lf+ls]
	if keep {
		return head + "-" + next
	}
	return head + next
}

func isHyphen(r rune) bool {
	return r == '-' || r == '\u00ad' || r == '\u2010' || r == '\u2011' || r == '\u2013' || r == '\u0002'
}

// lastWord is the letters and hyphens that end s.
func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) && r != '-' {
			break
		}
		i -= n
	}
	return s[i:]
}

func firstWord(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		return s
	}
	return s[:i]
}
