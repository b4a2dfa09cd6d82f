package anchor

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"scholia/app/internal/seedtest"
)

// seedParagraphs reads a seed and normalises it as an article body does: one
// trimmed non-blank line per paragraph.
func seedParagraphs(t testing.TB, path string) []string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	for _, line := range strings.Split(string(raw), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			paras = append(paras, line)
		}
	}
	return paras
}

// spot is a highlight planned on a paragraph: code points [from:to) of it.
type spot struct{ para, from, to int }

// planSpots spreads n highlights of about eight words through the article
// paragraphs (skipping the first line and boilerplate).
func planSpots(paras []string, n int) []spot {
	var keep []int
	total := 0
	for i, p := range paras {
		if i > 0 && !seedtest.IsBoilerplate(paras, i) {
			keep = append(keep, i)
			total += utf8.RuneCountInString(p)
		}
	}
	var spots []spot
	for h := range n {
		target := (2*h + 1) * total / (2 * n)
		for _, i := range keep {
			r := []rune(paras[i])
			if target >= len(r) {
				target -= len(r)
				continue
			}
			from := target
			for from > 0 && !unicode.IsSpace(r[from-1]) {
				from-- // start on a word
			}
			to, words := from, 0
			for to < len(r) && words < 8 {
				if to++; to == len(r) || unicode.IsSpace(r[to]) {
					words++
				}
			}
			spots = append(spots, spot{i, from, to})
			break
		}
	}
	return spots
}

// TestSeeds highlights ten passages of each seed, deletes the boilerplate
// lines and checks every highlight lands on its words at the offsets they
// moved to: unchanged, or with one letter inside each highlight retyped (a
// substitution keeps the offsets, so the expected ones are the same).
func TestSeeds(t *testing.T) { seedCases(t, seedtest.OwnFiles(t)) }

// TestCorpusSeeds is the same on the shared corpus's seeds.
func TestCorpusSeeds(t *testing.T) { seedCases(t, seedtest.Files(t)) }

func seedCases(t *testing.T, files []string) {
	tests := map[string]struct {
		retype bool
		status []Status
	}{
		"boilerplate deleted":                  {status: []Status{Exact, Moved}},
		"boilerplate deleted, letters retyped": {retype: true, status: []Status{Fuzzy}},
	}
	for _, path := range files {
		for name, tc := range tests {
			t.Run(filepath.Base(path)+"/"+name, func(t *testing.T) {
				checkSeed(t, path, tc.retype, tc.status)
			})
		}
	}
}

func checkSeed(t *testing.T, path string, retype bool, statuses []Status) {
	paras := seedParagraphs(t, path)
	spots := planSpots(paras, 10)
	if len(spots) != 10 {
		t.Fatalf("planned %d highlights, want 10", len(spots))
	}
	edited := make([][]rune, len(paras))
	for i, p := range paras {
		edited[i] = []rune(p)
	}
	if retype {
		for _, s := range spots {
			at := &edited[s.para][(s.from+s.to)/2]
			if *at == 'X' {
				*at = 'Y'
			} else {
				*at = 'X'
			}
		}
	}
	var kept []string
	oldAt, newAt := make([]int, len(paras)), make([]int, len(paras))
	oldPos, newPos := 0, 0
	for i, p := range paras {
		oldAt[i], newAt[i] = oldPos, newPos
		oldPos += utf8.RuneCountInString(p) + 2
		if !seedtest.IsBoilerplate(paras, i) {
			kept = append(kept, string(edited[i]))
			newPos += len(edited[i]) + 2
		}
	}
	if len(kept) == len(paras) {
		t.Fatalf("the boilerplate rule found nothing to delete in %s", path)
	}
	oldBody, newBody := strings.Join(paras, "\n\n"), strings.Join(kept, "\n\n")

	sels := make([]Selector, len(spots))
	for i, s := range spots {
		sel, err := Describe(oldBody, oldAt[s.para]+s.from, oldAt[s.para]+s.to)
		if err != nil {
			t.Fatal(err)
		}
		sels[i] = sel
	}
	for i, r := range ReanchorAll(oldBody, newBody, sels) {
		s := spots[i]
		checkPlaced(t, newBody, r)
		wantStart, wantEnd := newAt[s.para]+s.from, newAt[s.para]+s.to
		want := string(edited[s.para][s.from:s.to])
		if !slices.Contains(statuses, r.Status) || r.Selector.Exact != want ||
			r.Selector.Start != wantStart || r.Selector.End != wantEnd {
			t.Errorf("highlight %d %q: got %v at [%d,%d) %q, want %v at [%d,%d) %q",
				i, sels[i].Exact, r.Status, r.Selector.Start, r.Selector.End, r.Selector.Exact,
				statuses, wantStart, wantEnd, want)
		}
	}
}
