package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"scholia/app/images"
	"scholia/app/ingest"
	"scholia/storage/media"
)

// Limits on the images fetched with one page, so that it reads offline
// without a gallery page filling the library.
const (
	MaxImages     = 50
	MaxImageBytes = 20 << 20 // all of one page's images together
)

// localizeImages fetches the page's images (http and https only, under the
// same timeouts and redirect rules as the page, all of them within one
// Timeout) into d.Media and rewrites their addresses. An image that fails
// keeps its alt text; one warning says which.
func localizeImages(ctx context.Context, d *ingest.Doc, final string, opts Options) {
	if opts.NoImages {
		images.Localize(d, nil, nil) // data: URIs only
		return
	}
	opts = opts.withDefaults()
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	base, _ := url.Parse(final)
	client := newClient(opts)
	resolve := func(src string) ([]byte, error) {
		u, err := url.Parse(strings.TrimSpace(src))
		if err != nil {
			return nil, errors.New("not a web address")
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		if u.Scheme != "http" && u.Scheme != "https" {
			return nil, fmt.Errorf("only http and https images are fetched (not %s:)", u.Scheme)
		}
		return getImage(ctx, client, u.String(), opts)
	}
	images.Localize(d, resolve, &images.Budget{Max: MaxImages, MaxBytes: MaxImageBytes})
}

// getImage downloads one image of at most media.MaxBytes.
func getImage(ctx context.Context, client *http.Client, u string, opts Options) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, errors.New("no time left for the page's images")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, errors.New("not a web address")
	}
	req.Header.Set("User-Agent", opts.UserAgent)
	req.Header.Set("Accept", "image/png,image/jpeg,image/gif,image/webp;q=0.9,*/*;q=0.1")
	resp, err := client.Do(req)
	if err != nil {
		return nil, errors.New(netReason(ctx, err, opts))
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("the server answered %s", statusLine(resp))
	}
	if resp.ContentLength > media.MaxBytes {
		return nil, fmt.Errorf("image too large (limit %d MB)", media.MaxBytes>>20)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, media.MaxBytes+1))
	if err != nil {
		return nil, errors.New(netReason(ctx, err, opts))
	}
	return data, nil
}
