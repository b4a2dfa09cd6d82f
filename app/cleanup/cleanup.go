// Package cleanup proposes the paragraphs of an article body that a paste
// from the web brought along: newsletter sign-ups, credits, share prompts,
// read-more links, related-link lists, and paragraphs repeated in the
// article. Each proposal says why; the user decides, and the removal itself
// is an edit (app/edit), so highlights are carried along. Everything here
// is a pure function of the body: no fyne, no SQL.
package cleanup

import (
	"strings"
	"unicode/utf8"
)

// Paragraph is one paragraph of a body: its index, its code point range
// [Start, End) in the body, and its text.
type Paragraph struct {
	Index      int
	Start, End int
	Text       string
}

// Paragraphs splits a body as articles are stored (paragraphs joined by a
// blank line, see ingest.NormalizeBody) and locates each paragraph.
func Paragraphs(body string) []Paragraph {
	if body == "" {
		return nil
	}
	var out []Paragraph
	at := 0
	for i, t := range strings.Split(body, "\n\n") {
		n := utf8.RuneCountInString(t)
		out = append(out, Paragraph{Index: i, Start: at, End: at + n, Text: t})
		at += n + 2
	}
	return out
}

// At returns the index of the paragraph holding code point offset o of the
// body, or -1 when o is outside the body or on the blank line between two.
func At(body string, o int) int {
	for _, p := range Paragraphs(body) {
		if o >= p.Start && o < p.End {
			return p.Index
		}
	}
	return -1
}

// Proposal is a paragraph proposed for removal, with the reason shown to
// the user ("newsletter sign-up", "repeats paragraph 4", …).
type Proposal struct {
	Paragraph
	Reason string
}

// Propose lists the paragraphs of body that look like what a paste brings
// along, in body order. The article's own paragraphs are never proposed by
// a rule that is only a hunch: each rule needs a marker (a phrase, a link,
// a separator) and most also need the paragraph to be short, since an
// article paragraph that mentions a newsletter is long and ends a sentence.
func Propose(body string) []Proposal {
	ps := Paragraphs(body)
	fs := make([]features, len(ps))
	for i, p := range ps {
		fs[i] = featuresOf(p.Text)
	}
	reasons := make([][]string, len(ps))
	protected := embeddedPosts(fs)
	for i := range ps {
		if protected[i] {
			continue
		}
		if r := ruleFor(fs, i); r != "" {
			reasons[i] = append(reasons[i], r)
		}
	}
	linkTail(fs, reasons, protected)
	bios(fs, reasons, protected)
	shortTail(fs, reasons, protected)
	repeats(fs, reasons)
	var out []Proposal
	for i, rs := range reasons {
		if len(rs) > 0 {
			out = append(out, Proposal{Paragraph: ps[i], Reason: strings.Join(rs, "; ")})
		}
	}
	return out
}

// Remove returns body without the paragraphs whose indexes are in drop,
// the rest joined as before. Removing every paragraph gives "".
func Remove(body string, drop map[int]bool) string {
	var keep []string
	for _, p := range Paragraphs(body) {
		if !drop[p.Index] {
			keep = append(keep, p.Text)
		}
	}
	return strings.Join(keep, "\n\n")
}

// minGroup is the shortest run of neighbouring link-list proposals that is
// offered as one item: a related-links tail of thirty lines is one
// decision, not thirty. Other proposals (a sign-up, a credit) stay one item
// each even when neighbours, so any of them can be kept.
const minGroup = 3

// Group gathers proposals, in order, into the items a preview offers: a
// run of at least minGroup neighbouring paragraphs of one link list
// ("related links", "link list") is one item, any other proposal an item
// of its own.
func Group(props []Proposal) [][]Proposal {
	var out [][]Proposal
	for i := 0; i < len(props); {
		j := i + 1
		for j < len(props) && props[j].Index == props[j-1].Index+1 && props[j].Reason == props[i].Reason {
			j++
		}
		if r := props[i].Reason; j-i >= minGroup && (r == reasonRelated || r == reasonLinks) {
			out = append(out, props[i:j])
		} else {
			for k := i; k < j; k++ {
				out = append(out, props[k:k+1])
			}
		}
		i = j
	}
	return out
}
