package storage

import (
	"context"
	"slices"
	"strings"
)

// Ranking of one index: full bm25 when the query matches fewer than
// commonAt rows there, else the cheap order of a common query.

// newestMatches counts the rows of an index matching the query, up to
// commonAt (fewer tells the query is not common), and lists the newest
// (highest rowid) limit of them, the candidates when it is. One statement
// does both: each statement over a prefix query merges the doclists of
// every word with that prefix again; the count stays inside SQLite, so
// only limit rows come back.
func newestMatches(ctx context.Context, tx *txn, table, match, where string, args []any, limit int) (int, []rankedRow, error) {
	return newestUpTo(ctx, tx, table, match, where, args, commonAt, limit)
}

// newestUpTo is newestMatches counting up to upTo.
func newestUpTo(ctx context.Context, tx *txn, table, match, where string, args []any, upTo, limit int) (int, []rankedRow, error) {
	rows, err := tx.QueryContext(ctx, `WITH m AS MATERIALIZED (SELECT rowid AS id FROM `+table+` WHERE `+table+` MATCH ?`+where+` ORDER BY rowid DESC LIMIT ?)
		SELECT id, (SELECT count(*) FROM m) FROM m LIMIT ?`, append(append([]any{match}, args...), max(upTo, limit), limit)...)
	if err != nil {
		return 0, nil, err
	}
	defer rows.Close()
	n := 0
	var out []rankedRow
	for rows.Next() {
		var r rankedRow
		if err := rows.Scan(&r.id, &n); err != nil {
			return 0, nil, err
		}
		out = append(out, r)
	}
	return n, out, rows.Err()
}

// rankIndex ranks the note or highlight index by bm25, unless the match
// is common (see commonAt) there or in the articles: then newest first,
// after every bm25 hit.
func rankIndex(ctx context.Context, tx *txn, bm25, place, match string, args []any, limit int, common bool) ([]rankedRow, error) {
	table := map[string]string{"notes": "note_fts", "highlights": "highlight_fts"}[place]
	if common {
		newest, err := rank(ctx, tx, `SELECT rowid, 0 FROM `+table+` WHERE `+table+` MATCH ?`+indexWhere(bm25)+` ORDER BY rowid DESC LIMIT ?`,
			append(append([]any{match}, args...), limit)...)
		return cheapRanks(newest, limit, nil), err
	}
	n, newest, err := newestMatches(ctx, tx, table, match, indexWhere(bm25), args, limit)
	if err != nil {
		return nil, err
	}
	if n < commonAt {
		return rank(ctx, tx, bm25, append(append([]any{match}, args...), limit)...)
	}
	return cheapRanks(newest, limit, nil), nil
}

// indexWhere is the " AND …" filter of a ranking query (between MATCH ?
// and ORDER BY), reused for the newest-first query.
func indexWhere(rankSQL string) string {
	_, rest, _ := strings.Cut(rankSQL, "MATCH ?")
	w, _, _ := strings.Cut(rest, " ORDER BY")
	return w
}

// cheapRanks ranks the newest rows after every bm25 hit (negative) in
// their order, skipping those already listed.
func cheapRanks(newest []rankedRow, limit int, seen map[int64]bool) []rankedRow {
	var out []rankedRow
	for k, r := range newest {
		if len(out) == limit {
			break
		}
		if !seen[r.id] {
			out = append(out, rankedRow{id: r.id, rank: float64(k) / 1e6})
		}
	}
	return out
}

// rankBodies ranks the article index by bm25, unless the match is common
// (see commonAt): then title matches come first, then the newest articles.
func rankBodies(ctx context.Context, tx *txn, bm25, match string, q *Query, where string, args []any, limit int) ([]rankedRow, bool, error) {
	common, newest, err := commonInWindow(ctx, tx, match, where, args, 2*limit)
	if err != nil {
		return nil, false, err
	}
	if !common {
		rows, err := rank(ctx, tx, bm25, append(append([]any{match}, args...), limit)...)
		return rows, false, err
	}
	var out []rankedRow
	seen := map[int64]bool{}
	if q.looks("title") {
		titles, err := titleMatches(ctx, tx, q, where, args, limit)
		if err != nil {
			return nil, true, err
		}
		for k, r := range titles {
			seen[r.id] = true
			out = append(out, rankedRow{id: r.id, rank: -1e6 + float64(k)})
		}
	}
	return append(out, cheapRanks(newest, limit-len(out), seen)...), true, nil
}

// commonWindow is how many of the newest articles (by id) the commonness
// of an article query is judged on.
var commonWindow int64 = 5000

// commonInWindow tells whether a query matches commonAt articles or
// more, judged on the newest commonWindow of them (a library that small
// is counted exactly), and lists the newest limit matches. Counting up to
// commonAt from the newest instead read, for a phrase of two frequent
// words (one article in ten has "the people"), the positions of both in
// ten thousand bodies.
func commonInWindow(ctx context.Context, tx *txn, match, where string, args []any, limit int) (bool, []rankedRow, error) {
	var top int64
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM articles").Scan(&top); err != nil {
		return false, nil, err
	}
	from := top - commonWindow
	if from <= 0 { // every article is in the window: count
		n, newest, err := newestMatches(ctx, tx, "article_fts", match, where, args, limit)
		return n >= commonAt, newest, err
	}
	// Common when the window's share of matches, over the whole id range,
	// reaches commonAt: counting stops at that share.
	need := int((int64(commonAt)*commonWindow + top - 1) / top)
	n, newest, err := newestUpTo(ctx, tx, "article_fts", match, where+" AND rowid > ?", append(slices.Clone(args), from), need, limit)
	if err != nil {
		return false, nil, err
	}
	if n < need {
		return false, nil, nil
	}
	if len(newest) < limit { // common, but too few in the window to list
		_, newest, err = newestMatches(ctx, tx, "article_fts", match, where, args, limit)
	}
	return true, newest, err
}

// titleMatches lists the articles whose title or author has the words
// (title_fts), by bm25 or, when that match is common too, newest first.
// Excluded words are looked for in the whole article.
func titleMatches(ctx context.Context, tx *txn, q *Query, where string, args []any, limit int) ([]rankedRow, error) {
	match := q.positive
	if !q.looks("body") { // in:title: the author is not asked about
		match = "{title} : (" + q.positive + ")"
	}
	if excl, ok := strings.CutPrefix(q.FTS, "("+q.positive+") NOT ("); ok {
		where += " AND rowid NOT IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)"
		args = append(slices.Clone(args), "("+excl)
	}
	n, newest, err := newestMatches(ctx, tx, "title_fts", match, where, args, limit)
	if err != nil || n >= commonAt {
		return newest, err // a word in most titles: newest first
	}
	return rank(ctx, tx, `SELECT rowid, bm25(title_fts, 10.0, 4.0) AS r FROM title_fts WHERE title_fts MATCH ?`+where+` ORDER BY r LIMIT ?`,
		append(append([]any{match}, args...), limit)...)
}

type rankedRow struct {
	id   int64
	rank float64
}

func rank(ctx context.Context, tx *txn, q string, args ...any) ([]rankedRow, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []rankedRow
	for rows.Next() {
		var r rankedRow
		if err := rows.Scan(&r.id, &r.rank); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
