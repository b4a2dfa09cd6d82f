package storage

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// Hit is one full-text match: an article, where in it the words were found
// ("title", "body", "note" or "highlight"), and a snippet with the matched
// words between SnippetOpen and SnippetClose.
type Hit struct {
	ArticleID   int64
	Title       string
	Where       string
	HighlightID int64 // when Where is "highlight"
	Snippet     string
	Rank        float64 // bm25: lower is better
	// Under is set on a hit listed under its article's best hit (a note or
	// highlight that matched too); Search groups each article's hits.
	Under bool
}

// Snippet markers around matched words: control characters that never occur
// in stored text, so callers can style them without confusing them with the
// user's own brackets.
const (
	SnippetOpen  = "\x02"
	SnippetClose = "\x03"
)

// ErrBadQuery is returned for a query with nothing to search for.
var ErrBadQuery = fmt.Errorf("nothing to search for")

// FTSQuery turns what a user typed into a safe FTS5 query (see
// ParseQuery): every word is a quoted string (so quotes, parentheses,
// colons, minus signs and keywords are plain text), "double-quoted phrases"
// stay phrases, a trailing * keeps prefix search, OR between words is kept
// as the operator and -word excludes. Operators (tag:, color:, …) are not
// part of the result; a query of operators alone is ErrBadQuery here.
func FTSQuery(input string) (string, error) {
	q, err := ParseQuery(input)
	if err != nil {
		return "", err
	}
	if q.FTS == "" {
		return "", ErrBadQuery
	}
	return q.FTS, nil
}

// words keeps the letters and digits of s (what the tokenizer indexes),
// separated by single spaces.
func words(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.Is(unicode.Mn, r)
	}), " ")
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// snippetWords is how many words a snippet shows.
const snippetWords = 14

// Search finds articles whose title, author, body, note or highlights match
// the query (see ParseQuery), best first, at most limit hits. Each index is
// ranked by bm25 first; the text of the hits kept is then read to make the
// snippets. A search runs at most SearchTimeout: SQLite is interrupted then
// and ErrSearchTimeout returned.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]Hit, error) {
	q, err := ParseQuery(query)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 50
	}
	ctx, cancel := context.WithTimeout(ctx, SearchTimeout)
	defer cancel()
	var hits []Hit
	err = s.read(ctx, "search", func(tx *txn) error {
		var err error
		if q.FTS == "" {
			hits, err = filtered(ctx, tx, &q, limit)
		} else {
			hits, err = ranked(ctx, tx, &q, limit)
		}
		return err
	})
	if err != nil {
		if ctx.Err() != nil && !errors.Is(context.Cause(ctx), context.Canceled) {
			return nil, ErrSearchTimeout
		}
		return nil, err
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Rank < hits[j].Rank })
	if len(hits) > limit {
		hits = hits[:limit]
	}
	return groupHits(hits), nil
}

// groupHits orders ranked hits by article: each article where its best hit
// ranks, its other hits (notes, highlights) right under it, best first.
func groupHits(hits []Hit) []Hit {
	byArticle := map[int64][]Hit{}
	var order []int64
	for _, h := range hits {
		if _, ok := byArticle[h.ArticleID]; !ok {
			order = append(order, h.ArticleID)
		}
		byArticle[h.ArticleID] = append(byArticle[h.ArticleID], h)
	}
	out := make([]Hit, 0, len(hits))
	for _, id := range order {
		for k, h := range byArticle[id] {
			h.Under = k > 0
			out = append(out, h)
		}
	}
	return out
}

// commonAt is how many matching articles make a query common: ranking
// every match of a word found in most of 100k bodies by bm25 costs more
// than the whole search may take, and tells the reader little.
var commonAt = 1000

// ranked searches each index the query looks in, ranked by bm25, keeps
// the best limit hits and reads the text only of those, for the snippets.
// A query matching more than commonAt article bodies is ranked cheaply:
// title matches first, then the newest articles.
func ranked(ctx context.Context, tx *txn, q *Query, limit int) ([]Hit, error) {
	terms := queryTerms(q.positive)
	artWhere, artArgs := q.articleFilter("rowid")
	hlWhere, hlArgs := q.highlightFilter()
	match := q.FTS
	switch title, body := q.looks("title"), q.looks("body"); {
	case title && !body:
		match = "{title} : (" + q.FTS + ")"
	case body && !title:
		match = "{author body} : (" + q.FTS + ")"
	}
	indexes := []struct {
		place, where, rank, text string
		args                     []any
	}{
		{"body", "body", `SELECT rowid, bm25(article_fts, 10.0, 4.0, 1.0) AS r FROM article_fts WHERE article_fts MATCH ?` + artWhere + ` ORDER BY r LIMIT ?`,
			`SELECT a.title, b.body, 0, a.id FROM articles a JOIN bodies b ON b.article_id = a.id WHERE a.id = ?`, artArgs},
		{"notes", "note", `SELECT rowid, bm25(note_fts) AS r FROM note_fts WHERE note_fts MATCH ?` + artWhere + ` ORDER BY r LIMIT ?`,
			`SELECT a.title, n.note, 0, a.id FROM articles a JOIN notes n ON n.article_id = a.id WHERE a.id = ?`, artArgs},
		{"highlights", "highlight", `SELECT rowid, bm25(highlight_fts, 2.0, 2.0) AS r FROM highlight_fts WHERE highlight_fts MATCH ?` + hlWhere + ` ORDER BY r LIMIT ?`,
			`SELECT a.title, h.quote || char(10) || h.comment, h.id, a.id FROM highlights h JOIN articles a ON a.id = h.article_id WHERE h.id = ?`, hlArgs},
	}
	type found struct {
		hit  Hit
		id   int64
		text string // the query reading its text
	}
	var all []found
	// common: the article index found the query common. A highlight's
	// quote is text of its article, so its highlights are then taken as
	// common too, without counting them: for a phrase of two frequent
	// words that count was the costliest statement of the search.
	common := false
	for _, ix := range indexes {
		m := q.FTS
		if ix.place == "body" {
			m = match
			if !q.looks("title") && !q.looks("body") {
				continue
			}
		} else if !q.looks(ix.place) {
			continue
		}
		var rows []rankedRow
		var err error
		if ix.place == "body" {
			rows, common, err = rankBodies(ctx, tx, ix.rank, m, q, artWhere, artArgs, limit)
		} else {
			rows, err = rankIndex(ctx, tx, ix.rank, ix.place, m, ix.args, limit, common)
		}
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			all = append(all, found{hit: Hit{Where: ix.where, Rank: r.rank}, id: r.id, text: ix.text})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].hit.Rank < all[j].hit.Rank })
	if len(all) > limit {
		all = all[:limit]
	}
	hits := make([]Hit, len(all))
	for k, f := range all {
		h := f.hit
		var text string
		if err := tx.QueryRowContext(ctx, f.text, f.id).Scan(&h.Title, &text, &h.HighlightID, &h.ArticleID); err != nil {
			return nil, err
		}
		h.Snippet = snippetOf(&h, text, terms)
		hits[k] = h
	}
	return hits, nil
}

// filtered lists what the operators alone select, newest first: highlights
// when the query is about highlights (a colour, is:orphaned, in:highlights),
// else articles.
func filtered(ctx context.Context, tx *txn, q *Query, limit int) ([]Hit, error) {
	var hits []Hit
	if len(q.Colors) > 0 || q.Orphaned || q.looks("highlights") && len(q.In) > 0 {
		where, args := q.highlightFilter()
		rows, err := tx.QueryContext(ctx, `SELECT h.id, h.article_id, a.title, h.quote FROM highlights h
			JOIN articles a ON a.id = h.article_id WHERE 1`+strings.ReplaceAll(where, "rowid", "h.id")+
			` ORDER BY h.created DESC, h.id DESC LIMIT ?`, append(args, limit)...)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			h := Hit{Where: "highlight", Rank: float64(len(hits))}
			var quote string
			if err := rows.Scan(&h.HighlightID, &h.ArticleID, &h.Title, &quote); err != nil {
				return nil, err
			}
			h.Snippet = strings.Join(strings.Fields(firstWords(quote, snippetWords)), " ")
			hits = append(hits, h)
		}
		return hits, rows.Err()
	}
	where, args := q.articleFilter("a.id")
	rows, err := tx.QueryContext(ctx, `SELECT a.id, a.title, substr(b.body, 1, 600) FROM articles a
		JOIN bodies b ON b.article_id = a.id WHERE 1`+where+` ORDER BY a.added DESC, a.id DESC LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		h := Hit{Where: "body", Rank: float64(len(hits))}
		var body string
		if err := rows.Scan(&h.ArticleID, &h.Title, &body); err != nil {
			return nil, err
		}
		h.Snippet = strings.Join(strings.Fields(firstWords(body, snippetWords)), " ")
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// articleDate is an article's day: its publication date, else when added.
const articleDate = `COALESCE(NULLIF(published, ''), date(added / 1000, 'unixepoch'))`

// articleFilter is the SQL (" AND …") and arguments narrowing article ids
// in column col to the query's operators.
func (q *Query) articleFilter(col string) (string, []any) {
	var b strings.Builder
	var args []any
	for _, t := range q.Tags {
		b.WriteString(" AND " + col + ` IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ?)`)
		args = append(args, t)
	}
	if q.Before != "" {
		b.WriteString(" AND " + col + " IN (SELECT id FROM articles WHERE " + articleDate + " < ?)")
		args = append(args, q.Before)
	}
	if q.After != "" {
		b.WriteString(" AND " + col + " IN (SELECT id FROM articles WHERE " + articleDate + " > ?)")
		args = append(args, q.After)
	}
	return b.String(), args
}

// highlightFilter narrows highlight ids (rowid) to the query's operators.
func (q *Query) highlightFilter() (string, []any) {
	var b strings.Builder
	var args []any
	for _, t := range q.Tags {
		b.WriteString(` AND (rowid IN (SELECT ht.highlight_id FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id WHERE t.name = ?)
			OR rowid IN (SELECT h.id FROM highlights h JOIN article_tags at ON at.article_id = h.article_id JOIN tags t ON t.id = at.tag_id WHERE t.name = ?))`)
		args = append(args, t, t)
	}
	art := Query{Before: q.Before, After: q.After}
	if w, a := art.articleFilter("h.article_id"); w != "" {
		b.WriteString(" AND rowid IN (SELECT h.id FROM highlights h WHERE 1" + w + ")")
		args = append(args, a...)
	}
	if len(q.Colors) > 0 || q.Orphaned {
		w, a := q.colorFilter()
		b.WriteString(" AND rowid IN (SELECT id FROM highlights WHERE 1" + w + ")")
		args = append(args, a...)
	}
	return b.String(), args
}

// colorFilter narrows a highlights row to the colours (key or label, any)
// and orphan state asked for.
func (q *Query) colorFilter() (string, []any) {
	var b strings.Builder
	var args []any
	if len(q.Colors) > 0 {
		b.WriteString(" AND color IN (SELECT key FROM colors WHERE lower(key) IN (" + marks(len(q.Colors)) + ") OR lower(name) IN (" + marks(len(q.Colors)) + "))")
		for range 2 {
			for _, c := range q.Colors {
				args = append(args, c)
			}
		}
	}
	if q.Orphaned {
		b.WriteString(" AND orphaned = 1")
	}
	return b.String(), args
}

func marks(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

// snippetOf picks the snippet for a hit and says more exactly where the
// words are: a body hit whose title matches is a title hit; a highlight's
// comment is shown when the words are there, else its quote.
func snippetOf(h *Hit, text string, terms []term) string {
	switch h.Where {
	case "body":
		if t := snippet(h.Title, terms, snippetWords); t != "" {
			h.Where = "title"
			if b := snippet(text, terms, snippetWords); b != "" {
				return b
			}
			return t
		}
	case "highlight":
		quote, comment, _ := strings.Cut(text, "\n")
		if c := snippet(comment, terms, snippetWords); c != "" {
			return c
		}
		text = quote
	}
	if sn := snippet(text, terms, snippetWords); sn != "" {
		return sn
	}
	// The index matched (e.g. on the author) but no word of text does.
	return strings.Join(strings.Fields(firstWords(text, snippetWords)), " ")
}

func firstWords(text string, n int) string {
	toks := tokenize(text)
	if len(toks) <= n {
		return text
	}
	return text[:toks[n].start] + "…"
}

// RawFTSCount runs an FTS5 query (already in FTS5 syntax) on the body index
// alone, ranked, and counts at most limit rows: the baseline Search is
// measured against.
func (s *Store) RawFTSCount(ctx context.Context, ftsQuery string, limit int) (int, error) {
	n := 0
	err := s.read(ctx, "raw search", func(tx *txn) error {
		rows, err := tx.QueryContext(ctx, "SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rank LIMIT ?", ftsQuery, limit)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			n++
		}
		return rows.Err()
	})
	return n, err
}
