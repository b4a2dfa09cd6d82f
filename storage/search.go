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

// snippetWords is how many words a snippet shows.
const snippetWords = 14

// Search finds articles whose title, author, body, note or highlights match
// the query (see FTSQuery), best first, at most limit hits. Each index is
// ranked by bm25 first; the text of the hits kept is then read to make the
// snippets.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]Hit, error) {
	q, err := FTSQuery(query)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 50
	}
	terms := queryTerms(q)
	var hits []Hit
	err = s.read(ctx, "search", func(tx *txn) error {
		ranked := []struct {
			where, rank, text string
		}{
			{"body", `SELECT rowid, bm25(article_fts, 10.0, 4.0, 1.0) AS r FROM article_fts WHERE article_fts MATCH ? ORDER BY r LIMIT ?`,
				`SELECT a.title, b.body, 0, a.id FROM articles a JOIN bodies b ON b.article_id = a.id WHERE a.id = ?`},
			{"note", `SELECT rowid, bm25(note_fts) AS r FROM note_fts WHERE note_fts MATCH ? ORDER BY r LIMIT ?`,
				`SELECT a.title, n.note, 0, a.id FROM articles a JOIN notes n ON n.article_id = a.id WHERE a.id = ?`},
			{"highlight", `SELECT rowid, bm25(highlight_fts, 2.0, 2.0) AS r FROM highlight_fts WHERE highlight_fts MATCH ? ORDER BY r LIMIT ?`,
				`SELECT a.title, h.quote || char(10) || h.comment, h.id, a.id FROM highlights h JOIN articles a ON a.id = h.article_id WHERE h.id = ?`},
		}
		for _, r := range ranked {
			found, err := rank(ctx, tx, r.rank, q, limit)
			if err != nil {
				return err
			}
			for _, f := range found {
				h := Hit{Where: r.where, Rank: f.rank}
				var text string
				if err := tx.QueryRowContext(ctx, r.text, f.id).Scan(&h.Title, &text, &h.HighlightID, &h.ArticleID); err != nil {
					return err
				}
				h.Snippet = snippetOf(&h, text, terms)
				hits = append(hits, h)
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

type rankedRow struct {
	id   int64
	rank float64
}

func rank(ctx context.Context, tx *txn, q, match string, limit int) ([]rankedRow, error) {
	rows, err := tx.QueryContext(ctx, q, match, limit)
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
