package anchor

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// article is a synthetic body kept as words so tests know where every
// highlight must end up after an edit.
type article [][]string

// newArticle makes paras paragraphs of about 100 words drawn with a Zipf
// law from a made-up vocabulary, so short common words repeat as in prose.
func newArticle(seed uint64, paras int) article {
	rng := rand.New(rand.NewPCG(seed, 7))
	vocab := make([]string, 3000)
	for i := range vocab {
		w := make([]byte, 1+rng.IntN(3)+min(i/300, 7))
		for j := range w {
			w[j] = byte('a' + rng.IntN(26))
		}
		vocab[i] = string(w)
	}
	zipf := rand.NewZipf(rng, 1.1, 2, uint64(len(vocab)-1))
	a := make(article, paras)
	for i := range a {
		a[i] = make([]string, 80+rng.IntN(40))
		for j := range a[i] {
			a[i][j] = vocab[zipf.Uint64()]
		}
	}
	return a
}

func (a article) body() string {
	ps := make([]string, len(a))
	for i, p := range a {
		ps[i] = strings.Join(p, " ")
	}
	return strings.Join(ps, "\n\n")
}

// span is words [from:to) of paragraph para.
type span struct{ para, from, to int }

// offsets returns the code point range of s in a.body().
func (a article) offsets(s span) (start, end int) {
	for _, p := range a[:s.para] {
		start += len(strings.Join(p, " ")) + 2
	}
	start += len(strings.Join(a[s.para][:s.from], " "))
	if s.from > 0 {
		start++
	}
	return start, start + len(strings.Join(a[s.para][s.from:s.to], " "))
}

// spans spreads n highlights of 8 to 20 words evenly through a.
func (a article) spans(n int) []span {
	out := make([]span, n)
	for i := range out {
		p := i * len(a) / n
		from := (i * 37) % (len(a[p]) - 20)
		out[i] = span{p, from, from + 8 + i%13}
	}
	return out
}

// editLikeAUser deletes paragraphs 2-4, fixes a letter in every 7th word of
// paragraphs 5-9 and inserts a paragraph in the middle. It returns the new
// article and where each old paragraph went (-1: deleted).
func (a article) editLikeAUser() (article, []int) {
	var out article
	where := make([]int, len(a))
	for i, p := range a {
		if i == len(a)/2 {
			out = append(out, strings.Fields(strings.Repeat("an inserted paragraph of new words ", 20)))
		}
		if i >= 2 && i <= 4 {
			where[i] = -1
			continue
		}
		p = append([]string(nil), p...)
		if i >= 5 && i <= 9 {
			for j := 3; j < len(p); j += 7 {
				p[j] = p[j][:len(p[j])-1] + "Q"
			}
		}
		where[i] = len(out)
		out = append(out, p)
	}
	return out, where
}

func TestReanchorLargeEdit(t *testing.T) {
	old := newArticle(1, 60)
	new, where := old.editLikeAUser()
	oldBody, newBody := old.body(), new.body()
	spans := old.spans(120)
	sels := make([]Selector, len(spans))
	for i, s := range spans {
		st, en := old.offsets(s)
		sels[i], _ = Describe(oldBody, st, en)
	}
	counts := map[Status]int{}
	for i, r := range ReanchorAll(oldBody, newBody, sels) {
		s := spans[i]
		checkPlaced(t, newBody, r)
		counts[r.Status]++
		if where[s.para] < 0 {
			if r.Status != Orphaned {
				t.Errorf("highlight %d in a deleted paragraph: got %v %q", i, r.Status, r.Selector.Exact)
			}
			continue
		}
		ns := span{where[s.para], s.from, s.to}
		st, en := new.offsets(ns)
		exact := strings.Join(new[ns.para][ns.from:ns.to], " ")
		want := []Status{Exact, Moved}
		if exact != sels[i].Exact {
			want = []Status{Fuzzy}
		}
		if (r.Status != want[0] && r.Status != want[len(want)-1]) || r.Selector.Start != st || r.Selector.End != en || r.Selector.Exact != exact {
			t.Errorf("highlight %d: got %v [%d,%d) %q, want %v [%d,%d) %q", i, r.Status, r.Selector.Start, r.Selector.End, r.Selector.Exact, want, st, en, exact)
		}
	}
	// The edit must exercise every path, or this test proves less than it says.
	for _, st := range []Status{Exact, Moved, Fuzzy, Orphaned} {
		if counts[st] == 0 {
			t.Errorf("no highlight ended %v: %v", st, counts)
		}
	}
}

func benchSetup(b *testing.B, highlights int, edit func(article) article) (string, string, []Selector) {
	old := newArticle(2, 500) // about 50,000 words
	oldBody, newBody := old.body(), edit(old).body()
	spans := old.spans(highlights)
	sels := make([]Selector, len(spans))
	for i, s := range spans {
		st, en := old.offsets(s)
		sels[i], _ = Describe(oldBody, st, en)
	}
	return oldBody, newBody, sels
}

// report adds how many highlights ended in each status and the time per
// highlight.
func report(b *testing.B, rs []Result) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(rs)), "ns/highlight")
	counts := map[Status]int{}
	for _, r := range rs {
		counts[r.Status]++
	}
	for _, st := range []Status{Exact, Moved, Fuzzy, Orphaned} {
		b.ReportMetric(float64(counts[st]), st.String())
	}
}

// BenchmarkReanchor1000 re-anchors 1,000 highlights in a 50,000-word article
// after deleting paragraphs and fixing words near the start and inserting a
// paragraph in the middle.
func BenchmarkReanchor1000(b *testing.B) {
	oldBody, newBody, sels := benchSetup(b, 1000, func(a article) article { n, _ := a.editLikeAUser(); return n })
	var rs []Result
	for b.Loop() {
		rs = ReanchorAll(oldBody, newBody, sels)
	}
	report(b, rs)
}

// BenchmarkReanchorExact is the common case: a paragraph appended, every
// highlight still at its offsets.
func BenchmarkReanchorExact(b *testing.B) {
	oldBody, newBody, sels := benchSetup(b, 1000, func(a article) article {
		return append(a[:len(a):len(a)], []string{"A", "new", "closing", "paragraph."})
	})
	var rs []Result
	for b.Loop() {
		rs = ReanchorAll(oldBody, newBody, sels)
	}
	report(b, rs)
}

// BenchmarkReanchorFuzzy re-anchors 100 highlights whose words were all
// retyped (one letter in every 7th word), so each takes the approximate path.
func BenchmarkReanchorFuzzy(b *testing.B) {
	oldBody, newBody, sels := benchSetup(b, 100, func(a article) article {
		out := make(article, len(a))
		for i, p := range a {
			out[i] = append([]string(nil), p...)
			for j := 3; j < len(p); j += 7 {
				out[i][j] = p[j][:len(p[j])-1] + "Q"
			}
		}
		return out
	})
	var rs []Result
	for b.Loop() {
		rs = ReanchorAll(oldBody, newBody, sels)
	}
	report(b, rs)
}

// BenchmarkReanchorOrphan is the worst single case: the quote is gone, so
// the approximate search scans the whole 50,000-word body before giving up.
func BenchmarkReanchorOrphan(b *testing.B) {
	oldBody, newBody, sels := benchSetup(b, 1, func(a article) article { return a[1:] })
	var rs []Result
	for b.Loop() {
		rs = ReanchorAll(oldBody, newBody, sels)
	}
	report(b, rs)
}
