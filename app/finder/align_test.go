package finder

import (
	"context"
	"reflect"
	"slices"
	"testing"
)

// alignSerial is align as it was before the batches: one loop, the
// reference the batched align must equal.
func (f *Finder) alignSerial(q *query, res, pending []result, limit int) []result {
	slices.SortFunc(pending, better)
	heap := make([]result, 0, limit)
	for _, r := range res {
		pushBounded(&heap, r, limit)
	}
	var sc scratch
	for _, p := range pending {
		if len(heap) == limit && better(p, heap[0]) >= 0 {
			break
		}
		if s, ok := f.rate(int(p.idx), q, nil, &sc); ok {
			pushBounded(&heap, result{score: s, idx: p.idx}, limit)
		}
	}
	slices.SortFunc(heap, better)
	return heap
}

// TestAlignBatchedIsSerial: rating in batches on all cores keeps exactly
// the serial loop's results, over every item as pending.
func TestAlignBatchedIsSerial(t *testing.T) {
	items := append(libItems(5000), seeds...)
	f := New(items)
	for _, qs := range []string{"tme", "bdn rsa", "oc tr vu", "climate ch", "zq", "e", "gnva mtng"} {
		q := parse(qs)
		var pending []result
		for i := range items {
			if s, _, ok := f.bound(i, q); ok {
				pending = append(pending, result{score: s, idx: int32(i)})
			}
		}
		for _, limit := range []int{1, 20, 300} {
			want := f.alignSerial(q, nil, slices.Clone(pending), limit)
			got := f.align(context.Background(), q, nil, slices.Clone(pending), limit)
			if len(want) == 0 || !reflect.DeepEqual(got, want) {
				t.Fatalf("%q limit %d: batched %v, serial %v", qs, limit, got[:min(5, len(got))], want[:min(5, len(want))])
			}
		}
	}
}
