package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"scholia/storage"
)

// tagManager is Library → Manage tags: every tag with its counts; rename
// (onto an existing name merges), delete, and undo of each.
type tagManager struct {
	ws       *workspace
	list     *widget.List
	name     *dialogEntry
	rename   *widget.Button
	remove   *widget.Button
	undo     *widget.Button
	status   *widget.Label
	selected string
	history  [][]storage.TagLinks // links to put back, one entry per change
}

func (ws *workspace) manageTags() {
	m := &tagManager{ws: ws}
	d := dialog.NewCustom("Manage tags", "Close", m.buildUI(), ws.win)
	d.Resize(fyne.NewSize(620, 480))
	ws.showDialog(d)
}

func (m *tagManager) buildUI() fyne.CanvasObject {
	m.list = widget.NewList(
		func() int { return len(m.ws.tags) },
		func() fyne.CanvasObject { return widget.NewLabel("tag (0 articles, 0 highlights)") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(m.ws.tags) {
				t := m.ws.tags[i]
				o.(*widget.Label).SetText(fmt.Sprintf("#%s   %s, %s", t.Name,
					plural(t.Articles, "article"), plural(t.Highlights, "highlight")))
			}
		})
	m.list.OnSelected = func(i widget.ListItemID) {
		if i < len(m.ws.tags) {
			m.selected = m.ws.tags[i].Name
			m.name.SetText(m.selected)
			m.rename.Enable()
			m.remove.Enable()
		}
	}
	m.name = m.ws.newDialogEntry(m.ws.win)
	m.name.SetPlaceHolder("New name (an existing tag's name merges)")
	m.name.OnSubmitted = func(string) { m.doRename() }
	m.rename = widget.NewButton("Rename or merge", m.doRename)
	m.remove = widget.NewButton("Delete tag", m.doDelete)
	m.undo = widget.NewButton("Undo", m.doUndo)
	m.rename.Disable()
	m.remove.Disable()
	m.undo.Disable()
	m.status = wrapLabel("")
	side := container.NewVBox(m.name, m.rename, m.remove, widget.NewSeparator(), m.undo, m.status)
	split := container.NewHSplit(m.list, side)
	split.Offset = 0.55
	return split
}

func (m *tagManager) doRename() {
	from, to := m.selected, storage.CleanTag(m.name.Text)
	if from == "" || to == "" || to == from {
		return
	}
	fromLinks, err := m.ws.store.Links(m.ws.ctx, from)
	if err != nil {
		m.ws.showError(err)
		return
	}
	toLinks, err := m.ws.store.Links(m.ws.ctx, to)
	if err != nil {
		m.ws.showError(err)
		return
	}
	merging := len(toLinks.Articles)+len(toLinks.Highlights) > 0 && !strings.EqualFold(from, to)
	if err := m.ws.store.RenameTag(m.ws.ctx, from, to); err != nil {
		m.ws.showError(err)
		return
	}
	// To undo: the new name gets back exactly its old links (none for a
	// plain rename), and the old name its own.
	toLinks.Name = to
	m.history = append(m.history, []storage.TagLinks{toLinks, fromLinks})
	if merging {
		m.done(fmt.Sprintf("Merged #%s into #%s.", from, to))
	} else {
		m.done(fmt.Sprintf("Renamed #%s to #%s.", from, to))
	}
}

func (m *tagManager) doDelete() {
	name := m.selected
	if name == "" {
		return
	}
	links, err := m.ws.store.Links(m.ws.ctx, name)
	if err != nil {
		m.ws.showError(err)
		return
	}
	if err := m.ws.store.DeleteTag(m.ws.ctx, name); err != nil {
		m.ws.showError(err)
		return
	}
	m.history = append(m.history, []storage.TagLinks{links})
	m.done(fmt.Sprintf("Deleted #%s from %s and %s.", name,
		plural(len(links.Articles), "article"), plural(len(links.Highlights), "highlight")))
}

func (m *tagManager) doUndo() {
	if len(m.history) == 0 {
		return
	}
	last := m.history[len(m.history)-1]
	for _, l := range last {
		if err := m.ws.store.SetLinks(m.ws.ctx, l); err != nil {
			m.ws.showError(err)
			return
		}
	}
	m.history = m.history[:len(m.history)-1]
	m.done("Undone.")
}

// done refreshes the list, the window and the buttons after a change.
func (m *tagManager) done(msg string) {
	m.status.SetText(msg)
	m.selected = ""
	m.name.SetText("")
	m.rename.Disable()
	m.remove.Disable()
	if len(m.history) > 0 {
		m.undo.Enable()
	} else {
		m.undo.Disable()
	}
	m.ws.tagsChanged()
	if m.ws.current != nil {
		m.ws.open(m.ws.current.ID)
	}
	m.list.UnselectAll()
	m.list.Refresh()
}
