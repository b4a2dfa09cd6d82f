package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/app/review"
	"scholia/app/study"
	"scholia/storage"
)

// prefReviewSession is how many highlights one review session shows.
const prefReviewSession = "review.sessionSize"

const defaultReviewSession = 10

// reviewSession is Library → Review: today's queue, one highlight at a
// time, answered with 1–4 and scheduled by FSRS; a streak and a heat-map of
// the days reviewed.
type reviewSession struct {
	ws    *workspace
	win   fyne.Window
	clock func() time.Time

	items    []storage.ReviewItem
	pos      int
	revealed bool
	answered int

	tagSel, colorSel *widget.Select
	onlyArticle      *widget.Check
	articleID        int64 // the article open when the session started
	progress, streak *widget.Label
	quote            *widget.RichText
	title, tags      *widget.Label
	comment          *widget.Label
	hint             *widget.Label
	buttons          [4]*widget.Button
	actions          *fyne.Container
	answers          *fyne.Container
	card             *fyne.Container
	heat             *heatMap
}

func (ws *workspace) showReview() {
	if ws.reviewWin != nil {
		ws.reviewWin.win.Show()
		ws.reviewWin.win.RequestFocus()
		return
	}
	s := &reviewSession{ws: ws, clock: time.Now}
	if ws.current != nil {
		s.articleID = ws.current.ID
	}
	s.win = ws.app.NewWindow("Review — Scholia")
	s.win.Resize(fyne.NewSize(720, 640))
	s.win.SetContent(s.buildUI())
	s.win.SetOnClosed(func() { ws.reviewWin = nil })
	s.win.Canvas().SetOnTypedRune(s.onRune)
	s.win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeySpace {
			s.reveal()
		}
	})
	ws.reviewWin = s
	s.reload()
	s.win.Show()
}

func (s *reviewSession) buildUI() fyne.CanvasObject {
	colors := []string{anyOption}
	for _, c := range s.ws.colors {
		colors = append(colors, c.Name)
	}
	s.colorSel = widget.NewSelect(colors, func(string) { s.reload() })
	s.colorSel.SetSelected(anyOption)
	s.tagSel = widget.NewSelect(append([]string{anyOption}, s.ws.tagNames()...), func(string) { s.reload() })
	s.tagSel.SetSelected(anyOption)
	s.onlyArticle = widget.NewCheck("Only the open article", func(bool) { s.reload() })
	if s.articleID == 0 {
		s.onlyArticle.Disable()
	}
	filters := container.NewHBox(widget.NewLabel("Tag"), s.tagSel, widget.NewLabel("Colour"), s.colorSel, s.onlyArticle)

	s.progress = widget.NewLabel("")
	s.progress.TextStyle.Bold = true
	s.streak = widget.NewLabel("")
	s.quote = widget.NewRichText()
	s.quote.Wrapping = fyne.TextWrapWord
	s.title = widget.NewLabel("")
	s.title.Wrapping = fyne.TextWrapWord
	s.title.TextStyle.Italic = true
	s.tags = widget.NewLabel("")
	s.tags.SizeName = theme.SizeNameCaptionText
	s.comment = widget.NewLabel("")
	s.comment.Wrapping = fyne.TextWrapWord
	s.hint = widget.NewLabel("")
	s.hint.SizeName = theme.SizeNameCaptionText

	for i := range s.buttons {
		r := review.Rating(i + 1)
		s.buttons[i] = widget.NewButton("", func() { s.answer(r) })
	}
	s.buttons[2].Importance = widget.HighImportance
	s.actions = container.NewGridWithColumns(5,
		widget.NewButton("Open article (O)", s.openArticle),
		widget.NewButton("Edit comment (E)", s.editComment),
		widget.NewButton("Skip (S)", s.skip),
		widget.NewButton("Retire (R)", s.retire),
		widget.NewButton("Make card (C)", s.showCardDialog))
	s.card = container.NewVBox(s.quote, s.hint, s.comment, s.title, s.tags)
	s.heat = newHeatMap()
	s.answers = container.NewGridWithColumns(4, s.buttons[0], s.buttons[1], s.buttons[2], s.buttons[3])
	legend := widget.NewLabel(fmt.Sprintf("Days reviewed, last %d weeks — one square a day, Monday at the top; darker is more answers", heatWeeks))
	legend.SizeName = theme.SizeNameCaptionText
	legend.Wrapping = fyne.TextWrapWord
	bottom := container.NewVBox(s.answers, s.actions, widget.NewSeparator(),
		s.streak, container.NewPadded(container.NewHBox(s.heat)), legend)
	top := container.NewVBox(filters, s.progress)
	return container.NewBorder(top, bottom, nil, nil, container.NewVScroll(container.NewPadded(s.card)))
}

// sessionSize is the Preferences value, at least 1.
func (s *reviewSession) sessionSize() int {
	return max(1, s.ws.app.Preferences().IntWithFallback(prefReviewSession, defaultReviewSession))
}

// reload builds the session from today's queue and the filters.
func (s *reviewSession) reload() {
	if s.progress == nil {
		return // still building the UI
	}
	f := storage.ReviewFilter{}
	if t := s.tagSel.Selected; t != anyOption && t != "" {
		f.Tag = t
	}
	for _, c := range s.ws.colors {
		if c.Name == s.colorSel.Selected {
			f.Color = c.Key
		}
	}
	if s.onlyArticle.Checked {
		f.ArticleID = s.articleID
	}
	items, err := s.ws.store.ReviewQueue(s.ws.ctx, storage.QueueOptions{Now: s.clock(), Filter: f})
	if err != nil {
		s.ws.showError(err)
	}
	if n := s.sessionSize(); len(items) > n {
		items = items[:n]
	}
	s.items, s.pos, s.answered = items, 0, 0
	s.show()
}

func (s *reviewSession) current() (storage.ReviewItem, bool) {
	if s.pos < len(s.items) {
		return s.items[s.pos], true
	}
	return storage.ReviewItem{}, false
}

// show renders the current highlight (or the end of the session).
func (s *reviewSession) show() {
	s.revealed = false
	s.refreshStats()
	it, ok := s.current()
	if !ok {
		s.progress.SetText(s.doneText())
		s.quote.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: "Nothing more to review now.", Style: widget.RichTextStyleInline}}
		s.quote.Refresh()
		for _, l := range []*widget.Label{s.hint, s.comment, s.title, s.tags} {
			l.SetText("")
		}
		for _, b := range s.buttons {
			b.Disable()
		}
		s.actions.Hide()
		s.answers.Hide()
		return
	}
	s.actions.Show()
	s.answers.Show()
	kind := "new"
	if !it.New {
		kind = "due " + it.State.Due.In(s.clock().Location()).Format("2 Jan")
	}
	s.progress.SetText(fmt.Sprintf("%d of %d · %s", s.pos+1, len(s.items), kind))
	s.title.SetText(it.ArticleTitle)
	var tags []string
	for _, t := range append(append([]string{}, it.Highlight.Tags...), it.ArticleTags...) {
		tags = append(tags, "#"+t)
	}
	s.tags.SetText(strings.Join(tags, "  "))
	s.renderQuote()
	sc := study.Scheduler()
	card := study.ToCard(it.State)
	if it.New {
		card = review.Card{}
	}
	now := s.clock()
	for i, b := range s.buttons {
		r := review.Rating(i + 1)
		next := sc.Review(card, r, now)
		b.SetText(fmt.Sprintf("%d %s · %s", i+1, strings.ToUpper(r.String()[:1])+r.String()[1:], untilText(next.Due.Sub(now))))
		b.Enable()
	}
}

// renderQuote draws the quote with its context; a card hides its answer
// until Space.
func (s *reviewSession) renderQuote() {
	it, _ := s.current()
	h := it.Highlight
	before, after := "", ""
	if a, err := s.ws.store.Article(s.ws.ctx, h.ArticleID); err == nil && !h.Orphaned {
		before, after = review.MarkCuts(review.Context(a.Body, h.Start, h.End, 2))
	}
	// Context, quote and context are paragraphs of their own, the quote
	// larger, in the reading font. (Fyne 2.8.1's RichText wraps a segment
	// that starts mid-line, or one re-laid out under a theme override of
	// the text size, past its edge: so no inline mix and no override.)
	dim := widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder}
	plain := widget.RichTextStyle{SizeName: theme.SizeNameSubHeadingText}
	bold := widget.RichTextStyle{SizeName: theme.SizeNameSubHeadingText, TextStyle: fyne.TextStyle{Bold: true}, ColorName: theme.ColorNamePrimary}
	var segs []widget.RichTextSegment
	add := func(text string, st widget.RichTextStyle) {
		if text != "" {
			segs = append(segs, &widget.TextSegment{Text: text, Style: st})
		}
	}
	s.comment.SetText(commentText(h.Comment))
	s.hint.SetText("")
	switch {
	case it.Card != nil && it.Card.Kind == storage.CardBasic:
		add("Q: "+it.Card.Question, bold)
		if s.revealed {
			add("A: "+it.Card.Answer+"  ", plain)
			add("“"+h.Quote+"”", dim)
		} else {
			s.hint.SetText("Space shows the answer")
			s.comment.SetText("")
		}
	default:
		add(before, dim)
		if it.Card != nil && it.Card.Kind == storage.CardCloze {
			if s.revealed {
				add(review.ClozePlain(it.Card.Cloze), plain)
				var words []string
				for _, p := range review.ParseCloze(it.Card.Cloze) {
					if p.Hidden {
						words = append(words, p.Text)
					}
				}
				s.hint.SetText("Hidden: " + strings.Join(words, ", "))
			} else {
				add(review.ClozeMasked(it.Card.Cloze), plain)
				s.hint.SetText("Space shows the hidden words")
			}
		} else {
			add(h.Quote, plain)
		}
		add(after, dim)
	}
	s.quote.Segments = segs
	s.quote.Refresh()
	showIfSet(s.hint, s.comment)
}

func commentText(c string) string {
	if c = strings.TrimSpace(c); c != "" {
		return "Your comment: " + plainLinks(c)
	}
	return ""
}

// showIfSet hides labels with no text, so an empty line leaves no gap.
func showIfSet(ls ...*widget.Label) {
	for _, l := range ls {
		if l.Text == "" {
			l.Hide()
		} else {
			l.Show()
		}
	}
}

func untilText(d time.Duration) string {
	days := int((d + 12*time.Hour) / (24 * time.Hour))
	switch {
	case d < time.Hour:
		return fmt.Sprintf("%d min", int(d.Minutes()+0.5))
	case days < 1:
		return "today"
	case days < 60:
		return fmt.Sprintf("%d d", days)
	case days < 730:
		return fmt.Sprintf("%d mo", days/30)
	}
	return fmt.Sprintf("%d y", days/365)
}

func (s *reviewSession) doneText() string {
	if s.answered == 0 && len(s.items) == 0 {
		return "Nothing to review today"
	}
	return fmt.Sprintf("Session done: %s answered", plural(s.answered, "highlight"))
}

func (s *reviewSession) onRune(r rune) {
	if st := s.ws.dialogs[s.win]; st != nil && len(st.open) > 0 {
		return // a dialog is open over the card: keys are not answers
	}
	switch r {
	case '1', '2', '3', '4':
		s.answer(review.Rating(r - '0'))
	case 'o', 'O':
		s.openArticle()
	case 'e', 'E':
		s.editComment()
	case 's', 'S':
		s.skip()
	case 'r', 'R':
		s.retire()
	case 'c', 'C':
		s.showCardDialog()
	case ' ':
		s.reveal()
	}
}

func (s *reviewSession) reveal() {
	if _, ok := s.current(); ok && !s.revealed {
		s.revealed = true
		s.renderQuote()
	}
}

func (s *reviewSession) answer(r review.Rating) {
	it, ok := s.current()
	if !ok || s.ws.refuseWrite() {
		return
	}
	if _, err := study.Answer(s.ws.ctx, s.ws.store, it.Highlight.ID, r, s.clock()); err != nil {
		s.ws.showError(err)
		return
	}
	s.answered++
	s.pos++
	s.show()
}

func (s *reviewSession) skip() {
	if _, ok := s.current(); ok {
		s.pos++
		s.show()
	}
}

func (s *reviewSession) retire() {
	it, ok := s.current()
	if !ok || s.ws.refuseWrite() {
		return
	}
	if err := s.ws.store.RetireHighlight(s.ws.ctx, it.Highlight.ID, true); err != nil {
		s.ws.showError(err)
		return
	}
	s.items = append(s.items[:s.pos:s.pos], s.items[s.pos+1:]...)
	s.show()
}

// openArticle shows the highlight in the main window.
func (s *reviewSession) openArticle() {
	it, ok := s.current()
	if !ok {
		return
	}
	s.ws.open(it.Highlight.ArticleID)
	if !it.Highlight.Orphaned {
		s.ws.reading.reveal(it.Highlight.ID)
	}
	s.ws.notes.focusHighlight(it.Highlight.ID)
	s.ws.win.Show()
	s.ws.win.RequestFocus()
}

func (s *reviewSession) editComment() {
	it, ok := s.current()
	if !ok || s.ws.refuseWrite() {
		return
	}
	entry := widget.NewMultiLineEntry()
	entry.SetText(it.Highlight.Comment)
	entry.SetMinRowsVisible(4)
	d := dialog.NewForm("Comment", "Save", "Cancel", []*widget.FormItem{widget.NewFormItem("", entry)}, func(ok bool) {
		if !ok {
			return
		}
		s.saveComment(entry.Text)
	}, s.win)
	d.Resize(fyne.NewSize(480, 240))
	s.ws.showDialogKeys(s.win, d, nil, func() {}) // Enter is a new line in the comment
	s.win.Canvas().Focus(entry)
}

func (s *reviewSession) saveComment(text string) {
	it, ok := s.current()
	if !ok {
		return
	}
	if err := s.ws.store.SetHighlightComment(s.ws.ctx, it.Highlight.ID, text); err != nil {
		s.ws.showError(err)
		return
	}
	s.items[s.pos].Highlight.Comment = text
	s.comment.SetText(commentText(text))
	showIfSet(s.comment)
	s.ws.highlightsChanged(it.Highlight.ArticleID)
}

// refreshStats redraws the streak and the heat-map from the log.
func (s *reviewSession) refreshStats() {
	now := s.clock()
	since := now.AddDate(0, 0, -7*heatWeeks)
	days, err := s.ws.store.ReviewDays(s.ws.ctx, storage.DayKey(since))
	if err != nil {
		s.ws.showError(err)
		return
	}
	n := review.Streak(days, storage.DayKey(now))
	total := 0
	for _, c := range days {
		total += c
	}
	s.streak.SetText(fmt.Sprintf("Streak: %s · %s today · %s in %d weeks",
		plural(n, "day"), plural(days[storage.DayKey(now)], "answer"), plural(total, "answer"), heatWeeks))
	s.heat.set(days, now)
}
