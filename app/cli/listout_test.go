package cli

import (
	"bytes"
	"fmt"
	"testing"

	"scholia/storage"
)

// TestWriteListMatchesFormat: the buffered list prints exactly the
// "%6d  %s" line and the metaLine line for every shape of summary.
func TestWriteListMatchesFormat(t *testing.T) {
	fields := []string{"", "Plain", "  padded  ", "tab\there", "esc\x1b[2J", "bidi\u202eevil", "Déjà vu", "\xff"}
	tagSets := [][]string{nil, {"a"}, {"foreign policy", "x y z"}, {"\x07bell"}}
	var sums []storage.Summary
	for i := 0; i < 300; i++ {
		sums = append(sums, storage.Summary{
			ID: int64([]int{1, 42, 123456, 9999999, 7}[i%5]), Title: fields[i%len(fields)],
			Source: fields[(i/2)%len(fields)], Author: fields[(i/3)%len(fields)], Published: fields[(i/5)%len(fields)],
			Tags: tagSets[(i/7)%len(tagSets)], Highlights: []int{0, 1, 2, 5000}[(i/11)%4],
		})
	}
	var want bytes.Buffer
	for _, s := range sums {
		fmt.Fprintf(&want, "%6d  %s\n", s.ID, line(s.Title))
		if meta := metaLine(s.Source, s.Author, s.Published, s.Tags, s.Highlights); meta != "" {
			fmt.Fprintf(&want, "        %s\n", meta)
		}
	}
	var got bytes.Buffer
	if err := writeList(&got, sums); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Fatalf("writeList differs from the list format\n--- want\n%s\n--- got\n%s", want.String(), got.String())
	}
}
