package ingest

import (
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Special files named like articles are refused without being opened
// (issue 22, item 3): opening a FIFO would block until a writer came.
func TestFileRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	sock := filepath.Join(dir, "sock.txt")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	dev := filepath.Join(dir, "zero.txt")
	if err := os.Symlink("/dev/zero", dev); err != nil {
		t.Fatal(err)
	}
	for path, kind := range map[string]string{fifo: "a named pipe", sock: "a socket", link: "a named pipe", dev: "a character device"} {
		done := make(chan error, 1)
		go func() { _, err := File(path); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), kind) || strings.Contains(err.Error(), "\n") {
				t.Errorf("File(%s) = %v, want one line saying it is %s", filepath.Base(path), err, kind)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("File(%s) blocked", filepath.Base(path))
		}
	}
	// A link to a regular file is followed.
	real := filepath.Join(dir, "real.txt")
	os.WriteFile(real, []byte("Linked title\n\nThe text behind a link."), 0o600)
	os.Symlink(real, filepath.Join(dir, "alias.txt"))
	if d, err := File(filepath.Join(dir, "alias.txt")); err != nil || d.Title != "Linked title" {
		t.Errorf("File(link to a regular file) = %q, %v", d.Title, err)
	}
}

// blockingReader never returns from Read until released: a stalled mount.
type blockingReader struct{ release chan struct{} }

func (b blockingReader) Read([]byte) (int, error) { <-b.release; return 0, io.EOF }

// trickle gives one byte per tick: slow, but never idle for long.
type trickle struct {
	left int
	tick time.Duration
}

func (t *trickle) Read(p []byte) (int, error) {
	if t.left == 0 {
		return 0, io.EOF
	}
	time.Sleep(t.tick)
	t.left--
	p[0] = 'x'
	return 1, nil
}

func TestReadIdleGivesUpOnAStalledRead(t *testing.T) {
	b := blockingReader{make(chan struct{})}
	defer close(b.release)
	start := time.Now()
	_, err := readIdle(b, 100, 50*time.Millisecond)
	if !errors.Is(err, errStalled) {
		t.Fatalf("readIdle of a stalled reader = %v, want errStalled", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("gave up after %s, want about 50–100 ms", d)
	}
	// Slow is not stalled: 20 bytes, one every 5 ms, with a 2 s idle limit
	// (far above a tick even on a loaded machine, where a 50 ms limit
	// once timed out between two bytes).
	data, err := readIdle(&trickle{left: 20, tick: 5 * time.Millisecond}, 100, 2*time.Second)
	if err != nil || len(data) != 20 {
		t.Errorf("readIdle of a slow reader = %d bytes, %v; want all 20", len(data), err)
	}
	// The cap holds for a reader that never ends.
	data, err = readIdle(zeros{}, 1000, time.Second)
	if err != nil || len(data) != 1000 {
		t.Errorf("readIdle of an endless reader = %d bytes, %v; want the 1000 of the cap", len(data), err)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// ReadImport takes a file up to MaxSize and refuses one over it in the
// one line every importer gives.
func TestReadImport(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.pdf")
	os.WriteFile(small, []byte("%PDF-1.4"), 0o644)
	if b, err := ReadImport(small); err != nil || string(b) != "%PDF-1.4" {
		t.Fatalf("small file: %q, %v", b, err)
	}
	big := filepath.Join(dir, "big.epub")
	f, _ := os.Create(big)
	f.Truncate(MaxSize + 1)
	f.Close()
	_, err := ReadImport(big)
	if err == nil || !strings.Contains(err.Error(), "file too large") {
		t.Fatalf("a file over MaxSize gave %v", err)
	}
}
