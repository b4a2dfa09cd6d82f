//go:build unix

package export

import (
	"io"
	"os"
	"syscall"
)

// createNew opens path for writing only if no file is there. A raw
// descriptor, not an *os.File: no poller registration or non-blocking
// checks, so a new file costs open, write and close.
func createNew(path string) (io.WriteCloser, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_EXCL|syscall.O_CLOEXEC, 0o644)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "create", Path: path, Err: err}
		}
		return rawFile(fd), nil
	}
}

type rawFile int

func (f rawFile) Write(data []byte) (int, error) {
	done := 0
	for done < len(data) {
		n, err := syscall.Write(int(f), data[done:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return done, err
		}
		if n == 0 {
			return done, io.ErrShortWrite
		}
		done += n
	}
	return done, nil
}

func (f rawFile) Close() error { return syscall.Close(int(f)) }
