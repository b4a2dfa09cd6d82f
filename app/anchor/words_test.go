package anchor

import (
	"strings"
	"testing"
)

func TestMidWord(t *testing.T) {
	// "|" marks the offset asked about.
	tests := map[string]bool{
		"Alm|ost":       true,
		"Almost| 100":   false,
		"Almost |100":   false,
		"100|,000":      true,
		"100,|000":      true,
		"3|.5":          true,
		"end|. Next":    false,
		"end.| Next":    false,
		"don|'t":        true,
		"don'|t":        true,
		"don’|t":        true,
		"'|quoted'":     false,
		"rock|-solid":   false,
		"rock-|solid":   false,
		"e|\u0301t":     true, // a combining acute accent stays with its letter
		"é|t":           true,
		"東京|は":          false, // every ideograph is a word of its own
		"東|京":           false,
		"abc|東":         false,
		"snake|_case":   true,
		"Привет|мир":    true,
		"Привет| мир":   false,
		"|start":        false,
		"end|":          false,
		"x2|y":          true,
		"العربية|":      false,
		"ال|عربية":      true,
		"🙂|🙂":           false,
		"ﾃｷｽﾄ|":         false,
		"one.|two":      false,
		"quote“|Almost": false,
	}
	for in, want := range tests {
		i := strings.Index(in, "|")
		r := []rune(in[:i] + in[i+1:])
		p := len([]rune(in[:i]))
		if got := midWord(r, p); got != want {
			t.Errorf("midWord(%q) = %v, want %v", in, got, want)
		}
	}
}

// speech is the kind of news paragraph the issue was found on.
const speech = "The Kremlin denies any plan to invade. Almost 100,000 Russian troops are massed near the border, officials say, and more are on the way."

var wholeWordCases = map[string]reanchorCase{
	"first word replaced: the replacement is taken in": {
		old: speech, new: strings.Replace(speech, "Almost", "Nearly", 1),
		quote: "Almost 100,000 Russian troops are massed", status: Fuzzy,
		start: 39, exact: "Nearly 100,000 Russian troops are massed"},
	"first word replaced by a longer one": {
		old: speech, new: strings.Replace(speech, "Almost", "Approximately", 1),
		quote: "Almost 100,000 Russian troops are massed near the border", status: Fuzzy,
		start: 39, exact: "Approximately 100,000 Russian troops are massed near the border"},
	"first word deleted: starts at the next word": {
		old: speech, new: strings.Replace(speech, "Almost 100,000", "100,000", 1),
		quote: "Almost 100,000 Russian troops are massed", status: Fuzzy,
		start: 39, exact: "100,000 Russian troops are massed"},
	"last word replaced": {
		old: speech, new: strings.Replace(speech, "massed", "gathered", 1),
		quote: "Almost 100,000 Russian troops are massed", status: Fuzzy,
		start: 39, exact: "Almost 100,000 Russian troops are gathered"},
	"last word deleted: ends at the word before": {
		old: speech, new: strings.Replace(speech, "are massed near", "are near", 1),
		quote: "Almost 100,000 Russian troops are massed", status: Fuzzy,
		start: 39, exact: "Almost 100,000 Russian troops are"},
	"both end words replaced": {
		old: speech, new: strings.Replace(strings.Replace(speech, "Almost", "Nearly", 1), "massed", "gathered", 1),
		quote: "Almost 100,000 Russian troops are massed near the border", status: Fuzzy,
		start: 39, exact: "Nearly 100,000 Russian troops are gathered near the border"},
	"made mid-word: keeps its cut": {
		old: speech, new: strings.Replace(speech, "Russian", "Russia's", 1),
		quote: "most 100,000 Russian troops are mass", status: Fuzzy,
		start: 41, exact: "most 100,000 Russia's troops are mass"},
	"CJK: an ideograph replaced at the start": {
		old:   "首相は東京で会見を開き、新しい経済対策を発表した。",
		new:   "首相は大阪で会見を開き、新しい経済対策を発表した。",
		quote: "東京で会見を開き、新しい経済対策", status: Fuzzy,
		start: 3, exact: "大阪で会見を開き、新しい経済対策"},
	"combining accent kept with its letter": {
		old:   "Le cafe\u0301 e\u0301tait tre\u0300s bon et la serveuse souriait.",
		new:   "Le the\u0301 e\u0301tait tre\u0300s bon et la serveuse souriait.",
		quote: "cafe\u0301 e\u0301tait tre\u0300s bon et la", status: Fuzzy,
		start: 3, exact: "the\u0301 e\u0301tait tre\u0300s bon et la"},
	"an exact copy that now ends a longer word takes the word in": {
		old:   "He spoke. Almost all troops left the town today.",
		new:   "He spoke. XAlmost all troops left the town today.",
		quote: "Almost all troops left the town", status: Fuzzy,
		start: 10, exact: "XAlmost all troops left the town"},
	"text glued to the quote's last word at the end of the body is taken in": {
		old:   "He spoke of almost all the troops",
		new:   "He spoke of almost all the troopships",
		quote: "almost all the troops", status: Fuzzy,
		start: 12, exact: "almost all the troopships"},
}

func TestReanchorWholeWords(t *testing.T) {
	for name, tc := range wholeWordCases {
		t.Run(name, func(t *testing.T) {
			sel := selectNth(t, tc.old, tc.quote, tc.nth)
			got := Reanchor(tc.old, tc.new, sel)
			checkPlaced(t, tc.new, got)
			if got.Status != tc.status {
				t.Fatalf("status = %v, want %v (result %+v)", got.Status, tc.status, got)
			}
			if tc.status == Orphaned {
				return
			}
			s := got.Selector
			end := tc.start + len([]rune(tc.exact))
			if s.Exact != tc.exact || s.Start != tc.start || s.End != end {
				t.Errorf("placed at [%d,%d) %q, want [%d,%d) %q", s.Start, s.End, s.Exact, tc.start, end, tc.exact)
			}
		})
	}
}
