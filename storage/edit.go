package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// EditArticle replaces an article's metadata (title, author, source, url,
// published) and body, and writes the new places of its highlights, all in
// one transaction: either everything changes or nothing does. a.ID names the
// article; its note, tags and times other than Updated are left alone.
//
// The caller re-anchors the highlights and maps a.Pages, the page starts,
// to the new body (storage knows no anchoring; nil Pages are left as they
// were). Each of hs gets its Start, End, Quote, Prefix, Suffix and
// Orphaned written. A placed highlight's Quote must be exactly the new
// body's text between its offsets. Highlights of the article not in hs are left as they were.
//
// An empty body is refused; a body equal to another article's is refused
// with an error wrapping ErrDuplicate.
func (s *Store) EditArticle(ctx context.Context, a Article, hs []Highlight) error {
	return s.write(ctx, fmt.Sprintf("edit article %d", a.ID), func(tx *txn) error {
		return saveEdit(ctx, tx, a, hs, time.Now(), false)
	})
}

// RevertEdit puts an article back exactly as before holds it (undo of an
// edit): metadata, body, Updated time and the given highlights' places,
// quotes and times. Like EditArticle it is one transaction.
func (s *Store) RevertEdit(ctx context.Context, before Bundle) error {
	return s.write(ctx, fmt.Sprintf("undo edit of article %d", before.Article.ID), func(tx *txn) error {
		return saveEdit(ctx, tx, before.Article, before.Highlights, before.Article.Updated, true)
	})
}

// saveEdit writes an edit at the given time; restore keeps the highlights'
// own Updated times instead of stamping changed quotes with now.
func saveEdit(ctx context.Context, tx *txn, a Article, hs []Highlight, now time.Time, restore bool) error {
	if err := deriveEdit(&a); err != nil {
		return err
	}
	if strings.TrimSpace(a.Body) == "" {
		return errors.New("the article text is empty")
	}
	if err := exists(ctx, tx, "articles", a.ID); err != nil {
		return err
	}
	hash := BodyHash(a.Body)
	var other int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM articles WHERE body_hash = ? AND id != ?", hash, a.ID).Scan(&other)
	if err == nil {
		return &DuplicateError{ID: other}
	} else if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if err := relinkTitle(ctx, tx, a.ID, a.Title); err != nil {
		return err
	}
	if err := exec1(ctx, tx, `UPDATE articles SET title = ?, author = ?, source = ?, url = ?, published = ?, updated = ?, body_hash = ?
		WHERE id = ?`, a.Title, a.Author, a.Source, a.URL, a.Published, millis(now), hash, a.ID); err != nil {
		return err
	}
	// An unchanged body is not rewritten, so its full-text entry is not rebuilt.
	if _, err := tx.ExecContext(ctx, "UPDATE bodies SET body = ? WHERE article_id = ? AND body IS NOT ?", a.Body, a.ID, a.Body); err != nil {
		return err
	}
	if err := putArticleMedia(ctx, tx, a.Media); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE bodies SET markdown = ?, blocks = ? WHERE article_id = ?", a.Markdown, a.Blocks, a.ID); err != nil {
		return err
	}
	// Page starts the caller mapped to the new text (nil: left as they are).
	if err := storePages(ctx, tx, a.ID, a.Pages); err != nil {
		return err
	}
	offsets := runeOffsets(a.Body)
	for i := range hs {
		h := hs[i]
		if err := placeHighlight(a.Body, offsets, &h); err != nil {
			return fmt.Errorf("highlight %d: %w", h.ID, err)
		}
		if h.ArticleID != 0 && h.ArticleID != a.ID {
			return fmt.Errorf("highlight %d belongs to article %d, not %d", h.ID, h.ArticleID, a.ID)
		}
		if err := exec1(ctx, tx, `UPDATE highlights SET start_pos = ?, end_pos = ?, prefix = ?, suffix = ?, orphaned = ?
			WHERE id = ? AND article_id = ?`, h.Start, h.End, h.Prefix, h.Suffix, h.Orphaned, h.ID, a.ID); err != nil {
			return fmt.Errorf("highlight %d of article %d: %w", h.ID, a.ID, err)
		}
		// Only a changed quote touches the quote column: setting it at all
		// fires the full-text trigger, and most highlights keep their words.
		updated := now
		if restore {
			updated = h.Updated
		}
		if _, err := tx.ExecContext(ctx, "UPDATE highlights SET quote = ?, updated = ? WHERE id = ? AND quote IS NOT ?",
			h.Quote, millis(updated), h.ID, h.Quote); err != nil {
			return err
		}
	}
	return nil
}

// placeHighlight checks a highlight against the body it is being written
// with. offsets are the byte offsets of each code point of body (and its
// length last), built once for all highlights of an edit.
func placeHighlight(body string, offsets []int, h *Highlight) error {
	if h.Quote == "" {
		return errors.New("highlight has no text")
	}
	n := len(offsets) - 1
	if h.Orphaned {
		// The schema wants a non-empty range; an orphan's offsets mean nothing.
		if h.Start < 0 || h.End <= h.Start {
			h.Start, h.End = 0, utf8.RuneCountInString(h.Quote)
		}
		return nil
	}
	if h.Start < 0 || h.End <= h.Start || h.End > n {
		return fmt.Errorf("range %d–%d is outside the article's %d characters", h.Start, h.End, n)
	}
	if body[offsets[h.Start]:offsets[h.End]] != h.Quote {
		return fmt.Errorf("quote does not match the article text at %d–%d", h.Start, h.End)
	}
	return nil
}

// runeOffsets returns the byte offset of every code point of s, then len(s).
func runeOffsets(s string) []int {
	out := make([]int, 0, len(s)+1)
	for b := range s {
		out = append(out, b)
	}
	return append(out, len(s))
}

// ReattachHighlight places a highlight (typically an orphaned one) on a new
// selection of its article's current body: h.ID names it; h.Start, h.End,
// h.Quote, h.Prefix and h.Suffix are the new selection, and the quote must
// be exactly the body's text between the offsets. It is no longer orphaned
// afterwards; its colour, comment and tags stay.
func (s *Store) ReattachHighlight(ctx context.Context, h Highlight) error {
	return s.write(ctx, fmt.Sprintf("re-attach highlight %d", h.ID), func(tx *txn) error {
		var articleID int64
		if err := tx.QueryRowContext(ctx, "SELECT article_id FROM highlights WHERE id = ?", h.ID).Scan(&articleID); err != nil {
			return err
		}
		if h.ArticleID != 0 && h.ArticleID != articleID {
			return fmt.Errorf("highlight %d belongs to article %d, not %d", h.ID, articleID, h.ArticleID)
		}
		h.ArticleID, h.Orphaned = articleID, false
		var body string
		if err := tx.QueryRowContext(ctx, "SELECT body FROM bodies WHERE article_id = ?", articleID).Scan(&body); err != nil {
			return err
		}
		if err := placeHighlight(body, runeOffsets(body), &h); err != nil {
			return err
		}
		return exec1(ctx, tx, `UPDATE highlights SET start_pos = ?, end_pos = ?, quote = ?, prefix = ?, suffix = ?, orphaned = 0,
			updated = ? WHERE id = ?`, h.Start, h.End, h.Quote, h.Prefix, h.Suffix, millis(time.Now()), h.ID)
	})
}
