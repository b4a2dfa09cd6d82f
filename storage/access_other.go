//go:build !unix

package storage

import "os"

// canWrite reports whether path looks writable: on systems without
// access(2) the permission bits are all there is to go on.
func canWrite(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().Perm()&0o200 != 0
}
