package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// commentLinks is the row under the selected highlight's comment that
// makes its [[Title]] links clickable (and reachable with Tab): the
// comment field itself is plain text.
type commentLinks struct {
	ws     *workspace
	box    *fyne.Container
	titles []string // what box shows
}

func newCommentLinks(ws *workspace) *commentLinks {
	return &commentLinks{ws: ws, box: container.NewHBox()}
}

// set shows the links of comment; it reports whether the row changed.
func (c *commentLinks) set(comment string) bool {
	var titles []string
	seen := map[string]bool{}
	for _, m := range wikiLink.FindAllStringSubmatch(comment, -1) {
		t := strings.TrimSpace(m[1])
		if k := strings.ToLower(t); t != "" && !seen[k] {
			seen[k] = true
			titles = append(titles, t)
		}
	}
	if strings.Join(titles, "\x00") == strings.Join(c.titles, "\x00") {
		return false
	}
	c.titles = titles
	c.box.RemoveAll()
	if len(titles) > 0 {
		l := widget.NewLabel("Links:")
		l.SizeName = theme.SizeNameCaptionText
		c.box.Add(l)
	}
	for _, t := range titles {
		h := widget.NewHyperlink(shorten(t, 40), nil)
		h.OnTapped = func() { c.ws.openByTitle(t) }
		c.box.Add(h)
	}
	if len(titles) == 0 {
		c.box.Hide()
	} else {
		c.box.Show()
	}
	c.box.Refresh()
	return true
}

// AcceptsTab is false: Tab leaves the comment for its links, the tags and
// the Card fields, so they are reachable from the keyboard (a comment has
// no use for tab characters).
func (e *commentEntry) AcceptsTab() bool { return false }

// plainLinks shows [[Title]] and [[Title|text]] as their text, for places
// that show a comment as a line of plain text (the list, the review card).
func plainLinks(s string) string {
	if !strings.Contains(s, "[[") {
		return s
	}
	return wikiLink.ReplaceAllStringFunc(s, func(m string) string {
		sub := wikiLink.FindStringSubmatch(m)
		if t := strings.TrimSpace(sub[2]); t != "" {
			return t
		}
		return strings.TrimSpace(sub[1])
	})
}
