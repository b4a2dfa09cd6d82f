package anchor

import (
	"os"
	"strings"
	"testing"

	"scholia/app/internal/seedtest"
)

// sotuLongest is the longest State of the Union address: a single paragraph
// of about 200,000 code points.
const sotuLongest = "../../../shared/corpus/sotu/1981_jimmy_carter_d.txt"

// sotuEdit splits the address into sentences, highlights whole sentences
// spread through it, deletes every 40th sentence that holds no highlight and
// retypes a letter in every 10th highlighted one. It returns the bodies, the
// selectors and, per selector, its expected new offsets and text.
func sotuEdit(t testing.TB, raw string) (oldBody, newBody string, sels []Selector, want []Selector) {
	var err error
	parts := strings.SplitAfter(strings.TrimSpace(raw), ". ")
	count := map[string]int{}
	for _, p := range parts {
		count[p]++
	}
	oldPos, newPos := 0, 0
	var kept []string
	for i, p := range parts {
		n := len([]rune(p))
		quote := strings.TrimSuffix(p, " ")
		highlight := i%7 == 3 && count[p] == 1 && len(quote) > 40
		switch {
		case highlight:
			sels = append(sels, Selector{Start: oldPos, End: oldPos + len([]rune(quote))})
			if len(sels)%10 == 0 {
				r := []rune(p)
				r[len(r)/2] = '#'
				p = string(r)
			}
			want = append(want, Selector{Start: newPos, End: newPos + len([]rune(quote)), Exact: strings.TrimSuffix(p, " ")})
		case i%40 == 0:
			oldPos += n
			continue
		}
		kept = append(kept, p)
		oldPos += n
		newPos += n
	}
	oldBody, newBody = strings.Join(parts, ""), strings.Join(kept, "")
	for i, s := range sels {
		if sels[i], err = Describe(oldBody, s.Start, s.End); err != nil {
			t.Fatal(err)
		}
	}
	return oldBody, newBody, sels, want
}

// TestSotuSentenceEdits re-anchors sentence highlights in the longest
// address after sentences were deleted throughout and some highlighted ones
// retyped: every highlight lands on its sentence, fuzzily where retyped.
func TestSotuSentenceEdits(t *testing.T) {
	raw, err := os.ReadFile(sotuLongest)
	if err != nil {
		t.Skipf(seedtest.SkipNoCorpus+"the longest State of the Union address is not at %s", sotuLongest)
	}
	sentenceEdits(t, string(raw))
}

// TestLongParagraphSentenceEdits is the same on a generated paragraph of
// the longest address's size (33,000 words).
func TestLongParagraphSentenceEdits(t *testing.T) {
	sentenceEdits(t, seedtest.OneParagraph(33_000))
}

func sentenceEdits(t *testing.T, raw string) {
	oldBody, newBody, sels, want := sotuEdit(t, raw)
	if len(sels) < 100 {
		t.Fatalf("only %d highlights planned", len(sels))
	}
	for i, r := range ReanchorAll(oldBody, newBody, sels) {
		checkPlaced(t, newBody, r)
		status := []Status{Exact, Moved}
		if want[i].Exact != sels[i].Exact {
			status = []Status{Fuzzy, Fuzzy}
		}
		got := r.Selector
		if (r.Status != status[0] && r.Status != status[1]) || got.Start != want[i].Start || got.End != want[i].End || got.Exact != want[i].Exact {
			t.Errorf("highlight %d %q: got %v [%d,%d) %q, want %v [%d,%d) %q", i, sels[i].Exact,
				r.Status, got.Start, got.End, got.Exact, status, want[i].Start, want[i].End, want[i].Exact)
		}
	}
}

// BenchmarkReanchorSotu re-anchors the sentence highlights of
// TestSotuSentenceEdits in the longest address.
func BenchmarkReanchorSotu(b *testing.B) {
	raw, err := os.ReadFile(sotuLongest)
	if err != nil {
		b.Skipf(seedtest.SkipNoCorpus+"the longest State of the Union address is not at %s", sotuLongest)
	}
	oldBody, newBody, sels, _ := sotuEdit(b, string(raw))
	var rs []Result
	for b.Loop() {
		rs = ReanchorAll(oldBody, newBody, sels)
	}
	report(b, rs)
}
