package libgen

import (
	"flag"
	"fmt"
	"testing"
)

var libSize = flag.Int("n", 0, "with TestPrintCachedLibrary: build (if needed) and print the cached library of n articles")

// TestPrintCachedLibrary prints the path of the cached generated library of
// -n articles, for scripts that measure the real window on it
// (docs/measure-rss.sh). Without -n it does nothing, and passes: it is a
// tool, not a check, and make test lets no test skip without a reason.
func TestPrintCachedLibrary(t *testing.T) {
	if *libSize <= 0 {
		return
	}
	path, err := CachedLibrary(*libSize)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("library:", path)
}
