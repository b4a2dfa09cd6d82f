package importhl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"scholia/app/anchor"
)

func seed(f *testing.F, pattern string) {
	files, _ := filepath.Glob(filepath.Join("testdata", pattern))
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// checkSet holds for any input: every annotation kept has a quote and an
// origin id, and the article composed from a work highlights exactly its
// quotes.
func checkSet(t *testing.T, data []byte) {
	s, err := Parse(data)
	if err != nil {
		if strings.Contains(err.Error(), "\n") {
			t.Fatalf("error of more than one line: %q", err)
		}
		return
	}
	for _, p := range s.Problems {
		if strings.Contains(p, "\n") {
			t.Fatalf("problem of more than one line: %q", p)
		}
	}
	for _, w := range s.Works {
		for _, a := range w.Annotations {
			if strings.TrimSpace(a.Quote) == "" || a.Origin == "" {
				t.Fatalf("annotation without quote or origin: %+v", a)
			}
		}
		art, placed := Compose(w)
		runes := []rune(art.Body)
		for i, p := range placed {
			h := p.Highlight
			if i < 3 {
				if sel, err := anchor.Describe(art.Body, h.Start, h.End); err != nil || sel.Prefix != h.Prefix || sel.Suffix != h.Suffix {
					t.Fatalf("context %q/%q, Describe gives %+v (%v)", h.Prefix, h.Suffix, sel, err)
				}
			}
			if h.Start < 0 || h.End > len(runes) || h.Start >= h.End || string(runes[h.Start:h.End]) != h.Quote {
				t.Fatalf("composed highlight %d-%d %q does not match the body", h.Start, h.End, h.Quote)
			}
		}
		if !utf8.ValidString(art.Body) {
			t.Fatalf("body is not UTF-8")
		}
	}
}

func FuzzKindle(f *testing.F) {
	seed(f, "kindle_*.txt")
	f.Fuzz(checkSet)
}

func FuzzJSON(f *testing.F) {
	seed(f, "*.json")
	f.Add([]byte(`[{"target":{"selector":[{"type":"TextQuoteSelector","exact":"x"}]},"@context":"c"}]`))
	f.Fuzz(checkSet)
}

func FuzzReadwise(f *testing.F) {
	seed(f, "*.csv")
	f.Fuzz(checkSet)
}
