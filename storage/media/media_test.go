package media_test

import (
	"errors"
	"image/color"
	"strings"
	"testing"

	"scholia/storage/media"
	"scholia/storage/media/mediatest"
)

func TestCheckSniffsAndMeasures(t *testing.T) {
	data := mediatest.PNG(7, 3, color.White)
	m, err := media.Check(data)
	if err != nil {
		t.Fatal(err)
	}
	if m.MIME != "image/png" || m.Width != 7 || m.Height != 3 || m.Hash != media.HashOf(data) || len(m.Hash) != 64 {
		t.Errorf("Check = %+v", m)
	}
	if h, ok := media.HashFromRef(m.Ref()); !ok || h != m.Hash {
		t.Errorf("HashFromRef(%q) = %q, %v", m.Ref(), h, ok)
	}
}

func TestCheckRefuses(t *testing.T) {
	png := mediatest.PNG(2, 2, color.Black)
	for _, c := range []struct {
		name string
		data []byte
		want error
		says string
	}{
		{"empty", nil, media.ErrEmpty, "empty"},
		{"bomb", mediatest.BombPNG(50_000, 50_000), media.ErrTooMany, "50000×50000"},
		{"text", []byte("<svg xmlns='http://www.w3.org/2000/svg'></svg>"), media.ErrNotImage, "looks like text/"},
		{"truncated", png[:20], media.ErrNotImage, "broken png header"},
		{"huge", append(append([]byte{}, png...), make([]byte, media.MaxBytes)...), media.ErrTooLarge, "limit 10 MB"},
	} {
		_, err := media.Check(c.data)
		if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.says) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: Check error %v, want %v saying %q", c.name, err, c.want, c.says)
		}
	}
	// Just under the pixel cap passes: the cap is the boundary, not a guess.
	if _, err := media.Check(mediatest.BombPNG(8000, 5000)); err != nil {
		t.Errorf("8000×5000 (40 MP) refused: %v", err)
	}
	if _, err := media.Check(mediatest.BombPNG(8001, 5000)); !errors.Is(err, media.ErrTooMany) {
		t.Errorf("8001×5000 accepted: %v", err)
	}
}
