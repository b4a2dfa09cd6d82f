package storage

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// TagLinks is everything a tag is attached to: what undo of a rename, merge
// or delete needs to put back exactly.
type TagLinks struct {
	Name       string
	Articles   []int64
	Highlights []int64
}

// Links reads what the named tag is attached to (empty for an unknown tag).
func (s *Store) Links(ctx context.Context, name string) (TagLinks, error) {
	l := TagLinks{Name: CleanTag(name)}
	err := s.read(ctx, "read tag "+name, func(tx *txn) error {
		var err error
		l.Articles, err = int64s(ctx, tx, `SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id
			WHERE t.name = ? ORDER BY at.article_id`, l.Name)
		if err != nil {
			return err
		}
		l.Highlights, err = int64s(ctx, tx, `SELECT ht.highlight_id FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id
			WHERE t.name = ? ORDER BY ht.highlight_id`, l.Name)
		return err
	})
	return l, err
}

// RenameTag renames a tag on every article and highlight. Renaming onto a
// tag that exists merges the two. Only the letter case may change too
// ("nato" → "NATO").
func (s *Store) RenameTag(ctx context.Context, from, to string) error {
	from, to = CleanTag(from), CleanTag(to)
	if to == "" {
		return fmt.Errorf("storage: rename tag %q: the new name is empty", from)
	}
	return s.write(ctx, fmt.Sprintf("rename tag %q", from), func(tx *txn) error {
		var fromID int64
		if err := tx.QueryRowContext(ctx, "SELECT id FROM tags WHERE name = ?", from).Scan(&fromID); err != nil {
			return err
		}
		var toID int64
		err := tx.QueryRowContext(ctx, "SELECT id FROM tags WHERE name = ? AND id != ?", to, fromID).Scan(&toID)
		if err != nil {
			// No other tag has that name: a plain rename (maybe of case only).
			_, err := tx.ExecContext(ctx, "UPDATE tags SET name = ? WHERE id = ?", to, fromID)
			return err
		}
		for _, q := range []string{
			"INSERT OR IGNORE INTO article_tags (article_id, tag_id) SELECT article_id, ? FROM article_tags WHERE tag_id = ?",
			"INSERT OR IGNORE INTO highlight_tags (highlight_id, tag_id) SELECT highlight_id, ? FROM highlight_tags WHERE tag_id = ?",
		} {
			if _, err := tx.ExecContext(ctx, q, toID, fromID); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM tags WHERE id = ?", fromID)
		return err
	})
}

// DeleteTag removes a tag from every article and highlight.
func (s *Store) DeleteTag(ctx context.Context, name string) error {
	return s.write(ctx, fmt.Sprintf("delete tag %q", name), func(tx *txn) error {
		return exec1(ctx, tx, "DELETE FROM tags WHERE name = ?", CleanTag(name))
	})
}

// SetLinks makes a tag attached to exactly these articles and highlights
// (ones deleted since are skipped); with none, the tag is removed. Undo of
// rename, merge and delete uses it to put links back as they were.
func (s *Store) SetLinks(ctx context.Context, l TagLinks) error {
	name := CleanTag(l.Name)
	return s.write(ctx, fmt.Sprintf("restore tag %q", name), func(tx *txn) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM tags WHERE name = ?", name); err != nil {
			return err
		}
		if len(l.Articles)+len(l.Highlights) == 0 {
			return nil
		}
		id, err := tagID(ctx, tx, name)
		if err != nil {
			return err
		}
		for _, a := range l.Articles {
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO article_tags (article_id, tag_id)
				SELECT id, ? FROM articles WHERE id = ?`, id, a); err != nil {
				return err
			}
		}
		for _, h := range l.Highlights {
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO highlight_tags (highlight_id, tag_id)
				SELECT id, ? FROM highlights WHERE id = ?`, id, h); err != nil {
				return err
			}
		}
		return pruneTags(ctx, tx)
	})
}

// HighlightFilter narrows the library-wide highlight list.
type HighlightFilter struct {
	Color     string // a colour key, "" for all
	Tag       string // a highlight or article tag, "" for all
	ArticleID int64  // 0 for all
	Text      string // words in the quote or comment (full-text), "" for all
	Limit     int    // at most this many, newest first; 0 means 5,000
}

// LibraryHighlight is a highlight with the title of its article.
type LibraryHighlight struct {
	Highlight
	ArticleTitle string
}

// AllHighlights lists highlights across the library, newest first.
func (s *Store) AllHighlights(ctx context.Context, f HighlightFilter) ([]LibraryHighlight, error) {
	var where []string
	var args []any
	if f.Color != "" {
		where = append(where, "h.color = ?")
		args = append(args, f.Color)
	}
	if f.ArticleID != 0 {
		where = append(where, "h.article_id = ?")
		args = append(args, f.ArticleID)
	}
	if tag := CleanTag(f.Tag); tag != "" {
		where = append(where, `(h.id IN (SELECT ht.highlight_id FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id WHERE t.name = ?)
			OR h.article_id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ?))`)
		args = append(args, tag, tag)
	}
	if strings.TrimSpace(f.Text) != "" {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, SearchTimeout)
		defer cancel()
		// The search syntax: words, and the operators that apply to
		// highlights (tag:, color:, is:orphaned, before:, after:).
		q, err := ParseQuery(f.Text)
		if err != nil {
			return nil, err
		}
		if q.FTS != "" {
			where = append(where, "h.id IN (SELECT rowid FROM highlight_fts WHERE highlight_fts MATCH ?)")
			args = append(args, q.FTS)
		}
		w, a := q.highlightFilter()
		if w != "" {
			where = append(where, "h.id IN (SELECT rowid FROM highlights WHERE 1"+w+")")
			args = append(args, a...)
		}
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 5000
	}
	clause := ""
	if len(where) > 0 {
		clause = "WHERE " + strings.Join(where, " AND ")
	}
	var out []LibraryHighlight
	err := s.read(ctx, "list highlights", func(tx *txn) error {
		hs, err := queryHighlights(ctx, tx, clause+fmt.Sprintf(" ORDER BY h.created DESC, h.id DESC LIMIT %d", limit), args...)
		if err != nil {
			return err
		}
		titles := map[int64]string{}
		for _, h := range hs {
			if _, ok := titles[h.ArticleID]; !ok {
				var t string
				if err := tx.QueryRowContext(ctx, "SELECT title FROM articles WHERE id = ?", h.ArticleID).Scan(&t); err != nil {
					return err
				}
				titles[h.ArticleID] = t
			}
			out = append(out, LibraryHighlight{Highlight: h, ArticleTitle: titles[h.ArticleID]})
		}
		return nil
	})
	if err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return nil, ErrSearchTimeout
	}
	return out, err
}
