//go:build !unix

package export

import (
	"io"
	"os"
)

// createNew opens path for writing only if no file is there.
func createNew(path string) (io.WriteCloser, error) {
	return os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
}
