package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"scholia/storage/doc"
)

// goSteps are the parts of migrations that SQL cannot express, by version.
// Each runs inside its migration's transaction, after the SQL file.
var goSteps = map[int]func(context.Context, *sql.Tx) error{
	4: migrateDocuments,
}

// migrateDocuments gives every body from before the document model its
// Markdown source (doc.Escape: the reading text of that Markdown is the old
// body, byte for byte) and its block list (one paragraph per "\n\n"
// paragraph, computed without parsing: doc.Plain equals the parse for
// these bodies, as storage/doc's tests check). Rows are read in batches by id so
// that no result set is open while the same transaction writes.
func migrateDocuments(ctx context.Context, tx *sql.Tx) error {
	upd, err := tx.PrepareContext(ctx, "UPDATE bodies SET markdown = ?, blocks = ? WHERE article_id = ?")
	if err != nil {
		return err
	}
	defer upd.Close()
	type row struct {
		id   int64
		body string
	}
	last := int64(-1 << 62)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT article_id, body FROM bodies WHERE article_id > ? ORDER BY article_id LIMIT 256", last)
		if err != nil {
			return err
		}
		var batch []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.id, &r.body); err != nil {
				rows.Close()
				return err
			}
			batch = append(batch, r)
		}
		if err := rows.Close(); err != nil {
			return err
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		for _, r := range batch {
			md, blocks := plainSource(r.body)
			if _, err := upd.ExecContext(ctx, md, blocks, r.id); err != nil {
				return fmt.Errorf("article %d: %w", r.id, err)
			}
		}
		last = batch[len(batch)-1].id
	}
}

// plainSource is the Markdown and block list of a plain-text body.
func plainSource(body string) (string, []byte) {
	return doc.Escape(body), doc.Encode(doc.Plain(body))
}

// derive fills in whichever of an article's body, Markdown and blocks the
// caller left out, so the three always agree:
//
//   - no Markdown: Body is plain text; its Markdown is doc.Escape(Body);
//   - Markdown and no Blocks: the Markdown is parsed for Body and Blocks;
//   - all three (an importer that parsed already): Blocks are checked
//     against Body and stored as given.
func derive(a *Article) error {
	switch {
	case a.Markdown == "":
		a.Markdown, a.Blocks = plainSource(a.Body)
	case a.Blocks == nil:
		d, err := doc.Parse(a.Markdown)
		if err != nil {
			return err
		}
		a.Body, a.Blocks = d.Text, doc.Encode(d)
	default:
		if _, err := doc.Decode(a.Blocks, a.Body); err != nil {
			return err
		}
	}
	return nil
}

// deriveEdit is derive for an edit, which is rare enough to always parse:
// a Markdown source must read as exactly the body the caller re-anchored
// the highlights on, or the edit is refused rather than stored torn.
func deriveEdit(a *Article) error {
	if a.Markdown == "" {
		a.Markdown, a.Blocks = plainSource(a.Body)
		return nil
	}
	d, err := doc.Parse(a.Markdown)
	if err != nil {
		return err
	}
	if d.Text != a.Body {
		return errors.New("the article text does not match its Markdown")
	}
	a.Blocks = doc.Encode(d)
	return nil
}
