package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// SetNoteFrom saves note as article id's note, where base is the stored
// note the caller's text was typed from (the window's note field). When
// another program (the command line) changed the stored note since, its
// words are kept too, after the caller's: see MergeNotes. It returns the
// note now stored.
func (s *Store) SetNoteFrom(ctx context.Context, id int64, base, note string) (string, error) {
	saved := note
	err := s.write(ctx, fmt.Sprintf("save note of article %d", id), func(tx *txn) error {
		if err := exists(ctx, tx, "articles", id); err != nil {
			return err
		}
		var cur string
		err := tx.QueryRowContext(ctx, "SELECT note FROM notes WHERE article_id = ?", id).Scan(&cur)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		saved = MergeNotes(base, note, cur)
		return setNote(ctx, tx, id, saved, time.Now())
	})
	return saved, err
}

// MergeNotes is the note to store when mine was typed from base while the
// stored note became theirs. Nothing of either is dropped: text appended
// to base elsewhere (`scholia note ID --append`) is appended to mine;
// any other change is kept whole after mine, a blank line apart.
func MergeNotes(base, mine, theirs string) string {
	switch {
	case theirs == base, theirs == mine:
		return mine
	case mine == base:
		return theirs
	}
	if strings.TrimSpace(mine) == "" {
		return theirs // cleared here, written there: keep their words
	}
	b := strings.TrimRight(base, "\n")
	if b != "" && strings.HasPrefix(theirs, b) {
		return strings.TrimRight(mine, "\n") + theirs[len(b):]
	}
	return strings.TrimRight(mine, "\n") + "\n\n" + theirs
}
