package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"scholia/app/importer"
	"scholia/app/importhl"
	"scholia/app/ingest"
)

// highlightsFile says whether import should read path as highlights from
// another tool rather than as an article: a file (not a folder) whose
// content looks like one of importhl's formats, or whose extension no
// article importer takes (it is then refused by importhl, naming the
// formats, rather than as "unsupported file type").
func highlightsFile(path string) bool {
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() {
		return false
	}
	if !ingest.Importable(path) {
		return true
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head, _ := io.ReadAll(io.LimitReader(f, 64<<10))
	switch importhl.Detect(head) {
	case importhl.Kindle, importhl.Readwise:
		return true
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(t) > 0 && (t[0] == '{' || t[0] == '[') && filepath.Ext(path) != ".md"
}

// importHighlights reads each highlights file, matches it against the
// library and stores it (one transaction per file), printing what each
// file gave; with dryRun only what it would give. It returns how many
// files failed.
func importHighlights(c *ctx, paths []string, dryRun bool) (failed int, err error) {
	for _, p := range paths {
		set, perr := importhl.ReadFile(p)
		if perr == nil && set.Format == importhl.Scholia {
			if dryRun {
				fmt.Fprintf(c.stdout, "would restore\t%s\ta Scholia JSON export (import-json)\n", line(p))
				continue
			}
			if err := importScholiaJSON(c, p); err != nil {
				fmt.Fprintf(c.stdout, "failed\t%s\t%s\n", line(p), line(oneLine(err)))
				failed++
			}
			continue
		}
		if errors.Is(perr, importhl.ErrUnknown) && !ingest.Importable(p) {
			perr = errors.New("not an article (.txt, .md, .html) and " + perr.Error())
		}
		if perr != nil {
			fmt.Fprintf(c.stdout, "failed\t%s\t%s\n", line(p), line(perr.Error()))
			failed++
			continue
		}
		plan, err := importer.PlanHighlights(c, c.store, p, set, c.flags["tag"])
		if err != nil {
			return failed, err
		}
		for _, pr := range plan.Problems {
			fmt.Fprintf(c.stdout, "bad row\t%s\t%s\n", line(p), line(pr))
		}
		verb := ""
		if dryRun {
			verb = "would be "
		}
		for _, w := range plan.Works {
			switch {
			case w.New == 0:
				fmt.Fprintf(c.stdout, "%sunchanged\t%s\t%d already imported\n", verb, line(w.Title), w.Known)
			case w.ArticleID == 0:
				fmt.Fprintf(c.stdout, "%screated\t%s\t%s\n", verb, line(w.Title), plural(w.New, "highlight"))
			default:
				fmt.Fprintf(c.stdout, "%sanchored %d\t%s\t%s, %d orphaned\n", verb, w.ArticleID, line(w.Title), plural(w.New, "highlight"), w.Orphaned)
			}
		}
		prefix := string(plan.Format)
		if dryRun {
			fmt.Fprintf(c.stdout, "dry run\t%s\t%s: %s; nothing written\n", line(p), prefix, plan.Summary())
			continue
		}
		if _, err := importer.CommitHighlights(c, c.store, plan); err != nil {
			return failed, fmt.Errorf("%s: %w", p, err)
		}
		fmt.Fprintf(c.stdout, "highlights\t%s\t%s: %s\n", line(p), prefix, plan.Summary())
	}
	return failed, nil
}
