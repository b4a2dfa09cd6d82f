package export

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"scholia/storage"
)

// A backup carries an article's language and a PDF's page starts, and the
// highlight's page term it uses is declared in the @context.
func TestW3CCarriesPagesAndLanguage(t *testing.T) {
	body := "Page one holds this.\n\nPage two holds that.\n\nPage three ends."
	docs := []Doc{
		{Article: storage.Article{ID: 1, Title: "Paper", Body: body, Language: "de-CH", Pages: []int{0, 22, 44}},
			Highlights: []storage.Highlight{{ID: 1, ArticleID: 1, Start: 27, End: 32, Quote: "holds", Color: "yellow"}}},
		{Article: storage.Article{ID: 2, Title: "Plain", Body: "no pages here"}},
	}
	var b bytes.Buffer
	if err := W3C(&b, docs, storage.DefaultColors); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"scholia:page": 2`) {
		t.Fatalf("the highlight does not say its page:\n%s", b.String())
	}
	checkDeclared(t, decodeAny(t, b.Bytes()).(map[string]any))
	got, _, err := ReadW3C(&b)
	if err != nil {
		t.Fatal(err)
	}
	if a := got[0].Article; a.Language != "de-CH" || !slices.Equal(a.Pages, []int{0, 22, 44}) {
		t.Errorf("read back: language %q, pages %v", a.Language, a.Pages)
	}
	if a := got[1].Article; a.Language != "" || a.Pages != nil {
		t.Errorf("the plain article came back with language %q, pages %v", a.Language, a.Pages)
	}
}

func TestReadW3CBadPages(t *testing.T) {
	for name, pages := range map[string]string{
		"not from 0":    "[3, 5]",
		"backwards":     "[0, 9, 4]",
		"past the text": "[0, 400]",
		"negative":      "[0, -1]",
	} {
		in := `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","scholia:library":{"version":1,"articles":[{"id":1,"title":"T","body":"one two three","pages":` + pages + `}]}}`
		_, _, err := ReadW3C(strings.NewReader(in))
		if err == nil || !strings.Contains(err.Error(), "article 1: page") {
			t.Errorf("%s: err = %v, want one naming the article and page", name, err)
		}
	}
}
