package reader

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/storage/doc"
)

// hugeTable is a Markdown table of about mb megabytes: four columns, rows
// of a number, two short phrases and a figure (~75 bytes a row).
func hugeTable(mb int) string {
	var b strings.Builder
	b.WriteString("A table of measurements.\n\n| id | station | remark | value |\n|---|---|---|---:|\n")
	for i := 0; b.Len() < mb<<20; i++ {
		fmt.Fprintf(&b, "| %d | station number %d | reading taken at dawn | %d.%02d |\n", i, i%977, i%1000, i%100)
	}
	b.WriteString("\nAfter the table.\n")
	return b.String()
}

func hugeTableDoc(b *testing.B, mb int) Document {
	d, err := doc.Parse(hugeTable(mb))
	if err != nil {
		b.Fatal(err)
	}
	return Document{Title: "Huge table", Body: d.Text, Blocks: d.Blocks, Spans: d.Spans}
}

// BenchmarkFirstPaintTable15MB opens a 15 MB table (~200,000 rows), the
// largest a file import lets through: SetDocument, wrap, first frame.
func BenchmarkFirstPaintTable15MB(b *testing.B) {
	test.NewTempApp(b)
	d := hugeTableDoc(b, 15)
	defer reportCPU(b)()
	for b.Loop() {
		firstPaint(d, nil)
	}
}

// BenchmarkRewrapTable15MB re-wraps it on resize.
func BenchmarkRewrapTable15MB(b *testing.B) {
	test.NewTempApp(b)
	r := firstPaint(hugeTableDoc(b, 15), nil)
	r.SetReadingWidth(2000)
	widths := []float32{800, 1000, 640, 1200}
	i := 0
	defer reportCPU(b)()
	for b.Loop() {
		r.Resize(fyne.NewSize(widths[i%len(widths)], 600))
		i++
	}
}
