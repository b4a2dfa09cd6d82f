package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestBenchTableRows checks that every row of .ci/benchtable.go (the table
// `make bench` prints) names a benchmark that exists in the tree — a row
// whose benchmark was renamed would print "not run" for ever — and that
// the import and reader figures PRODUCT.md asks for have a row.
func TestBenchTableRows(t *testing.T) {
	src, err := os.ReadFile(".ci/benchtable.go")
	if err != nil {
		t.Fatal(err)
	}
	rowRe := regexp.MustCompile(`\{"[^"]*", "(Benchmark[A-Za-z0-9_]+)(/[^"]*)?", "`)
	rows := map[string]bool{}
	for _, m := range rowRe.FindAllStringSubmatch(string(src), -1) {
		rows[m[1]] = true
	}
	if len(rows) < 10 {
		t.Fatalf("found only %d rows in .ci/benchtable.go: has its row format changed?", len(rows))
	}
	defined := map[string]bool{}
	funcRe := regexp.MustCompile(`(?m)^func (Benchmark[A-Za-z0-9_]+)\(b \*testing\.B\)`)
	err = filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && p != ".") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range funcRe.FindAllStringSubmatch(string(b), -1) {
			defined[m[1]] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for name := range rows {
		if !defined[name] {
			t.Errorf(".ci/benchtable.go has a row for %s, but no such benchmark exists", name)
		}
	}
	for _, want := range []string{"BenchmarkPDFPages", "BenchmarkBooks", "BenchmarkFirstPaintStructured50k", "BenchmarkFirstPaintRich50k", "BenchmarkFirstPaintIllustrated50k"} {
		if !rows[want] {
			t.Errorf(".ci/benchtable.go has no row for %s", want)
		}
	}
}
