package ingest

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// splitFrontMatter cuts YAML front matter ("---" lines around it, the way
// Jekyll, Hugo and Obsidian write it) off the start of a Markdown text. ok is
// false when there is none; an opening "---" with no closing line is a
// thematic break, not front matter.
func splitFrontMatter(text string) (yamlText, body string, ok bool) {
	first, rest, found := strings.Cut(text, "\n")
	if !found || strings.TrimRight(first, " \t\r") != "---" {
		return "", text, false
	}
	for off := 0; off < len(rest); {
		line, _, _ := strings.Cut(rest[off:], "\n")
		end := off + len(line) + 1
		switch strings.TrimRight(line, " \t\r") {
		case "---", "...":
			return rest[:off], rest[min(end, len(rest)):], true
		}
		off = end
	}
	return "", text, false
}

// applyFrontMatter fills d from the front matter fields Scholia knows and
// returns the problems worth a warning. Unknown fields are ignored: notes
// apps add their own (cssclass, aliases) and they are not errors.
func applyFrontMatter(d *Doc, yamlText string) (warnings []string) {
	var fields map[string]any
	if err := yaml.Unmarshal([]byte(yamlText), &fields); err != nil {
		reason := firstLine(err.Error())
		var te *yaml.TypeError
		if errors.As(err, &te) {
			// The YAML is fine but is a list or a text, not "key: value" lines.
			reason = "not a set of \"key: value\" fields"
		}
		return []string{"broken front matter: " + reason + "; imported the body"}
	}
	// Sorted, so that warnings come in the same order on every import.
	for _, key := range slices.Sorted(maps.Keys(fields)) {
		v := fields[key]
		switch strings.ToLower(strings.TrimSpace(key)) {
		case "title":
			d.Title = joinScalars(v)
		case "author", "authors", "by", "byline":
			d.Author = joinScalars(v)
		case "source", "site", "site_name", "publication", "publisher":
			d.Source = joinScalars(v)
		case "url", "link", "source_url", "canonical":
			d.URL = joinScalars(v)
		case "date", "published", "publish_date", "pubdate", "created":
			if d.Published != "" && key != "published" {
				break // "published" wins over the looser names when both are set
			}
			if date, ok := yamlDate(v); ok {
				d.Published = date
			} else if v != nil {
				warnings = append(warnings, fmt.Sprintf("front matter %s %q is not a date; left it empty", key, joinScalars(v)))
			}
		case "tags", "tag", "keywords":
			d.Tags = append(d.Tags, yamlTags(v)...)
		}
	}
	d.Tags = uniqueTags(d.Tags)
	// Collapse whitespace: a YAML block scalar may carry newlines into a title.
	d.Title = strings.Join(strings.Fields(d.Title), " ")
	d.Author = strings.Join(strings.Fields(d.Author), " ")
	d.Source = strings.Join(strings.Fields(d.Source), " ")
	d.URL = strings.TrimSpace(d.URL)
	return warnings
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return strings.TrimPrefix(s, "yaml: ")
}

// joinScalars turns a YAML value into text: lists (several authors) are
// joined with ", ", maps give "" because they are no text a user wrote.
func joinScalars(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case time.Time:
		return v.Format("2006-01-02")
	case []any:
		var parts []string
		for _, e := range v {
			if s := joinScalars(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		return ""
	default:
		return fmt.Sprint(v)
	}
}

func yamlDate(v any) (string, bool) {
	switch v := v.(type) {
	case time.Time:
		return v.Format("2006-01-02"), true
	case string:
		return parseDate(v)
	}
	return "", false
}

// yamlTags accepts a list or a comma-separated string ("a, b").
func yamlTags(v any) []string {
	switch v := v.(type) {
	case string:
		return strings.Split(v, ",")
	case []any:
		var tags []string
		for _, e := range v {
			tags = append(tags, yamlTags(e)...)
		}
		return tags
	case nil, map[string]any:
		return nil
	default:
		return []string{fmt.Sprint(v)}
	}
}

// uniqueTags trims tags, drops Obsidian's "#" prefix and empties, and keeps
// the first of any duplicates.
func uniqueTags(tags []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range tags {
		t = strings.Join(strings.Fields(strings.TrimPrefix(strings.TrimSpace(t), "#")), " ")
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	return out
}
