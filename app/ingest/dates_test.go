package ingest

import "testing"

func TestParseDate(t *testing.T) {
	tests := map[string]struct {
		in   string
		want string // "" when in is not a date
	}{
		"RFC 1123 day":          {"Tue, 18 Jan 2022", "2022-01-18"},
		"long weekday":          {"Tuesday, 18 January 2022", "2022-01-18"},
		"day month year":        {"18 January 2022", "2022-01-18"},
		"US month day year":     {"January 18, 2022", "2022-01-18"},
		"abbreviated with dot":  {"Jan. 18, 2022", "2022-01-18"},
		"ordinal":               {"18th Jan 2022", "2022-01-18"},
		"ISO":                   {"2022-01-18", "2022-01-18"},
		"ISO datetime":          {"2022-01-18T23:30:00-05:00", "2022-01-18"},
		"ISO with space":        {"2022-01-18 10:30", "2022-01-18"},
		"slashes year first":    {"2022/01/18", "2022-01-18"},
		"with time and zone":    {"Tue, 18 Jan 2022 10:30 GMT", "2022-01-18"},
		"US with a.m. ET":       {"January 18, 2022 10:30 a.m. ET", "2022-01-18"},
		"surrounding spaces":    {"  18 Jan 2022  ", "2022-01-18"},
		"no day":                {"January 2022", ""},
		"no year":               {"18 January", ""},
		"two-digit year":        {"18 Jan 22", ""},
		"impossible day":        {"30 February 2022", ""},
		"weekday alone":         {"Tuesday", ""},
		"a sentence":            {"Talks began on 18 January 2022 in Geneva", ""},
		"a title with a number": {"Biden Team Cannot Tame Russia", ""},
		"empty":                 {"", ""},
		"ambiguous numeric":     {"01/02/2022", ""},
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
