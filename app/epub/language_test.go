package epub

import (
	"strings"
	"testing"
)

// TestBookLanguage: the OPF's dc:language is the article's language; a
// book without one has none.
func TestBookLanguage(t *testing.T) {
	d, err := Parse("keeper.epub", makeZip(t, epub3()...))
	if err != nil {
		t.Fatal(err)
	}
	if d.Language != "en" {
		t.Errorf("EPUB 3 language %q, want en", d.Language)
	}
	es := epub3()
	for i := range es {
		es[i].body = strings.Replace(es[i].body, "<dc:language>en</dc:language>", "<dc:language>pt_br</dc:language>", 1)
	}
	if d, err = Parse("keeper.epub", makeZip(t, es...)); err != nil || d.Language != "pt-BR" {
		t.Errorf("dc:language pt_br gave %q, %v; want pt-BR", d.Language, err)
	}
	if d, err = Parse("old.epub", makeZip(t, epub2()...)); err != nil || d.Language != "" {
		t.Errorf("EPUB 2 without dc:language gave %q, %v", d.Language, err)
	}
}
