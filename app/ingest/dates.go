package ingest

import (
	"strconv"
	"strings"
	"time"
)

var monthNames = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
	"oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

var weekdayNames = map[string]bool{
	"mon": true, "monday": true, "tue": true, "tues": true, "tuesday": true,
	"wed": true, "wednesday": true, "thu": true, "thur": true, "thurs": true, "thursday": true,
	"fri": true, "friday": true, "sat": true, "saturday": true, "sun": true, "sunday": true,
}

// isoLayouts are the machine-written forms: front matter, meta tags, feeds.
var isoLayouts = []string{
	"2006-01-02",
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02 15:04",
	"2006/01/02",
	time.RFC1123,
	time.RFC1123Z,
}

// parseDate recognises a date written by a machine or a person (the date
// lines that pasted web articles carry, like "Tue, 18 Jan 2022" or "January
// 18, 2022") and returns it as YYYY-MM-DD. The whole string must be the
// date: a sentence that merely mentions one is not a date line.
func parseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 60 {
		return "", false
	}
	for _, layout := range isoLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), true
		}
	}
	if d, ok := parseDottedDate(s); ok {
		return d, true
	}
	if d, ok := parseCJKDate(s); ok {
		return d, true
	}
	all := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == ',' || r == '.' || r == '\u00a0'
	})
	fields := all[:0]
	for _, f := range all {
		if !fillers[f] {
			fields = append(fields, f)
		}
	}
	if len(fields) > 0 && weekdayNames[fields[0]] {
		fields = fields[1:]
	}
	// Drop a trailing time of day ("10:30", "am", "utc", "+0100").
	for len(fields) > 3 && isTimeToken(fields[len(fields)-1]) {
		fields = fields[:len(fields)-1]
	}
	if len(fields) != 3 {
		return "", false
	}
	var day, year int
	var month time.Month
	var ok bool
	if month, ok = monthNames[fields[1]]; ok { // 18 Jan 2022
		day, ok = dayNumber(fields[0])
	} else if month, ok = monthNames[fields[0]]; ok { // January 18, 2022
		day, ok = dayNumber(fields[1])
	}
	if !ok {
		return "", false
	}
	year, err := strconv.Atoi(fields[2])
	if err != nil || len(fields[2]) != 4 {
		return "", false
	}
	return makeDate(year, int(month), day) // refuses 31 February and year 0000
}

// dayNumber accepts "18", "18th", "1st".
func dayNumber(s string) (int, bool) {
	for _, suffix := range []string{"st", "nd", "rd", "th", "er", "º", "°"} {
		s = strings.TrimSuffix(s, suffix)
	}
	if len(s) == 0 || len(s) > 2 {
		return 0, false
	}
	d, err := strconv.Atoi(s)
	return d, err == nil && d >= 1 && d <= 31
}

func isTimeToken(s string) bool {
	switch s {
	case "am", "pm", "a", "m", "p", "utc", "gmt", "z", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "cet", "cest", "bst", "at", "et", "pt":
		return true
	}
	if intlTimeTokens[s] {
		return true
	}
	if strings.ContainsRune(s, ':') || strings.HasPrefix(s, "+") || strings.HasPrefix(s, "-") {
		return true
	}
	return false
}
