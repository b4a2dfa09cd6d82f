package cli

import "io"

// SetStdin makes `--file -` read r until restore is called.
func SetStdin(r io.Reader) (restore func()) {
	old := stdin
	stdin = r
	return func() { stdin = old }
}
