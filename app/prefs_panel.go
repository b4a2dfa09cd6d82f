package app

import (
	"fmt"

	"fyne.io/fyne/v2"
)

// Preference keys of the notes panel, All highlights and the import and
// export dialogs (kept apart from prefs.go so parallel work merges cleanly).
const (
	prefNotePreview  = "notes.preview"      // the note shows rendered Markdown
	prefHLSort       = "allHighlights.sort" // hlSortDocument, hlSortNewest or hlSortColour
	prefHLGroup      = "allHighlights.group"
	prefExportFolder = "export.lastFolder"
	prefExportScope  = "export.scope"
	prefExportFormat = "export.format"
)

// notePreviewKey toggles the note between editing and the rendered preview.
var notePreviewKey fyne.Shortcut = ctrlShift(fyne.KeyM)

func errNoArticleTitled(title string) error {
	return fmt.Errorf("no article is titled “%s”", title)
}
