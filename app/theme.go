package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme choices in View → Theme.
const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

// variantTheme is Fyne's theme with the light/dark variant fixed by the
// user instead of the system.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

func (ws *workspace) applyTheme(choice string) {
	var th fyne.Theme = theme.DefaultTheme()
	switch choice {
	case themeLight:
		th = variantTheme{theme.DefaultTheme(), theme.VariantLight}
	case themeDark:
		th = variantTheme{theme.DefaultTheme(), theme.VariantDark}
	default:
		choice = themeSystem
	}
	ws.app.Preferences().SetString(prefTheme, choice)
	ws.app.Settings().SetTheme(th)
}

func (ws *workspace) themeMenu() *fyne.MenuItem {
	item := fyne.NewMenuItem("Theme", nil)
	var items []*fyne.MenuItem
	for _, c := range []struct{ key, label string }{
		{themeSystem, "Follow the system"}, {themeLight, "Light"}, {themeDark, "Dark"},
	} {
		key := c.key
		it := fyne.NewMenuItem(c.label, nil)
		it.Action = func() {
			ws.applyTheme(key)
			for _, other := range items {
				other.Checked = other == it
			}
		}
		it.Checked = ws.app.Preferences().StringWithFallback(prefTheme, themeSystem) == key
		items = append(items, it)
	}
	item.ChildMenu = fyne.NewMenu("", items...)
	return item
}
