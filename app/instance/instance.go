//go:build unix

package instance

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"time"
)

// ErrRunning means another window holds the library: hand the request to it.
var ErrRunning = errors.New("instance: a window is already open on this library")

// ErrNotRunning means no window is open on the library.
var ErrNotRunning = errors.New("instance: no window is open on this library")

// maxSocketPath is what sockaddr_un holds on Linux, less the final NUL.
const maxSocketPath = 107

// Dir is the private folder the sockets live in: $XDG_RUNTIME_DIR/scholia,
// or, when that is unset, not absolute or too long for a socket name,
// $TMPDIR/scholia-UID. It is created 0700 and refused unless it is a real
// folder of this user's that nobody else can enter.
func Dir(getenv func(string) string) (string, error) {
	base := getenv("XDG_RUNTIME_DIR")
	var dir string
	if base != "" && filepath.IsAbs(base) && len(base)+len("/scholia/")+len("0123456789abcdef.sock") <= maxSocketPath {
		if info, err := os.Stat(base); err == nil && info.IsDir() {
			dir = filepath.Join(base, "scholia")
		}
	}
	if dir == "" {
		tmp := getenv("TMPDIR")
		if tmp == "" || !filepath.IsAbs(tmp) || len(tmp) > 60 {
			tmp = "/tmp"
		}
		dir = filepath.Join(tmp, "scholia-"+strconv.Itoa(os.Getuid()))
	}
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, os.ErrExist) {
		return "", fmt.Errorf("instance: make %s: %w", dir, err)
	}
	info, err := os.Lstat(dir)
	if err != nil {
		return "", fmt.Errorf("instance: %w", err)
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !info.IsDir() || !ok || int(st.Uid) != os.Getuid() || info.Mode().Perm()&0o077 != 0 {
		return "", fmt.Errorf("instance: %s is not a private folder of this user's (want mode 0700)", dir)
	}
	return dir, nil
}

// key names a library's socket: a hash of its absolute, symlink-free path,
// so two windows on two libraries run side by side and two spellings of one
// file meet at one socket.
func key(library string) string {
	p, err := filepath.Abs(library)
	if err == nil {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			p = real
		}
	} else {
		p = library
	}
	sum := sha256.Sum256([]byte(p))
	return hex.EncodeToString(sum[:8])
}

func paths(library string, getenv func(string) string) (sock, lock string, err error) {
	dir, err := Dir(getenv)
	if err != nil {
		return "", "", err
	}
	k := key(library)
	return filepath.Join(dir, k+".sock"), filepath.Join(dir, k+".lock"), nil
}

// Server is the running window's end: it holds the library's lock and
// listens on its socket.
type Server struct {
	ln   *net.UnixListener
	sock string
	lock *os.File
}

// Claim makes this process the library's window. The lock is a file held
// with flock, which the kernel releases when the process ends however it
// ends, so a crashed window never blocks the next start; a socket it left
// behind is removed here. ErrRunning means another live window holds it.
func Claim(library string, getenv func(string) string) (*Server, error) {
	sock, lockPath, err := paths(library, getenv)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(lockPath, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW, 0o600)
	if err != nil {
		return nil, fmt.Errorf("instance: open lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, ErrRunning
		}
		return nil, fmt.Errorf("instance: lock: %w", err)
	}
	os.Remove(sock) // left by a window that crashed
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: sock, Net: "unix"})
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("instance: listen: %w", err)
	}
	ln.SetUnlinkOnClose(true)
	if err := os.Chmod(sock, 0o600); err != nil {
		ln.Close()
		f.Close()
		return nil, fmt.Errorf("instance: %w", err)
	}
	return &Server{ln: ln, sock: sock, lock: f}, nil
}

// Serve answers requests one at a time until Close; handle decides what a
// valid request does, and its error goes back to the sender as the reply.
// Connections from other users, over-long or malformed messages are
// answered with an error and never reach handle.
func (s *Server) Serve(handle func(Request) error) {
	for {
		c, err := s.ln.AcceptUnix()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			time.Sleep(50 * time.Millisecond)
			continue
		}
		s.serveConn(c, handle)
	}
}

func (s *Server) serveConn(c *net.UnixConn, handle func(Request) error) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	if err := samePeer(c); err != nil {
		Encode(c, Reply{Error: err.Error()})
		return
	}
	req, err := DecodeRequest(c)
	if err == nil {
		err = handle(req)
	}
	if err != nil {
		Encode(c, Reply{Error: err.Error()})
		return
	}
	Encode(c, Reply{OK: true})
}

// Close stops listening, removes the socket and releases the lock, in that
// order, so the next window never finds a socket nobody answers.
func (s *Server) Close() error {
	err := s.ln.Close()
	s.lock.Close()
	return err
}

// Send hands req to the window open on the library and returns its answer:
// nil once the window has taken the request, ErrNotRunning when no window
// holds the library. A window that is still starting (it holds the lock but
// is not listening yet) is given a few seconds.
func Send(ctx context.Context, library string, getenv func(string) string, req Request) error {
	sock, lockPath, err := paths(library, getenv)
	if err != nil {
		return err
	}
	req.V = Version
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	var d net.Dialer
	for {
		c, err := d.DialContext(ctx, "unix", sock)
		if err == nil {
			defer c.Close()
			if dl, ok := ctx.Deadline(); ok {
				c.SetDeadline(dl)
			}
			if err := Encode(c, req); err != nil {
				return err
			}
			rep, err := decodeReply(c)
			if err != nil {
				return fmt.Errorf("instance: no answer from the window: %w", err)
			}
			if !rep.OK {
				return errors.New(rep.Error)
			}
			return nil
		}
		if !held(lockPath) {
			return ErrNotRunning
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("instance: the window on this library does not answer: %w", err)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// held reports whether a live process holds the lock file.
func held(lockPath string) bool {
	f, err := os.OpenFile(lockPath, os.O_RDONLY|syscall.O_NOFOLLOW, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB); err != nil {
		return errors.Is(err, syscall.EWOULDBLOCK)
	}
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return false
}
