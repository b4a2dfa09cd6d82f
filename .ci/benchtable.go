//go:build ignore

// benchtable turns `go test -bench` output into the table of PRODUCT.md's
// performance figures: go run .ci/benchtable.go < bench.out
package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
)

// row is one figure: the benchmark (name without the -N CPU suffix), the
// metric it reports, and the target it is held to.
type row struct {
	figure, bench, metric, target string
}

var rows = []row{
	{"Fuzzy filter per keystroke, 10k titles (p50 / p95)", "BenchmarkTyping10k/limit=500", "ms-p50|ms-p95", "p95 ≤ 5 ms"},
	{"Fuzzy filter per keystroke, 100k titles (p50 / p95)", "BenchmarkTyping100k/limit=500", "ms-p50|ms-p95", "p95 ≤ 15 ms"},
	{"  sahilm/fuzzy Find alone, 100k titles (p50 / p95)", "BenchmarkSahilmFind100k", "ms-p50|ms-p95", "(baseline)"},
	{"Finder ranking, labelled set: MRR / top-1 (pairs)", "BenchmarkRanking/scholia", "MRR|top1-%|pairs", "MRR ≥ 0.97, top-1 ≥ 95 %"},
	{"  plain sahilm/fuzzy on the same set", "BenchmarkRanking/sahilm", "MRR|top1-%", "(reference)"},
	{"  fzf's algorithm (FuzzyMatchV2) on the same set", "BenchmarkRanking/fzf", "MRR|top1-%", "(reference)"},
	{"Full-text query, 100k articles, rare word (p50 / p95)", "BenchmarkSearch100k/rare", "ms-p50|ms-p95", "p95 ≤ 20 ms"},
	{"  the same FTS5 query alone (p50 / p95)", "BenchmarkSearch100k/rare-direct", "ms-p50|ms-p95", "(baseline)"},
	{"Full-text query, 100k articles, common word (p50 / p95)", "BenchmarkSearch100k/common", "ms-p50|ms-p95", "p95 ≤ 20 ms"},
	{"  the same FTS5 query alone (p50 / p95)", "BenchmarkSearch100k/common-direct", "ms-p50|ms-p95", "(baseline)"},
	{"Full-text query, 100k articles, phrase (p50 / p95)", "BenchmarkSearch100k/phrase", "ms-p50|ms-p95", "p95 ≤ 20 ms"},
	{"  the same FTS5 query alone (p50 / p95)", "BenchmarkSearch100k/phrase-direct", "ms-p50|ms-p95", "(baseline)"},
	{"Full-text query, 100k articles, prefix (p50 / p95)", "BenchmarkSearch100k/prefix", "ms-p50|ms-p95", "p95 ≤ 20 ms"},
	{"  the same FTS5 query alone (p50 / p95)", "BenchmarkSearch100k/prefix-direct", "ms-p50|ms-p95", "(baseline)"},
	{"Full-text query, 100k articles, two words (p50 / p95)", "BenchmarkSearch100k/two-words", "ms-p50|ms-p95", "p95 ≤ 20 ms"},
	{"  the same FTS5 query alone (p50 / p95)", "BenchmarkSearch100k/two-words-direct", "ms-p50|ms-p95", "(baseline)"},
	{"Slowest runaway query (pasted paragraph, 3,000 a*, …), 100k articles", "BenchmarkSearchWorst100k", "ms-worst", "≤ 1 s"},
	{"Import, 5 KB .txt articles with the full-text index", "BenchmarkImport", "articles/s", "≥ 4,000/s"},
	{"  .txt parsing alone", "BenchmarkTxt", "articles/s", ""},
	{"Kindle import, 100,000 clippings into an empty library", "BenchmarkKindleImport100k", "clippings/s", "≥ 20,000/s"},
	{"  Kindle parsing alone", "BenchmarkKindleParse100k", "clippings/s", ""},
	{"HTML import (Scholia's importer / readability alone)", "BenchmarkHTML", "pages/s", "≥ 0.8× readability"},
	{"  readability alone", "BenchmarkReadabilityOnly", "pages/s", "(baseline)"},
	{"EPUB import, a 40-chapter book (zip, OPF, nav, chapters)", "BenchmarkBooks", "books/s", ""},
	{"PDF import, 10-page two-column paper (PDFium WebAssembly + layout)", "BenchmarkPDFPages", "pages/s", ""},
	{"  the corpus preprint (15 pages)", "BenchmarkPDFCorpus", "pages/s", ""},
	{"Fetched page to article (no network)", "BenchmarkArticle", "ms/op", ""},
	{"Encoding detection + decoding, 30 KB of Windows-1251", "BenchmarkDetectEncoding", "ms/op", ""},
	{"Markdown export, 10k articles into a vault", "BenchmarkMarkdown10k/vault", "articles/s", "≥ 10,000/s"},
	{"Markdown export, 10k articles to one file", "BenchmarkMarkdown10k/one-file", "articles/s", "≥ 10,000/s"},
	{"W3C JSON export, 10k articles", "BenchmarkW3C10k/write", "articles/s", ""},
	{"Open a 33k-word article (SOTU), first paint", "BenchmarkFirstPaintSOTU", "ms/op", "≤ 100 ms"},
	{"Open a 50k-word article with 1,000 highlights, first paint", "BenchmarkFirstPaint50k", "ms/op", "≤ 100 ms"},
	{"  the same with Fyne's text cache cold", "BenchmarkFirstPaintCold50k", "ms/op", "≤ 100 ms"},
	{"Open a 50k-word structured article (headings, lists, quotes), first paint", "BenchmarkFirstPaintStructured50k", "ms/op|cpu-ms/op", "≤ 100 ms"},
	{"Open a 50k-word rich article (emphasis, links, tables), first paint", "BenchmarkFirstPaintRich50k", "ms/op|cpu-ms/op", "≤ 100 ms"},
	{"Open a 50k-word article with ~200 pictures, first paint", "BenchmarkFirstPaintIllustrated50k", "ms/op", "≤ 100 ms"},
	{"Re-wrap the 50k-word article after a resize", "BenchmarkRewrap50k", "ms/op", "≤ 50 ms"},
	{"One scroll step in it", "BenchmarkScrollStep50k", "ms/op", "≤ 2 ms"},
	{"Heap held by the open 50k-word article", "BenchmarkFirstPaint50k", "MB-heap", "≤ 20 MB"},
	{"Re-anchor 1,000 highlights after an edit (50k words)", "BenchmarkReanchor1000", "ms/op", "well under 1 s"},
	{"Edit + re-anchor + save 1,000 highlights", "BenchmarkEdit1000", "ms/op", ""},
	{"Map a paper's 40 page starts through an edit in 200 places (100k characters)", "BenchmarkMapPages", "ms/op", ""},
	{"Cold load of 100k titles, tags and counts", "BenchmarkLoadTitles100k", "ms-open+titles", "≤ 300 ms"},
	{"Cold start to a usable sidebar, 100k articles", "BenchmarkColdStart100k", "ms-to-sidebar", "≤ 1 s"},
}

func main() {
	metrics := map[string]map[string]float64{}
	cpu := ""
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "cpu:") {
			cpu = strings.TrimSpace(strings.TrimPrefix(line, "cpu:"))
		}
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name := f[0]
		if i := strings.LastIndex(name, "-"); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		m := map[string]float64{}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			m[f[i+1]] = v
			if f[i+1] == "ns/op" {
				m["ms/op"] = v / 1e6
			}
		}
		metrics[name] = m
	}
	fmt.Printf("Machine: %s, %d cores, %s/%s.\n\n", cpu, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH)
	fmt.Println("| Figure | Measured | Target |")
	fmt.Println("|---|---|---|")
	for _, r := range rows {
		m, ok := metrics[r.bench]
		val := "not run"
		if ok {
			var parts []string
			for _, k := range strings.Split(r.metric, "|") {
				if v, ok := m[k]; ok {
					parts = append(parts, format(v, k))
				}
			}
			val = strings.Join(parts, " / ")
		}
		fmt.Printf("| %s | %s | %s |\n", r.figure, val, r.target)
	}
}

func format(v float64, unit string) string {
	switch {
	case strings.HasPrefix(unit, "ms"):
		if v < 1 {
			return strconv.FormatFloat(v*1000, 'f', 0, 64) + " µs"
		}
		return strconv.FormatFloat(v, 'f', 1, 64) + " ms"
	case unit == "cpu-ms/op": // CPU time: steadier than wall time on a shared machine
		return strconv.FormatFloat(v, 'f', 1, 64) + " ms CPU"
	case unit == "MRR":
		return strconv.FormatFloat(v, 'f', 3, 64)
	case unit == "top1-%":
		return strconv.FormatFloat(v, 'f', 1, 64) + " %"
	case unit == "pairs":
		return "(" + strconv.FormatFloat(v, 'f', 0, 64) + " pairs)"
	case strings.HasPrefix(unit, "MB"):
		return strconv.FormatFloat(v, 'f', 1, 64) + " MB"
	default:
		return strconv.FormatFloat(v, 'f', 0, 64) + " " + unit
	}
}
