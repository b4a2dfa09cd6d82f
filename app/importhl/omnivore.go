package importhl

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"regexp"
	"sort"
	"strings"

	"scholia/app/ingest"
)

// An Omnivore export is a zip: metadata_*.json (arrays of saved pages:
// id, slug, title, author, url, labels, savedAt), content/<slug>.html (the
// readable page) and highlights/<slug>.md (each highlight a "> " quote
// ending in a link to it, its note in the paragraphs after it).
func parseOmnivore(data []byte) (Set, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Set{}, fmt.Errorf("broken zip: %v", err)
	}
	files := map[string]*zip.File{}
	var metas []string
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if f.UncompressedSize64 > MaxSize || total > 4*MaxSize {
			return Set{}, fmt.Errorf("zip holds more than %d MB: not read", 4*MaxSize>>20)
		}
		name := strings.TrimPrefix(path.Clean("/"+f.Name), "/")
		files[name] = f
		if base := path.Base(name); strings.HasPrefix(base, "metadata_") && strings.HasSuffix(base, ".json") {
			metas = append(metas, name)
		}
	}
	if len(metas) == 0 {
		return Set{}, fmt.Errorf("a zip without Omnivore's metadata_*.json: not a known highlights format (%s)", Known)
	}
	sort.Strings(metas)
	var s Set
	for _, m := range metas {
		raw, err := readZip(files[m])
		if err != nil {
			s.Problems = append(s.Problems, fmt.Sprintf("%s: %v", m, err))
			continue
		}
		if d := depth(raw, MaxDepth); d > MaxDepth {
			s.Problems = append(s.Problems, fmt.Sprintf("%s: nested %d+ levels deep", m, d))
			continue
		}
		var items []map[string]any
		if err := json.Unmarshal(raw, &items); err != nil {
			s.Problems = append(s.Problems, fmt.Sprintf("%s: broken JSON: %v", m, err))
			continue
		}
		dir := path.Dir(m)
		for i, it := range items {
			w, probs, err := omnivoreItem(files, dir, it)
			for _, p := range probs {
				s.Problems = append(s.Problems, fmt.Sprintf("%s item %d: %s", m, i+1, p))
			}
			if err != nil {
				s.Problems = append(s.Problems, fmt.Sprintf("%s item %d: %v", m, i+1, err))
				continue
			}
			s.Works = append(s.Works, w)
		}
	}
	return s, nil
}

func readZip(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, MaxSize+1))
	if err == nil && len(b) > MaxSize {
		err = fmt.Errorf("more than %d MB", MaxSize>>20)
	}
	return b, err
}

func omnivoreItem(files map[string]*zip.File, dir string, it map[string]any) (Work, []string, error) {
	slug := str(it["slug"])
	if slug == "" || strings.ContainsAny(slug, "/\\") {
		return Work{}, nil, fmt.Errorf("no usable slug")
	}
	w := Work{Origin: "omnivore:" + str(it["id"]), Title: str(it["title"]), Author: str(it["author"]), URL: str(it["url"])}
	if str(it["id"]) == "" {
		w.Origin = "page:" + w.URL
	}
	for _, l := range list(it["labels"]) {
		switch x := l.(type) {
		case string:
			w.Tags = append(w.Tags, x)
		case map[string]any:
			if n := str(x["name"]); n != "" {
				w.Tags = append(w.Tags, n)
			}
		}
	}
	var probs []string
	if f := files[path.Join(dir, "content", slug+".html")]; f != nil {
		html, err := readZip(f)
		if err == nil {
			var doc ingest.Doc
			if doc, err = ingest.Parse(slug+".html", html); err == nil {
				w.Body, w.Markdown, w.Blocks = doc.Body, doc.Markdown, doc.Blocks
				if w.Title == "" {
					w.Title = doc.Title
				}
			}
		}
		if err != nil {
			probs = append(probs, fmt.Sprintf("content/%s.html: %v", slug, err))
		}
	}
	if f := files[path.Join(dir, "highlights", slug+".md")]; f != nil {
		md, err := readZip(f)
		if err != nil {
			return w, probs, fmt.Errorf("highlights/%s.md: %v", slug, err)
		}
		w.Annotations = omnivoreHighlights(string(md), w.URL)
	}
	if w.Body == "" && len(w.Annotations) == 0 {
		return w, probs, fmt.Errorf("%q has neither content nor highlights", slug)
	}
	return w, probs, nil
}

// The link Omnivore ends each quote with: [⤴️](https://omnivore.app/me/slug#id).
var omnivoreLink = regexp.MustCompile(`\s*\[[^\]]*\]\((https?://[^)\s]*)\)\s*$`)

func omnivoreHighlights(md, url string) []Annotation {
	var out []Annotation
	var cur *Annotation
	var note []string
	flush := func() {
		if cur != nil {
			cur.Comment = strings.TrimSpace(strings.Join(note, "\n\n"))
			if cur.Origin == "" {
				cur.Origin = contentID(url, *cur)
			}
			out = append(out, *cur)
		}
		cur, note = nil, nil
	}
	for _, para := range strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" || strings.HasPrefix(para, "#") && cur == nil {
			continue
		}
		if !strings.HasPrefix(para, ">") {
			if cur != nil {
				note = append(note, para)
			}
			continue
		}
		flush()
		var lines []string
		for _, l := range strings.Split(para, "\n") {
			lines = append(lines, strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), ">")))
		}
		q := strings.Join(lines, "\n")
		a := Annotation{Start: -1}
		if m := omnivoreLink.FindStringSubmatchIndex(q); m != nil {
			link := q[m[2]:m[3]]
			if i := strings.LastIndex(link, "#"); i >= 0 && i+1 < len(link) {
				a.Origin = "omnivore:" + link[i+1:]
			}
			q = q[:m[0]]
		}
		if a.Quote = strings.TrimSpace(q); a.Quote == "" {
			continue
		}
		cur = &a
	}
	flush()
	return out
}
