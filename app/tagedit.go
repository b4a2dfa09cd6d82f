package app

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// maxSuggestions bounds the completion chips shown under the tag field.
const maxSuggestions = 6

// tagEditor shows tags as removable chips and adds new ones from a field
// that suggests existing tags as you type (Enter takes the first
// suggestion, or the typed name when none fits).
type tagEditor struct {
	onAdd    func(name string)
	onRemove func(name string)

	tags  []string
	known func() []string // every tag in the library, for completion

	chips       *fyne.Container
	entry       *widget.Entry
	suggestions *fyne.Container
	box         *fyne.Container
}

func newTagEditor(placeholder string, known func() []string) *tagEditor {
	e := &tagEditor{known: known}
	e.chips = container.New(layout.NewRowWrapLayout())
	e.suggestions = container.New(layout.NewRowWrapLayout())
	e.entry = widget.NewEntry()
	e.entry.SetPlaceHolder(placeholder)
	e.entry.OnChanged = func(string) { e.suggest() }
	e.entry.OnSubmitted = func(text string) {
		name := strings.TrimSpace(text)
		if s := e.matches(name); len(s) > 0 && name != "" && !strings.EqualFold(s[0], name) && strings.HasPrefix(strings.ToLower(s[0]), strings.ToLower(name)) {
			name = s[0]
		}
		e.add(name)
	}
	e.box = container.NewVBox(e.chips, e.entry, e.suggestions)
	return e
}

func (e *tagEditor) add(name string) {
	name = strings.Join(strings.Fields(name), " ")
	e.entry.SetText("")
	if name == "" || e.has(name) {
		return
	}
	if e.onAdd != nil {
		e.onAdd(name)
	}
}

func (e *tagEditor) has(name string) bool {
	for _, t := range e.tags {
		if strings.EqualFold(t, name) {
			return true
		}
	}
	return false
}

// setTags shows the given tags as chips.
func (e *tagEditor) setTags(tags []string) {
	e.tags = append([]string(nil), tags...)
	objs := make([]fyne.CanvasObject, 0, len(tags))
	for _, t := range tags {
		name := t
		chip := widget.NewButtonWithIcon("#"+name, theme.CancelIcon(), func() {
			if e.onRemove != nil {
				e.onRemove(name)
			}
		})
		chip.IconPlacement = widget.ButtonIconTrailingText
		chip.Importance = widget.LowImportance
		objs = append(objs, chip)
	}
	e.chips.Objects = objs
	e.chips.Refresh()
	e.suggest()
}

// matches lists known tags containing the typed text, prefix matches first.
func (e *tagEditor) matches(typed string) []string {
	typed = strings.ToLower(strings.TrimSpace(typed))
	if typed == "" || e.known == nil {
		return nil
	}
	var prefix, inner []string
	for _, t := range e.known() {
		lt := strings.ToLower(t)
		switch {
		case e.has(t):
		case strings.HasPrefix(lt, typed):
			prefix = append(prefix, t)
		case strings.Contains(lt, typed):
			inner = append(inner, t)
		}
	}
	sort.Strings(prefix)
	sort.Strings(inner)
	out := append(prefix, inner...)
	if len(out) > maxSuggestions {
		out = out[:maxSuggestions]
	}
	return out
}

func (e *tagEditor) suggest() {
	var objs []fyne.CanvasObject
	for _, s := range e.matches(e.entry.Text) {
		name := s
		b := widget.NewButton("+ "+name, func() { e.add(name) })
		b.Importance = widget.LowImportance
		objs = append(objs, b)
	}
	e.suggestions.Objects = objs
	e.suggestions.Refresh()
}
