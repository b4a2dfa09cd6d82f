package e2e_test

import (
	"bufio"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// display is a private X server (Xvfb) for one test, and the environment
// the programs it runs get: their own HOME and XDG folders, so the user's
// preferences neither leak in nor get written.
type display struct {
	t   *testing.T
	env []string
	out string // where screenshots and logs go
}

// startX starts Xvfb on a display number it picks itself (-displayfd), so
// parallel runs and a developer's own X server do not collide.
func startX(t *testing.T, out string) *display {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	x := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	x.ExtraFiles = []*os.File{w}
	if err := x.Start(); err != nil {
		t.Fatalf("starting Xvfb: %v", err)
	}
	w.Close()
	t.Cleanup(func() { x.Process.Kill(); x.Wait() })
	num := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		num <- strings.TrimSpace(line)
	}()
	var n string
	select {
	case n = <-num:
	case <-time.After(30 * time.Second):
		t.Fatal("Xvfb did not start within 30 s")
	}
	if _, err := strconv.Atoi(n); err != nil {
		t.Fatalf("Xvfb reported display %q", n)
	}

	home := t.TempDir()
	run := filepath.Join(home, "run")
	for _, d := range []string{".config", ".local/share", ".cache", "run"} {
		if err := os.MkdirAll(filepath.Join(home, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if k == "DISPLAY" || k == "WAYLAND_DISPLAY" || k == "HOME" || k == "SCHOLIA_DB" ||
			strings.HasPrefix(k, "XDG_") || strings.HasPrefix(k, "FYNE_") {
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "DISPLAY=:"+n, "HOME="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "XDG_DATA_HOME="+filepath.Join(home, ".local/share"),
		"XDG_CACHE_HOME="+filepath.Join(home, ".cache"), "XDG_RUNTIME_DIR="+run)
	return &display{t: t, env: env, out: out}
}

// xdo runs xdotool on the display and returns its output.
func (d *display) xdo(args ...string) string {
	d.t.Helper()
	cmd := exec.Command("xdotool", args...)
	cmd.Env = d.env
	out, err := cmd.CombinedOutput()
	if err != nil {
		d.t.Fatalf("xdotool %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// shot saves the whole screen as NAME.png in the output folder.
func (d *display) shot(name string) string {
	d.t.Helper()
	path := filepath.Join(d.out, name+".png")
	cmd := exec.Command("import", "-window", "root", path)
	cmd.Env = d.env
	if out, err := cmd.CombinedOutput(); err != nil {
		d.t.Fatalf("screenshot %s: %v\n%s", name, err, out)
	}
	return path
}

// window is the app's top-level window: its id and geometry.
type window struct {
	id         string
	x, y, w, h int
}

// at turns a point given as fractions of the window's size into screen
// coordinates, so the test follows the window if its size changes.
func (w window) at(fx, fy float64) (string, string) {
	return strconv.Itoa(w.x + int(fx*float64(w.w))), strconv.Itoa(w.y + int(fy*float64(w.h)))
}

// waitWindow waits until the Scholia window exists and its reading pane
// shows text (the window is mapped before its first frame is drawn), and
// fails early if the app exits.
func (d *display) waitWindow(exited <-chan struct{}) window {
	d.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	var w window
	for {
		select {
		case <-exited:
			d.t.Fatalf("the app exited before its window showed; the end of its log (%s):\n%s", filepath.Join(d.out, "app.log"), tail(filepath.Join(d.out, "app.log"), 20))
		default:
		}
		if time.Now().After(deadline) {
			d.shot("timeout")
			d.t.Fatalf("no Scholia window with text within 60 s; see timeout.png in %s", d.out)
		}
		if w.id == "" {
			cmd := exec.Command("xdotool", "search", "--onlyvisible", "--name", "Scholia")
			cmd.Env = d.env
			if out, err := cmd.Output(); err == nil && strings.TrimSpace(string(out)) != "" {
				w.id = strings.Fields(string(out))[0]
				w = d.geometry(w.id)
			}
		}
		if w.id != "" && d.showsText(w) {
			return w
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func (d *display) geometry(id string) window {
	d.t.Helper()
	w := window{id: id}
	for _, line := range strings.Split(d.xdo("getwindowgeometry", "--shell", id), "\n") {
		k, v, _ := strings.Cut(line, "=")
		n, _ := strconv.Atoi(v)
		switch k {
		case "X":
			w.x = n
		case "Y":
			w.y = n
		case "WIDTH":
			w.w = n
		case "HEIGHT":
			w.h = n
		}
	}
	if w.w == 0 || w.h == 0 {
		d.t.Fatalf("window %s has no size", id)
	}
	return w
}

// showsText reports whether the middle of the reading pane has drawn
// glyphs: many pixels that differ from its background.
func (d *display) showsText(w window) bool {
	path := d.shot("poll")
	defer os.Remove(path)
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return false
	}
	r := image.Rect(w.x+int(0.3*float64(w.w)), w.y+int(0.3*float64(w.h)), w.x+int(0.7*float64(w.w)), w.y+int(0.7*float64(w.h)))
	bg := img.At(r.Min.X, r.Min.Y)
	br, bgc, bb, _ := bg.RGBA()
	differ, total := 0, 0
	for y := r.Min.Y; y < r.Max.Y; y += 2 {
		for x := r.Min.X; x < r.Max.X; x += 2 {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if absDiff(cr, br)+absDiff(cg, bgc)+absDiff(cb, bb) > 0x3000 {
				differ++
			}
			total++
		}
	}
	return total > 0 && differ*100 > total // over 1% of the pane is ink
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// app is a running `scholia --db DB` on the display.
type app struct {
	cmd    *exec.Cmd
	exited chan struct{}
	err    error
}

func (d *display) startApp(bin, db string) *app {
	d.t.Helper()
	logf, err := os.OpenFile(filepath.Join(d.out, "app.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		d.t.Fatal(err)
	}
	a := &app{cmd: exec.Command(bin, "--db", db), exited: make(chan struct{})}
	a.cmd.Env = d.env
	a.cmd.Stdout, a.cmd.Stderr = logf, logf
	if err := a.cmd.Start(); err != nil {
		d.t.Fatal(err)
	}
	go func() {
		a.err = a.cmd.Wait()
		// The exit status goes into the log, so a window that never
		// showed says why (or that it ended cleanly, handing off).
		fmt.Fprintf(logf, "e2e: scholia --db %s ended: %v\n", db, a.err)
		logf.Close()
		close(a.exited)
	}()
	d.t.Cleanup(func() {
		select {
		case <-a.exited:
		default:
			a.cmd.Process.Kill()
			<-a.exited
		}
	})
	return a
}

// waitExit waits for the app to end by itself and fails unless it ends
// cleanly (exit status 0).
func (a *app) waitExit(t *testing.T, why string) {
	t.Helper()
	select {
	case <-a.exited:
		if a.err != nil {
			t.Fatalf("after %s the app ended with %v", why, a.err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal(fmt.Sprintf("the app was still running 30 s after %s", why))
	}
}

// tail is the last n lines of a file, for failure messages.
func tail(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return err.Error()
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
