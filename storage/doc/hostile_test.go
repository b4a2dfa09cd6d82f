package doc

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestHostile: inputs built to make a Markdown parser slow or deep are
// refused with one line, or parsed with their text intact.
func TestHostile(t *testing.T) {
	var nested strings.Builder
	for i := range 10000 {
		nested.WriteString(strings.Repeat(" ", 2*min(i, 40)))
		nested.WriteString("- x\n")
	}
	var table strings.Builder
	table.WriteString("| a | b | c |\n|---|---|---|\n")
	for table.Len() < 50<<20 {
		table.WriteString("| 1 | 2 | 3 |\n")
	}
	refused := []struct{ name, md, reason string }{
		{"10,000 nested lists on one line", strings.Repeat("- ", 10000) + "x", "nested more than 64 levels deep (line 1)"},
		{"10,000 nested quotes", strings.Repeat(">", 10000) + " x", "nested more than 64 levels deep (line 1)"},
		{"1,000 quotes, one more a line", growing(1000), "nested more than 64 levels deep (line 65)"},
		{"10,000 ordered levels", strings.Repeat("1. ", 10000) + "x", "nested more than 64 levels deep (line 1)"},
		{"a 50 MB table", table.String(), "Markdown too large (51 MB; limit 24 MB)"},
		{"not UTF-8", "a\xffb", "Markdown is not valid UTF-8"},
	}
	for _, tt := range refused {
		_, err := Parse(tt.md)
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(e.Reason, tt.reason) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: err = %v, want one line with %q", tt.name, err, tt.reason)
		}
	}
	// Forty levels, 10,000 lines: deep but real enough to read.
	d, err := Parse(nested.String())
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(d.Text, "x"); n != 10000 {
		t.Errorf("nested list kept %d of 10000 items", n)
	}
	deepest := 0
	for _, b := range d.Blocks {
		deepest = max(deepest, b.List)
	}
	if deepest != 41 {
		t.Errorf("deepest list level %d, want 41", deepest)
	}
}

func growing(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(">", i+1))
		b.WriteString(" x\n")
	}
	return b.String()
}

// TestTableLarge: a 2 MB table within the limit keeps every cell.
func TestTableLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("short: a 2 MB table takes a second")
	}
	var b strings.Builder
	b.WriteString("| a | b |\n|---|---|\n")
	rows := 0
	for b.Len() < 2<<20 {
		fmt.Fprintf(&b, "| %d | y |\n", rows)
		rows++
	}
	d, err := Parse(b.String())
	if err != nil {
		t.Fatal(err)
	}
	cells := 0
	for _, blk := range d.Blocks {
		if blk.Kind == Cell {
			cells++
		}
	}
	if cells != 2*(rows+1) {
		t.Errorf("%d cells, want %d", cells, 2*(rows+1))
	}
}

// structured makes a Markdown article of about words words with every block
// kind, the way a long web article converted to Markdown looks.
func structured(words int) string {
	r := rand.New(rand.NewPCG(7, 7))
	vocab := strings.Fields("the of a research method result data sample analysis theory effect model study group evidence measure value system process change reading memory attention language")
	var b strings.Builder
	n := 0
	sentence := func(k int) {
		for i := range k {
			if i > 0 {
				b.WriteByte(' ')
			}
			w := vocab[r.IntN(len(vocab))]
			switch r.IntN(40) {
			case 0:
				w = "*" + w + "*"
			case 1:
				w = "**" + w + "**"
			case 2:
				w = "`" + w + "`"
			case 3:
				w = "[" + w + "](https://example.org/" + w + ")"
			}
			b.WriteString(w)
			n++
		}
		b.WriteString(".")
	}
	for sec := 0; n < words; sec++ {
		fmt.Fprintf(&b, "## Section %d\n\n", sec)
		for range 4 {
			sentence(60)
			b.WriteString("\n\n")
		}
		for i := range 4 {
			b.WriteString(strings.Repeat("  ", i%2) + "- ")
			sentence(8)
			b.WriteString("\n")
		}
		b.WriteString("\n> ")
		sentence(30)
		b.WriteString("\n\n```go\nfunc f() int {\n\treturn 1\n}\n```\n\n| name | value |\n|---|---:|\n| a | 1 |\n| b | 2 |\n\n")
	}
	return b.String()
}

func BenchmarkParse50k(b *testing.B) {
	src := structured(50000)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Parse(src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeDecode50k(b *testing.B) {
	d, err := Parse(structured(50000))
	if err != nil {
		b.Fatal(err)
	}
	enc := Encode(d)
	b.ReportMetric(float64(len(enc)), "bytes/list")
	for b.Loop() {
		if _, err := Decode(Encode(d), d.Text); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEscape50k(b *testing.B) {
	d, err := Parse(structured(50000))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		Escape(d.Text)
	}
}
