package images_test

import (
	"encoding/base64"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/app/images"
	"scholia/app/ingest"
	"scholia/storage/media"
	"scholia/storage/media/mediatest"
)

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func importFile(t *testing.T, path string) ingest.Doc {
	t.Helper()
	d, err := ingest.FileWith(path, ingest.Options{KeepDataImages: true})
	if err != nil {
		t.Fatal(err)
	}
	before := d.Body
	images.Localize(&d, images.FileResolver(path), nil)
	if d.Body != before {
		t.Fatalf("reading text changed:\n%q\n%q", before, d.Body)
	}
	return d
}

func hashes(d ingest.Doc) map[string]bool {
	out := map[string]bool{}
	for _, m := range d.Media {
		out[m.Hash] = true
	}
	return out
}

func TestMarkdownFileBringsImagesNextToIt(t *testing.T) {
	root := t.TempDir()
	red := mediatest.PNG(5, 4, color.NRGBA{R: 200, A: 255})
	blue := mediatest.PNG(3, 3, color.NRGBA{B: 200, A: 255})
	far := mediatest.PNG(2, 2, color.Black)
	write(t, filepath.Join(root, "vault", "notes", "pics", "red dot.png"), red)
	write(t, filepath.Join(root, "vault", "attachments", "blue.png"), blue)
	write(t, filepath.Join(root, "far.png"), far)
	md := "# Field notes\n\nA red one:\n\n![red dot](pics/red%20dot.png)\n\nInline ![blue](<../attachments/blue.png>) and a [ref] one ![again][b].\n\n" +
		"Too far: ![far](../../../far.png) and absolute ![abs](" + filepath.Join(root, "far.png") + ").\n\n" +
		"Missing: ![gone](pics/none.png), remote ![web](https://example.com/x.png).\n\n" +
		"`![red dot](pics/red%20dot.png)` stays code.\n\n[b]: ../attachments/blue.png\n[ref]: https://example.com\n"
	path := filepath.Join(root, "vault", "notes", "field.md")
	write(t, path, []byte(md))
	d := importFile(t, path)

	rh, bh := media.HashOf(red), media.HashOf(blue)
	if got := hashes(d); len(got) != 2 || !got[rh] || !got[bh] {
		t.Fatalf("media %v, want red and blue only", got)
	}
	for _, want := range []string{"![red dot](scholia-media:" + rh + ")", "![blue](scholia-media:" + bh + ")", "[b]: scholia-media:" + bh,
		"![far](../../../far.png)", "![gone](pics/none.png)", "![web](https://example.com/x.png)", "`![red dot](pics/red%20dot.png)`", "[ref]: https://example.com"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, d.Markdown)
		}
	}
	if strings.Contains(d.Markdown, "attachments/blue.png") {
		t.Errorf("a local address left:\n%s", d.Markdown)
	}
	if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], "3 image(s) kept as alt text") ||
		!strings.Contains(d.Warnings[0], "more than 2 folders above") || !strings.Contains(d.Warnings[0], "file not found") {
		t.Errorf("warnings %q", d.Warnings)
	}
}

func TestDataURIsAndBombInHTML(t *testing.T) {
	dir := t.TempDir()
	png := mediatest.PNG(6, 2, color.White)
	bomb := mediatest.BombPNG(50_000, 50_000)
	b64 := func(b []byte) string { return "data:image/png;base64," + base64.StdEncoding.EncodeToString(b) }
	html := `<html><head><title>Pictures</title></head><body><article><h1>Pictures</h1>
<p>The first paragraph is long enough for readability to keep it as the article body, as any real page would be.</p>
<p><img src="` + b64(png) + `" alt="a white bar"></p>
<p>Then a bomb: <img src="` + b64(bomb) + `" alt="a bomb"> in the text, and more words to read after it.</p>
<p>And a last paragraph that is also long enough to keep, with a sentence or two of ordinary prose.</p></article></body></html>`
	path := filepath.Join(dir, "page.html")
	write(t, path, []byte(html))
	d := importFile(t, path)
	if got := hashes(d); len(got) != 1 || !got[media.HashOf(png)] {
		t.Fatalf("media %v, want the white bar only\n%s", got, d.Markdown)
	}
	if strings.Contains(d.Markdown, "data:") || !strings.Contains(d.Markdown, "![a bomb](<>)") {
		t.Errorf("Markdown keeps a data: URI or lost the bomb's alt text:\n%.500s", d.Markdown)
	}
	if !strings.Contains(d.Body, "a bomb") || !strings.Contains(d.Body, "a white bar") {
		t.Errorf("alt text missing from the reading text: %q", d.Body)
	}
	if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], "too many pixels (50000×50000") {
		t.Errorf("warnings %q", d.Warnings)
	}
}

func TestWithoutKeepDataImagesDataURIsAreDropped(t *testing.T) {
	png := mediatest.PNG(1, 1, color.White)
	md := "Text.\n\n![dot](data:image/png;base64," + base64.StdEncoding.EncodeToString(png) + ")\n"
	d, err := ingest.Parse("x.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(d.Markdown, "data:") || !strings.Contains(d.Markdown, "![dot](<>)") {
		t.Errorf("Markdown %q", d.Markdown)
	}
}

func TestBudgetCapsImages(t *testing.T) {
	var md strings.Builder
	md.WriteString("Many pictures.\n\n")
	for i := range 5 {
		md.WriteString("![p](data:image/png;base64," + base64.StdEncoding.EncodeToString(mediatest.PNG(i+2, 2, color.White)) + ")\n\n")
	}
	d, err := ingest.ParseWith("x.md", []byte(md.String()), ingest.Options{KeepDataImages: true})
	if err != nil {
		t.Fatal(err)
	}
	images.Localize(&d, nil, &images.Budget{Max: 3})
	if len(d.Media) != 3 || len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], "over the limit of 3 images") {
		t.Errorf("%d media, warnings %q", len(d.Media), d.Warnings)
	}
}

// A spacer pixel (lazy-loading placeholders, tracking pixels) is not
// stored and not warned about; its data: URI still leaves the source.
func TestSpacerPixelIsNotStored(t *testing.T) {
	md := "Text.\n\n![lazy](data:image/gif;base64," + base64.StdEncoding.EncodeToString(mediatest.PNG(1, 1, color.White)) + ")\n\n![real](data:image/png;base64," +
		base64.StdEncoding.EncodeToString(mediatest.PNG(2, 2, color.White)) + ")\n"
	d, err := ingest.ParseWith("x.md", []byte(md), ingest.Options{KeepDataImages: true})
	if err != nil {
		t.Fatal(err)
	}
	images.Localize(&d, nil, nil)
	if len(d.Media) != 1 || d.Media[0].Width != 2 || len(d.Warnings) != 0 || strings.Contains(d.Markdown, "data:") {
		t.Errorf("%d media, warnings %q, Markdown %q", len(d.Media), d.Warnings, d.Markdown)
	}
}

func TestDataURI(t *testing.T) {
	for src, want := range map[string]string{
		"data:image/png;base64,aGk=":    "hi",
		"data:image/png;base64,aGk":     "hi",
		"data:,a%20b":                   "a b",
		"DATA:image/gif;base64,aG k=\n": "hi",
	} {
		if got, err := images.DataURI(src); err != nil || string(got) != want {
			t.Errorf("DataURI(%q) = %q, %v", src, got, err)
		}
	}
	for _, bad := range []string{"data", "data:image/png;base64", "data:;base64,!!!"} {
		if _, err := images.DataURI(bad); err == nil {
			t.Errorf("DataURI(%q) accepted", bad)
		}
	}
}
