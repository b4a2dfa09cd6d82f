package edit_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"scholia/app/edit"
	"scholia/app/ingest"
	"scholia/app/internal/seedtest"
	"scholia/app/libgen"
	"scholia/storage"
)

// TestSeeds imports each seed, highlights ten passages of about eight words
// spread through its article paragraphs, deletes every boilerplate line and
// checks that each highlight still sits on its exact words where they went.
func TestSeeds(t *testing.T) { seedEdits(t, seedtest.OwnFiles(t)) }

// TestCorpusSeeds is the same on the shared corpus's seeds.
func TestCorpusSeeds(t *testing.T) { seedEdits(t, seedtest.Files(t)) }

func seedEdits(t *testing.T, files []string) {
	ctx := context.Background()
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			doc, err := ingest.File(file)
			if err != nil {
				t.Fatal(err)
			}
			s := openStore(t)
			a := storage.Article{Title: doc.Title, Body: doc.Body}
			if err := s.CreateArticle(ctx, &a); err != nil {
				t.Fatal(err)
			}
			paras := strings.Split(a.Body, "\n\n")
			var keep []int
			for i := range paras {
				if !seedtest.IsBoilerplate(paras, i) {
					keep = append(keep, i)
				}
			}
			if len(keep) == len(paras) {
				t.Fatal("no boilerplate found: the test would prove nothing")
			}
			// Where each kept paragraph starts, before and after the cut.
			oldAt, newAt := paraStarts(paras), map[int]int{}
			var kept []string
			n := 0
			for _, i := range keep {
				newAt[i] = n
				n += utf8.RuneCountInString(paras[i]) + 2
				kept = append(kept, paras[i])
			}
			type planned struct {
				h        storage.Highlight
				para, at int
			}
			var plan []planned
			for _, sp := range spots(paras, keep[1:], 10) {
				r := []rune(paras[sp.para])
				h := highlightNth(t, s, a, string(r[sp.from:sp.to]), 0)
				if h.Start != oldAt[sp.para]+sp.from {
					// The words occur earlier too: highlight the planned copy.
					if err := s.DeleteHighlight(ctx, h.ID); err != nil {
						t.Fatal(err)
					}
					continue
				}
				plan = append(plan, planned{h, sp.para, sp.from})
			}
			if len(plan) < 8 {
				t.Fatalf("only %d highlights planned", len(plan))
			}
			rep, err := edit.Apply(ctx, s, a.ID, a, strings.Join(kept, "\n\n"))
			if err != nil {
				t.Fatal(err)
			}
			if rep.Orphaned != 0 || rep.Fuzzy != 0 {
				t.Errorf("report %s (%d fuzzy): every highlight should keep its exact words", rep.Summary(), rep.Fuzzy)
			}
			body, _ := s.Article(ctx, a.ID)
			r := []rune(body.Body)
			for _, p := range plan {
				got, err := s.Highlight(ctx, p.h.ID)
				if err != nil {
					t.Fatal(err)
				}
				want := newAt[p.para] + p.at
				if got.Orphaned || got.Start != want || got.Quote != p.h.Quote || string(r[got.Start:got.End]) != p.h.Quote {
					t.Errorf("highlight %q: now [%d,%d) %q orphaned=%v, want it at %d", p.h.Quote, got.Start, got.End, got.Quote, got.Orphaned, want)
				}
			}
		})
	}
}

func paraStarts(paras []string) map[int]int {
	out, n := map[int]int{}, 0
	for i, p := range paras {
		out[i] = n
		n += utf8.RuneCountInString(p) + 2
	}
	return out
}

type spot struct{ para, from, to int }

// spots spreads n passages of about eight words evenly through the given
// paragraphs, each starting on a word.
func spots(paras []string, keep []int, n int) []spot {
	total := 0
	for _, i := range keep {
		total += utf8.RuneCountInString(paras[i])
	}
	var out []spot
	for h := range n {
		target := (2*h + 1) * total / (2 * n)
		for _, i := range keep {
			r := []rune(paras[i])
			if target >= len(r) {
				target -= len(r)
				continue
			}
			from := target
			for from > 0 && !unicode.IsSpace(r[from-1]) {
				from--
			}
			to, words := from, 0
			for to < len(r) && words < 8 {
				if to++; to == len(r) || unicode.IsSpace(r[to]) {
					words++
				}
			}
			out = append(out, spot{i, from, to})
			break
		}
	}
	return out
}

// BenchmarkEdit1000 is one save of an edited 50k-word article carrying
// 1,000 highlights: loading them, re-anchoring every one and writing the
// article and highlights in one transaction. Iterations alternate between
// the edited and the original text, so each one is a real edit.
func BenchmarkEdit1000(b *testing.B) {
	ctx := context.Background()
	s := openStore(b)
	g := libgen.LongArticle(7, 50_000, 1000)
	bs := []storage.Bundle{{Article: g.Article, Highlights: g.Highlights}}
	if _, err := s.ImportBundles(ctx, bs); err != nil {
		b.Fatal(err)
	}
	a := bs[0].Article
	paras := strings.Split(a.Body, "\n\n")
	// A realistic cut: a paragraph inserted at the top, one in the middle
	// deleted, a word fixed in another.
	mid := len(paras) / 2
	edited := append([]string{"An editor's note added at the top of the text."}, paras[:mid]...)
	edited = append(edited, paras[mid+1:]...)
	edited[mid+5] = strings.Replace(edited[mid+5], " ", "  x ", 1)
	bodies := []string{strings.Join(edited, "\n\n"), a.Body}
	for i := 0; b.Loop(); i++ {
		rep, err := edit.Apply(ctx, s, a.ID, a, bodies[i%2])
		if err != nil {
			b.Fatal(err)
		}
		if rep.Exact+rep.Moved+rep.Fuzzy+rep.Orphaned != 1000 {
			b.Fatalf("report %+v does not account for 1000 highlights", rep)
		}
	}
}
