package cleanup

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// want is an expected proposal: the paragraph's index and the reason.
type want struct {
	index  int
	reason string
}

func proposalsOf(body string) []want {
	var out []want
	for _, p := range Propose(body) {
		out = append(out, want{p.Index, p.Reason})
	}
	return out
}

func readFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimRight(string(b), "\n")
}

// The fixtures mimic a news page pasted whole (pasted-news.txt) and an
// article about newsletters whose own paragraphs use every marker word
// (clean-article.txt): the first has exactly its debris proposed, the
// second nothing.
func TestProposeFixtures(t *testing.T) {
	tests := map[string][]want{
		"pasted-news.txt": {
			{0, "credit"},              // Photo: … as the first paragraph
			{3, "newsletter sign-up"},  // Sign up for the Morning Brief
			{4, "newsletter sign-up"},  // … delivered to your inbox
			{6, "read-more link"},      // Read more: …
			{8, "repeats paragraph 3"}, // the paste doubled a paragraph
			{9, "share prompt"},        // Share this article: …
			{11, "credit"},             // Image credit: …
			{12, "credit"},             // the author's bio after the last paragraph
			{13, "related links"},      // Related, then "-" separated headlines
			{14, "related links"},
			{15, "related links"},
			{16, "related links"},
			{17, "related links"},
		},
		"clean-article.txt": nil,
	}
	for name, wantProps := range tests {
		t.Run(name, func(t *testing.T) {
			body := readFixture(t, name)
			if got := proposalsOf(body); !reflect.DeepEqual(got, wantProps) {
				t.Errorf("Propose:\n got %v\nwant %v", got, wantProps)
			}
		})
	}
}

func TestProposeRules(t *testing.T) {
	long := "The minister said the talks had gone on for two years and that nobody in the room had expected an agreement before the summer, least of all the delegations from the north."
	tests := map[string]struct {
		paras []string
		want  []want
	}{
		"subscribe heading and its blurb": {
			paras: []string{long, "Subscribe to The Daily", "Escape your bubble. Get the facts behind the news.", long + " Again."},
			want:  []want{{1, "newsletter sign-up"}, {2, "newsletter sign-up"}}},
		"an article sentence after a sign-up heading stays": {
			paras: []string{long, "Sign up for the Morning Brief", "The agreement sets the lowest catch limits in a generation.", long + " Again."},
			want:  []want{{1, "newsletter sign-up"}}},
		"a word that only starts like a marker": {
			paras: []string{"Subscribers rose to 4,000 last year, the company said.", long},
		},
		"link-dense line": {
			paras: []string{long, "Follow the story at https://example.org/live and www.example.net/updates", long + " More."},
			want:  []want{{1, "link list"}}},
		"share buttons": {
			paras: []string{long, "Facebook Twitter LinkedIn", long + " More."},
			want:  []want{{1, "share prompt"}}},
		"a short repeated paragraph is not named": {
			paras: []string{long, "Speed Read", long + " Then.", "Speed Read"},
			want:  []want{{1, "read-more link"}, {3, "read-more link"}}},
		"repeats ignore case and spacing": {
			paras: []string{long, strings.ToUpper(long)},
			want:  []want{{1, "repeats paragraph 1"}}},
		"an embedded post and its credit stay": {
			paras: []string{long, "By @someone https://t.co/abc", "— Some One (@someone) January 7, 2022", long + " Then."},
		},
		"one separator is not a link list": {
			paras: []string{long, "-", long + " Then."},
		},
		"a bio early in the article is the article's": {
			paras: []string{"Jane Doe is a reporter at the Gazette who broke the story.", long},
		},
		"copyright notice, not copyright law": {
			paras: []string{"Copyright law protects the photos, the court said.", long, "© 2024 Example Media"},
			want:  []want{{2, "credit"}}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := proposalsOf(strings.Join(tc.paras, "\n\n")); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Propose:\n got %v\nwant %v", got, tc.want)
			}
		})
	}
}

func TestParagraphsAndRemove(t *testing.T) {
	body := "One é.\n\nTwo 日本.\n\nThree."
	ps := Paragraphs(body)
	r := []rune(body)
	if len(ps) != 3 {
		t.Fatalf("%d paragraphs", len(ps))
	}
	for i, p := range ps {
		if p.Index != i || string(r[p.Start:p.End]) != p.Text {
			t.Errorf("paragraph %d = %+v, the body there says %q", i, p, string(r[p.Start:p.End]))
		}
	}
	if got := At(body, ps[1].Start+1); got != 1 {
		t.Errorf("At inside paragraph 1 = %d", got)
	}
	if got := At(body, ps[0].End); got != -1 {
		t.Errorf("At on the blank line = %d, want -1", got)
	}
	for drop, want := range map[string]string{"1": "One é.\n\nThree.", "0": "Two 日本.\n\nThree.", "2": "One é.\n\nTwo 日本.", "012": ""} {
		m := map[int]bool{}
		for _, c := range drop {
			m[int(c-'0')] = true
		}
		if got := Remove(body, m); got != want {
			t.Errorf("Remove(%s) = %q, want %q", drop, got, want)
		}
	}
}

// FuzzPropose: any body, proposals in order, each on a real paragraph.
func FuzzPropose(f *testing.F) {
	f.Add("Sign up\n\n-\n\n-\n\nx")
	f.Add("a\n\n\n\nb")
	f.Fuzz(func(t *testing.T, body string) {
		ps := Paragraphs(body)
		last := -1
		for _, p := range Propose(body) {
			if p.Index <= last || p.Index >= len(ps) || ps[p.Index] != p.Paragraph || p.Reason == "" {
				t.Fatalf("bad proposal %+v after %d of %d paragraphs", p, last, len(ps))
			}
			last = p.Index
		}
	})
}

func BenchmarkPropose(b *testing.B) {
	body := strings.Repeat(readFixture(&testing.T{}, "pasted-news.txt")+"\n\n", 20)
	b.ResetTimer()
	for b.Loop() {
		Propose(body)
	}
}

func TestGroup(t *testing.T) {
	p := func(i int, r string) Proposal { return Proposal{Paragraph: Paragraph{Index: i}, Reason: r} }
	props := []Proposal{p(0, "credit"), p(3, reasonSignUp), p(4, reasonSignUp), p(5, reasonSignUp),
		p(6, reasonRelated), p(7, reasonRelated), p(8, reasonRelated), p(9, reasonRelated), p(11, reasonRelated),
		p(12, reasonLinks), p(13, reasonLinks)}
	var got [][]int
	for _, g := range Group(props) {
		var ids []int
		for _, x := range g {
			ids = append(ids, x.Index)
		}
		got = append(got, ids)
	}
	want := [][]int{{0}, {3}, {4}, {5}, {6, 7, 8, 9}, {11}, {12}, {13}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Group = %v, want %v", got, want)
	}
	if Group(nil) != nil {
		t.Error("Group(nil) is not empty")
	}
}
