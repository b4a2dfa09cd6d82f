package reader

import (
	"image"
	"image/color"
	"os"
	"path/filepath"
	"scholia/app/internal/seedtest"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// pixelAt returns the captured colour at widget position p.
func pixelAt(img image.Image, p fyne.Position) color.NRGBA {
	scale := float32(img.Bounds().Dx()) / 800
	return color.NRGBAModel.Convert(img.At(int(p.X*scale), int(p.Y*scale))).(color.NRGBA)
}

// blend composes c at alpha a over opaque bg.
func blend(bg, c color.Color, a uint8) color.NRGBA {
	b := color.NRGBAModel.Convert(bg).(color.NRGBA)
	f := color.NRGBAModel.Convert(c).(color.NRGBA)
	mix := func(x, y uint8) uint8 { return uint8((int(x)*(255-int(a)) + int(y)*int(a)) / 255) }
	return color.NRGBA{R: mix(b.R, f.R), G: mix(b.G, f.G), B: mix(b.B, f.B), A: 0xff}
}

func near(a, b color.NRGBA, tol int) bool {
	d := func(x, y uint8) bool { return int(x)-int(y) <= tol && int(y)-int(x) <= tol }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B)
}

func TestHighlightPixels(t *testing.T) {
	body := "Plain words first, then highlighted words here, then plain words again."
	r, w := newTestReader(t, body)
	hs := runeIndex(t, body, "highlighted")
	he := hs + utf8.RuneCountInString("highlighted words")
	plain := runeIndex(t, body, "plain words")
	r.SetHighlights([]Highlight{{ID: 1, Start: hs, End: he, Color: DefaultColors[0]}})
	lh := r.metrics().lineH
	bg := r.themeColor(theme.ColorNameBackground)

	// Probe the space after a word (no ink there) and the strip just inside
	// the top of the line, above the glyphs.
	probes := func(o int) []fyne.Position {
		a, b := r.PositionOf(o), r.PositionOf(o+1)
		return []fyne.Position{{X: (a.X + b.X) / 2, Y: a.Y}, {X: a.X + 2, Y: a.Y - lh/2 + 1}}
	}
	tests := map[string]struct {
		selected bool
		offset   int
		want     color.NRGBA
	}{
		"highlighted":          {false, hs + utf8.RuneCountInString("highlighted"), blend(bg, DefaultColors[0], 0x66)},
		"selected highlight":   {true, hs + utf8.RuneCountInString("highlighted"), blend(bg, DefaultColors[0], 0xa0)},
		"plain word untouched": {false, plain + 5, blend(bg, bg, 0)},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if tc.selected {
				r.SelectHighlight(1)
			} else {
				r.SelectHighlight(0)
			}
			img := w.Canvas().Capture()
			for _, p := range probes(tc.offset) {
				if got := pixelAt(img, p); !near(got, tc.want, 6) {
					t.Errorf("pixel at %v = %v, want %v", p, got, tc.want)
				}
			}
		})
	}
}

func TestSelectionPixels(t *testing.T) {
	body := "Some text to select on screen."
	r, w := newTestReader(t, body)
	bg := r.themeColor(theme.ColorNameBackground)
	sel := color.NRGBAModel.Convert(r.themeColor(theme.ColorNameSelection)).(color.NRGBA)
	r.SetSelection(5, 9)
	p := r.PositionOf(6) // inside "text", in the strip above the glyphs
	p.Y -= r.metrics().lineH/2 - 1
	if got, want := pixelAt(w.Canvas().Capture(), p), blend(bg, color.NRGBA{sel.R, sel.G, sel.B, 0xff}, sel.A); !near(got, want, 6) {
		t.Fatalf("selection pixel %v, want %v", got, want)
	}
}

// checkLayout asserts that lines tile each paragraph exactly and that no
// line's text is wider than the column (bar a lone character).
func checkLayout(t *testing.T, r *Reader) {
	t.Helper()
	l := &r.lay
	for li := l.bodyLine; li < len(l.lines); li++ {
		ln := l.lines[li]
		b := l.blocks[ln.block]
		if li == l.bodyLine || l.lines[li-1].block != ln.block {
			if int(ln.rStart) != b.base || ln.bStart != 0 {
				t.Fatalf("line %d does not start its paragraph", li)
			}
		} else if prev := l.lines[li-1]; prev.rEnd != ln.rStart || prev.bEnd != ln.bStart {
			t.Fatalf("line %d does not follow line %d", li, li-1)
		}
		if li+1 == len(l.lines) || l.lines[li+1].block != ln.block {
			if int(ln.rEnd) != b.base+b.runes {
				t.Fatalf("line %d does not end its paragraph", li)
			}
		}
		txt := b.text[ln.bStart:ln.bEnd]
		if got := utf8.RuneCountInString(txt); got != int(ln.rEnd-ln.rStart) {
			t.Fatalf("line %d: %d runes for range %d", li, got, ln.rEnd-ln.rStart)
		}
		ink := int(ln.rEnd) - (len(txt) - len(strings.TrimRight(txt, " \t")))
		if w := r.xOf(li, ink); w > l.wrapW+0.5 && ink-int(ln.rStart) > 1 {
			t.Fatalf("line %d is %v wide, column %v: %q", li, w, l.wrapW, txt)
		}
	}
}

func TestLayoutEdgeCases(t *testing.T) {
	tests := map[string]struct {
		body      string
		width     float32
		minLines  int
		roundtrip bool
	}{
		"empty":          {"", 800, 0, false},
		"only newlines":  {"\n\n\n", 800, 0, false},
		"cjk no spaces":  {strings.Repeat("東京都の天気は晴れです。", 200), 800, 20, true},
		"overlong word":  {"start " + strings.Repeat("x", 3000) + " end", 800, 10, true},
		"tabs":           {"col1\tcol2\t\tcol3 and text", 800, 1, true},
		"emoji":          {strings.Repeat("fun 🎉 party 👩‍👩‍👧 time ", 100), 800, 5, false},
		"narrow window":  {strings.Repeat("narrow column text ", 200), 160, 100, true},
		"many paragraph": {strings.Repeat("A short paragraph.\n\n", 300), 800, 300, true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			r, w := newTestReader(t, tc.body)
			w.Resize(fyne.NewSize(tc.width, 600))
			checkLayout(t, r)
			if n := len(r.lay.lines) - r.lay.bodyLine; n < tc.minLines {
				t.Fatalf("%d body lines, want at least %d", n, tc.minLines)
			}
			if got := r.Text(0, r.nRunes); got != tc.body {
				t.Fatalf("Text(0,n) does not give the body back")
			}
			for _, o := range []int{0, 1, 5, 9, 37, 501, r.nRunes / 2, r.nRunes - 1} {
				if !tc.roundtrip || o >= r.nRunes || r.runeAt(o) == '\n' {
					continue
				}
				if got := r.OffsetAt(r.PositionOf(o)); got != o {
					t.Errorf("OffsetAt(PositionOf(%d)) = %d", o, got)
				}
			}
		})
	}
}

func TestLongestSOTU(t *testing.T) {
	path, body := longestSOTU(t)
	longParagraph(t, path, body)
}

// TestLongParagraph is TestLongestSOTU on a generated paragraph of the
// same size (33,000 words).
func TestLongParagraph(t *testing.T) {
	longParagraph(t, "generated", seedtest.OneParagraph(33_000))
}

func longParagraph(t *testing.T, path, body string) {
	r, w := newTestReader(t, body)
	checkLayout(t, r)
	if len(r.lay.blocks)-r.lay.firstBody != 1 {
		t.Fatalf("%s: %d paragraphs, want 1", path, len(r.lay.blocks)-r.lay.firstBody)
	}
	s := r.nRunes - 500
	r.ScrollToOffset(s)
	dragSelect(w, r, s, s+40)
	if a, b := r.Selection(); a != s || b != s+40 {
		t.Fatalf("selection %d,%d, want %d,%d", a, b, s, s+40)
	}
}

// longestSOTU reads the largest address of the corpus, or skips.
func longestSOTU(tb testing.TB) (string, string) {
	tb.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "sotu")
	ents, err := os.ReadDir(dir)
	if err != nil {
		tb.Skipf(seedtest.SkipNoCorpus+"the State of the Union addresses are not at %s (%v)", dir, err)
	}
	best, size := "", int64(-1)
	for _, e := range ents {
		if info, err := e.Info(); err == nil && strings.HasSuffix(e.Name(), ".txt") && info.Size() > size {
			best, size = filepath.Join(dir, e.Name()), info.Size()
		}
	}
	data, err := os.ReadFile(best)
	if err != nil {
		tb.Skipf(seedtest.SkipNoCorpus+"unreadable: %v", err)
	}
	return best, string(data)
}

func TestThemeSwitchRecolours(t *testing.T) {
	r, _ := newTestReader(t, "Some body text.")
	for name, th := range map[string]fyne.Theme{"light": theme.LightTheme(), "dark": theme.DarkTheme()} { //nolint:staticcheck // fixed variants on purpose
		t.Run(name, func(t *testing.T) {
			fyne.CurrentApp().Settings().SetTheme(th)
			r.Refresh()
			want := th.Color(theme.ColorNameForeground, fyne.CurrentApp().Settings().ThemeVariant())
			last := r.rend.texts.items[r.rend.texts.used-1] // the body line
			if last.Color != want {
				t.Fatalf("text colour %v, want %v", last.Color, want)
			}
		})
	}
}

func TestHighlightAcrossParagraphs(t *testing.T) {
	body := "First paragraph ends here.\n\nSecond paragraph starts here."
	r, _ := newTestReader(t, body)
	s, e := runeIndex(t, body, "ends"), runeIndex(t, body, "starts")
	r.SetHighlights([]Highlight{{ID: 3, Start: s, End: e}})
	if n := r.rend.backs.used; n != 2 {
		t.Fatalf("%d background rectangles, want one per paragraph line (2)", n)
	}
	first, second := r.rend.backs.items[0], r.rend.backs.items[1]
	if got, want := first.Position().X, r.PositionOf(s).X; got != want {
		t.Errorf("first rectangle starts at %v, want %v", got, want)
	}
	if got, want := second.Position().X+second.Size().Width, r.PositionOf(e).X; got != want {
		t.Errorf("second rectangle ends at %v, want %v", got, want)
	}
	if first.Position().Y >= second.Position().Y {
		t.Error("rectangles not on successive lines")
	}
}
