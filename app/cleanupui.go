package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"scholia/app/cleanup"
	"scholia/app/edit"
	"scholia/storage"
)

// cleanupPreview is the Article → Clean up… dialog: the paragraphs
// app/cleanup proposes to remove, each with a tick (ticked = remove) and
// its reason, and a warning on those holding highlights.
type cleanupPreview struct {
	ws     *workspace
	id     int64
	items  [][]cleanup.Proposal // what each tick stands for (see cleanup.Group)
	checks []*widget.Check
	d      *dialog.ConfirmDialog
}

// cleanUp opens the preview on the open article, or says there is nothing
// to clean up; it returns the preview (nil when none opened).
func (ws *workspace) cleanUp() *cleanupPreview {
	if ws.current == nil {
		return nil
	}
	ws.notes.flush()
	bs, err := ws.store.Bundles(ws.ctx, []int64{ws.current.ID})
	if err != nil {
		ws.showError(err)
		return nil
	}
	b := bs[0]
	props := cleanup.Propose(b.Article.Body)
	if len(props) == 0 {
		ws.showDialog(dialog.NewInformation("Clean up", "Nothing to clean up: no sign-ups, credits, share prompts, link lists or repeated paragraphs were found.", ws.win))
		return nil
	}
	c := &cleanupPreview{ws: ws, id: b.Article.ID, items: cleanup.Group(props)}
	rows := container.NewVBox()
	for _, item := range c.items {
		rows.Add(c.row(item, b.Highlights))
		rows.Add(widget.NewSeparator())
	}
	head := wrapLabel(fmt.Sprintf("%s pasted along with the article. Ticked paragraphs are removed; untick what to keep. Undo (Ctrl+Z) puts them back.",
		nOf(len(props), "paragraph looks", "paragraphs look")))
	scroll := container.NewVScroll(rows)
	scroll.SetMinSize(fyne.NewSize(560, 380))
	c.d = dialog.NewCustomConfirm("Clean up “"+shorten(b.Article.Title, 50)+"”", "Remove ticked", "Cancel",
		container.NewBorder(head, nil, nil, nil, scroll), func(ok bool) {
			if ok {
				c.apply()
			}
		}, ws.win)
	c.d.Resize(fyne.NewSize(640, 560))
	ws.showDialog(c.d)
	return c
}

// row is one item of the preview: its tick, what it would remove, and a
// warning when that holds highlights.
func (c *cleanupPreview) row(item []cleanup.Proposal, hs []storage.Highlight) fyne.CanvasObject {
	first, last := item[0], item[len(item)-1]
	label := fmt.Sprintf("¶%d · %s", first.Index+1, first.Reason)
	text := shorten(first.Text, 240)
	if len(item) > 1 {
		label = fmt.Sprintf("¶%d–%d · %s (%d paragraphs)", first.Index+1, last.Index+1, first.Reason, len(item))
		var lines []string
		for _, p := range item {
			if len(lines) == 4 {
				lines = append(lines, "…")
				break
			}
			if strings.Trim(p.Text, "-—–•·*| ") != "" { // separators say nothing
				lines = append(lines, shorten(p.Text, 90))
			}
		}
		text = strings.Join(lines, "\n")
	}
	check := widget.NewCheck(label, nil)
	check.SetChecked(true)
	c.checks = append(c.checks, check)
	body := widget.NewLabel(text)
	body.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(check, container.NewPadded(body))
	n := 0
	for _, p := range item {
		n += highlightsIn(hs, p.Paragraph)
	}
	if n > 0 {
		warn := widget.NewLabel(fmt.Sprintf("⚠ %s here: removing it keeps %s in the notes panel as orphaned (unless the words are elsewhere in the article).",
			nOf(n, "highlight is", "highlights are"), pronoun(n)))
		warn.Wrapping = fyne.TextWrapWord
		warn.Importance = widget.WarningImportance
		box.Add(warn)
	}
	return box
}

// apply removes the ticked paragraphs as one undoable edit.
func (c *cleanupPreview) apply() {
	var drop []cleanup.Paragraph
	for i, ch := range c.checks {
		if ch.Checked {
			for _, p := range c.items[i] {
				drop = append(drop, p.Paragraph)
			}
		}
	}
	if len(drop) == 0 {
		return
	}
	c.ws.removeParagraphs(c.id, drop, true)
}

// removeParagraph removes the paragraph holding body offset o of the open
// article (the reader's context menu), as one undoable edit.
func (ws *workspace) removeParagraph(o int) {
	if ws.current == nil {
		return
	}
	a, err := ws.store.Article(ws.ctx, ws.current.ID)
	if err != nil {
		ws.showError(err)
		return
	}
	i := cleanup.At(a.Body, o)
	if i < 0 {
		return
	}
	ws.removeParagraphs(a.ID, []cleanup.Paragraph{cleanup.Paragraphs(a.Body)[i]}, false)
}

// removeParagraphs applies the removal, records it for undo and shows the
// article as it now is. The report is shown after a clean-up, and after a
// single removal only when a highlight was affected.
func (ws *workspace) removeParagraphs(id int64, drop []cleanup.Paragraph, report bool) {
	rep, err := edit.RemoveParagraphs(ws.ctx, ws.store, id, drop)
	if err != nil {
		var dup *storage.DuplicateError
		switch {
		case errors.As(err, &dup):
			err = fmt.Errorf("without those paragraphs the text is the same as article %d's; nothing was removed", dup.ID)
		case errors.Is(err, edit.ErrEmpty):
			err = errors.New("that would remove all of the article's text (to remove the article, use Edit → Delete article)")
		}
		ws.showError(err)
		return
	}
	ws.reading.historyOf(id).push(action{kind: actEdit, h: storage.Highlight{ArticleID: id}, before: rep.Before})
	ws.articleChanged(id)
	if report || rep.Orphaned > 0 || rep.Fuzzy > 0 {
		ws.showReport("Paragraphs removed", fmt.Sprintf("Removed %s. ", plural(len(drop), "paragraph")), rep)
	}
}

// showParagraphMenu is the reader's context menu: actions on the
// paragraph under the pointer.
func (ws *workspace) showParagraphMenu(o int, at fyne.Position) {
	if ws.current == nil || o < 0 {
		return
	}
	menu := fyne.NewMenu("", append([]*fyne.MenuItem{fyne.NewMenuItem("Remove paragraph", func() { ws.removeParagraph(o) })},
		ws.cardMenuItems()...)...)
	widget.ShowPopUpMenuAtPosition(menu, ws.win.Canvas(), at)
}

// highlightsIn counts the placed highlights overlapping paragraph p.
func highlightsIn(hs []storage.Highlight, p cleanup.Paragraph) int {
	n := 0
	for _, h := range hs {
		if !h.Orphaned && h.Start < p.End && h.End > p.Start {
			n++
		}
	}
	return n
}

// nOf is "1 thing is" or "n things are": plural for phrases.
func nOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}
