package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
)

// BodyHash is the fingerprint used to recognise an article imported twice.
func BodyHash(body string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(body)))
	return hex.EncodeToString(sum[:])
}

func millis(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func fromMillis(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms).UTC()
}

// CreateArticle stores a new article with its tags and note, setting a.ID and,
// when zero, a.Added and a.Updated. An article whose body is already in the
// library is not stored: the error wraps ErrDuplicate.
func (s *Store) CreateArticle(ctx context.Context, a *Article) error {
	return s.write(ctx, "create article", func(tx *txn) error {
		return createArticle(ctx, tx, a)
	})
}

// ImportArticles stores many articles in one transaction (much faster than
// one each). The result has one entry per article: nil, or an error wrapping
// ErrDuplicate for an article already in the library (or earlier in arts).
// A failure of the transaction itself stores none of them.
func (s *Store) ImportArticles(ctx context.Context, arts []*Article) ([]error, error) {
	results := make([]error, len(arts))
	err := s.write(ctx, "import articles", func(tx *txn) error {
		for i, a := range arts {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := createArticle(ctx, tx, a); err != nil {
				if isDuplicate(err) {
					results[i] = err
					continue
				}
				return err
			}
		}
		return nil
	})
	if err != nil {
		for _, a := range arts {
			a.ID = 0
		}
		return nil, err
	}
	return results, nil
}

func isDuplicate(err error) bool { return errors.Is(err, ErrDuplicate) }

// DuplicateError says which article already has the body being imported.
// errors.Is(err, ErrDuplicate) is true for it.
type DuplicateError struct{ ID int64 }

func (e *DuplicateError) Error() string { return fmt.Sprintf("duplicate of article %d", e.ID) }

// Is makes errors.Is(err, ErrDuplicate) match.
func (e *DuplicateError) Is(target error) bool { return target == ErrDuplicate }

// createArticle stores a as a new article with a fresh ID.
func createArticle(ctx context.Context, tx *txn, a *Article) error {
	a.ID = 0
	return insertArticle(ctx, tx, a)
}

// insertArticle stores a under a.ID, or a fresh ID when it is 0.
func insertArticle(ctx context.Context, tx *txn, a *Article) error {
	if err := derive(a); err != nil {
		return fmt.Errorf("article %q: %w", a.Title, err)
	}
	if strings.TrimSpace(a.Body) == "" {
		return fmt.Errorf("article %q has no text", a.Title)
	}
	hash := BodyHash(a.Body)
	now := time.Now()
	if a.Added.IsZero() {
		a.Added = now
	}
	if a.Updated.IsZero() {
		a.Updated = a.Added
	}
	var id any
	if a.ID != 0 {
		id = a.ID
	}
	// The unique body hash finds a duplicate as part of the insert: a
	// separate look-up first cost a query (and, in database/sql, a
	// goroutine) per imported article.
	res, err := tx.ExecContext(ctx, `INSERT INTO articles (id, title, author, source, url, published, language, added, updated, opened, body_hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (body_hash) DO NOTHING`,
		id, a.Title, a.Author, a.Source, a.URL, a.Published, a.Language, millis(a.Added), millis(a.Updated), millis(a.Opened), hash)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		var existing int64
		if err := tx.QueryRowContext(ctx, "SELECT id FROM articles WHERE body_hash = ?", hash).Scan(&existing); err != nil {
			return err
		}
		return &DuplicateError{ID: existing}
	}
	if a.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	if err := putArticleMedia(ctx, tx, a.Media); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO bodies (article_id, body, markdown, blocks) VALUES (?, ?, ?, ?)",
		a.ID, a.Body, a.Markdown, a.Blocks); err != nil {
		return err
	}
	// Index it here, not in a trigger (see migrations/0002_faster_import.sql).
	if _, err := tx.ExecContext(ctx, "INSERT INTO article_fts (rowid, title, author, body) VALUES (?, ?, ?, ?)",
		a.ID, a.Title, a.Author, a.Body); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO title_fts (rowid, title, author) VALUES (?, ?, ?)",
		a.ID, a.Title, a.Author); err != nil {
		return err
	}
	if err := storePages(ctx, tx, a.ID, a.Pages); err != nil {
		return err
	}
	if err := storeSourcePath(ctx, tx, a.ID, a.SourcePath); err != nil {
		return err
	}
	if a.Note != "" {
		if err := setNote(ctx, tx, a.ID, a.Note, a.Updated); err != nil {
			return err
		}
	}
	return addArticleTags(ctx, tx, a.ID, a.Tags)
}

// Article loads one article with its body, note and tags.
func (s *Store) Article(ctx context.Context, id int64) (Article, error) {
	var a Article
	err := s.read(ctx, fmt.Sprintf("article %d", id), func(tx *txn) error {
		var err error
		a, err = loadArticle(ctx, tx, id)
		return err
	})
	return a, err
}

func loadArticle(ctx context.Context, tx *txn, id int64) (Article, error) {
	var a Article
	var added, updated, opened int64
	err := tx.QueryRowContext(ctx, `SELECT a.id, a.title, a.author, a.source, a.url, a.published, a.language, a.added, a.updated, a.opened,
			b.body, b.markdown, b.blocks, coalesce(n.note, '')
		FROM articles a JOIN bodies b ON b.article_id = a.id LEFT JOIN notes n ON n.article_id = a.id
		WHERE a.id = ?`, id).Scan(&a.ID, &a.Title, &a.Author, &a.Source, &a.URL, &a.Published, &a.Language,
		&added, &updated, &opened, &a.Body, &a.Markdown, &a.Blocks, &a.Note)
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNotFound
	}
	if err != nil {
		return a, err
	}
	a.Added, a.Updated, a.Opened = fromMillis(added), fromMillis(updated), fromMillis(opened)
	if a.Tags, err = articleTags(ctx, tx, id); err != nil {
		return a, err
	}
	if a.Pages, err = loadPages(ctx, tx, id); err != nil {
		return a, err
	}
	a.SourcePath, err = loadSourcePath(ctx, tx, id)
	return a, err
}

// ArticleIDs lists every article ID, newest first.
func (s *Store) ArticleIDs(ctx context.Context) ([]int64, error) {
	var ids []int64
	err := s.read(ctx, "list article ids", func(tx *txn) error {
		var err error
		ids, err = int64s(ctx, tx, "SELECT id FROM articles ORDER BY added DESC, id DESC")
		return err
	})
	return ids, err
}

// UpdateArticle saves an article's metadata (title, author, source, url,
// published). The body, note and tags have their own methods.
func (s *Store) UpdateArticle(ctx context.Context, a Article) error {
	return s.write(ctx, fmt.Sprintf("update article %d", a.ID), func(tx *txn) error {
		if err := relinkTitle(ctx, tx, a.ID, a.Title); err != nil {
			return err
		}
		return exec1(ctx, tx, `UPDATE articles SET title = ?, author = ?, source = ?, url = ?, published = ?, updated = ? WHERE id = ?`,
			a.Title, a.Author, a.Source, a.URL, a.Published, millis(time.Now()), a.ID)
	})
}

// SetNote saves the article's note.
func (s *Store) SetNote(ctx context.Context, id int64, note string) error {
	return s.write(ctx, fmt.Sprintf("save note of article %d", id), func(tx *txn) error {
		if err := exists(ctx, tx, "articles", id); err != nil {
			return err
		}
		return setNote(ctx, tx, id, note, time.Now())
	})
}

func setNote(ctx context.Context, tx *txn, id int64, note string, at time.Time) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO notes (article_id, note, updated) VALUES (?, ?, ?)
		ON CONFLICT (article_id) DO UPDATE SET note = excluded.note, updated = excluded.updated
		WHERE note IS NOT excluded.note`, id, note, millis(at))
	return err
}

// MarkOpened records that the article was just opened (for "recent" order).
// On a read-only library it does nothing: reading must not fail for want of
// a timestamp.
func (s *Store) MarkOpened(ctx context.Context, id int64) error {
	if s.readOnly {
		return nil
	}
	return s.write(ctx, fmt.Sprintf("mark article %d opened", id), func(tx *txn) error {
		return exec1(ctx, tx, "UPDATE articles SET opened = ? WHERE id = ?", millis(time.Now()), id)
	})
}

// DeleteArticle removes an article with its highlights, note and tag links.
func (s *Store) DeleteArticle(ctx context.Context, id int64) error {
	return s.write(ctx, fmt.Sprintf("delete article %d", id), func(tx *txn) error {
		return exec1(ctx, tx, "DELETE FROM articles WHERE id = ?", id)
	})
}

// CountArticles is the number of articles in the library.
func (s *Store) CountArticles(ctx context.Context) (int, error) {
	var n int
	err := s.read(ctx, "count articles", func(tx *txn) error {
		return tx.QueryRowContext(ctx, "SELECT count(*) FROM articles").Scan(&n)
	})
	return n, err
}

// exec1 runs a statement that must change exactly one row; no row is ErrNotFound.
func exec1(ctx context.Context, tx *txn, q string, args ...any) error {
	res, err := tx.ExecContext(ctx, q, args...)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}

func exists(ctx context.Context, tx *txn, table string, id int64) error {
	var one int
	return tx.QueryRowContext(ctx, "SELECT 1 FROM "+table+" WHERE id = ?", id).Scan(&one)
}

// Summary loads the list entry of one article (after it changed, without
// reloading the whole list).
func (s *Store) Summary(ctx context.Context, id int64) (Summary, error) {
	var sm Summary
	err := s.read(ctx, fmt.Sprintf("article %d", id), func(tx *txn) error {
		var added, opened int64
		err := tx.QueryRowContext(ctx, `SELECT id, title, author, source, url, published, added, opened, highlights
			FROM articles WHERE id = ?`, id).Scan(&sm.ID, &sm.Title, &sm.Author, &sm.Source, &sm.URL, &sm.Published,
			&added, &opened, &sm.Highlights)
		if err != nil {
			return err
		}
		sm.Added, sm.Opened = fromMillis(added), fromMillis(opened)
		sm.Tags, err = articleTags(ctx, tx, id)
		return err
	})
	return sm, err
}
