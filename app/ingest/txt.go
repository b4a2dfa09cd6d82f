package ingest

import (
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	// maxTitleLine is the longest first line still taken as a title; longer
	// lines are paragraphs that a paste put first.
	maxTitleLine = 150
	// maxMadeTitle bounds a title made from a sentence, so it fits the sidebar.
	maxMadeTitle = 80
	// maxDateLine keeps long lines that happen to parse out of the date check.
	maxDateLine = 50
)

// parseTxt reads text pasted from the web: title on the first line (after an
// optional date line), one paragraph per non-blank line.
func parseTxt(name, text string) (Doc, error) {
	all := NormalizeBody(text)
	if all == "" {
		return Doc{}, &Error{Name: name, Reason: reasonEmpty}
	}
	// Work on slices of the normalised text: the body is its tail, so no
	// paragraph is copied twice (import speed matters for big folders).
	var d Doc
	body := all
	line, after, _ := strings.Cut(body, "\n\n")
	if utf8.RuneCountInString(line) <= maxDateLine {
		if date, ok := parseDate(line); ok {
			d.Published = date
			if after == "" {
				// Only a date: keep it as the body so the article is not empty.
				d.Title = titleFromName(name, line)
				d.Body = all
				return d, nil
			}
			body = after
			line, after, _ = strings.Cut(body, "\n\n")
		}
	}
	if looksLikeTitle(line) {
		d.Title = line
		// A one-line note keeps its line as the body too: an empty body
		// would make every such note a duplicate of the others.
		if after != "" {
			body = after
		}
	} else {
		d.Title = titleFromName(name, line)
	}
	d.Body = body
	return d, nil
}

// looksLikeTitle tells a headline from a paragraph: short, and at most two
// sentences ("Will it work? Experts doubt it" is still a headline).
func looksLikeTitle(line string) bool {
	if utf8.RuneCountInString(line) > maxTitleLine {
		return false
	}
	breaks := 0
	for s := line; ; {
		end := sentenceEnd(s)
		if end < 0 || end >= len(s) {
			break
		}
		breaks++
		s = s[end:]
	}
	return breaks < 2
}

// titleFromName picks a title for text without a title line: the file name
// when a person chose it, else the first sentence of the first paragraph.
func titleFromName(name, firstPara string) string {
	if t := meaningfulName(name); t != "" {
		return t
	}
	return sentenceTitle(firstPara)
}

// meaningfulName turns "geneva-talks_notes.txt" into "Geneva talks notes",
// and returns "" for names nobody chose: hashes and counters
// ("004_010dcf98ec07f859"), "untitled", "clipboard".
func meaningfulName(name string) string {
	base := filepath.Base(name)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	words := strings.FieldsFunc(base, func(r rune) bool {
		return r == '_' || r == '-' || r == '.' || unicode.IsSpace(r)
	})
	var kept []string
	wordy := false
	for _, w := range words {
		if isHashLike(w) && !isYear(w) {
			continue
		}
		kept = append(kept, w)
		if letters(w) >= 3 && !genericNames[strings.ToLower(w)] {
			wordy = true
		}
	}
	if !wordy {
		return ""
	}
	// A name typed all in lower case reads better as a title in title case
	// ("1790_george_washington_n" → "1790 George Washington n"); a name
	// with capitals was cased by a person and is kept.
	if strings.ToLower(base) == base {
		for i, w := range kept {
			if letters(w) >= 2 && (i == 0 || !smallWords[w]) {
				r, size := utf8.DecodeRuneInString(w)
				kept[i] = string(unicode.ToUpper(r)) + w[size:]
			}
		}
	}
	t := strings.Join(kept, " ")
	r, size := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[size:]
}

// smallWords stay lower case inside a title-cased name.
var smallWords = map[string]bool{
	"a": true, "an": true, "and": true, "as": true, "at": true, "by": true, "for": true, "in": true,
	"of": true, "on": true, "or": true, "the": true, "to": true, "vs": true, "with": true,
}

// isYear is true for a four-digit year, worth keeping in a title.
func isYear(w string) bool {
	n, err := strconv.Atoi(w)
	return err == nil && len(w) == 4 && n >= 1000 && n < 2200
}

var genericNames = map[string]bool{
	"untitled": true, "clipboard": true, "document": true, "new": true, "text": true,
	"file": true, "copy": true, "paste": true, "pasted": true, "note": true, "notes": true,
	"article": true, "page": true, "draft": true, "index": true,
}

// isHashLike is true for numbers and hex strings of the kind tools put in
// file names: they carry no meaning a title could use.
func isHashLike(w string) bool {
	digits, hex := 0, 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case (r >= 'a' && r <= 'f') || (r >= 'A' && r <= 'F'):
			hex++
		default:
			return false
		}
	}
	return hex == 0 || (digits > 0 && len(w) >= 6)
}

func letters(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// sentenceTitle makes a title from the first sentence of a paragraph, cut at
// a word boundary with "…" when it is too long.
func sentenceTitle(p string) string {
	if end := sentenceEnd(p); end > 0 {
		p = p[:end]
	}
	p = strings.TrimSpace(p)
	if utf8.RuneCountInString(p) <= maxMadeTitle {
		// A headline does not end with a full stop.
		if strings.HasSuffix(p, ".") && !strings.HasSuffix(p, "..") && !isAbbreviation(p[:len(p)-1]) {
			p = p[:len(p)-1]
		}
		return p
	}
	// Cut to the last word that fits, leaving room for the ellipsis.
	cut, n := 0, 0
	for i, r := range p {
		if n >= maxMadeTitle-1 {
			break
		}
		if unicode.IsSpace(r) {
			cut = i
		}
		n++
	}
	if cut == 0 { // one enormous word: cut inside it
		cut = len(p)
		n = 0
		for i := range p {
			if n == maxMadeTitle-1 {
				cut = i
				break
			}
			n++
		}
	}
	return strings.TrimRight(p[:cut], " ,;:-–—([{\"'“‘") + "…"
}

// sentenceEnd returns the byte offset just past the first sentence's final
// punctuation (and any closing quotes), or -1 when p is one sentence with no
// end mark. A full stop ends a sentence only when the next word starts with
// a capital, digit or quote, and the word before it is no abbreviation:
// "U.S. President Joe Biden" is one sentence.
func sentenceEnd(p string) int {
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		end := i + 1
		for end < len(p) && strings.ContainsRune(")]\"'", rune(p[end])) {
			end++
		}
		for _, q := range []string{"”", "’", "»"} {
			if strings.HasPrefix(p[end:], q) {
				end += len(q)
			}
		}
		if end == len(p) {
			return end
		}
		if p[end] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(p[end+1:])
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune("\"'“‘«(", next) {
			continue
		}
		if c == '.' && isAbbreviation(p[:i]) {
			continue
		}
		return end
	}
	return -1
}

// isAbbreviation reports whether the word ending s (just before a full stop)
// is an abbreviation or initial rather than the end of a sentence.
func isAbbreviation(s string) bool {
	start := strings.LastIndexAny(s, " (\"“‘'") + 1
	w := s[start:]
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") || utf8.RuneCountInString(w) == 1 { // U.S. / J. Smith
		return true
	}
	return abbreviations[strings.ToLower(w)]
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "jr": true, "sr": true,
	"gen": true, "gov": true, "sen": true, "rep": true, "rev": true, "col": true, "lt": true, "sgt": true,
	"capt": true, "cmdr": true, "adm": true, "pres": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "no": true, "vs": true, "etc": true, "inc": true, "co": true,
	"corp": true, "ltd": true, "mt": true, "ft": true, "fig": true, "vol": true, "approx": true,
}
