package anchor

import (
	"strings"
	"testing"
)

func TestReanchorLongQuote(t *testing.T) {
	words := strings.Fields(newArticle(3, 3).body())
	para := strings.Join(words, " ") // about 1,800 code points
	long := para + " " + para + " " + para + " MIDDLE " + para + " " + para + " " + para
	intro := "An introduction. "
	tests := map[string]struct {
		new    string
		status Status
		start  int
		exact  string
	}{
		"middle word changed, text inserted before": {
			new:    "Preface. " + intro + strings.Replace(long, "MIDDLE", "CENTRE", 1) + " The end.",
			status: Fuzzy, start: 9 + len(intro), exact: strings.Replace(long, "MIDDLE", "CENTRE", 1),
		},
		"a paragraph of it deleted": {
			new:    intro + strings.Replace(long, " MIDDLE "+para, " MIDDLE", 1) + " The end.",
			status: Fuzzy, start: len(intro), exact: strings.Replace(long, " MIDDLE "+para, " MIDDLE", 1),
		},
		"unchanged but moved": {
			new:    "Preface. " + intro + long + " The end.",
			status: Moved, start: 9 + len(intro), exact: long,
		},
		"its end deleted": {
			new:    intro + long[:len(long)/2] + " The end.",
			status: Orphaned,
		},
	}
	old := intro + long + " The end."
	sel, err := Describe(old, len(intro), len(intro)+len(long))
	if err != nil {
		t.Fatal(err)
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			r := Reanchor(old, tc.new, sel)
			checkPlaced(t, tc.new, r)
			if r.Status != tc.status {
				t.Fatalf("status %v, want %v", r.Status, tc.status)
			}
			if tc.status != Orphaned && (r.Selector.Start != tc.start || r.Selector.Exact != tc.exact) {
				t.Errorf("placed at %d (%d code points), want %d (%d code points)", r.Selector.Start, len(r.Selector.Exact), tc.start, len(tc.exact))
			}
		})
	}
}
