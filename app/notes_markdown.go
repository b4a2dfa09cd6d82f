package app

import (
	"net/url"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// wikiScheme marks the links made from [[Title]] in a note's preview; they
// open the article with that title instead of a browser.
const wikiScheme = "scholia-article"

// wikiLink is [[Title]] or [[Title|shown text]], as Obsidian writes them.
var wikiLink = regexp.MustCompile(`\[\[([^\[\]|\n]+)(?:\|([^\[\]\n]+))?\]\]`)

// notePreviewMarkdown turns [[Title]] into ordinary Markdown links on the
// wikiScheme so the Markdown parser makes them hyperlinks like any other.
func notePreviewMarkdown(note string) string {
	return wikiLink.ReplaceAllStringFunc(note, func(m string) string {
		sub := wikiLink.FindStringSubmatch(m)
		title := strings.TrimSpace(sub[1])
		text := title
		if s := strings.TrimSpace(sub[2]); s != "" {
			text = s
		}
		text = strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`, `*`, `\*`, `_`, `\_`).Replace(text)
		return "[" + text + "](" + wikiScheme + ":" + url.PathEscape(title) + ")"
	})
}

// notePreview shows the article note rendered; a tap on it (not on a link)
// switches to editing.
type notePreview struct {
	widget.BaseWidget
	text   *widget.RichText
	scroll *container.Scroll
	onTap  func()
	onWiki func(title string)
	minH   float32
}

func newNotePreview(minH float32, onTap func(), onWiki func(string)) *notePreview {
	p := &notePreview{text: widget.NewRichText(), onTap: onTap, onWiki: onWiki, minH: minH}
	p.text.Wrapping = fyne.TextWrapWord
	p.scroll = container.NewVScroll(p.text)
	p.ExtendBaseWidget(p)
	return p
}

// set renders note; an empty note shows how to start one.
func (p *notePreview) set(note string) {
	if strings.TrimSpace(note) == "" {
		note = "*No note yet — click here or press " + keysOf(shortcut{sc: notePreviewKey}) + " to write one.*"
	}
	p.text.ParseMarkdown(notePreviewMarkdown(note))
	p.wireLinks(p.text.Segments)
	p.text.Refresh()
}

// wireLinks sends the [[Title]] links to onWiki; other links open in the
// browser as RichText does by default.
func (p *notePreview) wireLinks(segs []widget.RichTextSegment) {
	for _, s := range segs {
		switch s := s.(type) {
		case *widget.HyperlinkSegment:
			if s.URL != nil && s.URL.Scheme == wikiScheme {
				title, err := url.PathUnescape(s.URL.Opaque)
				if err != nil {
					title = s.URL.Opaque
				}
				s.OnTapped = func() {
					if p.onWiki != nil {
						p.onWiki(title)
					}
				}
			}
		case *widget.ListSegment:
			p.wireLinks(s.Items)
		case *widget.ParagraphSegment:
			p.wireLinks(s.Texts)
		}
	}
}

// links lists the hyperlinks shown, for tests and keyboard users.
func (p *notePreview) links() []*widget.HyperlinkSegment {
	var out []*widget.HyperlinkSegment
	var walk func([]widget.RichTextSegment)
	walk = func(segs []widget.RichTextSegment) {
		for _, s := range segs {
			switch s := s.(type) {
			case *widget.HyperlinkSegment:
				out = append(out, s)
			case *widget.ListSegment:
				walk(s.Items)
			case *widget.ParagraphSegment:
				walk(s.Texts)
			}
		}
	}
	walk(p.text.Segments)
	return out
}

// Tapped switches to editing.
func (p *notePreview) Tapped(*fyne.PointEvent) {
	if p.onTap != nil {
		p.onTap()
	}
}

// MinSize matches the note field's, so the panel does not jump on toggling.
func (p *notePreview) MinSize() fyne.Size {
	m := p.BaseWidget.MinSize()
	return fyne.NewSize(m.Width, max(m.Height, p.minH))
}

// CreateRenderer is part of fyne.Widget.
func (p *notePreview) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(p.scroll)
}

// setNotePreview shows the note rendered (true) or the field to edit it
// (false), remembering the choice for the next article and the next start.
func (n *notesPanel) setNotePreview(on bool) {
	n.previewing = on
	n.ws.app.Preferences().SetBool(prefNotePreview, on)
	n.applyNoteMode()
}

func (n *notesPanel) applyNoteMode() {
	if n.previewing {
		n.preview.set(n.note.Text)
		if c := n.ws.win.Canvas(); c != nil && c.Focused() == n.note {
			c.Unfocus()
		}
		n.note.Hide()
		n.preview.Show()
		n.modeBtn.SetText("Edit")
	} else {
		n.preview.Hide()
		n.note.Show()
		n.modeBtn.SetText("Preview")
	}
	n.relayout()
}

// toggleNotePreview is the shortcut's action: to editing with the cursor in
// the note, or back to the preview.
func (n *notesPanel) toggleNotePreview() {
	n.setNotePreview(!n.previewing)
	if !n.previewing {
		n.ws.win.Canvas().Focus(n.note)
	}
}

// openByTitle opens the article whose title is title (ignoring case), for
// [[Title]] links.
func (ws *workspace) openByTitle(title string) {
	for _, a := range ws.sidebar.all {
		if strings.EqualFold(strings.TrimSpace(a.Title), title) {
			ws.open(a.ID)
			return
		}
	}
	ws.showError(errNoArticleTitled(title))
}
