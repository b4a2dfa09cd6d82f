package link

import (
	"errors"
	"strings"
	"testing"
)

var parseCases = map[string]struct {
	in      string
	want    Link
	wantErr string // a part of the error; "" for none
}{
	"article and highlight": {in: "scholia://open?article=12&highlight=34", want: Link{12, 34}},
	"article only":          {in: "scholia://open?article=7", want: Link{Article: 7}},
	"keys in either order":  {in: "scholia://open?highlight=3&article=9", want: Link{9, 3}},
	"scheme and action in capitals": {
		in: "SCHOLIA://Open?article=5&highlight=6", want: Link{5, 6}},
	"trailing slash":         {in: "scholia://open/?article=5", want: Link{Article: 5}},
	"opaque form":            {in: "scholia:open?article=5", want: Link{Article: 5}},
	"surrounding blanks":     {in: "  scholia://open?article=5\n", want: Link{Article: 5}},
	"unknown keys ignored":   {in: "scholia://open?article=5&v=2", want: Link{Article: 5}},
	"escaped digits":         {in: "scholia://open?article=%31%32", want: Link{Article: 12}},
	"largest ID":             {in: "scholia://open?article=9223372036854775807", want: Link{Article: 9223372036854775807}},
	"wrong scheme":           {in: "https://open?article=1", wantErr: `the scheme is "https"`},
	"no scheme":              {in: "open?article=1", wantErr: "has no scheme"},
	"file path":              {in: "/home/me/notes.md", wantErr: "has no scheme"},
	"other action":           {in: "scholia://delete?article=1", wantErr: `"delete" is not an action`},
	"a path after open":      {in: "scholia://open/x?article=1", wantErr: "not an action"},
	"user info":              {in: "scholia://me@open?article=1", wantErr: "not an action"},
	"fragment":               {in: "scholia://open?article=1#top", wantErr: "unexpected #top"},
	"no article":             {in: "scholia://open?highlight=3", wantErr: "no article=ID"},
	"empty query":            {in: "scholia://open", wantErr: "no article=ID"},
	"article twice":          {in: "scholia://open?article=1&article=2", wantErr: "article given 2 times"},
	"article not a number":   {in: "scholia://open?article=abc", wantErr: `article="abc" is not an ID`},
	"article empty":          {in: "scholia://open?article=", wantErr: `article="" is not an ID`},
	"article zero":           {in: "scholia://open?article=0", wantErr: "not an ID"},
	"article negative":       {in: "scholia://open?article=-4", wantErr: "not an ID"},
	"article with plus":      {in: "scholia://open?article=+4", wantErr: "not an ID"},
	"leading zero":           {in: "scholia://open?article=012", wantErr: "not an ID"},
	"article too large":      {in: "scholia://open?article=9223372036854775808", wantErr: "not an ID"},
	"highlight not a number": {in: "scholia://open?article=1&highlight=x", wantErr: `highlight="x" is not an ID`},
	"highlight empty":        {in: "scholia://open?article=1&highlight=", wantErr: `highlight="" is not an ID`},
	"semicolon separator":    {in: "scholia://open?article=1;highlight=2", wantErr: "malformed query"},
	"bad escape":             {in: "scholia://open?article=%zz", wantErr: "malformed query"},
	"control character":      {in: "scholia://open?article=1\x00", wantErr: "not a Scholia link"},
	"too long":               {in: "scholia://open?article=1&x=" + strings.Repeat("a", MaxLen), wantErr: "longer than 2048 bytes"},
}

func TestParse(t *testing.T) {
	for name, tc := range parseCases {
		t.Run(name, func(t *testing.T) {
			got, err := Parse(tc.in)
			if tc.wantErr == "" {
				if err != nil {
					t.Fatalf("Parse(%q): %v", tc.in, err)
				}
				if got != tc.want {
					t.Fatalf("Parse(%q) = %+v, want %+v", tc.in, got, tc.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("Parse(%q) = %+v, want an error with %q", tc.in, got, tc.wantErr)
			}
			if !strings.Contains(err.Error(), tc.wantErr) || !errors.Is(err, ErrNotLink) {
				t.Fatalf("Parse(%q) error %q, want one wrapping ErrNotLink with %q", tc.in, err, tc.wantErr)
			}
			if strings.ContainsAny(err.Error(), "\n\r") {
				t.Fatalf("error is not one line: %q", err)
			}
		})
	}
}

func TestStringRoundTrips(t *testing.T) {
	for _, l := range []Link{{1, 0}, {12, 34}, {9223372036854775807, 9223372036854775807}} {
		got, err := Parse(l.String())
		if err != nil || got != l {
			t.Errorf("Parse(%q) = %+v, %v; want %+v", l.String(), got, err, l)
		}
	}
	if s := (Link{12, 34}).String(); s != "scholia://open?article=12&highlight=34" {
		t.Errorf("String() = %q", s)
	}
}

func TestIsLink(t *testing.T) {
	for s, want := range map[string]bool{
		"scholia://open?article=1": true, "Scholia:x": true, "scholia:": true,
		"scholia.md": false, "/tmp/scholia://x": false, "12": false, "": false,
	} {
		if got := IsLink(s); got != want {
			t.Errorf("IsLink(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzParse checks that whatever Parse accepts is a valid link that prints
// back to a URL Parse reads the same, and that its errors stay one line.
func FuzzParse(f *testing.F) {
	for _, tc := range parseCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := Parse(s)
		if err != nil {
			if strings.ContainsAny(err.Error(), "\n\r") || !errors.Is(err, ErrNotLink) {
				t.Fatalf("Parse(%q) error %q", s, err)
			}
			return
		}
		if l.Article <= 0 || l.Highlight < 0 {
			t.Fatalf("Parse(%q) = %+v: IDs must be positive", s, l)
		}
		again, err := Parse(l.String())
		if err != nil || again != l {
			t.Fatalf("round trip of %q: %+v, %v", s, again, err)
		}
	})
}
