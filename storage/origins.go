package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// ImportedHighlight is a highlight brought from another tool with the
// tool's id for it (unique within the source) and where it was in the book.
type ImportedHighlight struct {
	Origin    string
	Locator   string
	Highlight Highlight
}

// ImportedWork is one book or page from another tool: either highlights
// anchored onto an article already in the library (ArticleID), or a new
// Article made of its quotes.
type ImportedWork struct {
	Origin     string // the tool's id of the book or page; "" for none
	ArticleID  int64
	Article    Article
	Highlights []ImportedHighlight
}

// ImportCounts says what ImportAnnotations stored.
type ImportCounts struct {
	Articles   int // new articles
	Highlights int // new highlights, orphaned ones included
	Orphaned   int // of those, kept orphaned (their text was not found)
	Known      int // annotations already imported before: not added again
}

// Origins returns, for one source, every origin id imported before and the
// article it went to.
func (s *Store) Origins(ctx context.Context, source string) (map[string]int64, error) {
	out := map[string]int64{}
	err := s.read(ctx, "load origins", func(tx *txn) error {
		rows, err := tx.QueryContext(ctx, "SELECT origin, article_id FROM origins WHERE source = ?", source)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var o string
			var id int64
			if err := rows.Scan(&o, &id); err != nil {
				return err
			}
			out[o] = id
		}
		return rows.Err()
	})
	return out, err
}

// ArticleByURL finds the article with that URL, trying it also without a
// fragment and with or without a trailing slash. ErrNotFound when none.
func (s *Store) ArticleByURL(ctx context.Context, url string) (Article, error) {
	var a Article
	err := s.read(ctx, "find article by url", func(tx *txn) error {
		for _, u := range urlForms(url) {
			var id int64
			err := tx.QueryRowContext(ctx, "SELECT id FROM articles WHERE url = ? AND url != '' ORDER BY id LIMIT 1", u).Scan(&id)
			if err == nil {
				a, err = loadArticle(ctx, tx, id)
				return err
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		}
		return ErrNotFound
	})
	return a, err
}

func urlForms(u string) []string {
	u = strings.TrimSpace(u)
	if u == "" {
		return nil
	}
	base, _, _ := strings.Cut(u, "#")
	forms := []string{u}
	for _, f := range []string{base, strings.TrimSuffix(base, "/"), base + "/"} {
		if f != "" && !contains(forms, f) {
			forms = append(forms, f)
		}
	}
	return forms
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// ImportAnnotations stores one file's annotations in one transaction: a
// file imports whole or not at all, and its origin ids make a second run
// add nothing. A new article whose body is already in the library takes
// that article's place (same body, so the same offsets). Highlights must fit
// their article as for CreateHighlight; orphaned ones keep their quote.
func (s *Store) ImportAnnotations(ctx context.Context, source string, works []ImportedWork) (ImportCounts, error) {
	var n ImportCounts
	err := s.write(ctx, "import highlights", func(tx *txn) error {
		n = ImportCounts{}
		colors, err := colorKeys(ctx, tx)
		if err != nil {
			return err
		}
		seen, err := sourceOrigins(ctx, tx, source)
		if err != nil {
			return err
		}
		for i := range works {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := importWork(ctx, tx, source, &works[i], colors, seen, &n); err != nil {
				return err
			}
		}
		return nil
	})
	return n, err
}

func sourceOrigins(ctx context.Context, tx *txn, source string) (map[string]bool, error) {
	rows, err := tx.QueryContext(ctx, "SELECT origin FROM origins WHERE source = ?", source)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var o string
		if err := rows.Scan(&o); err != nil {
			return nil, err
		}
		out[o] = true
	}
	return out, rows.Err()
}

// chunk is how many highlights go into one INSERT (11 parameters each,
// well under SQLite's 32,766). FTS5 flushes the rows its trigger buffered
// whenever the next statement begins: one highlight per statement made a
// 100,000-clipping import spend most of its time writing tiny full-text
// segments, 64 per statement still half of it.
const chunk = 1000

func importWork(ctx context.Context, tx *txn, source string, w *ImportedWork, colors, seen map[string]bool, n *ImportCounts) error {
	if w.ArticleID == 0 {
		var dup *DuplicateError
		err := createArticle(ctx, tx, &w.Article)
		switch {
		case errors.As(err, &dup):
			w.ArticleID = dup.ID
		case err != nil:
			return fmt.Errorf("article %q: %w", w.Article.Title, err)
		default:
			w.ArticleID = w.Article.ID
			n.Articles++
		}
		if w.Origin != "" && !seen[w.Origin] {
			seen[w.Origin] = true
			if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO origins (source, origin, article_id) VALUES (?, ?, ?)", source, w.Origin, w.ArticleID); err != nil {
				return err
			}
		}
	}
	var body string
	if err := tx.QueryRowContext(ctx, "SELECT body FROM bodies WHERE article_id = ?", w.ArticleID).Scan(&body); err != nil {
		return fmt.Errorf("article %d: %w", w.ArticleID, err)
	}
	// One code point index per article: checking each highlight against
	// the body from its start would be quadratic in a book of thousands.
	runes := []rune(body)
	now := time.Now()
	var todo []*ImportedHighlight
	for j := range w.Highlights {
		ih := &w.Highlights[j]
		if seen[ih.Origin] {
			n.Known++
			continue
		}
		seen[ih.Origin] = true
		h := &ih.Highlight
		h.ID, h.ArticleID = 0, w.ArticleID
		if err := fits(h, runes, colors); err != nil {
			return fmt.Errorf("article %d, highlight %q: %w", w.ArticleID, ih.Origin, err)
		}
		if h.Created.IsZero() {
			h.Created = now
		}
		if h.Updated.IsZero() {
			h.Updated = h.Created
		}
		todo = append(todo, ih)
	}
	for len(todo) > 0 {
		part := todo[:min(chunk, len(todo))]
		todo = todo[len(part):]
		if err := insertImported(ctx, tx, source, part); err != nil {
			return err
		}
		for _, ih := range part {
			n.Highlights++
			if ih.Highlight.Orphaned {
				n.Orphaned++
			}
		}
	}
	return nil
}

// insertImported stores a chunk of highlights in one statement, then their
// origins in another; tags one by one (few imported highlights have any).
func insertImported(ctx context.Context, tx *txn, source string, part []*ImportedHighlight) error {
	q := strings.Builder{}
	q.WriteString(`INSERT INTO highlights (article_id, start_pos, end_pos, quote, prefix, suffix, color, comment, orphaned, created, updated) VALUES `)
	args := make([]any, 0, len(part)*11)
	for i, ih := range part {
		if i > 0 {
			q.WriteString(",")
		}
		q.WriteString("(?,?,?,?,?,?,?,?,?,?,?)")
		h := &ih.Highlight
		args = append(args, h.ArticleID, h.Start, h.End, h.Quote, h.Prefix, h.Suffix, h.Color, h.Comment, h.Orphaned, millis(h.Created), millis(h.Updated))
	}
	q.WriteString(" RETURNING id")
	rows, err := tx.QueryContext(ctx, q.String(), args...)
	if err != nil {
		return err
	}
	i := 0
	for rows.Next() {
		if i >= len(part) {
			rows.Close()
			return fmt.Errorf("more ids than highlights inserted")
		}
		if err := rows.Scan(&part[i].Highlight.ID); err != nil {
			rows.Close()
			return err
		}
		i++
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if i != len(part) {
		return fmt.Errorf("%d ids for %d highlights inserted", i, len(part))
	}
	// RETURNING promises no order; rowids are handed out in ascending
	// order as the VALUES rows are inserted, so sorted ids match them.
	ids := make([]int64, len(part))
	for i, ih := range part {
		ids[i] = ih.Highlight.ID
	}
	slices.Sort(ids)
	for i, ih := range part {
		ih.Highlight.ID = ids[i]
	}
	q.Reset()
	q.WriteString("INSERT INTO origins (source, origin, article_id, highlight_id, locator) VALUES ")
	args = args[:0]
	for i, ih := range part {
		if i > 0 {
			q.WriteString(",")
		}
		q.WriteString("(?,?,?,?,?)")
		args = append(args, source, ih.Origin, ih.Highlight.ArticleID, ih.Highlight.ID, ih.Locator)
		if err := addHighlightTags(ctx, tx, ih.Highlight.ID, ih.Highlight.Tags); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, q.String(), args...)
	return err
}

// fits is checkHighlight against a body already in memory.
func fits(h *Highlight, body []rune, colors map[string]bool) error {
	if h.Color == "" {
		h.Color = DefaultColors[0].Key
	}
	if !colors[h.Color] {
		return fmt.Errorf("unknown colour %q", h.Color)
	}
	if h.Quote == "" {
		return fmt.Errorf("highlight has no text")
	}
	if h.Orphaned {
		if h.Start < 0 || h.End <= h.Start {
			h.Start, h.End = 0, len([]rune(h.Quote))
		}
		return nil
	}
	if h.Start < 0 || h.End <= h.Start || h.End > len(body) {
		return fmt.Errorf("range %d–%d is outside the article's %d characters", h.Start, h.End, len(body))
	}
	if string(body[h.Start:h.End]) != h.Quote {
		return fmt.Errorf("quote does not match the article text at %d–%d", h.Start, h.End)
	}
	return nil
}

func colorKeys(ctx context.Context, tx *txn) (map[string]bool, error) {
	rows, err := tx.QueryContext(ctx, "SELECT key FROM colors")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		out[k] = true
	}
	return out, rows.Err()
}

// Locator returns where an imported highlight was in its book ("page 12 ·
// location 170-172"), "" when it was not imported or the tool gave none.
func (s *Store) Locator(ctx context.Context, highlightID int64) (string, error) {
	var loc string
	err := s.read(ctx, "highlight locator", func(tx *txn) error {
		err := tx.QueryRowContext(ctx, "SELECT locator FROM origins WHERE highlight_id = ?", highlightID).Scan(&loc)
		if errors.Is(err, sql.ErrNoRows) {
			loc = ""
			return nil
		}
		return err
	})
	return loc, err
}
