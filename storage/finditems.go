package storage

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"io"
	"unsafe"

	"github.com/mattn/go-sqlite3"
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
// then added, first). keep sees each row's fields and tags; it must not
// keep the tags slice (it is reused), but may keep the strings.
//
// It is what `scholia find` needs instead of Summaries: at 100,000
// articles, building every Summary (and the finder's index of all of them)
// was most of the command's time, though at most a fraction can match. The
// rows are read from the SQLite driver directly: database/sql's locking
// and conversion per column were a tenth of the command's CPU.
func (s *Store) FindItems(ctx context.Context, keep func(title, source, author string, tags []string) bool) ([]FindItem, error) {
	conn, err := s.rdb.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("storage: list articles: %w", err)
	}
	defer conn.Close()
	var out []FindItem
	err = conn.Raw(func(dc any) error {
		sc, ok := dc.(*sqlite3.SQLiteConn)
		if !ok {
			return fmt.Errorf("unexpected driver connection %T", dc)
		}
		tx, err := sc.BeginTx(ctx, driver.TxOptions{ReadOnly: true})
		if err != nil {
			return err
		}
		defer tx.Rollback()
		out, err = findItems(ctx, sc, keep)
		return err
	})
	if err != nil {
		return nil, wrap("list articles", err)
	}
	return out, nil
}

func findItems(ctx context.Context, sc *sqlite3.SQLiteConn, keep func(title, source, author string, tags []string) bool) ([]FindItem, error) {
	names, err := driverTagNames(ctx, sc)
	if err != nil {
		return nil, err
	}
	rows, err := sc.QueryContext(ctx, "SELECT id, title, source, author, added, opened FROM articles ORDER BY id", nil)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	// Tags come from a second cursor merged by article ID, as in
	// Summaries: one row per tagged article.
	trows, err := sc.QueryContext(ctx, "SELECT article_id, group_concat(tag_id) FROM article_tags GROUP BY article_id ORDER BY article_id", nil)
	if err != nil {
		return nil, err
	}
	defer trows.Close()
	trow := make([]driver.Value, 2)
	nextTag := func() (bool, error) {
		err := trows.Next(trow)
		if err == io.EOF {
			return false, nil
		}
		return err == nil, err
	}
	tagged, err := nextTag()
	if err != nil {
		return nil, err
	}
	var out []FindItem
	var keys []recency
	var arena tagArena
	row := make([]driver.Value, 6)
	lastID := int64(-1 << 63)
	for {
		if err := rows.Next(row); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		id, _ := row[0].(int64)
		title, _ := row[1].(string)
		source, _ := row[2].(string)
		author, _ := row[3].(string)
		added, _ := row[4].(int64)
		opened, _ := row[5].(int64)
		if id <= lastID {
			return nil, fmt.Errorf("articles read out of ID order (%d after %d)", id, lastID)
		}
		lastID = id
		for tagged && trow[0].(int64) < id {
			if tagged, err = nextTag(); err != nil {
				return nil, err
			}
		}
		var tags []string
		if tagged && trow[0].(int64) == id {
			list, _ := trow[1].(string)
			tags = arena.tags(unsafe.Slice(unsafe.StringData(list), len(list)), names)
		}
		if !keep(title, source, author, tags) {
			if len(tags) > 0 {
				arena.block = arena.block[:len(arena.block)-len(tags)] // reuse the unkept tags' room
			}
			continue
		}
		keys = append(keys, recency{opened, added, id, int32(len(out))})
		out = append(out, FindItem{ID: id, Title: title, Source: source, Author: author, Tags: tags})
	}
	sortRecent(keys)
	sorted := make([]FindItem, len(out))
	for i, k := range keys {
		sorted[i] = out[k.at]
	}
	return sorted, nil
}

// driverTagNames is loadTagNames on a driver connection.
func driverTagNames(ctx context.Context, sc *sqlite3.SQLiteConn) (tagNames, error) {
	rows, err := sc.QueryContext(ctx, "SELECT id, name FROM tags", nil)
	if err != nil {
		return tagNames{}, err
	}
	defer rows.Close()
	var ids []int64
	var nameOf []string
	row := make([]driver.Value, 2)
	for {
		if err := rows.Next(row); err == io.EOF {
			break
		} else if err != nil {
			return tagNames{}, err
		}
		id, _ := row[0].(int64)
		name, _ := row[1].(string)
		ids, nameOf = append(ids, id), append(nameOf, name)
	}
	return rankTagNames(ids, nameOf), nil
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
