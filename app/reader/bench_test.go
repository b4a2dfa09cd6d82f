package reader

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/storage/doc"
)

// synthetic50k builds a ~50,000-word article of ~300 paragraphs of
// pseudo-random words, some of them non-ASCII, and 1,000 highlights over it.
func synthetic50k() (string, []Highlight) {
	rng := rand.New(rand.NewPCG(1, 2))
	vocab := []string{"the", "of", "and", "negotiation", "Geneva", "café", "naïve", "“quoted”", "東京",
		"résumé", "security", "alliance", "missile", "deployment", "talks", "Ukraine", "señor", "Zürich",
		"a", "in", "to", "was", "emoji🎉", "straße", "über", "diplomacy", "sanctions", "exercise"}
	for i := range 3000 { // a realistic spread of distinct words
		vocab = append(vocab, fmt.Sprintf("w%dx%d", i, rng.IntN(1000)))
	}
	var b strings.Builder
	words := 0
	for p := 0; p < 300; p++ {
		if p > 0 {
			b.WriteString("\n\n")
		}
		n := 120 + rng.IntN(100)
		for i := range n {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(vocab[rng.IntN(len(vocab))])
		}
		b.WriteByte('.')
		words += n
	}
	body := b.String()
	total := len([]rune(body))
	hs := make([]Highlight, 1000)
	for i := range hs {
		s := rng.IntN(total - 200)
		hs[i] = Highlight{ID: int64(i + 1), Start: s, End: s + 10 + rng.IntN(150), Color: DefaultColors[i%5]}
	}
	return body, hs
}

// firstPaint is SetDocument, sizing and creating the visible objects on a
// fresh widget (its word-width cache starts cold).
func firstPaint(doc Document, hs []Highlight) *Reader {
	r := NewReader()
	r.SetDocument(doc)
	r.SetHighlights(hs)
	rend := test.WidgetRenderer(r)
	r.Resize(fyne.NewSize(800, 600))
	rend.Layout(r.Size())
	return r
}

func reportHeap(b *testing.B, doc Document, hs []Highlight) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r := firstPaint(doc, hs)
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/(1<<20), "MB-heap")
	runtime.KeepAlive(r)
}

func BenchmarkFirstPaintSOTU(b *testing.B) {
	test.NewTempApp(b)
	_, body := longestSOTU(b)
	doc := Document{Title: "State of the Union", Meta: "1981", Body: body}
	cpu := reportCPU(b)
	for b.Loop() {
		firstPaint(doc, nil)
	}
	cpu()
	reportHeap(b, doc, nil)
}

func BenchmarkFirstPaint50k(b *testing.B) {
	test.NewTempApp(b)
	body, hs := synthetic50k()
	doc := Document{Title: "Synthetic", Meta: "bench", Body: body}
	cpu := reportCPU(b)
	for b.Loop() {
		firstPaint(doc, hs)
	}
	cpu()
	reportHeap(b, doc, hs)
}

func BenchmarkRewrap50k(b *testing.B) {
	test.NewTempApp(b)
	body, hs := synthetic50k()
	r := firstPaint(Document{Title: "Synthetic", Body: body}, hs)
	r.SetReadingWidth(2000) // let the column follow the window width
	widths := []float32{800, 1000, 640, 1200}
	i := 0
	defer reportCPU(b)()
	for b.Loop() {
		r.Resize(fyne.NewSize(widths[i%len(widths)], 600))
		i++
	}
}

func BenchmarkScrollStep50k(b *testing.B) {
	test.NewTempApp(b)
	body, hs := synthetic50k()
	r := firstPaint(Document{Title: "Synthetic", Body: body}, hs)
	r.ScrollToOffset(r.nRunes / 2)
	step := 3 * r.metrics().lineH
	i := 0
	defer reportCPU(b)()
	for b.Loop() {
		dy := -step // wheel down
		if i%200 >= 100 {
			dy = step
		}
		r.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: dy}})
		i++
	}
}

// BenchmarkFirstPaintCold50k measures the 50k article with the driver's
// own text-size cache empty too (a fresh app per iteration): the cost of the
// very first article opened. Run it with -benchtime 3x.
func BenchmarkFirstPaintCold50k(b *testing.B) {
	body, hs := synthetic50k()
	doc := Document{Title: "Synthetic", Meta: "bench", Body: body}
	for b.Loop() {
		b.StopTimer()
		test.NewTempApp(b)
		fyne.MeasureText("font loading is paid once per process", 14, fyne.TextStyle{})
		fyne.MeasureText("font loading is paid once per process", 14*1.7, fyne.TextStyle{Bold: true})
		b.StartTimer()
		firstPaint(doc, hs)
	}
}

// structured50k turns synthetic50k's paragraphs into a Markdown article with
// headings, lists, quotes and code, parses it, and spreads 1,000 highlights
// over its reading text.
func structured50k(b *testing.B) (Document, []Highlight) {
	body, _ := synthetic50k()
	var md strings.Builder
	for i, p := range strings.Split(body, "\n\n") {
		words := strings.Fields(p)
		switch {
		case i%9 == 0:
			md.WriteString("## " + strings.Join(words[:6], " ") + "\n\n")
			md.WriteString(doc.EscapeInline(p))
		case i%7 == 0:
			for k := 0; k+40 <= len(words); k += 40 {
				md.WriteString(strings.Repeat("  ", k/40%2) + "- " + doc.EscapeInline(strings.Join(words[k:k+40], " ")) + "\n")
			}
		case i%11 == 0:
			md.WriteString("> " + doc.EscapeInline(p))
		case i%13 == 0:
			md.WriteString("```\n")
			for k := 0; k+12 <= len(words); k += 12 {
				md.WriteString(strings.Join(words[k:k+12], " ") + "\n")
			}
			md.WriteString("```")
		default:
			md.WriteString(doc.EscapeInline(p))
		}
		md.WriteString("\n\n")
	}
	d, err := doc.Parse(md.String())
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	total := len([]rune(d.Text))
	hs := make([]Highlight, 1000)
	for i := range hs {
		s := rng.IntN(total - 200)
		hs[i] = Highlight{ID: int64(i + 1), Start: s, End: s + 10 + rng.IntN(150), Color: DefaultColors[i%5]}
	}
	return Document{Title: "Structured", Meta: "bench", Body: d.Text, Blocks: d.Blocks}, hs
}

func BenchmarkFirstPaintStructured50k(b *testing.B) {
	test.NewTempApp(b)
	d, hs := structured50k(b)
	defer reportCPU(b)()
	for b.Loop() {
		firstPaint(d, hs)
	}
}

func BenchmarkRewrapStructured50k(b *testing.B) {
	test.NewTempApp(b)
	d, hs := structured50k(b)
	r := firstPaint(d, hs)
	r.SetReadingWidth(2000)
	widths := []float32{800, 1000, 640, 1200}
	i := 0
	defer reportCPU(b)()
	for b.Loop() {
		r.Resize(fyne.NewSize(widths[i%len(widths)], 600))
		i++
	}
}

// rich50k is structured50k's article with inline marks in its paragraphs
// (every seventh word emphasised, strong, code, struck or a link), a
// table every 17th paragraph and a Hebrew paragraph every 19th.
func rich50k(b *testing.B) (Document, []Highlight) {
	body, _ := synthetic50k()
	marks := []func(string) string{
		func(w string) string { return "*" + w + "*" },
		func(w string) string { return "**" + w + "**" },
		func(w string) string { return "`" + w + "`" },
		func(w string) string { return "~~" + w + "~~" },
		func(w string) string { return "[" + w + "](https://example.com/" + w + ")" },
	}
	hebrew := strings.Repeat("שלום עולם, זו פסקה בעברית שנכתבת מימין לשמאל. ", 12)
	var md strings.Builder
	for i, p := range strings.Split(body, "\n\n") {
		words := strings.Fields(p)
		switch {
		case i%9 == 0:
			md.WriteString("## " + doc.EscapeInline(strings.Join(words[:6], " ")) + "\n\n")
		case i%17 == 0:
			md.WriteString("| " + strings.Join(words[:4], " | ") + " |\n|---|---|---|---|\n")
			for k := 4; k+4 <= len(words) && k < 80; k += 4 {
				md.WriteString("| " + doc.EscapeInline(strings.Join(words[k:k+4], " | ")) + " |\n")
			}
			md.WriteString("\n")
			continue
		case i%19 == 0:
			md.WriteString(hebrew + "\n\n")
			continue
		}
		for k, w := range words {
			if k > 0 {
				md.WriteByte(' ')
			}
			w = doc.EscapeInline(w)
			if k%7 == 3 && !strings.ContainsAny(w, "\\`*_[]") {
				w = marks[(i+k)%len(marks)](w)
			}
			md.WriteString(w)
		}
		md.WriteString("\n\n")
	}
	d, err := doc.Parse(md.String())
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	total := len([]rune(d.Text))
	hs := make([]Highlight, 1000)
	for i := range hs {
		s := rng.IntN(total - 200)
		hs[i] = Highlight{ID: int64(i + 1), Start: s, End: s + 10 + rng.IntN(150), Color: DefaultColors[i%5]}
	}
	return Document{Title: "Rich", Meta: "bench", Body: d.Text, Blocks: d.Blocks, Spans: d.Spans}, hs
}

func BenchmarkFirstPaintRich50k(b *testing.B) {
	test.NewTempApp(b)
	d, hs := rich50k(b)
	cpu := reportCPU(b)
	for b.Loop() {
		firstPaint(d, hs)
	}
	cpu()
	reportHeap(b, d, hs)
}

func BenchmarkRewrapRich50k(b *testing.B) {
	test.NewTempApp(b)
	d, hs := rich50k(b)
	r := firstPaint(d, hs)
	r.SetReadingWidth(2000)
	widths := []float32{800, 1000, 640, 1200}
	i := 0
	defer reportCPU(b)()
	for b.Loop() {
		r.Resize(fyne.NewSize(widths[i%len(widths)], 600))
		i++
	}
}
