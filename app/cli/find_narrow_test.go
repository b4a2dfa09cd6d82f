package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scholia/app/finder"
	"scholia/app/libgen"
	"scholia/storage"
	"scholia/storage/safetext"
)

// findBySummaries is `scholia find` as it was before the narrow loader:
// every summary loaded, then finder.Find over all of them. The narrow path
// must print exactly what it printed.
func findBySummaries(t *testing.T, s *storage.Store, pattern string, limit int, asJSON bool) string {
	t.Helper()
	sums, err := s.Summaries(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	items := make([]finder.Item, len(sums))
	for i, sm := range sums {
		items[i] = finder.Item{ID: sm.ID, Title: sm.Title, Source: sm.Source, Author: sm.Author, Tags: sm.Tags}
	}
	matches := finder.Find(context.Background(), items, pattern, limit)
	var b bytes.Buffer
	w := safetext.NewWriter(&b) // what Run writes through
	defer w.Flush()
	if asJSON {
		out := make([]summaryJSON, 0, len(matches))
		for _, m := range matches {
			out = append(out, toSummaryJSON(sums[m.Index]))
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			t.Fatal(err)
		}
		if len(out) > 0 {
			w.Flush()
			return b.String()
		}
	}
	bw := bufio.NewWriter(w)
	for _, m := range matches {
		sm := sums[m.Index]
		fmt.Fprintf(bw, "%6d  %s", sm.ID, line(sm.Title))
		if sm.Source != "" {
			fmt.Fprintf(bw, " — %s", line(sm.Source))
		}
		fmt.Fprintln(bw)
	}
	bw.Flush()
	w.Flush()
	return b.String()
}

func TestFindNarrowMatchesSummaries(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "lib.db")
	if err := libgen.Build(ctx, db, 3000); err != nil {
		t.Fatal(err)
	}
	s, err := storage.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	hostile := []storage.Article{
		{Title: "Genève talks resume", Source: "Le Temps", Author: "Zoë Ångström", Tags: []string{"Éco", "eco2", "Zürich", "alpha"}},
		{Title: "Title with\x00hidden garden after a NUL", Source: "src\x00garden", Tags: []string{"gar\x00den"}},
		{Title: "line\nbreak\tand\rreturn garden", Source: "multi\nline source", Author: "A\u202eB"},
		{Title: "Straße und Maßstab", Source: "ＦＵＬＬ width", Tags: []string{"ß", "SS", "İstanbul"}},
		{Title: "", Source: "", Author: "", Tags: []string{"garden", "Garden"}},
		{Title: strings.Repeat("garden ", 200), Source: "long"},
		{Title: "\u05e9\u05dc\u05d5\u05dd garden \u0645\u0631\u062d\u0628\u0627", Tags: []string{"\u05e2\u05d1\u05e8\u05d9\u05ea"}},
		{Title: "<script>alert('garden')</script> & \"quotes\"", Source: "--json"},
	}
	arts := make([]*storage.Article, len(hostile))
	for i := range hostile {
		arts[i] = &hostile[i]
		arts[i].Body = fmt.Sprintf("hostile body %d", i)
		arts[i].Added = time.Unix(int64(1000+i), 0)
	}
	errs, err := s.ImportArticles(ctx, arts)
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range arts {
		if errs[i] != nil {
			t.Fatalf("add %q: %v", a.Title, errs[i])
		}
		if i%2 == 0 {
			if err := s.MarkOpened(ctx, a.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	var cases [][]string
	for _, p := range []string{"garden", "geneve", "zurich", "eco", "ss", "the garden talks", "a", "zzqqxx", "istanbul", "\u05e9\u05dc", "–", "Genève Zoë"} {
		cases = append(cases, []string{p}, []string{"--limit", "500", p}, []string{"--json", "--limit", "50", p})
	}
	checked := 0
	for _, args := range cases {
		pattern, limit, asJSON := args[len(args)-1], 20, false
		if args[0] == "--limit" {
			limit = 500
		}
		if args[0] == "--json" {
			asJSON, limit = true, 50
		}
		want := findBySummaries(t, s, pattern, limit, asJSON)
		var out, errb bytes.Buffer
		env := func(k string) string {
			if k == "SCHOLIA_DB" {
				return db
			}
			return ""
		}
		Run(ctx, append([]string{"find"}, args...), &out, &errb, env)
		if got := out.String(); got != want {
			at := 0
			for at < min(len(got), len(want)) && got[at] == want[at] {
				at++
			}
			t.Errorf("find %q: the narrow path differs at byte %d:\n%.300s\nSummaries path:\n%.300s", args, at, got[max(0, at-100):], want[max(0, at-300):])
		}
		if want != "" {
			checked++
		}
	}
	if checked < len(cases)/2 {
		t.Fatalf("only %d of %d cases matched anything: the comparison proves little", checked, len(cases))
	}
}
