package anchor

// fuzzy is filled in by the approximate matcher.
func (e *edit) fuzzy(sel Selector, quote string, orphan Result) Result {
	return orphan
}
