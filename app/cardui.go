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
// deletion. It is the reader's context menu item.
func (ws *workspace) clozeFromSelection() {
	if ws.current == nil || ws.refuseWrite() {
		return
	}
	start, end := ws.reading.view.Selection()
	if start >= end {
		ws.showError(errors.New("select the words to hide inside a highlight first"))
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
		words := strings.TrimSpace(string(body[start:end]))
		var phrases []string
		if c, err := ws.store.Card(ws.ctx, h.ID); err == nil && c.Kind == storage.CardCloze {
			for _, p := range review.ParseCloze(c.Cloze) {
				if p.Hidden {
					phrases = append(phrases, p.Text)
				}
			}
		}
		text, err := review.MakeCloze(h.Quote, append(phrases, words))
		if err != nil {
			ws.showError(err)
			return
		}
		if err := ws.store.SetCard(ws.ctx, storage.Card{HighlightID: h.ID, Kind: storage.CardCloze, Cloze: text}); err != nil {
			ws.showError(err)
		}
		return
	}
	ws.showError(errors.New("the selection is not inside one highlight: hide words of a highlight"))
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
