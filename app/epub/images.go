package epub

import (
	"errors"
	"net/url"
	"path"
	"strings"

	"scholia/app/images"
)

// imageResolver reads a chapter's pictures from inside the book: addresses
// relative to the chapter file, never outside the zip's root; web
// addresses are left as written (an EPUB import never goes to the network).
func (b *book) imageResolver(chapter string) images.Resolver {
	dir := path.Dir(chapter)
	return func(src string) ([]byte, error) {
		if u, err := url.Parse(src); err == nil && u.Scheme != "" {
			if u.Scheme == "http" || u.Scheme == "https" {
				return nil, images.ErrSkip
			}
			return nil, errors.New(u.Scheme + ": addresses are not read")
		}
		from := dir
		if strings.HasPrefix(src, "/") {
			src, from = src[1:], "." // the book's root
		}
		name := resolve(from, src)
		if name == ".." || strings.HasPrefix(name, "../") {
			return nil, errors.New("outside the book")
		}
		return b.readFile(name)
	}
}
