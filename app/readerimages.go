package app

import (
	"context"
	"image"

	"scholia/storage"
	"scholia/storage/media"
)

// libraryImages gives the reading pane the pictures stored in the library
// (scholia-media:<hash> addresses). Any other address — a web image never
// fetched, a relative path — is not available: the reader shows its alt
// text, and nothing is fetched on open.
// A switch of library sets a new one (workspace.switchLibrary), which also
// drops pictures still loading from the old.
type libraryImages struct {
	ctx   context.Context
	store *storage.Store
}

func (li libraryImages) ImageSize(src string) (int, int, bool) {
	h, ok := media.HashFromRef(src)
	if !ok || li.store == nil {
		return 0, 0, false
	}
	m, err := li.store.MediaInfo(li.ctx, h)
	if err != nil {
		return 0, 0, false
	}
	return m.Width, m.Height, true
}

func (li libraryImages) LoadImage(src string) (image.Image, error) {
	h, ok := media.HashFromRef(src)
	s := li.store
	if !ok || s == nil {
		return nil, storage.ErrNotFound
	}
	m, err := s.Media(li.ctx, h)
	if err != nil {
		return nil, err
	}
	return media.Decode(m.Data)
}
