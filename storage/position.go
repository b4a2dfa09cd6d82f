package storage

import (
	"context"
	"strconv"
)

// positionKey names an article's reading position among the library's
// settings: a position is small, per article and optional, so it needs no
// table of its own (and no migration).
func positionKey(articleID int64) string { return "position:" + strconv.FormatInt(articleID, 10) }

// ReadingPosition returns where the user was in an article: the code point
// offset of the first line they had in view, 0 if never read.
func (s *Store) ReadingPosition(ctx context.Context, articleID int64) (int, error) {
	v, err := s.Setting(ctx, positionKey(articleID))
	if err != nil || v == "" {
		return 0, err
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, nil // a damaged value means the top, not an error
	}
	return n, nil
}

// SetReadingPosition remembers where the user is in an article.
func (s *Store) SetReadingPosition(ctx context.Context, articleID int64, offset int) error {
	return s.SetSetting(ctx, positionKey(articleID), strconv.Itoa(max(offset, 0)))
}
