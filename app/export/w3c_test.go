package export

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"scholia/storage"
)

// w3cBase is where the test suite's schemas are registered. Their ids and
// $refs are relative ("id.json#/definitions/..."), so every file keeps its
// folder and the shared definitions are registered next to each assertion
// folder, as the suite's own runner resolves them.
const w3cBase = "http://w3c-annotation.test/"

type w3cSuite struct {
	compiler *jsonschema.Compiler
	musts    []string
	options  []string
}

func loadW3CSuite(t *testing.T) *w3cSuite {
	t.Helper()
	root := corpus(t, "w3c-annotation")
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	c.AssertFormat() // "format": "uri" / "date-time" are what several MUSTs test
	add := func(url, path string) {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		doc, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if err := c.AddResource(url, doc); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	defs, _ := filepath.Glob(filepath.Join(root, "definitions", "*.json"))
	for _, dir := range []string{"definitions", "annotations", "annotations/bodiesTargets", "annotations/specificResource"} {
		for _, d := range defs {
			add(w3cBase+dir+"/"+filepath.Base(d), d)
		}
		if dir == "definitions" {
			continue
		}
		files, _ := filepath.Glob(filepath.Join(root, dir, "*.json"))
		for _, f := range files {
			add(w3cBase+dir+"/"+filepath.Base(f), f)
		}
	}
	s := &w3cSuite{compiler: c}
	for _, list := range []struct {
		file string
		dst  *[]string
	}{{"annotationMusts.test", &s.musts}, {"annotationOptionals.test", &s.options}} {
		raw, err := os.ReadFile(filepath.Join(root, "annotations", list.file))
		if err != nil {
			t.Fatal(err)
		}
		var test struct{ Assertions []string }
		if err := json.Unmarshal(raw, &test); err != nil {
			t.Fatalf("%s: %v", list.file, err)
		}
		*list.dst = test.Assertions
	}
	if len(s.musts) < 40 || len(s.options) < 40 {
		t.Fatalf("suite lists %d musts and %d optionals; the corpus looks incomplete", len(s.musts), len(s.options))
	}
	return s
}

// failures returns the assertions in list that v does not satisfy.
func (s *w3cSuite) failures(t *testing.T, list []string, v any) []string {
	t.Helper()
	var failed []string
	for _, a := range list {
		sch, err := s.compiler.Compile(w3cBase + a)
		if err != nil {
			t.Fatalf("compile %s: %v", a, err)
		}
		if err := sch.Validate(v); err != nil {
			failed = append(failed, filepath.Base(a))
		}
	}
	return failed
}

func (s *w3cSuite) validate(t *testing.T, schema string, v any) error {
	t.Helper()
	sch, err := s.compiler.Compile(w3cBase + schema)
	if err != nil {
		t.Fatalf("compile %s: %v", schema, err)
	}
	return sch.Validate(v)
}

// implementedOptionals are the SHOULD/MAY assertions Scholia's annotations
// are meant to meet; the others (creator, audience, rights, language...)
// describe data Scholia does not have.
var implementedOptionals = []string{
	"3.3.1-annotationCreatedImplemented.json",
	"3.3.5-annotationSingleMotivationImplemented.json",
	"3.3.1-annotationModifiedImplemented.json",
	"3.3.5-annotationMotivationImplemented.json",
	"3.1-bodyKeyFound.json",
	"3.2.1-bodyFormat.json",
	"3.3.5-bodyPurpose.json",
	"3.2.4-bodyETB.json",
	"3.2.4-bodyETBTypeTextualBody.json",
	"4-targSpecificResource.json",
	"4.2-selectorFound.json",
	"4.2.4-textQuoteSelector.json",
	"4.2.4-prefix.json",
	"4.2.4-suffix.json",
	"4.2.5-textPositionSelector.json",
}

func decodeAny(t *testing.T, b []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// knownSuiteMismatch are "correct" samples the suite's own
// 3.2-targetObjectsRecognized schema rejects: Composite, List and
// Independents targets without id or source, which that schema predates.
var knownSuiteMismatch = map[string]bool{"anno11.json": true, "anno12.json": true, "anno13.json": true}

func TestW3CSchemaSuiteSelfCheck(t *testing.T) {
	// The validator must tell the suite's correct samples from its
	// incorrect ones, or passing it proves nothing.
	s := loadW3CSuite(t)
	root := corpus(t, "w3c-annotation", "tools", "samples")
	for _, kind := range []string{"correct", "incorrect"} {
		files, _ := filepath.Glob(filepath.Join(root, kind, "anno*.json"))
		if len(files) == 0 {
			t.Fatalf("no %s samples", kind)
		}
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
			if err != nil {
				if kind == "correct" {
					t.Errorf("correct sample %s is not JSON: %v", filepath.Base(f), err)
				}
				continue // an incorrect sample that is not even JSON
			}
			failed := s.failures(t, s.musts, v)
			if kind == "correct" && knownSuiteMismatch[filepath.Base(f)] {
				continue
			}
			if kind == "correct" && len(failed) > 0 {
				t.Errorf("correct sample %s fails %v", filepath.Base(f), failed)
			}
			if kind == "incorrect" && len(failed) == 0 {
				t.Errorf("incorrect sample %s passes every MUST", filepath.Base(f))
			}
		}
	}
}

func TestW3CSeedsValidate(t *testing.T) {
	s := loadW3CSuite(t)
	docs := seedDocs(t)
	// An article without URL gets an URN target; a highlight with neither
	// comment nor tags has no body.
	docs[1].Article.URL = ""
	var b bytes.Buffer
	if err := W3C(&b, docs, storage.DefaultColors); err != nil {
		t.Fatal(err)
	}
	coll := decodeAny(t, b.Bytes()).(map[string]any)
	for _, def := range []string{"annotationCollectionTypeValueFound", "labelFound", "totalFound", "firstRequiredIfTotalMoreThanZero", "firstValidIfPresent"} {
		if err := s.validate(t, "definitions/collections.json#/definitions/"+def, coll); err != nil {
			t.Errorf("collection fails %s: %v", def, err)
		}
	}
	checkDeclared(t, coll)
	page := coll["first"].(map[string]any)
	for _, def := range []string{"annotationPageTypeValueFound", "startIndexFound", "itemsFound"} {
		if err := s.validate(t, "definitions/collections.json#/definitions/"+def, page); err != nil {
			t.Errorf("page fails %s: %v", def, err)
		}
	}
	items := page["items"].([]any)
	if len(items) != 20 || coll["total"] != json.Number("20") {
		t.Fatalf("%d items, total %v; want 20", len(items), coll["total"])
	}
	optionalHits := map[string]int{}
	for _, it := range items {
		an := it.(map[string]any)
		// Embedded annotations inherit the collection's @context; the
		// assertions test a standalone annotation, so give it one.
		an["@context"] = coll["@context"]
		if failed := s.failures(t, s.musts, an); len(failed) > 0 {
			t.Errorf("%v fails MUST assertions %v", an["id"], failed)
		}
		failedOpt := s.failures(t, s.options, an)
		for _, o := range s.options {
			if !slices.Contains(failedOpt, filepath.Base(o)) {
				optionalHits[filepath.Base(o)]++
			}
		}
	}
	for _, o := range implementedOptionals {
		if optionalHits[o] == 0 {
			t.Errorf("no annotation meets optional assertion %s", o)
		}
	}
	var met []string
	for o := range optionalHits {
		met = append(met, o)
	}
	slices.Sort(met)
	t.Logf("optional assertions met by at least one annotation (%d of %d): %v", len(met), len(s.options), met)
}

// normalDocs is what ReadW3C should give back for docs: articles by ID,
// highlights by position with orphans last, tags sorted, times in UTC,
// invalid UTF-8 as U+FFFD (JSON strings cannot hold it).
func normalDocs(docs []Doc) []Doc {
	out := slices.Clone(docs)
	slices.SortStableFunc(out, func(a, b Doc) int { return int(a.Article.ID - b.Article.ID) })
	utc := func(t time.Time) time.Time {
		if t.IsZero() {
			return time.Time{}
		}
		return t.UTC()
	}
	fix := func(ss ...*string) {
		for _, s := range ss {
			*s = strings.ToValidUTF8(*s, "\uFFFD")
		}
	}
	fixAll := func(tags []string) []string {
		tags = slices.Clone(tags)
		for i := range tags {
			fix(&tags[i])
		}
		return sortedTags(tags)
	}
	for i, d := range out {
		a := d.Article
		fix(&a.Title, &a.Author, &a.Source, &a.URL, &a.Published, &a.Body, &a.Note)
		a.Tags = fixAll(a.Tags)
		a.Added, a.Updated, a.Opened = utc(a.Added), utc(a.Updated), utc(a.Opened)
		attached, orphaned := sortedHighlights(d.Highlights)
		var hs []storage.Highlight
		for _, h := range append(attached, orphaned...) {
			h.ArticleID = a.ID
			fix(&h.Quote, &h.Prefix, &h.Suffix, &h.Color, &h.Comment)
			h.Tags = fixAll(h.Tags)
			h.Created, h.Updated = utc(h.Created), utc(h.Updated)
			hs = append(hs, h)
		}
		out[i] = Doc{Article: a, Highlights: hs}
	}
	return out
}

func TestW3CRoundTrip(t *testing.T) {
	tests := map[string]struct {
		docs   []Doc
		colors []storage.Color
	}{
		"empty library": {docs: nil, colors: storage.DefaultColors},
		"no highlights": {docs: []Doc{{Article: storage.Article{ID: 3, Title: "t", Body: "b"}}}},
		"hostile": {docs: func() []Doc {
			var docs []Doc
			i := int64(0)
			for _, name := range slices.Sorted(mapKeys(hostile)) {
				i++
				s := hostile[name]
				a := storage.Article{ID: i, Title: s, Author: s, Source: s, URL: s, Published: "2022-01-18",
					Added: time.Date(2022, 1, 2, 3, 4, 5, 6789, time.FixedZone("X", 3600)), Body: s + " body", Note: s, Tags: []string{s, "b", "a"}}
				docs = append(docs, Doc{Article: a, Highlights: []storage.Highlight{
					{ID: i*10 + 2, Start: 5, End: 9, Quote: s, Prefix: s, Suffix: s, Color: "green", Comment: s, Tags: []string{s, "z"}, Created: t0},
					{ID: i*10 + 1, Start: 1, End: 3, Quote: "q", Color: "nope"},
					{ID: i*10 + 3, Start: 7, End: 8, Quote: "o", Orphaned: true, Color: ""},
				}})
			}
			return docs
		}(), colors: append(slices.Clone(storage.DefaultColors), storage.Color{Key: "x<y>", Name: "&amp;", Hex: "#000000"})},
	}
	tests["seeds"] = struct {
		docs   []Doc
		colors []storage.Color
	}{seedDocs(t), storage.DefaultColors}
	if _, err := os.Stat(corpusDir); err == nil {
		tests["corpus seeds"] = struct {
			docs   []Doc
			colors []storage.Color
		}{corpusSeedDocs(t), storage.DefaultColors}
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var first bytes.Buffer
			if err := W3C(&first, tc.docs, tc.colors); err != nil {
				t.Fatal(err)
			}
			docs, colors, err := ReadW3C(bytes.NewReader(first.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if want := normalDocs(tc.docs); !reflect.DeepEqual(docs, want) && !(len(docs) == 0 && len(want) == 0) {
				t.Errorf("ReadW3C gave back different docs\n got %+v\nwant %+v", docs, want)
			}
			if !slices.Equal(colors, tc.colors) && len(tc.colors) > 0 {
				t.Errorf("colours %v, want %v", colors, tc.colors)
			}
			var second bytes.Buffer
			if err := W3C(&second, docs, colors); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Errorf("export → read → export is not byte-identical")
				a, b := strings.Split(first.String(), "\n"), strings.Split(second.String(), "\n")
				for i := range min(len(a), len(b)) {
					if a[i] != b[i] {
						t.Errorf("line %d:\n%q\n%q", i+1, a[i], b[i])
						break
					}
				}
			}
		})
	}
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func TestW3CGolden(t *testing.T) {
	a := storage.Article{ID: 42, Title: "Talks <b>begin</b>", URL: "https://example.com/geneva", Published: "2022-01-10",
		Added: t0, Updated: t0.Add(time.Hour), Body: "Talks are set to begin Sunday in Geneva.", Note: "note *md*", Tags: []string{"nato", "geneva"}}
	d := Doc{Article: a, Highlights: []storage.Highlight{
		mkHighlight(a, 2, 0, 5, "yellow", "Key.", []string{"start"}),
		mkHighlight(a, 1, 26, 32, "blue", "", nil),
		{ID: 3, ArticleID: 42, Start: 9, End: 12, Quote: "gone", Color: "pink", Orphaned: true},
	}}
	var b bytes.Buffer
	if err := W3C(&b, []Doc{d}, storage.DefaultColors); err != nil {
		t.Fatal(err)
	}
	golden(t, "library.jsonld", b.Bytes())
}

func TestReadW3CErrors(t *testing.T) {
	tests := map[string]struct {
		in   string
		want string
	}{
		"not json":        {in: "{", want: "read w3c"},
		"wrong type":      {in: `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"Annotation"}`, want: "not a W3C AnnotationCollection"},
		"no library":      {in: `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection"}`, want: "not a Scholia export"},
		"future version":  {in: `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","scholia:library":{"version":9}}`, want: "version 9"},
		"unknown article": {in: `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","scholia:library":{"version":1},"first":{"items":[{"id":"urn:scholia:highlight:1","scholia:article":5}]}}`, want: "unknown article 5"},
		"bad id":          {in: `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","scholia:library":{"version":1,"articles":[{"id":1}]},"first":{"items":[{"id":"http://x","scholia:article":1}]}}`, want: "id is not"},
		"bad time":        {in: `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","scholia:library":{"version":1,"articles":[{"id":1,"added":"yesterday"}]}}`, want: "article 1"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			_, _, err := ReadW3C(strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestW3CDuplicateArticle(t *testing.T) {
	docs := []Doc{{Article: storage.Article{ID: 1}}, {Article: storage.Article{ID: 1}}}
	if err := W3C(&bytes.Buffer{}, docs, nil); err == nil {
		t.Error("two docs with one article ID exported without error")
	}
}

func FuzzW3CRoundTrip(f *testing.F) {
	for _, s := range hostile {
		f.Add(s, int64(1), 0, 4)
	}
	f.Fuzz(func(t *testing.T, s string, id int64, start, end int) {
		a := storage.Article{ID: id, Title: s, URL: s, Body: s, Note: s, Tags: []string{s}}
		d := Doc{Article: a, Highlights: []storage.Highlight{
			{ID: id, Start: start, End: end, Quote: s, Prefix: s, Suffix: s, Color: s, Comment: s, Tags: []string{s, s}},
			{ID: id + 1, Start: end, End: start, Quote: s, Orphaned: true},
		}}
		colors := []storage.Color{{Key: s, Name: s, Hex: s}}
		var first bytes.Buffer
		if err := W3C(&first, []Doc{d}, colors); err != nil {
			t.Fatal(err)
		}
		docs, colors2, err := ReadW3C(bytes.NewReader(first.Bytes()))
		if err != nil {
			t.Fatalf("ReadW3C: %v\n%s", err, first.Bytes())
		}
		if want := normalDocs([]Doc{d}); !reflect.DeepEqual(docs, want) {
			t.Errorf("docs differ\n got %#v\nwant %#v", docs, want)
		}
		var second bytes.Buffer
		if err := W3C(&second, docs, colors2); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Errorf("not byte-identical after a round trip")
		}
	})
}
