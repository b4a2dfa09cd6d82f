// Package storage keeps a Scholia library in one SQLite file: articles,
// their bodies and notes, highlights, tags and the full-text index.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"time"

	"github.com/mattn/go-sqlite3" // the SQLite driver, built with -tags sqlite_fts5
)

// applicationID marks a SQLite file as a Scholia library (PRAGMA application_id), "SCHO".
const applicationID = 0x5343484f

// Store is an open library. It is safe for concurrent use: writes go through
// one connection (SQLite allows one writer), reads through a pool.
type Store struct {
	path     string
	db       *sql.DB       // writer: one connection, BEGIN IMMEDIATE
	rdb      *sql.DB       // readers
	readOnly bool          // the file or its folder cannot be written
	busy     time.Duration // how long a write waits for the lock
}

// DefaultPath is the library used when neither --db nor SCHOLIA_DB names one:
// $XDG_DATA_HOME/scholia/library.db (~/.local/share/scholia/library.db) on
// Linux, the platform's application-data folder elsewhere.
func DefaultPath() (string, error) {
	if p := os.Getenv("SCHOLIA_DB"); p != "" {
		return p, nil
	}
	var dir string
	switch runtime.GOOS {
	case "windows", "darwin":
		d, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("storage: find the data folder: %w", err)
		}
		dir = filepath.Join(d, "Scholia")
	default:
		dir = os.Getenv("XDG_DATA_HOME")
		if !filepath.IsAbs(dir) { // the XDG spec: a relative path is ignored
			home, err := os.UserHomeDir()
			if err != nil {
				return "", fmt.Errorf("storage: find the home folder: %w", err)
			}
			dir = filepath.Join(home, ".local", "share")
		}
		dir = filepath.Join(dir, "scholia")
	}
	return filepath.Join(dir, "library.db"), nil
}

// Open opens the library at path, creating it (mode 0600, its folder 0700)
// when it does not exist, and brings its schema up to date. A file that is not
// a Scholia library, or was written by a newer Scholia, is refused and left
// exactly as it was. A library that cannot be written (a read-only mount,
// file or folder) opens read-only: reads work, writes fail with a
// *ReadOnlyError.
func Open(ctx context.Context, path string) (*Store, error) {
	return OpenWith(ctx, path, Options{})
}

// OpenWith is Open with options: not creating a missing library, read-only,
// a shorter busy timeout.
func OpenWith(ctx context.Context, path string, opts Options) (*Store, error) {
	if opts.BusyTimeout <= 0 {
		opts.BusyTimeout = defaultBusyTimeout
	}
	if path == "" {
		return nil, errors.New("storage: open: no library path")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	if opts.MustExist || opts.ReadOnly {
		if _, err := os.Stat(abs); errors.Is(err, os.ErrNotExist) {
			return nil, &NoLibraryError{Path: abs}
		}
	}
	created, err := createFile(abs)
	if err != nil {
		return nil, err
	}
	if !created {
		// Check before the read-write connection exists: switching the journal
		// to WAL would already change the file.
		if err := inspect(ctx, abs); err != nil {
			return nil, err
		}
	}
	if !created && (opts.ReadOnly || !writable(abs)) {
		return openReadOnly(ctx, abs, opts.BusyTimeout)
	}
	s := &Store{path: abs, busy: opts.BusyTimeout}
	if s.db, err = sql.Open("sqlite3", dsn(abs, "immediate", opts.BusyTimeout)); err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", abs, err)
	}
	s.db.SetMaxOpenConns(1)
	if s.rdb, err = sql.Open("sqlite3", dsn(abs, "deferred", opts.BusyTimeout)); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("storage: open %s: %w", abs, err)
	}
	s.rdb.SetMaxOpenConns(max(4, runtime.NumCPU()))
	if err := s.migrateRetrying(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// migrateRetrying migrates, trying again for up to a second while SQLite
// answers SQLITE_BUSY without waiting. That happens only when two instances
// open a new library at the same moment: both switch the file to WAL, and
// SQLite refuses one of them at once instead of calling the busy handler
// (waiting could deadlock). Once the file is in WAL mode it cannot recur.
func (s *Store) migrateRetrying(ctx context.Context) error {
	for try := 0; ; try++ {
		err := s.migrate(ctx)
		var se sqlite3.Error
		if err == nil || try == 50 || !errors.As(err, &se) || se.Code != sqlite3.ErrBusy {
			return err
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// dsn puts the pragmas in the connection string so that every pooled
// connection gets them, not just the first.
func dsn(path, txlock string, busy time.Duration) string {
	q := url.Values{}
	q.Set("_foreign_keys", "on")
	q.Set("_journal_mode", "WAL")
	q.Set("_busy_timeout", strconv.FormatInt(busy.Milliseconds(), 10))
	q.Set("_synchronous", "NORMAL")
	q.Set("_txlock", txlock)
	u := url.URL{Scheme: "file", Path: path, RawQuery: q.Encode()}
	return u.String()
}

// createFile makes a new, empty library file with owner-only permissions.
// SQLite gives its -wal and -shm files the same permissions as the database.
func createFile(path string) (created bool, err error) {
	if _, err := os.Stat(path); err == nil {
		return false, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return false, fmt.Errorf("storage: open %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return false, fmt.Errorf("storage: create folder for %s: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return false, nil // another instance created it since the Stat
	}
	if err != nil {
		return false, fmt.Errorf("storage: create %s: %w", path, err)
	}
	return true, f.Close()
}

// inspect reads an existing file's header through a read-only connection and
// refuses what this build must not touch.
func inspect(ctx context.Context, path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("storage: open %s: %w", path, err)
	}
	if info.IsDir() {
		return fmt.Errorf("storage: %s is a folder, not a library file", path)
	}
	if info.Size() == 0 {
		return nil // created but never written: treat as new
	}
	query := "mode=ro&_busy_timeout=5000"
	// A read-only look at a WAL library creates its -wal and -shm files when
	// they are missing, and a refused library must stay exactly as it was.
	// With no -wal beside it the main file holds everything: read it as
	// immutable, which creates nothing.
	if _, err := os.Stat(path + "-wal"); errors.Is(err, os.ErrNotExist) {
		query += "&immutable=1"
	}
	u := url.URL{Scheme: "file", Path: path, RawQuery: query}
	db, err := sql.Open("sqlite3", u.String())
	if err != nil {
		return fmt.Errorf("storage: open %s: %w", path, err)
	}
	defer db.Close()
	// One read transaction, so the three answers come from one snapshot even
	// while another instance is creating the schema.
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("storage: %s is not a Scholia library (not an SQLite database: %v)", path, err)
	}
	defer tx.Rollback()
	var appID, version, tables int
	if err := tx.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return fmt.Errorf("storage: %s is not a Scholia library (not an SQLite database: %v)", path, err)
	}
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("storage: read schema version of %s: %w", path, err)
	}
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
		return fmt.Errorf("storage: read schema of %s: %w", path, err)
	}
	if appID != applicationID && (appID != 0 || tables > 0) {
		return fmt.Errorf("storage: %s is an SQLite database but not a Scholia library", path)
	}
	if latest := latestVersion(); version > latest {
		return fmt.Errorf("storage: %s was written by a newer Scholia (schema version %d, this build knows %d): update Scholia to open it; the file was not changed", path, version, latest)
	}
	return nil
}

// Path is the absolute path of the library file.
func (s *Store) Path() string { return s.path }

// Close checkpoints and closes the library.
func (s *Store) Close() error {
	var errs []error
	if s.rdb != nil {
		errs = append(errs, s.rdb.Close())
	}
	if s.db != nil && s.db != s.rdb {
		// Fold the WAL back into the main file so the library is one file
		// again when the app is not running (users copy and sync it). Only
		// briefly wait for other programs: while one holds the library the
		// WAL is theirs to fold back, and a command that just gave up on
		// the lock must not wait for it a second time.
		_, _ = s.db.Exec("PRAGMA busy_timeout = 100")
		_, _ = s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		errs = append(errs, s.db.Close())
	}
	return errors.Join(errs...)
}

// write runs fn in a write transaction and commits it.
func (s *Store) write(ctx context.Context, what string, fn func(tx *txn) error) error {
	if s.readOnly {
		return fmt.Errorf("storage: %s: %w", what, &ReadOnlyError{Path: s.path})
	}
	sqlTx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("storage: %s: %w", what, s.writeError(err))
	}
	tx := &txn{Tx: sqlTx}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return wrap(what, s.writeError(err))
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("storage: %s: %w", what, s.writeError(err))
	}
	return nil
}

// read runs fn in a read-only transaction, so it sees one consistent snapshot.
func (s *Store) read(ctx context.Context, what string, fn func(tx *txn) error) error {
	sqlTx, err := s.rdb.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("storage: %s: %w", what, err)
	}
	tx := &txn{Tx: sqlTx}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return wrap(what, err)
	}
	return tx.Commit()
}

func wrap(what string, err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	return fmt.Errorf("storage: %s: %w", what, err)
}
