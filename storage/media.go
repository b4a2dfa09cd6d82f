package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"scholia/storage/media"
)

// Media is an image stored in the library, keyed by the SHA-256 (hex) of its
// bytes. An article's Markdown refers to it as ![alt](scholia-media:<Hash>).
type Media = media.Image

// MediaScheme prefixes a stored image's address in Markdown.
const MediaScheme = media.Scheme

// PutMedia stores an image (a no-op when the same bytes are stored already)
// and returns it with its hash, sniffed MIME type and dimensions. Bytes that
// are not a PNG, JPEG, GIF or WebP, too large, or declaring too many pixels
// are refused with a one-line reason (see storage/media), before anything is
// written.
func (s *Store) PutMedia(ctx context.Context, data []byte) (Media, error) {
	m, err := media.Check(data)
	if err != nil {
		return Media{}, err
	}
	err = s.write(ctx, "store image", func(tx *txn) error { return putMedia(ctx, tx, m) })
	return m, err
}

// putMedia stores a checked image in tx unless its hash is there already.
func putMedia(ctx context.Context, tx *txn, m Media) error {
	if m.Hash != media.HashOf(m.Data) {
		return fmt.Errorf("image %.12s: hash does not match its bytes", m.Hash)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO media (hash, mime, width, height, size, data, created)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING`,
		m.Hash, m.MIME, m.Width, m.Height, len(m.Data), m.Data, millis(time.Now()))
	return err
}

// putArticleMedia stores the images an article brings, checked again: an
// Article built by hand must not slip an unchecked blob into the library.
func putArticleMedia(ctx context.Context, tx *txn, ms []Media) error {
	for _, m := range ms {
		checked, err := media.Check(m.Data)
		if err != nil {
			return fmt.Errorf("image %.12s: %w", m.Hash, err)
		}
		if err := putMedia(ctx, tx, checked); err != nil {
			return err
		}
	}
	return nil
}

// Media loads a stored image by its hash (ErrNotFound when none).
func (s *Store) Media(ctx context.Context, hash string) (Media, error) {
	var m Media
	if !media.ValidHash(hash) {
		return m, fmt.Errorf("image %q: %w", hash, ErrNotFound)
	}
	err := s.read(ctx, "load image", func(tx *txn) error {
		err := tx.QueryRowContext(ctx, "SELECT hash, mime, width, height, data FROM media WHERE hash = ?", hash).
			Scan(&m.Hash, &m.MIME, &m.Width, &m.Height, &m.Data)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		return err
	})
	return m, err
}

// MediaInfo is Media without the bytes: what a layout needs (the kind and
// the dimensions) without reading a possibly large blob.
func (s *Store) MediaInfo(ctx context.Context, hash string) (Media, error) {
	var m Media
	if !media.ValidHash(hash) {
		return m, fmt.Errorf("image %q: %w", hash, ErrNotFound)
	}
	err := s.read(ctx, "look up image", func(tx *txn) error {
		err := tx.QueryRowContext(ctx, "SELECT hash, mime, width, height FROM media WHERE hash = ?", hash).
			Scan(&m.Hash, &m.MIME, &m.Width, &m.Height)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		return err
	})
	return m, err
}

// MediaLoader is Media in the shape readers of images take (export, the
// reading pane): they can be tested without a library.
func (s *Store) MediaLoader(ctx context.Context) func(hash string) (mime string, data []byte, err error) {
	return func(hash string) (string, []byte, error) {
		m, err := s.Media(ctx, hash)
		return m.MIME, m.Data, err
	}
}

// MediaRefs lists the stored-image hashes a Markdown source refers to, in
// order of first appearance.
func MediaRefs(markdown string) []string {
	var out []string
	seen := map[string]bool{}
	rest := markdown
	for {
		i := strings.Index(rest, media.Scheme)
		if i < 0 {
			return out
		}
		rest = rest[i+len(media.Scheme):]
		if len(rest) >= 64 && media.ValidHash(rest[:64]) && !seen[rest[:64]] {
			seen[rest[:64]] = true
			out = append(out, rest[:64])
		}
	}
}

// PruneMedia removes stored images that no article's Markdown refers to and
// reports how many. Deleting an article keeps its images (its undo puts the
// Markdown back, which must find them); this is the explicit clean-up. An
// image still referred to is never removed.
func (s *Store) PruneMedia(ctx context.Context) (int, error) {
	n := 0
	err := s.write(ctx, "prune images", func(tx *txn) error {
		used := map[string]bool{}
		rows, err := tx.QueryContext(ctx, "SELECT markdown FROM bodies WHERE instr(markdown, ?) > 0", media.Scheme)
		if err != nil {
			return err
		}
		for rows.Next() {
			var md string
			if err := rows.Scan(&md); err != nil {
				rows.Close()
				return err
			}
			for _, h := range MediaRefs(md) {
				used[h] = true
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		var unused []string
		hs, err := tx.QueryContext(ctx, "SELECT hash FROM media")
		if err != nil {
			return err
		}
		for hs.Next() {
			var h string
			if err := hs.Scan(&h); err != nil {
				hs.Close()
				return err
			}
			if !used[h] {
				unused = append(unused, h)
			}
		}
		hs.Close()
		if err := hs.Err(); err != nil {
			return err
		}
		for _, h := range unused {
			if _, err := tx.ExecContext(ctx, "DELETE FROM media WHERE hash = ?", h); err != nil {
				return err
			}
		}
		n = len(unused)
		return nil
	})
	return n, err
}

// MediaCount is the number of images stored.
func (s *Store) MediaCount(ctx context.Context) (int, error) {
	var n int
	err := s.read(ctx, "count images", func(tx *txn) error {
		return tx.QueryRowContext(ctx, "SELECT count(*) FROM media").Scan(&n)
	})
	return n, err
}
