package cleanup

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Thresholds, in words. A sign-up, credit or prompt is a line or two; an
// article paragraph that happens to mention a newsletter is longer.
const (
	shortPara = 40 // the most a sign-up, credit or share prompt runs to
	linePara  = 8  // a bare link line: "More US News", "Access More"
	minRepeat = 4  // shorter repeated paragraphs ("-", "Speed Read") are not repeats worth naming
)

// features is what the rules read of a paragraph.
type features struct {
	text, lower string
	words       int
	links       int  // URLs, bare domains and @handles
	sentence    bool // ends like a sentence: . ! ? or a closing quote
	separator   bool // only dashes, bullets or similar: "-", "—", "•"
	attribution bool // "— Name (@handle) January 7, 2022": the credit line of an embedded post
}

var (
	urlRE     = regexp.MustCompile(`(?i)\bhttps?://\S+|\bwww\.\S+|\b[a-z0-9-]+\.(?:com|org|net|co|io|gov|edu|news)(?:/\S*)?\b|(?:^|\s)@\w+`)
	postRE    = regexp.MustCompile(`^[—–-]\s.*\(@\w+\)`)
	bracketRE = regexp.MustCompile(`^\[[A-Z][A-Z /&-]+\]`)
	// A copyright notice, not an article sentence about copyright law.
	copyrightRE = regexp.MustCompile(`(?i)©|\(c\)\s*\d{4}|copyright\s*(?:\(c\)|\d{4})`)
)

func featuresOf(text string) features {
	f := features{text: text, lower: strings.ToLower(text), words: len(strings.Fields(text))}
	f.links = len(urlRE.FindAllStringIndex(text, -1))
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(text))
	f.sentence = strings.ContainsRune(`.!?"”'’…)`, last)
	f.separator = strings.TrimFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("-—–•·*|=_~", r)
	}) == "" && text != ""
	f.attribution = postRE.MatchString(text)
	return f
}

// has reports whether the lower-cased text holds phrase as whole words.
func (f features) has(phrase string) bool {
	for at := 0; ; {
		i := strings.Index(f.lower[at:], phrase)
		if i < 0 {
			return false
		}
		i += at
		before, _ := utf8.DecodeLastRuneInString(f.lower[:i])
		after, _ := utf8.DecodeRuneInString(f.lower[i+len(phrase):])
		if !wordy(before) && !wordy(after) {
			return true
		}
		at = i + 1
	}
}

// starts reports whether the paragraph opens with one of the phrases.
func (f features) starts(phrases ...string) bool {
	t := strings.TrimLeft(f.lower, " \"“‘'([")
	for _, p := range phrases {
		if strings.HasPrefix(t, p) {
			after, _ := utf8.DecodeRuneInString(t[len(p):])
			if !wordy(after) {
				return true
			}
		}
	}
	return false
}

func (f features) hasAny(phrases ...string) bool {
	for _, p := range phrases {
		if f.has(p) {
			return true
		}
	}
	return false
}

func wordy(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Reasons, as the preview shows them.
const (
	reasonSignUp  = "newsletter sign-up"
	reasonCredit  = "credit"
	reasonShare   = "share prompt"
	reasonMore    = "read-more link"
	reasonLinks   = "link list"
	reasonRelated = "related links"
)

// ruleFor is the reason paragraph i looks like paste debris, or "".
func ruleFor(fs []features, i int) string {
	f := fs[i]
	short := f.words <= shortPara
	switch {
	case f.separator:
		return "" // only inside a link list (linkTail)
	case short && (f.starts("sign up", "subscribe", "join our", "get our", "register for", "newsletter") ||
		f.hasAny("your inbox", "sign up for", "subscribe to", "subscribe now") ||
		(f.hasAny("newsletter", "email", "e-mail") && f.hasAny("free", "daily", "weekly", "delivered", "inbox"))):
		return reasonSignUp
	case i > 0 && f.words <= 25 && f.hasAny("you", "your") && fs[i-1].words <= 8 && !fs[i-1].sentence && fs[i-1].starts("subscribe", "sign up"):
		return reasonSignUp // the blurb under a "Subscribe to …" heading, talking to the reader
	case short && (f.starts("photo", "photograph", "image", "picture", "credit", "illustration", "video") && strings.ContainsAny(f.text, ":|/") ||
		f.hasAny("image credit", "photo credit", "getty images", "wikimedia commons", "creative commons", "cc by", "cc by-sa",
			"all rights reserved", "republished with the permission", "reprinted with permission") ||
		copyrightRE.MatchString(f.text)):
		return reasonCredit
	case short && (f.starts("share this", "share on", "share the", "click to share", "tweet this", "follow us", "like us on") ||
		f.words <= linePara && socialNames(f) >= 2):
		return reasonShare
	case short && !f.sentence && f.starts("read more", "read the whole", "read the full", "continue reading", "see also",
		"related", "recommended", "more from", "most read", "most popular", "speed read"):
		return reasonMore
	case short && !f.sentence && bracketRE.MatchString(f.text):
		return reasonRelated // "[WATCH/COMMENTARY] Headline …"
	case f.words <= 30 && f.links > 0 && f.links*4 >= f.words:
		return reasonLinks
	}
	return ""
}

// bio recognises an author credit: "X was the weekend editor at Y".
func bio(f features) bool {
	head := strings.Fields(f.lower)
	head = head[:min(len(head), 14)]
	verb := false
	for _, w := range head[:min(len(head), 6)] {
		verb = verb || w == "is" || w == "was"
	}
	if !verb {
		return false
	}
	s := " " + strings.Join(head, " ") + " "
	for _, w := range []string{"editor", "writer", "reporter", "correspondent", "columnist", "contributor", "journalist"} {
		if strings.Contains(s, " "+w+" ") || strings.Contains(s, " "+w+",") {
			return true
		}
	}
	return false
}

func socialNames(f features) int {
	n := 0
	for _, w := range []string{"facebook", "twitter", "linkedin", "whatsapp", "email", "reddit", "pinterest", "telegram", "bluesky", "threads"} {
		if f.has(w) {
			n++
		}
	}
	return n
}

// embeddedPosts marks the paragraphs of embedded social posts: the
// attribution line "— Name (@handle) date" and the paragraph before it, the
// post itself. Cutting either would leave someone else's words looking like
// the article's, or a credit with nothing to credit.
func embeddedPosts(fs []features) []bool {
	out := make([]bool, len(fs))
	for i, f := range fs {
		if f.attribution {
			out[i] = true
			if i > 0 {
				out[i-1] = true
			}
		}
	}
	return out
}

// linkTail marks a related-links list: from the first of two or more
// separator lines ("-") onwards, every short paragraph up to the first
// long one (the article resuming).
func linkTail(fs []features, reasons [][]string, protected []bool) {
	first, seps := -1, 0
	for i, f := range fs {
		if f.separator {
			if first < 0 {
				first = i
			}
			seps++
		}
	}
	if seps < 2 {
		return
	}
	if first > 0 && fs[first-1].words <= linePara && !fs[first-1].sentence {
		first-- // the list's heading: "Related", "More from us"
	}
	for i := first; i < len(fs) && fs[i].words <= shortPara; i++ {
		if !protected[i] {
			reasons[i] = []string{reasonRelated}
		}
	}
}

// bios marks author credits ("Jane Doe is a staff writer at …") after the
// article's last paragraph (25 words or more, ending a sentence): earlier, such a sentence is more likely
// the article introducing someone.
func bios(fs []features, reasons [][]string, protected []bool) {
	last := -1
	for i, f := range fs {
		if f.words >= 25 && f.sentence && len(reasons[i]) == 0 && !bio(f) {
			last = i
		}
	}
	for i := last + 1; i < len(fs); i++ {
		if !protected[i] && len(reasons[i]) == 0 && fs[i].words <= 2*shortPara && bio(fs[i]) {
			reasons[i] = append(reasons[i], reasonCredit)
		}
	}
}

// shortTail marks the bare link lines a page ends with ("More US News",
// "Access More"): walking back from the end through paragraphs already
// proposed or a few words long without a sentence's end.
func shortTail(fs []features, reasons [][]string, protected []bool) {
	for i := len(fs) - 1; i > 0; i-- {
		switch {
		case len(reasons[i]) > 0:
		case !protected[i] && fs[i].words <= linePara && !fs[i].sentence:
			reasons[i] = append(reasons[i], reasonLinks)
		default:
			return
		}
	}
}

// repeats marks every later copy of a paragraph (same words, whatever the
// case and spacing) and names the first.
func repeats(fs []features, reasons [][]string) {
	seen := map[string]int{}
	for i, f := range fs {
		if f.words < minRepeat {
			continue
		}
		key := strings.Join(strings.Fields(f.lower), " ")
		if j, ok := seen[key]; ok {
			reasons[i] = append(reasons[i], fmt.Sprintf("repeats paragraph %d", j+1))
			continue
		}
		seen[key] = i
	}
}
