package storage

import (
	"context"
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

// FTSQuery turns what a user typed into a safe FTS5 query: every word is a
// quoted string (so quotes, parentheses, colons, minus signs and keywords
// are plain text), "double-quoted phrases" stay phrases, a trailing * keeps
// prefix search, and OR between words is kept as the operator.
func FTSQuery(input string) (string, error) {
	var parts []string
	rs := []rune(input)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '"':
			j := i + 1
			for j < len(rs) && rs[j] != '"' {
				j++
			}
			if phrase := words(string(rs[i+1 : min(j, len(rs))])); phrase != "" {
				parts = append(parts, quote(phrase))
			}
			i = j + 1
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '"' {
				j++
			}
			tok := string(rs[i:j])
			i = j
			if tok == "OR" {
				if len(parts) > 0 && parts[len(parts)-1] != "OR" {
					parts = append(parts, "OR")
				}
				continue
			}
			prefix := strings.HasSuffix(tok, "*")
			w := words(tok)
			if w == "" {
				continue
			}
			q := quote(w)
			if prefix && !strings.Contains(w, " ") {
				q += "*"
			}
			parts = append(parts, q)
		}
	}
	for len(parts) > 0 && parts[len(parts)-1] == "OR" {
		parts = parts[:len(parts)-1]
	}
	if len(parts) == 0 {
		return "", ErrBadQuery
	}
	return strings.Join(parts, " "), nil
}

// words keeps the letters and digits of s (what the tokenizer indexes),
// separated by single spaces.
func words(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.Is(unicode.Mn, r)
	}), " ")
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// Search finds articles whose title, author, body, note or highlights match
// the query (see FTSQuery), best first, at most limit hits.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]Hit, error) {
	q, err := FTSQuery(query)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 50
	}
	var hits []Hit
	err = s.read(ctx, "search", func(tx *txn) error {
		// Each query returns two candidate texts: the first (title, or a
		// highlight's comment) wins when the words were found in it.
		queries := []struct{ first, second, sql string }{
			{"note", "note", `SELECT f.rowid, a.title, 0, '', snippet(note_fts, 0, ?2, ?3, '…', 12), bm25(note_fts)
				FROM note_fts f JOIN articles a ON a.id = f.rowid
				WHERE note_fts MATCH ?1 ORDER BY rank LIMIT ?4`},
			{"highlight", "highlight", `SELECT h.article_id, a.title, h.id, snippet(highlight_fts, 1, ?2, ?3, '…', 12),
					snippet(highlight_fts, 0, ?2, ?3, '…', 12), bm25(highlight_fts, 2.0, 2.0)
				FROM highlight_fts f JOIN highlights h ON h.id = f.rowid JOIN articles a ON a.id = h.article_id
				WHERE highlight_fts MATCH ?1 ORDER BY rank LIMIT ?4`},
		}
		body, err := searchBodies(ctx, tx, q, limit)
		if err != nil {
			return err
		}
		hits = append(hits, body...)
		for _, qq := range queries {
			rows, err := tx.QueryContext(ctx, qq.sql, q, SnippetOpen, SnippetClose, limit)
			if err != nil {
				return err
			}
			for rows.Next() {
				var h Hit
				var first, second string
				if err := rows.Scan(&h.ArticleID, &h.Title, &h.HighlightID, &first, &second, &h.Rank); err != nil {
					rows.Close()
					return err
				}
				h.Where, h.Snippet = qq.second, second
				if strings.Contains(first, SnippetOpen) {
					h.Where = qq.first
					if qq.first != "title" || !strings.Contains(second, SnippetOpen) {
						h.Snippet = first
					}
				}
				hits = append(hits, h)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Rank < hits[j].Rank })
	if len(hits) > limit {
		hits = hits[:limit]
	}
	return hits, nil
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

// searchBodies ranks every article matching q but makes snippets only for
// the best limit: snippet() costs far more than ranking, and in one
// "ORDER BY rank LIMIT" query SQLite would make one for every match.
func searchBodies(ctx context.Context, tx *txn, q string, limit int) ([]Hit, error) {
	rows, err := tx.QueryContext(ctx, `SELECT rowid, bm25(article_fts, 10.0, 4.0, 1.0) AS r FROM article_fts
		WHERE article_fts MATCH ? ORDER BY r LIMIT ?`, q, limit)
	if err != nil {
		return nil, err
	}
	var hits []Hit
	for rows.Next() {
		var h Hit
		if err := rows.Scan(&h.ArticleID, &h.Rank); err != nil {
			rows.Close()
			return nil, err
		}
		hits = append(hits, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range hits {
		h := &hits[i]
		var title, body string
		err := tx.QueryRowContext(ctx, `SELECT a.title, highlight(article_fts, 0, ?2, ?3), snippet(article_fts, 2, ?2, ?3, '…', 12)
			FROM article_fts f JOIN articles a ON a.id = f.rowid WHERE article_fts MATCH ?1 AND f.rowid = ?4`,
			q, SnippetOpen, SnippetClose, h.ArticleID).Scan(&h.Title, &title, &body)
		if err != nil {
			return nil, err
		}
		h.Where, h.Snippet = "body", body
		if strings.Contains(title, SnippetOpen) {
			h.Where = "title"
			if !strings.Contains(body, SnippetOpen) {
				h.Snippet = title
			}
		}
	}
	return hits, nil
}
