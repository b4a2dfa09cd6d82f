package app

import (
	"os"
	"path/filepath"
	"strings"

	"scholia/app/appdirs"
)

// saveLibraryChoice remembers the library opened with Preferences → Open
// another library in the settings file the command line reads too, so
// `scholia list` works on the library the window shows. Tests replace it.
var saveLibraryChoice = func(path string) error { return appdirs.SetLibrary(os.Getenv, path) }

// libraryLabel is the library file as the window title shows it, so a
// user with two libraries always sees which one a window works on. The
// home folder is written ~ to keep the title short.
func libraryLabel(library string) string {
	if home, err := os.UserHomeDir(); err == nil && home != "" && home != "/" {
		if rel, err := filepath.Rel(home, library); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.Join("~", rel)
		}
	}
	return library
}
