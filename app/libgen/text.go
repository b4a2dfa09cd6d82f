package libgen

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"scholia/storage"
)

// word draws one word: Zipf-ranked, with an occasional accented or non-Latin
// word so offsets in code points and bytes diverge as in real text.
func (g *gen) word() string {
	if g.r.IntN(40) == 0 {
		return accented[g.r.IntN(len(accented))]
	}
	return g.vocab[g.zipf.Uint64()]
}

// title is 40–90 code points of capitalised words.
func (g *gen) title() string {
	target := 40 + g.r.IntN(51)
	var b strings.Builder
	n := 0
	for tries := 0; n < target && tries < 200; tries++ {
		w := g.word()
		if g.r.IntN(3) == 0 { // titles favour the common head words
			w = g.vocab[g.r.IntN(len(common))]
		}
		wl := utf8.RuneCountInString(w)
		if n > 0 {
			wl++
		}
		if n+wl > 90 {
			continue
		}
		if n > 0 {
			b.WriteByte(' ')
		}
		if n == 0 || wl > 4 {
			w = capitalise(w)
		}
		b.WriteString(w)
		n += wl
	}
	return b.String()
}

func capitalise(w string) string {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) {
		return w
	}
	return string(unicode.ToUpper(r)) + w[size:]
}

// sentence is 6–20 words, capitalised, ending with a full stop.
func (g *gen) sentence() string {
	n := 6 + g.r.IntN(15)
	ws := make([]string, n)
	for k := range ws {
		ws[k] = g.word()
	}
	ws[0] = capitalise(ws[0])
	return strings.Join(ws, " ") + "."
}

// body writes paragraphs of 3–7 sentences until it holds at least
// targetBytes bytes (or targetWords words). Index i ≥ 0 is written into the
// first paragraph, which makes every body unique, together with the markers
// due for i; i < 0 writes neither.
func (g *gen) body(i, targetBytes, targetWords int) string {
	var b strings.Builder
	if targetBytes > 0 {
		b.Grow(targetBytes + 200)
	}
	words := 0
	done := func() bool {
		if targetBytes > 0 {
			return b.Len() >= targetBytes
		}
		return words >= targetWords
	}
	for para := 0; !done(); para++ {
		if para > 0 {
			b.WriteString("\n\n")
		}
		for s, n := 0, 3+g.r.IntN(5); s < n && !done(); s++ {
			if s > 0 {
				b.WriteByte(' ')
			}
			if para == 0 && s == 1 && i >= 0 {
				b.WriteString(indexSentence(i))
				b.WriteByte(' ')
			}
			sen := g.sentence()
			words += strings.Count(sen, " ") + 1
			b.WriteString(sen)
		}
	}
	return b.String()
}

// indexSentence names the article's number and any markers due for it.
func indexSentence(i int) string {
	s := "This is report " + strconv.Itoa(i+1) + " in the series"
	var ms []string
	for _, m := range Markers {
		if i%m.Every == 0 {
			ms = append(ms, m.Word)
		}
	}
	if len(ms) > 0 {
		s += ", filed under " + strings.Join(ms, " and ")
	}
	return s + "."
}

// highlights marks n passages of 5–25 words, one in each of n equal slices
// of the body, with exact code point offsets and W3C-style context.
func (g *gen) highlights(a storage.Article, n int) []storage.Highlight {
	if n == 0 {
		return nil
	}
	// Word boundaries, in code points and in bytes, from one pass over the
	// bytes: the generated text separates words only by ' ' and '\n'.
	var words []boundary // each word's start, then its end
	body, runes := a.Body, 0
	for i := 0; i < len(body); {
		space := body[i] == ' ' || body[i] == '\n'
		if !space && (i == 0 || body[i-1] == ' ' || body[i-1] == '\n') {
			words = append(words, boundary{runes, i})
		}
		size := 1
		if body[i] >= utf8.RuneSelf {
			_, size = utf8.DecodeRuneInString(body[i:])
		}
		i += size
		runes++
		if !space && (i == len(body) || body[i] == ' ' || body[i] == '\n') {
			words = append(words, boundary{runes, i})
		}
	}
	out := make([]storage.Highlight, 0, n)
	seg := len(words) / 2 / n
	for h := 0; h < n && seg > 0; h++ {
		lo, hi := h*seg, (h+1)*seg // word index range of this slice
		w0 := lo + g.r.IntN(max(seg/2, 1))
		w1 := min(w0+4+g.r.IntN(21), hi-1)
		start, end := words[2*w0], words[2*w1+1]
		hl := storage.Highlight{
			ArticleID: a.ID,
			Start:     start.runes,
			End:       end.runes,
			Quote:     body[start.bytes:end.bytes],
			Prefix:    body[back(body, start.bytes, 32):start.bytes],
			Suffix:    body[end.bytes:forward(body, end.bytes, 32)],
			Color:     storage.DefaultColors[g.r.IntN(len(storage.DefaultColors))].Key,
			Created:   a.Added.Add(time.Duration(h+1) * time.Minute),
		}
		hl.Updated = hl.Created
		if g.r.IntN(10) < 3 {
			hl.Comment = g.sentence()
		}
		out = append(out, hl)
	}
	return out
}

// boundary is an offset into a body in code points and in bytes.
type boundary struct{ runes, bytes int }

// back returns the byte offset n code points before byte offset i (or 0).
func back(s string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return i
}

// forward returns the byte offset n code points after byte offset i (or
// the end of s).
func forward(s string, i, n int) int {
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}
