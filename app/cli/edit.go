package cli

import (
	"errors"
	"fmt"
	"io"
	"os"

	"scholia/app/edit"
	"scholia/app/ingest"
	"scholia/storage"
	"scholia/storage/safetext"
)

var editCmd = &command{
	name: "edit", usage: "ID", minArgs: 1, maxArgs: 1, reads: true,
	summary: "Change an article's text or details; highlights follow their words, and those whose words are gone are kept as orphaned.",
	example: "scholia edit 12 --body-file fixed.txt --published 2022-01-10",
	flags: []flagSpec{
		{name: "body-file", value: "FILE", help: "the new text as Markdown, as `scholia show ID --format md` prints it (- reads standard input)"},
		{name: "title", value: "T", help: "new title"},
		{name: "author", value: "A", help: "new author"},
		{name: "source", value: "S", help: "new source"},
		{name: "url", value: "U", help: "new URL"},
		{name: "published", value: "YYYY-MM-DD", help: "new published date (\"\" for unknown)"},
		jsonFlag,
	},
	run: runEdit,
}

func runEdit(c *ctx) error {
	id, err := articleID(c)
	if err != nil {
		return err
	}
	changes := false
	for _, f := range []string{"body-file", "title", "author", "source", "url", "published"} {
		changes = changes || c.has(f)
	}
	if !changes {
		return usagef("nothing to change: give --body-file or a new --title, --author, --source, --url or --published")
	}
	if err := edit.CheckPublished(c.flag("published")); err != nil {
		return usagef("%v", err)
	}
	a, err := c.store.Article(c, id)
	if err != nil {
		return notFound(err, id)
	}
	body := a.Markdown // the text the user edits is the source
	if c.has("body-file") {
		if body, err = readBody(c.flag("body-file")); err != nil {
			return err
		}
	}
	for name, field := range map[string]*string{"title": &a.Title, "author": &a.Author, "source": &a.Source, "url": &a.URL, "published": &a.Published} {
		if c.has(name) {
			*field = safetext.Meta(c.flag(name)) // no control characters, as on import
		}
	}
	rep, err := edit.Apply(c, c.store, id, a, body)
	var dup *storage.DuplicateError
	switch {
	case errors.As(err, &dup):
		return fmt.Errorf("the new text is already in the library as article %d", dup.ID)
	case errors.Is(err, edit.ErrEmpty):
		return errors.New("the new text is empty: an article needs text")
	case err != nil:
		return notFound(err, id)
	}
	if c.has("json") {
		return writeJSON(c, toEditJSON(id, rep))
	}
	fmt.Fprintf(c.stdout, "article %d saved: %s\n", id, rep.Summary())
	for _, ch := range rep.Changed {
		fmt.Fprintf(c.stdout, "  re-anchored with changes: highlight %d “%s” → “%s”\n", ch.ID, shorten(ch.Old, 80), shorten(ch.New, 80))
	}
	for _, h := range rep.Orphans {
		fmt.Fprintf(c.stdout, "  not placed: highlight %d “%s”\n", h.ID, shorten(h.Quote, 80))
	}
	return nil
}

// readBody reads the new text from a file, or standard input for "-",
// refusing more than an import would take (and, like an import, a named
// pipe or device, or a file whose read stalls).
func readBody(path string) (string, error) {
	var data []byte
	var err error
	name := "standard input"
	if path != "-" {
		data, err = ingest.ReadFile(path, ingest.MaxSize+1)
		if err != nil {
			return "", fmt.Errorf("read the new text: %w", err)
		}
		name = path
	} else if data, err = io.ReadAll(io.LimitReader(os.Stdin, ingest.MaxSize+1)); err != nil {
		return "", fmt.Errorf("read the new text from %s: %w", name, err)
	}
	if len(data) > ingest.MaxSize {
		return "", fmt.Errorf("%s is larger than %d MB, the most an article may hold", name, ingest.MaxSize>>20)
	}
	return string(data), nil
}
