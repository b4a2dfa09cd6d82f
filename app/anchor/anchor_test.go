package anchor

import (
	"strings"
	"testing"
)

func TestDescribe(t *testing.T) {
	long := strings.Repeat("a", 40) + "QUOTE" + strings.Repeat("b", 40)
	tests := map[string]struct {
		body       string
		start, end int
		want       Selector
		wantErr    bool
	}{
		"middle": {body: "one two three", start: 4, end: 7,
			want: Selector{Start: 4, End: 7, Exact: "two", Prefix: "one ", Suffix: " three"}},
		"whole body": {body: "abc", start: 0, end: 3,
			want: Selector{Start: 0, End: 3, Exact: "abc"}},
		"context is cut to ContextLen": {body: long, start: 40, end: 45,
			want: Selector{Start: 40, End: 45, Exact: "QUOTE", Prefix: strings.Repeat("a", 32), Suffix: strings.Repeat("b", 32)}},
		"code points not bytes": {body: "café 日本語 🙂 ok", start: 5, end: 8,
			want: Selector{Start: 5, End: 8, Exact: "日本語", Prefix: "café ", Suffix: " 🙂 ok"}},
		"emoji is one code point": {body: "a🙂b", start: 1, end: 2,
			want: Selector{Start: 1, End: 2, Exact: "🙂", Prefix: "a", Suffix: "b"}},
		"empty range":    {body: "abc", start: 1, end: 1, wantErr: true},
		"reversed range": {body: "abc", start: 2, end: 1, wantErr: true},
		"negative start": {body: "abc", start: -1, end: 1, wantErr: true},
		"past the end":   {body: "日本", start: 1, end: 3, wantErr: true},
		"empty body":     {body: "", start: 0, end: 0, wantErr: true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := Describe(tc.body, tc.start, tc.end)
			if (err != nil) != tc.wantErr {
				t.Fatalf("Describe(%q, %d, %d) error = %v, want error %v", tc.body, tc.start, tc.end, err, tc.wantErr)
			}
			if !tc.wantErr && got != tc.want {
				t.Errorf("Describe(%q, %d, %d) = %+v, want %+v", tc.body, tc.start, tc.end, got, tc.want)
			}
		})
	}
}

func TestLocate(t *testing.T) {
	tests := map[string]struct {
		body, quote string
		start, end  int
		ok          bool
	}{
		"first of two": {body: "to be or not to be", quote: "to be", start: 0, end: 5, ok: true},
		"later":        {body: "to be or not to be", quote: "not", start: 9, end: 12, ok: true},
		"after CJK":    {body: "日本語のテキスト", quote: "テキスト", start: 4, end: 8, ok: true},
		"after emoji":  {body: "🙂🙂 smile", quote: "smile", start: 3, end: 8, ok: true},
		"accented":     {body: "résumé and café", quote: "café", start: 11, end: 15, ok: true},
		"absent":       {body: "abc", quote: "d"},
		"empty quote":  {body: "abc", quote: ""},
		"empty body":   {body: "", quote: "a"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			s, e, ok := Locate(tc.body, tc.quote)
			if s != tc.start || e != tc.end || ok != tc.ok {
				t.Errorf("Locate(%q, %q) = %d, %d, %v; want %d, %d, %v", tc.body, tc.quote, s, e, ok, tc.start, tc.end, tc.ok)
			}
		})
	}
}

func TestStatusString(t *testing.T) {
	tests := map[string]struct {
		s    Status
		want string
	}{
		"exact":    {Exact, "exact"},
		"moved":    {Moved, "moved"},
		"fuzzy":    {Fuzzy, "fuzzy"},
		"orphaned": {Orphaned, "orphaned"},
		"unknown":  {Status(9), "Status(9)"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := tc.s.String(); got != tc.want {
				t.Errorf("String() = %q, want %q", got, tc.want)
			}
		})
	}
}
