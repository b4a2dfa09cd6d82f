package images

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"scholia/storage/media"
)

// MaxUp is how many folders above an imported file its images may sit
// ("../../attachments/x.png" is fine, "../../../x.png" is not): enough for a
// notes folder beside an attachments folder in a vault, not enough to wander
// the disk from a downloaded file.
const MaxUp = 2

// FileResolver reads images next to the file at path: relative addresses
// only, resolved against the file's folder, at most MaxUp folders up,
// regular files of at most media.MaxBytes. Web addresses are left as
// written (a file import never goes to the network); absolute paths and
// file: URLs are refused.
func FileResolver(path string) Resolver {
	dir := filepath.Dir(path)
	return func(src string) ([]byte, error) {
		if u, err := url.Parse(src); err == nil && u.Scheme != "" && len(u.Scheme) > 1 {
			if u.Scheme == "http" || u.Scheme == "https" {
				return nil, ErrSkip
			}
			return nil, fmt.Errorf("%s: addresses are not read", u.Scheme)
		}
		rel, err := url.PathUnescape(strings.SplitN(strings.SplitN(src, "#", 2)[0], "?", 2)[0])
		if err != nil {
			rel = src
		}
		rel = filepath.FromSlash(rel)
		if filepath.IsAbs(rel) || filepath.VolumeName(rel) != "" || strings.HasPrefix(rel, "/") {
			return nil, errors.New("absolute path: only images next to the file are read")
		}
		clean := filepath.Clean(rel)
		up := 0
		for _, part := range strings.Split(filepath.ToSlash(clean), "/") {
			if part != ".." {
				break
			}
			up++
		}
		if up > MaxUp {
			return nil, fmt.Errorf("more than %d folders above the file", MaxUp)
		}
		return readImageFile(filepath.Join(dir, clean))
	}
}

func readImageFile(p string) ([]byte, error) {
	info, err := os.Stat(p)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, errors.New("file not found")
		}
		return nil, errors.New("cannot read the file")
	}
	if !info.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if info.Size() > media.MaxBytes {
		return nil, fmt.Errorf("image too large (limit %d MB)", media.MaxBytes>>20)
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, errors.New("cannot read the file")
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, media.MaxBytes+1))
}
