package storage

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists the embedded files migrations/NNNN_name.sql in order.
func migrations() []migration {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		panic(err) // embedded at build time: cannot fail
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			panic("storage: migration file without a number: " + e.Name())
		}
		b, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			panic(err)
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms
}

// SchemaVersionLatest is the schema version this build writes.
func SchemaVersionLatest() int { return latestVersion() }

func latestVersion() int {
	ms := migrations()
	return ms[len(ms)-1].version
}

// SchemaVersion reports the library's schema version (PRAGMA user_version).
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("storage: schema version: %w", err)
	}
	return v, nil
}

// migrate applies every migration newer than the file's version, each in its
// own transaction together with the new version number, so a crash leaves the
// library at one version or the next, never between.
func (s *Store) migrate(ctx context.Context) error {
	current, err := s.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if latest := latestVersion(); current > latest {
		return fmt.Errorf("storage: %s was written by a newer Scholia (schema version %d, this build knows %d)", s.path, current, latest)
	}
	for _, m := range migrations() {
		if m.version <= current {
			continue
		}
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("storage: migrate to %s: %w", m.name, err)
		}
		// Another instance opening the same library may have applied it
		// while this one waited for the write lock: read the version again
		// now that the lock is held.
		var now int
		if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&now); err != nil {
			tx.Rollback()
			return fmt.Errorf("storage: migrate to %s: %w", m.name, err)
		}
		if now >= m.version {
			tx.Rollback()
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			tx.Rollback()
			return fmt.Errorf("storage: migrate to %s: %w", m.name, err)
		}
		// A step that SQL cannot express runs in the same transaction, so
		// the version moves only once both are done.
		if step := goSteps[m.version]; step != nil {
			if err := step(ctx, tx); err != nil {
				tx.Rollback()
				return fmt.Errorf("storage: migrate to %s: %w", m.name, err)
			}
		}
		stamp := fmt.Sprintf("PRAGMA user_version = %d;\nPRAGMA application_id = %d;\n", m.version, applicationID)
		if _, err := tx.ExecContext(ctx, stamp); err != nil {
			tx.Rollback()
			return fmt.Errorf("storage: migrate to %s: %w", m.name, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("storage: migrate to %s: %w", m.name, err)
		}
	}
	return nil
}
