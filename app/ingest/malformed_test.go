package ingest

import (
	"fmt"
	"strings"
	"testing"

	"scholia/storage/doc"
)

// TestMalformedHTML: broken pages (tags never closed, tables inside
// tables, stray end tags, a comment or attribute that never ends) import
// with their words, as Markdown that reads back as the stored body; or
// are refused with one line naming the file.
func TestMalformedHTML(t *testing.T) {
	lead := "<p>" + strings.Repeat("Enough ordinary words for readability to keep this part as the article. ", 12) + "</p>"
	page := func(s string) string {
		return "<html><head><title>Broken</title></head><body><article>" + lead + s + "</article></body></html>"
	}
	var nestedTables strings.Builder
	for i := range 40 {
		fmt.Fprintf(&nestedTables, "<table><tr><td>level%d ", i)
	}
	cases := map[string]struct {
		src  string
		want []string // words the body keeps
	}{
		"unclosed inline tags": {page("<p>one <b>bold <i>both <a href='/x'>linked never closed<p>next paragraph"), []string{"bold", "both", "linked never closed", "next paragraph"}},
		"misnested tags":       {page("<p><b>alpha <i>beta</b> gamma</i> delta</p>"), []string{"alpha", "beta", "gamma", "delta"}},
		"table in a table":     {page("<table><tr><td>outer <table><tr><td>inner cell</td></tr></table> after</td><td>second</td></tr></table>"), []string{"outer", "inner cell", "after", "second"}},
		// Readability itself drops single-cell layout tables with little
		// text: of 40 nested ones the innermost words are what it keeps.
		"40 nested tables":     {page(nestedTables.String()), []string{"level39"}},
		"stray end tags":       {page("</td></tr></table></li></ul><p>still here</td> and </th>here</p></div></div>"), []string{"still here", "and", "here"}},
		"cells outside tables": {page("<td>loose cell</td><tr><th>loose head</th></tr>"), []string{"loose cell", "loose head"}},
		"unclosed table":       {page("<table><tr><td>a1<td>b1<tr><td>a2<td>b2"), []string{"a1", "b1", "a2", "b2"}},
		"unterminated comment": {page("<p>before the comment</p><!-- never ends <p>hidden"), []string{"before the comment"}},
		"unterminated quote":   {page("<p>text <a href=\"never closed>link text</a> more</p><p>tail words</p>"), []string{"text"}},
		"only end tags":        {"</p></div></body></html>" + strings.Repeat("</td>", 1000), nil},
	}
	for label, tc := range cases {
		d, err := Parse("broken.html", []byte(tc.src))
		if err != nil {
			if msg := err.Error(); !strings.HasPrefix(msg, "broken.html: ") || strings.Contains(msg, "\n") || tc.want != nil {
				t.Errorf("%s: refused with %q", label, msg)
			}
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(d.Body, w) {
				t.Errorf("%s: body lost %q:\n%s", label, w, d.Body)
			}
		}
		if d.Markdown != "" {
			back, err := doc.Parse(d.Markdown)
			if err != nil || back.Text != d.Body {
				t.Errorf("%s: stored Markdown does not read back as the body (%v):\n%q\n%q", label, err, back.Text, d.Body)
			}
		}
	}
}
