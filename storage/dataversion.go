package storage

import (
	"context"
	"fmt"
)

// DataVersion returns a number that changes whenever another process (the
// command line, a second window) commits a change to the library, and only
// then: SQLite's PRAGMA data_version, asked on the one read-write
// connection, leaves out this Store's own commits. The window polls it to
// notice imports, tags and highlights made beside it. It is a single
// pragma, no transaction and no lock, so polling it every second costs
// nothing measurable (BenchmarkDataVersion).
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	var v int64
	// Not in a transaction: a write transaction here would take the
	// library's write lock on every poll.
	if err := s.db.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("storage: read data version: %w", err)
	}
	return v, nil
}
