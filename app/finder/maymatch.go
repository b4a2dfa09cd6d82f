package finder

import "unsafe"

// Empty reports whether q has no words: every item is then a candidate
// (MayMatch answers false for all of them).
func (q Query) Empty() bool { return len(q.q.words) == 0 }

// view is b as a string without copying it; the string must not outlive
// b's contents.
func view(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
