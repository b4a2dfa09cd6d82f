package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Every dialog the app opens goes through showDialog, so that Esc closes
// it and Enter confirms it everywhere. Fyne's dialogs are pop-ups on their
// window's canvas with no keys of their own: while one is open, the canvas'
// key handler (which gets the keys when no widget has the focus, as in a
// dialog just opened) acts on the topmost dialog, and entries made with
// newDialogEntry pass Esc and Enter on to it when they have the focus.

// openDialog is one dialog on screen and what its keys do.
type openDialog struct {
	d          dialog.Dialog
	esc, enter func()
}

// dialogStack is the dialogs open in one window, topmost last, and the key
// handler the canvas had before the first one opened.
type dialogStack struct {
	open []*openDialog
	prev func(*fyne.KeyEvent)
}

// showDialog shows d in the main window with the usual keys: Esc dismisses
// it; Enter confirms a confirmation, submits a form, and closes a dialog
// whose only button is OK or Close.
func (ws *workspace) showDialog(d dialog.Dialog) { ws.showDialogKeys(ws.win, d, nil, nil) }

// showDialogKeys shows d in win with Esc and Enter doing esc and enter (nil:
// the usual, as showDialog).
func (ws *workspace) showDialogKeys(win fyne.Window, d dialog.Dialog, esc, enter func()) {
	if esc == nil {
		esc = d.Dismiss
	}
	if enter == nil {
		switch x := d.(type) {
		case *dialog.ConfirmDialog:
			enter = x.Confirm
		case *dialog.FormDialog:
			enter = x.Submit
		case *dialog.FileDialog:
			enter = func() {} // its own list and field decide what Enter picks
		default:
			enter = d.Dismiss
		}
	}
	if ws.dialogs == nil {
		ws.dialogs = map[fyne.Window]*dialogStack{}
	}
	st := ws.dialogs[win]
	if st == nil {
		st = &dialogStack{}
		ws.dialogs[win] = st
	}
	od := &openDialog{d: d, esc: esc, enter: enter}
	c := win.Canvas()
	if len(st.open) == 0 {
		st.prev = c.OnTypedKey()
		c.SetOnTypedKey(func(k *fyne.KeyEvent) { ws.dialogKey(win, k) })
	}
	st.open = append(st.open, od)
	d.SetOnClosed(func() { ws.dialogClosed(win, od) })
	d.Show()
}

// dialogKey does what Esc or Enter does to the topmost dialog in win;
// other keys do nothing while a dialog is open (the reader's one-key
// commands must not act behind it). It reports whether the key was used.
func (ws *workspace) dialogKey(win fyne.Window, k *fyne.KeyEvent) bool {
	st := ws.dialogs[win]
	if st == nil || len(st.open) == 0 {
		return false
	}
	top := st.open[len(st.open)-1]
	switch k.Name {
	case fyne.KeyEscape:
		top.esc()
	case fyne.KeyReturn, fyne.KeyEnter:
		top.enter()
	default:
		return false
	}
	return true
}

// dialogClosed forgets a closed dialog, however it was closed, and gives
// the canvas its own key handler back once none is left.
func (ws *workspace) dialogClosed(win fyne.Window, od *openDialog) {
	st := ws.dialogs[win]
	if st == nil {
		return
	}
	for i, o := range st.open {
		if o == od {
			st.open = append(st.open[:i], st.open[i+1:]...)
			break
		}
	}
	if len(st.open) == 0 {
		win.Canvas().SetOnTypedKey(st.prev)
		delete(ws.dialogs, win)
	}
}

// dialogEntry is an entry for use inside a dialog: Esc closes the dialog
// rather than being swallowed by the field, and Enter in a one-line field
// runs OnSubmitted when it is set, else confirms the dialog.
type dialogEntry struct {
	widget.Entry
	ws  *workspace
	win fyne.Window
}

func (ws *workspace) newDialogEntry(win fyne.Window) *dialogEntry {
	e := &dialogEntry{ws: ws, win: win}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey passes Esc, and Enter with nothing else to do, to the dialog.
func (e *dialogEntry) TypedKey(k *fyne.KeyEvent) {
	switch {
	case k.Name == fyne.KeyEscape:
		e.ws.dialogKey(e.win, k)
		return
	case (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && !e.MultiLine && e.OnSubmitted == nil:
		e.ws.dialogKey(e.win, k)
		return
	}
	e.Entry.TypedKey(k)
}

// showError tells the user what went wrong, in one line.
func (ws *workspace) showErrorIn(win fyne.Window, err error) {
	ws.showDialogKeys(win, dialog.NewError(err, win), nil, nil)
}

// showInfo is an information dialog with an OK button.
func (ws *workspace) showInfo(title, msg string) {
	ws.showDialog(dialog.NewInformation(title, msg, ws.win))
}
