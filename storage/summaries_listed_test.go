package storage_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"scholia/storage"
)

// TestListedSummaries: the window's list reads every summary field but
// the URL, in the same order, with and without a tag.
func TestListedSummaries(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	for i, title := range []string{"One", "Two", "Three"} {
		a := storage.Article{Title: title, Author: "Author", Source: "Site", URL: "https://example.org/" + title,
			Published: "2021-0" + string(rune('1'+i)) + "-01", Body: title + " body."}
		if err := s.CreateArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
		if i != 1 {
			if err := s.ChangeArticleTags(ctx, a.ID, []string{"kept"}, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, tag := range []string{"", "kept"} {
		full, err := s.Summaries(ctx, tag)
		if err != nil {
			t.Fatal(err)
		}
		listed, err := s.ListedSummaries(ctx, tag)
		if err != nil {
			t.Fatal(err)
		}
		if len(full) == 0 || len(full) != len(listed) {
			t.Fatalf("tag %q: %d summaries, %d listed", tag, len(full), len(listed))
		}
		for i := range full {
			if full[i].URL == "" || listed[i].URL != "" {
				t.Errorf("tag %q row %d: URL %q in Summaries, %q listed", tag, i, full[i].URL, listed[i].URL)
			}
			full[i].URL = ""
			if !reflect.DeepEqual(full[i], listed[i]) {
				t.Errorf("tag %q row %d: %+v listed as %+v", tag, i, full[i], listed[i])
			}
		}
	}
}

// TestFindItemsParts: FindItems read in several ID ranges side by side
// gives what one range gives, and both give Summaries' articles, order and
// tags: across deleted IDs, tagged and untagged articles, opened ones
// first; keep's rejects are left out and their tags do not leak into the
// next kept article. OldestFirst is Summaries' order reversed.
func TestFindItemsParts(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	var ids []int64
	for i := range 40 {
		a := addArticle(t, s, fmt.Sprintf("Title %02d", i), fmt.Sprintf("Body of article %d.", i))
		ids = append(ids, a.ID)
		switch i % 4 {
		case 1:
			if err := s.ChangeArticleTags(ctx, a.ID, []string{"zeta", "Alpha", fmt.Sprintf("t%d", i%3)}, nil); err != nil {
				t.Fatal(err)
			}
		case 2:
			if err := s.ChangeArticleTags(ctx, a.ID, []string{"beta"}, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, i := range []int{3, 4, 5, 17, 39} {
		if err := s.DeleteArticle(ctx, ids[i]); err != nil {
			t.Fatal(err)
		}
	}
	for _, i := range []int{30, 2, 11} {
		if err := s.MarkOpened(ctx, ids[i]); err != nil {
			t.Fatal(err)
		}
	}
	sums, err := s.Summaries(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	odd := func(title, _, _ string, _ []string) bool { return title[len(title)-1]%2 == 1 }
	var want, wantOdd []storage.FindItem
	for _, sm := range sums {
		it := storage.FindItem{ID: sm.ID, Title: sm.Title, Source: sm.Source, Author: sm.Author, Tags: sm.Tags}
		want = append(want, it)
		if odd(it.Title, "", "", nil) {
			wantOdd = append(wantOdd, it)
		}
	}
	for _, parts := range []int{1, 2, 3, 7} {
		restore := storage.SetFindParts(parts)
		all, err := s.FindItems(ctx, func(string, string, string, []string) bool { return true })
		if err != nil {
			t.Fatal(err)
		}
		kept, err := s.FindItems(ctx, odd)
		restore()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(all, want) {
			t.Errorf("%d parts: got\n%+v\nwant\n%+v", parts, all, want)
		}
		if !reflect.DeepEqual(kept, wantOdd) {
			t.Errorf("%d parts, odd titles only: got\n%+v\nwant\n%+v", parts, kept, wantOdd)
		}
	}
	// OldestFirst is the same order reversed, whole and for one tag.
	for _, tag := range []string{"", "BETA"} {
		sums, err := s.Summaries(ctx, tag)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.OldestFirst(ctx, tag)
		if err != nil {
			t.Fatal(err)
		}
		var wantIDs []int64
		for i := len(sums) - 1; i >= 0; i-- {
			wantIDs = append(wantIDs, sums[i].ID)
		}
		if len(wantIDs) == 0 || !reflect.DeepEqual(got, wantIDs) {
			t.Errorf("OldestFirst(%q) = %v, want %v", tag, got, wantIDs)
		}
	}
	opened := map[int64]bool{ids[30]: true, ids[2]: true, ids[11]: true}
	if len(want) != 35 || !opened[want[0].ID] || !opened[want[1].ID] || !opened[want[2].ID] || len(wantOdd) == 0 {
		t.Fatalf("fixture: %d articles, the first three %+v; want 35, the opened ones first", len(want), want[:3])
	}
}
