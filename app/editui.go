package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"scholia/app/anchor"
	"scholia/app/edit"
	"scholia/storage"
)

// articleEditor is the Edit article text window: the article's details and
// its body, edited whole when short and a piece at a time when long (see
// editpieces.go). Save re-anchors every highlight through app/edit.
type articleEditor struct {
	ws  *workspace
	win fyne.Window
	a   storage.Article

	title, author, source, url, published *editorEntry
	body                                  *editorEntry
	pieces                                []piece
	cur                                   int // the piece in body
	list                                  *widget.List
	loading                               bool
}

// editArticle opens the editor on the open article (Edit → Edit article text).
func (ws *workspace) editArticle() { ws.openEditor() }

// openEditor opens the editor window on the open article and returns it
// (nil when no article is open).
func (ws *workspace) openEditor() *articleEditor {
	if ws.current == nil || ws.refuseWrite() {
		return nil
	}
	ws.notes.flush()
	a, err := ws.store.Article(ws.ctx, ws.current.ID)
	if err != nil {
		ws.showError(err)
		return nil
	}
	e := &articleEditor{ws: ws, a: a, pieces: splitPieces(a.Markdown)}
	e.win = ws.app.NewWindow("Edit “" + shorten(a.Title, 60) + "” — Scholia")
	e.win.Resize(fyne.NewSize(900, 700)) // before SetContent: wrapping at a tiny width is slow
	e.win.SetContent(e.buildUI())
	e.win.SetCloseIntercept(e.requestClose)
	e.win.Show()
	e.win.Canvas().Focus(e.body)
	return e
}

func (e *articleEditor) buildUI() fyne.CanvasObject {
	entry := func(text, hint string) *editorEntry {
		w := newEditorEntry(e, false)
		w.SetText(text)
		w.SetPlaceHolder(hint)
		return w
	}
	e.title = entry(e.a.Title, "Title")
	e.author = entry(e.a.Author, "Author")
	e.source = entry(e.a.Source, "Source, e.g. The Week")
	e.url = entry(e.a.URL, "https://…")
	e.published = entry(e.a.Published, "YYYY-MM-DD")
	e.published.Validator = edit.CheckPublished
	form := widget.NewForm(
		widget.NewFormItem("Title", e.title), widget.NewFormItem("Author", e.author),
		widget.NewFormItem("Source", e.source), widget.NewFormItem("URL", e.url),
		widget.NewFormItem("Published", e.published))

	e.body = newEditorEntry(e, true)
	e.body.Wrapping = fyne.TextWrapWord
	e.body.SetText(e.pieces[0].text)
	e.body.OnChanged = func(text string) {
		if e.loading {
			return
		}
		e.pieces[e.cur].text = text
		if e.list != nil {
			e.list.RefreshItem(e.cur)
		}
	}
	save := widget.NewButton("Save", e.save)
	save.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", e.requestClose)
	hint := "Highlights follow their words when you save; those whose words are gone are kept as orphaned in the notes panel."
	var top fyne.CanvasObject = form
	var text fyne.CanvasObject = e.body
	if len(e.pieces) > 1 {
		parts := widget.NewLabel(fmt.Sprintf("This long text is edited a part at a time (%d parts): choose one on the left.", len(e.pieces)))
		parts.Truncation = fyne.TextTruncateEllipsis
		top = container.NewVBox(form, parts)
		split := container.NewHSplit(e.buildList(), e.body)
		split.Offset = 0.3
		text = split
	}
	bottom := container.NewBorder(nil, nil, nil, container.NewHBox(cancel, save), wrapLabel(hint))
	return container.NewBorder(top, bottom, nil, nil, text)
}

// buildList is the list of pieces of a long body; choosing one puts it in
// the Entry, and Delete part empties it (an emptied part is dropped on save).
func (e *articleEditor) buildList() fyne.CanvasObject {
	e.list = widget.NewList(
		func() int { return len(e.pieces) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			t := shorten(e.pieces[i].text, 120)
			if t == "" {
				t = "— deleted —"
			}
			o.(*widget.Label).SetText(t)
		})
	e.list.OnSelected = e.choose
	e.list.Select(0)
	del := widget.NewButton("Delete part", func() {
		e.body.SetText("") // OnChanged empties the piece
	})
	return container.NewBorder(nil, del, nil, nil, e.list)
}

// choose puts piece i in the Entry.
func (e *articleEditor) choose(i widget.ListItemID) {
	if i < 0 || i >= len(e.pieces) || (i == e.cur && e.body.Text == e.pieces[i].text) {
		return
	}
	e.cur = i
	e.loading = true
	e.body.SetText(e.pieces[i].text)
	e.loading = false
	e.body.CursorRow, e.body.CursorColumn = 0, 0
	e.body.Refresh()
}

// save applies the edit, closes the editor, shows the article as saved and
// says what happened to its highlights. An edit that changes nothing just
// closes.
func (e *articleEditor) save() {
	ws := e.ws
	meta, body, changed := e.edited()
	if err := edit.CheckPublished(meta.Published); err != nil {
		ws.showErrorIn(e.win, err)
		return
	}
	if !changed {
		e.win.Close()
		return
	}
	rep, err := edit.Apply(ws.ctx, ws.store, e.a.ID, meta, body)
	if err != nil {
		var dup *storage.DuplicateError
		switch {
		case errors.As(err, &dup):
			err = fmt.Errorf("this text is already in the library as article %d", dup.ID)
		case errors.Is(err, edit.ErrEmpty):
			err = fmt.Errorf("the article needs some text (to remove it, use Edit → Delete article)")
		}
		ws.showErrorIn(e.win, fmt.Errorf("%s", oneLine(err)))
		return
	}
	e.win.Close()
	ws.reading.historyOf(e.a.ID).push(action{kind: actEdit, h: storage.Highlight{ArticleID: e.a.ID}, before: rep.Before})
	ws.articleChanged(e.a.ID)
	ws.showEditReport(rep)
}

// edited returns the details and body as the editor holds them, and
// whether they differ from the article as it was opened.
func (e *articleEditor) edited() (storage.Article, string, bool) {
	meta := storage.Article{Title: strings.TrimSpace(e.title.Text), Author: strings.TrimSpace(e.author.Text),
		Source: strings.TrimSpace(e.source.Text), URL: strings.TrimSpace(e.url.Text), Published: strings.TrimSpace(e.published.Text)}
	body := joinPieces(e.pieces)
	changed := meta.Title != e.a.Title || meta.Author != e.a.Author || meta.Source != e.a.Source || meta.URL != e.a.URL ||
		meta.Published != e.a.Published || body != e.a.Markdown
	return meta, body, changed
}

// requestClose closes the editor (Cancel, or the window's close button),
// asking first when that would throw away changes.
func (e *articleEditor) requestClose() {
	if _, _, changed := e.edited(); !changed {
		e.win.Close()
		return
	}
	d := dialog.NewConfirm("Discard changes?", "Close the editor without saving your changes to the text?", func(discard bool) {
		if discard {
			e.win.Close()
		}
	}, e.win)
	d.SetConfirmText("Discard")
	d.SetDismissText("Keep editing")
	e.ws.showDialogKeys(e.win, d, nil, nil)
}

// showEditReport tells the user "N highlights moved, M could not be
// placed", naming the ones re-anchored with changes (old and new quote)
// and the ones that could not be placed.
func (ws *workspace) showEditReport(rep edit.Report) {
	ws.showReport("Article text saved", "Saved. ", rep)
}

// showReport shows what an edit did to the highlights, under title, the
// summary line led by lead.
func (ws *workspace) showReport(title, lead string, rep edit.Report) {
	msg := lead + rep.Summary() + "."
	if len(rep.Changed) > 0 {
		msg += "\n\nRe-anchored with changes (the words they quote were edited):"
		for i, c := range rep.Changed {
			if i == 5 {
				msg += fmt.Sprintf("\n… and %d more", len(rep.Changed)-5)
				break
			}
			msg += "\n• “" + shorten(c.Old, 60) + "” → “" + shorten(c.New, 60) + "”"
		}
	}
	if len(rep.Orphans) > 0 {
		msg += "\n\nNot placed (kept in the notes panel, where you can re-attach or delete them):"
		for i, h := range rep.Orphans {
			if i == 5 {
				msg += fmt.Sprintf("\n… and %d more", len(rep.Orphans)-5)
				break
			}
			msg += "\n• “" + shorten(h.Quote, 80) + "”"
		}
	}
	d := dialog.NewCustom(title, "OK", wrapLabel(msg), ws.win)
	d.Resize(fyne.NewSize(460, 0)) // the label wraps at the dialog's width: give it room
	ws.showDialog(d)
}

// articleChanged shows an article's new text, details and highlights after
// an edit or its undo.
func (ws *workspace) articleChanged(id int64) {
	if ws.current != nil && ws.current.ID == id {
		ws.open(id)
	}
	ws.sidebar.refreshOne(id)
}

// historyOf is an article's undo history, made on first use.
func (p *readingPane) historyOf(id int64) *history {
	h := p.undo[id]
	if h == nil {
		h = &history{}
		p.undo[id] = h
	}
	return h
}

// applyEdit undoes (backward) or redoes an edit of the article text. Undo
// first records the text as edited, so redo can put it back exactly.
func applyEdit(p *readingPane, a *action, backward bool) error {
	st, ctx := p.ws.store, p.ws.ctx
	id := a.before.Article.ID
	if backward {
		bs, err := st.Bundles(ctx, []int64{id})
		if err != nil {
			return err
		}
		a.after = bs[0]
		err = edit.Undo(ctx, st, a.before)
		p.ws.articleChanged(id)
		return err
	}
	err := edit.Undo(ctx, st, a.after)
	p.ws.articleChanged(id)
	return err
}

// reattach places an orphaned highlight on the reader's current selection
// (undoable).
func (ws *workspace) reattach(id int64) {
	a := ws.current
	if a == nil {
		return
	}
	start, end := ws.reading.view.Selection()
	start, end = trimRange(a.Body, start, end)
	if end <= start {
		ws.showInfo("Re-attach highlight", "Select the words in the article first, then press Re-attach to selection.")
		return
	}
	sel, err := anchor.Describe(a.Body, start, end)
	if err != nil {
		ws.showError(err)
		return
	}
	// Undone like an edit of the text: restoring the article as it was
	// puts the highlight back as an orphan, exactly.
	before, err := ws.store.Bundles(ws.ctx, []int64{a.ID})
	if err != nil {
		ws.showError(err)
		return
	}
	h := storage.Highlight{ID: id, ArticleID: a.ID, Start: sel.Start, End: sel.End, Quote: sel.Exact, Prefix: sel.Prefix, Suffix: sel.Suffix}
	if err := ws.store.ReattachHighlight(ws.ctx, h); err != nil {
		ws.showError(err)
		return
	}
	ws.reading.historyOf(a.ID).push(action{kind: actEdit, h: storage.Highlight{ArticleID: a.ID}, before: before[0]})
	ws.highlightsChanged(a.ID)
	ws.reading.view.SelectHighlight(id)
	ws.notes.focusHighlight(id)
}

// editorEntry is a field of the editor. A focused Entry takes every
// shortcut, so Ctrl+S (Cmd+S) on the window alone would never fire while
// typing: each field passes it, and Esc, to the editor.
type editorEntry struct {
	widget.Entry
	ed *articleEditor
}

func newEditorEntry(ed *articleEditor, multiLine bool) *editorEntry {
	w := &editorEntry{ed: ed}
	w.MultiLine = multiLine
	w.ExtendBaseWidget(w)
	return w
}

// TypedShortcut saves on Ctrl+S and leaves the rest to the Entry.
func (w *editorEntry) TypedShortcut(sc fyne.Shortcut) {
	if s, ok := sc.(*desktop.CustomShortcut); ok && s.KeyName == fyne.KeyS && s.Modifier == fyne.KeyModifierShortcutDefault {
		w.ed.save()
		return
	}
	w.Entry.TypedShortcut(sc)
}

// TypedKey closes the editor on Esc (asking if there are changes).
func (w *editorEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		w.ed.requestClose()
		return
	}
	w.Entry.TypedKey(k)
}
