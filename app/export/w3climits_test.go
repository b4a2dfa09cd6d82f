package export

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// limitCases are the backups import-json must refuse (issue 22, item 6),
// each made from the golden library by one change, with the words its
// one-line reason must contain.
func limitCases(t testing.TB, lib []byte) []struct {
	name string
	data []byte
	want string
} {
	big := `"body":"` + strings.Repeat("x", 20<<20+1) + `"`
	return []struct {
		name string
		data []byte
		want string
	}{
		{"negative article id", replaceAll(lib, `"id":42`, `"id":-42`, `"scholia:article": 42`, `"scholia:article": -42`), "not positive"},
		{"zero article id", replaceAll(lib, `"id":42`, `"id":0`, `"scholia:article": 42`, `"scholia:article": 0`), "not positive"},
		{"negative highlight id", replaceAll(lib, `"urn:scholia:highlight:1"`, `"urn:scholia:highlight:-1"`), "not positive"},
		{"body over the limit", replaceAll(lib, `"body":"Talks are set to begin Sunday in Geneva."`, big), "more than the 20 MB"},
		{"source names another page", replaceAll(lib, `"source": "https://example.com/geneva"`, `"source": "https://elsewhere.example/"`), "target.source"},
		{"source names another article", replaceAll(lib, `"source": "https://example.com/geneva"`, `"source": "urn:scholia:article:7"`), "target.source"},
		{"source missing", replaceAll(lib, `"source": "https://example.com/geneva",`, ``), "target.source"},
	}
}

func replaceAll(lib []byte, pairs ...string) []byte {
	for i := 0; i < len(pairs); i += 2 {
		lib = bytes.ReplaceAll(lib, []byte(pairs[i]), []byte(pairs[i+1]))
	}
	return lib
}

func TestReadW3CLimits(t *testing.T) {
	lib, err := os.ReadFile("testdata/library.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := ReadW3C(bytes.NewReader(lib)); err != nil {
		t.Fatalf("the golden library does not read: %v", err)
	}
	// The URN form of target.source is as good as the URL.
	urn := replaceAll(lib, `"source": "https://example.com/geneva"`, `"source": "urn:scholia:article:42"`)
	if _, _, err := ReadW3C(bytes.NewReader(urn)); err != nil {
		t.Errorf("target.source as the article's URN: %v", err)
	}
	for _, c := range limitCases(t, lib) {
		t.Run(c.name, func(t *testing.T) {
			if bytes.Equal(c.data, lib) {
				t.Fatal("the case changed nothing in the golden file")
			}
			docs, colors, err := ReadW3C(bytes.NewReader(c.data))
			if err == nil || docs != nil || colors != nil {
				t.Fatalf("ReadW3C accepted it (%d docs, err %v)", len(docs), err)
			}
			if msg := err.Error(); !strings.Contains(msg, c.want) || strings.Contains(msg, "\n") {
				t.Errorf("error %q: want one line containing %q", msg, c.want)
			}
		})
	}
}
