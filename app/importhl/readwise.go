package importhl

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// readwiseColumns are the columns of a Readwise CSV export.
var readwiseColumns = []string{"Highlight", "Book Title", "Book Author", "Amazon Book ID", "Note", "Color", "Tags", "Location Type", "Location", "Highlighted at", "Document tags"}

func isReadwise(head []byte) bool {
	line, _, _ := bytes.Cut(head, []byte("\n"))
	return bytes.HasPrefix(bytes.TrimSpace(line), []byte("Highlight,")) && bytes.Contains(line, []byte("Book Title"))
}

// colorKeys maps the colour names Readwise (and the readers it imports
// from) use onto Scholia's colours.
var colorKeys = map[string]string{
	"yellow": "yellow", "orange": "yellow", "green": "green", "blue": "blue",
	"pink": "pink", "red": "pink", "purple": "purple", "violet": "purple",
}

func parseReadwise(data []byte) (Set, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1 // checked here, so a bad row is reported and skipped
	r.LazyQuotes = true
	header, err := r.Read()
	if err != nil {
		return Set{}, fmt.Errorf("readwise CSV: %v", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(h)] = i
	}
	for _, need := range []string{"Highlight", "Book Title"} {
		if _, ok := col[need]; !ok {
			return Set{}, fmt.Errorf("readwise CSV: no %q column", need)
		}
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var s Set
	books := map[string]int{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				s.Problems = append(s.Problems, fmt.Sprintf("row at line %d: %v", pe.StartLine, pe.Err))
				continue
			}
			return s, fmt.Errorf("readwise CSV: %v", err)
		}
		if len(rec) != len(header) {
			s.Problems = append(s.Problems, fmt.Sprintf("row at line %d: %d columns, the header has %d", line, len(rec), len(header)))
			continue
		}
		quote := get(rec, "Highlight")
		if quote == "" {
			s.Problems = append(s.Problems, fmt.Sprintf("row at line %d: no highlight text", line))
			continue
		}
		title, author := get(rec, "Book Title"), get(rec, "Book Author")
		key := title + "\x00" + author
		b, ok := books[key]
		if !ok {
			b = len(s.Works)
			books[key] = b
			s.Works = append(s.Works, Work{Origin: "book:" + key, Title: title, Author: author, Tags: splitTags(get(rec, "Document tags"))})
		}
		a := Annotation{Quote: quote, Start: -1, Comment: get(rec, "Note"), Tags: splitTags(get(rec, "Tags")),
			Color: colorKeys[strings.ToLower(get(rec, "Color"))], Created: stamp(strings.TrimSuffix(get(rec, "Highlighted at"), " UTC"))}
		if loc := get(rec, "Location"); loc != "" {
			a.Locator = strings.ToLower(get(rec, "Location Type"))
			if a.Locator == "" {
				a.Locator = "location"
			}
			a.Locator += " " + loc
		}
		a.Origin = contentID(key, a)
		s.Works[b].Annotations = append(s.Works[b].Annotations, a)
	}
	return s, nil
}

func splitTags(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}
