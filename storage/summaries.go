package storage

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Summaries lists the articles without reading any body: most recently
// opened first, then most recently added. With a tag, only articles carrying
// it (case-insensitive).
//
// It is the whole cost of `scholia list` and `scholia find` and of the
// window's first list at 100,000 articles, so it does little per row: one
// pass over the articles merged with one over article_tags grouped by
// article (a row per tagged article, not per tag), tag names shared from
// one small table, tag slices cut from a few big arrays, and only the
// recency keys sorted.
func (s *Store) Summaries(ctx context.Context, tag string) ([]Summary, error) {
	return s.summaries(ctx, tag, "a.url")
}

// ListedSummaries is Summaries without the URLs (URL is ""), which the
// window's list does not show: at 100,000 articles they are 7 MB of the
// window's memory.
func (s *Store) ListedSummaries(ctx context.Context, tag string) ([]Summary, error) {
	return s.summaries(ctx, tag, "''")
}

func (s *Store) summaries(ctx context.Context, tag, url string) ([]Summary, error) {
	var out []Summary
	err := s.read(ctx, "list articles", func(tx *txn) error {
		names, err := loadTagNames(ctx, tx)
		if err != nil {
			return err
		}
		q := `SELECT a.id, a.title, a.author, a.source, ` + url + `, a.published, a.added, a.opened, a.highlights FROM articles a`
		args := []any{}
		if tag != "" {
			q += ` WHERE a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ?)`
			args = append(args, tag)
		}
		q += " ORDER BY a.id" // the table's own order: no sort, and the merge below needs it
		// Read in table order and sort here: ORDER BY recency would walk the recency
		// index and fetch each row from the table at random, which costs far
		// more than sorting 100,000 keys in memory.
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM articles").Scan(&n); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		// Each article's tag IDs come from a second cursor walking
		// article_tags in its key order, which is also the order the
		// articles table is read in: a merge, one row per tagged article.
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
		lastID := int64(-1 << 63)
		// Only the recency keys are sorted; the 170-byte summaries are then
		// put in that order in place (a second array would be 17 MB more at
		// the window's peak).
		read := make([]Summary, 0, n)
		keys := make([]recency, 0, n)
		var arena tagArena
		for rows.Next() {
			var sm Summary
			var added, opened int64
			if err := rows.Scan(&sm.ID, &sm.Title, &sm.Author, &sm.Source, &sm.URL, &sm.Published, &added, &opened, &sm.Highlights); err != nil {
				return err
			}
			if sm.ID <= lastID {
				return fmt.Errorf("articles read out of ID order (%d after %d)", sm.ID, lastID)
			}
			lastID = sm.ID
			for tagged && tagID < sm.ID {
				if tagged = trows.Next(); tagged {
					if err := trows.Scan(&tagID, &tagIDs); err != nil {
						return err
					}
				}
			}
			if tagged && tagID == sm.ID {
				sm.Tags = arena.tags(tagIDs, names)
			}
			sm.Added, sm.Opened = fromMillis(added), fromMillis(opened)
			keys = append(keys, recency{opened, added, sm.ID, int32(len(read))})
			read = append(read, sm)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if err := trows.Err(); err != nil {
			return err
		}
		sortRecent(keys)
		permute(read, keys)
		out = read
		return nil
	})
	return out, err
}

// recency orders the article list: last opened, then last added, then
// newest ID first. Plain integers sort much faster than time.Time.
type recency struct {
	opened, added, id int64
	at                int32 // where the summary was read
}

// sortRecent puts keys in list order: most recently opened first, then
// most recently added, then by id (before).
func sortRecent(keys []recency) {
	slices.SortFunc(keys, func(x, y recency) int {
		switch {
		case x.before(y):
			return -1
		case y.before(x):
			return 1
		}
		return 0
	})
}

func (x recency) before(y recency) bool {
	if x.opened != y.opened {
		return x.opened > y.opened
	}
	if x.added != y.added {
		return x.added > y.added
	}
	return x.id > y.id
}

// permute puts sums in the order of keys (sums[i] becomes the summary
// keys[i].at named) by following each cycle of the permutation, so every
// summary moves once and no second array is needed. It reuses keys[].at to
// mark the places already filled.
func permute(sums []Summary, keys []recency) {
	for i := range keys {
		if int(keys[i].at) == i {
			continue
		}
		held := sums[i]
		j := i
		for {
			k := int(keys[j].at)
			keys[j].at = int32(j)
			if k == i {
				sums[j] = held
				break
			}
			sums[j] = sums[k]
			j = k
		}
	}
}

// tagNames holds the library's tags by ID with each one's place in name
// order (case folded, as the list has always sorted them), so an article's tags are
// put in order by comparing integers.
type tagNames struct {
	name map[int64]string
	rank map[int64]int
}

func loadTagNames(ctx context.Context, tx *txn) (tagNames, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id, name FROM tags")
	if err != nil {
		return tagNames{}, err
	}
	defer rows.Close()
	var ids []int64
	var names []string
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return tagNames{}, err
		}
		ids, names = append(ids, id), append(names, name)
	}
	if err := rows.Err(); err != nil {
		return tagNames{}, err
	}
	return rankTagNames(ids, names), nil
}

// rankTagNames indexes the tags ids[i] named names[i].
func rankTagNames(ids []int64, names []string) tagNames {
	tn := tagNames{name: make(map[int64]string, len(ids)), rank: make(map[int64]int, len(ids))}
	for i, id := range ids {
		tn.name[id] = names[i]
	}
	slices.SortFunc(ids, func(a, b int64) int {
		if c := strings.Compare(strings.ToLower(tn.name[a]), strings.ToLower(tn.name[b])); c != 0 {
			return c
		}
		return strings.Compare(tn.name[a], tn.name[b])
	})
	for i, id := range ids {
		tn.rank[id] = i
	}
	return tn
}

// tagArena cuts articles' tag slices from shared blocks: one allocation
// per few thousand tags instead of one per article.
type tagArena struct {
	block []string
	ids   []int64
}

// tags turns a comma-separated list of tag IDs (group_concat's) into the
// names in tag order; nil for none. Each slice is capped at its length so
// appending to one article's tags never writes into the next one's.
func (ar *tagArena) tags(list []byte, tn tagNames) []string {
	if len(list) == 0 {
		return nil
	}
	ar.ids = ar.ids[:0]
	for len(list) > 0 {
		field := list
		if i := bytes.IndexByte(list, ','); i >= 0 {
			field, list = list[:i], list[i+1:]
		} else {
			list = nil
		}
		id, err := strconv.ParseInt(string(field), 10, 64)
		if _, ok := tn.name[id]; err == nil && ok {
			ar.ids = append(ar.ids, id)
		}
	}
	slices.SortFunc(ar.ids, func(a, b int64) int { return tn.rank[a] - tn.rank[b] })
	if len(ar.block)+len(ar.ids) > cap(ar.block) {
		ar.block = make([]string, 0, max(4096, len(ar.ids)))
	}
	start := len(ar.block)
	for _, id := range ar.ids {
		ar.block = append(ar.block, tn.name[id])
	}
	if len(ar.block) == start {
		return nil
	}
	return ar.block[start:len(ar.block):len(ar.block)]
}

// OldestFirst lists the IDs of the articles tagged tag (all of them for
// ""), least recently opened or added first: Summaries' order reversed, read
// from the recency index alone, which is all an export needs to pick its
// articles.
func (s *Store) OldestFirst(ctx context.Context, tag string) ([]int64, error) {
	var ids []int64
	err := s.read(ctx, "list articles", func(tx *txn) error {
		q := "SELECT a.id FROM articles a"
		var args []any
		if tag != "" {
			q += ` WHERE a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ?)`
			args = append(args, tag)
		}
		var err error
		ids, err = int64s(ctx, tx, q+" ORDER BY a.opened, a.added, a.id", args...)
		return err
	})
	return ids, err
}
