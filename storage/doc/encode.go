package doc

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf8"
)

// encodingVersion is the first byte of an encoded block list.
const encodingVersion = 1

// Encode packs a document's blocks and spans (not its text, which is stored
// as the reading text) into a compact binary form: a version byte, then
// the blocks and the spans, each a count followed by records of varints.
// Offsets are stored as the difference from the previous record's start,
// so a 50,000-word article's list takes a few bytes per paragraph.
//
//	block: kind, flags, uvarint level, list, quote, varint number,
//	       varint Δstart, uvarint length, uvarint len(info), info
//	span:  kind, varint Δstart, uvarint length, uvarint len(info), info
func Encode(d Doc) []byte {
	buf := make([]byte, 0, 8+8*len(d.Blocks)+6*len(d.Spans))
	buf = append(buf, encodingVersion)
	buf = binary.AppendUvarint(buf, uint64(len(d.Blocks)))
	prev := 0
	for _, b := range d.Blocks {
		buf = append(buf, byte(b.Kind), byte(b.Flags))
		buf = binary.AppendUvarint(buf, uint64(b.Level))
		buf = binary.AppendUvarint(buf, uint64(b.List))
		buf = binary.AppendUvarint(buf, uint64(b.Quote))
		buf = binary.AppendVarint(buf, int64(b.Number))
		buf = binary.AppendVarint(buf, int64(b.Start-prev))
		buf = binary.AppendUvarint(buf, uint64(b.End-b.Start))
		buf = appendString(buf, b.Info)
		prev = b.Start
	}
	buf = binary.AppendUvarint(buf, uint64(len(d.Spans)))
	prev = 0
	for _, s := range d.Spans {
		buf = append(buf, byte(s.Kind))
		buf = binary.AppendVarint(buf, int64(s.Start-prev))
		buf = binary.AppendUvarint(buf, uint64(s.End-s.Start))
		buf = appendString(buf, s.Info)
		prev = s.Start
	}
	return buf
}

func appendString(buf []byte, s string) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(s)))
	return append(buf, s...)
}

// errCorrupt is the one-line reason for a block list that cannot be read.
var errCorrupt = errors.New("doc: decode: corrupt block list")

// decoder reads the encoding with every length checked against the input.
type decoder struct {
	buf []byte
	err error
}

func (d *decoder) byte() byte {
	if d.err != nil || len(d.buf) == 0 {
		d.err = errCorrupt
		return 0
	}
	c := d.buf[0]
	d.buf = d.buf[1:]
	return c
}

// uint reads an unsigned varint that must fit comfortably in an int.
func (d *decoder) uint() int {
	v, n := binary.Uvarint(d.buf)
	if d.err != nil || n <= 0 || v > 1<<40 {
		d.err = errCorrupt
		return 0
	}
	d.buf = d.buf[n:]
	return int(v)
}

func (d *decoder) int() int {
	v, n := binary.Varint(d.buf)
	if d.err != nil || n <= 0 || v > 1<<40 || v < -(1<<40) {
		d.err = errCorrupt
		return 0
	}
	d.buf = d.buf[n:]
	return int(v)
}

func (d *decoder) string() string {
	n := d.uint()
	if d.err != nil || n > len(d.buf) {
		d.err = errCorrupt
		return ""
	}
	s := string(d.buf[:n])
	d.buf = d.buf[n:]
	return s
}

// Decode unpacks Encode's output and checks it against the reading text it
// belongs to (offsets in bounds, spans nested), so a damaged row is refused
// with one line instead of misdrawing the article.
func Decode(data []byte, text string) (Doc, error) {
	d := decoder{buf: data}
	if v := d.byte(); d.err == nil && v != encodingVersion {
		return Doc{}, fmt.Errorf("doc: decode: block list version %d, this build reads %d", v, encodingVersion)
	}
	out := Doc{Text: text}
	// Each record takes at least 4 bytes: a count over len/4 is corrupt, and
	// checking first keeps a hostile count from allocating.
	n := d.uint()
	if d.err == nil && n > len(d.buf)/4 {
		return Doc{}, errCorrupt
	}
	out.Blocks = make([]Block, 0, n)
	prev := 0
	for range n {
		var b Block
		b.Kind, b.Flags = Kind(d.byte()), Flags(d.byte())
		b.Level, b.List, b.Quote, b.Number = d.uint(), d.uint(), d.uint(), d.int()
		b.Start = prev + d.int()
		b.End = b.Start + d.uint()
		b.Info = d.string()
		prev = b.Start
		out.Blocks = append(out.Blocks, b)
	}
	n = d.uint()
	if d.err == nil && n > len(d.buf)/4 {
		return Doc{}, errCorrupt
	}
	out.Spans = make([]Span, 0, n)
	prev = 0
	for range n {
		var s Span
		s.Kind = SpanKind(d.byte())
		s.Start = prev + d.int()
		s.End = s.Start + d.uint()
		s.Info = d.string()
		prev = s.Start
		out.Spans = append(out.Spans, s)
	}
	if d.err == nil && len(d.buf) != 0 {
		d.err = errCorrupt
	}
	if d.err != nil {
		return Doc{}, d.err
	}
	if err := out.Check(); err != nil {
		return Doc{}, err
	}
	return out, nil
}

// Check verifies a document's invariants: every block and span inside the
// reading text with Start ≤ End and a known kind, blocks in order of Start,
// and spans in order, each either inside the previous open span or after
// it (properly nested).
func (d Doc) Check() error {
	total := utf8.RuneCountInString(d.Text)
	prev := 0
	for i, b := range d.Blocks {
		if b.Kind == 0 || b.Kind >= kindEnd || b.Start < prev || b.Start > b.End || b.End > total {
			return fmt.Errorf("doc: block %d (%s %d–%d) out of place in a text of %d characters", i, b.Kind, b.Start, b.End, total)
		}
		prev = b.Start
	}
	var open []int // ends of the enclosing spans
	for i, s := range d.Spans {
		if s.Kind == 0 || s.Kind >= spanEnd || s.Start > s.End || s.End > total {
			return fmt.Errorf("doc: span %d (%s %d–%d) out of place in a text of %d characters", i, s.Kind, s.Start, s.End, total)
		}
		for len(open) > 0 && open[len(open)-1] <= s.Start {
			open = open[:len(open)-1]
		}
		if i > 0 && s.Start < d.Spans[i-1].Start {
			return fmt.Errorf("doc: span %d starts before the span ahead of it", i)
		}
		if len(open) > 0 && s.End > open[len(open)-1] {
			return fmt.Errorf("doc: span %d (%d–%d) crosses the end of its enclosing span", i, s.Start, s.End)
		}
		open = append(open, s.End)
	}
	return nil
}
