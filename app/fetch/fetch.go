// Package fetch downloads a web page by its address and turns it into an
// article through the same HTML ingest path as a saved page: bounded in
// time, size, redirects and decompression, and refusing everything it
// cannot read with one line naming the address and what went wrong. It
// knows no fyne and no SQL.
package fetch

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"syscall"
	"time"
)

// Limits a fetch keeps to; the zero value of each field takes the default.
type Options struct {
	MaxBytes       int64         // largest page, after decompression (default 20 MB, like a file)
	Timeout        time.Duration // the whole fetch, headers to last byte (default 60 s)
	ConnectTimeout time.Duration // DNS + TCP + TLS (default 10 s)
	MaxRedirects   int           // default 10
	UserAgent      string        // default "Scholia/1 (+desktop research workspace)"
	// Encoding is the user's --encoding, used when the page is not UTF-8.
	Encoding string
	// NoImages leaves the page's images at their web addresses instead of
	// fetching them into the library.
	NoImages bool
	// Transport replaces the network (tests); nil is the real one.
	Transport http.RoundTripper
}

// DefaultUserAgent names Scholia and looks enough like a browser that
// sites serving readers answer with their article page.
const DefaultUserAgent = "Mozilla/5.0 (X11; Linux x86_64) Scholia/1.0 (desktop research workspace; like Gecko)"

func (o Options) withDefaults() Options {
	if o.MaxBytes <= 0 {
		o.MaxBytes = 20 << 20
	}
	if o.Timeout <= 0 {
		o.Timeout = 60 * time.Second
	}
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = 10 * time.Second
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 10
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	return o
}

// Error is a one-line reason a fetch failed: "URL: reason".
type Error struct {
	URL, Reason string
}

func (e *Error) Error() string { return e.URL + ": " + e.Reason }

// Kind is what a fetched address turned out to be.
type Kind int

// The kinds of resource Scholia imports from the web.
const (
	HTML Kind = iota
	Text
	PDF
	EPUB
)

// Page is a downloaded resource, decompressed, before it is parsed.
type Page struct {
	URL         string // the address asked for
	FinalURL    string // after redirects
	ContentType string // the server's, with its charset
	Kind        Kind
	Body        []byte
}

// IsURL reports whether s is an address Import fetches (http or https),
// as opposed to a file path.
func IsURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// Get downloads one address within the limits.
func Get(ctx context.Context, raw string, opts Options) (Page, error) {
	opts = opts.withDefaults()
	u, err := url.Parse(strings.TrimSpace(raw))
	if err == nil && u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return Page{}, &Error{URL: raw, Reason: fmt.Sprintf("only http and https addresses can be fetched (not %s:)", u.Scheme)}
	}
	if err != nil || u.Host == "" || u.Scheme == "" {
		return Page{}, &Error{URL: raw, Reason: "not a web address"}
	}
	client := newClient(opts)
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return Page{}, &Error{URL: raw, Reason: "not a web address"}
	}
	req.Header.Set("User-Agent", opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8,application/epub+zip;q=0.8,*/*;q=0.5")
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := client.Do(req)
	if err != nil {
		return Page{}, &Error{URL: raw, Reason: netReason(ctx, err, opts)}
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return Page{}, &Error{URL: raw, Reason: fmt.Sprintf("the server answered %s", statusLine(resp))}
	}
	p := Page{URL: raw, FinalURL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type")}
	if p.Kind, err = kindOf(p.ContentType, resp.Request.URL.Path); err != nil {
		return Page{}, &Error{URL: raw, Reason: err.Error()}
	}
	if resp.ContentLength > opts.MaxBytes {
		return Page{}, &Error{URL: raw, Reason: tooBig(opts.MaxBytes)}
	}
	var body io.Reader = resp.Body
	if strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return Page{}, &Error{URL: raw, Reason: "broken gzip data from the server"}
		}
		defer zr.Close()
		body = zr
	}
	// One byte past the cap tells "exactly the cap" from "more": a gzip
	// bomb stops here after MaxBytes of output, not at its end.
	data, err := io.ReadAll(io.LimitReader(body, opts.MaxBytes+1))
	if err != nil {
		return Page{}, &Error{URL: raw, Reason: netReason(ctx, err, opts)}
	}
	if int64(len(data)) > opts.MaxBytes {
		return Page{}, &Error{URL: raw, Reason: tooBig(opts.MaxBytes)}
	}
	p.Body = data
	return p, nil
}

func tooBig(limit int64) string {
	return fmt.Sprintf("too large (over %d MB)", limit>>20)
}

func statusLine(resp *http.Response) string {
	if text := http.StatusText(resp.StatusCode); text != "" {
		return fmt.Sprintf("%d %s", resp.StatusCode, text)
	}
	return fmt.Sprint(resp.StatusCode)
}

// errRedirectLoop and errTooManyRedirects stop a redirect chain.
var (
	errRedirectLoop     = errors.New("redirect loop")
	errTooManyRedirects = errors.New("too many redirects")
)

func newClient(opts Options) *http.Client {
	tr := opts.Transport
	if tr == nil {
		dialer := &net.Dialer{Timeout: opts.ConnectTimeout, KeepAlive: 30 * time.Second}
		tr = &http.Transport{
			Proxy:               http.ProxyFromEnvironment,
			DialContext:         dialer.DialContext,
			TLSHandshakeTimeout: opts.ConnectTimeout,
			// Decompression is done by Get, under the size cap.
			DisableCompression: true,
			MaxIdleConns:       4,
			IdleConnTimeout:    30 * time.Second,
		}
	}
	return &http.Client{
		Transport: tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirected to a %s: address", req.URL.Scheme)
			}
			for _, v := range via {
				if v.URL.String() == req.URL.String() {
					return errRedirectLoop
				}
			}
			if len(via) > opts.MaxRedirects {
				return errTooManyRedirects
			}
			return nil
		},
	}
}

// netReason names a transport failure the way a user can act on it.
func netReason(ctx context.Context, err error, opts Options) string {
	var dns *net.DNSError
	switch {
	case errors.Is(err, errRedirectLoop):
		return "redirect loop"
	case errors.Is(err, errTooManyRedirects):
		return fmt.Sprintf("too many redirects (more than %d)", opts.MaxRedirects)
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return fmt.Sprintf("timed out after %s", opts.Timeout)
	case errors.Is(err, context.Canceled):
		return "cancelled"
	case errors.As(err, &dns):
		return fmt.Sprintf("cannot find the server %s (DNS lookup failed)", dns.Name)
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, os.ErrDeadlineExceeded):
		return "timed out connecting"
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return "timed out connecting"
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return "cannot fetch: " + strings.Join(strings.Fields(err.Error()), " ")
}

// kindOf sorts a response by its Content-Type, falling back to the
// address's extension when the server says nothing useful.
func kindOf(contentType, path string) (Kind, error) {
	mt, _, _ := mime.ParseMediaType(contentType)
	ext := strings.ToLower(path[strings.LastIndex(path, ".")+1:])
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml":
		return HTML, nil
	case mt == "application/pdf" || (mt == "application/octet-stream" || mt == "") && ext == "pdf":
		return PDF, nil
	case mt == "application/epub+zip" || (mt == "application/octet-stream" || mt == "") && ext == "epub":
		return EPUB, nil
	case mt == "text/plain" || mt == "text/markdown":
		return Text, nil
	case mt == "":
		return HTML, nil // old servers send no type; the parser refuses what is not a page
	}
	return 0, fmt.Errorf("not a web page (%s)", mt)
}
