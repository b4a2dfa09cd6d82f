package storage

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"io"
	"math"
	"runtime"
	"sync"
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

// readParts is how many parts a big read is cut into, each read on its own
// connection at once (at most one per CPU): FindItems' ID ranges, once the
// IDs span findMinSpan, and BundlesWithoutBodies' articles.
var (
	readParts         = min(4, runtime.NumCPU())
	findMinSpan int64 = 4096
)

// FindItems reads the fields the finder searches of every article and
// returns those keep accepts, in Summaries' order (most recently opened,
// then added, first). keep sees each row's fields and tags; it must not
// keep the tags slice (it is reused), but may keep the strings. keep is
// called from several goroutines at once.
//
// It is what `scholia find` needs instead of Summaries: at 100,000
// articles, building every Summary (and the finder's index of all of them)
// was most of the command's time, though at most a fraction can match. The
// rows are read from the SQLite driver directly: database/sql's locking
// and conversion per column were a tenth of the command's CPU. Stepping
// through 100,000 rows and their tags is then most of what is left, so the
// ID range is cut into parts read side by side, each in its own read
// transaction: an article and its tags are always read together, but a
// write landing between two parts' starts may be seen by one part only.
func (s *Store) FindItems(ctx context.Context, keep func(title, source, author string, tags []string) bool) ([]FindItem, error) {
	var lo, hi sql.NullInt64
	if err := s.rdb.QueryRowContext(ctx, "SELECT min(id), max(id) FROM articles").Scan(&lo, &hi); err != nil {
		return nil, wrap("list articles", err)
	}
	if !lo.Valid {
		return nil, nil
	}
	n := max(1, readParts)
	if hi.Int64-lo.Int64 < findMinSpan {
		n = 1 // not worth a second connection
	}
	step := (hi.Int64-lo.Int64)/int64(n) + 1
	parts := make([]foundPart, n)
	var wg sync.WaitGroup
	for k := range parts {
		// The outer parts are open-ended: an article added since min and
		// max were read still falls in one.
		from, to := lo.Int64+int64(k)*step, lo.Int64+int64(k+1)*step-1
		if k == 0 {
			from = math.MinInt64
		}
		if k == n-1 {
			to = math.MaxInt64
		}
		wg.Go(func() { parts[k] = s.findRange(ctx, from, to, keep) })
	}
	wg.Wait()
	total := 0
	for _, p := range parts {
		if p.err != nil {
			return nil, wrap("list articles", p.err)
		}
		total += len(p.items)
	}
	keys := make([]recency, 0, total)
	all := make([]FindItem, 0, total)
	for _, p := range parts {
		for _, k := range p.keys {
			k.at += int32(len(all))
			keys = append(keys, k)
		}
		all = append(all, p.items...)
	}
	sortRecent(keys)
	sorted := make([]FindItem, len(all))
	for i, k := range keys {
		sorted[i] = all[k.at]
	}
	return sorted, nil
}

// foundPart is what one ID range gave: the kept items in ID order and
// their recency keys.
type foundPart struct {
	items []FindItem
	keys  []recency
	err   error
}

// findRange reads the articles with IDs from..to (inclusive) on a
// connection of its own, in one read transaction.
func (s *Store) findRange(ctx context.Context, from, to int64, keep func(title, source, author string, tags []string) bool) (p foundPart) {
	conn, err := s.rdb.Conn(ctx)
	if err != nil {
		return foundPart{err: err}
	}
	defer conn.Close()
	p.err = conn.Raw(func(dc any) error {
		sc, ok := dc.(*sqlite3.SQLiteConn)
		if !ok {
			return fmt.Errorf("unexpected driver connection %T", dc)
		}
		tx, err := sc.BeginTx(ctx, driver.TxOptions{ReadOnly: true})
		if err != nil {
			return err
		}
		defer tx.Rollback()
		p.items, p.keys, err = findItems(ctx, sc, from, to, keep)
		return err
	})
	return p
}

func findItems(ctx context.Context, sc *sqlite3.SQLiteConn, from, to int64, keep func(title, source, author string, tags []string) bool) ([]FindItem, []recency, error) {
	names, err := driverTagNames(ctx, sc)
	if err != nil {
		return nil, nil, err
	}
	span := []driver.NamedValue{{Ordinal: 1, Value: from}, {Ordinal: 2, Value: to}}
	rows, err := sc.QueryContext(ctx, "SELECT id, title, source, author, added, opened FROM articles WHERE id BETWEEN ?1 AND ?2 ORDER BY id", span)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	// Tags come from a second cursor merged by article ID, as in
	// Summaries: one row per tagged article.
	trows, err := sc.QueryContext(ctx, `SELECT article_id, group_concat(tag_id) FROM article_tags
		WHERE article_id BETWEEN ?1 AND ?2 GROUP BY article_id ORDER BY article_id`, span)
	if err != nil {
		return nil, nil, err
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
		return nil, nil, err
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
			return nil, nil, err
		}
		id, _ := row[0].(int64)
		title, _ := row[1].(string)
		source, _ := row[2].(string)
		author, _ := row[3].(string)
		added, _ := row[4].(int64)
		opened, _ := row[5].(int64)
		if id <= lastID {
			return nil, nil, fmt.Errorf("articles read out of ID order (%d after %d)", id, lastID)
		}
		lastID = id
		for tagged && trow[0].(int64) < id {
			if tagged, err = nextTag(); err != nil {
				return nil, nil, err
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
	return out, keys, nil
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
