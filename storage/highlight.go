package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"
	"unicode/utf8"
)

// CreateHighlight stores a highlight with its tags, setting h.ID (unless the
// caller gave one, as undo of a delete does) and, when zero, the times. The
// highlight's offsets must lie inside the article body and its Quote must be
// exactly the text between them, unless it is orphaned.
func (s *Store) CreateHighlight(ctx context.Context, h *Highlight) error {
	return s.write(ctx, "create highlight", func(tx *txn) error {
		return createHighlight(ctx, tx, h)
	})
}

func createHighlight(ctx context.Context, tx *txn, h *Highlight) error {
	if err := checkHighlight(ctx, tx, h); err != nil {
		return err
	}
	now := time.Now()
	if h.Created.IsZero() {
		h.Created = now
	}
	if h.Updated.IsZero() {
		h.Updated = h.Created
	}
	var id any
	if h.ID != 0 {
		id = h.ID
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO highlights
		(id, article_id, start_pos, end_pos, quote, prefix, suffix, color, comment, orphaned, created, updated)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, h.ArticleID, h.Start, h.End, h.Quote, h.Prefix, h.Suffix, h.Color, h.Comment, h.Orphaned,
		millis(h.Created), millis(h.Updated))
	if err != nil {
		return err
	}
	if h.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return addHighlightTags(ctx, tx, h.ID, h.Tags)
}

// checkHighlight refuses a highlight that does not fit its article, so a bad
// caller can never store offsets that point outside the body.
func checkHighlight(ctx context.Context, tx *txn, h *Highlight) error {
	if h.Color == "" {
		h.Color = DefaultColors[0].Key
	}
	var ok int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM colors WHERE key = ?", h.Color).Scan(&ok); err != nil {
		return err
	}
	if ok == 0 {
		return fmt.Errorf("unknown colour %q", h.Color)
	}
	if h.Quote == "" {
		return fmt.Errorf("highlight has no text")
	}
	if h.Orphaned {
		if h.Start < 0 || h.End <= h.Start {
			h.Start, h.End = 0, utf8.RuneCountInString(h.Quote)
		}
		return exists(ctx, tx, "articles", h.ArticleID)
	}
	var body string
	if err := tx.QueryRowContext(ctx, "SELECT body FROM bodies WHERE article_id = ?", h.ArticleID).Scan(&body); err != nil {
		if err == sql.ErrNoRows {
			return fmt.Errorf("article %d: %w", h.ArticleID, ErrNotFound)
		}
		return err
	}
	got, ok2 := runeSlice(body, h.Start, h.End)
	if !ok2 {
		return fmt.Errorf("range %d–%d is outside the article's %d characters", h.Start, h.End, utf8.RuneCountInString(body))
	}
	if got != h.Quote {
		return fmt.Errorf("quote does not match the article text at %d–%d", h.Start, h.End)
	}
	return nil
}

// runeSlice returns s[start:end] counted in code points.
func runeSlice(s string, start, end int) (string, bool) {
	if start < 0 || end <= start {
		return "", false
	}
	i, bs, be := 0, -1, -1
	for b := range s {
		if i == start {
			bs = b
		}
		if i == end {
			be = b
			break
		}
		i++
	}
	if i == end && be < 0 {
		be = len(s)
	}
	if bs < 0 || be < 0 {
		return "", false
	}
	return s[bs:be], true
}

// Highlights lists an article's highlights in document order (orphaned ones
// last), each with its tags.
func (s *Store) Highlights(ctx context.Context, articleID int64) ([]Highlight, error) {
	var out []Highlight
	err := s.read(ctx, fmt.Sprintf("highlights of article %d", articleID), func(tx *txn) error {
		if err := exists(ctx, tx, "articles", articleID); err != nil {
			return err
		}
		var err error
		out, err = queryHighlights(ctx, tx, `WHERE h.article_id = ? ORDER BY h.orphaned, h.start_pos, h.end_pos, h.id`, articleID)
		return err
	})
	return out, err
}

// Highlight loads one highlight.
func (s *Store) Highlight(ctx context.Context, id int64) (Highlight, error) {
	var h Highlight
	err := s.read(ctx, fmt.Sprintf("highlight %d", id), func(tx *txn) error {
		hs, err := queryHighlights(ctx, tx, "WHERE h.id = ?", id)
		if err != nil {
			return err
		}
		if len(hs) == 0 {
			return ErrNotFound
		}
		h = hs[0]
		return nil
	})
	return h, err
}

func queryHighlights(ctx context.Context, tx *txn, where string, args ...any) ([]Highlight, error) {
	out, err := scanHighlights(ctx, tx, where, args...)
	if err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].Tags, err = highlightTags(ctx, tx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// scanHighlights is queryHighlights without the tags.
func scanHighlights(ctx context.Context, tx *txn, where string, args ...any) ([]Highlight, error) {
	return scanHighlightRows(ctx, tx, true, nil, where, args...)
}

// scanHighlightRows appends the highlights the query selects to out. Without
// context their Prefix and Suffix stay "": only re-anchoring and the W3C
// selectors read them, and at 50,000 highlights they are most of the bytes.
func scanHighlightRows(ctx context.Context, tx *txn, context bool, out []Highlight, where string, args ...any) ([]Highlight, error) {
	cols := "h.prefix, h.suffix"
	if !context {
		cols = "'', ''"
	}
	rows, err := tx.QueryContext(ctx, `SELECT h.id, h.article_id, h.start_pos, h.end_pos, h.quote, `+cols+`,
			h.color, h.comment, h.orphaned, h.created, h.updated FROM highlights h `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var h Highlight
		var created, updated int64
		if err := rows.Scan(&h.ID, &h.ArticleID, &h.Start, &h.End, &h.Quote, &h.Prefix, &h.Suffix,
			&h.Color, &h.Comment, &h.Orphaned, &created, &updated); err != nil {
			return nil, err
		}
		h.Created, h.Updated = fromMillis(created), fromMillis(updated)
		out = append(out, h)
	}
	return out, rows.Err()
}

// SetHighlightColor changes a highlight's colour.
func (s *Store) SetHighlightColor(ctx context.Context, id int64, color string) error {
	return s.write(ctx, fmt.Sprintf("recolour highlight %d", id), func(tx *txn) error {
		var ok int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM colors WHERE key = ?", color).Scan(&ok); err != nil {
			return err
		}
		if ok == 0 {
			return fmt.Errorf("unknown colour %q", color)
		}
		return exec1(ctx, tx, "UPDATE highlights SET color = ?, updated = ? WHERE id = ?", color, millis(time.Now()), id)
	})
}

// SetHighlightComment saves a highlight's comment.
func (s *Store) SetHighlightComment(ctx context.Context, id int64, comment string) error {
	return s.write(ctx, fmt.Sprintf("save comment of highlight %d", id), func(tx *txn) error {
		if err := exists(ctx, tx, "highlights", id); err != nil {
			return err
		}
		// Autosave calls this often: leave the row (and its index) alone when nothing changed.
		_, err := tx.ExecContext(ctx, "UPDATE highlights SET comment = ?, updated = ? WHERE id = ? AND comment IS NOT ?",
			comment, millis(time.Now()), id, comment)
		return err
	})
}

// DeleteHighlight removes a highlight and its tag links.
func (s *Store) DeleteHighlight(ctx context.Context, id int64) error {
	return s.write(ctx, fmt.Sprintf("delete highlight %d", id), func(tx *txn) error {
		if err := exec1(ctx, tx, "DELETE FROM highlights WHERE id = ?", id); err != nil {
			return err
		}
		return pruneTags(ctx, tx)
	})
}

// Colors lists the highlight colours in key order (1–5).
func (s *Store) Colors(ctx context.Context) ([]Color, error) {
	var out []Color
	err := s.read(ctx, "list colours", func(tx *txn) error {
		rows, err := tx.QueryContext(ctx, "SELECT key, name, hex FROM colors ORDER BY position")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c Color
			if err := rows.Scan(&c.Key, &c.Name, &c.Hex); err != nil {
				return err
			}
			out = append(out, c)
		}
		return rows.Err()
	})
	return out, err
}

// RenameColor gives a highlight colour a new name.
func (s *Store) RenameColor(ctx context.Context, key, name string) error {
	return s.write(ctx, "rename colour "+key, func(tx *txn) error {
		if name == "" {
			return fmt.Errorf("a colour needs a name")
		}
		return exec1(ctx, tx, "UPDATE colors SET name = ? WHERE key = ?", name, key)
	})
}
