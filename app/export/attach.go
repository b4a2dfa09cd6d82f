package export

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// AttachmentsDir is the folder, beside the exported Markdown, that holds
// the images of a full-text export.
const AttachmentsDir = "attachments"

// Attachments writes the images of a full-text export into attachments/
// under the export folder and gives the relative links to them, for a
// Markdown image: ![alt](LINK). It is ready for the full-text export
// (issue 14), which does not exist yet. Each content is written once
// (the same image twice is one file); a name is kept unless another image
// already has it, then a " 2"… suffix is added. A file already there with
// the same content is reused, so exporting again writes nothing new. Safe
// for concurrent use.
type Attachments struct {
	dir    string
	mu     sync.Mutex
	byHash map[[32]byte]string // content → file name
	taken  map[string]bool     // lower-cased names given out
}

// NewAttachments writes into exportDir/attachments (made when needed).
func NewAttachments(exportDir string) *Attachments {
	return &Attachments{dir: filepath.Join(exportDir, AttachmentsDir), byHash: map[[32]byte]string{}, taken: map[string]bool{}}
}

// imageExts are the extensions kept as they are; anything else is ".bin",
// so an attachment can never become a .md note or a script.
var imageExts = map[string]bool{".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".svg": true, ".avif": true, ".bmp": true}

// Add stores data under a name made from name (a file name or URL path)
// and returns the link to it relative to the export folder
// ("attachments/photo.png", percent-encoded for a link destination).
func (a *Attachments) Add(name string, data []byte) (string, error) {
	sum := sha256.Sum256(data)
	a.mu.Lock()
	defer a.mu.Unlock()
	if n, ok := a.byHash[sum]; ok {
		return link(n), nil
	}
	base := filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	ext := strings.ToLower(filepath.Ext(base))
	if !imageExts[ext] {
		ext = ".bin"
	}
	stem := safeStem(strings.TrimSuffix(base, filepath.Ext(base)))
	if err := os.MkdirAll(a.dir, 0o755); err != nil {
		return "", fmt.Errorf("export: attachments: %w", err)
	}
	for n := 1; ; n++ {
		file := truncStem(stem, maxNameBytes-len(ext)-4) + ext
		if n > 1 {
			file = truncStem(stem, maxNameBytes-len(ext)-4) + fmt.Sprintf(" %d", n) + ext
		}
		if a.taken[strings.ToLower(file)] {
			continue
		}
		path := filepath.Join(a.dir, file)
		old, err := os.ReadFile(path)
		if err == nil && !bytes.Equal(old, data) {
			continue // another image of an earlier export: keep it
		}
		if err != nil {
			if err := writeAtomic(a.dir, path, data); err != nil {
				return "", err
			}
		}
		a.taken[strings.ToLower(file)] = true
		a.byHash[sum] = file
		return link(file), nil
	}
}

func link(file string) string {
	return AttachmentsDir + "/" + url.PathEscape(file)
}
