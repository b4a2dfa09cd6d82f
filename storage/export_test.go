package storage

// SetBundleChunk lets tests make loadBundles cross chunk boundaries with a
// few articles; it returns a function that restores the size.
func SetBundleChunk(n int) (restore func()) {
	old := bundleChunk
	bundleChunk = n
	return func() { bundleChunk = old }
}

// SetFindParts makes FindItems read n ID ranges however few the IDs.
func SetFindParts(n int) (restore func()) {
	oldParts, oldSpan := findParts, findMinSpan
	findParts, findMinSpan = n, 0
	return func() { findParts, findMinSpan = oldParts, oldSpan }
}
