package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"scholia/app/export"
	"scholia/app/ingest"
	"scholia/storage"
	"scholia/storage/safetext"
)

var exportCmd = &command{
	name: "export", usage: "(-o FILE | --dir DIR)", maxArgs: 0, reads: true,
	summary: "Export articles with their notes and highlights: Markdown (one file, or one file per article in a folder such as an Obsidian vault) or W3C Web Annotation JSON (a complete backup). Default: the whole library.",
	example: "scholia export --tag russia --dir ~/Vault/Scholia",
	flags: []flagSpec{
		{name: "tag", value: "TAG", help: "only articles with this tag"},
		{name: "article", value: "ID", help: "only this article"},
		{name: "query", value: "Q", help: "only the articles a full-text search finds"},
		{name: "format", value: "md|json|anki", help: "Markdown (default), W3C JSON, or anki: every flashcard as an Anki text import"},
		{name: "o", value: "FILE", help: "write one file (- for standard output)"},
		{name: "dir", value: "DIR", help: "write one Markdown file per article into DIR, updating files exported before and keeping what you wrote in them"},
		{name: "full-text", help: "include each article's text as Markdown, its highlights marked ==…== with their comments as footnotes; library images go to attachments/ beside the Markdown"},
		{name: "force", help: "with --dir: overwrite Scholia's part of files you edited, rather than writing a .scholia-conflict.md copy"},
		{name: "template", value: "FILE", help: "render each article with this Go text/template (see --print-template)"},
		{name: "print-template", help: "print the built-in export template and exit"},
		{name: "json", help: "print the summary as JSON (not with -o -, where the export itself is the output)"},
	},
	bare: func(c *ctx) bool { return c.has("print-template") },
	run:  runExport,
}

func runExport(c *ctx) error {
	if c.has("print-template") {
		_, err := io.WriteString(c.stdout, export.DefaultTemplateText)
		return err
	}
	format := c.flag("format")
	if format == "" {
		format = "md"
	}
	if format == "anki" {
		return runExportAnki(c, c.flag("o"))
	}
	if format != "md" && format != "json" {
		return usagef("--format is md, json or anki, not %q", format)
	}
	out, dir := c.flag("o"), c.flag("dir")
	if (out == "") == (dir == "") {
		return usagef("give either -o FILE or --dir DIR")
	}
	if dir != "" && format != "md" {
		return usagef("--dir writes Markdown; for JSON use -o FILE")
	}
	if info, err := os.Stat(out); out != "" && out != "-" && err == nil && info.IsDir() {
		return fmt.Errorf("%s is a folder: -o writes one file (-o %s/notes.md), --dir %s writes one file per article into it", out, strings.TrimRight(out, "/"), out)
	}
	if c.has("force") && dir == "" {
		return usagef("--force is for --dir")
	}
	if c.has("full-text") && format != "md" {
		return usagef("--full-text is for Markdown exports")
	}
	if c.has("template") && format != "md" {
		return usagef("--template is for Markdown exports")
	}
	// A broken template is reported before anything is read or written.
	tmpl, err := loadTemplate(c.flag("template"))
	if err != nil {
		return err
	}
	if out == "-" && c.has("json") {
		return usagef("--json prints a summary, and -o - has none: the export itself goes to standard output (use --format json for JSON)")
	}
	scopes := 0
	for _, f := range []string{"tag", "article", "query"} {
		if c.has(f) {
			scopes++
		}
	}
	if scopes > 1 {
		return usagef("choose one of --tag, --article and --query")
	}
	ids, err := exportIDs(c)
	if err != nil {
		return err
	}
	defer lessGC()()
	// Markdown never prints an article's text, so it is not read.
	load := c.store.BundlesWithoutBodies
	if format == "json" || c.has("full-text") {
		load = c.store.Bundles
	}
	bundles, err := load(c, ids)
	if err != nil {
		return err
	}
	cards, err := c.store.CardMap(c)
	if err != nil {
		return err
	}
	docs := make([]export.Doc, len(bundles))
	highlights := 0
	for i, b := range bundles {
		docs[i] = export.Doc{Article: b.Article, Highlights: b.Highlights, Cards: cards, FullText: c.has("full-text")}
		highlights += len(b.Highlights)
	}
	colors, err := c.store.Colors(c)
	if err != nil {
		return err
	}
	what := fmt.Sprintf("%s with %s", plural(len(docs), "article"), plural(highlights, "highlight"))
	if dir != "" {
		rep, err := export.Vault(c, dir, docs, export.VaultOptions{
			Colors: colors, Template: tmpl, Ledger: c.store, Force: c.has("force"), Media: exportMedia(c),
			Progress: func(done, total int) {
				if c.tty {
					fmt.Fprintf(c.rawErr, "\r\033[K[%d/%d] exporting…", done, total)
				}
			}})
		if c.tty {
			fmt.Fprint(c.rawErr, "\r\033[K")
		}
		if err != nil {
			return err
		}
		if c.has("json") {
			return writeJSON(c, exportJSON{Articles: len(docs), Highlights: highlights, Format: format, To: dir,
				Written: rep.Written, Updated: rep.Updated, Unchanged: rep.Unchanged, Conflicts: len(rep.Conflicts)})
		}
		fmt.Fprintf(c.stdout, "exported %s to %s: %d written, %d updated, %d unchanged",
			what, dir, rep.Written, rep.Updated, rep.Unchanged)
		if n := len(rep.Conflicts); n > 0 {
			fmt.Fprintf(c.stdout, ", %s", plural(n, "conflict"))
		}
		fmt.Fprintln(c.stdout)
		printVaultNotes(c, rep)
		return nil
	}
	write := func(w io.Writer) error {
		if format == "json" {
			return export.W3C(w, docs, colors)
		}
		opt := export.MarkdownOptions{Colors: colors, Template: tmpl, Media: exportMedia(c)}
		if out != "-" {
			opt.AttachDir = filepath.Dir(out)
		}
		return export.MarkdownWith(w, docs, opt)
	}
	if out == "-" {
		bw := bufio.NewWriter(c.rawOut) // the export's bytes, exactly
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	if err := export.WriteFile(out, write); err != nil {
		return err
	}
	if c.has("json") {
		return writeJSON(c, exportJSON{Articles: len(docs), Highlights: highlights, Format: format, To: out, Written: 1})
	}
	fmt.Fprintf(c.stdout, "exported %s to %s\n", what, out)
	return nil
}

// exportMedia reads the library's images for a full-text export, so they
// go out as attachments beside the notes.
func exportMedia(c *ctx) export.MediaFunc { return c.store.MediaLoader(c) }

// loadTemplate reads and checks an export template; "" is the built-in one.
func loadTemplate(path string) (*export.Template, error) {
	if path == "" {
		return nil, nil
	}
	b, err := ingest.ReadFile(path, ingest.MaxSize)
	if err != nil {
		return nil, err
	}
	return export.ParseTemplate(path, string(b))
}

// printVaultNotes lists, one line each, what a vault export left alone.
func printVaultNotes(c *ctx, rep export.VaultReport) {
	for _, k := range rep.Conflicts {
		fmt.Fprintf(c.stdout, "conflict: %s kept as you edited it (%s); the new version is in %s (--force overwrites)\n",
			k.File, k.Reason, k.Copy)
	}
	for _, f := range rep.Copies {
		fmt.Fprintf(c.stdout, "left alone: %s (a copy of an exported file)\n", f)
	}
	for _, f := range rep.Gone {
		fmt.Fprintf(c.stdout, "left alone: %s (its article is no longer in the library)\n", f)
	}
}

// exportIDs lists the articles in scope, in the library's order (or the
// search's order for --query).
func exportIDs(c *ctx) ([]int64, error) {
	switch {
	case c.has("article"):
		id, err := strconv.ParseInt(c.flag("article"), 10, 64)
		if err != nil || id <= 0 {
			return nil, usagef("--article takes an article ID, not %q", c.flag("article"))
		}
		if _, err := c.store.Article(c, id); err != nil {
			return nil, notFound(err, id)
		}
		return []int64{id}, nil
	case c.has("query"):
		hits, err := c.store.Search(c, c.flag("query"), 100000)
		if err != nil {
			return nil, err
		}
		seen := map[int64]bool{}
		var ids []int64
		for _, h := range hits {
			if !seen[h.ArticleID] {
				seen[h.ArticleID] = true
				ids = append(ids, h.ArticleID)
			}
		}
		return ids, nil
	}
	// Oldest first reads naturally in one file and keeps the output stable
	// when an article is merely opened.
	ids, err := c.store.OldestFirst(c, c.flag("tag"))
	if err != nil {
		return nil, err
	}
	if c.has("tag") && len(ids) == 0 {
		return nil, fmt.Errorf("no articles are tagged %q", c.flag("tag"))
	}
	return ids, nil
}

var importJSONCmd = &command{
	name: "import-json", usage: "FILE", minArgs: 1, maxArgs: 1,
	summary: "Read a W3C JSON export (scholia export --format json) back: into an empty library exactly as it was, into a used one as new articles (texts already there are skipped).",
	example: "scholia import-json --db restored.db backup.json",
	flags:   []flagSpec{jsonFlag},
	run:     runImportJSON,
}

func runImportJSON(c *ctx) error { return importScholiaJSON(c, c.args[0]) }

// importScholiaJSON reads a Scholia W3C export back (import-json, and
// import when a file turns out to be one).
func importScholiaJSON(c *ctx, path string) error {
	f, _, err := ingest.OpenRegular(path)
	if err != nil {
		return err
	}
	defer f.Close()
	docs, colors, err := export.ReadW3C(bufio.NewReader(f))
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	bundles := make([]storage.Bundle, len(docs))
	for i, d := range docs {
		// Metadata is cleaned of control characters as in a file import;
		// tags are cleaned by storage. Bodies keep theirs: highlight
		// offsets point into them, and show escapes them.
		a := &d.Article
		a.Title, a.Author, a.Source, a.URL = safetext.Meta(a.Title), safetext.Meta(a.Author), safetext.Meta(a.Source), safetext.Meta(a.URL)
		bundles[i] = storage.Bundle{Article: d.Article, Highlights: d.Highlights}
	}
	n, err := c.store.CountArticles(c)
	if err != nil {
		return err
	}
	if n == 0 {
		// An empty library takes the backup as it was: IDs, times, colour names.
		if err := c.store.RestoreBundles(c, bundles); err != nil {
			return err
		}
		for _, col := range colors {
			if err := c.store.RenameColor(c, col.Key, col.Name); err != nil && !errors.Is(err, storage.ErrNotFound) {
				return err
			}
		}
		if c.has("json") {
			return writeJSON(c, importJSONResult{Restored: len(bundles)})
		}
		fmt.Fprintf(c.stdout, "restored %s from %s\n", plural(len(bundles), "article"), path)
		return nil
	}
	results, err := c.store.ImportBundles(c, bundles)
	if err != nil {
		return err
	}
	added, skipped := 0, 0
	for _, r := range results {
		if r != nil {
			skipped++
		} else {
			added++
		}
	}
	if c.has("json") {
		return writeJSON(c, importJSONResult{Imported: added, Skipped: skipped})
	}
	fmt.Fprintf(c.stdout, "%d imported, %d skipped as already in the library\n", added, skipped)
	return nil
}
