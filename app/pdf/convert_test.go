package pdf

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func parseT(t *testing.T, pages []tpage, o pdfOpts) (md, bodyText string, pageStarts []int, title, author, date string) {
	t.Helper()
	d, err := Parse("test.pdf", makePDF(pages, o))
	if err != nil {
		t.Fatal(err)
	}
	return d.Markdown, d.Body, d.Pages, d.Title, d.Author, d.Published
}

func TestHeadingsParagraphsReferencesAndInfo(t *testing.T) {
	lines := []tline{{x: 72, y: 80, size: 16, bold: true, text: "1 Introduction"}}
	ls, y := body(72, 110,
		[]string{"The engine weaves algebraic patterns just as the", "loom weaves flowers and leaves, said the note."},
		[]string{"A second paragraph follows the blank line here."})
	lines = append(lines, ls...)
	lines = append(lines, tline{x: 72, y: y + 10, size: 16, bold: true, text: "References"})
	lines = append(lines,
		tline{x: 72, y: y + 40, size: 10, text: "[1] Babbage C, 1864, Passages from the Life of a Philosopher."},
		tline{x: 72, y: y + 54, size: 10, text: "[2] Menabrea L F, 1842, Sketch of the Analytical Engine."})
	md, _, _, title, author, date := parseT(t, []tpage{{lines: lines}}, pdfOpts{info: map[string]string{
		"Title": "Notes on the Engine", "Author": "Ada Lovelace", "CreationDate": "D:18430915120000Z"}})
	for _, want := range []string{
		"# 1 Introduction\n\nThe engine weaves algebraic patterns just as the loom weaves flowers and leaves, said the note.\n\nA second paragraph",
		"# References\n\n- \\[1\\] Babbage C, 1864, Passages from the Life of a Philosopher.\n\n- \\[2\\] Menabrea",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	if title != "Notes on the Engine" || author != "Ada Lovelace" || date != "1843-09-15" {
		t.Errorf("title, author, date = %q, %q, %q", title, author, date)
	}
}

// Lines written row by row across both columns are read column by column;
// the title above spans both.
func TestTwoColumnsReadColumnByColumn(t *testing.T) {
	left := []string{"alpha one begins the left column and", "alpha two goes on down the left side", "alpha three still in the left column", "alpha four ends the left column now."}
	right := []string{"Omega one begins the right column and", "omega two goes on down the right side", "omega three still in the right column", "omega four ends the right column now."}
	lines := []tline{{x: 150, y: 60, size: 18, text: "Columns Side by Side"}}
	for i := range left {
		y := 120 + float64(i)*14
		lines = append(lines, tline{x: 50, y: y, size: 10, text: left[i]}, tline{x: 320, y: y, size: 10, text: right[i]})
	}
	md, _, _, title, _, _ := parseT(t, []tpage{{lines: lines}}, pdfOpts{})
	want := strings.Join(left, " ") + "\n\n" + strings.Join(right, " ")
	if !strings.Contains(md, want) || title != "Columns Side by Side" {
		t.Fatalf("title %q; Markdown not read column by column:\n%s\nwant it to hold:\n%s", title, md, want)
	}
}

// A running head and page numbers repeat on every page and are dropped; a
// paragraph going on to the next page is one paragraph; each page's start
// is where its first words are.
func TestRunningHeadsPageNumbersAndPageStarts(t *testing.T) {
	texts := [][]string{
		{"The first page tells how the story starts and", "then how it carries on, and the story goes"},
		{"on and on across the second page of the paper,", "until it stops at the end of the page here."},
		{"The third page has a paragraph of its own to", "show where a new page begins in the text."},
	}
	var pages []tpage
	for i, tx := range texts {
		var lines []tline
		lines = append(lines, tline{x: 200, y: 40, size: 8, text: "Journal of Testing 12 (2024) 10" + string(rune('1'+i))})
		if i == 0 {
			lines = append(lines, tline{x: 180, y: 90, size: 18, text: "Heads and Feet"})
		}
		ls, _ := body(72, 140, tx)
		lines = append(lines, ls...)
		lines = append(lines, tline{x: 300, y: 760, size: 9, text: string(rune('1' + i))})
		pages = append(pages, tpage{lines: lines})
	}
	md, text, starts, title, _, _ := parseT(t, pages, pdfOpts{})
	if title != "Heads and Feet" || strings.Contains(md, "Heads and Feet") {
		t.Errorf("title %q, or it is still in the body:\n%s", title, md)
	}
	if strings.Contains(md, "Journal of Testing") {
		t.Errorf("running head kept:\n%s", md)
	}
	for _, p := range strings.Split(md, "\n\n") {
		if p == "1" || p == "2" || p == "3" {
			t.Errorf("page number %q kept:\n%s", p, md)
		}
	}
	if !strings.Contains(md, "the story goes on and on across") {
		t.Errorf("paragraph across the page break not joined:\n%s", md)
	}
	if len(starts) != 3 {
		t.Fatalf("pages = %v, want 3 starts", starts)
	}
	runes := []rune(text)
	for i, want := range []string{"The first page", "on and on", "The third page"} {
		if got := string(runes[starts[i]:]); !strings.HasPrefix(got, want) {
			t.Errorf("page %d starts at %q, want %q", i+1, got[:min(len(got), 20)], want)
		}
	}
}

func TestDehyphenation(t *testing.T) {
	para := []string{
		"We describe the compu-",
		"tation of a well-",
		"known quantity in state-of-the-",
		"art systems that use COVID-",
		"19 data and a non-",
		"linear term, the re-",
		"sults of a self-",
		"contained method; non-linear terms recur.",
	}
	ls, _ := body(72, 100, para)
	md, _, _, _, _, _ := parseT(t, []tpage{{lines: ls}}, pdfOpts{})
	want := "We describe the computation of a well-known quantity in state-of-the-art systems that use COVID-19 data and a non-linear term, the results of a self-contained method; non-linear terms recur."
	if !strings.Contains(md, want) {
		t.Fatalf("got\n%s\nwant\n%s", md, want)
	}
}

func TestJoinLines(t *testing.T) {
	ws := wordSet{plain: map[string]bool{"preprocessing": true}, compound: map[string]bool{"pre-trained": true, "re-entry": true}}
	for _, c := range []struct{ a, b, want string }{
		{"the compu-", "tation", "the computation"},
		{"a well-", "known", "a well-known"},
		{"state-of-the-", "art", "state-of-the-art"},
		{"COVID-", "19", "COVID-19"},
		{"Jean-", "Paul", "Jean-Paul"},
		{"a pre-", "trained model", "a pre-trained model"},
		{"the pre-", "processing", "the preprocessing"},
		{"Lemaître–", "Tolman", "Lemaître–Tolman"},
		{"ends here", "next", "ends here next"},
		{"soft\u00ad", "ware", "software"},
	} {
		if got := joinLines(c.a, c.b, ws); got != c.want {
			t.Errorf("joinLines(%q, %q) = %q, want %q", c.a, c.b, got, c.want)
		}
	}
}

func TestRefusals(t *testing.T) {
	good := makePDF([]tpage{{lines: []tline{{x: 72, y: 100, size: 10, text: "Some text to read."}}}}, pdfOpts{})
	for name, c := range map[string]struct {
		data []byte
		want string
	}{
		"encrypted":  {makePDF([]tpage{{lines: []tline{{x: 72, y: 100, size: 10, text: "Secret."}}}}, pdfOpts{encrypted: true}), "encrypted PDF: needs a password"},
		"image only": {makePDF([]tpage{{image: true}, {image: true}}, pdfOpts{}), ReasonNoText},
		"not a PDF":  {[]byte("<html><body>hello</body></html>"), "not a PDF"},
		"truncated":  {good[:40], "broken PDF"},
		"empty":      {nil, "empty file"},
	} {
		_, err := Parse("paper.pdf", c.data)
		var pe *Error
		if !errors.As(err, &pe) || !strings.Contains(pe.Reason, c.want) || strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), "paper.pdf: ") {
			t.Errorf("%s: err = %v, want one line with %q", name, err, c.want)
		}
	}
	if d, err := Parse("ok.pdf", good); err != nil || !strings.Contains(d.Body, "Some text to read.") || utf8.RuneCountInString(d.Body) == 0 {
		t.Errorf("the good file: %v, %q", err, d.Body)
	}
}

func TestComposeAccents(t *testing.T) {
	for in, want := range map[string]string{
		"C\u00b4 el\u00b4 erier":  "Célérier",
		"Lema\u02c6\u0131tre":     "Lemaître",
		"M\u00a8uhlenberg":        "Mühlenberg",
		"R\u00a8 as\u00a8 anen":   "Räsänen",
		"x \u00b4 alone, 5\u00b4": "x ´ alone, 5´",
		"plain text":              "plain text",
	} {
		if got := composeAccents(in); got != want {
			t.Errorf("composeAccents(%q) = %q, want %q", in, got, want)
		}
	}
}

// TeX draws an accent, then steps back to draw its letter under it: one
// line, one letter.
func TestAccentSteppedBack(t *testing.T) {
	g := func(r rune, x0, x1 float64) glyph { return glyph{r: r, x0: x0, x1: x1, y0: 90, y1: 100, size: 10} }
	ls := buildLines(page{w: 600, h: 800, glyphs: []glyph{g('M', 0, 9), g('\u00a8', 10, 15), g('u', 9.5, 15), g('h', 15, 20)}}, 0)
	if len(ls) != 1 || ls[0].text != "Müh" {
		t.Fatalf("lines = %+v, want one line \"Müh\"", ls)
	}
}

func TestDropCap(t *testing.T) {
	ls := dropCaps([]line{
		{text: "J", x0: 50, x1: 70, y0: 100, y1: 130, size: 30},
		{text: "ournal of Tests", x0: 71, x1: 200, y0: 105, y1: 115, size: 10},
		{text: "A", x0: 50, x1: 60, y0: 300, y1: 310, size: 10},
	})
	if len(ls) != 2 || ls[0].text != "Journal of Tests" || ls[0].x0 != 50 || ls[1].text != "A" {
		t.Fatalf("lines = %+v", ls)
	}
}
