package ingest

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync/atomic"
	"syscall"
	"time"
)

// ReadTimeout is how long a read may go without receiving a byte before
// the file is given up: a file on a stalled network mount would otherwise
// hold up a whole batch. It is an idle time, not a total, so a big file on
// a slow but moving disk still arrives.
var ReadTimeout = 15 * time.Second

// errStalled is a read that stopped delivering bytes.
var errStalled = errors.New("read stalled")

// notRegular names what a non-regular file is, for the one-line reason.
func notRegular(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a folder"
	}
	return "not a regular file"
}

// OpenRegular opens the regular file at path (links resolved) for reading,
// refusing a named pipe, socket, device or folder without blocking on it,
// for readers that stream the file themselves.
func OpenRegular(path string) (*os.File, fs.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, ioError(path, err)
	}
	if !info.Mode().IsRegular() {
		return nil, nil, &Error{Name: path, Reason: notRegular(info.Mode()) + ", not a file: not read"}
	}
	// O_NONBLOCK: if the file was swapped for a FIFO since the Stat, the
	// open returns at once instead of waiting for a writer; the Stat of the
	// open file then refuses it. On a regular file the flag changes nothing.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, ioError(path, err)
	}
	if info, err = f.Stat(); err != nil {
		f.Close()
		return nil, nil, ioError(path, err)
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, nil, &Error{Name: path, Reason: notRegular(info.Mode()) + ", not a file: not read"}
	}
	return f, info, nil
}

// ReadFile reads at most limit bytes of the regular file at path (links
// resolved), within ReadTimeout of idleness. A named pipe, socket or device
// is refused without being opened: opening a FIFO blocks until someone
// writes to it, reading a device may never end.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, info, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info.Size() >= limit {
		return nil, tooLarge(path, info.Size())
	}
	data, err := readIdle(f, limit, ReadTimeout)
	if errors.Is(err, errStalled) {
		return nil, &Error{Name: path, Reason: fmt.Sprintf("cannot read: no data for %s (a stalled network folder?)", ReadTimeout)}
	}
	if err != nil {
		return nil, ioError(path, err)
	}
	return data, nil
}

// ReadImport reads a file to import: a regular file of at most MaxSize
// bytes (also if it grew while being read), as every importer takes it.
func ReadImport(path string) ([]byte, error) {
	data, err := ReadFile(path, MaxSize+1)
	if err != nil {
		return nil, err
	}
	if len(data) > MaxSize {
		return nil, tooLarge(path, int64(len(data)))
	}
	return data, nil
}

// readIdle reads r to the end or to limit bytes, giving up with errStalled
// when idle passes without a byte arriving. The read runs on its own
// goroutine: a read(2) stuck in the kernel cannot be interrupted, so on a
// stall that goroutine is left to finish (or not) on its own and the caller
// moves on; closing the file releases it once the read returns.
func readIdle(r io.Reader, limit int64, idle time.Duration) ([]byte, error) {
	type result struct {
		data []byte
		err  error
	}
	var got atomic.Int64
	done := make(chan result, 1)
	go func() {
		var data []byte
		buf := make([]byte, 256<<10)
		lr := io.LimitReader(r, limit)
		for {
			n, err := lr.Read(buf)
			data = append(data, buf[:n]...)
			got.Add(int64(n))
			if err == io.EOF {
				done <- result{data, nil}
				return
			}
			if err != nil {
				done <- result{nil, err}
				return
			}
		}
	}()
	tick := time.NewTicker(idle)
	defer tick.Stop()
	var seen int64
	for {
		select {
		case res := <-done:
			return res.data, res.err
		case <-tick.C:
			now := got.Load()
			if now == seen {
				return nil, errStalled
			}
			seen = now
		}
	}
}
