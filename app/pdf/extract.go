package pdf

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/klippa-app/go-pdfium"
	pdferr "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
)

// glyph is one character PDFium found on a page, in page points with y
// growing downwards (PDF's y grows upwards; the layout code reads pages
// top to bottom).
type glyph struct {
	r              rune
	x0, y0, x1, y1 float64
	size           float64
	bold, italic   bool
	generated      bool // a space or line break PDFium inserted
	angle          float64
}

// page is one page's glyphs in content order and its size.
type page struct {
	w, h   float64
	glyphs []glyph
}

// rawDoc is what PDFium read from a file.
type rawDoc struct {
	pages []page
	info  map[string]string // document information dictionary
}

// Font descriptor flags (PDF 1.7, 5.7.1).
const (
	flagItalic    = 1 << 6
	flagForceBold = 1 << 18
)

var errClosed = errors.New("PDF support closed")

// read opens data with PDFium and collects every page's characters.
func read(ctx context.Context, data []byte) (*rawDoc, error) {
	in, err := instance(ctx)
	if err != nil {
		return nil, fmt.Errorf("cannot start PDFium: %v", err)
	}
	defer in.Close()
	empty := ""
	opened, err := in.OpenDocument(&requests.OpenDocument{File: &data, Password: &empty})
	if err != nil {
		return nil, openError(err)
	}
	docRef := opened.Document
	defer in.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: docRef})
	count, err := in.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: docRef})
	if err != nil {
		return nil, fmt.Errorf("broken PDF: %v", err)
	}
	if count.PageCount == 0 {
		return nil, errors.New("broken PDF: no pages")
	}
	rd := &rawDoc{info: map[string]string{}}
	for _, tag := range []string{"Title", "Author", "Subject", "CreationDate"} {
		if m, err := in.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: docRef, Tag: tag}); err == nil {
			rd.info[tag] = strings.TrimSpace(m.Value)
		}
	}
	for i := 0; i < count.PageCount; i++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p, err := readPage(in, docRef, i)
		if err != nil {
			return nil, fmt.Errorf("broken PDF: page %d: %v", i+1, err)
		}
		rd.pages = append(rd.pages, p)
	}
	return rd, nil
}

// openError words PDFium's refusal to open a file as one line.
func openError(err error) error {
	switch {
	case errors.Is(err, pdferr.ErrPassword):
		return errors.New("encrypted PDF: needs a password")
	case errors.Is(err, pdferr.ErrSecurity):
		return errors.New("encrypted PDF: unsupported encryption")
	case errors.Is(err, pdferr.ErrFormat), errors.Is(err, pdferr.ErrFile):
		return errors.New("broken PDF: cannot be read (damaged or truncated)")
	}
	return fmt.Errorf("broken PDF: %v", err)
}

func readPage(in pdfium.Pdfium, docRef references.FPDF_DOCUMENT, index int) (page, error) {
	var p page
	size, err := in.FPDF_GetPageSizeByIndexF(&requests.FPDF_GetPageSizeByIndexF{Document: docRef, Index: index})
	if err != nil {
		return p, err
	}
	p.w, p.h = float64(size.Size.Width), float64(size.Size.Height)
	pg, err := in.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: docRef, Index: index})
	if err != nil {
		return p, err
	}
	defer in.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: pg.Page})
	tp, err := in.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: requests.Page{ByReference: &pg.Page}})
	if err != nil {
		return p, err
	}
	text := tp.TextPage
	defer in.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: text})
	n, err := in.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: text})
	if err != nil {
		return p, err
	}
	p.glyphs = make([]glyph, 0, n.Count)
	for i := 0; i < n.Count; i++ {
		u, err := in.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: text, Index: i})
		if err != nil {
			return p, err
		}
		g := glyph{r: rune(u.Unicode)}
		if g.r == 0 {
			continue
		}
		// Generated spaces and line breaks have no box.
		box, err := in.FPDFText_GetLooseCharBox(&requests.FPDFText_GetLooseCharBox{TextPage: text, Index: i})
		if err != nil {
			g.generated = true
			p.glyphs = append(p.glyphs, g)
			continue
		}
		r := box.Rect
		g.x0, g.x1 = float64(r.Left), float64(r.Right)
		g.y0, g.y1 = p.h-float64(r.Top), p.h-float64(r.Bottom)
		// The loose box's height is the font's ascent to descent at its
		// rendered size: the same for every character of one font and size,
		// which is what lines and headings are told apart by.
		g.size = g.y1 - g.y0
		// Weight is unknown for many Type 1 fonts: the name tells then.
		if w, err := in.FPDFText_GetFontWeight(&requests.FPDFText_GetFontWeight{TextPage: text, Index: i}); err == nil {
			g.bold = w.FontWeight >= 600
		}
		if fi, err := in.FPDFText_GetFontInfo(&requests.FPDFText_GetFontInfo{TextPage: text, Index: i}); err == nil {
			g.bold = g.bold || fi.Flags&flagForceBold != 0 || boldName(fi.FontName)
			g.italic = fi.Flags&flagItalic != 0 || italicName(fi.FontName)
		}
		if a, err := in.FPDFText_GetCharAngle(&requests.FPDFText_GetCharAngle{TextPage: text, Index: i}); err == nil {
			g.angle = float64(a.CharAngle)
		}
		p.glyphs = append(p.glyphs, g)
	}
	return p, nil
}

func boldName(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"bold", "black", "heavy", "semibold", "demi", ".b", "-b", "cmbx"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

func italicName(name string) bool {
	n := strings.ToLower(name)
	return strings.Contains(n, "italic") || strings.Contains(n, "oblique") || strings.Contains(n, "cmti")
}
