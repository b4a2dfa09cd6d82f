package storage

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// Backlink is a note or a highlight comment that links to an article with
// [[Title]] (or [[Title|text]]), as the notes panel and Obsidian write them.
type Backlink struct {
	ArticleID    int64  // the article whose note or highlight links
	ArticleTitle string //
	HighlightID  int64  // the highlight whose comment links; 0 for the article's note
	Text         string // the note or comment
}

// Backlinks lists the notes and comments that link to the article by its
// title, ignoring case: notes first, then comments, by article title. The
// article's own note is left out.
func (s *Store) Backlinks(ctx context.Context, articleID int64) ([]Backlink, error) {
	var out []Backlink
	err := s.read(ctx, fmt.Sprintf("backlinks of article %d", articleID), func(tx *txn) error {
		var title string
		if err := tx.QueryRowContext(ctx, "SELECT title FROM articles WHERE id = ?", articleID).Scan(&title); err != nil {
			return err
		}
		title = strings.TrimSpace(title)
		if title == "" {
			return nil
		}
		// LIKE narrows the rows (case-insensitive for ASCII); the exact
		// [[Title]] test below decides.
		pat := "%[[%" + likeEscape(title) + "%"
		rows, err := tx.QueryContext(ctx, `SELECT n.article_id, a.title, 0, n.note FROM notes n JOIN articles a ON a.id = n.article_id
			WHERE n.note LIKE ? ESCAPE '\' AND n.article_id <> ?
			UNION ALL
			SELECT h.article_id, a.title, h.id, h.comment FROM highlights h JOIN articles a ON a.id = h.article_id
			WHERE h.comment LIKE ? ESCAPE '\'`, pat, articleID, pat)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var b Backlink
			if err := rows.Scan(&b.ArticleID, &b.ArticleTitle, &b.HighlightID, &b.Text); err != nil {
				return err
			}
			if LinksTo(b.Text, title) {
				out = append(out, b)
			}
		}
		return rows.Err()
	})
	sort.SliceStable(out, func(i, j int) bool {
		if (out[i].HighlightID == 0) != (out[j].HighlightID == 0) {
			return out[i].HighlightID == 0
		}
		return strings.ToLower(out[i].ArticleTitle) < strings.ToLower(out[j].ArticleTitle)
	})
	return out, err
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// LinksTo reports whether text holds a [[title]] or [[title|…]] link
// (title compared ignoring case and surrounding spaces).
func LinksTo(text, title string) bool {
	for {
		i := strings.Index(text, "[[")
		if i < 0 {
			return false
		}
		text = text[i+2:]
		j := strings.Index(text, "]]")
		if j < 0 {
			return false
		}
		target, _, _ := strings.Cut(text[:j], "|")
		if !strings.ContainsAny(target, "[\n") && strings.EqualFold(strings.TrimSpace(target), title) {
			return true
		}
	}
}

// relinkTitle keeps [[Title]] links pointing at an article whose title
// changes: before the new title is stored, the notes and comments linking
// to the old one are rewritten to the new one, in the same transaction.
// When another article has the old title too, the links are ambiguous and
// left as they are.
func relinkTitle(ctx context.Context, tx *txn, id int64, newTitle string) error {
	var old string
	if err := tx.QueryRowContext(ctx, "SELECT title FROM articles WHERE id = ?", id).Scan(&old); err != nil {
		return err
	}
	old, newTitle = strings.TrimSpace(old), strings.TrimSpace(newTitle)
	if old == "" || newTitle == "" || old == newTitle || strings.ContainsAny(newTitle, "[]|\n") {
		return nil
	}
	var twins int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM articles WHERE id <> ? AND trim(title) = ? COLLATE NOCASE", id, old).Scan(&twins); err != nil {
		return err
	}
	if twins > 0 {
		return nil
	}
	pat := "%[[%" + likeEscape(old) + "%"
	type change struct {
		table string
		key   int64
		text  string
	}
	var changes []change
	for _, q := range []struct{ table, sql string }{
		{"notes", `SELECT article_id, note FROM notes WHERE note LIKE ? ESCAPE '\'`},
		{"highlights", `SELECT id, comment FROM highlights WHERE comment LIKE ? ESCAPE '\'`},
	} {
		rows, err := tx.QueryContext(ctx, q.sql, pat)
		if err != nil {
			return err
		}
		for rows.Next() {
			var c change
			if err := rows.Scan(&c.key, &c.text); err != nil {
				rows.Close()
				return err
			}
			if t := RelinkText(c.text, old, newTitle); t != c.text {
				c.table, c.text = q.table, t
				changes = append(changes, c)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	for _, c := range changes {
		q := "UPDATE notes SET note = ? WHERE article_id = ?"
		if c.table == "highlights" {
			q = "UPDATE highlights SET comment = ? WHERE id = ?"
		}
		if _, err := tx.ExecContext(ctx, q, c.text, c.key); err != nil {
			return err
		}
	}
	return nil
}

// RelinkText rewrites the [[old]] and [[old|shown]] links in text to
// [[new]] / [[new|shown]], old compared ignoring case; the rest of the text
// is untouched.
func RelinkText(text, old, new string) string {
	var b strings.Builder
	rest := text
	changed := false
	for {
		i := strings.Index(rest, "[[")
		if i < 0 {
			break
		}
		j := strings.Index(rest[i+2:], "]]")
		if j < 0 {
			break
		}
		inner := rest[i+2 : i+2+j]
		target, shown, hasShown := strings.Cut(inner, "|")
		b.WriteString(rest[:i+2])
		if !strings.ContainsAny(target, "[\n") && strings.EqualFold(strings.TrimSpace(target), old) {
			b.WriteString(new)
			if hasShown {
				b.WriteString("|" + shown)
			}
			changed = true
		} else {
			b.WriteString(inner)
		}
		b.WriteString("]]")
		rest = rest[i+2+j+2:]
	}
	if !changed {
		return text
	}
	b.WriteString(rest)
	return b.String()
}
