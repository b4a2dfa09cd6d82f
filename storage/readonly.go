package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/mattn/go-sqlite3"
)

// Options change how OpenWith opens a library.
type Options struct {
	// MustExist refuses a missing library (a *NoLibraryError) instead of
	// creating it: a command that only reads must not leave a new, empty
	// library behind because of a mistyped path.
	MustExist bool
	// ReadOnly opens the library read-only even when it could be written.
	// It implies MustExist.
	ReadOnly bool
	// BusyTimeout is how long a write waits for another program's write
	// transaction to end before giving up with ErrBusy (default 5 s).
	BusyTimeout time.Duration
}

const defaultBusyTimeout = 5 * time.Second

// Errors a write may end with, for errors.Is.
var (
	// ErrReadOnly: the library cannot be written (a read-only mount, file or
	// folder). A *ReadOnlyError names the file.
	ErrReadOnly = errors.New("library is read-only")
	// ErrBusy: another program held the library's write lock past the busy timeout.
	ErrBusy = errors.New("the library is locked by another program")
	// ErrDiskFull: SQLite could not grow the file (disk or quota full).
	ErrDiskFull = errors.New("the disk is full")
)

// ReadOnlyError says which library cannot be written. Its message is the one
// line users see: "library is read-only: PATH".
type ReadOnlyError struct{ Path string }

func (e *ReadOnlyError) Error() string { return "library is read-only: " + e.Path }

// Is makes errors.Is(err, ErrReadOnly) match.
func (e *ReadOnlyError) Is(target error) bool { return target == ErrReadOnly }

// NoLibraryError is a missing library that was not to be created.
type NoLibraryError struct{ Path string }

func (e *NoLibraryError) Error() string {
	return "no library at " + e.Path + " (import something to create it, or choose another with --db)"
}

// ReadOnly reports whether the library was opened read-only: every write
// then fails with a *ReadOnlyError.
func (s *Store) ReadOnly() bool { return s.readOnly }

// writable reports whether SQLite can write the library at path in WAL mode:
// the file itself, and its folder (for the -wal and -shm files) unless both
// of those already exist and can be written.
func writable(path string) bool {
	if !canWrite(path) {
		return false
	}
	if canWrite(filepath.Dir(path)) {
		return true
	}
	return canWrite(path+"-wal") && canWrite(path+"-shm")
}

// openReadOnly opens an existing, inspected library for reading only.
//
// A read-only look at a WAL library needs its -shm file, which SQLite makes
// when the folder can be written. Where it cannot (a read-only mount or
// folder) and no -wal holds unfinished changes, the main file is the whole
// library: open it immutable, which creates nothing and takes no locks.
// With a -wal present it tries a plain read-only open first and falls back
// to immutable (which reads the state before the -wal's changes) only if
// SQLite cannot open it at all.
func openReadOnly(ctx context.Context, path string, busy time.Duration) (*Store, error) {
	_, walErr := os.Stat(path + "-wal")
	immutable := !canWrite(filepath.Dir(path)) && errors.Is(walErr, os.ErrNotExist)
	s, err := openRO(ctx, path, busy, immutable)
	if err != nil && !immutable {
		s, err = openRO(ctx, path, busy, true)
	}
	if err != nil {
		return nil, err
	}
	current, err := s.SchemaVersion(ctx)
	if err == nil && current < latestVersion() {
		err = fmt.Errorf("storage: %s is read-only and was written by an older Scholia (schema version %d, this build needs %d): open it once where it can be written", path, current, latestVersion())
	}
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func openRO(ctx context.Context, path string, busy time.Duration, immutable bool) (*Store, error) {
	q := url.Values{}
	q.Set("mode", "ro")
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", strconv.FormatInt(busy.Milliseconds(), 10))
	if immutable {
		q.Set("immutable", "1")
	}
	u := url.URL{Scheme: "file", Path: path, RawQuery: q.Encode()}
	s := &Store{path: path, readOnly: true, busy: busy}
	var err error
	if s.rdb, err = sql.Open("sqlite3", u.String()); err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	s.rdb.SetMaxOpenConns(4)
	s.db = s.rdb // reads only: SchemaVersion and Close use it; write refuses first
	if err := s.rdb.PingContext(ctx); err != nil {
		s.rdb.Close()
		return nil, fmt.Errorf("storage: open %s read-only: %w", path, err)
	}
	var n int
	if err := s.rdb.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n); err != nil {
		s.rdb.Close()
		return nil, fmt.Errorf("storage: open %s read-only: %w", path, err)
	}
	return s, nil
}

// writeError turns the SQLite errors a user can do something about into
// ErrReadOnly, ErrBusy and ErrDiskFull; others pass through.
func (s *Store) writeError(err error) error {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code {
	case sqlite3.ErrReadonly:
		return &ReadOnlyError{Path: s.path}
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		return fmt.Errorf("%w (waited %s for its write to finish)", ErrBusy, s.busy)
	case sqlite3.ErrFull:
		return fmt.Errorf("%w (SQLite could not grow %s)", ErrDiskFull, filepath.Base(s.path))
	}
	return err
}
