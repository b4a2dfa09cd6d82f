package export

import (
	"bytes"
	"strings"
	"testing"

	"scholia/storage"
)

func TestSRCard(t *testing.T) {
	for name, tc := range map[string]struct {
		card storage.Card
		want string
	}{
		"cloze":          {storage.Card{Kind: storage.CardCloze, Cloze: "Sleep {{c1::consolidates}} memories."}, "Sleep ==consolidates== memories."},
		"two deletions":  {storage.Card{Kind: storage.CardCloze, Cloze: "{{c1::Paris}} is in {{c2::France::country}}"}, "==Paris== is in ==France=="},
		"markup escaped": {storage.Card{Kind: storage.CardCloze, Cloze: "a *b* {{c1::[c]}}"}, `a \*b\* ==\[c\]==`},
		"basic":          {storage.Card{Kind: storage.CardBasic, Question: "Who?", Answer: "The\ncommittee"}, "Who?::The committee"},
		"separator kept": {storage.Card{Kind: storage.CardBasic, Question: "a::b", Answer: "c"}, "a: :b::c"},
		"empty":          {storage.Card{Kind: storage.CardBasic, Question: " ", Answer: "c"}, ""},
		"no card":        {storage.Card{}, ""},
	} {
		if got := srCard(tc.card); got != tc.want {
			t.Errorf("%s: %q; want %q", name, got, tc.want)
		}
	}
}

// TestMarkdownExportHasObsidianCards: a card's highlight carries its
// spaced-repetition line and the note the plugin's tag; without cards the
// export is unchanged (the other golden tests hold that).
func TestMarkdownExportHasObsidianCards(t *testing.T) {
	body := "Sleep consolidates memories. Tests help."
	a := storage.Article{ID: 3, Title: "Sleep", Body: body}
	h1 := storage.Highlight{ID: 5, ArticleID: 3, Start: 0, End: 28, Quote: "Sleep consolidates memories.", Color: "yellow"}
	h2 := storage.Highlight{ID: 6, ArticleID: 3, Start: 29, End: 40, Quote: "Tests help.", Color: "green"}
	doc := Doc{Article: a, Highlights: []storage.Highlight{h1, h2},
		Cards: map[int64]storage.Card{5: {HighlightID: 5, Kind: storage.CardCloze, Cloze: "Sleep {{c1::consolidates}} memories."}}}
	var b bytes.Buffer
	if err := Markdown(&b, []Doc{doc}, storage.DefaultColors); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Count(out, "#flashcards") != 1 || !strings.Contains(out, "\nSleep ==consolidates== memories.\n") {
		t.Errorf("export lacks the card or its tag:\n%s", out)
	}
	doc.Cards = nil
	b.Reset()
	if err := Markdown(&b, []Doc{doc}, storage.DefaultColors); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "#flashcards") || strings.Contains(b.String(), "==") {
		t.Errorf("an export without cards has card markup:\n%s", b.String())
	}
}
