package storage

// SetBundleChunk lets tests make loadBundles cross chunk boundaries with a
// few articles; it returns a function that restores the size.
func SetBundleChunk(n int) (restore func()) {
	old := bundleChunk
	bundleChunk = n
	return func() { bundleChunk = old }
}
