package cli

import (
	"bufio"
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"

	"scholia/app/anchor"
	"scholia/app/finder"
	"scholia/storage"
)

var findCmd = &command{
	name: "find", usage: "PATTERN", minArgs: 1, maxArgs: -1, reads: true,
	summary: "Fuzzy-find articles by title, source, author and tags, best match first.",
	example: "scholia find geneva talks",
	flags:   []flagSpec{{name: "limit", value: "N", help: "show at most N matches (default 20)"}, jsonFlag},
	run:     runFind,
}

func runFind(c *ctx) error {
	limit, err := limitFlag(c, 20)
	if err != nil {
		return err
	}
	// A one-shot command that keeps little: collecting the rows' garbage
	// as it goes was a tenth of its CPU at 100,000 articles.
	defer debug.SetGCPercent(debug.SetGCPercent(800))
	pattern := strings.Join(c.args, " ")
	q := finder.Parse(pattern)
	// Only the articles that may match are kept and indexed: at 100,000
	// articles loading every summary was most of the command's time.
	found, err := c.store.FindItems(c, func(title, source, author string, tags []string) bool {
		return q.Empty() || finder.MayMatch(q, &finder.Item{Title: title, Source: source, Author: author, Tags: tags})
	})
	if err != nil {
		return err
	}
	items := make([]finder.Item, len(found))
	for i, f := range found {
		items[i] = finder.Item{ID: f.ID, Title: f.Title, Source: f.Source, Author: f.Author, Tags: f.Tags}
	}
	// The items are the ones Find would keep: index them as they are.
	matches := finder.New(items).Search(c, pattern, limit)
	if c.has("json") {
		ids := make([]int64, len(matches))
		for i, m := range matches {
			ids[i] = m.ID
		}
		sums, err := c.store.SummariesOf(c, ids)
		if err != nil {
			return err
		}
		out := make([]summaryJSON, 0, len(sums))
		for _, s := range sums {
			out = append(out, toSummaryJSON(s))
		}
		if err := writeJSON(c, out); err != nil || len(out) > 0 {
			return err
		}
	}
	if len(matches) == 0 {
		fmt.Fprintln(c.stderr, "no matches")
		return errReported
	}
	bw := bufio.NewWriter(c.stdout) // one write, not three per match
	for _, m := range matches {
		s := items[m.Index]
		fmt.Fprintf(bw, "%6d  %s", s.ID, line(s.Title))
		if s.Source != "" {
			fmt.Fprintf(bw, " — %s", line(s.Source))
		}
		fmt.Fprintln(bw)
	}
	return bw.Flush()
}

func limitFlag(c *ctx, def int) (int, error) {
	if !c.has("limit") {
		return def, nil
	}
	n, err := strconv.Atoi(c.flag("limit"))
	if err != nil || n <= 0 {
		return 0, usagef("--limit takes a positive number, not %q", c.flag("limit"))
	}
	return n, nil
}

var searchCmd = &command{
	name: "search", usage: "QUERY", minArgs: 1, maxArgs: -1, reads: true,
	summary: "Full-text search of titles, bodies, notes and highlights, with snippets, grouped by article. Words must all match; \"a phrase\", prefix*, OR, -word, tag:NAME, color:NAME, is:orphaned, in:title|body|notes|highlights, before:/after:YYYY-MM-DD.",
	example: "scholia search '\"missile deployments\" nato*'",
	flags:   []flagSpec{{name: "limit", value: "N", help: "show at most N hits (default 20)"}, jsonFlag},
	run:     runSearch,
}

func runSearch(c *ctx) error {
	limit, err := limitFlag(c, 20)
	if err != nil {
		return err
	}
	hits, err := c.store.Search(c, strings.Join(c.args, " "), limit)
	if err != nil {
		return err
	}
	if c.has("json") {
		out := make([]hitJSON, 0, len(hits))
		for _, h := range hits {
			out = append(out, toHitJSON(h))
		}
		if err := writeJSON(c, out); err != nil || len(out) > 0 {
			return err
		}
	}
	if len(hits) == 0 {
		fmt.Fprintln(c.stderr, "no matches")
		return errReported
	}
	for _, h := range hits {
		where := h.Where
		if h.HighlightID != 0 {
			where = fmt.Sprintf("highlight %d", h.HighlightID)
		}
		snippet := strings.NewReplacer(storage.SnippetOpen, "[", storage.SnippetClose, "]", "\n", " ").Replace(h.Snippet)
		if h.Under { // another hit in the article above
			fmt.Fprintf(c.stdout, "        + (%s)  %s\n", where, line(snippet))
			continue
		}
		fmt.Fprintf(c.stdout, "%6d  %s  (%s)\n        %s\n", h.ArticleID, line(h.Title), where, line(snippet))
	}
	return nil
}

var highlightCmd = &command{
	name: "highlight", usage: "ID --quote TEXT", minArgs: 1, maxArgs: 1, reads: true,
	summary: "Highlight the first occurrence of an exact quote in an article.",
	example: "scholia highlight 12 --quote \"unwilling to budge\" --color green --comment \"both sides dig in\"",
	flags: []flagSpec{
		{name: "quote", value: "TEXT", help: "the exact text to highlight (required)"},
		{name: "color", value: "NAME", help: "colour: a name (\"Key point\"), key (yellow) or number 1–5; default the first"},
		{name: "comment", value: "TEXT", help: "a comment on the highlight"},
		{name: "tag", value: "TAG", multi: true, help: "tag the highlight (repeatable)"},
		jsonFlag,
	},
	run: runHighlight,
}

func runHighlight(c *ctx) error {
	id, err := articleID(c)
	if err != nil {
		return err
	}
	quote := c.flag("quote")
	if quote == "" {
		return usagef("--quote TEXT is required")
	}
	colors, err := c.store.Colors(c)
	if err != nil {
		return err
	}
	color, err := pickColor(colors, c.flag("color"))
	if err != nil {
		return err
	}
	a, err := c.store.Article(c, id)
	if err != nil {
		return notFound(err, id)
	}
	start, end, ok := anchor.Locate(a.Body, quote)
	if !ok {
		return fmt.Errorf("article %d does not contain the text %q", id, shorten(quote, 60))
	}
	sel, err := anchor.Describe(a.Body, start, end)
	if err != nil {
		return err
	}
	h := storage.Highlight{ArticleID: id, Start: sel.Start, End: sel.End, Quote: sel.Exact, Prefix: sel.Prefix,
		Suffix: sel.Suffix, Color: color.Key, Comment: c.flag("comment"), Tags: c.flags["tag"]}
	if err := c.store.CreateHighlight(c, &h); err != nil {
		return err
	}
	if c.has("json") {
		return writeJSON(c, newHighlightJSON{Article: id, highlightJSON: toHighlightJSON(h)})
	}
	fmt.Fprintf(c.stdout, "highlight %d on article %d (%s, characters %d–%d): “%s”\n",
		h.ID, id, color.Name, h.Start, h.End, shorten(h.Quote, 80))
	return nil
}

// pickColor accepts a colour's name, key or number (1–5); "" is the first.
func pickColor(colors []storage.Color, s string) (storage.Color, error) {
	if s == "" {
		return colors[0], nil
	}
	if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= len(colors) {
		return colors[n-1], nil
	}
	var names []string
	for _, c := range colors {
		if strings.EqualFold(c.Key, s) || strings.EqualFold(c.Name, s) {
			return c, nil
		}
		names = append(names, fmt.Sprintf("%s (%s)", c.Name, c.Key))
	}
	return storage.Color{}, usagef("no colour %q; the colours are %s", s, strings.Join(names, ", "))
}

func shorten(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}

var tagCmd = &command{
	name: "tag", usage: "ID +TAG -TAG ...", minArgs: 2, maxArgs: -1, dashArgs: true, reads: true,
	summary: "Add (+name, or a bare name) and remove (-name) tags of an article; prints the tags it then has.",
	example: "scholia tag 12 +russia +\"foreign policy\" -todo",
	flags:   []flagSpec{jsonFlag},
	run:     runTag,
}

func runTag(c *ctx) error {
	id, err := articleID(c)
	if err != nil {
		return err
	}
	var add, remove []string
	for _, op := range c.args[1:] {
		switch {
		case strings.HasPrefix(op, "+"):
			add = append(add, op[1:])
		case strings.HasPrefix(op, "-"):
			remove = append(remove, op[1:])
		default:
			add = append(add, op)
		}
		if storage.CleanTag(strings.TrimLeft(op, "+-")) == "" {
			return usagef("%q is not a tag", op)
		}
	}
	if err := c.store.ChangeArticleTags(c, id, add, remove); err != nil {
		return notFound(err, id)
	}
	a, err := c.store.Article(c, id)
	if err != nil {
		return err
	}
	if c.has("json") {
		tags := a.Tags
		if tags == nil {
			tags = []string{}
		}
		return writeJSON(c, tagsJSON{ID: id, Tags: tags})
	}
	fmt.Fprintf(c.stdout, "article %d tags: %s\n", id, strings.Join(a.Tags, ", "))
	return nil
}
