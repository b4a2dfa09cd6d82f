package cli_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/app/cli"
	"scholia/app/internal/seedtest"
)

// seedSet is a set of seed articles and what their import should give.
type seedSet struct {
	files []string
	want  []seedtest.Seed // Title "" for a title made up from the first sentence
}

// ownSeeds are the project's own seed articles (pasted news pages).
func ownSeeds(t *testing.T) seedSet {
	return seedSet{files: seedtest.OwnFiles(t), want: seedtest.Own}
}

// corpusSeeds are the shared corpus's seeds, or a skip.
func corpusSeeds(t *testing.T) seedSet {
	t.Helper()
	files := seedtest.Files(t)
	if len(files) != 5 {
		t.Fatalf("%d seed articles in %s, want the corpus's 5", len(files), seedtest.Dir)
	}
	return seedSet{files: files, want: []seedtest.Seed{
		{Title: "U.S. and Russia unwilling to budge as talks begin in Geneva"},
		{Title: "Biden Team Cannot Tame Russia"},
		{Title: "U.S-Russia Tensions May Abate After Geneva Meeting"},
		{Title: "Official Says U.S. Is ‘Open’ to Talks With Russia On Missile Deployments & Military Exercises"},
		{Published: "2022-01-18"},
	}}
}

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, db string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	env := func(k string) string {
		if k == "SCHOLIA_DB" {
			return db
		}
		return ""
	}
	code := cli.Run(context.Background(), args, &out, &errb, env)
	return result{code, out.String(), errb.String()}
}

type summary struct {
	ID         int64    `json:"id"`
	Title      string   `json:"title"`
	Author     string   `json:"author"`
	Source     string   `json:"source"`
	URL        string   `json:"url"`
	Published  string   `json:"published"`
	Added      string   `json:"added"`
	Tags       []string `json:"tags"`
	Highlights int      `json:"highlights"`
}

type article struct {
	summary
	Body       string `json:"body"`
	Note       string `json:"note"`
	Highlights []struct {
		ID       int64    `json:"id"`
		Start    int      `json:"start"`
		End      int      `json:"end"`
		Quote    string   `json:"quote"`
		Prefix   string   `json:"prefix"`
		Suffix   string   `json:"suffix"`
		Color    string   `json:"color"`
		Comment  string   `json:"comment"`
		Tags     []string `json:"tags"`
		Orphaned bool     `json:"orphaned"`
	} `json:"highlights"`
}

func listJSON(t *testing.T, db string, args ...string) []summary {
	t.Helper()
	r := run(t, db, append([]string{"list", "--json"}, args...)...)
	if r.code != 0 {
		t.Fatalf("list: %d %s", r.code, r.stderr)
	}
	var out []summary
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("list --json is not JSON: %v\n%s", err, r.stdout)
	}
	return out
}

func showJSON(t *testing.T, db string, id string) article {
	t.Helper()
	r := run(t, db, "show", id, "--json")
	if r.code != 0 {
		t.Fatalf("show: %d %s", r.code, r.stderr)
	}
	var a article
	if err := json.Unmarshal([]byte(r.stdout), &a); err != nil {
		t.Fatalf("show --json is not JSON: %v\n%s", err, r.stdout)
	}
	return a
}

func TestImportSeedsListShowAndDuplicates(t *testing.T) { importSeeds(t, ownSeeds(t)) }

// TestImportCorpusSeeds is the same on the shared corpus's seeds.
func TestImportCorpusSeeds(t *testing.T) { importSeeds(t, corpusSeeds(t)) }

func importSeeds(t *testing.T, set seedSet) {
	files := set.files
	n := len(files)
	db := filepath.Join(t.TempDir(), "t.db")
	r := run(t, db, append([]string{"import"}, files...)...)
	if r.code != 0 {
		t.Fatalf("import: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, fmt.Sprintf("%d imported, 0 skipped as duplicates, 0 failed", n)) {
		t.Errorf("summary missing:\n%s", r.stdout)
	}
	want := map[string]bool{}
	var made []seedtest.Seed
	for _, s := range set.want {
		if s.Title != "" {
			want[s.Title] = true
		} else {
			made = append(made, s)
		}
	}
	list := listJSON(t, db)
	if len(list) != n {
		t.Fatalf("list has %d articles, want %d", len(list), n)
	}
	var others []summary
	for _, s := range list {
		if want[s.Title] {
			delete(want, s.Title)
			continue
		}
		others = append(others, s)
	}
	if len(want) != 0 {
		t.Errorf("titles not imported: %v", want)
	}
	if len(others) != len(made) {
		t.Fatalf("%d articles with unexpected titles %+v, want %d with made-up titles", len(others), others, len(made))
	}
	for i, s := range others {
		if s.Published != made[i].Published || s.Title == "" || len(s.Title) > 100 ||
			(made[i].TitleFrom != "" && !strings.HasPrefix(s.Title, made[i].TitleFrom)) {
			t.Errorf("article %+v, want published %q and a short title from the first sentence", s, made[i].Published)
		}
	}
	for _, s := range list {
		if s.Added == "" || s.Tags == nil || s.ID == 0 {
			t.Errorf("list item lacks fields: %+v", s)
		}
	}

	again := run(t, db, append([]string{"import"}, files...)...)
	if again.code != 0 || !strings.Contains(again.stdout, fmt.Sprintf("0 imported, %d skipped as duplicates", n)) {
		t.Errorf("re-import: exit %d\n%s%s", again.code, again.stdout, again.stderr)
	}
	if got := len(listJSON(t, db)); got != n {
		t.Errorf("after re-import: %d articles", got)
	}
}

func TestHighlightTagAndShow(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	dir := t.TempDir()
	body := "Café talks\n\nDiplomats met in Genève — “unwilling to budge” on 東京 🍵 questions.\n"
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(body), 0o644)
	if r := run(t, db, "import", dir); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	r := run(t, db, "highlight", "1", "--quote", "“unwilling to budge”", "--color", "Evidence", "--comment", "dig in", "--tag", "stance")
	if r.code != 0 {
		t.Fatalf("highlight: %+v", r)
	}
	if r := run(t, db, "highlight", "--quote", "東京 🍵", "1", "--color", "4"); r.code != 0 {
		t.Fatalf("highlight with flags first: %+v", r)
	}
	if r := run(t, db, "tag", "1", "+russia", "+foreign policy", "-nothing"); r.code != 0 || !strings.Contains(r.stdout, "foreign policy, russia") {
		t.Fatalf("tag: %+v", r)
	}
	if r := run(t, db, "tag", "1", "-russia"); r.code != 0 || strings.Contains(r.stdout, "russia") {
		t.Fatalf("tag removal: %+v", r)
	}
	a := showJSON(t, db, "1")
	if a.Title != "Café talks" || len(a.Highlights) != 2 {
		t.Fatalf("show = %+v", a)
	}
	runes := []rune(a.Body)
	for _, h := range a.Highlights {
		if got := string(runes[h.Start:h.End]); got != h.Quote {
			t.Errorf("body[%d:%d] = %q, quote %q", h.Start, h.End, got, h.Quote)
		}
		if !strings.HasSuffix(string(runes[:h.Start]), h.Prefix) || !strings.HasPrefix(string(runes[h.End:]), h.Suffix) {
			t.Errorf("context of %q does not surround it: %q / %q", h.Quote, h.Prefix, h.Suffix)
		}
	}
	first := a.Highlights[0]
	if first.Quote != "“unwilling to budge”" || first.Color != "green" || first.Comment != "dig in" || len(first.Tags) != 1 {
		t.Errorf("first highlight = %+v", first)
	}
	if a.Highlights[1].Color != "pink" {
		t.Errorf("colour number 4 gave %q, want pink", a.Highlights[1].Color)
	}
	if strings.Join(a.Tags, ",") != "foreign policy" {
		t.Errorf("tags = %v", a.Tags)
	}
}

func TestErrorsAndExitCodes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Title\n\nSome text here.\n"), 0o644)
	run(t, db, "import", dir)
	cases := map[string]struct {
		args     []string
		code     int
		contains string
	}{
		"unknown command":  {[]string{"frobnicate"}, cli.ExitUsage, "unknown command"},
		"unknown flag":     {[]string{"list", "--colour"}, cli.ExitUsage, "unknown flag"},
		"missing argument": {[]string{"show"}, cli.ExitUsage, "missing"},
		"bad id":           {[]string{"show", "abc"}, cli.ExitUsage, "not an article ID"},
		"absent article":   {[]string{"show", "99"}, cli.ExitFail, "no article 99"},
		"absent quote":     {[]string{"highlight", "1", "--quote", "nowhere"}, cli.ExitFail, "does not contain"},
		"no quote":         {[]string{"highlight", "1"}, cli.ExitUsage, "--quote"},
		"bad colour":       {[]string{"highlight", "1", "--quote", "Some", "--color", "mauve"}, cli.ExitUsage, "no colour"},
		"missing file":     {[]string{"import", filepath.Join(dir, "nope.txt")}, cli.ExitFail, "nope.txt"},
		"not a library":    {[]string{"list", "--db", filepath.Join(dir, "a.txt")}, cli.ExitFail, "not a Scholia library"},
		"search dashes":    {[]string{"search", "--", "-NATO"}, cli.ExitFail, "no matches"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			r := run(t, db, tc.args...)
			if r.code != tc.code {
				t.Errorf("exit = %d, want %d (%s)", r.code, tc.code, r.stderr)
			}
			out := r.stderr + r.stdout
			if !strings.Contains(out, tc.contains) {
				t.Errorf("output %q does not mention %q", out, tc.contains)
			}
			if tc.code != cli.ExitOK && strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 {
				t.Errorf("error is not one line: %q", r.stderr)
			}
		})
	}
	if r := run(t, db, "help", "import"); r.code != 0 || !strings.Contains(r.stdout, "example:") {
		t.Errorf("help import: %+v", r)
	}
	if r := run(t, db, "show", "--help"); r.code != 0 || !strings.Contains(r.stdout, "scholia show") {
		t.Errorf("show --help: %+v", r)
	}
}

func TestBadBatchKeepsGoodFilesAndIntegrity(t *testing.T) {
	files := ownSeeds(t).files
	db := filepath.Join(t.TempDir(), "t.db")
	dir := t.TempDir()
	bin := filepath.Join(dir, "photo.txt")
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(bin, []byte("GIF89a\x00\x01\x02\x00\x00binary"), 0o644)
	os.WriteFile(empty, nil, 0o644)
	r := run(t, db, "import", bin, empty, files[0])
	if r.code != cli.ExitFail {
		t.Errorf("exit = %d, want 1", r.code)
	}
	for _, want := range []string{"failed\t" + bin, "failed\t" + empty, "imported 1\t" + files[0], "1 imported, 0 skipped as duplicates, 2 failed"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	if n := len(listJSON(t, db)); n != 1 {
		t.Errorf("library has %d articles, want 1", n)
	}
	conn, err := sql.Open("sqlite3", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var ok string
	if err := conn.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check = %q, %v", ok, err)
	}
}

func TestFlagsAnywhereAndTagImport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("NATO expansion\n\nThe alliance grew.\n"), 0o644)
	if r := run(t, db, "import", dir, "--tag", "nato", "--tag", "europe"); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	if l := listJSON(t, db, "--tag", "europe"); len(l) != 1 || strings.Join(l[0].Tags, ",") != "europe,nato" {
		t.Errorf("tagged import: %+v", l)
	}
	// --db before the command, and SCHOLIA_DB unset.
	var out, errb bytes.Buffer
	code := cli.Run(context.Background(), []string{"--db", db, "find", "nato"}, &out, &errb, func(string) string { return "" })
	if code != 0 || !strings.Contains(out.String(), "NATO expansion") {
		t.Errorf("find with leading --db: %d %q %q", code, out.String(), errb.String())
	}
	if r := run(t, db, "search", "alliance"); r.code != 0 || !strings.Contains(r.stdout, "[alliance]") {
		t.Errorf("search: %+v", r)
	}
}

func TestWindowOrCommand(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "clip.txt")
	os.WriteFile(file, []byte("x"), 0o644)
	env := func(string) string { return "" }
	cases := map[string]struct {
		args    []string
		command bool
		imports []string
		db      string
	}{
		"nothing":           {nil, false, nil, ""},
		"db only":           {[]string{"--db", "x.db"}, false, nil, "x.db"},
		"a command":         {[]string{"list"}, true, nil, ""},
		"help":              {[]string{"help", "list"}, true, nil, ""},
		"an existing file":  {[]string{file}, false, []string{file}, ""},
		"file and db":       {[]string{"--db=y.db", file, dir}, false, []string{file, dir}, "y.db"},
		"a missing path":    {[]string{filepath.Join(dir, "nope.txt")}, true, nil, ""},
		"help flag":         {[]string{"--help"}, true, nil, ""},
		"db then a command": {[]string{"--db", "x.db", "show", "1"}, true, nil, ""},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			if got := cli.IsCommand(tc.args); got != tc.command {
				t.Fatalf("IsCommand = %v, want %v", got, tc.command)
			}
			if tc.command {
				return
			}
			w, err := cli.WindowArgs(tc.args, env)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(w.Import, "|") != strings.Join(tc.imports, "|") {
				t.Errorf("Import = %v, want %v", w.Import, tc.imports)
			}
			if tc.db != "" && (w.Library != tc.db || !w.Explicit) {
				t.Errorf("Library = %q (explicit %v), want %q", w.Library, w.Explicit, tc.db)
			}
			if tc.db == "" && (w.Explicit || w.Library == "") {
				t.Errorf("default library: %+v", w)
			}
		})
	}
	if _, err := cli.WindowArgs([]string{"--colour"}, env); err == nil {
		t.Error("an unknown flag opened the window")
	}
}
