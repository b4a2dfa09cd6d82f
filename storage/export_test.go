package storage

// SetBundleChunk lets tests make loadBundles cross chunk boundaries, and
// BundlesWithoutBodies split into parts, with a few articles; it returns a
// function that restores the sizes.
func SetBundleChunk(n int) (restore func()) {
	old, oldPart := bundleChunk, bundlePart
	bundleChunk, bundlePart = n, n
	return func() { bundleChunk, bundlePart = old, oldPart }
}

// SetFindParts makes FindItems read n ID ranges however few the IDs.
func SetFindParts(n int) (restore func()) {
	oldParts, oldSpan := readParts, findMinSpan
	readParts, findMinSpan = n, 0
	return func() { readParts, findMinSpan = oldParts, oldSpan }
}
