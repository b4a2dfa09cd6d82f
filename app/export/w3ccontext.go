package export

import (
	"encoding/json"
	"fmt"
)

// scholiaVocab is the IRI the "scholia:" prefix stands for.
const scholiaVocab = "urn:scholia:vocab:"

// w3cContext is the export's @context: the Web Annotation context, then
// Scholia's own terms declared, so a JSON-LD processor keeps them (an
// undeclared prefix's properties are dropped on expansion). The library,
// colour and stale position are JSON literals (@json, JSON-LD 1.1): their
// inner keys are Scholia's format, not vocabulary — so an article's
// language and page starts are keys of its entry in the library, and only
// terms used outside the literals (a highlight's page) are declared here.
var w3cContext = []any{
	annoContext,
	map[string]any{
		"@version":              1.1,
		"scholia":               scholiaVocab,
		"scholia:library":       map[string]any{"@type": "@json"},
		"scholia:color":         map[string]any{"@type": "@json"},
		"scholia:stalePosition": map[string]any{"@type": "@json"},
		"scholia:article":       map[string]any{"@type": "http://www.w3.org/2001/XMLSchema#integer"},
		"scholia:orphaned":      map[string]any{"@type": "http://www.w3.org/2001/XMLSchema#boolean"},
		"scholia:page":          map[string]any{"@type": "http://www.w3.org/2001/XMLSchema#integer"},
	},
}

// checkContext accepts the export's @context, and the bare Web Annotation
// context that exports before it declared Scholia's terms carried.
func checkContext(raw json.RawMessage) error {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if s == annoContext {
			return nil
		}
		return fmt.Errorf("@context %q is not the Web Annotation context", s)
	}
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil || len(list) == 0 {
		return fmt.Errorf("@context is neither a string nor an array")
	}
	if json.Unmarshal(list[0], &s) != nil || s != annoContext {
		return fmt.Errorf("@context does not start with %s", annoContext)
	}
	return nil
}
