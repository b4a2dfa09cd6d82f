package reader

import (
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// Under test a finished load's hand-back waits here until the test runs
// it on its own goroutine (settle), as the real driver runs it on the Fyne
// goroutine; the test driver's fyne.Do would run it on the loader's.
var (
	handedMu   sync.Mutex
	handedBack []func()
)

func init() {
	handBack = func(f func()) {
		handedMu.Lock()
		handedBack = append(handedBack, f)
		handedMu.Unlock()
	}
}

// settle waits (up to 5 s) until n loads have handed back, then runs the
// hand-backs waiting, in order, on the test's goroutine.
func settle(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		handedMu.Lock()
		ready := len(handedBack) >= n
		fs := handedBack
		if ready {
			handedBack = nil
		}
		handedMu.Unlock()
		if ready {
			for _, f := range fs {
				f()
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d picture loads handed back within 5 s", len(fs), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// A picture in view is asked for once, drawn as a placeholder while it
// loads, and drawn itself once the load hands back; a picture that does
// not decode stays a placeholder and is not asked for again.
func TestLoadedPictureIsDrawn(t *testing.T) {
	handedMu.Lock()
	handedBack = nil // what earlier tests left
	handedMu.Unlock()
	src := &fakeImages{}
	r, _ := imageReader(t, "Text.\n\n![a small one](small)\n\n![cannot decode](broken)\n\nMore.", src, fyne.NewSize(800, 600))
	pictures := func() (pics, boxes int) {
		for _, o := range r.rend.drawImages(0) {
			if _, ok := o.(*canvas.Image); ok {
				pics++
			} else {
				boxes++
			}
		}
		return pics, boxes
	}
	if p, b := pictures(); p != 0 || b != 2 {
		t.Fatalf("before the loads: %d pictures, %d boxes; want 0 and 2 placeholders", p, b)
	}
	settle(t, 2)
	if r.lay.img.cache.get("small") == nil {
		t.Fatal("the decoded picture is not in the cache after its hand-back")
	}
	if p, b := pictures(); p != 1 || b != 1 {
		t.Errorf("after the loads: %d pictures, %d boxes; want the picture and the broken one's box", p, b)
	}
	src.mu.Lock()
	loads := src.loads["small"] + src.loads["broken"]
	src.mu.Unlock()
	r.refreshView()
	src.mu.Lock()
	again := src.loads["small"] + src.loads["broken"] - loads
	src.mu.Unlock()
	if loads != 2 || again != 0 {
		t.Errorf("%d loads, then %d more on a redraw; want 2, then none", loads, again)
	}
}
