package finder

import "unsafe"

// Empty reports whether q has no words (so every item is a candidate).
func (q Query) Empty() bool { return len(q.q.words) == 0 }

// MayMatchFields is MayMatch for an item given as raw bytes, as a loader
// reads them: it builds no strings, so a caller can decide which rows are
// worth copying before it copies any. An empty query may match anything.
func MayMatchFields(q Query, title, source, author []byte, tags []string) bool {
	if q.Empty() {
		return true
	}
	it := Item{Title: view(title), Source: view(source), Author: view(author), Tags: tags}
	return MayMatch(q, &it)
}

// view is b as a string without copying it; the string must not outlive
// b's contents (MayMatch keeps none).
func view(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
