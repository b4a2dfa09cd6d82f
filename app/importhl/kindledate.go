package importhl

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Location and page in the header line, in each language Kindle writes:
// "Location 170-172", "Loc. 170-72", "位置 #170-172", "位置No. 170-172",
// "Position 170-172", "emplacement 170-172", "posición", "posizione",
// "posição"; "page 12", "Seite 12", "página 12", "pagina 12", "第 12 页",
// "12ページ". Found by keyword and digits rather than one regular
// expression: a 100,000-clipping file spent most of its time in the regexp.
var (
	locWords  = []string{"Location", "location", "Loc.", "位置", "Position", "emplacement", "posición", "posizione", "posição"}
	pageWords = []string{"page", "Page", "Seite", "página", "pagina", "Página", "Pagina"}
	cjkPageRe = regexp.MustCompile(`第\s*(\d+)\s*页|(\d+)\s*ページ`)
)

// locate finds the location range and page of a header line. An
// abbreviated end ("170-72") takes the start's leading digits.
func locate(meta string) (start, end int, page string) {
	head := meta
	if i := strings.LastIndex(meta, "|"); i >= 0 {
		head = meta[:i] // the date part holds numbers too
	}
	for _, w := range locWords {
		i := strings.Index(head, w)
		if i < 0 {
			continue
		}
		rest := skipTo(head[i+len(w):], 6)
		a, rest := digits(rest)
		if a == "" {
			continue
		}
		start, _ = strconv.Atoi(a)
		end = start
		rest = strings.TrimLeft(rest, " ")
		if strings.HasPrefix(rest, "-") {
			if b, _ := digits(strings.TrimLeft(rest[1:], " ")); b != "" {
				if len(b) < len(a) {
					b = a[:len(a)-len(b)] + b
				}
				if e, err := strconv.Atoi(b); err == nil && e >= start {
					end = e
				}
			}
		}
		break
	}
	for _, w := range pageWords {
		if i := strings.Index(head, w); i >= 0 {
			rest := strings.TrimLeft(head[i+len(w):], " ")
			j := 0
			for j < len(rest) && (isDigit(rest[j]) || strings.IndexByte("ivxlcdm", rest[j]) >= 0) {
				j++
			}
			if j > 0 {
				page = rest[:j]
				break
			}
		}
	}
	if page == "" && (strings.Contains(head, "页") || strings.Contains(head, "ページ")) {
		if m := cjkPageRe.FindStringSubmatch(head); m != nil {
			page = m[1] + m[2]
		}
	}
	return start, end, page
}

// skipTo drops up to n bytes of what stands between a keyword and its
// number (" #", "No. ").
func skipTo(s string, n int) string {
	for i := 0; i < len(s) && i <= n; i++ {
		if isDigit(s[i]) {
			return s[i:]
		}
	}
	return ""
}

func digits(s string) (string, string) {
	i := 0
	for i < len(s) && isDigit(s[i]) && i < 9 {
		i++
	}
	return s[:i], s[i:]
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// Dates: "Sunday, March 3, 2019 10:12:34 PM" (US English), "Sunday, 3 March
// 2019 22:12:34" (UK English), "Sonntag, 3. März 2019 22:12:34",
// "dimanche 3 mars 2019 22:12:34", "domingo, 3 de marzo de 2019 22:12:34",
// "domenica 3 marzo 2019 22:12:34", "domingo, 3 de março de 2019 22:12:34",
// "2019年3月3日星期日 下午10:12:34", "2019年3月3日日曜日 22:12:34".
var (
	usDateRe  = regexp.MustCompile(`(\pL+)\.?\s+(\d{1,2}),\s*(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?`)
	euDateRe  = regexp.MustCompile(`(\d{1,2})\.?\s+(?:de\s+)?(\pL+)\.?\s+(?:de\s+)?(\d{4}),?\s+(?:à\s+|um\s+|alle\s+|a las\s+|às\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?`)
	cjkDateRe = regexp.MustCompile(`(\d{4})年(\d{1,2})月(\d{1,2})日[^\d]*?(上午|下午|午前|午後)?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?`)
)

// months maps month names (and common abbreviations) in the header
// languages to their numbers.
var months = map[string]time.Month{}

func init() {
	for i, names := range [][]string{
		{"january", "jan", "januar", "jänner", "janvier", "janv", "enero", "gennaio", "janeiro"},
		{"february", "feb", "februar", "février", "févr", "fevrier", "febrero", "febbraio", "fevereiro"},
		{"march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco"},
		{"april", "apr", "avril", "avr", "abril", "aprile"},
		{"may", "mai", "mayo", "maggio", "maio"},
		{"june", "jun", "juni", "juin", "junio", "giugno", "junho"},
		{"july", "jul", "juli", "juillet", "juil", "julio", "luglio", "julho"},
		{"august", "aug", "août", "aout", "agosto"},
		{"september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "setembro"},
		{"october", "oct", "oktober", "octobre", "octubre", "ottobre", "outubro"},
		{"november", "nov", "novembre", "noviembre", "novembro"},
		{"december", "dec", "dezember", "décembre", "diciembre", "dicembre", "dezembro"},
	} {
		for _, n := range names {
			months[n] = time.Month(i + 1)
		}
	}
}

// kindleDate reads the date after the last "|" of the header, in local
// time as Kindle writes it; the zero time when it cannot be read.
func kindleDate(meta string) time.Time {
	i := strings.LastIndex(meta, "|")
	if i < 0 {
		return time.Time{}
	}
	d := strings.TrimSpace(meta[i+1:])
	// The common case first, without a regexp: US English.
	if rest, ok := strings.CutPrefix(d, "Added on "); ok {
		if t, err := time.ParseInLocation("Monday, January 2, 2006 3:04:05 PM", rest, time.Local); err == nil {
			return t
		}
	}
	if m := cjkDateRe.FindStringSubmatch(d); m != nil {
		y, mo, day := atoi(m[1]), atoi(m[2]), atoi(m[3])
		h := atoi(m[5])
		if (m[4] == "下午" || m[4] == "午後") && h < 12 {
			h += 12
		} else if (m[4] == "上午" || m[4] == "午前") && h == 12 {
			h = 0
		}
		return mk(y, time.Month(mo), day, h, atoi(m[6]), atoi(m[7]))
	}
	if m := usDateRe.FindStringSubmatch(d); m != nil {
		if mo, ok := months[strings.ToLower(m[1])]; ok {
			return mk(atoi(m[3]), mo, atoi(m[2]), ampm(atoi(m[4]), m[7]), atoi(m[5]), atoi(m[6]))
		}
	}
	if m := euDateRe.FindStringSubmatch(d); m != nil {
		if mo, ok := months[strings.ToLower(m[2])]; ok {
			return mk(atoi(m[3]), mo, atoi(m[1]), ampm(atoi(m[4]), m[7]), atoi(m[5]), atoi(m[6]))
		}
	}
	return time.Time{}
}

func ampm(h int, mark string) int {
	switch strings.ToLower(strings.ReplaceAll(mark, ".", "")) {
	case "pm":
		if h < 12 {
			return h + 12
		}
	case "am":
		if h == 12 {
			return 0
		}
	}
	return h
}

// mk builds the time, refusing out-of-range fields rather than letting
// time.Date roll them over into another day.
func mk(y int, mo time.Month, d, h, mi, s int) time.Time {
	if y < 1970 || y > 9999 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60 {
		return time.Time{}
	}
	t := time.Date(y, mo, d, h, mi, s, 0, time.Local)
	if t.Day() != d {
		return time.Time{}
	}
	return t
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
