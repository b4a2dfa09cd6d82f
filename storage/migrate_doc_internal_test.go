package storage

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestDocumentMigrationIsOneTransaction: a failure in the Go step of
// migration 4, after it has rewritten every row, leaves the library before
// schema 4 (no new columns, no new values); opening it again with the step
// working completes the upgrade.
func TestDocumentMigrationIsOneTransaction(t *testing.T) {
	b, err := os.ReadFile("testdata/schema2/library.db")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "library.db")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	real := goSteps[4]
	boom := errors.New("power cut")
	goSteps[4] = func(ctx context.Context, tx *sql.Tx) error {
		if err := real(ctx, tx); err != nil {
			return err
		}
		return boom
	}
	ctx := context.Background()
	_, err = Open(ctx, path)
	goSteps[4] = real
	if !errors.Is(err, boom) {
		t.Fatalf("open with a failing step: %v", err)
	}
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	var v, cols int
	db.QueryRow("PRAGMA user_version").Scan(&v)
	db.QueryRow("SELECT count(*) FROM pragma_table_info('bodies') WHERE name IN ('markdown', 'blocks')").Scan(&cols)
	db.Close()
	// Migrations before 4 are each their own transaction and may stand.
	if v < 2 || v >= 4 || cols != 0 {
		t.Fatalf("after the failed migration: version %d, %d new columns; want below 4 and none", v, cols)
	}
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var empty int
	if err := s.db.QueryRow("SELECT count(*) FROM bodies WHERE markdown = '' OR length(blocks) = 0").Scan(&empty); err != nil || empty != 0 {
		t.Fatalf("%d bodies without Markdown or blocks (%v)", empty, err)
	}
}
