package fetch

import (
	"bytes"
	"context"
	"errors"
	"net/url"
	"path"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"scholia/app/ingest"
	"scholia/app/pdf"
)

// Article fetches one address and parses it as an article: a web page
// through readability (the same path as a saved .html file), plain text
// as a .txt. The Doc's URL is the page's canonical address (<link
// rel=canonical>, og:url, else where the redirects ended), so that the
// same article fetched through another link is recognised.
func Article(ctx context.Context, raw string, opts Options) (ingest.Doc, error) {
	p, err := Get(ctx, raw, opts)
	if err != nil {
		return ingest.Doc{}, err
	}
	d, err := Parse(p, opts)
	if err != nil {
		return d, err
	}
	localizeImages(ctx, &d, p.FinalURL, opts)
	return d, nil
}

// Parse turns a downloaded page into an article.
func Parse(p Page, opts Options) (ingest.Doc, error) {
	name := nameFor(p.FinalURL)
	switch p.Kind {
	case PDF:
		return parsePDF(p)
	case EPUB:
		return ingest.Doc{}, &Error{URL: p.URL, Reason: "an EPUB book: download it and import the .epub file"}
	case Text:
		name += ".txt"
	default:
		if pdf.Sniff(p.Body) { // a PDF served as a web page
			return parsePDF(p)
		}
		name += ".html"
	}
	d, err := ingest.ParseWith(name, p.Body, ingest.Options{Encoding: opts.Encoding, ContentType: p.ContentType, KeepDataImages: true})
	if err != nil {
		var ie *ingest.Error
		if errors.As(err, &ie) {
			reason := ie.Reason
			if reason == "no readable content" {
				reason = "no article found on the page"
			}
			return ingest.Doc{}, &Error{URL: p.URL, Reason: reason}
		}
		return ingest.Doc{}, &Error{URL: p.URL, Reason: err.Error()}
	}
	if d.URL == "" {
		d.URL = canonical(p.Body, p.FinalURL)
	}
	if d.Source == "" {
		if u, err := url.Parse(p.FinalURL); err == nil {
			d.Source = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	return d, nil
}

// nameFor makes a file-like name from an address's last path segment
// ("…/geneva-talks" → "geneva-talks"), which titles an article whose page
// has no title, and names the input in ingest's messages.
func nameFor(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "page"
	}
	base := path.Base(u.Path)
	if base == "/" || base == "." || base == "" {
		return "index"
	}
	return strings.TrimSuffix(base, path.Ext(base))
}

// canonical finds the page's own address, resolving a relative one against
// where the page was fetched (ingest keeps only absolute ones, which is all
// a saved file can use), and falls back to the final address. The fragment
// is dropped: "#comments" is the same article.
func canonical(body []byte, final string) string {
	base, err := url.Parse(final)
	if err != nil {
		return final
	}
	found := ""
	z := html.NewTokenizer(bytes.NewReader(body[:min(len(body), 256<<10)]))
	for found == "" {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		t := z.Token()
		if t.DataAtom == atom.Body {
			break
		}
		attrs := map[string]string{}
		for _, a := range t.Attr {
			attrs[a.Key] = a.Val
		}
		switch {
		case t.DataAtom == atom.Link && hasToken(attrs["rel"], "canonical"):
			found = attrs["href"]
		case t.DataAtom == atom.Meta && (attrs["property"] == "og:url" || attrs["name"] == "og:url"):
			found = attrs["content"]
		}
	}
	if ref, err := url.Parse(strings.TrimSpace(found)); err == nil && found != "" {
		if u := base.ResolveReference(ref); u.Scheme == "http" || u.Scheme == "https" {
			base = u
		}
	}
	base.Fragment = ""
	return base.String()
}

func hasToken(list, token string) bool {
	for _, f := range strings.Fields(strings.ToLower(list)) {
		if f == token {
			return true
		}
	}
	return false
}

// parsePDF reads a fetched PDF through the PDF importer: the paper's
// address is its URL, the host its source.
func parsePDF(p Page) (ingest.Doc, error) {
	d, err := pdf.Parse(nameFor(p.FinalURL)+".pdf", p.Body)
	if err != nil {
		var pe *pdf.Error
		if errors.As(err, &pe) {
			return ingest.Doc{}, &Error{URL: p.URL, Reason: pe.Reason}
		}
		return ingest.Doc{}, &Error{URL: p.URL, Reason: err.Error()}
	}
	d.URL = p.FinalURL
	if u, err := url.Parse(p.FinalURL); err == nil {
		d.Source = strings.TrimPrefix(u.Hostname(), "www.")
	}
	return d, nil
}
