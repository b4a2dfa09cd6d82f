package epub

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"path"
	"strings"

	"scholia/app/images"
	"scholia/app/ingest"
	"scholia/storage/doc"
)

// fontObfuscation are the "encryption" algorithms that only scramble
// embedded fonts (IDPF and Adobe): the text is readable, so such books
// are not DRM.
var fontObfuscation = map[string]bool{
	"http://www.idpf.org/2008/embedding": true,
	"http://ns.adobe.com/pdf/enc#RC":     true,
}

// checkDRM refuses books whose text is encrypted: Adobe ADEPT, Readium LCP,
// Apple FairPlay and the like. Their chapters would read as noise.
func (b *book) checkDRM() error {
	drm := &Error{Name: b.name, Reason: "DRM-protected book (its chapters are encrypted): remove the protection with the software you bought it with, or import a DRM-free copy"}
	if b.files["META-INF/sinf.xml"] != nil || b.files["META-INF/license.lcpl"] != nil {
		return drm
	}
	if b.files["META-INF/encryption.xml"] == nil {
		return nil
	}
	data, err := b.readFile("META-INF/encryption.xml")
	if err != nil {
		return &Error{Name: b.name, Reason: "broken EPUB: " + err.Error()}
	}
	var enc struct {
		Data []struct {
			Method struct {
				Algorithm string `xml:"Algorithm,attr"`
			} `xml:"EncryptionMethod"`
		} `xml:"EncryptedData"`
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	if err := d.Decode(&enc); err != nil {
		return drm // cannot tell what is encrypted: assume the worst
	}
	for _, e := range enc.Data {
		if !fontObfuscation[e.Method.Algorithm] {
			return drm
		}
	}
	return nil
}

// chapters reads the spine in order, each chapter through ingest's HTML
// path, its title from the table of contents as a paragraph of its own.
func (b *book) chapters(p *opfPackage, base string, toc map[string]string) (ingest.Doc, error) {
	items := map[string]int{}
	for i, it := range p.Manifest {
		items[it.ID] = i
	}
	var parts []string
	var out ingest.Doc
	read, unreadable := 0, 0
	budget := &images.Budget{} // the whole book's pictures, not each chapter's
	for _, ref := range p.Spine.Items {
		i, ok := items[ref.IDRef]
		if !ok {
			return out, &Error{Name: b.name, Reason: fmt.Sprintf("broken EPUB: the spine names %q, which is not in the manifest", ref.IDRef)}
		}
		it := p.Manifest[i]
		if !isChapterType(it.MediaType) || hasWord(it.Properties, "nav") {
			// An image in the spine has no text; the table of contents
			// is there as chapter titles already.
			continue
		}
		file := resolve(base, it.Href)
		data, err := b.readFile(file)
		if err != nil {
			return out, &Error{Name: b.name, Reason: "broken EPUB: chapter " + err.Error()}
		}
		read++
		ch, err := ingest.ParseWith(strings.TrimSuffix(file, path.Ext(file))+".html", data, ingest.Options{KeepDataImages: true})
		var ie *ingest.Error
		if errors.As(err, &ie) {
			// A cover, a title page of one image, an empty divider: nothing
			// to read there, and the book goes on.
			unreadable++
			continue
		}
		if err != nil {
			return out, &Error{Name: b.name, Reason: "chapter " + file + ": " + err.Error()}
		}
		images.Localize(&ch, b.imageResolver(file), budget)
		out.Media = append(out.Media, ch.Media...)
		title := toc[file]
		if title != "" && !startsWith(ch.Body, title) {
			parts = append(parts, "## "+doc.EscapeInline(oneLine(title)))
		}
		md := ch.Markdown
		if md == "" {
			md = doc.Escape(ch.Body)
		}
		parts = append(parts, strings.TrimSpace(md))
		out.Warnings = append(out.Warnings, ch.Warnings...)
	}
	if len(parts) == 0 {
		if read == 0 {
			return out, &Error{Name: b.name, Reason: "no chapters in the book (its spine lists no XHTML)"}
		}
		return out, &Error{Name: b.name, Reason: fmt.Sprintf("no readable text in its %d chapters (images only?)", read)}
	}
	// One Markdown source for the book, chapter titles as headings: the
	// reading text and blocks come from it as for any structured import.
	out.Markdown = strings.Join(parts, "\n\n") + "\n"
	d, err := doc.Parse(out.Markdown)
	if err != nil {
		return out, &Error{Name: b.name, Reason: "cannot read the chapters' text: " + oneLine(err.Error())}
	}
	out.Body, out.Blocks = d.Text, doc.Encode(d)
	return out, nil
}

func isChapterType(mt string) bool {
	switch mt {
	case "application/xhtml+xml", "text/html", "application/x-dtbook+xml", "":
		return true
	}
	return false
}

// startsWith reports whether the chapter's text already holds its title as
// a paragraph (its own heading, perhaps after a title page in the same
// file), so that it is not said twice.
func startsWith(body, title string) bool {
	title = oneLine(title)
	for _, p := range strings.Split(body, "\n\n") {
		if strings.EqualFold(oneLine(p), title) {
			return true
		}
	}
	return false
}
