package ingest

import (
	"regexp"
	"testing"
	"unicode/utf8"
)

func TestParseDateOtherLanguages(t *testing.T) {
	tests := map[string]struct {
		in   string
		want string // "" when in is not a date
	}{
		"German numeric":          {"18.01.2022", "2022-01-18"},
		"German numeric short":    {"8.1.2022", "2022-01-08"},
		"German long":             {"18. Januar 2022", "2022-01-18"},
		"German weekday":          {"Dienstag, 18. Januar 2022", "2022-01-18"},
		"German Umlaut":           {"3. März 2021", "2021-03-03"},
		"German with time":        {"18. Januar 2022 um 10:30 Uhr", "2022-01-18"},
		"Austrian":                {"18. Jänner 2022", "2022-01-18"},
		"French":                  {"18 janvier 2022", "2022-01-18"},
		"French weekday":          {"mardi 18 janvier 2022", "2022-01-18"},
		"French first":            {"1er février 2022", "2022-02-01"},
		"French août":             {"15 août 2021", "2021-08-15"},
		"French le":               {"le 18 janvier 2022", "2022-01-18"},
		"Spanish":                 {"18 de enero de 2022", "2022-01-18"},
		"Spanish weekday":         {"martes, 18 de enero de 2022", "2022-01-18"},
		"Spanish with time":       {"18 de enero de 2022 a las 10:30", "2022-01-18"},
		"Portuguese":              {"18 de janeiro de 2022", "2022-01-18"},
		"Italian":                 {"18 gennaio 2022", "2022-01-18"},
		"Dutch":                   {"18 januari 2022", "2022-01-18"},
		"Russian":                 {"18 января 2022", "2022-01-18"},
		"Russian with г.":         {"18 января 2022 г.", "2022-01-18"},
		"Russian weekday":         {"вторник, 18 января 2022", "2022-01-18"},
		"Polish":                  {"18 stycznia 2022 r.", "2022-01-18"},
		"Czech":                   {"18. ledna 2022", "2022-01-18"},
		"Chinese/Japanese":        {"2022年1月18日", "2022-01-18"},
		"Japanese padded":         {"2022年01月18日", "2022-01-18"},
		"Japanese weekday":        {"2022年1月18日（火）", "2022-01-18"},
		"Chinese weekday":         {"2022年1月18日 星期二", "2022-01-18"},
		"Korean":                  {"2022년 1월 18일", "2022-01-18"},
		"ISO":                     {"2022-01-18", "2022-01-18"},
		"impossible dotted":       {"31.02.2022", ""},
		"dotted month 13":         {"18.13.2022", ""},
		"dotted two-digit year":   {"18.01.22", ""},
		"version number":          {"1.2.3", ""},
		"IP-like":                 {"10.0.0.1", ""},
		"impossible CJK":          {"2022年2月30日", ""},
		"CJK sentence":            {"2022年1月18日に会談が始まった。両国の代表は", ""},
		"CJK no day":              {"2022年1月", ""},
		"French sentence":         {"Les négociations du 18 janvier 2022 à Genève", ""},
		"Spanish no year":         {"18 de enero", ""},
		"Russian month alone":     {"января 2022", ""},
		"fillers only":            {"de de de", ""},
		"German title with dates": {"Die Gespräche vom 18. Januar 2022", ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, ok := parseDate(tc.in)
			if got != tc.want || ok != (tc.want != "") {
				t.Errorf("parseDate(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
			}
		})
	}
}

// TestDateLineOtherLanguages: a pasted article's date line becomes the
// published date, and the headline after it the title.
func TestDateLineOtherLanguages(t *testing.T) {
	for _, line := range []string{"18.01.2022", "18. Januar 2022", "18 janvier 2022", "18 de enero de 2022", "18 января 2022", "2022年1月18日"} {
		d, err := Parse("4f3a9c0d1e2b.txt", []byte(line+"\n\nGespräche in Genf\n\nDie Vertreter trafen sich."))
		if err != nil {
			t.Fatal(err)
		}
		if d.Published != "2022-01-18" || d.Title != "Gespräche in Genf" || d.Body != "Die Vertreter trafen sich." {
			t.Errorf("%q: published %q, title %q, body %q", line, d.Published, d.Title, d.Body)
		}
	}
}

var isoDate = regexp.MustCompile(`^[12][0-9]{3}-[01][0-9]-[0-3][0-9]$`)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"18.01.2022", "18. Januar 2022", "18 de enero de 2022", "18 января 2022 г.", "2022年1月18日", "2022년 1월 18일", "Tue, 18 Jan 2022", "1.2.3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := parseDate(s)
		if !ok {
			if got != "" {
				t.Errorf("parseDate(%q) = %q but not ok", s, got)
			}
			return
		}
		if !isoDate.MatchString(got) {
			t.Errorf("parseDate(%q) = %q, not YYYY-MM-DD", s, got)
		}
		if utf8.ValidString(s) && len(s) > 60 {
			t.Errorf("parseDate accepted a %d-byte line", len(s))
		}
		if again, ok2 := parseDate(got); !ok2 || again != got {
			t.Errorf("parseDate(%q) = %q, which parses back as %q, %v", s, got, again, ok2)
		}
	})
}
