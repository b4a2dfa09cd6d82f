package reader

import (
	"image"
	"sync"

	"fyne.io/fyne/v2"
	xdraw "golang.org/x/image/draw"
)

// Bounds on the decoded pictures kept: a long illustrated article scrolls
// through them without holding every one.
const (
	cacheMaxEntries = 24
	cacheMaxPixels  = 24_000_000 // ~96 MB of RGBA
	// shownMaxSide is the largest side a picture is kept at: wider than
	// any column on a HiDPI screen, much smaller than a camera photo.
	shownMaxSide = 2048
)

// handBack runs a finished load's result on the Fyne goroutine. The
// package's tests replace it: the test driver runs fyne.Do on the calling
// goroutine, here the loader's, where a redraw races the test's own layout
// (it once panicked in a renderer pool).
var handBack = fyne.Do

// loadSlots bounds the pictures decoded at once, so a fast scroll through
// a gallery does not take every core from the interface.
var loadSlots = make(chan struct{}, 2)

// imageCache holds decoded pictures by address, least recently drawn
// dropped first. Every method runs on the Fyne goroutine; decoding runs
// off it and hands its result back through fyne.Do (handBack). The lock
// costs nothing there; it keeps the maps whole wherever a hand-back runs.
type imageCache struct {
	mu      sync.Mutex
	entries map[string]image.Image
	order   []string // least recently used first
	pixels  int
	loading map[string]bool
	failed  map[string]bool
	gen     int // bumped by clear: a load started before is dropped
	// requested counts the loads started (for tests: only what is in
	// view is ever decoded).
	requested int
}

func (c *imageCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries, c.order, c.pixels, c.loading, c.failed = nil, nil, 0, nil, nil
	c.gen++
}

// get returns the decoded picture, or nil when it is not decoded (yet).
func (c *imageCache) get(src string) image.Image {
	c.mu.Lock()
	defer c.mu.Unlock()
	img := c.entries[src]
	if img != nil {
		c.touch(src)
	}
	return img
}

func (c *imageCache) touch(src string) {
	for i, s := range c.order {
		if s == src {
			copy(c.order[i:], c.order[i+1:])
			c.order[len(c.order)-1] = src
			return
		}
	}
}

// request starts decoding src unless it is decoded, being decoded or
// known to fail; done runs (on the Fyne goroutine) once it is ready.
func (c *imageCache) request(src string, source ImageSource, done func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if source == nil || c.entries[src] != nil || c.loading[src] || c.failed[src] {
		return
	}
	if c.loading == nil {
		c.loading = map[string]bool{}
	}
	c.loading[src] = true
	c.requested++
	gen := c.gen
	go func() {
		loadSlots <- struct{}{}
		img, err := source.LoadImage(src)
		if err == nil && img != nil {
			img = shrink(img, shownMaxSide)
		}
		<-loadSlots
		handBack(func() {
			if c.finish(gen, src, img, err) {
				done()
			}
		})
	}()
}

// finish records a load's result; it reports whether the picture is now
// there to draw (done runs outside the lock: it redraws, which reads the
// cache).
func (c *imageCache) finish(gen int, src string, img image.Image, err error) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return false
	}
	delete(c.loading, src)
	if err != nil || img == nil {
		if c.failed == nil {
			c.failed = map[string]bool{}
		}
		c.failed[src] = true // stays a placeholder box
		return false
	}
	c.put(src, img)
	return true
}

// put stores a decoded picture; the caller holds mu.
func (c *imageCache) put(src string, img image.Image) {
	if c.entries == nil {
		c.entries = map[string]image.Image{}
	}
	b := img.Bounds()
	c.entries[src] = img
	c.order = append(c.order, src)
	c.pixels += b.Dx() * b.Dy()
	for len(c.order) > 1 && (len(c.order) > cacheMaxEntries || c.pixels > cacheMaxPixels) {
		old := c.order[0]
		c.order = c.order[1:]
		ob := c.entries[old].Bounds()
		c.pixels -= ob.Dx() * ob.Dy()
		delete(c.entries, old)
	}
}

// shrink scales img down so its longer side is at most side pixels.
func shrink(img image.Image, side int) image.Image {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= side && h <= side {
		return img
	}
	if w >= h {
		w, h = side, max(h*side/w, 1)
	} else {
		w, h = max(w*side/h, 1), side
	}
	dst := image.NewNRGBA(image.Rect(0, 0, w, h))
	xdraw.ApproxBiLinear.Scale(dst, dst.Bounds(), img, b, xdraw.Src, nil)
	return dst
}
