package epub

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"scholia/app/images"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"scholia/app/ingest"
	"scholia/storage/doc"
)

// ChapterFiles reads the book at p and returns one article per chapter
// (see ParseChapters).
func ChapterFiles(p string) ([]ingest.Doc, error) {
	data, err := ingest.ReadImport(p)
	if err != nil {
		return nil, err
	}
	return ParseChapters(p, data)
}

// ParseChapters reads a book as one article per spine chapter, in spine
// order: titled "Book — Chapter" (the chapter's title from the table of
// contents, else its own heading, else "Chapter N"), tagged with the
// book's title, with the book's authors, publisher, date and language.
// Chapters with nothing to read (a cover, an image page) are left out, as
// in the one-article book; the refusals are Parse's.
func ParseChapters(name string, data []byte) ([]ingest.Doc, error) {
	ob, err := openBook(name, data)
	if err != nil {
		return nil, err
	}
	var book ingest.Doc
	ob.describe(&book)
	items := map[string]int{}
	for i, it := range ob.pkg.Manifest {
		items[it.ID] = i
	}
	var out []ingest.Doc
	read := 0
	for _, ref := range ob.pkg.Spine.Items {
		i, ok := items[ref.IDRef]
		if !ok {
			return nil, &Error{Name: name, Reason: fmt.Sprintf("broken EPUB: the spine names %q, which is not in the manifest", ref.IDRef)}
		}
		it := ob.pkg.Manifest[i]
		if !isChapterType(it.MediaType) || hasWord(it.Properties, "nav") {
			continue
		}
		file := resolve(ob.base, it.Href)
		data, err := ob.b.readFile(file)
		if err != nil {
			return nil, &Error{Name: name, Reason: "broken EPUB: chapter " + err.Error()}
		}
		read++
		ch, err := ingest.ParseWith(strings.TrimSuffix(file, path.Ext(file))+".html", data, ingest.Options{KeepDataImages: true})
		var ie *ingest.Error
		if errors.As(err, &ie) {
			continue // nothing to read in it
		}
		if err != nil {
			return nil, &Error{Name: name, Reason: "chapter " + file + ": " + err.Error()}
		}
		// Each chapter is its own article, so each has its own budget of
		// pictures (images.Budget caps one article's).
		images.Localize(&ch, ob.b.imageResolver(file), &images.Budget{})
		title := oneLine(ob.toc[file])
		if title == "" {
			title = firstHeading(ch.Markdown)
		}
		if title == "" {
			title = headTitle(data)
		}
		if title == "" {
			title = fmt.Sprintf("Chapter %d", len(out)+1)
		}
		d := book
		d.Title = book.Title + " — " + title
		d.Tags = []string{book.Title}
		d.Markdown, d.Body, d.Blocks, d.Warnings, d.Media = ch.Markdown, ch.Body, ch.Blocks, ch.Warnings, ch.Media
		if d.Markdown == "" {
			d.Markdown = doc.Escape(ch.Body)
			parsed, err := doc.Parse(d.Markdown)
			if err != nil {
				return nil, &Error{Name: name, Reason: "cannot read chapter " + file + ": " + oneLine(err.Error())}
			}
			d.Body, d.Blocks = parsed.Text, doc.Encode(parsed)
		}
		out = append(out, d)
	}
	if len(out) == 0 {
		if read == 0 {
			return nil, &Error{Name: name, Reason: "no chapters in the book (its spine lists no XHTML)"}
		}
		return nil, &Error{Name: name, Reason: fmt.Sprintf("no readable text in its %d chapters (images only?)", read)}
	}
	return out, nil
}

// firstHeading is the text of a Markdown source's first ATX heading, "" if
// it has none near the top.
func firstHeading(md string) string {
	for i, l := range strings.SplitN(md, "\n", 12) {
		if i == 11 {
			break
		}
		if t := strings.TrimLeft(l, "#"); len(t) < len(l) && len(l)-len(t) <= 6 && strings.HasPrefix(t, " ") {
			return oneLine(t)
		}
	}
	return ""
}

// headTitle is the <title> of a chapter's XHTML, "" if it has none.
func headTitle(data []byte) string {
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return ""
	}
	var find func(n *html.Node) string
	find = func(n *html.Node) string {
		if n.Type == html.ElementNode && n.DataAtom == atom.Title {
			return oneLine(textOf(n))
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			return ""
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if t := find(c); t != "" {
				return t
			}
		}
		return ""
	}
	return find(root)
}
