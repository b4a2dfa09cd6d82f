package pdf

import (
	"bytes"
	"fmt"
	"strings"
)

// The project's own PDFs are written here, object by object: small,
// readable, and each made to show one thing (columns, running heads,
// hyphenation, encryption, no text at all).

// tline is one line of text placed on a page: x and y (of the baseline)
// in points from the top left, its size, bold or not.
type tline struct {
	x, y float64
	size float64
	bold bool
	text string
}

// tpage is one US Letter page: its lines in content order, and a filled
// rectangle instead of text when image is set (a scan has no text layer).
type tpage struct {
	lines []tline
	image bool
}

type pdfOpts struct {
	info      map[string]string // Title, Author, CreationDate
	encrypted bool              // a password is needed to open it
}

const letterW, letterH = 612.0, 792.0

func pdfString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
	return "(" + r.Replace(s) + ")"
}

// makePDF writes a PDF 1.4 file with a correct cross-reference table.
func makePDF(pages []tpage, o pdfOpts) []byte {
	var objs []string // objs[i] is object i+1
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	catalog := add("") // filled in below
	pagesObj := add("")
	fontR := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	fontB := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
	var kids []string
	for _, p := range pages {
		var c strings.Builder
		if p.image {
			c.WriteString("0.5 0.5 0.5 rg 72 200 468 500 re f\n")
		}
		for _, l := range p.lines {
			font := "F1"
			if l.bold {
				font = "F2"
			}
			fmt.Fprintf(&c, "BT /%s %g Tf %g %g Td %s Tj ET\n", font, l.size, l.x, letterH-l.y, pdfString(l.text))
		}
		content := add(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", c.Len(), c.String()))
		pg := add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %g %g] /Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> /Contents %d 0 R >>",
			pagesObj, letterW, letterH, fontR, fontB, content))
		kids = append(kids, fmt.Sprintf("%d 0 R", pg))
	}
	objs[catalog-1] = fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesObj)
	objs[pagesObj-1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	trailer := ""
	if len(o.info) > 0 {
		var d strings.Builder
		d.WriteString("<<")
		for k, v := range o.info {
			fmt.Fprintf(&d, " /%s %s", k, pdfString(v))
		}
		d.WriteString(" >>")
		trailer += fmt.Sprintf(" /Info %d 0 R", add(d.String()))
	}
	if o.encrypted {
		// The standard security handler, RC4 40-bit: O and U are made up,
		// so no password (the empty one included) opens the file.
		hex32 := strings.Repeat("5A", 32)
		enc := add(fmt.Sprintf("<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>", hex32, strings.Repeat("A5", 32)))
		trailer += fmt.Sprintf(" /Encrypt %d 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]", enc)
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, catalog, trailer, xref)
	return b.Bytes()
}

// body sets paragraphs as lines of about the same width from y on, one
// line every 14 points, a blank line between paragraphs; it returns the
// lines and the y after them.
func body(x, y float64, paras ...[]string) ([]tline, float64) {
	var out []tline
	for _, p := range paras {
		for _, l := range p {
			out = append(out, tline{x: x, y: y, size: 10, text: l})
			y += 14
		}
		y += 14
	}
	return out, y
}
