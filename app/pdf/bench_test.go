package pdf

import (
	"fmt"
	"os"
	"testing"
)

// benchPaper is a 10-page two-column paper with a running head and page
// numbers, about 3,000 characters a page.
func benchPaper() []byte {
	var pages []tpage
	for p := 0; p < 10; p++ {
		lines := []tline{{x: 200, y: 40, size: 8, text: fmt.Sprintf("Journal of Benchmarks 7 (2025) %d", 100+p)}}
		for col, x := range []float64{50, 320} {
			for i := 0; i < 48; i++ {
				text := fmt.Sprintf("column %d line %d of page %d says some words, then", col, i, p)
				if i%12 == 11 {
					text = "and ends the paragraph with a hyphen-"
				}
				lines = append(lines, tline{x: x, y: 80 + float64(i)*13, size: 9, text: text})
			}
		}
		lines = append(lines, tline{x: 300, y: 770, size: 9, text: fmt.Sprint(p + 1)})
		pages = append(pages, tpage{lines: lines})
	}
	return makePDF(pages, pdfOpts{})
}

// BenchmarkPDFPages is PDF import speed in pages a second: PDFium reading
// every character (the WebAssembly start-up done before the timer) and the
// layout into Markdown with page starts.
func BenchmarkPDFPages(b *testing.B) {
	data := benchPaper()
	if _, err := Parse("bench.pdf", data); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Parse("bench.pdf", data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(10*b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkPDFCorpus is the same on the corpus preprint (15 pages).
func BenchmarkPDFCorpus(b *testing.B) {
	data, err := os.ReadFile("../../../shared/corpus/pdf/arxiv-0807.3577.pdf")
	if err != nil {
		b.Skip("needs ../shared/corpus: pdf/arxiv-0807.3577.pdf")
	}
	d, err := Parse("paper.pdf", data)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Parse("paper.pdf", data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(d.Pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
}
