package anchor

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// lcsLen is the textbook dynamic programme, to check diffRuns against.
func lcsLen(a, b []rune) int {
	prev := make([]int, len(b)+1)
	for i := range a {
		cur := make([]int, len(b)+1)
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev = cur
	}
	return prev[len(b)]
}

func TestDiffRunsIsALongestCommonSubsequence(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 500; i++ {
		a := randomRunes(rng, rng.IntN(30))
		b := randomRunes(rng, rng.IntN(30))
		runs, ok := diffRuns(a, b, 100)
		if !ok {
			t.Fatalf("%q vs %q: gave up", string(a), string(b))
		}
		total, lastA, lastB := 0, 0, 0
		for _, r := range runs {
			if r.a < lastA || r.b < lastB || r.n <= 0 {
				t.Fatalf("%q vs %q: runs out of order: %v", string(a), string(b), runs)
			}
			if string(a[r.a:r.a+r.n]) != string(b[r.b:r.b+r.n]) {
				t.Fatalf("%q vs %q: run %v is not equal text", string(a), string(b), r)
			}
			total += r.n
			lastA, lastB = r.a+r.n, r.b+r.n
		}
		if want := lcsLen(a, b); total != want {
			t.Fatalf("%q vs %q: runs cover %d, the longest common subsequence is %d", string(a), string(b), total, want)
		}
	}
}

func randomRunes(rng *rand.Rand, n int) []rune {
	r := make([]rune, n)
	for i := range r {
		r[i] = []rune("ab\nc é")[rng.IntN(6)]
	}
	return r
}

// pageStarts is where each "PageNword" marker stands in body, the markers
// being the first words of each page.
func pageStarts(t *testing.T, body string, n int) []int {
	t.Helper()
	var out []int
	for i := 1; i <= n; i++ {
		b := strings.Index(body, "Page"+string(rune('0'+i))+"word")
		if b < 0 {
			t.Fatalf("no page %d in %q", i, body)
		}
		out = append(out, len([]rune(body[:b])))
	}
	return out
}

func TestMapPositionsFollowsTheWords(t *testing.T) {
	var sb strings.Builder
	for p := 1; p <= 5; p++ {
		for l := 0; l < 6; l++ {
			if l == 3 {
				sb.WriteString("Page" + string(rune('0'+p)) + "word starts here mid-paragraph, ")
			}
			sb.WriteString("some line of text about the subject in hand, written for page ")
			sb.WriteString(string(rune('0' + p)))
			sb.WriteString(".\n")
		}
	}
	old := sb.String()
	starts := pageStarts(t, old, 5)
	cases := map[string]string{
		"text inserted before page 3": strings.Replace(old, "about the subject", "about the long and winding subject, in Zürich,", 2),
		"text deleted before page 3":  strings.Replace(old, "some line of text about the subject in hand, written for page 1.\n", "", 3),
		"edits before and after":      strings.Replace(strings.Replace(old, "page 1.", "page one, ü.", -1), "page 5.", "p5.", -1),
		"a line joined with the next": strings.Replace(old, "page 2.\nsome", "page 2. some", -1),
		"edits inside the page's own paragraph": strings.Replace(strings.Replace(old,
			"mid-paragraph, some line", "mid-paragraph, a line", 1), "of text about the subject in hand, written for page 2.\nPage3", "of the text, page 2.\nPage3", 1),
	}
	for name, edited := range cases {
		got := MapPositions(old, edited, starts)
		want := pageStarts(t, edited, 5)
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s: page %d maps to %d, its words are at %d", name, i+1, got[i], want[i])
			}
		}
	}
}

func TestMapPositionsDeletedStartMovesToNextSurvivor(t *testing.T) {
	old := "alpha beta\nGONE gamma delta\nepsilon"
	edited := "alpha beta\ngamma delta\nepsilon"
	start := strings.Index(old, "GONE")
	got := MapPositions(old, edited, []int{0, start, len(old)})
	if want := []int{0, strings.Index(edited, "gamma"), len(edited)}; got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Fatalf("got %v, want %v", got, want)
	}
	// A whole page gone: its start and the next one's meet, the order holds.
	edited = "alpha beta\nepsilon"
	got = MapPositions(old, edited, []int{0, start, strings.Index(old, "delta"), strings.Index(old, "epsilon")})
	e := strings.Index(edited, "epsilon")
	if got[1] != e || got[2] != e || got[3] != e {
		t.Fatalf("got %v, want the gone pages at %d", got, e)
	}
}

func TestMapPositionsBeyondTheDiffBound(t *testing.T) {
	// Every line changed: the diff gives up and the common head and tail
	// still place what lies in them.
	var a, b strings.Builder
	for i := 0; i < 3000; i++ {
		a.WriteString("x\n")
		b.WriteString("y\n")
	}
	old := "HEAD\n" + a.String() + "TAIL here"
	edited := "HEAD\n" + b.String() + "TAIL here"
	got := MapPositions(old, edited, []int{2, strings.Index(old, "TAIL") + 1})
	if got[0] != 2 || got[1] != strings.Index(edited, "TAIL")+1 {
		t.Fatalf("got %v", got)
	}
}

// BenchmarkMapPages maps 40 page starts of a 100k-character paper through
// an edit in 200 places.
func BenchmarkMapPages(b *testing.B) {
	rng := rand.New(rand.NewPCG(5, 6))
	var sb strings.Builder
	for sb.Len() < 100_000 {
		sb.WriteString("a line of the paper about the accelerations of the universe, number ")
		sb.WriteString(strings.Repeat("x", rng.IntN(5)))
		sb.WriteString(".\n")
	}
	old := []rune(sb.String())
	edited := append([]rune(nil), old...)
	for i := 0; i < 200; i++ {
		p := rng.IntN(len(edited) - 10)
		edited = append(edited[:p], append([]rune("EDIT "), edited[p+3:]...)...)
	}
	var starts []int
	for i := 0; i < 40; i++ {
		starts = append(starts, i*len(old)/40)
	}
	o, e := string(old), string(edited)
	for b.Loop() {
		MapPositions(o, e, starts)
	}
}
