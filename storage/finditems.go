package storage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
)

// FindItem is an article as `scholia find` matches it: the fields the
// finder searches (Tags in the order Summaries gives them).
type FindItem struct {
	ID                    int64
	Title, Source, Author string
	Tags                  []string
}

// FindItems reads the fields the finder searches of every article and
// returns those keep accepts, in Summaries' order (most recently opened,
// then added, first). keep sees the raw bytes of each row, valid only
// during the call, and the article's tags (shared strings, also only to be
// read during the call); only the rows it accepts become strings.
//
// It is what `scholia find` needs instead of Summaries: at 100,000
// articles, building every Summary (and the finder's index of all of them)
// was most of the command's time, though at most a few thousand can match.
func (s *Store) FindItems(ctx context.Context, keep func(title, source, author []byte, tags []string) bool) ([]FindItem, error) {
	var out []FindItem
	err := s.read(ctx, "list articles", func(tx *txn) error {
		names, err := loadTagNames(ctx, tx)
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT id, title, source, author, added, opened FROM articles ORDER BY id")
		if err != nil {
			return err
		}
		defer rows.Close()
		// Tags come from a second cursor merged by article ID, as in
		// Summaries: one row per tagged article.
		trows, err := tx.QueryContext(ctx, "SELECT article_id, group_concat(tag_id) FROM article_tags GROUP BY article_id ORDER BY article_id")
		if err != nil {
			return err
		}
		defer trows.Close()
		tagged, tagID := trows.Next(), int64(0)
		var tagIDs sql.RawBytes
		if tagged {
			if err := trows.Scan(&tagID, &tagIDs); err != nil {
				return err
			}
		}
		var keys []recency
		var arena tagArena
		var title, source, author sql.RawBytes
		lastID := int64(-1 << 63)
		for rows.Next() {
			var id, added, opened int64
			if err := rows.Scan(&id, &title, &source, &author, &added, &opened); err != nil {
				return err
			}
			if id <= lastID {
				return fmt.Errorf("articles read out of ID order (%d after %d)", id, lastID)
			}
			lastID = id
			for tagged && tagID < id {
				if tagged = trows.Next(); tagged {
					if err := trows.Scan(&tagID, &tagIDs); err != nil {
						return err
					}
				}
			}
			var tags []string
			if tagged && tagID == id {
				tags = arena.tags(tagIDs, names)
			}
			if !keep(title, source, author, tags) {
				if len(tags) > 0 {
					arena.block = arena.block[:len(arena.block)-len(tags)] // reuse the unkept tags' room
				}
				continue
			}
			keys = append(keys, recency{opened, added, id, int32(len(out))})
			out = append(out, FindItem{ID: id, Title: string(title), Source: string(source), Author: string(author), Tags: tags})
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if err := trows.Err(); err != nil {
			return err
		}
		slices.SortFunc(keys, func(x, y recency) int {
			switch {
			case x.before(y):
				return -1
			case y.before(x):
				return 1
			}
			return 0
		})
		sorted := make([]FindItem, len(out))
		for i, k := range keys {
			sorted[i] = out[k.at]
		}
		out = sorted
		return nil
	})
	return out, err
}

// SummariesOf loads the summaries of the given articles, in the order of
// ids, exactly as Summaries would give them (tags in the same order);
// unknown IDs are left out. It is what `scholia find --json` prints for its
// few matches, without loading every summary.
func (s *Store) SummariesOf(ctx context.Context, ids []int64) ([]Summary, error) {
	byID := make(map[int64]Summary, len(ids))
	err := s.read(ctx, "list articles", func(tx *txn) error {
		names, err := loadTagNames(ctx, tx)
		if err != nil {
			return err
		}
		var arena tagArena
		for start := 0; start < len(ids); start += 500 {
			chunk := ids[start:min(start+500, len(ids))]
			in := make([]byte, 0, 2*len(chunk))
			args := make([]any, len(chunk))
			for i, id := range chunk {
				if i > 0 {
					in = append(in, ',')
				}
				in = append(in, '?')
				args[i] = id
			}
			if err := summariesIn(ctx, tx, string(in), args, names, &arena, byID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]Summary, 0, len(ids))
	for _, id := range ids {
		if sm, ok := byID[id]; ok {
			out = append(out, sm)
		}
	}
	return out, nil
}

func summariesIn(ctx context.Context, tx *txn, in string, args []any, names tagNames, arena *tagArena, byID map[int64]Summary) error {
	rows, err := tx.Tx.QueryContext(ctx, `SELECT id, title, author, source, url, published, added, opened, highlights FROM articles WHERE id IN (`+in+`)`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var sm Summary
		var added, opened int64
		if err := rows.Scan(&sm.ID, &sm.Title, &sm.Author, &sm.Source, &sm.URL, &sm.Published, &added, &opened, &sm.Highlights); err != nil {
			return err
		}
		sm.Added, sm.Opened = fromMillis(added), fromMillis(opened)
		byID[sm.ID] = sm
	}
	if err := rows.Err(); err != nil {
		return err
	}
	trows, err := tx.Tx.QueryContext(ctx, `SELECT article_id, group_concat(tag_id) FROM article_tags WHERE article_id IN (`+in+`) GROUP BY article_id`, args...)
	if err != nil {
		return err
	}
	defer trows.Close()
	for trows.Next() {
		var id int64
		var list sql.RawBytes
		if err := trows.Scan(&id, &list); err != nil {
			return err
		}
		if sm, ok := byID[id]; ok {
			sm.Tags = arena.tags(list, names)
			byID[id] = sm
		}
	}
	return trows.Err()
}
