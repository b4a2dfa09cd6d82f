package export

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"scholia/storage"
)

// ownSchema is the project's JSON Schema of the W3C JSON it writes, made
// from the Web Annotation Data Model's rules (the W3C test suite's own
// schemas are used only as the extra check in w3c_test.go).
const ownSchema = "testdata/annotation-collection.schema.json"

func compileOwnSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile(ownSchema)
	if err != nil {
		t.Fatalf("compile %s: %v", ownSchema, err)
	}
	return sch
}

// TestW3CSchema validates Scholia's JSON — the golden file, the seed
// articles with highlights of every kind, hostile text — against the
// project's schema, and checks that the schema rejects JSON that breaks
// one rule of the model at a time, or passing it would prove nothing.
func TestW3CSchema(t *testing.T) {
	sch := compileOwnSchema(t)
	docs := seedDocs(t)
	docs[1].Article.URL = "" // an URN target
	var seeds bytes.Buffer
	if err := W3C(&seeds, docs, storage.DefaultColors); err != nil {
		t.Fatal(err)
	}
	var hostileOut bytes.Buffer
	var hdocs []Doc
	for i, name := range slices.Sorted(mapKeys(hostile)) {
		s := hostile[name]
		a := storage.Article{ID: int64(i + 1), Title: s, URL: s, Body: s + " body", Note: s, Tags: []string{s}}
		hdocs = append(hdocs, Doc{Article: a, Highlights: []storage.Highlight{
			{ID: int64(i + 1), Start: 0, End: 1, Quote: s, Prefix: s, Suffix: s, Color: "green", Comment: s, Tags: []string{s}, Created: t0},
		}})
	}
	if err := W3C(&hostileOut, hdocs, storage.DefaultColors); err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile(filepath.Join("testdata", "library.jsonld"))
	if err != nil {
		t.Fatal(err)
	}
	var empty bytes.Buffer
	if err := W3C(&empty, nil, storage.DefaultColors); err != nil {
		t.Fatal(err)
	}
	valid := map[string][]byte{"golden": golden, "seeds": seeds.Bytes(), "hostile": hostileOut.Bytes(), "empty": empty.Bytes()}
	for name, b := range valid {
		if err := sch.Validate(decodeAny(t, b)); err != nil {
			t.Errorf("%s export fails the schema: %v", name, err)
		}
	}

	// Each case breaks one rule in the golden file's JSON.
	first := func(v map[string]any) map[string]any {
		return v["first"].(map[string]any)["items"].([]any)[0].(map[string]any)
	}
	selectors := func(v map[string]any) []any {
		return first(v)["target"].(map[string]any)["selector"].([]any)
	}
	broken := map[string]func(v map[string]any){
		"no @context":              func(v map[string]any) { delete(v, "@context") },
		"other @context":           func(v map[string]any) { v["@context"] = "http://schema.org/" },
		"collection type":          func(v map[string]any) { v["type"] = "Collection" },
		"total but no first page":  func(v map[string]any) { delete(v, "first") },
		"negative total":           func(v map[string]any) { v["total"] = -1 },
		"page type":                func(v map[string]any) { v["first"].(map[string]any)["type"] = "Page" },
		"page without items":       func(v map[string]any) { delete(v["first"].(map[string]any), "items") },
		"annotation without id":    func(v map[string]any) { delete(first(v), "id") },
		"annotation id not an IRI": func(v map[string]any) { first(v)["id"] = "highlight 2" },
		"annotation type":          func(v map[string]any) { first(v)["type"] = "Highlight" },
		"no target":                func(v map[string]any) { delete(first(v), "target") },
		"unknown motivation":       func(v map[string]any) { first(v)["motivation"] = "liking" },
		"created not a date-time":  func(v map[string]any) { first(v)["created"] = "yesterday" },
		"created not in UTC":       func(v map[string]any) { first(v)["created"] = "2022-01-10T09:32:00+01:00" },
		"body and bodyValue":       func(v map[string]any) { first(v)["bodyValue"] = "x" },
		"textual body no value": func(v map[string]any) {
			delete(first(v)["body"].([]any)[0].(map[string]any), "value")
		},
		"body purpose": func(v map[string]any) {
			first(v)["body"].([]any)[0].(map[string]any)["purpose"] = "liking"
		},
		"target without source": func(v map[string]any) { delete(first(v)["target"].(map[string]any), "source") },
		"quote without exact":   func(v map[string]any) { delete(selectors(v)[0].(map[string]any), "exact") },
		"negative start":        func(v map[string]any) { selectors(v)[1].(map[string]any)["start"] = -3 },
		"position without end":  func(v map[string]any) { delete(selectors(v)[1].(map[string]any), "end") },
		"fractional end":        func(v map[string]any) { selectors(v)[1].(map[string]any)["end"] = 5.5 },
		"unknown selector":      func(v map[string]any) { selectors(v)[0].(map[string]any)["type"] = "RangeSelector" },
		"empty selector list":   func(v map[string]any) { first(v)["target"].(map[string]any)["selector"] = []any{} },
	}
	for name, breakIt := range broken {
		t.Run(name, func(t *testing.T) {
			var v map[string]any
			if err := json.Unmarshal(golden, &v); err != nil {
				t.Fatal(err)
			}
			breakIt(v)
			if err := sch.Validate(v); err == nil {
				t.Errorf("the schema accepts JSON with %s", name)
			}
		})
	}
}

// TestW3CSchemaMatchesSuite checks the project's schema against the W3C
// test suite's sample annotations: every incorrect one that the suite's
// MUST schemas reject for a rule Scholia's schema covers must be rejected
// too. It needs the suite, from ../shared.
func TestW3CSchemaMatchesSuite(t *testing.T) {
	sch := compileOwnSchema(t)
	suite := loadW3CSuite(t)
	root := corpus(t, "w3c-annotation", "tools", "samples", "incorrect")
	files, _ := filepath.Glob(filepath.Join(root, "anno*.json"))
	if len(files) == 0 {
		t.Fatal("no incorrect samples")
	}
	rejected := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		an, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			continue
		}
		// Wrap the standalone annotation in a collection as Scholia writes it.
		coll := map[string]any{"@context": annoContext, "id": "urn:x", "type": "AnnotationCollection", "label": "x",
			"total": json.Number("1"), "first": map[string]any{"type": "AnnotationPage", "items": []any{an}}}
		if m, ok := an.(map[string]any); ok {
			if ctx, ok := m["@context"]; ok {
				coll["@context"] = ctx
			}
		}
		if err := sch.Validate(coll); err != nil {
			rejected++
		} else if failed := suite.failures(t, suite.musts, an); len(failed) > 0 {
			t.Logf("%s: the suite rejects it for %s; Scholia's schema (a subset of the model) lets it pass",
				filepath.Base(f), strings.Join(failed, ", "))
		}
	}
	if rejected == 0 {
		t.Errorf("Scholia's schema rejects none of the suite's %d incorrect samples", len(files))
	}
	t.Logf("Scholia's schema rejects %d of the suite's %d incorrect samples", rejected, len(files))
}
