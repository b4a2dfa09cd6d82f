package review

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMakeCloze(t *testing.T) {
	for name, tc := range map[string]struct {
		text    string
		phrases []string
		want    string
		err     bool
	}{
		"one":             {"The mitochondria is the powerhouse", []string{"powerhouse"}, "The mitochondria is the {{c1::powerhouse}}", false},
		"two in order":    {"a b a b", []string{"a", "b"}, "{{c1::a}} {{c2::b}} a b", false},
		"repeat moves on": {"a b a b", []string{"a", "a"}, "{{c1::a}} b {{c2::a}} b", false},
		"earlier phrase":  {"alpha beta", []string{"beta", "alpha"}, "{{c2::alpha}} {{c1::beta}}", false},
		"unicode":         {"Die Straße ist naß", []string{"naß"}, "Die Straße ist {{c1::naß}}", false},
		"missing":         {"abc", []string{"x"}, "", true},
		"empty":           {"abc", []string{" "}, "", true},
		"marks":           {"a::b", []string{"a::b"}, "", true},
		"none":            {"abc", nil, "", true},
	} {
		t.Run(name, func(t *testing.T) {
			got, err := MakeCloze(tc.text, tc.phrases)
			if (err != nil) != tc.err || got != tc.want {
				t.Fatalf("MakeCloze = %q, %v; want %q (error %v)", got, err, tc.want, tc.err)
			}
			if err == nil && ClozePlain(got) != tc.text {
				t.Errorf("ClozePlain(%q) = %q; want the original", got, ClozePlain(got))
			}
		})
	}
}

func TestClozeMaskAndParse(t *testing.T) {
	s := "Paris is the {{c1::capital}} of {{c2::France::country}}; {{c}} and {{c3::}} stay."
	if got, want := ClozeMasked(s), "Paris is the […] of [country]; {{c}} and {{c3::}} stay."; got != want {
		t.Errorf("masked %q; want %q", got, want)
	}
	if got, want := ClozePlain(s), "Paris is the capital of France; {{c}} and {{c3::}} stay."; got != want {
		t.Errorf("plain %q; want %q", got, want)
	}
	parts := ParseCloze(s)
	var hidden []int
	for _, p := range parts {
		if p.Hidden {
			hidden = append(hidden, p.N)
		}
	}
	if len(hidden) != 2 || hidden[0] != 1 || hidden[1] != 2 {
		t.Errorf("hidden parts %v", hidden)
	}
}

func FuzzParseCloze(f *testing.F) {
	for _, s := range []string{"a {{c1::b}} c", "{{c12::x::y}}", "{{c", "{{c1::}}", "}}{{c1::a}}}", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		parts := ParseCloze(s)
		var total int
		for _, p := range parts {
			if p.Hidden && (p.Text == "" || p.N < 0) {
				t.Fatalf("bad hidden part %+v", p)
			}
			total += len(p.Text)
		}
		if total > len(s) {
			t.Fatalf("parts longer than the input")
		}
		// Without marks, the text comes back unchanged.
		if !strings.Contains(s, "{{c") && ClozePlain(s) != s {
			t.Fatalf("plain text changed: %q → %q", s, ClozePlain(s))
		}
		if utf8.ValidString(s) && !utf8.ValidString(ClozeMasked(s)) {
			t.Fatalf("masking broke UTF-8")
		}
	})
}

func TestContext(t *testing.T) {
	body := "Title line\nFirst one. Second one. The quoted bit is here. After one. After two. After three.\nNext para."
	q := "The quoted bit is here."
	start := utf8.RuneCountInString(body[:strings.Index(body, q)])
	end := start + utf8.RuneCountInString(q)
	before, after := Context(body, start, end, 1)
	if before != "Second one. " || after != " After one." {
		t.Errorf("1 sentence: %q | %q", before, after)
	}
	before, after = Context(body, start, end, 5)
	if before != "First one. Second one. " || after != " After one. After two. After three." {
		t.Errorf("paragraph bound: %q | %q", before, after)
	}
	if b, a := Context(body, 5, 2, 1); b != "" || a != "" {
		t.Error("a bad range must give no context")
	}
}

func TestStreak(t *testing.T) {
	days := map[string]int{"2026-03-01": 2, "2026-03-02": 1, "2026-03-03": 5, "2026-02-27": 1}
	for today, want := range map[string]int{"2026-03-03": 3, "2026-03-04": 3, "2026-03-05": 0, "2026-02-28": 1, "bad": 0} {
		if got := Streak(days, today); got != want {
			t.Errorf("Streak(%s) = %d; want %d", today, got, want)
		}
	}
}

func TestAddCloze(t *testing.T) {
	const q = "the cat saw the dog"
	for _, tc := range []struct {
		name, in string
		from, to int
		want     string
		err      string
	}{
		{"first mark", q, 12, 15, "the cat saw {{c1::the}} dog", ""}, // the second "the", where it was selected
		{"spaces stay out", q, 3, 8, "the {{c1::cat}} saw the dog", ""},
		{"numbered after the highest", "the {{c2::cat}} saw the dog", 16, 19, "the {{c2::cat}} saw the {{c3::dog}}", ""},
		{"hint kept", "{{c1::the::article}} cat", 4, 7, "{{c1::the::article}} {{c2::cat}}", ""},
		{"multibyte offsets are runes", "déjà vu again", 5, 7, "déjà {{c1::vu}} again", ""},
		{"already hidden", "the {{c1::cat}} saw", 4, 7, "", "already hidden"},
		{"runs into a mark", "the {{c1::cat}} saw", 0, 6, "", "already hidden"},
		{"only spaces", q, 3, 4, "", "no words"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := AddCloze(tc.in, tc.from, tc.to)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("AddCloze = %q, %v; want an error saying %q", got, err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("AddCloze = %q, %v; want %q", got, err, tc.want)
			}
			if ClozePlain(got) != ClozePlain(tc.in) {
				t.Errorf("the plain text changed: %q", ClozePlain(got))
			}
		})
	}
}

func TestMarkCuts(t *testing.T) {
	for _, tc := range [][4]string{
		{"It rained.", "Then it stopped.", "It rained.", "Then it stopped."},
		{"Because", ", so a review holds.", "Because …", "…, so a review holds."},
		{"", " because forgetting slows.", "", "… because forgetting slows."},
	} {
		b, a := MarkCuts(tc[0], tc[1])
		if b != tc[2] || a != tc[3] {
			t.Errorf("MarkCuts(%q, %q) = %q, %q; want %q, %q", tc[0], tc[1], b, a, tc[2], tc[3])
		}
	}
}
