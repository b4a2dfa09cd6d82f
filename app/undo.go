package app

import "scholia/storage"

type actionKind int

const (
	actCreate actionKind = iota
	actDelete
	actRecolor
	actEdit // the article text and details edited (editui.go)
)

// action is one undoable highlight change. h is the highlight as it was
// before a delete or recolour, or as created.
type action struct {
	kind  actionKind
	h     storage.Highlight
	color string // the new colour of a recolour
	// before and after are the article as it was before an edit and (once
	// undone) after it, so undo and redo restore either exactly.
	before, after storage.Bundle
}

// history is one article's undo and redo stacks. Undoing a delete recreates
// the highlight with its old ID, comment and tags, so nothing is lost.
type history struct {
	done, undone []action
}

func (h *history) push(a action) {
	h.done = append(h.done, a)
	h.undone = nil
}

func (h *history) undo(p *readingPane) {
	if len(h.done) == 0 {
		return
	}
	a := &h.done[len(h.done)-1]
	if err := apply(p, a, true); err != nil {
		p.ws.showError(err)
		return
	}
	h.done = h.done[:len(h.done)-1]
	h.undone = append(h.undone, *a)
	p.ws.highlightsChanged(a.h.ArticleID)
}

func (h *history) redo(p *readingPane) {
	if len(h.undone) == 0 {
		return
	}
	a := &h.undone[len(h.undone)-1]
	if err := apply(p, a, false); err != nil {
		p.ws.showError(err)
		return
	}
	h.undone = h.undone[:len(h.undone)-1]
	h.done = append(h.done, *a)
	p.ws.highlightsChanged(a.h.ArticleID)
}

// apply performs a (forward) or its inverse (backward). A delete records
// the comment and tags the highlight had, so recreating it restores them.
func apply(p *readingPane, a *action, backward bool) error {
	if a.kind == actEdit {
		return applyEdit(p, a, backward)
	}
	st, ctx := p.ws.store, p.ws.ctx
	create := func() error {
		h := a.h
		if cur, err := st.Highlight(ctx, h.ID); err == nil {
			h.Comment, h.Tags = cur.Comment, cur.Tags
		}
		return st.CreateHighlight(ctx, &h)
	}
	remove := func() error {
		// Keep a comment typed since, so a redo brings it back.
		if cur, err := st.Highlight(ctx, a.h.ID); err == nil {
			a.h.Comment, a.h.Tags = cur.Comment, cur.Tags
		}
		return st.DeleteHighlight(ctx, a.h.ID)
	}
	switch {
	case a.kind == actCreate && backward, a.kind == actDelete && !backward:
		return remove()
	case a.kind == actCreate, a.kind == actDelete:
		return create()
	case backward:
		return st.SetHighlightColor(ctx, a.h.ID, a.h.Color)
	default:
		return st.SetHighlightColor(ctx, a.h.ID, a.color)
	}
}
