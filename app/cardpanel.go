package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/app/review"
	"scholia/storage"
)

// cardSection is the "Card" part of the selected highlight's editor: a
// question and its answer typed there make the highlight a question card,
// saved as soon as both are there (one transaction, as the comment is, on
// a pause in typing or on leaving the highlight); emptying both removes
// it. A cloze card (made with C in the reader) is shown with a button to
// remove it, since a highlight has one card.
type cardSection struct {
	ws       *workspace
	box      *fyne.Container
	question *widget.Entry
	answer   *widget.Entry
	qa       *fyne.Container
	cloze    *widget.Label
	remove   *widget.Button
	hint     *widget.Label
	saver    *debouncer

	id      int64 // the highlight shown, 0 for none
	card    *storage.Card
	loading bool
}

func newCardSection(ws *workspace) *cardSection {
	c := &cardSection{ws: ws, saver: newDebouncer(autosaveDelay)}
	c.question = widget.NewEntry()
	c.question.SetPlaceHolder("Question")
	c.answer = widget.NewEntry()
	c.answer.SetPlaceHolder("Answer")
	c.question.OnChanged = func(string) { c.typed() }
	c.answer.OnChanged = func(string) { c.typed() }
	c.question.OnSubmitted = func(string) { c.ws.win.Canvas().Focus(c.answer) }
	c.answer.OnSubmitted = func(string) { c.saver.flush() }
	c.cloze = widget.NewLabel("")
	c.cloze.Wrapping = fyne.TextWrapWord
	c.remove = widget.NewButton("Remove card", c.removeCard)
	c.remove.Importance = widget.LowImportance
	c.hint = widget.NewLabel("")
	c.hint.SizeName = theme.SizeNameCaptionText
	c.hint.Wrapping = fyne.TextWrapWord
	c.qa = container.New(layout.NewFormLayout(), widget.NewLabel("Question"), c.question, widget.NewLabel("Answer"), c.answer)
	head := widget.NewLabel("Card")
	head.TextStyle.Bold = true
	head.SizeName = theme.SizeNameCaptionText
	c.box = container.NewVBox(container.NewBorder(nil, nil, head, c.remove), c.cloze, c.qa, c.hint)
	return c
}

// show loads the card of highlight h (nil: none). The highlight already
// shown keeps what is typed (a question waiting for its answer).
func (c *cardSection) show(h *storage.Highlight) {
	if h != nil && h.ID == c.id {
		return
	}
	c.flush()
	c.id, c.card = 0, nil
	if h == nil {
		return
	}
	c.load(h.ID)
}

// reload shows the stored card again (after C made or changed it).
func (c *cardSection) reload() {
	if id := c.id; id != 0 {
		c.flush()
		c.load(id)
	}
}

func (c *cardSection) load(id int64) {
	c.id, c.card = id, nil
	card, err := c.ws.store.Card(c.ws.ctx, id)
	switch {
	case err == nil:
		c.card = &card
	case !errors.Is(err, storage.ErrNotFound):
		c.ws.showError(err)
	}
	c.render()
}

// render shows the card as stored.
func (c *cardSection) render() {
	c.loading = true
	defer func() { c.loading = false }()
	q, a := "", ""
	if c.card != nil && c.card.Kind == storage.CardBasic {
		q, a = c.card.Question, c.card.Answer
	}
	c.question.SetText(q)
	c.answer.SetText(a)
	if c.card != nil && c.card.Kind == storage.CardCloze {
		c.cloze.SetText("Cloze: " + review.ClozeMasked(c.card.Cloze) + "  (hidden: " + strings.Join(clozeWords(c.card.Cloze), ", ") + ")")
		c.cloze.Show()
		c.qa.Hide()
		c.hint.SetText("Select more words of the highlight and press C to hide them too.")
	} else {
		c.cloze.Hide()
		c.qa.Show()
		c.hint.SetText("Type a question and its answer to review this highlight as a card; or select words and press C for a cloze.")
	}
	if c.card != nil {
		c.remove.Show()
	} else {
		c.remove.Hide()
	}
}

func clozeWords(s string) []string {
	var out []string
	for _, p := range review.ParseCloze(s) {
		if p.Hidden {
			out = append(out, p.Text)
		}
	}
	return out
}

// typed schedules the save of what the two fields say.
func (c *cardSection) typed() {
	if c.loading || c.id == 0 {
		return
	}
	id := c.id
	q, a := strings.TrimSpace(c.question.Text), strings.TrimSpace(c.answer.Text)
	hadBasic := c.card != nil && c.card.Kind == storage.CardBasic
	switch {
	case q != "" && a != "":
		c.hint.SetText("Saved as a question card as you type.")
		c.saver.schedule(func() {
			card := storage.Card{HighlightID: id, Kind: storage.CardBasic, Question: q, Answer: a}
			c.saved(id, &card, c.ws.store.SetCard(c.ws.ctx, card))
		})
	case q == "" && a == "" && hadBasic:
		c.saver.schedule(func() { c.saved(id, nil, c.ws.store.DeleteCard(c.ws.ctx, id)) })
	default:
		c.hint.SetText("A question card needs both a question and an answer.")
		c.saver.schedule(func() {}) // nothing to save yet: drop a pending save of the old text
	}
}

// saved reports a save made on the saver's goroutine.
func (c *cardSection) saved(id int64, card *storage.Card, err error) {
	fyne.Do(func() {
		if err != nil {
			c.ws.showError(err)
			return
		}
		if c.id == id {
			c.card = card
			if card == nil {
				c.remove.Hide()
			} else {
				c.remove.Show()
			}
		}
	})
}

func (c *cardSection) removeCard() {
	if c.id == 0 || c.card == nil || c.ws.refuseWrite() {
		return
	}
	c.saver.schedule(func() {})
	c.saver.flush()
	if err := c.ws.store.DeleteCard(c.ws.ctx, c.id); err != nil {
		c.ws.showError(err)
		return
	}
	c.card = nil
	c.render()
}

// flush writes a pending question or answer at once.
func (c *cardSection) flush() { c.saver.flush() }
