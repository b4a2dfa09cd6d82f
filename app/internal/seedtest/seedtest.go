// Package seedtest gives tests the seed articles of the shared test corpus
// and the rule for telling their boilerplate lines (sign-ups, credits, link
// lists) from article text, so every package's seed test cuts the same lines.
package seedtest

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// Dir is the seeds folder, relative to a package two levels below the
// repository (app/X), where go test runs.
const Dir = "../../../shared/corpus/seeds"

// Files lists the seed files, skipping the test when the corpus is absent
// (a fresh clone has no ../shared).
func Files(tb testing.TB) []string {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join(Dir, "*.txt"))
	if len(files) == 0 {
		tb.Skipf("the seed articles are not at %s (they come with the project's shared corpus); skipping", Dir)
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
