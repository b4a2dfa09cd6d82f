package storage_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"scholia/storage"
)

// rankLibrary: 40 articles whose bodies repeat "harbour" a varying number
// of times at varying lengths (so bm25 orders them neither by id nor by
// count alone), some with the word in the title or author, and highlights.
func rankLibrary(t *testing.T) (*storage.Store, string, []storage.Article) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var as []storage.Article
	for i := range 40 {
		body := ""
		for k := range (i*7)%11 + 1 {
			body += fmt.Sprintf("The harbour froze in winter %d. ", k)
		}
		for range (i * 5) % 13 {
			body += "Ships waited by the grain stores of the old town for a thaw. "
		}
		if i%3 == 0 {
			body += "A pilot boat went out. "
		}
		a := storage.Article{Title: fmt.Sprintf("Dispatch %d", i), Body: body, Added: time.Unix(int64(1e9+i*1000), 0)}
		switch i % 10 {
		case 4:
			a.Title = fmt.Sprintf("The harbour in %d", 1900+i)
		case 7:
			a.Author = "Harbour Master"
		}
		if i == 8 {
			a.Tags = []string{"port"}
		}
		if err := s.CreateArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
		as = append(as, a)
		if i%4 == 1 {
			h := storage.Highlight{ArticleID: a.ID, Start: 4, End: 11, Quote: "harbour", Color: "green"}
			if i%8 == 1 {
				h.Comment = "which harbour?"
			}
			if err := s.CreateHighlight(ctx, &h); err != nil {
				t.Fatal(err)
			}
		}
	}
	return s, path, as
}

func bm25Order(t *testing.T, path, table, weights, match string) []int64 {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT rowid FROM `+table+` WHERE `+table+` MATCH ? ORDER BY bm25(`+table+weights+`), rowid`, match)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return ids
}

func articleOrder(hits []storage.Hit, where ...string) []int64 {
	var ids []int64
	for _, h := range hits {
		if !h.Under && (len(where) == 0 || slices.Contains(where, h.Where)) {
			ids = append(ids, h.ArticleID)
		}
	}
	return ids
}

// A query below the common threshold is ranked by full bm25 (weights 10,
// 4, 1 on title, author, body): Search's articles are bm25's top ones,
// in its order.
func TestSearchRanksByFullBM25BelowCommon(t *testing.T) {
	s, path, _ := rankLibrary(t)
	for _, query := range []string{"harbour", "harbour winter", `"harbour froze"`, "harb*", "harbour -pilot"} {
		q, err := storage.ParseQuery(query)
		if err != nil {
			t.Fatal(err)
		}
		for _, limit := range []int{5, 20} {
			hits, err := s.Search(context.Background(), query+" in:title in:body", limit)
			if err != nil {
				t.Fatal(err)
			}
			want := bm25Order(t, path, "article_fts", ", 10.0, 4.0, 1.0", q.FTS)
			want = want[:min(limit, len(want))]
			if got := articleOrder(hits); !slices.Equal(got, want) {
				t.Errorf("%q top %d: %v, bm25 says %v", query, limit, got, want)
			}
		}
	}
	// Highlights below the threshold: bm25 of the highlight index.
	hits, err := s.Search(context.Background(), "harbour in:highlights", 20)
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, h := range hits {
		got = append(got, h.HighlightID)
	}
	if want := bm25Order(t, path, "highlight_fts", ", 2.0, 2.0", `"harbour"`); !slices.Equal(got, want) {
		t.Errorf("highlights %v, bm25 says %v", got, want)
	}
}

// A common query (here: over 3 matches) intentionally is not ranked by
// full bm25: title and author matches first, by bm25 of the title index,
// then the other matches newest first; highlights newest first. The
// operators still combine with it.
func TestCommonQueryRanking(t *testing.T) {
	s, path, as := rankLibrary(t)
	ctx := context.Background()
	titled := bm25Order(t, path, "title_fts", ", 10.0, 4.0", `"harbour"`)
	if len(titled) != 8 {
		t.Fatalf("%d title or author matches, want 8", len(titled))
	}
	check := func(commonAt int, query string, excluded func(i int) bool, limit int) {
		t.Helper()
		defer storage.SetCommonAt(commonAt)()
		var want []int64
		for _, id := range titled {
			if !excluded(int(id - as[0].ID)) {
				want = append(want, id)
			}
		}
		if len(want) >= commonAt { // common in the titles too: newest first
			slices.Sort(want)
			slices.Reverse(want)
		}
		for i := len(as) - 1; i >= 0; i-- {
			if !excluded(i) && !slices.Contains(want, as[i].ID) {
				want = append(want, as[i].ID)
			}
		}
		want = want[:min(limit, len(want))]
		hits, err := s.Search(ctx, query+" in:title in:body", limit)
		if err != nil {
			t.Fatal(err)
		}
		if got := articleOrder(hits); !slices.Equal(got, want) {
			t.Errorf("%q: %v, want %v", query, got, want)
		}
	}
	none := func(int) bool { return false }
	for _, commonAt := range []int{4, 10} { // titles common too, or not
		check(commonAt, "harbour", none, 30)
		check(commonAt, "harbour -pilot", func(i int) bool { return i%3 == 0 }, 30)
		check(commonAt, "harbour", none, 5)
	}
	defer storage.SetCommonAt(4)()

	// in:title alone: the author is not asked about.
	hits, err := s.Search(ctx, "harbour in:title", 20)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hits {
		if h.Where != "title" {
			t.Errorf("in:title hit %+v", h)
		}
	}
	// A tag narrows the common path as it narrows bm25.
	hits, err = s.Search(ctx, "harbour tag:port", 20)
	if err != nil {
		t.Fatal(err)
	}
	if got := articleOrder(hits); !slices.Equal(got, []int64{as[8].ID}) {
		t.Errorf("harbour tag:port: %v", got)
	}
	// Highlights of a common query: newest first, under their articles.
	hits, err = s.Search(ctx, "harbour in:highlights", 20)
	if err != nil {
		t.Fatal(err)
	}
	var hl []int64
	for _, h := range hits {
		hl = append(hl, h.HighlightID)
	}
	if !slices.IsSortedFunc(hl, func(a, b int64) int { return int(b - a) }) || len(hl) != 10 {
		t.Errorf("common highlights %v, want all 10 newest first", hl)
	}
}

// An older library gets its title index on opening, and the index follows
// renames and deletions.
func TestTitleIndexMigratesAndFollowsEdits(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v8.db")
	db := libraryAt(t, path, 8)
	for i, title := range []string{"Harbour lights", "Grain prices", "Winter harbour"} {
		id := i + 1
		if _, err := db.Exec(`INSERT INTO articles (id, title, author, added, updated, body_hash) VALUES (?, ?, '', ?, ?, ?)`, id, title, id*1000, id*1000, fmt.Sprint("h", id)); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`INSERT INTO bodies (article_id, body) VALUES (?, 'The harbour and the grain.')`, id); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`INSERT INTO article_fts (rowid, title, author, body) VALUES (?, ?, '', 'The harbour and the grain.')`, id, title); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer storage.SetCommonAt(1)()
	titles := func(query string) []int64 {
		t.Helper()
		hits, err := s.Search(ctx, query, 10)
		if err != nil {
			t.Fatal(err)
		}
		return articleOrder(hits, "title")
	}
	if got := titles("harbour"); !slices.Equal(got, []int64{3, 1}) {
		t.Errorf("title hits after the migration: %v, want [3 1]", got)
	}
	a, err := s.Article(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	a.Title = "Harbour grain"
	if err := s.UpdateArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteArticle(ctx, 3); err != nil {
		t.Fatal(err)
	}
	fresh := storage.Article{Title: "A new harbour", Body: "Built in the grain year."}
	if err := s.CreateArticle(ctx, &fresh); err != nil {
		t.Fatal(err)
	}
	if got := titles("harbour"); !slices.Equal(got, []int64{fresh.ID, 2, 1}) {
		t.Errorf("title hits after rename, delete and add: %v, want [%d 2 1]", got, fresh.ID)
	}
	s.Close()
	checkIntegrity(t, path)
}

// In a library larger than the window, commonness is estimated from the
// newest articles: a word in all of them is common, one in a third is not
// and keeps full bm25.
func TestCommonnessJudgedOnTheNewest(t *testing.T) {
	s, path, _ := rankLibrary(t)
	defer storage.SetCommonWindow(10)()
	defer storage.SetCommonAt(20)()
	ctx := context.Background()
	hits, err := s.Search(ctx, "harbour in:title in:body", 40)
	if err != nil {
		t.Fatal(err)
	}
	titled := bm25Order(t, path, "title_fts", ", 10.0, 4.0", `"harbour"`)
	if got := articleOrder(hits)[:len(titled)]; !slices.Equal(got, titled) {
		t.Errorf("common word: first %v, want the title matches %v", got, titled)
	}
	hits, err = s.Search(ctx, "pilot in:title in:body", 40)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := articleOrder(hits), bm25Order(t, path, "article_fts", ", 10.0, 4.0, 1.0", `"pilot"`); !slices.Equal(got, want) {
		t.Errorf("a word in a third: %v, want bm25's %v", got, want)
	}
	// A word only in the 10 newest of 50: 10 matches, under commonAt, but
	// judged common from the window, so newest first, not bm25's order.
	var lanterns []int64
	for i := range 10 {
		body := fmt.Sprintf("A lantern hung by door %d. ", i)
		for range (i * 3) % 7 {
			body += "The lantern swung. "
		}
		a := storage.Article{Title: fmt.Sprint("Night ", i), Body: body}
		if err := s.CreateArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
		lanterns = append([]int64{a.ID}, lanterns...)
	}
	hits, err = s.Search(ctx, "lantern in:title in:body", 40)
	if err != nil {
		t.Fatal(err)
	}
	if got := articleOrder(hits); !slices.Equal(got, lanterns) {
		t.Errorf("a word common in the window: %v, want newest first %v", got, lanterns)
	}
	if bm := bm25Order(t, path, "article_fts", ", 10.0, 4.0, 1.0", `"lantern"`); slices.Equal(bm, lanterns) {
		t.Errorf("bm25 order %v is newest first too: the case tells nothing", bm)
	}
}
