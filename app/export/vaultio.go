package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
)

// sameContent reports whether the file at path holds exactly data, reading
// no more than needed.
func sameContent(path string, data []byte) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || fi.Size() != int64(len(data)) {
		return false, err
	}
	buf := bufPool.Get().(*bytes.Buffer)
	defer bufPool.Put(buf)
	buf.Reset()
	if _, err := buf.ReadFrom(f); err != nil {
		return false, err
	}
	return bytes.Equal(buf.Bytes(), data), nil
}

// forEach runs fn(i) for every i in [0, n) on a few goroutines: file
// writes wait on the disk, so more workers than cores keeps both busy.
// ok(i) runs on the caller's goroutine after each success, in completion
// order. The first error, or ctx ending, stops new work; work already
// started finishes, so ok has seen every file that was written.
func forEach(ctx context.Context, n int, fn func(i int) error, ok func(i int)) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type result struct {
		i   int
		err error
	}
	// Buffered, so a worker rarely waits for the caller and the caller
	// takes several results per wake-up: the CLI's main goroutine is locked
	// to its thread (Fyne's init), and every park and wake of it hands the
	// thread over, which cost more than writing a small file.
	results := make(chan result, 64)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(n, max(2, min(8, 2*runtime.GOMAXPROCS(0)))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				results <- result{i, fn(i)}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	var first error
	for r := range results {
		if r.err != nil {
			if first == nil {
				first = r.err
				cancel()
			}
			continue
		}
		ok(r.i)
	}
	if first != nil {
		return first
	}
	return context.Cause(ctx)
}

func report(progress func(done, total int), done, total int) {
	if progress != nil {
		progress(done, total)
	}
}

// writeNew creates path holding data when no file is there: the common
// case of a first export, which needs no temporary file (a file that did
// not exist has no old content a reader could see replaced). O_EXCL makes
// sure nothing that appeared since the folder was scanned is overwritten;
// then it falls back to writeAtomic, as before. A failed write removes the
// file it created.
func writeNew(dir, path string, data []byte) error {
	f, err := createNew(path)
	if errors.Is(err, fs.ErrExist) {
		return writeAtomic(dir, path, data)
	}
	if err != nil {
		return fmt.Errorf("export: vault: write %s: %w", filepath.Base(path), err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return fmt.Errorf("export: vault: write %s: %w", filepath.Base(path), err)
	}
	return nil
}

// writeAtomic writes data to a temporary file in dir and renames it to
// path, so readers (Obsidian, a sync tool) see the old or the new file,
// never a half-written one. It does not fsync each file: a vault is an
// export that can be redone, and fsync per file would cost seconds at 10k.
func writeAtomic(dir, path string, data []byte) error {
	f, err := os.CreateTemp(dir, ".scholia-*.tmp")
	if err != nil {
		return fmt.Errorf("export: vault: %w", err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("export: vault: write %s: %w", filepath.Base(path), err)
	}
	return nil
}
