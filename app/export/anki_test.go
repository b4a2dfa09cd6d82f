package export

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"scholia/storage"
)

var updateAnki = flag.Bool("update-anki", false, "rewrite testdata/anki.txt")

func ankiCards() []storage.CardItem {
	return []storage.CardItem{
		{Card: storage.Card{HighlightID: 7, Kind: storage.CardCloze, Cloze: "The {{c1::mitochondria}} is the powerhouse"},
			Highlight:    storage.Highlight{Quote: "The mitochondria is the powerhouse", Comment: "from week 2", Tags: []string{"cell biology"}},
			ArticleTitle: "Cells", ArticleTags: []string{"thesis", "Cell Biology"}},
		{Card: storage.Card{HighlightID: 9, Kind: storage.CardBasic, Question: "Who said \"no\"?", Answer: "The\tcommittee"},
			Highlight:    storage.Highlight{Quote: "the committee said \"no\""},
			ArticleTitle: "Minutes"},
	}
}

// TestAnkiMatchesDocumentedFormat reads the file back by the rules Anki's
// manual gives for text imports (docs.ankiweb.net, Importing → Text Files →
// File Headers): "#key:value" header lines first; separator "tab"; "html"
// true or false; "notetype column", "deck column", "tags column", "guid
// column" numbered from 1; then one note per line, a field with the
// separator, a line break or a quote wrapped in quotes with quotes doubled;
// tags separated by spaces. Basic notes have fields Front and Back, Cloze
// notes Text and Back Extra, with {{c1::…}} deletions in Text.
func TestAnkiMatchesDocumentedFormat(t *testing.T) {
	var b bytes.Buffer
	if err := Anki(&b, ankiCards()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	golden := filepath.Join("testdata", "anki.txt")
	if *updateAnki {
		_ = os.WriteFile(golden, b.Bytes(), 0o644)
	}
	if want, err := os.ReadFile(golden); err != nil || string(want) != out {
		t.Errorf("output differs from %s (rerun with -update-anki after checking):\n%s", golden, out)
	}

	headers := map[string]string{}
	body := out
	for strings.HasPrefix(body, "#") {
		line, rest, _ := strings.Cut(body, "\n")
		k, v, ok := strings.Cut(line[1:], ":")
		if !ok {
			t.Fatalf("header %q is not #key:value", line)
		}
		headers[k] = v
		body = rest
	}
	known := map[string]bool{"separator": true, "html": true, "tags": true, "columns": true, "notetype": true, "deck": true,
		"notetype column": true, "deck column": true, "tags column": true, "guid column": true}
	for k := range headers {
		if !known[k] {
			t.Errorf("header %q is not one Anki documents", k)
		}
	}
	if headers["separator"] != "tab" || headers["html"] != "false" {
		t.Fatalf("headers %v", headers)
	}
	col := func(name string) int {
		n, err := strconv.Atoi(headers[name])
		if err != nil || n < 1 {
			t.Fatalf("%s = %q; want a column number from 1", name, headers[name])
		}
		return n - 1
	}
	guid, notetype, deck, tags := col("guid column"), col("notetype column"), col("deck column"), col("tags column")

	r := csv.NewReader(strings.NewReader(body))
	r.Comma = '\t'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("not a valid quoted tab-separated body: %v", err)
	}
	if len(recs) != 2 {
		t.Fatalf("%d notes; want 2", len(recs))
	}
	seen := map[string]bool{}
	var fieldCols []int
	for i := range recs[0] {
		if i != guid && i != notetype && i != deck && i != tags {
			fieldCols = append(fieldCols, i)
		}
	}
	if len(fieldCols) != 2 {
		t.Fatalf("%d field columns; Basic and Cloze have 2", len(fieldCols))
	}
	for _, rec := range recs {
		if seen[rec[guid]] || rec[guid] == "" {
			t.Errorf("GUID %q empty or repeated", rec[guid])
		}
		seen[rec[guid]] = true
		if rec[deck] != "Scholia" {
			t.Errorf("deck %q", rec[deck])
		}
		first, second := rec[fieldCols[0]], rec[fieldCols[1]]
		switch rec[notetype] {
		case "Cloze":
			if !strings.Contains(first, "{{c1::mitochondria}}") || !strings.Contains(second, "Cells") {
				t.Errorf("cloze fields %q / %q", first, second)
			}
			if got := strings.Fields(rec[tags]); strings.Join(got, ",") != "cell_biology,thesis" {
				t.Errorf("tags %q: one per space, spaces inside a tag replaced, duplicates folded", rec[tags])
			}
		case "Basic":
			if first != `Who said "no"?` || !strings.HasPrefix(second, "The\tcommittee\n\n") {
				t.Errorf("basic fields %q / %q (quoting lost something)", first, second)
			}
		default:
			t.Errorf("notetype %q", rec[notetype])
		}
	}
}
