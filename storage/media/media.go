// Package media checks the bytes of an image before the library stores it:
// the kind is sniffed from the bytes (never trusted from a name or a
// header), the size and the pixel count are capped, and the dimensions are
// read from the header alone, so an image bomb is refused before a single
// pixel is decoded. It knows nothing of the database.
package media

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	_ "image/gif"  // registers the GIF header reader
	_ "image/jpeg" // registers the JPEG header reader
	_ "image/png"  // registers the PNG header reader
	"net/http"
	"strings"

	_ "golang.org/x/image/webp" // registers the WebP header reader
)

// Limits on one stored image.
const (
	// MaxBytes is the largest image file stored.
	MaxBytes = 10 << 20
	// MaxPixels is the most pixels an image may declare: 40 megapixels
	// (e.g. 8000×5000) decode to 160 MB of RGBA, the most the reader will
	// ever hold for one picture.
	MaxPixels = 40_000_000
	// MaxPerArticle is the most images one article keeps in the library.
	MaxPerArticle = 200
)

// Scheme prefixes a stored image's address in an article's Markdown:
// ![alt](scholia-media:<sha256 hex of the bytes>).
const Scheme = "scholia-media:"

// Image is a checked image: its content hash (SHA-256 hex of Data), sniffed
// MIME type and declared dimensions.
type Image struct {
	Hash, MIME    string
	Width, Height int
	Data          []byte
}

// Ref is the Markdown address of the image: "scholia-media:<hash>".
func (m Image) Ref() string { return Scheme + m.Hash }

// HashOf is the content hash images are keyed by.
func HashOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// HashFromRef returns the hash of a "scholia-media:<hash>" address, and
// whether src is one (64 lower-case hex digits).
func HashFromRef(src string) (string, bool) {
	h, ok := strings.CutPrefix(src, Scheme)
	if !ok || !ValidHash(h) {
		return "", false
	}
	return h, true
}

// ValidHash reports whether h looks like a content hash.
func ValidHash(h string) bool {
	if len(h) != 64 {
		return false
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// kinds are the image formats stored, by sniffed MIME type, with the
// image package's name for each. SVG is left out on purpose: it is a
// document (scripts, external references, entity expansion), not pixels.
var kinds = map[string]string{
	"image/png":  "png",
	"image/jpeg": "jpeg",
	"image/gif":  "gif",
	"image/webp": "webp",
}

// ErrNotImage and friends are the reasons an image is refused; Check wraps
// them in an error of one line.
var (
	ErrEmpty    = errors.New("empty image")
	ErrTooLarge = errors.New("image too large")
	ErrNotImage = errors.New("not a PNG, JPEG, GIF or WebP image")
	ErrTooMany  = errors.New("image has too many pixels")
)

// Check sniffs, measures and hashes data, refusing with a one-line reason
// anything that is not a PNG, JPEG, GIF or WebP under the caps. Only the
// header is decoded.
func Check(data []byte) (Image, error) {
	if len(data) == 0 {
		return Image{}, ErrEmpty
	}
	if len(data) > MaxBytes {
		return Image{}, fmt.Errorf("%w (%d MB; limit %d MB)", ErrTooLarge, (len(data)+1<<20-1)>>20, MaxBytes>>20)
	}
	mime := http.DetectContentType(data)
	want, ok := kinds[mime]
	if !ok {
		return Image{}, fmt.Errorf("%w (looks like %s)", ErrNotImage, strings.SplitN(mime, ";", 2)[0])
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || format != want {
		return Image{}, fmt.Errorf("%w (broken %s header)", ErrNotImage, want)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return Image{}, fmt.Errorf("%w (%d×%d)", ErrNotImage, cfg.Width, cfg.Height)
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return Image{}, fmt.Errorf("%w (%d×%d; limit %d megapixels)", ErrTooMany, cfg.Width, cfg.Height, MaxPixels/1_000_000)
	}
	return Image{Hash: HashOf(data), MIME: mime, Width: cfg.Width, Height: cfg.Height, Data: data}, nil
}

// Decode decodes a stored image's pixels, checking it again first: bytes
// that would not pass Check (a bomb written into the file by other means)
// are never decoded.
func Decode(data []byte) (image.Image, error) {
	if _, err := Check(data); err != nil {
		return nil, err
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("cannot decode the image: %v", err)
	}
	return img, nil
}
