package anchor

import (
	"strings"
	"testing"
)

const fox = "The quick brown fox jumps over the lazy dog."

// block repeats in "nearest wins": its quote has the same context in every copy.
const block = "Lorem ipsum dolor sit amet, consectetur adipiscing, the cat sat here, sed do eiusmod tempor. "

type reanchorCase struct {
	old, new string
	quote    string // highlighted in old ...
	nth      int    // ... at its nth occurrence (0-based)
	status   Status
	start    int    // expected new offsets (ignored when Orphaned)
	end      int    //
	exact    string // expected new Exact; "" means the quote unchanged
}

var reanchorCases = map[string]reanchorCase{
	"unchanged": {old: fox, new: fox, quote: "brown fox",
		status: Exact, start: 10, end: 19},
	"text inserted before": {old: fox, new: "Very " + fox, quote: "brown fox",
		status: Moved, start: 15, end: 24},
	"text inserted just before": {old: fox, new: strings.Replace(fox, "quick ", "quick, quick ", 1), quote: "brown fox",
		status: Moved, start: 17, end: 26},
	"text inserted after": {old: fox, new: fox + " Again.", quote: "brown fox",
		status: Exact, start: 10, end: 19},
	"text inserted just after": {old: fox, new: strings.Replace(fox, "fox ", "fox quickly ", 1), quote: "brown fox",
		status: Exact, start: 10, end: 19},
	"same-length edit before": {old: fox, new: strings.Replace(fox, "quick", "QUICK", 1), quote: "brown fox",
		status: Exact, start: 10, end: 19},
	"highlighted text deleted": {old: fox, new: "The quick jumps over the lazy dog.", quote: "brown fox",
		status: Orphaned},
	"new body empty": {old: fox, new: "", quote: "brown fox",
		status: Orphaned},
	"paragraphs reordered": {
		old:   "Para one is here.\n\nPara two is there.\n\nPara three.",
		new:   "Para three.\n\nPara two is there.\n\nPara one is here.",
		quote: "two is there", status: Moved, start: 18, end: 30},
	"twice: matching context wins over old offsets": {
		old:   "Anna says the cat. Bert says the cat.",
		new:   "Bert says the cat. Anna says the cat.",
		quote: "the cat", nth: 1, status: Moved, start: 10, end: 17},
	"twice: the first keeps its place": {
		old:   "Anna says the cat. Bert says the cat.",
		new:   "Anna says the cat. Carl says the cat.",
		quote: "the cat", status: Exact, start: 10, end: 17},
	"thrice with equal context: nearest wins": {
		old:   block + block + block,
		new:   "Intro. " + block + block + block + "!",
		quote: "the cat", nth: 1, status: Moved, start: 152, end: 159},
	"non-ASCII moved by code points": {
		old:   "Café au lait. 日本語のテキスト 🙂 end",
		new:   "🎉🎉 Café au lait. 日本語のテキスト 🙂 end",
		quote: "テキスト", status: Moved, start: 21, end: 25},
	"emoji quote, edit after": {
		old:   "smile 🙂🙂 please",
		new:   "smile 🙂🙂 please, thank you",
		quote: "🙂🙂", status: Exact, start: 6, end: 8},
	"typo fixed inside": {
		old:   "The quick borwn fox jumps over the lazy dog.",
		new:   fox,
		quote: "quick borwn fox", status: Fuzzy, start: 4, end: 19, exact: "quick brown fox"},
	"word inserted inside": {old: fox, new: "The quick big brown fox jumps over the lazy dog.",
		quote: "quick brown fox jumps over", status: Fuzzy, start: 4, end: 34, exact: "quick big brown fox jumps over"},
	"word deleted inside": {old: fox, new: "The quick fox jumps over the lazy dog.",
		quote: "quick brown fox jumps over", status: Fuzzy, start: 4, end: 24, exact: "quick fox jumps over"},
	"typo fixed and text inserted before": {
		old:   "Intro. The quick borwn fox jumps over the lazy dog.",
		new:   "A much longer introduction. Intro. " + fox,
		quote: "quick borwn fox", status: Fuzzy, start: 39, end: 54, exact: "quick brown fox"},
	"rewritten beyond the threshold": {old: fox, new: "The slow grey cat walks under the lazy dog.",
		quote: "quick brown fox jumps", status: Orphaned},
	"non-ASCII typo fixed": {
		old:   "Le café était très bon, dit-elle à la serveuse.",
		new:   "Le café était très bon, dit-elle à la serveuse.",
		quote: "était très bon", status: Exact, start: 8, end: 22},
	"accent restored": {
		old:   "Sa vie était un naive resume de ses reves.",
		new:   "Sa vie était un naïve résumé de ses rêves.",
		quote: "un naive resume de ses", status: Fuzzy, start: 13, end: 35, exact: "un naïve résumé de ses"},
	"CJK character inserted": {
		old:   "東京は日本の首都です。大阪は大きな都市です。",
		new:   "東京は日本国の首都です。大阪は大きな都市です。",
		quote: "東京は日本の首都です", status: Fuzzy, start: 0, end: 11, exact: "東京は日本国の首都です"},
	"short quote deleted, a copy elsewhere": {
		old:   "Russia said no. In Geneva, after long talks on Ukraine, Russia agreed.",
		new:   "Russia said no. In Geneva, the talks went on.",
		quote: "Russia", nth: 1, status: Orphaned},
	"short quote deleted, a copy in the same words": {
		old:   "Russia said no. Later, Russia said no. Then silence.",
		new:   "Russia said no. Then silence.",
		quote: "Russia", nth: 1, status: Moved, start: 0, end: 6},
	"quote longer than new body": {old: fox, new: "dog", quote: "lazy dog.",
		status: Orphaned},
}

// selectNth describes the nth occurrence of quote in body.
func selectNth(t testing.TB, body, quote string, nth int) Selector {
	t.Helper()
	rest, base := body, 0
	for i := 0; ; i++ {
		s, e, ok := Locate(rest, quote)
		if !ok {
			t.Fatalf("occurrence %d of %q not in %q", nth, quote, body)
		}
		if i == nth {
			sel, err := Describe(body, base+s, base+e)
			if err != nil {
				t.Fatal(err)
			}
			return sel
		}
		r := []rune(rest)
		rest, base = string(r[s+1:]), base+s+1
	}
}

func TestReanchor(t *testing.T) {
	for name, tc := range reanchorCases {
		t.Run(name, func(t *testing.T) {
			sel := selectNth(t, tc.old, tc.quote, tc.nth)
			got := Reanchor(tc.old, tc.new, sel)
			checkPlaced(t, tc.new, got)
			if got.Status != tc.status {
				t.Fatalf("status = %v, want %v (result %+v)", got.Status, tc.status, got)
			}
			if tc.status == Orphaned {
				if got.Selector != sel || got.Score != 0 {
					t.Errorf("orphan = %+v, want the old selector %+v and score 0", got, sel)
				}
				return
			}
			exact := tc.exact
			if exact == "" {
				exact = tc.quote
			}
			s := got.Selector
			if s.Start != tc.start || s.End != tc.end || s.Exact != exact {
				t.Errorf("placed at [%d,%d) %q, want [%d,%d) %q", s.Start, s.End, s.Exact, tc.start, tc.end, exact)
			}
			if want, _ := Describe(tc.new, s.Start, s.End); s != want {
				t.Errorf("selector %+v lacks fresh context, want %+v", s, want)
			}
		})
	}
}

// checkPlaced asserts the invariant every placed result keeps.
func checkPlaced(t testing.TB, body string, r Result) {
	t.Helper()
	if r.Status == Orphaned {
		return
	}
	runes := []rune(body)
	s := r.Selector
	if s.Start < 0 || s.Start >= s.End || s.End > len(runes) {
		t.Fatalf("%v result at [%d,%d) outside a body of %d code points", r.Status, s.Start, s.End, len(runes))
	}
	if got := string(runes[s.Start:s.End]); got != s.Exact {
		t.Fatalf("%v result at [%d,%d) holds %q, Exact says %q", r.Status, s.Start, s.End, got, s.Exact)
	}
	if r.Score <= 0 || r.Score > 1 {
		t.Fatalf("%v result has score %v outside (0,1]", r.Status, r.Score)
	}
}

func TestReanchorInvalidSelector(t *testing.T) {
	tests := map[string]struct {
		sel Selector
	}{
		"empty quote":       {Selector{Start: 0, End: 0}},
		"empty quote, span": {Selector{Start: 2, End: 5, Prefix: "Th"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got := Reanchor(fox, fox, tc.sel)
			if got.Status != Orphaned || got.Selector != tc.sel {
				t.Errorf("Reanchor(%+v) = %+v, want it orphaned and unchanged", tc.sel, got)
			}
		})
	}
}

func TestReanchorAllMatchesReanchor(t *testing.T) {
	old := block + fox + block
	new := "New start. " + block + strings.Replace(fox, "lazy", "sleepy", 1) + block
	var sels []Selector
	for _, q := range []string{"brown fox", "the cat", "lazy dog", "Lorem"} {
		sels = append(sels, selectNth(t, old, q, 0))
	}
	all := ReanchorAll(old, new, sels)
	if len(all) != len(sels) {
		t.Fatalf("got %d results for %d selectors", len(all), len(sels))
	}
	for i, sel := range sels {
		if one := Reanchor(old, new, sel); all[i] != one {
			t.Errorf("selector %d: ReanchorAll gave %+v, Reanchor %+v", i, all[i], one)
		}
	}
	if all[0].Status != Moved || all[0].Selector.Start != 11+len(block)+10 {
		t.Errorf("brown fox = %+v, want moved to %d", all[0], 11+len(block)+10)
	}
}
