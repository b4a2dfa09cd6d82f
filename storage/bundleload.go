package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
)

// bundleChunk is how many articles one set of batched queries loads: big
// enough that a 100k-article export makes a few dozen queries, small
// enough that the IDs' JSON stays a modest parameter.
var bundleChunk = 5000

// bundlePart is the fewest articles BundlesWithoutBodies gives a part of
// its own (and a connection).
var bundlePart = 2000

// BundlesWithoutBodies is Bundles without the articles' texts (Body and
// Markdown are "", Blocks nil) and without the highlights' context (Prefix
// and Suffix are ""): what a Markdown export needs, which prints notes and
// highlights but never the text around them, so 10,000 articles do not read
// 50 MB of bodies. Re-anchoring and the W3C selectors read Bundles.
func (s *Store) BundlesWithoutBodies(ctx context.Context, ids []int64) ([]Bundle, error) {
	// The articles are loaded in parts side by side, each in its own read
	// transaction (the export's highlights were most of its serial time);
	// each article is read whole by one part. Bundles, which backups use,
	// keeps one transaction for a consistent copy.
	n := max(1, min(readParts, len(ids)/bundlePart))
	size := (len(ids) + n - 1) / n
	parts := make([][]Bundle, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for k := range n {
		chunk := ids[min(len(ids), k*size):min(len(ids), (k+1)*size)]
		wg.Go(func() {
			errs[k] = s.read(ctx, "load articles", func(tx *txn) error {
				var err error
				parts[k], err = loadBundles(ctx, tx, chunk, false)
				return err
			})
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err // the first: one line, not one per part
		}
	}
	if n == 1 {
		return parts[0], nil
	}
	out := make([]Bundle, 0, len(ids))
	for _, p := range parts {
		out = append(out, p...)
	}
	return out, nil
}

// loadBundles loads the articles with those IDs, their tags, highlights and
// the highlights' tags with a handful of queries per bundleChunk articles
// (the IDs go in as one JSON array), not a few per article and highlight.
// The result is in the order of ids; a missing ID is ErrNotFound.
func loadBundles(ctx context.Context, tx *txn, ids []int64, withBody bool) ([]Bundle, error) {
	out := make([]Bundle, 0, len(ids))
	for start := 0; start < len(ids); start += bundleChunk {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		chunk := ids[start:min(len(ids), start+bundleChunk)]
		byID, err := loadBundleChunk(ctx, tx, chunk, withBody)
		if err != nil {
			return nil, err
		}
		for _, id := range chunk {
			b, ok := byID[id]
			if !ok {
				return nil, fmt.Errorf("article %d: %w", id, ErrNotFound)
			}
			out = append(out, *b)
		}
	}
	return out, nil
}

func loadBundleChunk(ctx context.Context, tx *txn, ids []int64, withBody bool) (map[int64]*Bundle, error) {
	js, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*Bundle, len(ids))
	// Without bodies the bodies table is not read at all (every article
	// has its row, so the join only ever added the texts).
	body, from := "'', '', x''", "articles a"
	if withBody {
		body, from = "b.body, b.markdown, b.blocks", "articles a JOIN bodies b ON b.article_id = a.id"
	}
	// a.highlights (the count kept with each article) sizes the
	// highlights slice once instead of growing it 50,000 appends at a time.
	rows, err := tx.QueryContext(ctx, `SELECT a.id, a.title, a.author, a.source, a.url, a.published, a.language, a.added, a.updated, a.opened,
			`+body+`, coalesce(n.note, ''), a.highlights
		FROM `+from+` LEFT JOIN notes n ON n.article_id = a.id
		WHERE a.id IN (SELECT value FROM json_each(?))`, string(js))
	if err != nil {
		return nil, err
	}
	nHighlights := 0
	for rows.Next() {
		var a Article
		var added, updated, opened int64
		var n int
		if err := rows.Scan(&a.ID, &a.Title, &a.Author, &a.Source, &a.URL, &a.Published, &a.Language,
			&added, &updated, &opened, &a.Body, &a.Markdown, &a.Blocks, &a.Note, &n); err != nil {
			rows.Close()
			return nil, err
		}
		a.Added, a.Updated, a.Opened = fromMillis(added), fromMillis(updated), fromMillis(opened)
		if !withBody {
			a.Blocks = nil
		}
		byID[a.ID] = &Bundle{Article: a}
		nHighlights += max(n, 0)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// Tags in name order, as articleTags and highlightTags give them.
	err = eachPair(ctx, tx, `SELECT at.article_id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
		WHERE at.article_id IN (SELECT value FROM json_each(?)) ORDER BY at.article_id, t.name COLLATE NOCASE`, string(js),
		func(id int64, name string) {
			if b := byID[id]; b != nil {
				b.Article.Tags = append(b.Article.Tags, name)
			}
		})
	if err != nil {
		return nil, err
	}
	// A PDF paper's page starts, so exports cite a highlight's page.
	err = eachPair(ctx, tx, `SELECT article_id, starts FROM article_pages WHERE article_id IN (SELECT value FROM json_each(?))`, string(js),
		func(id int64, starts string) {
			if b := byID[id]; b != nil {
				b.Article.Pages = decodePages(starts)
			}
		})
	if err != nil {
		return nil, err
	}
	// Highlights in the order Bundles has always given them.
	where := `WHERE h.article_id IN (SELECT value FROM json_each(?)) ORDER BY h.article_id, h.orphaned, h.start_pos, h.end_pos, h.id`
	hs, err := scanHighlightRows(ctx, tx, withBody, make([]Highlight, 0, nHighlights), where, string(js))
	if err != nil {
		return nil, err
	}
	hIndex := make(map[int64]*Highlight, len(hs))
	for i := range hs {
		hIndex[hs[i].ID] = &hs[i]
	}
	err = eachPair(ctx, tx, `SELECT ht.highlight_id, t.name FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id
		JOIN highlights h ON h.id = ht.highlight_id
		WHERE h.article_id IN (SELECT value FROM json_each(?)) ORDER BY ht.highlight_id, t.name COLLATE NOCASE`, string(js),
		func(id int64, name string) {
			if h := hIndex[id]; h != nil {
				h.Tags = append(h.Tags, name)
			}
		})
	if err != nil {
		return nil, err
	}
	// hs is grouped by article: hand each bundle its run (capacity capped,
	// so an append to one bundle's highlights cannot overwrite the next).
	for i := 0; i < len(hs); {
		j := i
		for j < len(hs) && hs[j].ArticleID == hs[i].ArticleID {
			j++
		}
		if b := byID[hs[i].ArticleID]; b != nil {
			b.Highlights = hs[i:j:j]
		}
		i = j
	}
	return byID, nil
}

// eachPair runs q (one JSON array parameter) and calls fn with each row's
// (id, text).
func eachPair(ctx context.Context, tx *txn, q, arg string, fn func(id int64, s string)) error {
	rows, err := tx.QueryContext(ctx, q, arg)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var s string
		if err := rows.Scan(&id, &s); err != nil {
			return err
		}
		fn(id, s)
	}
	return rows.Err()
}
