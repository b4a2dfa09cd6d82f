package app

import (
	"context"
	"image/color"
	"path/filepath"
	"testing"

	"scholia/storage"
	"scholia/storage/media"
	"scholia/storage/media/mediatest"
)

// The reading pane's pictures come from the library only: a stored image
// by its scholia-media address, nothing else (no network on open).
func TestLibraryImages(t *testing.T) {
	ctx := context.Background()
	s, err := storage.Open(ctx, filepath.Join(t.TempDir(), "lib.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, err := s.PutMedia(ctx, mediatest.PNG(12, 7, color.White))
	if err != nil {
		t.Fatal(err)
	}
	li := libraryImages{ctx: ctx, store: s}
	if w, h, ok := li.ImageSize(m.Ref()); !ok || w != 12 || h != 7 {
		t.Errorf("ImageSize = %d×%d %v", w, h, ok)
	}
	img, err := li.LoadImage(m.Ref())
	if err != nil || img.Bounds().Dx() != 12 {
		t.Errorf("LoadImage: %v, %v", img, err)
	}
	for _, src := range []string{"https://example.com/a.png", "figs/a.png", "scholia-media:" + m.Hash[:10], "scholia-media:" + media.HashOf([]byte("other"))} {
		if _, _, ok := li.ImageSize(src); ok {
			t.Errorf("%q available", src)
		}
		if _, err := li.LoadImage(src); err == nil {
			t.Errorf("%q loaded", src)
		}
	}
}
