package export

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"scholia/storage"
	"scholia/storage/doc"
)

// viaTemplate renders ad through the template engine, the reference that
// renderBuiltin must match byte for byte.
func viaTemplate(t testing.TB, ad ArticleData) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := defaultTemplate.t.Execute(&b, ad); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func viaBuiltin(ad ArticleData) []byte {
	var b bytes.Buffer
	renderBuiltin(&b, &ad)
	return b.Bytes()
}

// awkwardDocs are articles whose fields take every branch of the template:
// empty and missing fields, non-http URLs, text that needs escaping, tags
// that map, empty quotes and comments, orphans, notes that need fencing.
func awkwardDocs() []Doc {
	titles := []string{"", "Plain", "# not a heading", "1. list?", "- dash", "a  b\tc\nd", "<b>&amp; %%x%% [[w]]", "\x00\x7f\u0085ctl", "\xff bad utf8"}
	urls := []string{"", "https://example.com/a b<c>&d\\e", "ftp://x.org/", "not a url", "http://", "HTTPS://EXAMPLE.COM/"}
	notes := []string{"", "  \n\n ", "Plain note.", "```\nunclosed fence", "%% scholia end %%", "<div>\nraw", "$$\nmath", "a\r\nb\rc"}
	texts := []string{"", "\n\n", "one line", "> quoted\n\n\n- item\n  1) x", "   lead\ttrail   ", "**bold** _it_ `code` ~~s~~ ==h== ^b #t", "\n\nline\n\n"}
	tagSets := [][]string{nil, {"russia"}, {"foreign policy", "C#", "c++", "2022", "a&b", "x/y/"}, {"", " "}}
	colors := []string{"yellow", "green", "unknown-key", "", "pink"}
	var docs []Doc
	for i := 0; i < 240; i++ {
		a := storage.Article{
			ID: int64(i + 1), Title: titles[i%len(titles)], Author: texts[(i/2)%len(texts)],
			Source: titles[(i/3)%len(titles)], URL: urls[i%len(urls)], Published: texts[(i/5)%len(texts)],
			Note: notes[i%len(notes)], Tags: tagSets[(i/7)%len(tagSets)],
		}
		if i%4 != 0 {
			a.Added = t0
		}
		a.Markdown = texts[i%len(texts)] + "\n\n" + notes[(i/3)%len(notes)]
		if d, err := doc.Parse(a.Markdown); err == nil {
			a.Body = d.Text
		}
		var hs []storage.Highlight
		for k := 0; k < i%4; k++ {
			hs = append(hs, storage.Highlight{
				ID: int64(i*10 + k), ArticleID: a.ID, Start: (k * 37) % 5, Quote: texts[(i+k)%len(texts)],
				Comment: texts[(i+2*k)%len(texts)], Color: colors[(i+k)%len(colors)],
				Tags: tagSets[(i+k)%len(tagSets)], Orphaned: (i+k)%3 == 0,
			})
		}
		docs = append(docs, Doc{Article: a, Highlights: hs})
	}
	return docs
}

// TestBuiltinMatchesTemplate renders many articles, one-file and vault
// form, both through the template engine and the compiled path.
func TestBuiltinMatchesTemplate(t *testing.T) {
	if !defaultTemplate.builtin {
		t.Fatal("the built-in template does not take the compiled path")
	}
	docs := append(awkwardDocs(), syntheticDocs(200, 5)...)
	colors := append([]storage.Color{{Key: "pink", Name: "  Two\nlines ", Hex: "#ff77cc"}, {Key: "green", Name: "", Hex: "bad"}}, storage.DefaultColors...)
	p := newPalette(colors)
	tg := NewTagger(docs)
	for _, oneFile := range []bool{false, true} {
		for _, d := range docs {
			d.FullText = d.Article.ID%2 == 0 // the article's text too
			ad := newArticleData(d, p, tg, oneFile)
			if d.Article.ID%2 == 0 && d.Article.Body != "" && ad.FullText == "" {
				t.Fatalf("article %d: no full text", d.Article.ID)
			}
			if d.Article.ID%3 == 0 {
				// Every text field set, so a field the template starts
				// using is exercised here even before any fixture has it.
				fillStrings(reflect.ValueOf(&ad).Elem(), fmt.Sprint(d.Article.ID))
			}
			want, got := viaTemplate(t, ad), viaBuiltin(ad)
			if !bytes.Equal(got, want) {
				t.Fatalf("article %d (one file %v): compiled output differs from the template\n--- template\n%s\n--- compiled\n%s", d.Article.ID, oneFile, want, got)
			}
		}
	}
}

// fillStrings sets every empty string field of v (a struct), and those of
// the structs in its slice fields, to a value of its own.
func fillStrings(v reflect.Value, seed string) {
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.String:
			if f.String() == "" {
				f.SetString(v.Type().Field(i).Name + " " + seed)
			}
		case reflect.Slice:
			if f.Type().Elem().Kind() == reflect.Struct {
				for j := 0; j < f.Len(); j++ {
					fillStrings(f.Index(j), seed)
				}
			}
		}
	}
}

// TestBuiltinOnlyForBuiltinText: a user's template, even one differing by
// a byte, runs through the template engine.
func TestBuiltinOnlyForBuiltinText(t *testing.T) {
	same, err := ParseTemplate("copy.tmpl", DefaultTemplateText)
	if err != nil || !same.builtin {
		t.Fatalf("a copy of the built-in template: builtin=%v err=%v", same != nil && same.builtin, err)
	}
	changed, err := ParseTemplate("mine.tmpl", strings.Replace(DefaultTemplateText, "# Highlights", "# Passages", 1))
	if err != nil || changed.builtin {
		t.Fatalf("a changed template: builtin=%v err=%v", changed != nil && changed.builtin, err)
	}
	var b bytes.Buffer
	if err := changed.execute(&b, sampleData()); err != nil || !strings.Contains(b.String(), "# Passages") {
		t.Fatalf("the changed template did not run: %v\n%s", err, b.String())
	}
}

func FuzzBuiltinTemplate(f *testing.F) {
	f.Add("Title", "Author", "https://example.com/x", "A *note*.", "A quote.", "A comment.", "tag", "yellow", false, true)
	f.Add("", "", "ftp://x", "```", "", "\n", "C#", "", true, false)
	f.Add("1. x", "- y", "http://a b", "%% scholia end %%", "> q\n\nr", "  c  ", "a&b", "zzz", true, true)
	f.Fuzz(func(t *testing.T, title, author, url, note, quote, comment, tag, color string, orphaned, oneFile bool) {
		a := storage.Article{ID: 7, Title: title, Author: author, Source: comment, URL: url, Published: tag,
			Note: note, Tags: []string{tag, title}, Added: t0}
		hs := []storage.Highlight{
			{ID: 1, ArticleID: 7, Quote: quote, Comment: comment, Color: color, Tags: []string{tag}, Orphaned: orphaned},
			{ID: 2, ArticleID: 7, Start: 3, Quote: comment, Comment: quote, Color: "green", Orphaned: !orphaned},
		}
		d := Doc{Article: a, Highlights: hs}
		ad := newArticleData(d, newPalette(storage.DefaultColors), NewTagger([]Doc{d}), oneFile)
		if want, got := viaTemplate(t, ad), viaBuiltin(ad); !bytes.Equal(got, want) {
			t.Fatalf("compiled output differs from the template\n--- template\n%q\n--- compiled\n%q", want, got)
		}
	})
}

// BenchmarkRenderArticle compares the two paths on one article.
func BenchmarkRenderArticle(b *testing.B) {
	d := syntheticDocs(1, 5)[0]
	ad := newArticleData(d, newPalette(storage.DefaultColors), NewTagger([]Doc{d}), true)
	for _, path := range []string{"template", "compiled"} {
		b.Run(path, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if path == "template" {
					if err := defaultTemplate.t.Execute(&buf, ad); err != nil {
						b.Fatal(err)
					}
				} else {
					renderBuiltin(&buf, &ad)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}
