package pdf

import (
	"math"
	"regexp"
	"strings"
	"unicode"
)

// marginBand is how far from the top or bottom edge, as a share of the
// page height, running heads, feet and page numbers are looked for.
const marginBand = 0.12

// pageNumber matches what a page number line looks like: "12", "- 12 -",
// "Page 12", "12 of 30", "xii".
var pageNumber = regexp.MustCompile(`^(?i)(page\s+)?[-–—(\[]?\s*([0-9]{1,4}|[ivxlc]{1,7})\s*[-–—)\]]?(\s*(of|/)\s*[0-9]{1,4})?$`)

// dropMargins removes running heads and feet — a line at the same place in
// the margin band of most pages, its digits aside ("Journal 12 (2008) 34")
// — and bare page numbers at the top or bottom of a page.
func dropMargins(pages [][]line, heights []float64) [][]line {
	key := func(l line) string {
		var b strings.Builder
		for _, r := range strings.ToLower(l.text) {
			if unicode.IsDigit(r) {
				r = '#'
			}
			b.WriteRune(r)
		}
		return b.String() + "@" + itoa(int(math.Round(l.y0/6)))
	}
	inBand := func(l line, h float64) bool {
		return h > 0 && (l.y0 < h*marginBand || l.y1 > h*(1-marginBand))
	}
	seen := map[string]int{}
	for p, ls := range pages {
		once := map[string]bool{}
		for _, l := range ls {
			if k := key(l); inBand(l, heights[p]) && !once[k] {
				once[k] = true
				seen[k]++
			}
		}
	}
	need := max(2, int(math.Ceil(0.4*float64(len(pages)))))
	out := make([][]line, len(pages))
	for p, ls := range pages {
		for i, l := range ls {
			if inBand(l, heights[p]) {
				if len(pages) > 1 && seen[key(l)] >= need {
					continue
				}
				// A bare number is a page number when it is the first or
				// last line of the page.
				if (i == 0 || i == len(ls)-1 || !hasTextBeyond(ls, l, heights[p])) && pageNumber.MatchString(strings.TrimSpace(l.text)) {
					continue
				}
			}
			out[p] = append(out[p], l)
		}
	}
	return out
}

// hasTextBeyond reports whether some other line lies between l and the
// nearer page edge.
func hasTextBeyond(ls []line, l line, h float64) bool {
	top := l.y1 < h/2
	for _, o := range ls {
		if o == l {
			continue
		}
		if top && o.y1 < l.y0 || !top && o.y0 > l.y1 {
			return true
		}
	}
	return false
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
