package importhl

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// depth returns the deepest nesting of arrays and objects in a JSON text
// (strings skipped), stopping as soon as it passes limit.
func depth(data []byte, limit int) int {
	d, most, inStr, esc := 0, 0, false, false
	for _, c := range data {
		switch {
		case inStr:
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inStr = false
			}
		case c == '"':
			inStr = true
		case c == '{' || c == '[':
			d++
			if d > most {
				most = d
				if most > limit {
					return most
				}
			}
		case c == '}' || c == ']':
			d--
		}
	}
	return most
}

// detectJSON looks at the decoded top level: a Scholia export carries
// "scholia:library", Hypothesis rows carry "uri" and "document" (or sit
// under "rows"), anything else with annotations is W3C.
func detectJSON(data []byte) Format {
	if depth(data, MaxDepth) > MaxDepth {
		return W3C // refused by parseJSON with its reason
	}
	var top any
	if json.Unmarshal(data, &top) != nil {
		if bytes.Contains(data[:min(len(data), 4096)], []byte(`"rows"`)) {
			return Hypothesis
		}
		if bytes.Contains(data[:min(len(data), 4096)], []byte(`anno.jsonld`)) {
			return W3C
		}
		return Unknown
	}
	switch v := top.(type) {
	case map[string]any:
		if _, ok := v["scholia:library"]; ok {
			return Scholia
		}
		if _, ok := v["rows"]; ok {
			return Hypothesis
		}
		if isAnnotationish(v) {
			return W3C
		}
	case []any:
		if len(v) == 0 {
			return W3C
		}
		if m, ok := v[0].(map[string]any); ok {
			if _, ok := m["uri"]; ok {
				return Hypothesis
			}
			if isAnnotationish(m) {
				return W3C
			}
		}
	}
	return Unknown
}

func isAnnotationish(m map[string]any) bool {
	for _, t := range strs(m["type"]) {
		switch t {
		case "Annotation", "AnnotationCollection", "AnnotationPage", "oa:Annotation":
			return true
		}
	}
	_, hasTarget := m["target"]
	_, hasCtx := m["@context"]
	return hasTarget && hasCtx
}

// strs reads a JSON value that may be a string or an array of strings.
func strs(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func str(v any) string {
	if s := strs(v); len(s) > 0 {
		return s[0]
	}
	return ""
}

// list reads a value that may be one object or an array of them.
func list(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	}
	return []any{v}
}

func parseJSON(data []byte, f Format) (Set, error) {
	if d := depth(data, MaxDepth); d > MaxDepth {
		return Set{}, fmt.Errorf("JSON nested %d+ levels deep (limit %d): not annotations", d, MaxDepth)
	}
	var top any
	if err := json.Unmarshal(data, &top); err != nil {
		return Set{}, fmt.Errorf("broken JSON: %v", err)
	}
	var items []any
	if f == Hypothesis {
		if m, ok := top.(map[string]any); ok {
			items = list(m["rows"])
		} else {
			items = list(top)
		}
	} else {
		items = w3cItems(top)
	}
	var s Set
	if m, ok := top.(map[string]any); ok && len(items) == 0 {
		if first := str(m["first"]); first != "" {
			s.Problems = append(s.Problems, fmt.Sprintf("the collection's first page is a link (%s), not embedded: nothing read", short(first)))
		}
	}
	works := map[string]int{}
	for i, it := range items {
		m, ok := it.(map[string]any)
		if !ok {
			s.Problems = append(s.Problems, fmt.Sprintf("annotation %d: not an object", i+1))
			continue
		}
		var src, title string
		var a Annotation
		var err error
		if f == Hypothesis {
			src, title, a, err = hypothesisRow(m)
		} else {
			src, a, err = w3cAnnotation(m)
		}
		if err != nil {
			name := fmt.Sprintf("annotation %d", i+1)
			if id := str(m["id"]); id != "" {
				name += " (" + short(id) + ")"
			}
			s.Problems = append(s.Problems, name+": "+err.Error())
			continue
		}
		if a.Origin == "" {
			a.Origin = contentID(src, a)
		}
		w, ok := works[src]
		if !ok {
			w = len(s.Works)
			works[src] = w
			s.Works = append(s.Works, Work{Origin: "page:" + src, URL: src, Title: title})
		}
		if s.Works[w].Title == "" {
			s.Works[w].Title = title
		}
		s.Works[w].Annotations = append(s.Works[w].Annotations, a)
	}
	return s, nil
}

// w3cItems finds the annotations of a W3C document: a single Annotation,
// an AnnotationPage's items, an AnnotationCollection's embedded first page,
// or a bare array.
func w3cItems(top any) []any {
	switch v := top.(type) {
	case []any:
		return v
	case map[string]any:
		if items, ok := v["items"]; ok {
			return list(items)
		}
		if first, ok := v["first"].(map[string]any); ok {
			return list(first["items"])
		}
		if _, ok := v["first"]; ok {
			return nil // a link to a page elsewhere: nothing here
		}
		return []any{v}
	}
	return nil
}

// w3cAnnotation reads one annotation: its target's source and quote, its
// bodies as comment and tags.
func w3cAnnotation(m map[string]any) (string, Annotation, error) {
	a := Annotation{Origin: str(m["id"]), Start: -1}
	if a.Origin == "" {
		a.Origin = str(m["@id"])
	}
	a.Created = stamp(str(m["created"]))
	src, ok := quoteFromTargets(list(m["target"]), &a)
	if !ok {
		return "", a, fmt.Errorf("no TextQuoteSelector with a quote in its target")
	}
	var comments []string
	if bv := str(m["bodyValue"]); bv != "" {
		comments = append(comments, bv)
	}
	for _, b := range list(m["body"]) {
		switch x := b.(type) {
		case string:
			comments = append(comments, x) // an IRI, kept as the user's text
		case map[string]any:
			val := str(x["value"])
			if val == "" {
				val = str(x["chars"])
			}
			if val == "" {
				continue
			}
			if slicesContain(strs(x["purpose"]), "tagging") {
				a.Tags = append(a.Tags, val)
			} else {
				comments = append(comments, val)
			}
		}
	}
	a.Comment = strings.Join(comments, "\n\n")
	return src, a, nil
}

// quoteFromTargets takes the first target with a quote: its source and its
// TextQuoteSelector (a TextPositionSelector gives a position hint).
func quoteFromTargets(targets []any, a *Annotation) (string, bool) {
	for _, t := range targets {
		tm, ok := t.(map[string]any)
		if !ok {
			continue
		}
		src := str(tm["source"])
		if sm, ok := tm["source"].(map[string]any); ok {
			src = str(sm["id"])
		}
		if src == "" {
			src = str(tm["id"])
		}
		found := false
		for _, sel := range list(tm["selector"]) {
			sm, ok := sel.(map[string]any)
			if !ok {
				continue
			}
			switch str(sm["type"]) {
			case "TextQuoteSelector":
				if q := str(sm["exact"]); strings.TrimSpace(q) != "" && !found {
					a.Quote, a.Prefix, a.Suffix, found = q, str(sm["prefix"]), str(sm["suffix"]), true
				}
			case "TextPositionSelector":
				if f, ok := sm["start"].(float64); ok && f >= 0 && f < 1<<31 {
					a.Start = int(f)
				}
			}
		}
		if found {
			return src, true
		}
	}
	return "", false
}

func slicesContain(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func stamp(s string) time.Time {
	for _, l := range []string{time.RFC3339Nano, "2006-01-02 15:04:05Z07:00", "2006-01-02T15:04:05.999999", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(l, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// contentID derives an origin id for an annotation that has none, so a
// second import of the same file still recognises it.
func contentID(src string, a Annotation) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s", src, a.Prefix, a.Quote, a.Suffix, a.Comment)
	return "sha:" + hex.EncodeToString(h.Sum(nil)[:12])
}
