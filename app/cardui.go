package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"scholia/app/review"
	"scholia/storage"
)

// clozeFromSelection hides the words selected in the reader inside their
// highlight: the highlight becomes (or stays) a cloze card with one more
// deletion, {{c1::…}}, then c2, c3. It is the reader's C key and context
// menu item; the card shows in the highlight's panel.
func (ws *workspace) clozeFromSelection() {
	if ws.current == nil || ws.refuseWrite() {
		return
	}
	start, end := ws.reading.view.Selection()
	if start >= end {
		ws.showError(errors.New("select words inside a highlight, then press C to hide them (a cloze card)"))
		return
	}
	hs, err := ws.store.Highlights(ws.ctx, ws.current.ID)
	if err != nil {
		ws.showError(err)
		return
	}
	body := []rune(ws.current.Body)
	for _, h := range hs {
		if h.Orphaned || start < h.Start || end > h.End || end > len(body) {
			continue
		}
		text, err := addClozeAt(ws, h, start-h.Start, end-h.Start, string(body[start:end]))
		if err != nil {
			ws.showError(errors.New(strings.TrimPrefix(err.Error(), "review: ")))
			return
		}
		if err := ws.store.SetCard(ws.ctx, storage.Card{HighlightID: h.ID, Kind: storage.CardCloze, Cloze: text}); err != nil {
			ws.showError(err)
			return
		}
		hh := h
		ws.notes.highlights.selectID(h.ID)
		ws.notes.editor.show(&hh)
		ws.notes.editor.card.reload()
		ws.notes.relayout()
		return
	}
	ws.showError(errors.New("the selection is not inside one highlight: select words of a single highlight, then press C"))
}

// addClozeAt is the highlight's cloze text with the quote's runes
// [from, to) hidden as one more deletion. A card whose text no longer
// reads as the quote (the quote was re-anchored since) gets the words
// hidden where they first appear instead.
func addClozeAt(ws *workspace, h storage.Highlight, from, to int, words string) (string, error) {
	base := h.Quote
	c, err := ws.store.Card(ws.ctx, h.ID)
	switch {
	case err != nil && !errors.Is(err, storage.ErrNotFound):
		return "", err
	case err == nil && c.Kind == storage.CardCloze && review.ClozePlain(c.Cloze) == h.Quote:
		base = c.Cloze
	case err == nil && c.Kind == storage.CardCloze:
		var phrases []string
		for _, p := range review.ParseCloze(c.Cloze) {
			if p.Hidden {
				phrases = append(phrases, p.Text)
			}
		}
		return review.MakeCloze(h.Quote, append(phrases, strings.TrimSpace(words)))
	}
	return review.AddCloze(base, from, to)
}

// readerRune takes the reader's keys other than 1–5: C makes a cloze card.
func (ws *workspace) readerRune(c rune) {
	if c == 'c' || c == 'C' {
		ws.clozeFromSelection()
	}
}

// cardMenuItems are the reader context menu's card items: shown only when
// the selection lies inside a highlight.
func (ws *workspace) cardMenuItems() []*fyne.MenuItem {
	if start, end := ws.reading.view.Selection(); start >= end {
		return nil
	}
	return []*fyne.MenuItem{fyne.NewMenuItem("Hide the selected words (cloze card)", ws.clozeFromSelection)}
}

// showCardDialog makes a highlight a card from the review window: words to
// hide (a cloze; several separated by ";") or a question and its answer.
func (s *reviewSession) showCardDialog() {
	it, ok := s.current()
	if !ok || s.ws.refuseWrite() {
		return
	}
	hide, q, a := widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	hide.SetPlaceHolder("words of the quote to hide; several separated by ;")
	if it.Card != nil {
		q.SetText(it.Card.Question)
		a.SetText(it.Card.Answer)
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Hide", hide),
		widget.NewFormItem("or question", q),
		widget.NewFormItem("answer", a),
	}
	d := dialog.NewForm("Make a card", "Save", "Cancel", items, func(ok bool) {
		if ok {
			s.saveCard(hide.Text, q.Text, a.Text)
		}
	}, s.win)
	d.Resize(fyne.NewSize(520, 260))
	s.ws.showDialogKeys(s.win, d, nil, nil)
	s.win.Canvas().Focus(hide)
}

func (s *reviewSession) saveCard(hide, q, a string) {
	it, ok := s.current()
	if !ok {
		return
	}
	var c storage.Card
	switch {
	case strings.TrimSpace(hide) != "":
		text, err := review.MakeCloze(it.Highlight.Quote, strings.Split(hide, ";"))
		if err != nil {
			s.ws.showDialogKeys(s.win, dialog.NewError(errors.New(strings.TrimPrefix(err.Error(), "review: ")), s.win), nil, nil)
			return
		}
		c = storage.Card{HighlightID: it.Highlight.ID, Kind: storage.CardCloze, Cloze: text}
	default:
		c = storage.Card{HighlightID: it.Highlight.ID, Kind: storage.CardBasic, Question: strings.TrimSpace(q), Answer: strings.TrimSpace(a)}
	}
	if err := s.ws.store.SetCard(s.ws.ctx, c); err != nil {
		s.ws.showDialogKeys(s.win, dialog.NewError(errors.New(oneLine(err)), s.win), nil, nil)
		return
	}
	s.items[s.pos].Card = &c
	s.revealed = false
	s.renderQuote()
}
