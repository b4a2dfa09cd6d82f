package storage_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"scholia/app/libgen"
	"scholia/storage"
)

// TestBundlesBatchedMatchOneByOne: the batched loader gives what loading
// each article and its highlights one by one gives (tags, notes, highlight
// tags and order, orphans), across chunk boundaries and in the caller's
// order; without bodies only the texts and the highlights' context differ;
// a missing ID is ErrNotFound.
func TestBundlesBatchedMatchOneByOne(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	gen := libgen.Articles(3, 23, libgen.Options{BodyBytes: 900, HighlightsPerArticle: 4})
	bs := make([]storage.Bundle, len(gen))
	for i, g := range gen {
		bs[i] = storage.Bundle{Article: g.Article, Highlights: g.Highlights}
		if i%5 == 0 {
			bs[i].Highlights = nil
		}
		for k := range bs[i].Highlights {
			if (i+k)%4 == 0 {
				bs[i].Highlights[k].Orphaned = true
			}
			if (i+k)%3 == 0 {
				bs[i].Highlights[k].Tags = []string{"zeta", "Alpha", "mid"}
			}
		}
	}
	if _, err := s.ImportBundles(ctx, bs); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for i := len(bs) - 1; i >= 0; i-- { // not the table's order
		ids = append(ids, bs[i].Article.ID)
		if i%3 == 0 {
			if err := s.SetNote(ctx, bs[i].Article.ID, "A note on it."); err != nil {
				t.Fatal(err)
			}
		}
	}
	ids = append(ids, ids[4]) // asked twice, given twice
	defer storage.SetBundleChunk(4)()

	got, err := s.Bundles(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	noBody, err := s.BundlesWithoutBodies(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(ids) || len(noBody) != len(ids) {
		t.Fatalf("got %d and %d bundles for %d ids", len(got), len(noBody), len(ids))
	}
	tagged, orphans, withContext := 0, 0, 0
	for i, id := range ids {
		a, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		hs, err := s.Highlights(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hs {
			if len(h.Tags) > 0 {
				tagged++
			}
			if h.Orphaned {
				orphans++
			}
		}
		if !reflect.DeepEqual(got[i], storage.Bundle{Article: a, Highlights: hs}) {
			t.Fatalf("bundle %d (article %d):\n got %+v\nwant %+v", i, id, got[i], storage.Bundle{Article: a, Highlights: hs})
		}
		a.Body, a.Markdown, a.Blocks = "", "", nil
		for k := range hs {
			if hs[k].Prefix != "" || hs[k].Suffix != "" {
				withContext++
			}
			hs[k].Prefix, hs[k].Suffix = "", ""
		}
		if !reflect.DeepEqual(noBody[i], storage.Bundle{Article: a, Highlights: hs}) {
			t.Fatalf("bundle without body %d (article %d) differs", i, id)
		}
	}
	if tagged == 0 || orphans == 0 || withContext == 0 || len(got[0].Article.Blocks) == 0 {
		t.Fatalf("the fixture has %d tagged, %d orphaned and %d highlights with context and %d bytes of blocks; want some of each",
			tagged, orphans, withContext, len(got[0].Article.Blocks))
	}
	if _, err := s.Bundles(ctx, []int64{ids[0], 999999}); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("a missing ID: err = %v, want ErrNotFound", err)
	}
	// In the last of the parts read side by side.
	if _, err := s.BundlesWithoutBodies(ctx, append(ids[:len(ids):len(ids)], 999999)); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("a missing ID without bodies: err = %v, want ErrNotFound", err)
	}
}

// TestSummariesTagsMatchArticles: the list's tags (folded into each row by
// SQLite) are each article's tags, in the order Article gives them, with
// mixed case, shared and tagless articles; the order is most recent first.
func TestSummariesTagsMatchArticles(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	tagSets := [][]string{nil, {"zeta", "Alpha", "beta"}, {"Beta2", "alpha2"}, {"Éclair", "eagle", "Zebra", "apple"}}
	var want []storage.Article
	for i := 0; i < 9; i++ {
		a := addArticle(t, s, "Article "+string(rune('A'+i)), "Body number "+string(rune('a'+i))+".", tagSets[i%len(tagSets)]...)
		want = append(want, a)
	}
	sums, err := s.Summaries(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(sums) != len(want) {
		t.Fatalf("got %d summaries, want %d", len(sums), len(want))
	}
	withTags := 0
	for i, sm := range sums {
		if sm.ID != want[len(want)-1-i].ID {
			t.Errorf("summary %d is article %d, want %d (newest first)", i, sm.ID, want[len(want)-1-i].ID)
		}
		a, err := s.Article(ctx, sm.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(sm.Tags, a.Tags) {
			t.Errorf("article %d: summary tags %q, article tags %q", sm.ID, sm.Tags, a.Tags)
		}
		if len(sm.Tags) > 0 {
			withTags++
		}
	}
	if withTags == 0 {
		t.Fatal("no summary has tags")
	}
	only, err := s.Summaries(ctx, "ALPHA")
	if err != nil || len(only) != 2 {
		t.Fatalf("Summaries(ALPHA) = %d articles, %v; want 2", len(only), err)
	}
}
