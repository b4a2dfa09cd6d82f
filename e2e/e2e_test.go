// Package e2e_test drives the real scholia binary in a real window under
// Xvfb with xdotool, the way a user would, and checks what the library holds
// afterwards through the command line. It skips, saying why, where Xvfb,
// xdotool or ImageMagick is missing (make test-deps installs them).
package e2e_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// seedDir holds the project's own seed articles (pasted news pages), the
// ones app/internal/seedtest embeds for the other packages' tests.
const seedDir = "../app/internal/seedtest/testdata"

func requireTools(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"Xvfb", "xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("e2e: Xvfb/xdotool not installed (no %s on PATH); run make test-deps", tool)
		}
	}
}

// outDir is where the screenshots and the app's log are kept:
// $SCHOLIA_E2E_OUT, or e2e/testdata/out (ignored by git), emptied first.
func outDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("SCHOLIA_E2E_OUT")
	if dir == "" {
		dir = filepath.Join("testdata", "out")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(abs)
	if err := os.MkdirAll(abs, 0o755); err != nil {
		t.Fatal(err)
	}
	return abs
}

// buildScholia builds the binary from the module root, as make build does.
func buildScholia(t *testing.T) string {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		goBin = "/usr/local/go/bin/go"
	}
	bin := filepath.Join(t.TempDir(), "scholia")
	cmd := exec.Command(goBin, "build", "-tags", "sqlite_fts5", "-o", bin, ".")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// cli runs a scholia command on the library and returns its output.
func cli(t *testing.T, bin, db string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, append(args, "--db", db)...)
	cmd.Env = append(os.Environ(), "SCHOLIA_DB=")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("scholia %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

type shown struct {
	ID         int64  `json:"id"`
	Body       string `json:"body"`
	Note       string `json:"note"`
	Highlights []struct {
		Start   int    `json:"start"`
		End     int    `json:"end"`
		Quote   string `json:"quote"`
		Comment string `json:"comment"`
	} `json:"highlights"`
}

func show(t *testing.T, bin, db string, id int64) shown {
	t.Helper()
	var a shown
	out := cli(t, bin, db, "show", strconv.FormatInt(id, 10), "--json")
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("show --json: %v\n%s", err, out)
	}
	return a
}

// highlighted polls the library (read beside the running window) until an
// article has a highlight, and returns it.
func highlighted(t *testing.T, bin, db string) int64 {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		var list []struct {
			ID         int64 `json:"id"`
			Highlights int   `json:"highlights"`
		}
		if err := json.Unmarshal([]byte(cli(t, bin, db, "list", "--json")), &list); err != nil {
			t.Fatal(err)
		}
		for _, a := range list {
			if a.Highlights > 0 {
				return a.ID
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("pressing 1 on a selection made no highlight within 20 s")
	return 0
}

func TestWindowSavesHighlightCommentAndNote(t *testing.T) {
	requireTools(t)
	seeds, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if len(seeds) == 0 {
		t.Fatalf("e2e: the project's seed articles are not at %s", seedDir)
	}
	out := outDir(t)
	t.Logf("screenshots and the app's log: %s", out)
	bin := buildScholia(t)
	db := filepath.Join(t.TempDir(), "library.db")
	cli(t, bin, db, append([]string{"import"}, seeds...)...)
	d := startX(t, out)
	const comment, note = "both sides dig in", "Typed right before SIGTERM."

	// Select a passage with the mouse, press 1, type a comment, Ctrl+Q.
	a := d.startApp(bin, db)
	w := d.waitWindow(a.exited)
	d.shot("1-opened")
	// The title names the open library, so two windows on two libraries
	// can be told apart.
	if name := d.windowName(w); !strings.Contains(name, db) || !strings.Contains(name, "Scholia") {
		t.Errorf("window title %q does not name the library %s", name, db)
	}
	x0, y0 := w.at(0.30, 0.36) // the reading pane, second paragraph
	x1, y1 := w.at(0.42, 0.37)
	x2, y2 := w.at(0.65, 0.40)
	d.xdo("mousemove", x0, y0, "mousedown", "1", "mousemove", x1, y1, "mousemove", x2, y2, "mouseup", "1")
	d.shot("2-selected")
	d.xdo("key", "1")
	id := highlighted(t, bin, db)
	// The focus moves to the comment field in the same step that stored
	// the highlight; give the window a moment to draw it.
	time.Sleep(300 * time.Millisecond)
	// The last words go in right before Ctrl+Q, well inside the autosave
	// delay: only the save on quitting can keep them.
	d.xdo("type", "--delay", "40", comment[:10])
	d.shot("3-commenting")
	d.xdo("type", "--delay", "20", comment[10:])
	d.xdo("key", "ctrl+q")
	a.waitExit(t, "Ctrl+Q")

	got := show(t, bin, db, id)
	if len(got.Highlights) != 1 {
		t.Fatalf("article %d has %d highlights after Ctrl+Q, want 1; see the screenshots in %s", id, len(got.Highlights), out)
	}
	h := got.Highlights[0]
	body := []rune(got.Body)
	if h.Quote == "" || h.Start < 0 || h.End > len(body) || h.Start >= h.End || string(body[h.Start:h.End]) != h.Quote {
		t.Errorf("highlight %d–%d quote %q is not the body's text there", h.Start, h.End, h.Quote)
	}
	if h.Comment != comment {
		t.Errorf("comment after Ctrl+Q = %q, want %q; see 3-commenting.png in %s", h.Comment, comment, out)
	}

	// Reopen (the same article comes back), click into the note, type,
	// and end the app with SIGTERM straight away.
	a = d.startApp(bin, db)
	w = d.waitWindow(a.exited)
	nx, ny := w.at(0.88, 0.27) // the note field in the notes panel
	d.xdo("mousemove", nx, ny, "click", "1")
	d.xdo("type", "--delay", "40", note[:11])
	d.shot("4-noting")
	d.xdo("type", "--delay", "20", note[11:])
	// xdotool returns once the X server has the keys, not once the app has
	// read them: give the last key a moment to arrive (well within the
	// "quit within a second" promise and shorter than the autosave delay,
	// so only the save on SIGTERM can keep it).
	time.Sleep(150 * time.Millisecond)
	if err := a.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	a.waitExit(t, "SIGTERM")
	got = show(t, bin, db, id)
	if got.Note != note {
		t.Errorf("note after SIGTERM = %q, want %q; see 4-noting.png in %s", got.Note, note, out)
	}
	if len(got.Highlights) != 1 || got.Highlights[0].Comment != comment {
		t.Errorf("highlights after the second run: %+v", got.Highlights)
	}
}

// windowName is the window's title as the X server has it.
func (d *display) windowName(w window) string {
	d.t.Helper()
	cmd := exec.Command("xdotool", "getwindowname", w.id)
	cmd.Env = d.env
	out, err := cmd.Output()
	if err != nil {
		d.t.Fatalf("xdotool getwindowname: %v", err)
	}
	return strings.TrimSpace(string(out))
}
