package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"

	"scholia/app/fetch"
	"scholia/app/importer"
	"scholia/app/ingest"
)

// maxURLList bounds a --urls file: a list of addresses, not a library.
const maxURLList = 4 << 20

// splitURLs separates web addresses from file paths among the arguments,
// and adds the lines of --urls FILE (blank lines and # comments skipped).
func splitURLs(c *ctx) (paths, urls []string, err error) {
	for _, a := range c.args {
		if fetch.IsURL(a) || (strings.Contains(a, "://") && !strings.HasPrefix(a, "file://")) {
			urls = append(urls, a)
		} else {
			paths = append(paths, a)
		}
	}
	if v := c.flags["urls"]; len(v) > 0 {
		data, err := ingest.ReadFile(v[0], maxURLList)
		if err != nil {
			return nil, nil, fmt.Errorf("--urls: %v", err)
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 64<<10), 64<<10)
		for sc.Scan() {
			l := strings.TrimSpace(sc.Text())
			if l != "" && !strings.HasPrefix(l, "#") {
				urls = append(urls, l)
			}
		}
		if err := sc.Err(); err != nil {
			return nil, nil, fmt.Errorf("--urls %s: %v", v[0], err)
		}
	}
	if len(paths) == 0 && len(urls) == 0 {
		return nil, nil, usagef("missing %s", c.cmd.usage)
	}
	return paths, urls, nil
}

// importURLs fetches the pages one by one, printing a line for each as the
// file import does, and adds the counts to rep.
func importURLs(c *ctx, urls []string, enc string, rep *importer.Report) error {
	opts := importer.URLOptions{Tags: c.flags["tag"], Refresh: c.has("refresh"), Fetch: fetch.Options{Encoding: enc}}
	progress := func(done, total int, r importer.URLResult) {
		if c.tty {
			fmt.Fprint(c.rawErr, "\r\033[K")
		}
		switch r.Status {
		case importer.Imported:
			fmt.Fprintf(c.stdout, "imported %d\t%s\t%s\n", r.ID, line(r.Path), line(r.Title))
		case importer.Refreshed:
			fmt.Fprintf(c.stdout, "refreshed %d\t%s\t%s\n", r.ID, line(r.Path), line(r.Highlights))
		case importer.Duplicate:
			fmt.Fprintf(c.stdout, "skipped\t%s\talready in the library as article %d\n", line(r.Path), r.ID)
		default:
			fmt.Fprintf(c.stdout, "failed\t%s\t%s\n", line(r.Path), line(reason(r.Result)))
		}
		for _, w := range r.Warnings {
			fmt.Fprintf(c.stdout, "warning\t%s\t%s\n", line(r.Path), line(w))
		}
		if c.tty && done < total {
			fmt.Fprintf(c.rawErr, "[%d/%d] fetching %s…", done+1, total, line(urls[done]))
		}
	}
	if c.tty && len(urls) > 0 && !c.has("json") {
		fmt.Fprintf(c.rawErr, "[1/%d] fetching %s…", len(urls), line(urls[0]))
	}
	if c.has("json") {
		progress = nil // the report is printed as JSON at the end
	}
	r, err := importer.RunURLs(c, c.store, urls, opts, progress)
	rep.Results = append(rep.Results, r.Results...)
	rep.Imported += r.Imported
	rep.Skipped += r.Skipped
	rep.Failed += r.Failed
	rep.NotAttempted += r.NotAttempted
	return err
}
