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
