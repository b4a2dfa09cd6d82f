package export

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// ObsidianTag turns a Scholia tag into the form Obsidian can hold as a tag
// (without '#'): letters, marks, digits, '-' and '/' (nested tags). What
// carries meaning is spelled out rather than dropped: a '+' or '#' ending a
// word becomes "p" or "sharp" ("c++" → "cpp", "C#" → "Csharp"), elsewhere
// "plus"/"sharp" words ("a+b" → "a-plus-b"), '&' becomes "and"; spaces and
// other characters become '-' ("foreign policy" → "foreign-policy").
// Obsidian ignores all-digit tags, so "2022" becomes "tag-2022"; a tag with
// nothing usable left becomes "tag". Two tags that map to one form are told
// apart by Tagger, not here.
func ObsidianTag(tag string) string {
	rs := []rune(clean(tag, false))
	var out []rune
	pending, letter := false, false
	last := func() rune {
		if len(out) == 0 {
			return '/'
		}
		return out[len(out)-1]
	}
	word := func(w string) {
		if last() != '/' {
			out = append(out, '-')
		}
		out = append(out, []rune(w)...)
		letter, pending = true, true
	}
	alnum := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) }
	for i, r := range rs {
		// A '+' or '#' run right after a word and not followed by one.
		suffix := func() bool {
			if i == 0 || len(out) == 0 || !alnum(last()) || pending {
				return false
			}
			j := i
			for j < len(rs) && rs[j] == r {
				j++
			}
			return j == len(rs) || !alnum(rs[j])
		}
		switch {
		case alnum(r):
			if pending && last() != '/' {
				out = append(out, '-')
			}
			pending = false
			letter = letter || !unicode.IsDigit(r)
			out = append(out, r)
		case r == '/':
			if last() != '/' {
				out = append(out, '/')
			}
			pending = false
		case r == '+' && suffix():
			out = append(out, 'p')
		case r == '#' && suffix():
			out = append(out, []rune("sharp")...)
		case r == '+' && len(out) > 0:
			word("plus")
		case r == '&' && len(out) > 0:
			word("and")
		default:
			pending = true
		}
	}
	s := strings.TrimRight(string(out), "/")
	switch {
	case s == "":
		return "tag"
	case !letter:
		return "tag-" + s
	}
	return s
}

// Tagger maps the tags of one export to Obsidian tags without collisions:
// a tag valid as written keeps its form; one that is not gets ObsidianTag's
// form, and if that form is already another tag's (Obsidian compares tags
// ignoring case, as Scholia does) a "-2", "-3"… suffix. The mapping depends
// only on the set of tags in the export, so it is the same on every run.
type Tagger struct {
	forms map[string]string // lower-cased tag → form
}

// NewTagger builds the mapping for every article and highlight tag in docs.
func NewTagger(docs []Doc) *Tagger {
	seen := map[string]string{} // lower-cased → first spelling, in sorted order
	add := func(tags []string) {
		for _, t := range tags {
			t = strings.TrimSpace(clean(t, false))
			if t == "" {
				continue
			}
			k := strings.ToLower(t)
			if s, ok := seen[k]; !ok || t < s {
				seen[k] = t
			}
		}
	}
	for _, d := range docs {
		add(d.Article.Tags)
		for _, h := range d.Highlights {
			add(h.Tags)
		}
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	tg := &Tagger{forms: make(map[string]string, len(keys))}
	claimed := make(map[string]bool, len(keys))
	// Tags valid as written claim their own form first.
	for _, k := range keys {
		if t := seen[k]; ObsidianTag(t) == t {
			tg.forms[k] = t
			claimed[k] = true
		}
	}
	for _, k := range keys {
		if _, ok := tg.forms[k]; ok {
			continue
		}
		form := ObsidianTag(seen[k])
		f := form
		for n := 2; claimed[strings.ToLower(f)]; n++ {
			f = form + "-" + strconv.Itoa(n)
		}
		tg.forms[k] = f
		claimed[strings.ToLower(f)] = true
	}
	return tg
}

// Tag returns the Obsidian form of one tag ("" for an empty one).
func (tg *Tagger) Tag(tag string) string {
	t := strings.TrimSpace(clean(tag, false))
	if t == "" {
		return ""
	}
	if f, ok := tg.forms[strings.ToLower(t)]; ok {
		return f
	}
	return ObsidianTag(t) // a tag not in the docs the Tagger was built from
}

// Tags maps tags, sorted and without duplicates; mapped reports whether any
// tag's form differs from the tag as written.
func (tg *Tagger) Tags(tags []string) (out []string, mapped bool) {
	for _, t := range tags {
		if f := tg.Tag(t); f != "" {
			out = append(out, f)
			mapped = mapped || f != strings.TrimSpace(clean(t, false))
		}
	}
	return sortedTags(out), mapped
}
