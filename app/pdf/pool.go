package pdf

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// PDFium runs as WebAssembly (wazero): no cgo, no system library. The
// module is compiled once, on the first PDF imported, never at start-up:
// a session that imports no PDF pays nothing for it.
var (
	poolOnce sync.Once
	poolMu   sync.Mutex
	thePool  pdfium.Pool
	poolErr  error
	closed   bool
)

func getPool() (pdfium.Pool, error) {
	poolMu.Lock()
	shut := closed
	poolMu.Unlock()
	if shut {
		return nil, errClosed
	}
	poolOnce.Do(func() {
		p, err := webassembly.Init(webassembly.Config{
			MinIdle: 0,
			// One instance is kept between imports instead of a new one
			// for each PDF (12 % of a 10-page import's time).
			ReuseWorkers: true,
			MaxIdle:      1,
			MaxTotal:     max(1, runtime.NumCPU()),
			// The documents are handed over as bytes: PDFium sees no file
			// system at all (the default would mount / into the module).
			FSConfig: wazero.NewFSConfig(),
			Stdout:   io.Discard,
			Stderr:   io.Discard,
			// Compiling PDFium's 5 MB of WebAssembly to machine code takes
			// seconds; wazero keeps the result in the user's cache folder,
			// so only the first PDF ever imported waits for it.
			RuntimeConfig: runtimeConfig(),
		})
		poolMu.Lock()
		thePool, poolErr = p, err
		poolMu.Unlock()
	})
	poolMu.Lock()
	defer poolMu.Unlock()
	return thePool, poolErr
}

func runtimeConfig() wazero.RuntimeConfig {
	// The bundled module needs exception handling (setjmp/longjmp), as
	// webassembly.Init's default configuration says.
	rc := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
	if dir, err := os.UserCacheDir(); err == nil {
		if cache, err := wazero.NewCompilationCacheWithDir(filepath.Join(dir, "scholia", "pdfium-wasm")); err == nil {
			rc = rc.WithCompilationCache(cache)
		}
	}
	return rc
}

// instance borrows one PDFium instance; Close it to give it back.
func instance(ctx context.Context) (pdfium.Pdfium, error) {
	p, err := getPool()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	return p.GetInstanceWithContext(ctx)
}

// Close shuts PDFium down if it was started; the program calls it on exit.
// Later imports fail with "PDF support closed".
func Close() error {
	poolMu.Lock()
	defer poolMu.Unlock()
	closed = true
	if thePool == nil {
		return nil
	}
	err := thePool.Close()
	thePool, poolErr = nil, errClosed
	return err
}
