package export

import (
	"bytes"
	"strings"
	"testing"

	"scholia/storage"
)

// A highlight in a PDF paper cites its page in both exports; one in an
// article without pages cites none.
func TestHighlightCitesPage(t *testing.T) {
	body := "First page text. Second page text here."
	hl := func(id int64, start int) storage.Highlight {
		q := []rune(body)[start : start+6]
		return storage.Highlight{ID: id, ArticleID: 1, Start: start, End: start + 6, Quote: string(q), Color: "yellow"}
	}
	paper := Doc{
		Article:    storage.Article{ID: 1, Title: "Paper", Body: body, Pages: []int{0, 17}},
		Highlights: []storage.Highlight{hl(1, 0), hl(2, 17)},
	}
	var md bytes.Buffer
	if err := Markdown(&md, []Doc{paper}, storage.DefaultColors); err != nil {
		t.Fatal(err)
	}
	if got := md.String(); !strings.Contains(got, "** · p. 1 ·") || !strings.Contains(got, "** · p. 2 ·") {
		t.Fatalf("Markdown export does not cite pages 1 and 2:\n%s", got)
	}
	ad := newArticleData(paper, newPalette(storage.DefaultColors), NewTagger([]Doc{paper}), false)
	if want, got := viaTemplate(t, ad), viaBuiltin(ad); !bytes.Equal(want, got) {
		t.Fatalf("compiled output differs from the template\n--- template\n%s\n--- compiled\n%s", want, got)
	}
	var js bytes.Buffer
	if err := W3C(&js, []Doc{paper}, storage.DefaultColors); err != nil {
		t.Fatal(err)
	}
	if got := js.String(); !strings.Contains(got, `"scholia:page": 2`) {
		t.Fatalf("W3C export does not cite page 2:\n%s", got)
	}
	plain := paper
	plain.Article.Pages = nil
	md.Reset()
	if err := Markdown(&md, []Doc{plain}, storage.DefaultColors); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(md.String(), "p. 1") {
		t.Fatalf("an article without pages cites one:\n%s", md.String())
	}
}
