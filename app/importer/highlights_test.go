package importer_test

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"scholia/app/export"
	"scholia/app/importer"
	"scholia/app/importhl"
	"scholia/storage"
)

func fixture(t *testing.T, name string) importhl.Set {
	t.Helper()
	s, err := importhl.ReadFile(filepath.Join("..", "importhl", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func importSet(t *testing.T, s *storage.Store, set importhl.Set) (importer.HighlightPlan, storage.ImportCounts) {
	t.Helper()
	ctx := context.Background()
	p, err := importer.PlanHighlights(ctx, s, "file", set, []string{"kindle"})
	if err != nil {
		t.Fatal(err)
	}
	n, err := importer.CommitHighlights(ctx, s, p)
	if err != nil {
		t.Fatal(err)
	}
	return p, n
}

type hl struct{ quote, comment, tags string }

func allHighlights(t *testing.T, s *storage.Store) (map[string][]hl, []storage.Highlight) {
	t.Helper()
	ctx := context.Background()
	ids, err := s.ArticleIDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	bs, err := s.Bundles(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]hl{}
	var flat []storage.Highlight
	for _, b := range bs {
		for _, h := range b.Highlights {
			out[b.Article.Title] = append(out[b.Article.Title], hl{h.Quote, h.Comment, strings.Join(h.Tags, ",")})
			flat = append(flat, h)
		}
	}
	return out, flat
}

func TestKindleImportAndReimport(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	p, n := importSet(t, s, fixture(t, "kindle_en.txt"))
	if p.NewArticles != 2 || n.Articles != 2 || n.Highlights != 4 || n.Orphaned != 0 || n.Known != 0 {
		t.Fatalf("plan %+v, stored %+v", p, n)
	}
	got, flat := allHighlights(t, s)
	want := []hl{{"A map is a promise.", "", ""}, {"Rivers remember their old beds. Roads do not.", "Compare with chapter 2.", ""}, {"Old channels remain under the fields, and in a wet spring the water finds them again.", "", ""}}
	if !slices.Equal(got["The Field Guide (Second Edition)"], want) {
		t.Errorf("book highlights %+v, want %+v", got["The Field Guide (Second Edition)"], want)
	}
	i := slices.IndexFunc(flat, func(h storage.Highlight) bool { return strings.HasPrefix(h.Quote, "Rivers") })
	loc, err := s.Locator(ctx, flat[i].ID)
	if err != nil || loc != "page 12 · location 170-175" {
		t.Errorf("locator %q, %v", loc, err)
	}
	sums, _ := s.Summaries(ctx, "kindle")
	if len(sums) != 2 {
		t.Errorf("%d articles tagged kindle", len(sums))
	}
	a, _ := s.Article(ctx, sums[len(sums)-1].ID)
	if a.Author == "" && a.Title == "The Field Guide (Second Edition)" {
		t.Errorf("no author")
	}
	// Again, and once more from the CRLF/BOM copy of the same file: nothing new.
	for _, f := range []string{"kindle_en.txt", "kindle_crlf_bom.txt"} {
		p, n = importSet(t, s, fixture(t, f))
		if p.NewArticles != 0 || n.Highlights != 0 || n.Articles != 0 || p.Known != 4 {
			t.Fatalf("re-import of %s: plan %+v, stored %+v", f, p, n)
		}
	}
	if c, _ := s.CountArticles(ctx); c != 2 {
		t.Errorf("%d articles after re-imports", c)
	}
	// A highlight the user deleted is not brought back.
	if err := s.DeleteHighlight(ctx, flat[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, n = importSet(t, s, fixture(t, "kindle_en.txt")); n.Highlights != 0 {
		t.Errorf("deleted highlight came back: %+v", n)
	}
}

// Hypothesis annotations land on the article with their URL: exact,
// approximate, and orphaned (kept with its quote), never dropped.
func TestHypothesisAnchorsOntoArticle(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	body := "Some opening words here.\n\nAll rivers remembr their old beds, and the valleys know it.\n\nNothing about roads."
	page := &storage.Article{Title: "Rivers", URL: "https://example.org/rivers/", Body: body}
	if err := s.CreateArticle(ctx, page); err != nil {
		t.Fatal(err)
	}
	set := fixture(t, "hypothesis_rows.json")
	set.Works = append(set.Works, importhl.Work{Origin: "page:https://example.org/rivers", URL: "https://example.org/rivers", Annotations: []importhl.Annotation{
		{Origin: "gone", Quote: "a sentence that was never in the page", Start: -1},
		{Origin: "exact", Quote: "the valleys know it", Start: -1, Comment: "yes"},
	}})
	p, n := importSet(t, s, set)
	if p.Anchored != 2 || p.Orphaned != 1 || p.NewArticles != 1 || n.Highlights != 4 || n.Orphaned != 1 {
		t.Fatalf("plan %+v (%s), stored %+v", p, p.Summary(), n)
	}
	hs, err := s.Highlights(ctx, page.ID)
	if err != nil {
		t.Fatal(err)
	}
	var quotes []string
	for _, h := range hs {
		quotes = append(quotes, h.Quote)
		if h.Orphaned && h.Quote != "a sentence that was never in the page" {
			t.Errorf("orphan %+v", h)
		}
	}
	// "rivers remember" matched the misspelt text approximately.
	if !slices.Contains(quotes, "rivers remembr") || !slices.Contains(quotes, "the valleys know it") || len(hs) != 3 {
		t.Errorf("highlights on the page: %q", quotes)
	}
	if p, _ := importSet(t, s, set); p.Added != 0 || p.Known != 4 {
		t.Errorf("re-import: %s", p.Summary())
	}
}

// Import → export W3C → import into an empty library gives the same
// highlights: through Scholia's own restore, and through the generic W3C
// reader with Scholia's extension removed.
func TestRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	importSet(t, s, fixture(t, "kindle_en.txt"))
	importSet(t, s, fixture(t, "readwise.csv"))
	want, _ := allHighlights(t, s)
	ids, _ := s.ArticleIDs(ctx)
	bs, _ := s.Bundles(ctx, ids)
	var docs []export.Doc
	for _, b := range bs {
		docs = append(docs, export.Doc{Article: b.Article, Highlights: b.Highlights})
	}
	colors, _ := s.Colors(ctx)
	var buf bytes.Buffer
	if err := export.W3C(&buf, docs, colors); err != nil {
		t.Fatal(err)
	}

	back, _, err := export.ReadW3C(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	s2 := open(t)
	var bundles []storage.Bundle
	for _, d := range back {
		bundles = append(bundles, storage.Bundle{Article: d.Article, Highlights: d.Highlights})
	}
	if err := s2.RestoreBundles(ctx, bundles); err != nil {
		t.Fatal(err)
	}
	if got, _ := allHighlights(t, s2); !equalMaps(got, want) {
		t.Errorf("restored %+v\nwant %+v", got, want)
	}

	var generic map[string]any
	if err := json.Unmarshal(buf.Bytes(), &generic); err != nil {
		t.Fatal(err)
	}
	delete(generic, "scholia:library")
	plain, _ := json.Marshal(generic)
	set, err := importhl.Parse(plain)
	if err != nil || set.Format != importhl.W3C || len(set.Problems) != 0 {
		t.Fatalf("generic W3C: %q %v %q", set.Format, err, set.Problems)
	}
	s3 := open(t)
	importSet(t, s3, set)
	_, flat3 := allHighlights(t, s3)
	_, flat := allHighlights(t, s)
	key := func(hs []storage.Highlight) []string {
		var out []string
		for _, h := range hs {
			out = append(out, h.Quote+"|"+h.Comment+"|"+strings.Join(h.Tags, ","))
		}
		slices.Sort(out)
		return out
	}
	if !slices.Equal(key(flat3), key(flat)) {
		t.Errorf("generic W3C round trip:\n%q\nwant\n%q", key(flat3), key(flat))
	}
}

func equalMaps(a, b map[string][]hl) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}
