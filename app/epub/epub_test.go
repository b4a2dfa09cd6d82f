package epub

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// entry is one file of a test book; store writes it uncompressed.
type entry struct {
	name, body string
	store      bool
}

func makeZip(t testing.TB, entries ...entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		m := zip.Deflate
		if e.store {
			m = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: m})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(e.body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const containerXML = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`

func chapter(title string, paras ...string) string {
	return `<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>` + title + `</title></head><body><section><h2>` + title + `</h2><p>` +
		strings.Join(paras, "</p><p>") + `</p></section></body></html>`
}

var (
	p1 = "The lighthouse keeper kept a journal of every ship that passed the point, its name, its flag and the hour, in a hand that grew smaller as the years went by."
	p2 = "In the winter of the great storm he wrote nothing for eleven days, and when the entries begin again they speak only of the weather and the lamp."
	p3 = "His daughter found the journals after his death, thirty-one volumes tied with string, and gave them to the harbour museum, where they are still kept."
	p4 = "Historians have used them since to date the wrecks along that coast, and to learn which captains trusted the light and which did not."
)

// epub3 is a small EPUB 3 book with a nav document and a cover image page.
func epub3(extra ...entry) []entry {
	opf := `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title>The Keeper’s Journals</dc:title><dc:creator>Ada Lind</dc:creator><dc:creator>Per Holm</dc:creator>
<dc:language>en</dc:language><dc:date>2019-05-04</dc:date><dc:publisher>Harbour Press</dc:publisher>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="cover" href="text/cover.xhtml" media-type="application/xhtml+xml"/>
<item id="c1" href="text/one.xhtml" media-type="application/xhtml+xml"/>
<item id="c2" href="text/two%20b.xhtml" media-type="application/xhtml+xml"/>
<item id="img" href="images/cover.jpg" media-type="image/jpeg"/>
</manifest>
<spine><itemref idref="cover"/><itemref idref="nav" linear="no"/><itemref idref="c1"/><itemref idref="c2"/></spine>
</package>`
	nav := `<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body>
<nav epub:type="toc"><ol><li><a href="text/one.xhtml">1. The Point</a></li><li><a href="text/two%20b.xhtml#start">2. The Museum</a></li></ol></nav>
<nav epub:type="landmarks"><ol><li><a href="text/cover.xhtml">Cover</a></li></ol></nav></body></html>`
	return append([]entry{
		{name: "mimetype", body: "application/epub+zip", store: true},
		{name: "META-INF/container.xml", body: containerXML},
		{name: "OEBPS/content.opf", body: opf},
		{name: "OEBPS/nav.xhtml", body: nav},
		{name: "OEBPS/text/cover.xhtml", body: `<html><body><img src="../images/cover.jpg"/></body></html>`},
		{name: "OEBPS/text/one.xhtml", body: chapter("Chapter one", p1, p2)},
		{name: "OEBPS/text/two b.xhtml", body: chapter("Chapter two", p3, p4)},
		{name: "OEBPS/images/cover.jpg", body: "\xff\xd8\xff"},
	}, extra...)
}

// epub2 is an EPUB 2 book with an NCX and a bare year as its date.
func epub2() []entry {
	opf := `<?xml version="1.0"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
<dc:title>Old Harbour</dc:title><dc:creator opf:role="aut">J. Brand</dc:creator><dc:creator opf:role="edt">An Editor</dc:creator><dc:date>1911</dc:date>
</metadata>
<manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
<item id="a" href="a.html" media-type="application/xhtml+xml"/><item id="b" href="b.html" media-type="application/xhtml+xml"/></manifest>
<spine toc="ncx"><itemref idref="b"/><itemref idref="a"/></spine>
</package>`
	ncx := `<?xml version="1.0"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
<navPoint id="n1"><navLabel><text>First Part</text></navLabel><content src="b.html"/>
<navPoint id="n2"><navLabel><text>Inner</text></navLabel><content src="b.html#x"/></navPoint></navPoint>
<navPoint id="n3"><navLabel><text>Second Part</text></navLabel><content src="a.html"/></navPoint>
</navMap></ncx>`
	return []entry{
		{name: "mimetype", body: "application/epub+zip", store: true},
		{name: "META-INF/container.xml", body: strings.Replace(containerXML, "OEBPS/content.opf", "content.opf", 1)},
		{name: "content.opf", body: opf},
		{name: "toc.ncx", body: ncx},
		{name: "a.html", body: chapter("A", p3, p4)},
		{name: "b.html", body: chapter("B", p1, p2)},
	}
}

func TestEPUB3(t *testing.T) {
	d, err := Parse("keeper.epub", makeZip(t, epub3()...))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "The Keeper’s Journals" || d.Author != "Ada Lind, Per Holm" || d.Published != "2019-05-04" || d.Source != "Harbour Press" {
		t.Errorf("meta %q / %q / %q / %q", d.Title, d.Author, d.Published, d.Source)
	}
	want := strings.Join([]string{"1. The Point", p1, p2, "2. The Museum", p3, p4}, "\n\n")
	if d.Body != want {
		t.Errorf("body:\n%s\nwant:\n%s", d.Body, want)
	}
	// The chapter titles are headings of the structured document.
	if !strings.HasPrefix(d.Markdown, "## 1\\. The Point\n\n") && !strings.HasPrefix(d.Markdown, "## 1. The Point\n\n") || !strings.Contains(d.Markdown, "\n## 2. The Museum\n") || len(d.Blocks) == 0 {
		t.Errorf("markdown:\n%s\nblocks %d bytes", d.Markdown, len(d.Blocks))
	}
}

func TestEPUB2SpineOrderAndNCX(t *testing.T) {
	d, err := Parse("harbour.epub", makeZip(t, epub2()...))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Old Harbour" || d.Author != "J. Brand" || d.Published != "" {
		t.Errorf("meta %q / %q / %q", d.Title, d.Author, d.Published)
	}
	want := strings.Join([]string{"First Part", p1, p2, "Second Part", p3, p4}, "\n\n")
	if d.Body != want {
		t.Errorf("body:\n%s\nwant:\n%s", d.Body, want)
	}
}

func TestFontObfuscationIsNotDRM(t *testing.T) {
	enc := `<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
<enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/><enc:CipherData><enc:CipherReference URI="OEBPS/fonts/a.otf"/></enc:CipherData></enc:EncryptedData></encryption>`
	if _, err := Parse("fonts.epub", makeZip(t, epub3(entry{name: "META-INF/encryption.xml", body: enc})...)); err != nil {
		t.Errorf("font-obfuscated book refused: %v", err)
	}
}

func TestRefusals(t *testing.T) {
	drm := `<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
<enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/><enc:CipherData><enc:CipherReference URI="OEBPS/text/one.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>`
	without := func(es []entry, name string) []entry {
		var out []entry
		for _, e := range es {
			if e.name != name {
				out = append(out, e)
			}
		}
		return out
	}
	replace := func(es []entry, name, old, new string) []entry {
		out := append([]entry(nil), es...)
		for i := range out {
			if out[i].name == name {
				out[i].body = strings.Replace(out[i].body, old, new, 1)
			}
		}
		return out
	}
	bomb := entry{name: "OEBPS/text/one.xhtml", body: chapter("x", strings.Repeat("a", 8<<20))}
	tests := map[string]struct {
		data   []byte
		reason string
	}{
		"not a zip":       {[]byte("this is not a zip file at all"), "not an EPUB book (broken zip: zip: not a valid zip file)"},
		"truncated zip":   {makeZip(t, epub3()...)[:300], "not an EPUB book (broken zip: zip: not a valid zip file)"},
		"no container":    {makeZip(t, without(epub3(), "META-INF/container.xml")...), "not an EPUB book (META-INF/container.xml is missing)"},
		"no package":      {makeZip(t, without(epub3(), "OEBPS/content.opf")...), "broken EPUB: OEBPS/content.opf is missing"},
		"spine idref":     {makeZip(t, replace(epub3(), "OEBPS/content.opf", `idref="c2"`, `idref="c9"`)...), `broken EPUB: the spine names "c9", which is not in the manifest`},
		"missing chapter": {makeZip(t, without(epub3(), "OEBPS/text/one.xhtml")...), "broken EPUB: chapter OEBPS/text/one.xhtml is missing"},
		"empty spine":     {makeZip(t, replace(epub3(), "OEBPS/content.opf", `<spine>`, `<spine/><x>`)...), "broken EPUB: package OEBPS/content.opf: no spine (the book lists no chapters)"},
		"DRM":             {makeZip(t, epub3(entry{name: "META-INF/encryption.xml", body: drm})...), "DRM-protected book (its chapters are encrypted): remove the protection with the software you bought it with, or import a DRM-free copy"},
		"FairPlay":        {makeZip(t, epub3(entry{name: "META-INF/sinf.xml", body: "<x/>"})...), "DRM-protected book (its chapters are encrypted): remove the protection with the software you bought it with, or import a DRM-free copy"},
		"images only": {makeZip(t, append(without(replace(epub3(), "OEBPS/content.opf", `<itemref idref="c2"/>`, ""), "OEBPS/text/one.xhtml"),
			entry{name: "OEBPS/text/one.xhtml", body: `<html><body><img src="../images/cover.jpg"/></body></html>`})...), "no readable text in its 2 chapters (images only?)"},
		"zip bomb chapter": {makeZip(t, append(without(epub3(), "OEBPS/text/one.xhtml"), bomb)...), ""},
		"unreadable opf":   {makeZip(t, replace(epub3(), "OEBPS/content.opf", "<manifest>", "<manifest><<<")...), ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := Parse("b.epub", tc.data)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v, want an *Error", err)
			}
			if tc.reason != "" && e.Reason != tc.reason {
				t.Errorf("reason = %q\nwant     %q", e.Reason, tc.reason)
			}
			if strings.Contains(e.Error(), "\n") {
				t.Errorf("not one line: %q", e)
			}
		})
	}
}

// TestCorpus is an extra check on real books.
func TestCorpus(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/corpus/epub/*.epub")
	if len(files) == 0 {
		t.Skip("needs ../shared/corpus: epub/*.epub")
	}
	for _, f := range files {
		d, err := File(f)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		if d.Title == "" || d.Author == "" || len(d.Body) < 10000 {
			t.Errorf("%s: title %q author %q, %d bytes", f, d.Title, d.Author, len(d.Body))
		}
		if strings.Contains(d.Body, "<p") || strings.Contains(d.Body, "</") {
			t.Errorf("%s: markup left in the text", f)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(makeZip(f, epub2()...))
	f.Add(makeZip(f, epub3()...))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse("f.epub", data)
		if err == nil && d.Body == "" {
			t.Error("accepted a book with no text")
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("not one line: %q", err)
		}
	})
}

// BenchmarkBooks: books/s on a generated 40-chapter book.
func BenchmarkBooks(b *testing.B) {
	es := epub3()
	var spine, manifest strings.Builder
	for i := 0; i < 40; i++ {
		es = append(es, entry{name: fmt.Sprintf("OEBPS/text/c%d.xhtml", i), body: chapter(fmt.Sprint("Chapter ", i), p1, p2, p3, p4, p1, p2, p3, p4)})
		fmt.Fprintf(&manifest, `<item id="x%d" href="text/c%d.xhtml" media-type="application/xhtml+xml"/>`, i, i)
		fmt.Fprintf(&spine, `<itemref idref="x%d"/>`, i)
	}
	for i := range es {
		if es[i].name == "OEBPS/content.opf" {
			es[i].body = strings.Replace(es[i].body, "</manifest>", manifest.String()+"</manifest>", 1)
			es[i].body = strings.Replace(es[i].body, "</spine>", spine.String()+"</spine>", 1)
		}
	}
	data := makeZip(b, es...)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Parse("bench.epub", data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "books/s")
}

func TestMain(m *testing.M) { os.Exit(m.Run()) }

// TestTitleNotSaidTwice: a chapter whose own heading is its table-of-
// contents title keeps one of them, even after a title page in the file.
func TestTitleNotSaidTwice(t *testing.T) {
	es := epub3()
	for i := range es {
		switch es[i].name {
		case "OEBPS/nav.xhtml":
			es[i].body = strings.Replace(es[i].body, "1. The Point", "The Point", 1)
		case "OEBPS/text/one.xhtml":
			es[i].body = `<html><body><section><p>Ada Lind</p><p>For my father</p><h2>The Point</h2><p>` + p1 + `</p><p>` + p2 + `</p></section></body></html>`
		}
	}
	d, err := Parse("keeper.epub", makeZip(t, es...))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(d.Body, "The Point"); n != 1 {
		t.Errorf("%q appears %d times:\n%s", "The Point", n, d.Body)
	}
}
