package storage_test

import (
	"context"
	"testing"

	"scholia/storage"
)

func TestBacklinks(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	target := addArticle(t, s, "Spacing 100% effect", "the target body")
	a := addArticle(t, s, "Alpha", "alpha body text")
	b := addArticle(t, s, "Beta", "beta body text")
	c := addArticle(t, s, "Gamma", "gamma body text")
	if err := s.SetNote(ctx, a.ID, "see [[spacing 100% effect|the spacing paper]] and more"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(ctx, c.ID, "not a link: [[Spacing 100% effect and more]]"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(ctx, target.ID, "self: [[Spacing 100% effect]]"); err != nil {
		t.Fatal(err)
	}
	h := storage.Highlight{ArticleID: b.ID, Start: 0, End: 4, Quote: "beta", Comment: "compare [[ Spacing 100% Effect ]]"}
	if err := s.CreateHighlight(ctx, &h); err != nil {
		t.Fatal(err)
	}
	got, err := s.Backlinks(ctx, target.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ArticleID != a.ID || got[0].HighlightID != 0 || got[1].HighlightID != h.ID || got[1].ArticleTitle != "Beta" {
		t.Fatalf("backlinks %+v; want Alpha's note, then Beta's comment", got)
	}
	if none, err := s.Backlinks(ctx, c.ID); err != nil || len(none) != 0 {
		t.Errorf("Gamma's backlinks %+v, %v", none, err)
	}
}

func TestLinksTo(t *testing.T) {
	for text, want := range map[string]bool{
		"[[T]]": true, "x [[ t |y]] z": true, "[[T]": false, "[[Tx]]": false, "[[a]] [[T]]": true, "[[\nT]]": false, "": false,
	} {
		if got := storage.LinksTo(text, "T"); got != want {
			t.Errorf("LinksTo(%q) = %v", text, got)
		}
	}
}

func FuzzLinksTo(f *testing.F) {
	for _, s := range []string{"[[T]]", "[[a|b]]", "[[[[T]]]]", "]]T[["} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if storage.LinksTo(s, "T") && !(len(s) >= 5) {
			t.Fatalf("LinksTo(%q) true on a text too short for [[T]]", s)
		}
	})
}

func TestRelinkText(t *testing.T) {
	for in, want := range map[string]string{
		"see [[Old]] and [[old|the paper]]": "see [[New]] and [[New|the paper]]",
		"[[Older]] [[Old]":                  "[[Older]] [[Old]",
		"no links":                          "no links",
		"[[ Old ]] end":                     "[[New]] end",
	} {
		if got := storage.RelinkText(in, "Old", "New"); got != want {
			t.Errorf("RelinkText(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestRenameKeepsLinks(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	target := addArticle(t, s, "Old title", "target body")
	a := addArticle(t, s, "Alpha", "alpha body")
	if err := s.SetNote(ctx, a.ID, "see [[Old title|it]] now"); err != nil {
		t.Fatal(err)
	}
	target.Title = "New title"
	if err := s.UpdateArticle(ctx, target); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Article(ctx, a.ID)
	if got.Note != "see [[New title|it]] now" {
		t.Errorf("note after rename: %q", got.Note)
	}
	if bl, err := s.Backlinks(ctx, target.ID); err != nil || len(bl) != 1 {
		t.Errorf("backlinks after rename: %+v, %v", bl, err)
	}
}
