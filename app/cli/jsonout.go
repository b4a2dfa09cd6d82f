package cli

import (
	"strings"

	"scholia/app/edit"
	"scholia/app/importer"
	"scholia/storage"
)

// The --json shapes. They are part of the command line's contract (the
// README's reference shows each): fields are only ever added, never
// renamed or removed, and lists are [] rather than null.

var jsonFlag = flagSpec{name: "json", help: "print the result as JSON (see the README for its shape)"}

// hitJSON is one full-text search hit. Snippet is plain text; Marks are
// the matched words in it, as [start, end) code point offsets.
type hitJSON struct {
	ID        int64    `json:"id"`
	Title     string   `json:"title"`
	Where     string   `json:"where"`
	Highlight int64    `json:"highlight"` // the highlight's ID when where is "highlight", else 0
	Snippet   string   `json:"snippet"`
	Marks     [][2]int `json:"marks"`
}

func toHitJSON(h storage.Hit) hitJSON {
	out := hitJSON{ID: h.ArticleID, Title: h.Title, Where: h.Where, Highlight: h.HighlightID, Marks: [][2]int{}}
	var b strings.Builder
	n, open := 0, -1
	for _, r := range h.Snippet {
		switch string(r) {
		case storage.SnippetOpen:
			open = n
		case storage.SnippetClose:
			if open >= 0 {
				out.Marks = append(out.Marks, [2]int{open, n})
			}
			open = -1
		default:
			b.WriteRune(r)
			n++
		}
	}
	out.Snippet = b.String()
	return out
}

// importResultJSON is one file of an import.
type importResultJSON struct {
	Path     string   `json:"path"`
	Status   string   `json:"status"` // imported, duplicate or failed
	ID       int64    `json:"id"`     // the new article, or the one it duplicates; 0 when failed
	Title    string   `json:"title"`
	Error    string   `json:"error"`
	Warnings []string `json:"warnings"`
}

// importJSON is the result of scholia import --json.
type importJSON struct {
	Imported int                `json:"imported"`
	Skipped  int                `json:"skipped"` // duplicates
	Failed   int                `json:"failed"`
	Ignored  int                `json:"ignored"` // files in folders that are not importable
	Results  []importResultJSON `json:"results"`
}

func toImportJSON(rep importer.Report) importJSON {
	out := importJSON{Imported: rep.Imported, Skipped: rep.Skipped, Failed: rep.Failed, Ignored: rep.Ignored,
		Results: []importResultJSON{}}
	for _, r := range rep.Results {
		j := importResultJSON{Path: r.Path, ID: r.ID, Title: r.Title, Warnings: r.Warnings}
		switch r.Status {
		case importer.Imported:
			j.Status = "imported"
		case importer.Duplicate:
			j.Status = "duplicate"
		default:
			j.Status, j.ID, j.Title = "failed", 0, ""
			if r.Err != nil {
				j.Error = reason(r)
			}
		}
		if j.Warnings == nil {
			j.Warnings = []string{}
		}
		out.Results = append(out.Results, j)
	}
	return out
}

// exportJSON is the summary of an export to a file or a folder.
type exportJSON struct {
	Articles   int    `json:"articles"`
	Highlights int    `json:"highlights"`
	Format     string `json:"format"` // md or json
	To         string `json:"to"`     // the file or folder written
	Written    int    `json:"written"`
	Updated    int    `json:"updated"`
	Unchanged  int    `json:"unchanged"`
	Conflicts  int    `json:"conflicts"` // files you edited, left alone with a .scholia-conflict.md copy beside
}

// tagsJSON is an article's tags after scholia tag.
type tagsJSON struct {
	ID   int64    `json:"id"`
	Tags []string `json:"tags"`
}

// newHighlightJSON is the highlight scholia highlight made.
type newHighlightJSON struct {
	Article int64 `json:"article"`
	highlightJSON
}

func toHighlightJSON(h storage.Highlight) highlightJSON {
	tags := h.Tags
	if tags == nil {
		tags = []string{}
	}
	return highlightJSON{ID: h.ID, Start: h.Start, End: h.End, Quote: h.Quote, Prefix: h.Prefix,
		Suffix: h.Suffix, Color: h.Color, Comment: h.Comment, Tags: tags, Orphaned: h.Orphaned}
}

// editJSON is what scholia edit did to the article's highlights.
type editJSON struct {
	ID        int64           `json:"id"`
	Exact     int             `json:"exact"`    // on their words, where they were
	Moved     int             `json:"moved"`    // on their words, elsewhere
	Changed   []edit.Change   `json:"changed"`  // re-anchored with changes: their words were edited
	Orphaned  int             `json:"orphaned"` // kept, but their words are gone
	NotPlaced []notPlacedJSON `json:"not_placed"`
}

type notPlacedJSON struct {
	ID    int64  `json:"id"`
	Quote string `json:"quote"`
}

func toEditJSON(id int64, rep edit.Report) editJSON {
	out := editJSON{ID: id, Exact: rep.Exact, Moved: rep.Moved, Changed: rep.Changed, Orphaned: rep.Orphaned, NotPlaced: []notPlacedJSON{}}
	if out.Changed == nil {
		out.Changed = []edit.Change{}
	}
	for _, h := range rep.Orphans {
		out.NotPlaced = append(out.NotPlaced, notPlacedJSON{ID: h.ID, Quote: h.Quote})
	}
	return out
}

// importJSONResult is the result of scholia import-json --json.
type importJSONResult struct {
	Restored int `json:"restored"` // into an empty library, as it was
	Imported int `json:"imported"` // into a used one, as new articles
	Skipped  int `json:"skipped"`  // already there
}
