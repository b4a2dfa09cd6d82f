package edit_test

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"scholia/app/edit"
	"scholia/storage"
)

func openStore(t testing.TB) *storage.Store {
	t.Helper()
	s, err := storage.Open(context.Background(), filepath.Join(t.TempDir(), "lib.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// highlightNth stores a highlight on the nth (0-based) occurrence of quote.
func highlightNth(t testing.TB, s *storage.Store, a storage.Article, quote string, nth int) storage.Highlight {
	t.Helper()
	from := 0
	for range nth {
		from += strings.Index(a.Body[from:], quote) + 1
	}
	i := strings.Index(a.Body[from:], quote)
	if i < 0 {
		t.Fatalf("%q (occurrence %d) not in %q", quote, nth, a.Body)
	}
	start := len([]rune(a.Body[:from+i]))
	end := start + len([]rune(quote))
	r := []rune(a.Body)
	h := storage.Highlight{ArticleID: a.ID, Start: start, End: end, Quote: quote,
		Prefix: string(r[max(0, start-32):start]), Suffix: string(r[end:min(len(r), end+32)]), Comment: "why " + quote}
	if err := s.CreateHighlight(context.Background(), &h); err != nil {
		t.Fatal(err)
	}
	return h
}

const fox = "The quick brown fox jumps over the lazy dog."

type want struct {
	orphaned   bool
	start, end int
	quote      string // "" keeps the old quote
}

type mark struct {
	quote string
	nth   int
}

var cases = map[string]struct {
	old, new string
	marks    []mark
	want     []want
	moved    int // the report's moved count (Moved + Fuzzy)
}{
	"inserted before": {old: fox, new: "Very " + fox, marks: []mark{{"brown fox", 0}},
		want: []want{{start: 15, end: 24}}, moved: 1},
	"inserted inside": {old: fox, new: "The quick big brown fox jumps over the lazy dog.", marks: []mark{{"quick brown fox jumps over", 0}},
		want: []want{{start: 4, end: 34, quote: "quick big brown fox jumps over"}}, moved: 1},
	"inserted after": {old: fox, new: fox + " It ran off.", marks: []mark{{"brown fox", 0}},
		want: []want{{start: 10, end: 19}}},
	"highlighted text deleted": {old: fox, new: "The quick jumps over the lazy dog.", marks: []mark{{"brown fox", 0}, {"lazy dog", 0}},
		want: []want{{orphaned: true}, {start: 25, end: 33}}, moved: 1},
	"typo fixed": {old: "The quick borwn fox jumps over the lazy dog.", new: fox, marks: []mark{{"quick borwn fox", 0}},
		want: []want{{start: 4, end: 19, quote: "quick brown fox"}}, moved: 1},
	"paragraphs reordered": {
		old:   "Para one is here.\n\nPara two is there.\n\nPara three.",
		new:   "Para three.\n\nPara two is there.\n\nPara one is here.",
		marks: []mark{{"two is there", 0}, {"one is here", 0}},
		want:  []want{{start: 18, end: 30}, {start: 38, end: 49}}, moved: 2},
	"quote occurring twice": {
		old:   "Anna says the cat. Bert says the cat.",
		new:   "Bert says the cat. Anna says the cat.",
		marks: []mark{{"the cat", 1}, {"the cat", 0}},
		want:  []want{{start: 10, end: 17}, {start: 29, end: 36}}, moved: 2},
	"boilerplate lines removed": {
		old: "Talks begin in Geneva\n\nTalks are set to begin Sunday in Geneva.\n\nSubscribe to The Week\n\n" +
			"Sign up for The Week's Free Newsletters\n\nNATO began expanding into Eastern Europe in 1999.\n\n-\n\nNvidia hits $4 trillion milestone",
		new:   "Talks begin in Geneva\n\nTalks are set to begin Sunday in Geneva.\n\nNATO began expanding into Eastern Europe in 1999.",
		marks: []mark{{"set to begin Sunday", 0}, {"Free Newsletters", 0}, {"expanding into Eastern Europe", 0}},
		want:  []want{{start: 33, end: 52}, {orphaned: true}, {start: 76, end: 105}}, moved: 1},
	"first word replaced: the whole new word is quoted": {
		old:   "The Kremlin denies it. Almost 100,000 Russian troops are massed near the border.",
		new:   "The Kremlin denies it. Nearly 100,000 Russian troops are massed near the border.",
		marks: []mark{{"Almost 100,000 Russian troops", 0}},
		want:  []want{{start: 23, end: 52, quote: "Nearly 100,000 Russian troops"}}, moved: 1},
	"first word deleted: the quote starts at the next word": {
		old:   "The Kremlin denies it. Almost 100,000 Russian troops are massed near the border.",
		new:   "The Kremlin denies it. 100,000 Russian troops are massed near the border.",
		marks: []mark{{"Almost 100,000 Russian troops are massed", 0}},
		want:  []want{{start: 23, end: 56, quote: "100,000 Russian troops are massed"}}, moved: 1},
	// The new text is Markdown: the paragraph's leading blanks and the CRLF
	// go, the no-break space stays as written.
	"messy whitespace is read as Markdown": {old: fox, new: "  Very\u00a0 " + fox + "\r\n", marks: []mark{{"brown fox", 0}},
		want: []want{{start: 16, end: 25}}, moved: 1},
}

func TestApplyAndUndo(t *testing.T) {
	ctx := context.Background()
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			s := openStore(t)
			a := storage.Article{Title: "Old", Author: "A", Body: tc.old}
			if err := s.CreateArticle(ctx, &a); err != nil {
				t.Fatal(err)
			}
			var hs []storage.Highlight
			for _, m := range tc.marks {
				hs = append(hs, highlightNth(t, s, a, m.quote, m.nth))
			}
			before, err := s.Bundles(ctx, []int64{a.ID})
			if err != nil {
				t.Fatal(err)
			}
			rep, err := edit.Apply(ctx, s, a.ID, storage.Article{Title: "New", Source: "Wire", Published: "2022-01-09"}, tc.new)
			if err != nil {
				t.Fatalf("Apply: %v", err)
			}
			got, err := s.Article(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Title != "New" || got.Author != "" || got.Source != "Wire" || got.Published != "2022-01-09" {
				t.Errorf("metadata after edit: %+v", got)
			}
			orphans := 0
			for i, h := range hs {
				w := tc.want[i]
				now, err := s.Highlight(ctx, h.ID)
				if err != nil {
					t.Fatal(err)
				}
				if now.Comment != h.Comment {
					t.Errorf("highlight %d lost its comment", i)
				}
				if w.orphaned {
					orphans++
					if !now.Orphaned || now.Quote != h.Quote {
						t.Errorf("highlight %d = %+v, want orphaned with its quote %q", i, now, h.Quote)
					}
					continue
				}
				q := w.quote
				if q == "" {
					q = h.Quote
				}
				r := []rune(got.Body)
				if now.Orphaned || now.Start != w.start || now.End != w.end || now.Quote != q || string(r[now.Start:now.End]) != q {
					t.Errorf("highlight %d = [%d,%d) %q orphaned=%v; want [%d,%d) %q", i, now.Start, now.End, now.Quote, now.Orphaned, w.start, w.end, q)
				}
			}
			if rep.Orphaned != orphans || len(rep.Orphans) != orphans || rep.Moved+rep.Fuzzy != tc.moved {
				t.Errorf("report %+v, want %d moved and %d orphaned", rep, tc.moved, orphans)
			}
			// Every highlight whose words changed is listed with its old
			// and new quote, and only those.
			var changed []edit.Change
			for i, h := range hs {
				if w := tc.want[i]; !w.orphaned && w.quote != "" && w.quote != h.Quote {
					changed = append(changed, edit.Change{ID: h.ID, Old: h.Quote, New: w.quote})
				}
			}
			if !reflect.DeepEqual(rep.Changed, changed) || rep.Fuzzy != len(changed) {
				t.Errorf("report lists changes %+v (fuzzy %d), want %+v", rep.Changed, rep.Fuzzy, changed)
			}

			if err := edit.Undo(ctx, s, rep.Before); err != nil {
				t.Fatalf("Undo: %v", err)
			}
			after, err := s.Bundles(ctx, []int64{a.ID})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(after[0], before[0]) {
				t.Errorf("after undo:\n%+v\nwant\n%+v", after[0], before[0])
			}
		})
	}
}

func TestApplyRefuses(t *testing.T) {
	ctx := context.Background()
	tests := map[string]struct {
		published, body string
		id              int64
		is              error
	}{
		"empty body":           {body: " \n\u200b\n ", is: edit.ErrEmpty},
		"bad published date":   {body: "Fine.", published: "2022-02-30"},
		"published not a date": {body: "Fine.", published: "January 2022"},
		"another's body":       {body: "The other text.", is: storage.ErrDuplicate},
		"missing article":      {body: "Fine.", id: 404, is: storage.ErrNotFound},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			s := openStore(t)
			a := storage.Article{Title: "T", Body: fox}
			other := storage.Article{Title: "O", Body: "The other text."}
			for _, x := range []*storage.Article{&a, &other} {
				if err := s.CreateArticle(ctx, x); err != nil {
					t.Fatal(err)
				}
			}
			id := a.ID
			if tc.id != 0 {
				id = tc.id
			}
			_, err := edit.Apply(ctx, s, id, storage.Article{Title: "Changed", Published: tc.published}, tc.body)
			if err == nil || (tc.is != nil && !errors.Is(err, tc.is)) {
				t.Fatalf("Apply error = %v, want one wrapping %v", err, tc.is)
			}
			if got, _ := s.Article(ctx, a.ID); got.Title != "T" || got.Body != fox {
				t.Errorf("a refused edit changed the article: %+v", got)
			}
		})
	}
}

func TestUndoKeepsHighlightsMadeAfterTheEdit(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	a := storage.Article{Title: "T", Body: fox}
	if err := s.CreateArticle(ctx, &a); err != nil {
		t.Fatal(err)
	}
	rep, err := edit.Apply(ctx, s, a.ID, storage.Article{Title: "T"}, "Intro words. "+fox)
	if err != nil {
		t.Fatal(err)
	}
	edited, _ := s.Article(ctx, a.ID)
	later := highlightNth(t, s, edited, "lazy dog", 0)
	if err := edit.Undo(ctx, s, rep.Before); err != nil {
		t.Fatal(err)
	}
	h, err := s.Highlight(ctx, later.ID)
	if err != nil || h.Orphaned || h.Start != 35 || h.End != 43 {
		t.Errorf("highlight made after the edit, after undo = %+v, %v; want [35,43)", h, err)
	}
}

func TestSummary(t *testing.T) {
	tests := map[string]struct {
		rep  edit.Report
		want string
	}{
		"none":          {edit.Report{Exact: 3}, "0 highlights moved, 0 could not be placed"},
		"one moved":     {edit.Report{Moved: 1, Orphaned: 2}, "1 highlight moved, 2 could not be placed"},
		"one changed":   {edit.Report{Fuzzy: 1, Orphaned: 2}, "0 highlights moved, 1 re-anchored with changes, 2 could not be placed"},
		"moved + fuzzy": {edit.Report{Moved: 2, Fuzzy: 3, Orphaned: 1}, "2 highlights moved, 3 re-anchored with changes, 1 could not be placed"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := tc.rep.Summary(); got != tc.want {
				t.Errorf("Summary() = %q, want %q", got, tc.want)
			}
		})
	}
}
