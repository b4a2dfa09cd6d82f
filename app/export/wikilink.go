package export

import (
	"bytes"
	"context"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// wikiLink is [[Title]] or [[Title|shown]], as the notes panel and
// Obsidian write them (storage.LinksTo reads the same).
var wikiLink = regexp.MustCompile(`\[\[([^\[\]|\n]+)(?:\|([^\[\]|\n]+))?\]\]`)

// LinkNames maps each exported article's title (lower-cased, trimmed) to
// the name an Obsidian wikilink resolves to its file: the file name
// without ".md", or its path in the vault when another exported file has
// the same name. files are the vault files of docs, in order (as
// VaultReport.Files); of two articles with one title the lower ID wins.
func LinkNames(docs []Doc, files []string) map[string]string {
	bases := map[string]int{}
	for _, f := range files {
		if f != "" {
			bases[strings.ToLower(path.Base(toSlash(f)))]++
		}
	}
	names := map[string]string{}
	ids := map[string]int64{}
	for i, d := range docs {
		if i >= len(files) || files[i] == "" {
			continue
		}
		title := strings.ToLower(strings.TrimSpace(d.Article.Title))
		if title == "" {
			continue
		}
		if id, ok := ids[title]; ok && id < d.Article.ID {
			continue
		}
		f := toSlash(files[i])
		name := strings.TrimSuffix(path.Base(f), ".md")
		if bases[strings.ToLower(path.Base(f))] > 1 {
			name = strings.TrimSuffix(f, ".md")
		}
		names[title], ids[title] = name, d.Article.ID
	}
	return names
}

func toSlash(p string) string { return strings.ReplaceAll(p, `\`, "/") }

// linkTo is the wikilink to the file named name for a link written
// [[target|shown]] (shown "" when it had none): the text shown stays what
// the user wrote.
func linkTo(name, target, shown string) string {
	if shown == "" {
		shown = strings.TrimSpace(target)
	}
	if shown == name {
		return "[[" + name + "]]"
	}
	return "[[" + name + "|" + shown + "]]"
}

// relinked is a doc whose links to exported articles stand as tokens the
// Markdown escaping leaves alone (private-use characters), and the links
// those tokens become once rendered.
type relinked struct {
	doc   Doc
	links [][]byte
}

func (r *relinked) swap(text string, names map[string]string) string {
	if !strings.Contains(text, "[[") {
		return text
	}
	return wikiLink.ReplaceAllStringFunc(text, func(m string) string {
		sub := wikiLink.FindStringSubmatch(m)
		name, ok := names[strings.ToLower(strings.TrimSpace(sub[1]))]
		if !ok {
			return m // not exported here: as written
		}
		r.links = append(r.links, []byte(linkTo(name, sub[1], strings.TrimSpace(sub[2]))))
		return linkToken(len(r.links) - 1)
	})
}

func linkToken(k int) string { return "\ue000" + strconv.Itoa(k) + "\ue001" }

// relink is d with its note's and comments' links to exported articles
// swapped for tokens; ok is false when it has none.
func relink(d Doc, names map[string]string) (relinked, bool) {
	r := relinked{doc: d}
	r.doc.Article.Note = r.swap(d.Article.Note, names)
	if len(d.Highlights) > 0 {
		r.doc.Highlights = append(d.Highlights[:0:0], d.Highlights...)
		for i := range r.doc.Highlights {
			r.doc.Highlights[i].Comment = r.swap(r.doc.Highlights[i].Comment, names)
		}
	}
	return r, len(r.links) > 0
}

// expand puts the links in place of their tokens in rendered Markdown.
func (r *relinked) expand(md []byte) []byte {
	for k := len(r.links) - 1; k >= 0; k-- { // c10 before c1
		md = bytes.ReplaceAll(md, []byte(linkToken(k)), r.links[k])
	}
	return md
}

// relinkVault renders again, once the files are named, the regions of the
// articles whose note or comments link to another exported article: those
// links become Obsidian wikilinks to the linked article's file (its name
// can differ from its title: characters a file name cannot hold, a number
// added to tell two apart), showing the text the user wrote.
func relinkVault(ctx context.Context, docs []Doc, jobs []vaultJob, files []string, p palette, tp *Template) error {
	names := LinkNames(docs, files)
	if len(names) == 0 {
		return nil
	}
	var tg *Tagger
	for k := range jobs {
		if err := ctx.Err(); err != nil {
			return err
		}
		r, ok := relink(docs[jobs[k].doc], names)
		if !ok {
			continue
		}
		if tg == nil {
			tg = NewTagger(docs)
		}
		region, err := renderRegion(r.doc, p, tg, tp)
		if err != nil {
			return err
		}
		jobs[k].region = r.expand(region)
	}
	return nil
}
