package export

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"scholia/storage"
)

// Anki notetype names (the stock note types every Anki collection has) and
// the deck cards are imported into.
const (
	ankiBasic = "Basic" // fields Front, Back
	ankiCloze = "Cloze" // fields Text, Back Extra
	ankiDeck  = "Scholia"
)

// Anki writes the cards as a text file Anki imports (File → Import), in
// the format its manual documents under "Text Files": "#key:value" header
// lines, then one note per line, fields separated by tabs. The notetype is
// a column, so basic and cloze notes share one file; the first column is a
// GUID built from the highlight's ID, so importing again updates the notes
// rather than duplicating them. Fields are plain text (#html:false): a field
// holding a tab, a line break or a double quote is quoted, with quotes
// doubled, as the manual describes.
func Anki(w io.Writer, cards []storage.CardItem) error {
	bw := bufio.NewWriter(w)
	// Columns: 1 GUID, 2 notetype, 3 deck, 4 Front/Text, 5 Back/Back Extra, 6 tags.
	// No #columns header: with a notetype column Anki maps fields in order.
	fmt.Fprint(bw, "#separator:tab\n#html:false\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n")
	for _, c := range cards {
		source := c.ArticleTitle
		var first, second, kind string
		switch c.Kind {
		case storage.CardCloze:
			kind, first = ankiCloze, c.Cloze
			second = source
			if cm := strings.TrimSpace(c.Highlight.Comment); cm != "" {
				second = cm + "\n\n" + source
			}
		case storage.CardBasic:
			kind, first = ankiBasic, c.Question
			second = c.Answer + "\n\n“" + c.Highlight.Quote + "” — " + source
		default:
			continue
		}
		fields := []string{ankiGUID(c.HighlightID), kind, ankiDeck, first, second, ankiTags(c)}
		for i, f := range fields {
			if i > 0 {
				bw.WriteByte('\t')
			}
			bw.WriteString(ankiField(f))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

func ankiGUID(id int64) string { return fmt.Sprintf("scholia-highlight-%d", id) }

// ankiField quotes a field that holds the separator, a line break or a
// quote; carriage returns are dropped so every line ends the same way.
func ankiField(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	if !strings.ContainsAny(s, "\t\n\"") {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// ankiTags joins the highlight's and the article's tags with spaces, as
// Anki separates tags; a space inside a tag becomes an underscore.
func ankiTags(c storage.CardItem) string {
	seen := map[string]bool{}
	var out []string
	for _, t := range append(append([]string{}, c.Highlight.Tags...), c.ArticleTags...) {
		t = strings.Join(strings.Fields(t), "_")
		if t != "" && !seen[strings.ToLower(t)] {
			seen[strings.ToLower(t)] = true
			out = append(out, t)
		}
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}
