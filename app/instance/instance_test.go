//go:build unix

package instance

import (
	"context"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// runtimeDir is a private XDG_RUNTIME_DIR under /tmp (t.TempDir can be too
// long a path for a socket name).
func runtimeDir(t *testing.T) string {
	t.Helper()
	d, err := os.MkdirTemp("", "rt")
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(d, 0o700)
	t.Cleanup(func() { os.RemoveAll(d) })
	return d
}

type recorder struct {
	mu   sync.Mutex
	reqs []Request
}

func (r *recorder) handle(req Request) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reqs = append(r.reqs, req)
	if strings.Contains(req.Open, "article=404") {
		return errors.New("no article 404 in this library")
	}
	return nil
}

func (r *recorder) got() []Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Request(nil), r.reqs...)
}

func serve(t *testing.T, library string, getenv func(string) string) (*Server, *recorder) {
	t.Helper()
	s, err := Claim(library, getenv)
	if err != nil {
		t.Fatalf("Claim: %v", err)
	}
	rec := &recorder{}
	done := make(chan struct{})
	go func() { s.Serve(rec.handle); close(done) }()
	t.Cleanup(func() { s.Close(); <-done })
	return s, rec
}

func TestSecondLaunchHandsOver(t *testing.T) {
	getenv := env(map[string]string{"XDG_RUNTIME_DIR": runtimeDir(t)})
	lib := filepath.Join(t.TempDir(), "library.db")
	_, rec := serve(t, lib, getenv)

	if _, err := Claim(lib, getenv); !errors.Is(err, ErrRunning) {
		t.Fatalf("a second Claim on the same library: %v, want ErrRunning", err)
	}
	ctx := context.Background()
	if err := Send(ctx, lib, getenv, Request{Open: "scholia://open?article=12&highlight=34"}); err != nil {
		t.Fatal(err)
	}
	if err := Send(ctx, lib, getenv, Request{Import: []string{"/x/a.md", "/x/b.txt"}}); err != nil {
		t.Fatal(err)
	}
	err := Send(ctx, lib, getenv, Request{Open: "scholia://open?article=404"})
	if err == nil || err.Error() != "no article 404 in this library" {
		t.Fatalf("the window's refusal came back as %v", err)
	}
	if err := Send(ctx, lib, getenv, Request{Import: []string{"relative.md"}}); err == nil || !strings.Contains(err.Error(), "not an absolute path") {
		t.Fatalf("a relative path reached the window: %v", err)
	}
	got := rec.got()
	if len(got) != 3 || got[0].Open != "scholia://open?article=12&highlight=34" || len(got[1].Import) != 2 || got[1].Import[1] != "/x/b.txt" {
		t.Fatalf("the window received %+v", got)
	}
}

func TestTwoLibrariesSideBySide(t *testing.T) {
	getenv := env(map[string]string{"XDG_RUNTIME_DIR": runtimeDir(t)})
	dir := t.TempDir()
	_, recA := serve(t, filepath.Join(dir, "a.db"), getenv)
	_, recB := serve(t, filepath.Join(dir, "b.db"), getenv)
	if err := Send(context.Background(), filepath.Join(dir, "b.db"), getenv, Request{}); err != nil {
		t.Fatal(err)
	}
	if len(recA.got()) != 0 || len(recB.got()) != 1 {
		t.Fatalf("library a got %d requests, b %d; want 0 and 1", len(recA.got()), len(recB.got()))
	}
}

func TestOneLibraryTwoSpellings(t *testing.T) {
	getenv := env(map[string]string{"XDG_RUNTIME_DIR": runtimeDir(t)})
	dir := t.TempDir()
	lib := filepath.Join(dir, "lib.db")
	os.WriteFile(lib, nil, 0o600)
	os.Symlink(lib, filepath.Join(dir, "alias.db"))
	_, rec := serve(t, lib, getenv)
	if err := Send(context.Background(), filepath.Join(dir, "sub", "..", "alias.db"), getenv, Request{}); err != nil {
		t.Fatal(err)
	}
	if len(rec.got()) != 1 {
		t.Fatal("a symlink to the library did not reach its window")
	}
}

func TestNoWindow(t *testing.T) {
	rt := runtimeDir(t)
	getenv := env(map[string]string{"XDG_RUNTIME_DIR": rt})
	lib := filepath.Join(t.TempDir(), "library.db")
	start := time.Now()
	if err := Send(context.Background(), lib, getenv, Request{}); !errors.Is(err, ErrNotRunning) {
		t.Fatalf("Send with no window: %v, want ErrNotRunning", err)
	}
	// A socket left by a crashed window, with no lock held: not a window.
	sock, _, _ := paths(lib, getenv)
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: sock, Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	ln.SetUnlinkOnClose(false)
	ln.Close()
	if _, err := os.Stat(sock); err != nil {
		t.Fatalf("the stale socket is not there: %v", err)
	}
	if err := Send(context.Background(), lib, getenv, Request{}); !errors.Is(err, ErrNotRunning) {
		t.Fatalf("Send to a stale socket: %v, want ErrNotRunning", err)
	}
	if time.Since(start) > 2*time.Second {
		t.Errorf("finding no window took %v", time.Since(start))
	}
	_, rec := serve(t, lib, getenv) // and the next window starts over it
	if err := Send(context.Background(), lib, getenv, Request{}); err != nil || len(rec.got()) != 1 {
		t.Fatalf("after a stale socket: %v, %d requests", err, len(rec.got()))
	}
}

func TestClosedWindowFreesTheLibrary(t *testing.T) {
	getenv := env(map[string]string{"XDG_RUNTIME_DIR": runtimeDir(t)})
	lib := filepath.Join(t.TempDir(), "library.db")
	s, err := Claim(lib, getenv)
	if err != nil {
		t.Fatal(err)
	}
	sock, _, _ := paths(lib, getenv)
	s.Close()
	if _, err := os.Stat(sock); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Close left the socket behind: %v", err)
	}
	if err := Send(context.Background(), lib, getenv, Request{}); !errors.Is(err, ErrNotRunning) {
		t.Fatalf("Send after Close: %v", err)
	}
	s, err = Claim(lib, getenv)
	if err != nil {
		t.Fatalf("Claim after Close: %v", err)
	}
	s.Close()
}

// TestCrashedWindowDoesNotBlock kills a process that holds the library
// (SIGKILL: no clean-up runs) and claims it straight after.
func TestCrashedWindowDoesNotBlock(t *testing.T) {
	if os.Getenv("INSTANCE_HOLD") != "" {
		s, err := Claim(os.Getenv("INSTANCE_HOLD"), os.Getenv)
		if err != nil {
			os.Exit(3)
		}
		os.Stdout.WriteString("claimed\n")
		go s.Serve(func(Request) error { return nil })
		time.Sleep(time.Minute)
		return
	}
	rt := runtimeDir(t)
	getenv := env(map[string]string{"XDG_RUNTIME_DIR": rt})
	lib := filepath.Join(t.TempDir(), "library.db")
	cmd := exec.Command(os.Args[0], "-test.run", "^TestCrashedWindowDoesNotBlock$")
	cmd.Env = append(os.Environ(), "INSTANCE_HOLD="+lib, "XDG_RUNTIME_DIR="+rt)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 8)
	if n, _ := out.Read(buf); string(buf[:n]) != "claimed\n" {
		t.Fatalf("the helper did not claim the library: %q", buf[:n])
	}
	if _, err := Claim(lib, getenv); !errors.Is(err, ErrRunning) {
		t.Fatalf("Claim while another process holds it: %v", err)
	}
	if err := Send(context.Background(), lib, getenv, Request{}); err != nil {
		t.Fatalf("Send to the other process: %v", err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	if err := Send(context.Background(), lib, getenv, Request{}); !errors.Is(err, ErrNotRunning) {
		t.Fatalf("Send after the window crashed: %v, want ErrNotRunning", err)
	}
	s, err := Claim(lib, getenv)
	if err != nil {
		t.Fatalf("Claim after the window crashed: %v", err)
	}
	s.Close()
}

func TestPrivateFolderAndSocket(t *testing.T) {
	rt := runtimeDir(t)
	getenv := env(map[string]string{"XDG_RUNTIME_DIR": rt})
	lib := filepath.Join(t.TempDir(), "library.db")
	serve(t, lib, getenv)
	sock, _, _ := paths(lib, getenv)
	for path, want := range map[string]os.FileMode{filepath.Join(rt, "scholia"): 0o700, sock: 0o600} {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != want {
			t.Errorf("%s has mode %o, want %o", path, info.Mode().Perm(), want)
		}
	}

	open := runtimeDir(t)
	os.Mkdir(filepath.Join(open, "scholia"), 0o755)
	os.Chmod(filepath.Join(open, "scholia"), 0o755)
	if _, err := Claim(lib, env(map[string]string{"XDG_RUNTIME_DIR": open})); err == nil || !strings.Contains(err.Error(), "not a private folder") {
		t.Errorf("Claim in a folder others can enter: %v", err)
	}
}

func TestDirFallsBack(t *testing.T) {
	tmp := runtimeDir(t)
	want := filepath.Join(tmp, "scholia-"+strconv.Itoa(os.Getuid()))
	for name, vars := range map[string]map[string]string{
		"unset":                 {"TMPDIR": tmp},
		"relative":              {"TMPDIR": tmp, "XDG_RUNTIME_DIR": "run/user"},
		"missing":               {"TMPDIR": tmp, "XDG_RUNTIME_DIR": "/nonexistent/run"},
		"too long for a socket": {"TMPDIR": tmp, "XDG_RUNTIME_DIR": "/" + strings.Repeat("x", 100)},
	} {
		got, err := Dir(env(vars))
		if err != nil || got != want {
			t.Errorf("%s: Dir = %q, %v; want %q", name, got, err, want)
		}
	}
}

func TestRefusesGarbageOnTheWire(t *testing.T) {
	getenv := env(map[string]string{"XDG_RUNTIME_DIR": runtimeDir(t)})
	lib := filepath.Join(t.TempDir(), "library.db")
	_, rec := serve(t, lib, getenv)
	sock, _, _ := paths(lib, getenv)
	for _, msg := range []string{"GET / HTTP/1.0\r\n\r\n", `{"v":1,"run":"sh"}` + "\n", strings.Repeat("x", MaxMessage+10)} {
		c, err := net.Dial("unix", sock)
		if err != nil {
			t.Fatal(err)
		}
		c.Write([]byte(msg))
		rep, err := decodeReply(c)
		c.Close()
		if err != nil || rep.OK || rep.Error == "" {
			t.Errorf("reply to %.20q: %+v, %v; want a refusal", msg, rep, err)
		}
	}
	if n := len(rec.got()); n != 0 {
		t.Fatalf("%d garbage requests reached the window", n)
	}
}
