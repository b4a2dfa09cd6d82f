package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"scholia/storage"
)

// reviewPrefs is the Review part of Preferences: the session size (this
// machine), the pace of new highlights and the colours that come first
// (the library's, so the CLI and other machines agree).
func (ws *workspace) reviewPrefs() fyne.CanvasObject {
	p := ws.app.Preferences()
	var sizes []string
	for _, n := range []int{5, 10, 15, 20, 30, 50} {
		sizes = append(sizes, strconv.Itoa(n))
	}
	size := widget.NewSelect(sizes, func(s string) {
		n, _ := strconv.Atoi(s)
		p.SetInt(prefReviewSession, n)
	})
	size.SetSelected(strconv.Itoa(p.IntWithFallback(prefReviewSession, defaultReviewSession)))

	var paces []string
	for n := 0; n <= 20; n++ {
		paces = append(paces, strconv.Itoa(n))
	}
	cur, _ := ws.store.Setting(ws.ctx, storage.SettingReviewNewPerDay)
	if cur == "" {
		cur = strconv.Itoa(storage.DefaultNewPerDay)
	}
	pace := widget.NewSelect(paces, func(s string) {
		if s != cur && !ws.refuseWrite() {
			if err := ws.store.SetSetting(ws.ctx, storage.SettingReviewNewPerDay, s); err != nil {
				ws.showError(err)
			}
			cur = s
		}
	})
	pace.SetSelected(cur)

	marked, _ := ws.store.Setting(ws.ctx, storage.SettingReviewColors)
	chosen := map[string]bool{}
	for _, k := range strings.Split(marked, ",") {
		chosen[strings.TrimSpace(k)] = true
	}
	var names, selected []string
	for _, c := range ws.colors {
		names = append(names, c.Name)
		if chosen[c.Key] {
			selected = append(selected, c.Name)
		}
	}
	group := widget.NewCheckGroup(names, nil)
	group.Horizontal = true
	group.SetSelected(selected)
	group.OnChanged = func(sel []string) {
		if ws.refuseWrite() {
			return
		}
		var keys []string
		for _, c := range ws.colors {
			for _, n := range sel {
				if n == c.Name {
					keys = append(keys, c.Key)
				}
			}
		}
		if err := ws.store.SetSetting(ws.ctx, storage.SettingReviewColors, strings.Join(keys, ",")); err != nil {
			ws.showError(err)
		}
	}
	form := widget.NewForm(
		widget.NewFormItem("Highlights a session", size),
		widget.NewFormItem("New highlights a day", pace),
	)
	return container.NewVBox(form, widget.NewLabel("Colours reviewed first (with commented highlights and cards):"), group)
}
