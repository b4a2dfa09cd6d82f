package export

import (
	"bytes"
	"strings"
	"testing"

	"scholia/storage"
)

// checkDeclared fails unless the @context starts with the Web Annotation
// context and declares, in the object after it, every "scholia:" term the
// document uses (as key or value type), so JSON-LD processors keep them.
func checkDeclared(t *testing.T, coll map[string]any) {
	t.Helper()
	ctx, ok := coll["@context"].([]any)
	if !ok || len(ctx) != 2 || ctx[0] != annoContext {
		t.Fatalf("@context = %v, want [%s, {…}]", coll["@context"], annoContext)
	}
	decl, ok := ctx[1].(map[string]any)
	if !ok || decl["scholia"] != scholiaVocab {
		t.Fatalf("@context does not declare the scholia prefix: %v", ctx[1])
	}
	used := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if strings.HasPrefix(k, "scholia:") {
					used[k] = true
					continue // @json literals: their insides are not terms
				}
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	rest := map[string]any{}
	for k, v := range coll {
		if k != "@context" {
			rest[k] = v
		}
	}
	walk(rest)
	if !used["scholia:library"] || !used["scholia:article"] {
		t.Fatalf("the export uses no scholia: terms? %v", used)
	}
	for k := range used {
		if _, ok := decl[k]; !ok {
			t.Errorf("%s is used but not declared in the @context", k)
		}
	}
}

// Every extension term, orphans and colours included, is declared.
func TestW3CContextDeclaresEveryTerm(t *testing.T) {
	docs := []Doc{{
		Article: storage.Article{ID: 1, Title: "T", Body: "one two three"},
		Highlights: []storage.Highlight{
			{ID: 1, Start: 0, End: 3, Quote: "one", Color: "green"},
			{ID: 2, Start: 0, End: 4, Quote: "gone", Color: "pink", Orphaned: true},
		},
	}}
	var b bytes.Buffer
	if err := W3C(&b, docs, storage.DefaultColors); err != nil {
		t.Fatal(err)
	}
	coll := decodeAny(t, b.Bytes()).(map[string]any)
	checkDeclared(t, coll)
	for _, term := range []string{"scholia:color", "scholia:orphaned", "scholia:stalePosition"} {
		if !strings.Contains(b.String(), `"`+term+`"`) {
			t.Errorf("the sample does not exercise %s", term)
		}
	}
}

// Exports written before the terms were declared (a bare string @context)
// still read back.
func TestReadW3COldContext(t *testing.T) {
	old := `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","scholia:library":{"version":1,"articles":[{"id":1,"title":"T","body":"x y"}]}}`
	docs, _, err := ReadW3C(strings.NewReader(old))
	if err != nil || len(docs) != 1 {
		t.Fatalf("%v %v", docs, err)
	}
	if _, _, err := ReadW3C(strings.NewReader(`{"@context":["http://example.org/other"],"type":"AnnotationCollection"}`)); err == nil {
		t.Errorf("a foreign @context was accepted")
	}
}
