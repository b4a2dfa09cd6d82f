//go:build !sqlite_fts5

package storage

// Scholia's full-text search needs SQLite's FTS5 module, which
// mattn/go-sqlite3 compiles in only with the sqlite_fts5 build tag. Without
// it every library would fail at run time with "no such module: fts5", so
// this file stops the build instead, naming the fix in the error message:
//
//	undefined: Build_with_tags_sqlite_fts5__use_make
//
// Build and test with make (make build, make test) or add -tags sqlite_fts5.
var _ = Build_with_tags_sqlite_fts5__use_make
