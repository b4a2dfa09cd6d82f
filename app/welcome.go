package app

import (
	"context"
	"fmt"

	"scholia/app/anchor"
	"scholia/app/ingest"
	"scholia/assets"
	"scholia/storage"
)

// welcomeHighlight is a passage of the Getting-started article marked on
// first run, so a new user sees highlights, colours and comments at once.
type welcomeHighlight struct {
	quote, color, comment string
	tags                  []string
}

var welcomeHighlights = []welcomeHighlight{
	{"three panes", "yellow", "Sidebar to find, reading pane to read, notes panel to think.", nil},
	{"press Ctrl+K and type a few letters", "green", "The fastest way to any article.", []string{"shortcut"}},
	{"Each number is a colour with a meaning", "blue", "", nil},
	{"Click a highlight to select it.", "pink", "Try it: click this one and type a comment here.", nil},
	{"your words are yours", "purple", "Well, we agree with this one. Purple is for disagreeing.", nil},
}

const welcomeNote = "This is the **article note**: thoughts about the whole article go here.\n\n" +
	"- It is Markdown.\n- It is saved as you type.\n"

// welcome adds the Getting-started article to a new, empty library, once:
// deleting it does not bring it back.
func welcome(ctx context.Context, s *storage.Store) (int64, error) {
	if s.ReadOnly() {
		return 0, nil // nothing can be added; the library is shown as it is
	}
	done, err := s.Setting(ctx, storage.SettingWelcomed)
	if err != nil || done != "" {
		return 0, err
	}
	n, err := s.CountArticles(ctx)
	if err != nil {
		return 0, err
	}
	if err := s.SetSetting(ctx, storage.SettingWelcomed, "1"); err != nil {
		return 0, err
	}
	if n > 0 {
		return 0, nil
	}
	b, err := welcomeBundle()
	if err != nil {
		return 0, err
	}
	bs := []storage.Bundle{b}
	res, err := s.ImportBundles(ctx, bs)
	if err != nil {
		return 0, err
	}
	if res[0] != nil {
		return 0, res[0]
	}
	return bs[0].Article.ID, nil
}

// welcomeBundle builds the article and its highlights from the embedded text.
func welcomeBundle() (storage.Bundle, error) {
	doc, err := ingest.Parse("getting-started.md", assets.GettingStarted)
	if err != nil {
		return storage.Bundle{}, fmt.Errorf("getting started article: %w", err)
	}
	b := storage.Bundle{Article: storage.Article{
		Title: doc.Title, Author: doc.Author, Source: doc.Source, Body: doc.Body, Markdown: doc.Markdown, Blocks: doc.Blocks,
		Tags: doc.Tags, Note: welcomeNote,
	}}
	for _, w := range welcomeHighlights {
		start, end, ok := anchor.Locate(doc.Body, w.quote)
		if !ok {
			return storage.Bundle{}, fmt.Errorf("getting started article lacks %q", w.quote)
		}
		sel, err := anchor.Describe(doc.Body, start, end)
		if err != nil {
			return storage.Bundle{}, err
		}
		b.Highlights = append(b.Highlights, storage.Highlight{Start: sel.Start, End: sel.End, Quote: sel.Exact,
			Prefix: sel.Prefix, Suffix: sel.Suffix, Color: w.color, Comment: w.comment, Tags: w.tags})
	}
	return b, nil
}
