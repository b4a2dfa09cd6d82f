package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"scholia/app/importer"
	"scholia/app/ingest"
	"scholia/storage"
)

var importCmd = &command{
	name: "import", usage: "PATH|URL... | -", minArgs: 0, maxArgs: -1,
	summary: "Import .txt, .md, .html, .epub and .pdf files or folders, or web pages by URL (- reads one article from standard input), and highlights from Kindle (My Clippings.txt), Hypothesis or any W3C annotation JSON, Readwise CSV, Omnivore export zip (recognised by content); one line per file, then a summary.",
	example: "scholia import --tag russia ~/clippings/*.txt ~/saved-pages/ \"My Clippings.txt\" https://example.com/article",
	flags: []flagSpec{
		{name: "tag", value: "TAG", multi: true, help: "tag every imported article (repeatable)"},
		{name: "as", value: "txt|md|html", help: "with -: how to read standard input (default txt)"},
		{name: "dry-run", help: "print what would be created, anchored and left orphaned; write nothing"},
		{name: "encoding", value: "NAME", help: "the files' encoding when it is not UTF-8 and detection is unsure (e.g. windows-1251)"},
		{name: "urls", value: "FILE", help: "also import the web pages listed in FILE, one URL a line"},
		{name: "refresh", help: "fetch pages already in the library again and replace their text (highlights follow)"},
		{name: "epub-chapters", help: "import each chapter of an EPUB book as its own article, \"Book — Chapter\", tagged with the book's title"},
		jsonFlag,
	},
	run: runImport,
}

func runImport(c *ctx) error {
	if err := checkStdinArgs(c); err != nil {
		return err
	}
	var articles, annotations []string
	for _, p := range c.args {
		if importer.IsHighlightsFile(p) {
			annotations = append(annotations, p)
		} else {
			articles = append(articles, p)
		}
	}
	if len(annotations) > 0 && c.has("json") {
		return usagef("--json does not cover highlights files yet (%s): import them without --json", annotations[0])
	}
	hlFailed, err := importHighlights(c, annotations, c.has("dry-run"))
	if err != nil {
		return err
	}
	if c.has("dry-run") {
		return dryRunArticles(c, articles, hlFailed)
	}
	if len(articles) == 0 && !c.has("urls") {
		if len(annotations) == 0 {
			return usagef("missing %s", c.cmd.usage)
		}
		if hlFailed > 0 {
			return errReported
		}
		return nil
	}
	c.args = articles
	enc := ""
	if v := c.flags["encoding"]; len(v) > 0 {
		enc = v[len(v)-1]
		if _, err := ingest.LookupEncoding(enc); err != nil {
			return err
		}
	}
	progress := func(p importer.Progress) {
		r := p.Last
		if c.tty {
			fmt.Fprint(c.rawErr, "\r\033[K")
		}
		switch r.Status {
		case importer.Imported:
			fmt.Fprintf(c.stdout, "imported %d\t%s\t%s\n", r.ID, line(r.Path), line(r.Title))
		case importer.Duplicate:
			fmt.Fprintf(c.stdout, "skipped\t%s\tduplicate of article %d\n", line(r.Path), r.ID)
		default:
			fmt.Fprintf(c.stdout, "failed\t%s\t%s\n", line(r.Path), line(reason(r)))
		}
		for _, w := range r.Warnings {
			fmt.Fprintf(c.stdout, "warning\t%s\t%s\n", line(r.Path), line(w))
		}
		if c.tty && p.Done < p.Total {
			fmt.Fprintf(c.rawErr, "[%d/%d] importing…", p.Done, p.Total)
		}
	}
	if c.has("json") {
		progress = jsonProgress(c)
	}
	var rep importer.Report
	if stdinImport(c.args) {
		rep, err = importStdin(c, progress)
	} else {
		var paths, urls []string
		if paths, urls, err = splitURLs(c); err != nil {
			return err
		}
		rep, err = importer.Run(c, c.store, paths, importer.Options{Tags: c.flags["tag"], Encoding: enc, EPUBChapters: c.has("epub-chapters")}, progress)
		if err == nil && len(urls) > 0 {
			err = importURLs(c, urls, enc, &rep)
		} else if err != nil {
			rep.NotAttempted += len(urls)
		}
	}
	if c.tty {
		fmt.Fprint(c.rawErr, "\r\033[K")
	}
	if c.has("json") {
		if jerr := writeJSON(c, toImportJSON(rep)); jerr != nil && err == nil {
			err = jerr
		}
		if err == nil && rep.Failed > 0 {
			err = errReported
		}
		return err
	}
	summary := fmt.Sprintf("%d imported, %d skipped as duplicates, %d failed", rep.Imported, rep.Skipped, rep.Failed)
	if rep.Ignored > 0 {
		summary += fmt.Sprintf(", %d other files ignored", rep.Ignored)
	}
	if err != nil {
		// Say it was cut short, and how much is left, not just the counts
		// (which could all be 0): the reason follows on standard error.
		summary = fmt.Sprintf("import stopped: %s, %d not attempted", summary, rep.NotAttempted)
	}
	fmt.Fprintln(c.stdout, summary)
	if err != nil {
		return err
	}
	if rep.Failed > 0 || hlFailed > 0 {
		return errReported
	}
	return nil
}

// dryRunArticles reads the article files without storing them.
func dryRunArticles(c *ctx, paths []string, failed int) error {
	files, missing, _ := importer.Expand(paths)
	for _, m := range missing {
		fmt.Fprintf(c.stdout, "failed\t%s\t%s\n", line(m.Path), line(reason(m)))
		failed++
	}
	for _, f := range files {
		docs, err := importer.ParseFile(f, importer.Options{EPUBChapters: c.has("epub-chapters")})
		if err != nil {
			fmt.Fprintf(c.stdout, "failed\t%s\t%s\n", line(f), line(strings.TrimPrefix(oneLine(err), f+": ")))
			failed++
			continue
		}
		for _, d := range docs {
			fmt.Fprintf(c.stdout, "would import\t%s\t%s\n", line(f), line(d.Title))
		}
	}
	if len(files) > 0 {
		fmt.Fprintf(c.stdout, "dry run: %s read, nothing written\n", plural(len(files), "article file"))
	}
	if failed > 0 {
		return errReported
	}
	return nil
}

// reason is the failure without the path, which the line already shows.
func reason(r importer.Result) string {
	msg := oneLine(r.Err)
	return strings.TrimPrefix(msg, r.Path+": ")
}

var listCmd = &command{
	name: "list", usage: "", maxArgs: 0, reads: true,
	summary: "List articles, most recently opened or added first.",
	example: "scholia list --tag russia --json",
	flags: []flagSpec{
		{name: "tag", value: "TAG", help: "only articles with this tag"},
		{name: "limit", value: "N", help: "list at most N articles (default all)"},
		{name: "json", help: "print a JSON array"},
	},
	run: runList,
}

// summaryJSON is the machine-readable form of an article in lists.
type summaryJSON struct {
	ID         int64    `json:"id"`
	Title      string   `json:"title"`
	Author     string   `json:"author"`
	Source     string   `json:"source"`
	URL        string   `json:"url"`
	Published  string   `json:"published"`
	Added      string   `json:"added"`
	Tags       []string `json:"tags"`
	Highlights int      `json:"highlights"`
}

func toSummaryJSON(s storage.Summary) summaryJSON {
	tags := s.Tags
	if tags == nil {
		tags = []string{}
	}
	return summaryJSON{ID: s.ID, Title: s.Title, Author: s.Author, Source: s.Source, URL: s.URL,
		Published: s.Published, Added: s.Added.Format(time.RFC3339), Tags: tags, Highlights: s.Highlights}
}

func runList(c *ctx) error {
	limit, err := limitFlag(c, 0)
	if err != nil {
		return err
	}
	sums, err := c.store.Summaries(c, c.flag("tag"))
	if err != nil {
		return err
	}
	if limit > 0 && len(sums) > limit {
		sums = sums[:limit]
	}
	if c.has("json") {
		out := make([]summaryJSON, 0, len(sums))
		for _, s := range sums {
			out = append(out, toSummaryJSON(s))
		}
		return writeJSON(c, out)
	}
	if err := writeList(c.stdout, sums); err != nil {
		return err
	}
	if len(sums) == 0 {
		fmt.Fprintln(c.stderr, "no articles")
	}
	return nil
}

func metaLine(source, author, published string, tags []string, highlights int) string {
	var parts []string
	for _, p := range []string{source, author, published} {
		if p != "" {
			parts = append(parts, line(p))
		}
	}
	if highlights > 0 {
		parts = append(parts, plural(highlights, "highlight"))
	}
	out := strings.Join(parts, " · ")
	for _, t := range tags {
		out += " #" + strings.ReplaceAll(line(t), " ", "-")
	}
	return strings.TrimSpace(out)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func writeJSON(c *ctx, v any) error {
	enc := json.NewEncoder(c.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// articleID parses the ID argument.
func articleID(c *ctx) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(c.args[0], "#"), 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("%q is not an article ID (a number, see scholia list)", c.args[0])
	}
	return id, nil
}

var showCmd = &command{
	name: "show", usage: "ID", minArgs: 1, maxArgs: 1, reads: true,
	summary: "Show an article with its tags, note and highlights.",
	example: "scholia show 12 --json",
	flags: []flagSpec{{name: "json", help: "print one JSON object (with the Markdown and the block list)"},
		{name: "format", value: "md|text", help: "print only the article's text: md its Markdown source, text its reading text"}},
	run: runShow,
}

type highlightJSON struct {
	ID       int64    `json:"id"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Quote    string   `json:"quote"`
	Prefix   string   `json:"prefix"`
	Suffix   string   `json:"suffix"`
	Color    string   `json:"color"`
	Comment  string   `json:"comment"`
	Tags     []string `json:"tags"`
	Orphaned bool     `json:"orphaned"`
}

type articleJSON struct {
	summaryJSON
	Language   string          `json:"language"`    // BCP 47, "" when the source named none
	SourcePath string          `json:"source_path"` // the file it was imported from (absolute), "" for none
	Body       string          `json:"body"`
	Markdown   string          `json:"markdown"`
	Blocks     []blockJSON     `json:"blocks"`
	Spans      []spanJSON      `json:"spans"`
	Note       string          `json:"note"`
	Highlights []highlightJSON `json:"highlights"`
}

func runShow(c *ctx) error {
	id, err := articleID(c)
	if err != nil {
		return err
	}
	a, err := c.store.Article(c, id)
	if err != nil {
		return notFound(err, id)
	}
	if c.has("format") {
		return showText(c, a)
	}
	hs, err := c.store.Highlights(c, id)
	if err != nil {
		return err
	}
	if c.has("json") {
		blocks, spans, err := docJSON(a)
		if err != nil {
			return err
		}
		out := articleJSON{
			summaryJSON: toSummaryJSON(storage.Summary{ID: a.ID, Title: a.Title, Author: a.Author, Source: a.Source,
				URL: a.URL, Published: a.Published, Added: a.Added, Tags: a.Tags, Highlights: len(hs)}),
			Language: a.Language, SourcePath: a.SourcePath, Body: a.Body, Markdown: a.Markdown, Blocks: blocks, Spans: spans, Note: a.Note, Highlights: []highlightJSON{},
		}
		for _, h := range hs {
			tags := h.Tags
			if tags == nil {
				tags = []string{}
			}
			out.Highlights = append(out.Highlights, highlightJSON{ID: h.ID, Start: h.Start, End: h.End, Quote: h.Quote,
				Prefix: h.Prefix, Suffix: h.Suffix, Color: h.Color, Comment: h.Comment, Tags: tags, Orphaned: h.Orphaned})
		}
		return writeJSON(c, out)
	}
	colors, err := c.store.Colors(c)
	if err != nil {
		return err
	}
	w := c.stdout
	fmt.Fprintf(w, "%s\n", line(a.Title))
	if meta := metaLine(a.Source, a.Author, a.Published, a.Tags, len(hs)); meta != "" {
		fmt.Fprintln(w, meta)
	}
	if a.URL != "" {
		fmt.Fprintln(w, line(a.URL))
	}
	fmt.Fprintf(w, "\n%s\n", a.Body)
	if a.Note != "" {
		fmt.Fprintf(w, "\nNote:\n%s\n", a.Note)
	}
	if len(hs) > 0 {
		fmt.Fprintln(w, "\nHighlights:")
	}
	for _, h := range hs {
		state := ""
		if h.Orphaned {
			state = " (orphaned: its text is no longer in the article)"
		}
		fmt.Fprintf(w, "  [%d] %s%s: “%s”\n", h.ID, colorName(colors, h.Color), state, h.Quote)
		if h.Comment != "" {
			fmt.Fprintf(w, "      %s\n", h.Comment)
		}
		for _, t := range h.Tags {
			fmt.Fprintf(w, "      #%s\n", strings.ReplaceAll(line(t), " ", "-"))
		}
	}
	return nil
}

func notFound(err error, id int64) error {
	if errors.Is(err, storage.ErrNotFound) {
		return fmt.Errorf("no article %d in this library (see scholia list)", id)
	}
	return err
}

func colorName(colors []storage.Color, key string) string {
	for _, c := range colors {
		if c.Key == key {
			return c.Name
		}
	}
	return key
}
