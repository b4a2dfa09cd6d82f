package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"scholia/storage/safetext"
)

// TagCount is a tag with the number of articles and highlights carrying it.
type TagCount struct {
	Name       string
	Articles   int
	Highlights int
}

// CleanTag trims a tag name, folds inner whitespace to single spaces and
// drops control characters and bidi overrides (a tag is printed on one line
// of a terminal and a sidebar). An empty result means the name is not a
// usable tag.
func CleanTag(name string) string {
	return safetext.Meta(name)
}

// tagID returns the id of the tag with that name, creating it if needed.
func tagID(ctx context.Context, tx *txn, name string) (int64, error) {
	// A batch import tags thousands of articles with the same few tags:
	// remember them for the transaction (names compare case-insensitively).
	key := strings.ToLower(name)
	if id, ok := tx.tags[key]; ok {
		return id, nil
	}
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM tags WHERE name = ?", name).Scan(&id)
	if err == sql.ErrNoRows {
		var res sql.Result
		if res, err = tx.ExecContext(ctx, "INSERT INTO tags (name) VALUES (?)", name); err == nil {
			id, err = res.LastInsertId()
		}
	}
	if err != nil {
		return 0, err
	}
	if tx.tags == nil {
		tx.tags = map[string]int64{}
	}
	tx.tags[key] = id
	return id, nil
}

// tagLink names the table that attaches tags to one kind of thing.
type tagLink struct {
	owner  string // the table of the tagged things: articles or highlights
	table  string // article_tags or highlight_tags
	column string // article_id or highlight_id
}

var (
	articleTagLink   = tagLink{"articles", "article_tags", "article_id"}
	highlightTagLink = tagLink{"highlights", "highlight_tags", "highlight_id"}
)

func addArticleTags(ctx context.Context, tx *txn, articleID int64, names []string) error {
	return addTags(ctx, tx, articleTagLink, articleID, names)
}

func addHighlightTags(ctx context.Context, tx *txn, highlightID int64, names []string) error {
	return addTags(ctx, tx, highlightTagLink, highlightID, names)
}

func addTags(ctx context.Context, tx *txn, l tagLink, id int64, names []string) error {
	for _, n := range names {
		n = CleanTag(n)
		if n == "" {
			continue
		}
		tag, err := tagID(ctx, tx, n)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO "+l.table+" ("+l.column+", tag_id) VALUES (?, ?)", id, tag); err != nil {
			return err
		}
	}
	return nil
}

// changeTags adds and removes tags of one article or highlight; tags no
// longer used anywhere are deleted.
func changeTags(ctx context.Context, tx *txn, l tagLink, id int64, add, remove []string) error {
	if err := exists(ctx, tx, l.owner, id); err != nil {
		return err
	}
	if err := addTags(ctx, tx, l, id, add); err != nil {
		return err
	}
	for _, n := range remove {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+l.table+" WHERE "+l.column+` = ?
			AND tag_id = (SELECT id FROM tags WHERE name = ?)`, id, CleanTag(n)); err != nil {
			return err
		}
	}
	return pruneTags(ctx, tx)
}

// ChangeArticleTags adds and removes tags of one article in one transaction.
// Tags no longer used anywhere are deleted.
func (s *Store) ChangeArticleTags(ctx context.Context, articleID int64, add, remove []string) error {
	return s.write(ctx, fmt.Sprintf("tag article %d", articleID), func(tx *txn) error {
		return changeTags(ctx, tx, articleTagLink, articleID, add, remove)
	})
}

// ChangeHighlightTags adds and removes tags of one highlight.
func (s *Store) ChangeHighlightTags(ctx context.Context, highlightID int64, add, remove []string) error {
	return s.write(ctx, fmt.Sprintf("tag highlight %d", highlightID), func(tx *txn) error {
		return changeTags(ctx, tx, highlightTagLink, highlightID, add, remove)
	})
}

func pruneTags(ctx context.Context, tx *txn) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM article_tags)
		AND id NOT IN (SELECT tag_id FROM highlight_tags)`)
	return err
}

// Tags lists every tag with its counts, by name.
func (s *Store) Tags(ctx context.Context) ([]TagCount, error) {
	var out []TagCount
	err := s.read(ctx, "list tags", func(tx *txn) error {
		rows, err := tx.QueryContext(ctx, `SELECT t.name,
				(SELECT count(*) FROM article_tags at WHERE at.tag_id = t.id),
				(SELECT count(*) FROM highlight_tags ht WHERE ht.tag_id = t.id)
			FROM tags t ORDER BY t.name COLLATE NOCASE`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var tc TagCount
			if err := rows.Scan(&tc.Name, &tc.Articles, &tc.Highlights); err != nil {
				return err
			}
			out = append(out, tc)
		}
		return rows.Err()
	})
	return out, err
}

func articleTags(ctx context.Context, tx *txn, articleID int64) ([]string, error) {
	return names(ctx, tx, `SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
		WHERE at.article_id = ? ORDER BY t.name COLLATE NOCASE`, articleID)
}

func highlightTags(ctx context.Context, tx *txn, highlightID int64) ([]string, error) {
	return names(ctx, tx, `SELECT t.name FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id
		WHERE ht.highlight_id = ? ORDER BY t.name COLLATE NOCASE`, highlightID)
}

func names(ctx context.Context, tx *txn, q string, args ...any) ([]string, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}
