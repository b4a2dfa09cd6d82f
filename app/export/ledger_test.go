package export

import (
	"context"
	"maps"
	"sync"

	"scholia/storage"
)

// memLedger is a Ledger in memory, as the library keeps it, for tests.
type memLedger struct {
	mu      sync.Mutex
	folders map[string]map[int64]storage.ExportFile
	gone    map[int64]bool // articles deleted from the "library"
}

func newLedger() *memLedger {
	return &memLedger{folders: map[string]map[int64]storage.ExportFile{}, gone: map[int64]bool{}}
}

func (l *memLedger) ExportFiles(_ context.Context, folder string) (map[int64]storage.ExportFile, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return maps.Clone(l.folders[folder]), nil
}

func (l *memLedger) SetExportFiles(_ context.Context, folder string, files []storage.ExportFile) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.folders[folder] == nil {
		l.folders[folder] = map[int64]storage.ExportFile{}
	}
	for _, f := range files {
		l.folders[folder][f.ArticleID] = f
	}
	return nil
}

func (l *memLedger) ArticlesExist(_ context.Context, ids []int64) (map[int64]bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := map[int64]bool{}
	for _, id := range ids {
		out[id] = !l.gone[id]
	}
	return out, nil
}
