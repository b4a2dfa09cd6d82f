package anchor

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// words lists the [start, end) code point spans of the words of r, by the
// package's own word rule (checked on its own in TestMidWord).
func words(r []rune) [][2]int {
	var out [][2]int
	for p := 0; p < len(r); {
		if !wordRune(r[p]) {
			p++
			continue
		}
		e := p + 1
		for e < len(r) && midWord(r, e) {
			e++
		}
		out = append(out, [2]int{p, e})
		p = e
	}
	return out
}

// vocabulary for generated texts: plain words, contractions, numbers with
// separators, combining accents, Cyrillic and runs of ideographs.
var propVocab = []string{
	"troops", "border", "talks", "Geneva", "officials", "said", "the", "a", "of", "and",
	"don't", "they're", "aujourd’hui", "100,000", "3.5", "1999", "café", "cafe\u0301",
	"re\u0301sume\u0301", "Москва", "переговоры", "東京", "首相は", "経済対策", "snake_case",
	"well-known", "“quoted”", "(aside)", "end.", "comma,",
}

// genText strings n random words together, with sentence ends now and then.
func genText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			if rng.IntN(12) == 0 {
				b.WriteString(".\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		if rng.IntN(3) == 0 {
			b.WriteString(propVocab[rng.IntN(len(propVocab))])
		} else { // a made-up word: most words in a text are rare
			w := make([]rune, 2+rng.IntN(8))
			for j := range w {
				w[j] = rune('a' + rng.IntN(26))
			}
			b.WriteString(string(w))
		}
	}
	return b.String()
}

// wordEdit makes one word-level edit to r, mostly at the first or last word
// of the highlight ws[i..j]: replace a word, insert one before it, or delete
// it (with the space after it).
func wordEdit(rng *rand.Rand, r []rune, ws [][2]int, i, j int) (string, string) {
	k := rng.IntN(len(ws))
	switch rng.IntN(4) {
	case 0:
		k = i
	case 1:
		k = j
	}
	w := ws[k]
	repl := propVocab[rng.IntN(len(propVocab))]
	if rng.IntN(2) == 0 {
		repl = genText(rng, 1)
	}
	switch rng.IntN(3) {
	case 0:
		return string(r[:w[0]]) + repl + string(r[w[1]:]), "replace"
	case 1:
		return string(r[:w[0]]) + repl + " " + string(r[w[0]:]), "insert"
	}
	end := w[1]
	if end < len(r) && r[end] == ' ' {
		end++
	}
	return string(r[:w[0]]) + string(r[end:]), "delete"
}

// checkWholeWords runs one random word-level edit under one random
// highlight of old and checks the word-boundary property.
func checkWholeWords(t *testing.T, rng *rand.Rand, old string, generated bool) {
	t.Helper()
	r := []rune(old)
	ws := words(r)
	if len(ws) < 2 {
		return
	}
	i := rng.IntN(len(ws))
	j := min(len(ws)-1, i+rng.IntN(12))
	start, end := ws[i][0], ws[j][1]
	cutStart, cutEnd := false, false
	if rng.IntN(5) == 0 && ws[i][1]-start > 2 { // the user selected part of a word
		start, cutStart = start+1, true
	}
	if rng.IntN(5) == 0 && end-ws[j][0] > 2 && end-1 > start {
		end, cutEnd = end-1, true
	}
	sel, err := Describe(old, start, end)
	if err != nil {
		t.Fatal(err)
	}
	sw, ew := edges([]rune(sel.Prefix), sel.Exact, []rune(sel.Suffix))
	if sw == cutStart || ew == cutEnd {
		t.Fatalf("%q in %q: edges say whole start %v, whole end %v; made cut %v, %v", sel.Exact, old, sw, ew, cutStart, cutEnd)
	}
	var new, kind string
	if generated && rng.IntN(8) == 0 && j-i >= 3 { // the highlighted words go
		new, kind = string(r[:ws[i][0]])+string(r[ws[j][1]:]), "gone"
	} else {
		new, kind = wordEdit(rng, r, ws, i, j)
	}
	res := Reanchor(old, new, sel)
	checkPlaced(t, new, res)
	nr := []rune(new)
	got := res.Selector
	switch {
	case kind == "gone" && res.Status != Orphaned && !strings.Contains(new, sel.Exact):
		t.Fatalf("highlight %q deleted from %q: got %v %q, want orphaned", sel.Exact, old, res.Status, got.Exact)
	case res.Status == Orphaned:
	case !cutStart && midWord(nr, got.Start), !cutEnd && midWord(nr, got.End):
		t.Fatalf("%s edit: highlight %q (made cut: start %v, end %v) of\n%q\nnow cuts a word: %v %q in\n%q", kind, sel.Exact, cutStart, cutEnd, old, res.Status, got.Exact, new)
	}
	// An edit well clear of the highlight and its context moves nothing.
	if clear := utf8Len(old) - utf8Len(new); clear != 0 || old != new {
		far := Reanchor(old, old+" "+new, sel)
		if far.Status != Exact || far.Selector.Start != sel.Start || far.Selector.Exact != sel.Exact {
			t.Fatalf("text appended after the body moved %q: %v %+v", sel.Exact, far.Status, far.Selector)
		}
	}
}

func utf8Len(s string) int { return len([]rune(s)) }

func TestReanchorKeepsWholeWordsGenerated(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 1))
	n := 3000
	if testing.Short() {
		n = 300
	}
	for range n {
		checkWholeWords(t, rng, genText(rng, 20+rng.IntN(80)), true)
	}
}

func TestReanchorKeepsWholeWordsFixtures(t *testing.T) {
	files, _ := filepath.Glob("testdata/prose-*.txt")
	if len(files) == 0 {
		t.Fatal("no testdata/prose-*.txt fixtures")
	}
	rng := rand.New(rand.NewPCG(21, 2))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for range 1000 {
			checkWholeWords(t, rng, string(raw), false)
		}
	}
}
