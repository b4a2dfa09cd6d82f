package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/app/importer"
	"scholia/storage"
)

// TestRefreshFromFileInWindow: Article → Refresh from source on an article
// imported from a file reads the file again (new text in the reader,
// page-less highlight kept); once the file is gone the dialog says so in
// one line and the text stays.
func TestRefreshFromFileInWindow(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lake.md")
	p1 := "The water level of the lake rose by almost a metre during the spring."
	p2 := "The regional council has asked the university to study the change."
	os.WriteFile(path, []byte("# Lake\n\n"+p1+"\n\n"+p2+"\n"), 0o644)
	var id int64
	h := newHarness(t, "", func(s *storage.Store) {
		ctx := context.Background()
		rep, err := importer.Run(ctx, s, []string{path}, importer.Options{}, nil)
		if err != nil || rep.Imported != 1 {
			t.Fatalf("import: %+v %v", rep, err)
		}
		id = rep.Results[0].ID
		s.SetSetting(ctx, storage.SettingWelcomed, "1")
	})
	h.ws.open(id)
	h.ws.refreshFromSource()
	if msg := overlayText(t, h.win); !strings.Contains(msg, "The file’s text is unchanged.") {
		t.Errorf("same file: dialog says %q", msg)
	}
	for top := h.win.Canvas().Overlays().Top(); top != nil; top = h.win.Canvas().Overlays().Top() {
		h.win.Canvas().Overlays().Remove(top)
	}
	os.WriteFile(path, []byte("# Lake\n\nThe editors added this paragraph.\n\n"+p1+"\n\n"+p2+"\n"), 0o644)
	h.ws.refreshFromSource()
	h.eventually("the refreshed text", func() bool {
		return h.ws.current != nil && strings.HasPrefix(h.ws.current.Body, "The editors added")
	})
	for top := h.win.Canvas().Overlays().Top(); top != nil; top = h.win.Canvas().Overlays().Top() {
		h.win.Canvas().Overlays().Remove(top)
	}
	os.Remove(path)
	before := h.ws.current.Body
	h.ws.refreshFromSource()
	msg := overlayText(t, h.win)
	if first, _, _ := strings.Cut(msg, "\n"); !strings.HasPrefix(first, "Not refreshed: "+path+" is gone") {
		t.Errorf("file gone: dialog says %q", msg)
	}
	if a, _ := h.store.Article(context.Background(), id); a.Body != before {
		t.Error("a failed refresh changed the text")
	}
}
