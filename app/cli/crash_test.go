package cli_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"scholia/app/cli"
	"scholia/app/ingest"
	"scholia/storage"
)

// Crash trials: a command runs in a child process (this test binary
// re-executed as `scholia`), is killed with SIGKILL at a moment chosen by
// a seeded random source, and the library and files it leaves are checked.
// SIGKILL runs no deferred code and no signal handler: what survives is only
// what SQLite and the rename made durable.

const (
	crashTrials = 20
	crashSeed   = 20261121
	crashFiles  = 2000
	childEnv    = "SCHOLIA_CRASH_CHILD_ARGS"
)

// TestCrashChild is the child: with childEnv set it runs one scholia command
// and exits with its status; otherwise it does nothing.
func TestCrashChild(t *testing.T) {
	args := os.Getenv(childEnv)
	if args == "" {
		return
	}
	os.Exit(cli.Run(context.Background(), strings.Split(args, "\x1f"), os.Stdout, os.Stderr, os.Getenv))
}

// child prepares `scholia ARGS...` with its standard output going to the
// file out, written line by line as the command prints (unbuffered), so the
// lines printed before a kill are all there.
func child(t *testing.T, out string, args ...string) *exec.Cmd {
	t.Helper()
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+strings.Join(args, "\x1f"), "SCHOLIA_DB=")
	cmd.Stdout = f
	return cmd
}

// runToEnd runs a child to completion and says how long it took.
func runToEnd(t *testing.T, out string, args ...string) time.Duration {
	t.Helper()
	cmd := child(t, out, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		t.Fatalf("scholia %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return time.Since(start)
}

// killAfter starts a child and kills it with SIGKILL after d (or lets it
// finish if it is quicker), and reports whether it was killed.
func killAfter(t *testing.T, d time.Duration, out string, args ...string) (killed bool) {
	t.Helper()
	cmd := child(t, out, args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("scholia %s ended early: %v", args[0], err)
		}
		return false
	case <-time.After(d):
		cmd.Process.Kill()
		<-done
		return true
	}
}

// crashDelays spreads n kill moments over a run of length d: one in each
// n-th of it, at a random point within, so early, middle and late kills are
// all tried whatever the seed.
func crashDelays(n int, d time.Duration, seed int64) []time.Duration {
	rng := rand.New(rand.NewSource(seed))
	out := make([]time.Duration, n)
	for i := range out {
		out[i] = time.Duration((float64(i) + rng.Float64()) / float64(n) * float64(d))
	}
	return out
}

// crashCorpus writes crashFiles small articles, each with its own title,
// into a temporary folder and parses them as the importer will.
func crashCorpus(t *testing.T) (string, map[string]ingest.Doc) {
	t.Helper()
	dir := t.TempDir()
	rng := rand.New(rand.NewSource(crashSeed))
	words := strings.Fields("harbour winter treaty ministers border talks grain ledger council river " +
		"archive letter envoy senate tariff census railway strike ballot frontier")
	docs := map[string]ingest.Doc{}
	for i := 0; i < crashFiles; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "Dispatch %04d on the %s\n\n", i, words[rng.Intn(len(words))])
		for p := 0; p < 3+rng.Intn(4); p++ {
			for w := 0; w < 40+rng.Intn(60); w++ {
				b.WriteString(words[rng.Intn(len(words))] + " ")
			}
			fmt.Fprintf(&b, "(paragraph %d of dispatch %d).\n\n", p, i)
		}
		path := filepath.Join(dir, fmt.Sprintf("d%04d.txt", i))
		if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
			t.Fatal(err)
		}
		d, err := ingest.File(path)
		if err != nil {
			t.Fatal(err)
		}
		docs[path] = d
	}
	return dir, docs
}

// reportedImports reads the "imported ID\tPATH\tTITLE" lines a child
// printed; a last line cut off by the kill is not a report.
func reportedImports(t *testing.T, out string) map[int64][2]string {
	t.Helper()
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got := map[int64][2]string{}
	lines := strings.SplitAfter(string(data), "\n")
	for _, line := range lines {
		if !strings.HasSuffix(line, "\n") || !strings.HasPrefix(line, "imported ") {
			continue
		}
		f := strings.Split(strings.TrimSuffix(strings.TrimPrefix(line, "imported "), "\n"), "\t")
		id, err := strconv.ParseInt(f[0], 10, 64)
		if len(f) != 3 || err != nil {
			t.Fatalf("bad report line %q", line)
		}
		got[id] = [2]string{f[1], f[2]}
	}
	return got
}

// checkLibrary runs SQLite's integrity check on the file and, when the
// schema exists (a kill may come before it is made), on each full-text
// index, which must agree with the tables it indexes.
func checkLibrary(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Errorf("integrity_check = %q, %v", res, err)
	}
	var tables int
	if err := db.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_fts'").Scan(&tables); err != nil || tables == 0 {
		return
	}
	for _, fts := range []string{"article_fts", "note_fts", "highlight_fts"} {
		if _, err := db.Exec(fmt.Sprintf("INSERT INTO %s (%s) VALUES ('integrity-check')", fts, fts)); err != nil {
			t.Errorf("%s integrity-check: %v", fts, err)
		}
	}
}

func TestImportSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("crash trials: skipped in -short mode")
	}
	dir, docs := crashCorpus(t)
	byTitle := map[string]ingest.Doc{}
	for _, d := range docs {
		byTitle[d.Title] = d
	}
	tmp := t.TempDir()
	// An uninterrupted run gives the length of an import to spread the kills over.
	whole := runToEnd(t, filepath.Join(tmp, "ref.out"), "import", "--db", filepath.Join(tmp, "ref.db"), dir)
	if n := len(reportedImports(t, filepath.Join(tmp, "ref.out"))); n != crashFiles {
		t.Fatalf("uninterrupted import reported %d imported, want %d", n, crashFiles)
	}
	t.Logf("an uninterrupted import of %d files takes %v", crashFiles, whole.Round(time.Millisecond))

	passed, killedMid := 0, 0
	for i, d := range crashDelays(crashTrials, whole, crashSeed) {
		ok := t.Run(fmt.Sprintf("trial%02d", i), func(t *testing.T) {
			db := filepath.Join(tmp, fmt.Sprintf("trial%02d.db", i))
			out := db + ".out"
			killed := killAfter(t, d, out, "import", "--db", db, dir)
			reported := reportedImports(t, out)
			stored := verifyImport(t, db, docs, byTitle, reported)
			if killed && len(reported) < crashFiles {
				killedMid++
			}
			t.Logf("killed after %v: %d reported imported, the library holds %d",
				d.Round(time.Millisecond), len(reported), stored)
		})
		if ok {
			passed++
		}
	}
	t.Logf("import crash trials: %d/%d passed (%d killed mid-import)", passed, crashTrials, killedMid)
	if killedMid == 0 {
		t.Errorf("none of the %d trials killed the import before it finished", crashTrials)
	}
}

// verifyImport checks a library after a killed import and returns how many
// articles it holds: the file is sound, every article reported imported is
// there with its title and its file's whole body, and every article there
// is whole (stored in the same transaction as the rest of its batch).
func verifyImport(t *testing.T, db string, docs, byTitle map[string]ingest.Doc, reported map[int64][2]string) int {
	t.Helper()
	if _, err := os.Stat(db); err != nil {
		if len(reported) > 0 {
			t.Errorf("%s: no library, but %d articles were reported imported", db, len(reported))
		}
		return 0
	}
	checkLibrary(t, db)
	ctx := context.Background()
	s, err := storage.Open(ctx, db)
	if err != nil {
		t.Errorf("reopening %s after the kill: %v", db, err)
		return 0
	}
	defer checkLibrary(t, db) // again, once reopening has made the schema
	defer s.Close()
	for id, r := range reported {
		a, err := s.Article(ctx, id)
		if err != nil {
			t.Errorf("%s: article %d (%s) was reported imported: %v", db, id, r[0], err)
			continue
		}
		if want := docs[r[0]]; a.Title != r[1] || a.Title != want.Title || a.Body != want.Body {
			t.Errorf("%s: article %d is not %s as parsed (title %q, body %d bytes, want %q, %d bytes)",
				db, id, r[0], a.Title, len(a.Body), want.Title, len(want.Body))
		}
	}
	ids, err := s.ArticleIDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) < len(reported) {
		t.Errorf("%s holds %d articles, fewer than the %d reported", db, len(ids), len(reported))
	}
	for _, id := range ids {
		a, err := s.Article(ctx, id)
		if want, ok := byTitle[a.Title]; err != nil || !ok || a.Body != want.Body {
			t.Errorf("%s: article %d is not whole: %q, %d bytes of body, %v", db, id, a.Title, len(a.Body), err)
		}
	}
	// The importer commits in batches of 256: a kill keeps whole batches only.
	if n := len(ids); n%256 != 0 && n != crashFiles {
		t.Errorf("%s holds %d articles: part of a batch survived", db, n)
	}
	return len(ids)
}
