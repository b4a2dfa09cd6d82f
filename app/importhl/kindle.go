package importhl

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// clipping is one record of My Clippings.txt.
type clipping struct {
	n          int // record number, 1-based, for problem lines
	title      string
	author     string
	kind       kind
	start, end int // location range (end == start for a note); 0 when none
	page       string
	added      time.Time
	text       string
}

type kind int

const (
	kindHighlight kind = iota
	kindNote
	kindBookmark
)

// The words Kindle writes for each kind, in the languages it writes them.
// Bookmarks are tested first ("segnalibro" and "marcador" hold no note
// word, but "Note" appears in no bookmark), then highlights, then notes.
var (
	bookmarkWords  = []string{"Bookmark", "书签", "書籤", "ブックマーク", "Lesezeichen", "signet", "marcador", "segnalibro", "marque-page"}
	highlightWords = []string{"Highlight", "标注", "標註", "ハイライト", "Markierung", "surlignement", "subrayado", "evidenziazione", "destaque", "Clip"}
	noteWords      = []string{"Note", "笔记", "筆記", "メモ", "Notiz", "note", "nota"}
)

// parseKindle reads My Clippings.txt: records separated by "==========".
func parseKindle(text string) Set {
	var s Set
	books := map[string]int{} // title+author → index in s.Works
	var clips [][]clipping
	n := 0
	for len(text) > 0 {
		var rec string
		i := strings.Index(text, "==========")
		if i < 0 {
			rec, text = text, ""
		} else {
			rec, text = text[:i], text[i+len("=========="):]
		}
		if strings.TrimSpace(rec) == "" {
			continue
		}
		n++
		c, err := parseClipping(rec)
		if err != nil {
			s.Problems = append(s.Problems, fmt.Sprintf("clipping %d: %v", n, err))
			continue
		}
		c.n = n
		if c.kind == kindBookmark {
			continue
		}
		key := c.title + "\x00" + c.author
		b, ok := books[key]
		if !ok {
			b = len(s.Works)
			books[key] = b
			s.Works = append(s.Works, Work{Origin: "book:" + key, Title: c.title, Author: c.author})
			clips = append(clips, nil)
		}
		clips[b] = append(clips[b], c)
	}
	for i := range s.Works {
		buildBook(&s.Works[i], clips[i], &s.Problems)
	}
	return s
}

func parseClipping(rec string) (clipping, error) {
	var c clipping
	lines := strings.Split(strings.ReplaceAll(strings.TrimLeft(rec, "\r\n"), "\r\n", "\n"), "\n")
	if len(lines) < 2 || strings.TrimSpace(lines[1]) == "" {
		return c, fmt.Errorf("no header line after the title")
	}
	c.title, c.author = splitTitle(strings.TrimSpace(strings.TrimPrefix(lines[0], "\ufeff")))
	if c.title == "" {
		return c, fmt.Errorf("no book title")
	}
	meta := strings.TrimSpace(lines[1])
	if !strings.HasPrefix(meta, "-") {
		return c, fmt.Errorf("second line %q is not a clipping header", short(meta))
	}
	meta = strings.TrimSpace(strings.TrimPrefix(meta, "-"))
	var ok bool
	if c.kind, ok = kindOf(meta); !ok {
		return c, fmt.Errorf("header %q names no highlight, note or bookmark", short(meta))
	}
	c.start, c.end, c.page = locate(meta)
	c.added = kindleDate(meta)
	c.text = strings.TrimSpace(strings.Join(lines[2:], "\n"))
	if c.kind != kindBookmark && c.text == "" {
		return c, fmt.Errorf("%s has no text", [...]string{"highlight", "note", "bookmark"}[c.kind])
	}
	return c, nil
}

func kindOf(meta string) (kind, bool) {
	head := meta // all but the date: Japanese puts the page first
	if i := strings.LastIndex(meta, "|"); i > 0 {
		head = meta[:i]
	}
	for _, l := range []struct {
		k     kind
		words []string
	}{{kindBookmark, bookmarkWords}, {kindHighlight, highlightWords}, {kindNote, noteWords}} {
		for _, w := range l.words {
			if strings.Contains(head, w) {
				return l.k, true
			}
		}
	}
	return 0, false
}

// splitTitle takes the author from the last parenthesised group, which may
// itself hold parentheses: "Title (Series) (Austen, Jane)".
func splitTitle(line string) (title, author string) {
	if !strings.HasSuffix(line, ")") {
		return line, ""
	}
	depth := 0
	for i := len(line) - 1; i >= 0; i-- {
		switch line[i] {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				t := strings.TrimSpace(line[:i])
				if t == "" {
					return line, ""
				}
				return t, strings.TrimSpace(line[i+1 : len(line)-1])
			}
		}
	}
	return line, ""
}

func short(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		return string([]rune(s)[:60]) + "…"
	}
	return s
}

// buildBook turns a book's clippings into annotations in location order:
// re-made highlights collapse into the longest, notes become the comment
// of the highlight at their location, else the book's note.
func buildBook(w *Work, cs []clipping, problems *[]string) {
	slices.SortStableFunc(cs, func(a, b clipping) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end // the wider first, so it absorbs the narrower
	})
	var hs []clipping
	var notes []clipping
	for _, c := range cs {
		if c.kind == kindNote {
			notes = append(notes, c)
			continue
		}
		hs = addHighlight(hs, c)
	}
	anns := make([]Annotation, len(hs))
	for i, c := range hs {
		anns[i] = Annotation{
			Origin: clippingID(w.Origin, c), Quote: c.text, Start: -1, Created: c.added,
			Locator: locator(c), order: c.start,
		}
	}
	var bookNotes []string
	for _, nt := range notes {
		i := noteTarget(hs, nt)
		if i < 0 {
			line := nt.text
			if l := locator(nt); l != "" {
				line = l + ": " + nt.text
			}
			bookNotes = append(bookNotes, line)
			continue
		}
		if anns[i].Comment != "" {
			anns[i].Comment += "\n\n"
		}
		anns[i].Comment += nt.text
	}
	w.Note = strings.Join(bookNotes, "\n\n")
	w.Annotations = anns
}

// addHighlight adds c unless a kept highlight contains it (text and range);
// kept highlights that c contains are replaced by it.
func addHighlight(hs []clipping, c clipping) []clipping {
	// Sorted by start, a re-made highlight sits next to its first version:
	// looking back a few is enough and keeps a large book linear.
	for i := len(hs) - 1; i >= max(0, len(hs)-lookBack); i-- {
		k := hs[i]
		if within(c, k) && containsText(k.text, c.text) {
			return hs
		}
		if within(k, c) && containsText(c.text, k.text) {
			hs[i] = c
			return hs
		}
	}
	return append(hs, c)
}

const lookBack = 32

// containsText reports whether long holds short, ignoring the punctuation
// and spaces at short's ends: extended past a sentence's end, "the
// fields." comes back as "the fields, and …".
func containsText(long, short string) bool {
	trim := func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }
	short = strings.TrimFunc(short, trim)
	return short != "" && strings.Contains(long, short)
}

// within reports whether a's location range lies inside b's.
func within(a, b clipping) bool {
	return b.start <= a.start && a.end <= b.end
}

// noteTarget is the highlight a note belongs to: the one ending at the
// note's location (where Kindle puts it), else one containing it.
func noteTarget(hs []clipping, nt clipping) int {
	found := -1
	for i, h := range hs {
		if h.start == 0 && h.end == 0 {
			continue
		}
		if h.end == nt.start {
			return i
		}
		if found < 0 && h.start <= nt.start && nt.start <= h.end {
			found = i
		}
	}
	return found
}

func locator(c clipping) string {
	var parts []string
	if c.page != "" {
		parts = append(parts, "page "+c.page)
	}
	switch {
	case c.start > 0 && c.end > c.start:
		parts = append(parts, fmt.Sprintf("location %d-%d", c.start, c.end))
	case c.start > 0:
		parts = append(parts, "location "+strconv.Itoa(c.start))
	}
	return strings.Join(parts, " · ")
}

// clippingID is derived from the content, since Kindle gives clippings no
// id: the same clipping in a later copy of the file gets the same id.
func clippingID(book string, c clipping) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00%d\x00%s\x00%s", book, c.start, c.end, c.page, c.text)
	return "clip:" + hex.EncodeToString(h.Sum(nil)[:12])
}
