package storage_test

import (
	"bytes"
	"context"
	"errors"
	"image/color"
	"testing"

	"scholia/storage"
	"scholia/storage/media"
	"scholia/storage/media/mediatest"
)

func TestPutMediaDedupsByContent(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	red := mediatest.PNG(4, 2, color.NRGBA{R: 255, A: 255})
	a, err := s.PutMedia(ctx, red)
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.PutMedia(ctx, append([]byte(nil), red...))
	if err != nil || b.Hash != a.Hash {
		t.Fatalf("second PutMedia = %+v, %v; want hash %s", b, err, a.Hash)
	}
	if _, err := s.PutMedia(ctx, mediatest.PNG(4, 2, color.Black)); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.MediaCount(ctx); n != 2 {
		t.Errorf("%d images stored, want 2 (same bytes stored once)", n)
	}
	got, err := s.Media(ctx, a.Hash)
	if err != nil || got.MIME != "image/png" || got.Width != 4 || got.Height != 2 || !bytes.Equal(got.Data, red) {
		t.Errorf("Media(%s) = %s %d×%d %d bytes, %v", a.Hash, got.MIME, got.Width, got.Height, len(got.Data), err)
	}
	if info, err := s.MediaInfo(ctx, a.Hash); err != nil || info.Width != 4 || info.Height != 2 || info.Data != nil {
		t.Errorf("MediaInfo = %+v, %v", info, err)
	}
	if _, err := s.Media(ctx, media.HashOf([]byte("never stored"))); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("missing hash: %v, want ErrNotFound", err)
	}
	if _, err := s.Media(ctx, "../../etc/passwd"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("malformed hash: %v, want ErrNotFound", err)
	}
}

func TestPutMediaRefusesBombAndJunkWritingNothing(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	for _, data := range [][]byte{mediatest.BombPNG(50_000, 50_000), []byte("GIF89a but not really"), make([]byte, media.MaxBytes+1)} {
		if _, err := s.PutMedia(ctx, data); err == nil {
			t.Errorf("PutMedia of %d bytes accepted", len(data))
		}
	}
	if n, _ := s.MediaCount(ctx); n != 0 {
		t.Errorf("%d images stored after refusals", n)
	}
}

func TestArticleStoresItsMediaInTheSameTransaction(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	img, err := media.Check(mediatest.PNG(3, 3, color.White))
	if err != nil {
		t.Fatal(err)
	}
	a := storage.Article{Title: "Pictures", Markdown: "Before.\n\n![a white square](" + img.Ref() + ")\n\nAfter.\n", Media: []storage.Media{img}}
	if err := s.CreateArticle(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Media(ctx, img.Hash); err != nil {
		t.Errorf("image of the article not stored: %v", err)
	}
	// An article carrying a forged image (bytes not matching a bomb check)
	// stores nothing at all: neither article nor image.
	bomb := storage.Media{Hash: media.HashOf(mediatest.BombPNG(50_000, 50_000)), Data: mediatest.BombPNG(50_000, 50_000)}
	bad := storage.Article{Title: "Bomb", Markdown: "![boom](" + bomb.Ref() + ")\n\nText.\n", Media: []storage.Media{bomb}}
	if err := s.CreateArticle(ctx, &bad); err == nil {
		t.Fatal("article with a bomb image stored")
	}
	if n, _ := s.CountArticles(ctx); n != 1 {
		t.Errorf("%d articles, want 1", n)
	}
}

func TestPruneMediaKeepsReferencedImages(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	kept, _ := media.Check(mediatest.PNG(1, 1, color.White))
	shared, _ := media.Check(mediatest.PNG(2, 1, color.White))
	gone, _ := media.Check(mediatest.PNG(3, 1, color.White))
	a := storage.Article{Title: "A", Markdown: "A text.\n\n![x](" + kept.Ref() + ") ![y](" + shared.Ref() + ")\n", Media: []storage.Media{kept, shared}}
	b := storage.Article{Title: "B", Markdown: "B text.\n\n![y](" + shared.Ref() + ")\n\n![z](" + gone.Ref() + ")\n", Media: []storage.Media{shared, gone}}
	for _, art := range []*storage.Article{&a, &b} {
		if err := s.CreateArticle(ctx, art); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeleteArticle(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	// Deleting keeps the images (the undo of a delete needs them).
	if n, _ := s.MediaCount(ctx); n != 3 {
		t.Errorf("%d images after delete, want 3 kept", n)
	}
	n, err := s.PruneMedia(ctx)
	if err != nil || n != 1 {
		t.Fatalf("PruneMedia = %d, %v; want 1", n, err)
	}
	for _, h := range []string{kept.Hash, shared.Hash} {
		if _, err := s.Media(ctx, h); err != nil {
			t.Errorf("referenced image %.12s pruned: %v", h, err)
		}
	}
	if _, err := s.Media(ctx, gone.Hash); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("unreferenced image kept: %v", err)
	}
}

func TestMediaRefs(t *testing.T) {
	h1, h2 := media.HashOf([]byte("1")), media.HashOf([]byte("2"))
	md := "![a](scholia-media:" + h1 + ") ![b](scholia-media:" + h2 + ") ![c](scholia-media:" + h1 + ") ![d](scholia-media:short)"
	got := storage.MediaRefs(md)
	if len(got) != 2 || got[0] != h1 || got[1] != h2 {
		t.Errorf("MediaRefs = %v", got)
	}
}
