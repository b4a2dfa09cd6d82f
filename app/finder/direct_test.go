package finder

import (
	"context"
	"os"
	"reflect"
	"testing"
)

// TestMain makes every other test exercise the fast path, even on small
// item lists; TestDirectAndFastAgree covers sahilm's own path.
func TestMain(m *testing.M) {
	directMax = 0
	os.Exit(m.Run())
}

func TestDirectAndFastAgree(t *testing.T) {
	items := append(libItems(1500), special...)
	f := New(items)
	queries := []string{"a", "th", "cafe", "zoë", "東京", "gnva tlks", "report", "ü", "xq", "the long query that is over thirty two runes long"}
	for _, limit := range []int{0, 1, 20, 500} {
		for _, q := range queries {
			fast := f.Search(context.Background(), q, limit)
			direct := f.direct(context.Background(), q, limit)
			if !same(fast, direct) {
				t.Errorf("query %q limit %d: fast path and sahilm disagree (%d vs %d matches)", q, limit, len(fast), len(direct))
			}
			if limit == 0 && !same(direct, oracle(items, q)) {
				t.Errorf("query %q: direct path differs from the oracle", q)
			}
		}
	}
	// Search itself takes the direct path for small libraries.
	directMax = 2000
	defer func() { directMax = 0 }()
	if got, want := f.Search(context.Background(), "cafe", 10), f.direct(context.Background(), "cafe", 10); !same(got, want) || len(got) == 0 {
		t.Errorf("Search on a small library = %v, want sahilm's %v", got, want)
	}
}

// same compares match lists, an empty list equal to nil.
func same(a, b []Match) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	return reflect.DeepEqual(a, b)
}
