package cli

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"scholia/app/importer"
	"scholia/app/ingest"
	"scholia/storage"
)

// stdinName is the name standard input is parsed under: one the title
// rule ignores ("pasted" is no title a person chose), so a text without a
// title line is named after its first sentence.
const stdinName = "pasted"

func stdinImport(args []string) bool { return slices.Contains(args, "-") }

// checkStdinArgs refuses "-" among other paths and --as without "-".
func checkStdinArgs(c *ctx) error {
	switch {
	case stdinImport(c.args) && len(c.args) > 1:
		return usagef("- (standard input) is one article: give it alone, without other paths")
	case c.has("as") && !stdinImport(c.args):
		return usagef("--as says how to read standard input: use it with scholia import -")
	case c.has("as") && !slices.Contains([]string{"txt", "md", "html"}, c.flag("as")):
		return usagef("--as is txt, md or html, not %q", c.flag("as"))
	}
	return nil
}

// importStdin imports the one article on standard input (stdin, which
// tests replace), reporting it
// through progress as the import of a file named "-" would be.
func importStdin(c *ctx, progress func(importer.Progress)) (importer.Report, error) {
	var rep importer.Report
	as := c.flag("as")
	if as == "" {
		as = "txt"
	}
	r := importer.Result{Path: "-", Status: importer.Failed}
	data, err := io.ReadAll(io.LimitReader(stdin, ingest.MaxSize+1))
	switch {
	case err != nil:
		r.Err = fmt.Errorf("-: cannot read standard input: %v", err)
	case len(data) > ingest.MaxSize:
		r.Err = fmt.Errorf("-: standard input is larger than %d MB, the most an article may hold", ingest.MaxSize>>20)
	}
	if r.Err == nil {
		doc, perr := ingest.Parse(stdinName+"."+as, data)
		if perr != nil {
			r.Err = errors.New("-: " + strings.TrimPrefix(oneLine(perr), stdinName+"."+as+": "))
		} else {
			r.Title, r.Warnings = doc.Title, doc.Warnings
			art := importer.FromDoc(doc, c.flags["tag"])
			errs, err := c.store.ImportArticles(c, []*storage.Article{art})
			if err != nil {
				return rep, err
			}
			var dup *storage.DuplicateError
			switch {
			case errors.As(errs[0], &dup):
				r.Status, r.ID = importer.Duplicate, dup.ID
				r.Err = fmt.Errorf("-: already in the library as article %d", dup.ID)
			case errs[0] != nil:
				r.Err = fmt.Errorf("-: %v", errs[0])
			default:
				r.Status, r.ID = importer.Imported, art.ID
			}
		}
	}
	rep.Results = []importer.Result{r}
	switch r.Status {
	case importer.Imported:
		rep.Imported = 1
	case importer.Duplicate:
		rep.Skipped = 1
	default:
		rep.Failed = 1
	}
	if progress != nil {
		progress(importer.Progress{Done: 1, Total: 1, Last: r})
	}
	return rep, nil
}

// jsonProgress keeps standard output for the JSON: only the terminal's
// progress line is shown, on stderr.
func jsonProgress(c *ctx) func(importer.Progress) {
	return func(p importer.Progress) {
		if c.tty && p.Done < p.Total {
			fmt.Fprintf(c.stderr, "\r\033[K[%d/%d] importing…", p.Done, p.Total)
		}
	}
}
