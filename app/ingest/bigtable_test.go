package ingest

import (
	"fmt"
	"strings"
	"testing"

	"scholia/storage/doc"
)

// bigTable is a Markdown table of at least mb megabytes; it returns the rows.
func bigTable(mb int) (string, int) {
	var b strings.Builder
	b.WriteString("Readings.\n\n| id | station | remark | value |\n|---|---|---|---:|\n")
	rows := 0
	for ; b.Len() < mb<<20; rows++ {
		fmt.Fprintf(&b, "| %d | station %d | reading taken at dawn | %d.%02d |\n", rows, rows%977, rows%1000, rows%100)
	}
	return b.String(), rows
}

// TestBigTables: a 50 MB table (as Markdown or HTML) is refused by size in
// one line before any parsing; a 15 MB one, under the limit, imports with
// every row, its blocks stored and read back without a reparse.
func TestBigTables(t *testing.T) {
	md50, _ := bigTable(50)
	html50 := "<html><body><table>" + strings.Repeat("<tr><td>1</td><td>station</td><td>reading taken at dawn</td></tr>\n", 50<<20/70) + "</table></body></html>"
	for name, src := range map[string]string{"table.md": md50, "table.html": html50} {
		_, err := Parse(name, []byte(src))
		want := fmt.Sprintf("%s: file too large (%d MB; limit 20 MB)", name, (len(src)+1<<20-1)>>20)
		if err == nil || err.Error() != want {
			t.Errorf("%s: err = %v, want %q", name, err, want)
		}
	}
	if testing.Short() {
		t.Skip("short: a 15 MB table takes seconds")
	}
	md15, rows := bigTable(15)
	d, err := Parse("table.md", []byte(md15))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(d.Body, "reading taken at dawn"); got != rows {
		t.Fatalf("%d of %d rows kept", got, rows)
	}
	back, err := doc.Decode(d.Blocks, d.Body)
	if err != nil {
		t.Fatal(err)
	}
	cells := 0
	for _, b := range back.Blocks {
		if b.Kind == doc.Cell {
			cells++
		}
	}
	if cells != 4*(rows+1) {
		t.Errorf("%d cells stored, want %d", cells, 4*(rows+1))
	}
}
