package storage

// SetCommonAt lowers the common-query threshold for a test, returning the
// undo.
func SetCommonAt(n int) func() {
	old := commonAt
	commonAt = n
	return func() { commonAt = old }
}

// SetCommonWindow narrows the newest articles commonness is judged on,
// returning the undo.
func SetCommonWindow(n int64) func() {
	old := commonWindow
	commonWindow = n
	return func() { commonWindow = old }
}
