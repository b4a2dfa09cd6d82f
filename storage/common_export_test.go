package storage

// SetCommonAt lowers the common-query threshold for a test, returning the
// undo.
func SetCommonAt(n int) func() {
	old := commonAt
	commonAt = n
	return func() { commonAt = old }
}
