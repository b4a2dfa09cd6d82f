package pdf

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestCorpusPaper reads the arXiv preprint of ../shared/corpus/pdf and
// checks what a reader sees: sections in order, the margin stamp and the
// running head gone, the paragraph broken by a page's footnote whole
// again, the references a list, one start per page. The reading-order and
// de-hyphenation doubts that remain are logged.
func TestCorpusPaper(t *testing.T) {
	path := "../../../shared/corpus/pdf/arxiv-0807.3577.pdf"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skip("needs ../shared/corpus: pdf/arxiv-0807.3577.pdf")
	}
	d, err := Parse(filepath.Base(path), data)
	if err != nil {
		t.Fatal(err)
	}
	md := d.Markdown
	if d.Title != "Apparent and average accelerations of the Universe" || !strings.Contains(d.Author, "Bolejko") || d.Published != "2008-10-01" {
		t.Errorf("title, author, date = %q, %q, %q", d.Title, d.Author, d.Published)
	}
	at := 0
	for _, h := range []string{"# 1. Introduction\n", "# 2. The Buchert scheme\n", "# 4. The apparent", "# 5. Connection", "# 6. Conclusions\n", "# References\n"} {
		i := strings.Index(md[at:], h)
		if i < 0 {
			t.Errorf("heading %q missing or out of order", h)
			continue
		}
		at += i
	}
	for _, gone := range []string{"JCAP10(2008)003", "\n\nApparent and average accelerations of the Universe\n\n"} {
		if strings.Contains(md, gone) {
			t.Errorf("margin text %q kept", gone)
		}
	}
	if !strings.Contains(md, "\n- 1\\. Introduction 2\n") || strings.Contains(md, "# 6. Conclusions 9") {
		t.Error("the table of contents is not a list")
	}
	if !strings.Contains(md, "the back-reaction is rarely taken into account") {
		t.Error("the paragraph interrupted by page 2's footnote is not joined")
	}
	if n := strings.Count(md, "\n- \\["); n < 25 {
		t.Errorf("%d numbered references in the list, want 25 at least", n)
	}
	if len(d.Pages) != 15 {
		t.Fatalf("%d page starts, want 15", len(d.Pages))
	}
	for i := 1; i < len(d.Pages); i++ {
		if d.Pages[i] < d.Pages[i-1] {
			t.Fatalf("page starts go backwards: %v", d.Pages)
		}
	}
	body := []rune(d.Body)
	for page, first := range map[int]string{3: "rarely taken into account", 5: "3. The Lemaître–Tolman model", 6: "4. The apparent", 15: "[25] Wiltshire D L, 2007"} {
		at := d.Pages[page-1]
		if got := string(body[at:min(at+60, len(body))]); !strings.HasPrefix(got, first) {
			t.Errorf("page %d starts at %q, want %q", page, got, first)
		}
	}
	// What is left to see: a hyphen followed by a space is a line-end
	// hyphen that was kept where the word should have been joined (or a
	// real "- " dash); "f ind"-style gaps are split ligatures.
	missed := regexp.MustCompile(`[a-z]- [a-z]+`).FindAllString(md, -1)
	split := regexp.MustCompile(`\b(f|ff) (i|l|f)[a-z]+`).FindAllString(md, -1)
	t.Logf("%d pages, %d code points; de-hyphenation doubts: %d %q; split ligatures: %d %q",
		len(d.Pages), len([]rune(d.Body)), len(missed), missed, len(split), split)
}
