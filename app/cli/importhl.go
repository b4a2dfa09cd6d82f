package cli

import (
	"errors"
	"fmt"

	"scholia/app/importer"
	"scholia/app/importhl"
	"scholia/app/ingest"
)

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
