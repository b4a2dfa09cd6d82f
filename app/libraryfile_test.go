package app

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLibraryLabel(t *testing.T) {
	tests := map[string]string{"/srv/libs/work.db": "/srv/libs/work.db"}
	if home, err := os.UserHomeDir(); err == nil && home != "/" {
		tests[filepath.Join(home, ".local/share/scholia/library.db")] = "~/.local/share/scholia/library.db"
		other := filepath.Join(filepath.Dir(home), "other", "x.db")
		tests[other] = other
	}
	for in, want := range tests {
		if got := libraryLabel(in); got != want {
			t.Errorf("libraryLabel(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTitleNamesTheLibrary: the window title names the open article and
// the library file, with and without an article open.
func TestTitleNamesTheLibrary(t *testing.T) {
	h := newHarness(t, "", nil)
	lib := libraryLabel(h.path)
	if got, want := h.win.Title(), h.ws.current.Title+" — Scholia — "+lib; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
	h.ws.closeArticle()
	if got, want := h.win.Title(), "Scholia — "+lib; got != want {
		t.Errorf("title with no article %q, want %q", got, want)
	}
}
