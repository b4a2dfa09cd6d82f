package pdf

import (
	"math"
	"regexp"
	"strings"
)

type meta struct{ title, author, date string }

// junkTitle is what tools write as a title that is not one.
var junkTitle = regexp.MustCompile(`(?i)^(untitled|microsoft word|document[0-9]*$|title$)|\.(dvi|pdf|docx?|tex|ps|indd|qxd)$`)

var pdfDate = regexp.MustCompile(`^(?:D:)?([12][0-9]{3})([01][0-9])?([0-3][0-9])?`)

// findMeta takes title, author and date from the document information,
// else the title from the first page's largest text, which it then takes
// out of the body (and the line under it as the author when it looks like
// names). XMP (dc:title) is read through PDFium's info, which prefers it.
func findMeta(info map[string]string, pages [][]line) meta {
	m := meta{title: clean(info["Title"]), author: clean(info["Author"])}
	if junkTitle.MatchString(m.title) || len([]rune(m.title)) < 4 {
		m.title = ""
	}
	if g := pdfDate.FindStringSubmatch(info["CreationDate"]); g != nil {
		m.date = g[1]
		if g[2] != "" && g[3] != "" {
			m.date += "-" + g[2] + "-" + g[3]
		} else {
			m.date = ""
		}
	}
	if len(pages) == 0 || len(pages[0]) == 0 {
		return m
	}
	first := pages[0]
	// The largest text in the top half of the first page.
	big := 0.0
	for _, l := range first {
		if l.y0 < 0.6*pageH(first) && len([]rune(l.text)) >= 8 {
			big = math.Max(big, l.size)
		}
	}
	var idx []int
	for i, l := range first {
		if l.size == big && len([]rune(l.text)) >= 8 && (len(idx) == 0 || i == idx[len(idx)-1]+1) {
			idx = append(idx, i)
		} else if len(idx) > 0 {
			break
		}
	}
	var parts []string
	for _, i := range idx {
		parts = append(parts, first[i].text)
	}
	pageTitle := strings.Join(parts, " ")
	if len(idx) == 0 || len(idx) > 4 || !bodyBigger(first, big) {
		return m
	}
	if m.title == "" {
		m.title = pageTitle
	} else if !sameWords(m.title, pageTitle) {
		return m
	}
	// The title is shown above the body: take its lines out of the body.
	end := idx[len(idx)-1] + 1
	if m.author == "" && end < len(first) {
		if a := first[end]; a.size < big && len([]rune(a.text)) <= 120 && !strings.HasPrefix(strings.ToLower(a.text), "abstract") {
			m.author = strings.TrimRight(a.text, "0123456789,*† ")
		}
	}
	pages[0] = append(append([]line(nil), first[:idx[0]]...), first[end:]...)
	return m
}

// bodyBigger reports whether size stands out: larger than most text.
func bodyBigger(ls []line, size float64) bool {
	smaller := 0
	for _, l := range ls {
		if l.size < size {
			smaller++
		}
	}
	return smaller*2 > len(ls)
}

func sameWords(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

func pageH(ls []line) float64 {
	h := 0.0
	for _, l := range ls {
		h = math.Max(h, l.y1)
	}
	return h
}
