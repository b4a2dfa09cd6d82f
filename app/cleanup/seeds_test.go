package cleanup

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/app/ingest"
	"scholia/app/internal/seedtest"
)

// seedWant is an expected proposal on a seed: paragraph index (of the body
// as imported: the title and a leading date line are not in it), the
// paragraph's first words, and the reason.
type seedWant struct {
	index  int
	starts string
	reason string
}

// seedProposals is what the preview must propose for each seed, written
// down after reading every seed. Every paragraph not listed is the
// article's own and must not be proposed. Notes per seed:
//
//   - 000 (The Week): the "Subscribe to The Week" block with its blurb, the
//     "Sign up for The Week's Free Newsletters" block whose second paragraph
//     is pasted twice, the "free daily email" sign-up, the author's bio,
//     and the "-" separated Speed Read / related-links tail.
//   - 001: the image credit pasted as the first paragraph ("Published by
//     the European Commission at https://… Creative Commons …"). "Will
//     this lead to chaos." is the article's dek, not debris.
//   - 002: the closing "Read the Whole Article" link.
//   - 003: only the "[WATCH/COMMENTARY] …" teaser at the end. The embedded
//     tweets stay whole: their "— Name (@handle) date" lines credit the
//     quoted words, and "By @raymcgovern https://t.co/…" is a tweet's text;
//     cutting them would make someone else's words look like the article's.
//   - 004: "SEE ALSO: …", the RFE/RL copyright notice and the page's tail
//     ("More US News", "Access More", the "Sign up for US News" box).
var seedProposals = map[string][]seedWant{
	"000_511c416c13706c58.txt": append([]seedWant{
		{3, "Subscribe to The Week", "newsletter sign-up"},
		{4, "Escape your echo chamber.", "newsletter sign-up"},
		{5, "Sign up for The Week's Free Newsletters", "newsletter sign-up"},
		{6, "From our morning news briefing", "newsletter sign-up"},
		{7, "From our morning news briefing", "newsletter sign-up; repeats paragraph 7"},
		{13, "A free daily email", "newsletter sign-up"},
		{14, "Grayson Quay was the weekend editor", "credit"},
	}, relatedTail(15, 47)...),
	"001_5f423ee80351fc58.txt": {
		{0, "Published by the European Commission at https://www.youtube.com", "credit"},
	},
	"002_c65dbe9fc39c2b3a.txt": {
		{6, "Read the Whole Article", "read-more link"},
	},
	"003_1cd65cf2135fe1ee.txt": {
		{12, "[WATCH/COMMENTARY] Mary Trump", "related links"},
	},
	"004_010dcf98ec07f859.txt": {
		{9, "SEE ALSO: NATO Should Put Troops", "read-more link"},
		{14, "Copyright (c) 2018. RFE/RL", "credit"},
		{15, "More US News", "link list"},
		{16, "Access More", "link list"},
		{17, "Sign up for US News", "newsletter sign-up"},
		{18, "a daily newsletter full of things", "newsletter sign-up"},
	},
}

// relatedTail is seed 000's related-links list: paragraphs from..to.
func relatedTail(from, to int) []seedWant {
	var out []seedWant
	for i := from; i <= to; i++ {
		out = append(out, seedWant{index: i, reason: "related links"})
	}
	return out
}

func TestProposeSeeds(t *testing.T) {
	files := seedtest.Files(t)
	if len(files) != len(seedProposals) {
		t.Fatalf("%d seeds, expectations for %d", len(files), len(seedProposals))
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			want, ok := seedProposals[name]
			if !ok {
				t.Fatalf("no expectations written for seed %s", name)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			d, err := ingest.Parse(name, data)
			if err != nil {
				t.Fatal(err)
			}
			got := Propose(d.Body)
			byIndex := map[int]Proposal{}
			for _, p := range got {
				byIndex[p.Index] = p
			}
			expected := map[int]bool{}
			for _, w := range want {
				expected[w.index] = true
				p, ok := byIndex[w.index]
				switch {
				case !ok:
					t.Errorf("paragraph %d (%q…) not proposed, want %q", w.index, w.starts, w.reason)
				case !strings.HasPrefix(p.Text, w.starts) || p.Reason != w.reason:
					t.Errorf("paragraph %d = %q (%s), want one starting %q (%s)", w.index, short(p.Text), p.Reason, w.starts, w.reason)
				}
			}
			for _, p := range got {
				if !expected[p.Index] {
					t.Errorf("false positive: the article's own paragraph %d %q proposed as %s", p.Index, short(p.Text), p.Reason)
				}
			}
			// Applying the whole proposal leaves exactly the article.
			drop := map[int]bool{}
			for _, p := range got {
				drop[p.Index] = true
			}
			kept := Paragraphs(Remove(d.Body, drop))
			if len(kept)+len(got) != len(Paragraphs(d.Body)) {
				t.Errorf("after removal %d paragraphs remain of %d, %d proposed", len(kept), len(Paragraphs(d.Body)), len(got))
			}
		})
	}
}

func short(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
