package importhl

import "fmt"

// hypothesisRow reads one row of the Hypothesis API or export: uri,
// document.title, target[].selector, text (the comment, Markdown), tags,
// created.
func hypothesisRow(m map[string]any) (src, title string, a Annotation, err error) {
	a = Annotation{Origin: str(m["id"]), Start: -1, Comment: str(m["text"]), Tags: strs(m["tags"])}
	a.Created = stamp(str(m["created"]))
	if doc, ok := m["document"].(map[string]any); ok {
		title = str(doc["title"])
	}
	src, ok := quoteFromTargets(list(m["target"]), &a)
	if uri := str(m["uri"]); uri != "" {
		src = uri
	}
	if !ok {
		return "", "", a, fmt.Errorf("no quote (a page note or reply, or a target without a TextQuoteSelector)")
	}
	if src == "" {
		return "", "", a, fmt.Errorf("no uri")
	}
	return src, title, a, nil
}
