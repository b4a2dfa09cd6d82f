// Package images brings the pictures of an imported article into the
// library: each image address in the Markdown (a file next to the article,
// a data: URI, a page's image, a picture inside an EPUB) is read through a
// Resolver, checked (storage/media: sniffed kind, size and pixel caps), and
// its address rewritten to scholia-media:<hash>. An image that cannot be
// brought in keeps its alt text and the import goes on; one warning sums
// up what was left out.
package images

import (
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"scholia/app/ingest"
	"scholia/storage/media"
)

// Resolver reads the bytes of the image at src. ErrSkip leaves the address
// as written, silently (a remote image a file import does not fetch).
type Resolver func(src string) ([]byte, error)

// ErrSkip is a Resolver's "not mine: leave it".
var ErrSkip = errors.New("skip")

// Budget caps what one article (or one book) brings in. The zero Budget
// allows media.MaxPerArticle images of any total size.
type Budget struct {
	Max      int   // images stored; 0 means media.MaxPerArticle
	MaxBytes int64 // their total size; 0 means no cap beyond each image's
	n        int
	bytes    int64
	seen     map[string]bool
}

// take counts m against the budget; fresh is false for an image taken
// already (the same bytes at another address, or in another chapter).
func (b *Budget) take(m media.Image) (fresh bool, err error) {
	if b.seen[m.Hash] {
		return false, nil
	}
	limit := b.Max
	if limit <= 0 {
		limit = media.MaxPerArticle
	}
	if b.n >= limit {
		return false, fmt.Errorf("over the limit of %d images", limit)
	}
	if b.MaxBytes > 0 && b.bytes+int64(len(m.Data)) > b.MaxBytes {
		return false, fmt.Errorf("over the limit of %d MB of images", b.MaxBytes>>20)
	}
	if b.seen == nil {
		b.seen = map[string]bool{}
	}
	b.seen[m.Hash] = true
	b.n++
	b.bytes += int64(len(m.Data))
	return true, nil
}

// Localize stores d's images into d.Media and rewrites their addresses. A
// nil budget is a fresh one. Images already in the library
// (scholia-media:) are left alone.
func Localize(d *ingest.Doc, resolve Resolver, budget *Budget) {
	if budget == nil {
		budget = &Budget{}
	}
	srcs := ingest.ImageSources(*d)
	if len(srcs) == 0 {
		return
	}
	to := map[string]string{}
	var ms []media.Image
	var failed []string
	for _, src := range srcs {
		if _, ok := media.HashFromRef(src); ok {
			continue
		}
		isData := strings.HasPrefix(strings.ToLower(src), "data:")
		var data []byte
		var err error
		if isData {
			data, err = DataURI(src)
		} else if resolve == nil {
			err = ErrSkip
		} else {
			data, err = resolve(src)
		}
		var m media.Image
		if err == nil {
			m, err = media.Check(data)
		}
		if err == nil && (m.Width <= 1 || m.Height <= 1) {
			err = ErrSkip // a spacer or tracking pixel, not a picture: not stored, not worth a warning
		}
		fresh := false
		if err == nil {
			fresh, err = budget.take(m)
		}
		switch {
		case err == nil:
			to[src] = m.Ref()
			if fresh {
				ms = append(ms, m)
			}
			continue
		case errors.Is(err, ErrSkip):
		default:
			failed = append(failed, name(src)+" ("+oneLine(err)+")")
		}
		if isData {
			to[src] = "" // never megabytes of base64 in the source
		}
	}
	ingest.RewriteImages(d, to, ms) // an address also written in code stays there as written
	if len(failed) > 0 {
		d.Warnings = append(d.Warnings, summary(failed))
	}
}

// summary is the one warning line about the images left out.
func summary(failed []string) string {
	const shown = 3
	s := fmt.Sprintf("%d image(s) kept as alt text: %s", len(failed), strings.Join(failed[:min(shown, len(failed))], "; "))
	if len(failed) > shown {
		s += fmt.Sprintf("; and %d more", len(failed)-shown)
	}
	return s
}

// name is how a warning names an image: a data: URI by its kind, an
// address shortened.
func name(src string) string {
	if strings.HasPrefix(strings.ToLower(src), "data:") {
		kind, _, _ := strings.Cut(src[5:], ",")
		kind, _, _ = strings.Cut(kind, ";")
		return "data: URI " + kind
	}
	if len(src) > 60 {
		return src[:57] + "…"
	}
	return src
}

func oneLine(err error) string { return strings.Join(strings.Fields(err.Error()), " ") }

// DataURI decodes "data:[type][;base64],payload". Only image payloads are
// worth decoding; the bytes are checked by the caller like any other.
func DataURI(src string) ([]byte, error) {
	if len(src) < 5 || !strings.EqualFold(src[:5], "data:") {
		return nil, errors.New("not a data: URI")
	}
	rest := src[5:]
	meta, payload, ok := strings.Cut(rest, ",")
	if !ok {
		return nil, errors.New("broken data: URI (no comma)")
	}
	if len(payload) > media.MaxBytes*4/3+4 {
		return nil, fmt.Errorf("image too large (limit %d MB)", media.MaxBytes>>20)
	}
	if strings.HasSuffix(strings.ToLower(meta), ";base64") {
		payload = strings.Map(func(r rune) rune {
			if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
				return -1
			}
			return r
		}, payload)
		if b, err := base64.StdEncoding.DecodeString(payload); err == nil {
			return b, nil
		}
		b, err := base64.RawStdEncoding.DecodeString(strings.TrimRight(payload, "="))
		if err != nil {
			return nil, errors.New("broken data: URI (bad base64)")
		}
		return b, nil
	}
	b, err := url.PathUnescape(payload)
	if err != nil {
		return nil, errors.New("broken data: URI (bad percent-encoding)")
	}
	return []byte(b), nil
}
