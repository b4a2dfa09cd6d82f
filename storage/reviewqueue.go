package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DefaultNewPerDay is how many new highlights enter review a day when the
// library sets no pace.
const DefaultNewPerDay = 5

// ReviewFilter narrows a review session: to highlights carrying a tag (on
// the highlight or its article), of one colour, or of one article.
type ReviewFilter struct {
	Tag       string
	Color     string
	ArticleID int64
}

// QueueOptions say which day's queue to build and how.
type QueueOptions struct {
	Now       time.Time // the day is Now's calendar day in Now's location
	NewPerDay int       // new highlights a day; 0 reads the library setting (default 5), <0 means none
	DueOnly   bool      // only highlights already answered and due, no new ones
	Filter    ReviewFilter
}

// ReviewItem is one entry of the review queue: the highlight, what the
// session shows around it, and its schedule.
type ReviewItem struct {
	Highlight    Highlight
	ArticleTitle string
	ArticleTags  []string
	State        ReviewState
	Card         *Card // nil when the highlight is not a flashcard
	New          bool  // never answered
}

// notExcluded is the SQL condition that keeps out highlights tagged
// no-review, on themselves or their article. With no such tag in the
// library it is always true, and the per-row lookups are skipped.
func notExcluded(ctx context.Context, tx *txn) (string, error) {
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM tags WHERE name = ?", NoReviewTag).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "1 = 1", nil
	}
	if err != nil {
		return "", err
	}
	n := strconv.FormatInt(id, 10)
	return `NOT EXISTS (SELECT 1 FROM highlight_tags ht WHERE ht.highlight_id = h.id AND ht.tag_id = ` + n + `)
	AND NOT EXISTS (SELECT 1 FROM article_tags at WHERE at.article_id = h.article_id AND at.tag_id = ` + n + `)`, nil
}

// ReviewQueue builds the day's queue: the highlights due by the end of the
// day (most overdue first), then the new ones. New highlights enter at the
// library's pace, those with a comment, a card or a review colour first,
// then oldest first; a filtered session takes them from its filter, at the
// same pace (see intake). The day's intake is written down (queued_day), so the
// queue is the same after a restart, and answering one does not pull in
// another. A read-only library gets the same queue without the write.
func (s *Store) ReviewQueue(ctx context.Context, opts QueueOptions) ([]ReviewItem, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	var out []ReviewItem
	build := func(tx *txn, store bool) error {
		virtual, err := intake(ctx, tx, opts, store)
		if err != nil {
			return err
		}
		out, err = queueItems(ctx, tx, opts, virtual)
		return err
	}
	if s.readOnly {
		return out, s.read(ctx, "build review queue", func(tx *txn) error { return build(tx, false) })
	}
	return out, s.write(ctx, "build review queue", func(tx *txn) error { return build(tx, true) })
}

// newPerDay reads the pace from the options or the library.
func newPerDay(ctx context.Context, tx *txn, n int) (int, error) {
	if n != 0 {
		return max(n, 0), nil
	}
	var v string
	err := tx.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", SettingReviewNewPerDay).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) || v == "" {
		return DefaultNewPerDay, nil
	}
	if err != nil {
		return 0, err
	}
	p, err := strconv.Atoi(v)
	if err != nil || p < 0 {
		return DefaultNewPerDay, nil
	}
	return p, nil
}

// intake picks today's new highlights up to the pace. When store is false
// (a read-only library) the picks are returned instead of written.
func intake(ctx context.Context, tx *txn, opts QueueOptions, store bool) ([]int64, error) {
	day := DayKey(opts.Now)
	pace, err := newPerDay(ctx, tx, opts.NewPerDay)
	if err != nil {
		return nil, err
	}
	// The pace applies to the session's filter: a session of only #thesis
	// highlights takes up to pace new #thesis ones today, counting those
	// already queued today that carry the tag (by this or another
	// session). The whole library's queue shows every one queued today.
	where, fargs := filterSQL(opts.Filter)
	var taken, next int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM review_items r JOIN highlights h ON h.id = r.highlight_id WHERE r.queued_day = ?"+where,
		append([]any{day}, fargs...)...).Scan(&taken); err != nil {
		return nil, err
	}
	if taken >= pace {
		return nil, nil
	}
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(queued_pos) + 1, 0) FROM review_items WHERE queued_day = ?", day).Scan(&next); err != nil {
		return nil, err
	}
	var colors string
	if err := tx.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", SettingReviewColors).Scan(&colors); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	colorSet := "''"
	args := fargs
	for _, c := range strings.Split(colors, ",") {
		if c = strings.TrimSpace(c); c != "" {
			colorSet += ", ?"
			args = append(args, c)
		}
	}
	args = append(args, pace-taken)
	excl, err := notExcluded(ctx, tx)
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT h.id FROM highlights h LEFT JOIN review_items r ON r.highlight_id = h.id
		WHERE (r.highlight_id IS NULL OR (r.reps = 0 AND r.queued_day = '' AND r.retired = 0)) AND `+excl+where+`
		ORDER BY (h.comment <> '' OR h.color IN (`+colorSet+`) OR EXISTS (SELECT 1 FROM cards c WHERE c.highlight_id = h.id)) DESC,
			h.created, h.id LIMIT ?`, args...)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil || !store {
		return ids, err
	}
	y, m, d := opts.Now.Date()
	start := time.Date(y, m, d, 0, 0, 0, 0, opts.Now.Location())
	for i, id := range ids {
		if _, err := tx.ExecContext(ctx, `INSERT INTO review_items (highlight_id, due, queued_day, queued_pos) VALUES (?, ?, ?, ?)
			ON CONFLICT (highlight_id) DO UPDATE SET due = excluded.due, queued_day = excluded.queued_day, queued_pos = excluded.queued_pos`,
			id, millis(start), day, next+i); err != nil {
			return nil, err
		}
	}
	return nil, nil
}

// queueItems lists the queue: due first, then new in intake order, then
// the virtual picks of a read-only library, all through the filter.
func queueItems(ctx context.Context, tx *txn, opts QueueOptions, virtual []int64) ([]ReviewItem, error) {
	day := DayKey(opts.Now)
	y, m, d := opts.Now.Date()
	end := time.Date(y, m, d+1, 0, 0, 0, 0, opts.Now.Location())
	where, args := filterSQL(opts.Filter)
	excl, err := notExcluded(ctx, tx)
	if err != nil {
		return nil, err
	}
	q := `SELECT h.id FROM highlights h JOIN review_items r ON r.highlight_id = h.id
		WHERE r.retired = 0 AND ` + excl + where + ` AND ((r.reps > 0 AND r.due < ?)`
	args = append(args, millis(end))
	if !opts.DueOnly {
		q += ` OR (r.reps = 0 AND r.queued_day <> '' AND r.queued_day <= ?)`
		args = append(args, day)
	}
	q += `) ORDER BY r.reps = 0, CASE WHEN r.reps > 0 THEN r.due END, r.queued_day, r.queued_pos, h.id`
	ids, err := int64s(ctx, tx, q, args...)
	if err != nil {
		return nil, err
	}
	if !opts.DueOnly && len(virtual) > 0 {
		// Apply the filter to the picks a read-only library could not store.
		marks := strings.Repeat(",?", len(virtual))[1:]
		where, fargs := filterSQL(opts.Filter)
		vargs := append([]any{}, fargs...)
		for _, id := range virtual {
			vargs = append(vargs, id)
		}
		keep, err := int64s(ctx, tx, "SELECT h.id FROM highlights h WHERE 1 = 1"+where+" AND h.id IN ("+marks+")", vargs...)
		if err != nil {
			return nil, err
		}
		in := map[int64]bool{}
		for _, id := range keep {
			in[id] = true
		}
		for _, id := range virtual {
			if in[id] {
				ids = append(ids, id)
			}
		}
	}
	out := make([]ReviewItem, 0, len(ids))
	for _, id := range ids {
		it, err := reviewItem(ctx, tx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, nil
}

func filterSQL(f ReviewFilter) (string, []any) {
	var b strings.Builder
	var args []any
	if f.Tag != "" {
		b.WriteString(` AND (EXISTS (SELECT 1 FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id WHERE ht.highlight_id = h.id AND t.name = ?)
			OR EXISTS (SELECT 1 FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = h.article_id AND t.name = ?))`)
		tag := CleanTag(strings.TrimPrefix(strings.TrimSpace(f.Tag), "#")) // "#thesis" as the user writes it
		args = append(args, tag, tag)
	}
	if f.Color != "" {
		b.WriteString(" AND h.color = ?")
		args = append(args, f.Color)
	}
	if f.ArticleID != 0 {
		b.WriteString(" AND h.article_id = ?")
		args = append(args, f.ArticleID)
	}
	return b.String(), args
}

// int64s runs q and returns its one integer column (IDs, mostly).
func int64s(ctx context.Context, tx *txn, q string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// reviewItem loads what a session shows for one highlight.
func reviewItem(ctx context.Context, tx *txn, id int64) (ReviewItem, error) {
	hs, err := queryHighlights(ctx, tx, "WHERE h.id = ?", id)
	if err != nil {
		return ReviewItem{}, err
	}
	if len(hs) == 0 {
		return ReviewItem{}, fmt.Errorf("highlight %d: %w", id, ErrNotFound)
	}
	it := ReviewItem{Highlight: hs[0]}
	if err := tx.QueryRowContext(ctx, "SELECT title FROM articles WHERE id = ?", it.Highlight.ArticleID).Scan(&it.ArticleTitle); err != nil {
		return ReviewItem{}, err
	}
	if it.ArticleTags, err = articleTags(ctx, tx, it.Highlight.ArticleID); err != nil {
		return ReviewItem{}, err
	}
	if it.State, err = reviewState(ctx, tx, id); err != nil {
		return ReviewItem{}, err
	}
	it.New = it.State.Reps == 0
	c, err := card(ctx, tx, id)
	if err == nil {
		it.Card = &c
	} else if !errors.Is(err, ErrNotFound) {
		return ReviewItem{}, err
	}
	return it, nil
}
