package export

import (
	"bytes"
	"strings"
	"testing"

	"scholia/storage"
)

// TestW3CKeepsMarkdown: a backup carries each article's Markdown source and
// restores it with its blocks; a source that does not read as the body the
// highlights count in is refused with one line.
func TestW3CKeepsMarkdown(t *testing.T) {
	a := storage.Article{ID: 1, Title: "t", Markdown: "# Head\n\n- one\n- *two*\n", Body: "Head\n\none\ntwo"}
	hs := []storage.Highlight{{ID: 1, Start: 6, End: 13, Quote: "one\ntwo", Color: "yellow"}}
	var buf bytes.Buffer
	if err := W3C(&buf, []Doc{{Article: a, Highlights: hs}}, storage.DefaultColors); err != nil {
		t.Fatal(err)
	}
	docs, _, err := ReadW3C(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	got := docs[0].Article
	if got.Markdown != a.Markdown || got.Body != a.Body || len(got.Blocks) == 0 {
		t.Fatalf("read back markdown %q body %q blocks %d bytes", got.Markdown, got.Body, len(got.Blocks))
	}
	tampered := strings.Replace(buf.String(), `- *two*`, `- *three*`, 1)
	if _, _, err := ReadW3C(strings.NewReader(tampered)); err == nil || !strings.Contains(err.Error(), "does not read as its body") {
		t.Fatalf("tampered markdown: %v", err)
	}
}
