package storage

import (
	"strings"
	"testing"
)

func TestSnippet(t *testing.T) {
	mark := func(s string) string {
		return strings.NewReplacer(SnippetOpen, "[", SnippetClose, "]").Replace(s)
	}
	long := "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
	cases := map[string]struct {
		text, query, want string
		width             int
	}{
		"word":            {"The talks in Geneva begin.", "geneva", "The talks in [Geneva] begin.", 14},
		"diacritics fold": {"Le café de Genève", "geneve cafe", "Le [café] de [Genève]", 14},
		"prefix":          {"Countries counted a count.", "count*", "[Countries] [counted] a [count].", 14},
		"phrase words":    {"the people of the town", `"the people"`, "[the] [people] of [the] town", 14},
		"cut both ends":   {long, "ten", "…nine [ten] eleven twelve thirteen fourteen…", 6},
		"at the start":    {long, "one", "[one] two three four…", 4},
		"no match":        {"nothing here", "absent", "", 14},
		"not a prefix":    {"recount", "count*", "", 14},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			q, err := FTSQuery(tc.query)
			if err != nil {
				t.Fatal(err)
			}
			if got := mark(snippet(tc.text, queryTerms(q), tc.width)); got != tc.want {
				t.Errorf("snippet = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestFoldWordIsFold(t *testing.T) {
	for _, w := range []string{"Genève", "CAFÉ", "Straße", "Œuvre", "Łódź", "İstanbul", "naïve", "e\u0301te", "Ærø", "ǅemal", "Москва", "plain"} {
		if got, want := foldWord(w), fold(w); got != want {
			t.Errorf("foldWord(%q) = %q, fold = %q", w, got, want)
		}
	}
	for r := rune(0x80); r < 0x250; r++ {
		if w := "x" + string(r) + "Y"; foldWord(w) != fold(w) {
			t.Errorf("foldWord(%q) = %q, fold = %q", w, foldWord(w), fold(w))
		}
	}
}

// TestSnippetSkipIsTheSame: starting a long text's words near the first
// match (found by a byte search) gives the snippet reading from the start.
func TestSnippetSkipIsTheSame(t *testing.T) {
	vocab := strings.Fields("the people country count counted recount a of zorb Zorbing ZORB x-ray 42 co-op")
	seps := []string{" ", " ", ", ", ". ", "\n\n", " — "[1:2], "-", " (", ") "}
	seed := uint32(7)
	next := func(n int) int { seed = seed*1664525 + 1013904223; return int(seed>>8) % n }
	queries := []string{"zorb", "count*", `"the people"`, "recount country", "42", "co", "x ray", "absent"}
	for round := 0; round < 300; round++ {
		var b strings.Builder
		for b.Len() < 2048+next(4000) {
			b.WriteString(vocab[next(len(vocab))])
			sep := seps[next(len(seps))]
			if sep == " — "[1:2] || !isASCII(sep) {
				sep = " "
			}
			b.WriteString(sep)
		}
		text := b.String()
		for _, query := range queries {
			q, err := FTSQuery(query)
			if err != nil {
				t.Fatal(err)
			}
			terms := queryTerms(q)
			for _, width := range []int{4, 14} {
				if got, want := snippet(text, terms, width), snippetFrom(text, terms, width, 0); got != want {
					t.Fatalf("round %d %q width %d:\n got %q\nwant %q", round, query, width, got, want)
				}
			}
		}
	}
}
