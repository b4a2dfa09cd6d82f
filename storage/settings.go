package storage

import (
	"context"
	"database/sql"
	"errors"
)

// Setting keys stored in the library itself.
const (
	// SettingWelcomed is set once the Getting-started article was offered, so
	// deleting it does not bring it back.
	SettingWelcomed = "welcomed"
)

// Setting reads a library setting; a missing one is "".
func (s *Store) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := s.read(ctx, "read setting "+key, func(tx *txn) error {
		err := tx.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(&v)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		return err
	})
	return v, err
}

// SetSetting writes a library setting.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	return s.write(ctx, "save setting "+key, func(tx *txn) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		return err
	})
}
