package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"scholia/app/internal/seedtest"
)

// TestSeeds imports the project's own seed articles (pasted news pages with
// their boilerplate): titles, dates and every line kept as a paragraph.
func TestSeeds(t *testing.T) {
	for i, path := range seedtest.OwnFiles(t) {
		s := seedtest.Own[i]
		t.Run(s.Name, func(t *testing.T) { checkSeed(t, path, s.Title, s.TitleFrom, s.Published) })
	}
}

// TestCorpusSeeds is the same on the shared corpus's seeds.
func TestCorpusSeeds(t *testing.T) {
	files := seedtest.Files(t)
	tests := map[string]struct {
		title     string // exact, or "" to check only that it is sensible
		published string
	}{
		"000_511c416c13706c58.txt": {title: "U.S. and Russia unwilling to budge as talks begin in Geneva"},
		"001_5f423ee80351fc58.txt": {title: "Biden Team Cannot Tame Russia"},
		"002_c65dbe9fc39c2b3a.txt": {title: "U.S-Russia Tensions May Abate After Geneva Meeting"},
		"003_1cd65cf2135fe1ee.txt": {title: "Official Says U.S. Is ‘Open’ to Talks With Russia On Missile Deployments & Military Exercises"},
		"004_010dcf98ec07f859.txt": {published: "2022-01-18"},
	}
	if len(files) != len(tests) {
		t.Fatalf("%d seeds in %s, want %d", len(files), seedtest.Dir, len(tests))
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			from := ""
			if tc.title == "" {
				from = "U.S. President Joe Biden"
			}
			checkSeed(t, filepath.Join(seedtest.Dir, name), tc.title, from, tc.published)
		})
	}
}

// checkSeed imports one .txt page: the title is title exactly, or (title
// "") a short one made from the first sentence, starting with from.
func checkSeed(t *testing.T, path, title, from, published string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := File(path)
	if err != nil {
		t.Fatal(err)
	}
	if title != "" && d.Title != title {
		t.Errorf("title = %q, want %q", d.Title, title)
	}
	if title == "" {
		n := utf8.RuneCountInString(d.Title)
		base := strings.TrimSuffix(filepath.Base(path), ".txt")
		if n == 0 || n > 100 || strings.Contains(d.Title, base[len(base)-8:]) {
			t.Errorf("title %q is not a sensible made-up title", d.Title)
		}
		if !strings.HasPrefix(d.Title, from) {
			t.Errorf("title %q does not come from the first sentence (%q…)", d.Title, from)
		}
	}
	if d.Published != published {
		t.Errorf("published = %q, want %q", d.Published, published)
	}
	checkBody(t, d.Body)
	paras := map[string]bool{}
	for _, p := range strings.Split(d.Body, "\n\n") {
		paras[p] = true
	}
	if paras[d.Title] {
		t.Errorf("body repeats the title line %q", d.Title)
	}
	for _, line := range strings.Split(string(raw), "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" || line == d.Title {
			continue
		}
		if _, isDate := parseDate(line); isDate && d.Published != "" {
			continue
		}
		if !paras[line] {
			t.Errorf("line %q is not a paragraph of the body", line)
		}
	}
}

// checkBody asserts the invariants every imported body keeps.
func checkBody(t testing.TB, body string) {
	t.Helper()
	if strings.Contains(body, "\n\n\n") {
		t.Errorf("body has more than one blank line between paragraphs: %q", body)
	}
	if strings.TrimSpace(body) != body {
		t.Errorf("body has leading or trailing whitespace: %q", body)
	}
	if !utf8.ValidString(body) {
		t.Errorf("body is not valid UTF-8: %q", body)
	}
	for _, p := range strings.Split(body, "\n\n") {
		if strings.Contains(p, "\n") || strings.TrimSpace(p) != p || (body != "" && p == "") {
			t.Errorf("paragraph %q is not one trimmed line", p)
		}
	}
}

var txtTests = map[string]struct {
	in                     string
	title, published, body string
}{
	"title then blank-line paragraphs": {
		in:    "Talks begin\n\nFirst paragraph.\n\nSecond paragraph.\n",
		title: "Talks begin", body: "First paragraph.\n\nSecond paragraph.",
	},
	"single newlines separate paragraphs": {
		in:    "Talks begin\nFirst paragraph.\nSecond paragraph.",
		title: "Talks begin", body: "First paragraph.\n\nSecond paragraph.",
	},
	"leading blank lines and many blank lines": {
		in:    "\n\n  \nTalks begin\n\n\n\nOne.\n\n\n\n\nTwo.\n\n\n",
		title: "Talks begin", body: "One.\n\nTwo.",
	},
	"CRLF": {
		in:    "Talks begin\r\n\r\nOne.\r\nTwo.\r\n",
		title: "Talks begin", body: "One.\n\nTwo.",
	},
	"old Mac CR": {
		in:    "Talks begin\rOne.\rTwo.",
		title: "Talks begin", body: "One.\n\nTwo.",
	},
	"tabs nbsp and runs of spaces": {
		in:    "Talks\tbegin\n\u00a0 Body\u00a0\u00a0has \t  gaps.\u2009\n",
		title: "Talks begin", body: "Body has gaps.",
	},
	"zero-width junk": {
		in:    "Tal\u200bks begin\nBo\u00addy\ufeff text.",
		title: "Talks begin", body: "Body text.",
	},
	"UTF-8 BOM": {
		in:    "\xef\xbb\xbfTalks begin\nBody.",
		title: "Talks begin", body: "Body.",
	},
	"Windows-1252 curly quotes": {
		in:    "Talks \x93begin\x94\nIt\x92s 5\x80.",
		title: "Talks “begin”", body: "It’s 5€.",
	},
	"short Windows-1252 French": {
		in:    "\xc7a \xe9t\xe9\nD\xe9j\xe0 vu.",
		title: "Ça été", body: "Déjà vu.",
	},
	"UTF-16LE with BOM": {
		in:    "\xff\xfeT\x00i\x00t\x00l\x00e\x00\n\x00B\x00o\x00d\x00y\x00",
		title: "Title", body: "Body",
	},
	"UTF-16BE with BOM": {
		in:    "\xfe\xff\x00T\x00i\x00t\x00l\x00e\x00\n\x00B\x00o\x00d\x00y",
		title: "Title", body: "Body",
	},
	"date line Tue, 18 Jan 2022": {
		in:    "Tue, 18 Jan 2022\n\nTalks begin\n\nBody.",
		title: "Talks begin", published: "2022-01-18", body: "Body.",
	},
	"date line January 18, 2022": {
		in:    "January 18, 2022\nTalks begin\nBody.",
		title: "Talks begin", published: "2022-01-18", body: "Body.",
	},
	"date line 2022-01-18": {
		in:    "2022-01-18\nTalks begin\nBody.",
		title: "Talks begin", published: "2022-01-18", body: "Body.",
	},
	"date line 18 January 2022": {
		in:    "18 January 2022\nTalks begin\nBody.",
		title: "Talks begin", published: "2022-01-18", body: "Body.",
	},
	"date line Tuesday, Jan. 18, 2022 10:30 a.m. ET": {
		in:    "Tuesday, Jan. 18, 2022 10:30 a.m. ET\nTalks begin\nBody.",
		title: "Talks begin", published: "2022-01-18", body: "Body.",
	},
	"impossible date is a title": {
		in:    "31 February 2022\nBody.",
		title: "31 February 2022", body: "Body.",
	},
	"date line then body paragraph": {
		in:        "Tue, 18 Jan 2022\n\n" + longPara + "\n\nSecond.",
		title:     "Mr. Smith went to Washington on Monday with the U.S. delegation and the press…",
		published: "2022-01-18", body: longPara + "\n\nSecond.",
	},
	"overlong first line is body": {
		in:    longPara + "\nSecond.",
		title: "Mr. Smith went to Washington on Monday with the U.S. delegation and the press…",
		body:  longPara + "\n\nSecond.",
	},
	"several sentences are body": {
		in:    "It rained. Talks failed. Nobody came.\nSecond.",
		title: "It rained", body: "It rained. Talks failed. Nobody came.\n\nSecond.",
	},
	"a question headline stays a title": {
		in:    "Will talks work? Experts doubt it\nBody.",
		title: "Will talks work? Experts doubt it", body: "Body.",
	},
	"one line is title and body": {
		in:    "Buy milk",
		title: "Buy milk", body: "Buy milk",
	},
	"only a date": {
		in:    "Tue, 18 Jan 2022",
		title: "Tue, 18 Jan 2022", published: "2022-01-18", body: "Tue, 18 Jan 2022",
	},
}

const longPara = "Mr. Smith went to Washington on Monday with the U.S. delegation and the press corps, " +
	"where he met senators, aides and lobbyists for talks that ran late into the night. Then he went home."

func TestTxt(t *testing.T) {
	for name, tc := range txtTests {
		t.Run(name, func(t *testing.T) {
			d, err := Parse("notes/4f3a9c0d1e2b.txt", []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tc.title {
				t.Errorf("title = %q, want %q", d.Title, tc.title)
			}
			if d.Published != tc.published {
				t.Errorf("published = %q, want %q", d.Published, tc.published)
			}
			if d.Body != tc.body {
				t.Errorf("body = %q, want %q", d.Body, tc.body)
			}
			checkBody(t, d.Body)
		})
	}
}

func TestTitleFromFileName(t *testing.T) {
	tests := map[string]struct{ name, want string }{
		"meaningful":    {"dir/geneva-talks_notes.txt", "Geneva Talks Notes"},
		"cased by hand": {"dir/Geneva talks, my notes.txt", "Geneva talks, my notes"},
		"hash":          {"004_010dcf98ec07f859.txt", "It rained"},
		"untitled":      {"Untitled 3.txt", "It rained"},
		"numbers only":  {"2022-01-18.txt", "It rained"},
		"year kept":     {"1790_george_washington_n.txt", "1790 George Washington n"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			d, err := Parse(tc.name, []byte(strings.Repeat("It rained. ", 20)))
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tc.want {
				t.Errorf("title = %q, want %q", d.Title, tc.want)
			}
		})
	}
}

func TestClipboard(t *testing.T) {
	d, err := Clipboard("Tue, 18 Jan 2022\r\nTalks begin\r\nBody text.")
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Talks begin" || d.Published != "2022-01-18" || d.Body != "Body text." {
		t.Errorf("got %+v", d)
	}
	_, err = Clipboard(" \n\t ")
	if err == nil || err.Error() != "clipboard: no text to import" {
		t.Errorf("blank clipboard: err = %v", err)
	}
}

func FuzzTxt(f *testing.F) {
	for _, tc := range txtTests {
		f.Add([]byte(tc.in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse("fuzz.txt", data)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %v is not an *Error", err)
			}
			return
		}
		checkBody(t, d.Body)
		if d.Body == "" || d.Title == "" {
			t.Errorf("imported an empty body or title: %+v", d)
		}
		if !utf8.ValidString(d.Title) || strings.ContainsAny(d.Title, "\n\r") {
			t.Errorf("bad title %q", d.Title)
		}
	})
}

// BenchmarkTxt measures .txt import of 5 KB articles (the product asks for
// at least 4,000 articles/s).
func BenchmarkTxt(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("Tue, 18 Jan 2022\r\n\r\nU.S. and Russia unwilling to budge as talks begin in Geneva\r\n\r\n")
	for sb.Len() < 5<<10 {
		sb.WriteString("Talks are set to begin Sunday in Geneva between representatives of the U.S. and\u00a0Russian governments.\t It’s late.\r\n\r\n")
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("article.txt", data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
