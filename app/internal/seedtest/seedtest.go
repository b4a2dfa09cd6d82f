// Package seedtest gives tests their seed articles — the project's own
// (testdata/, pasted news pages with their boilerplate, written for
// Scholia) and, as extra checks, those of the shared test corpus — and the
// rule for telling boilerplate lines (sign-ups, credits, link lists) from
// article text, so every package's seed test cuts the same lines.
package seedtest

import (
	"embed"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// own holds the project's seed articles, embedded so any package (and a
// -trimpath build) finds them wherever its tests run.
//
//go:embed testdata/*.txt
var own embed.FS

// Seed is what a test may expect of one of the project's seed articles
// after a .txt import.
type Seed struct {
	Name      string // file name in testdata/
	Title     string // the title line, or "" when the title is made from the first sentence
	TitleFrom string // with Title "": how the made-up title starts
	Published string // from a leading date line, else ""
}

// Own lists the project's seed articles, in file name order.
var Own = []Seed{
	{Name: "s01_9c41d2e07ab35f18.txt", Title: "Harbour board and fishermen at odds as dredging plan goes to a vote"},
	{Name: "s02_4f7be2a90c13d6e5.txt", Title: "Rail workers walk out for a second week as talks stall"},
	{Name: "s03_e81d0c5a7f2b9346.txt", Title: "City Archive Says It Is ‘Halfway There’ on Scanning Its Maps & Ledgers"},
	{Name: "s04_27a6f3c9e0d1b854.txt", TitleFrom: "Researchers on the survey ship Aurora Vance", Published: "2022-01-18"},
	{Name: "s05_b3d95e1f08c4a762.txt", Title: "Teenager from a village club takes the lead at the national chess championship"},
}

// OwnFiles writes the project's seed articles into a fresh temporary
// folder and returns their paths, in the order of Own.
func OwnFiles(tb testing.TB) []string {
	tb.Helper()
	dir := tb.TempDir()
	var paths []string
	for _, s := range Own {
		data, err := own.ReadFile("testdata/" + s.Name)
		if err != nil {
			tb.Fatal(err)
		}
		p := filepath.Join(dir, s.Name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			tb.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// OwnText returns the raw text of one of the project's seed articles.
func OwnText(tb testing.TB, name string) string {
	tb.Helper()
	data, err := own.ReadFile("testdata/" + name)
	if err != nil {
		tb.Fatal(err)
	}
	return string(data)
}

// SkipNoCorpus is the start of every skip message of a test that needs
// the shared corpus; make test lets exactly these skips pass.
const SkipNoCorpus = "needs ../shared/corpus: "

// Dir is the seeds folder, relative to a package two levels below the
// repository (app/X), where go test runs.
const Dir = "../../../shared/corpus/seeds"

// Files lists the shared corpus's seed files, skipping the test when the
// corpus is absent (a fresh clone has no ../shared).
func Files(tb testing.TB) []string {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join(Dir, "*.txt"))
	if len(files) == 0 {
		tb.Skipf(SkipNoCorpus+"the seed articles are not at %s", Dir)
	}
	return files
}

// boilerplateWords mark lines a paste from the web brings along.
var boilerplateWords = []string{
	"sign up", "newsletter", "subscribe", "read the whole article", "your inbox",
	"echo chamber", "theweek.com", "see also", "copyright", "http",
}

// IsBoilerplate says whether paragraph i of a seed (one paragraph per
// non-blank line) is what a user cuts: sign-ups, credits, "-" separated
// link lists, lines that end no sentence. The first line (a title or date)
// is kept unless it is a credit or link.
func IsBoilerplate(paras []string, i int) bool {
	lower := strings.ToLower(paras[i])
	for _, w := range boilerplateWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	if i == 0 {
		return false
	}
	if paras[i] == "-" || paras[i-1] == "-" || (i+1 < len(paras) && paras[i+1] == "-") {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(paras[i])
	return !strings.ContainsRune(`.!?"”'’`, last)
}
