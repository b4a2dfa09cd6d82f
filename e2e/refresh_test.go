package e2e_test

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// titleContaining polls the app's window title until it contains want: the
// title names the open article, so it tells what the window opened.
func (d *display) titleContaining(w window, want string) string {
	d.t.Helper()
	var name string
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		name = strings.TrimSpace(d.xdo("getwindowname", w.id))
		if strings.Contains(name, want) {
			return name
		}
		time.Sleep(200 * time.Millisecond)
	}
	return name
}

// TestWindowSeesCLIChanges keeps the window open while the command line
// imports an article and tags another: the window's finder finds both
// without a restart. (The focus after a swatch click is tested with the
// test driver: under Xvfb a drag's selection is not always drawn, so its
// toolbar cannot be found on a screenshot.)
func TestWindowSeesCLIChanges(t *testing.T) {
	requireTools(t)
	out := outDir(t)
	t.Logf("screenshots and the app's log: %s", out)
	bin := buildScholia(t)
	db := filepath.Join(t.TempDir(), "library.db")
	cli(t, bin, db, "import", filepath.Join("testdata", "refresh", "harbour.txt"))
	d := startX(t, out)
	a := d.startApp(bin, db)
	w := d.waitWindow(a.exited)
	d.shot("refresh-1-opened")

	// Imported from the command line while the window is open.
	cli(t, bin, db, "import", filepath.Join("testdata", "refresh", "quokka.txt"))
	time.Sleep(2500 * time.Millisecond) // the window polls every second
	d.xdo("key", "ctrl+k")
	d.xdo("type", "--delay", "30", "quokka")
	time.Sleep(500 * time.Millisecond)
	d.shot("refresh-2-found-import")
	d.xdo("key", "Return")
	if name := d.titleContaining(w, "Quokka migration"); !strings.Contains(name, "Quokka migration") {
		t.Fatalf("the article imported from the command line did not open from the finder; window title %q; see refresh-2-found-import.png in %s", name, out)
	}

	// Tagged from the command line: the finder matches the new tag.
	var list []struct {
		ID    int64  `json:"id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal([]byte(cli(t, bin, db, "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	var harbour int64
	for _, x := range list {
		if strings.HasPrefix(x.Title, "Harbour seals") {
			harbour = x.ID
		}
	}
	if harbour == 0 {
		t.Fatalf("no harbour article in %+v", list)
	}
	cli(t, bin, db, "tag", strconv.FormatInt(harbour, 10), "+zqxfresh")
	time.Sleep(2500 * time.Millisecond)
	d.xdo("key", "ctrl+k")
	d.xdo("key", "ctrl+a")
	d.xdo("type", "--delay", "30", "zqxfresh")
	time.Sleep(500 * time.Millisecond)
	d.shot("refresh-3-found-tag")
	d.xdo("key", "Return")
	if name := d.titleContaining(w, "Harbour seals"); !strings.Contains(name, "Harbour seals") {
		t.Fatalf("the tag added from the command line did not reach the finder; window title %q; see refresh-3-found-tag.png in %s", name, out)
	}

	// Select with the mouse, click the green swatch, type.
	d.xdo("key", "ctrl+q")
	a.waitExit(t, "Ctrl+Q")
	// The window's own save on quitting must not have undone the tag.
	if got := cli(t, bin, db, "list", "--tag", "zqxfresh"); !strings.Contains(got, "Harbour seals") {
		t.Errorf("after quitting, the tag added from the command line is gone:\n%s", got)
	}
}
