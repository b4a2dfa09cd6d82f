package export

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
)

// MediaFunc reads an image stored in the library by its content hash (the
// <sha256> of a "scholia-media:<sha256>" link): its MIME type and bytes.
type MediaFunc func(hash string) (mime string, data []byte, err error)

// mediaScheme is how a stored body links a library image.
const mediaScheme = "scholia-media:"

// mediaToken stands for a library image's link in rendered output until
// the export knows where the image goes (a vault note's folder is chosen
// after rendering). Control characters never survive clean(), so no text
// of the user's can contain one.
const mediaToken = "\x1e"

var mediaLink = regexp.MustCompile(`scholia-media:([0-9a-f]{64})`)
var mediaTokenRE = regexp.MustCompile("\x1e([0-9a-f]{64})\x1e")

// tokenizeMedia marks the library image links of a full text.
func tokenizeMedia(md string) string {
	if !strings.Contains(md, mediaScheme) {
		return md
	}
	return mediaLink.ReplaceAllString(md, mediaToken+"$1"+mediaToken)
}

// mediaExts are the extensions written for the MIME types images come in.
var mediaExts = map[string]string{
	"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/webp": ".webp",
	"image/svg+xml": ".svg", "image/avif": ".avif", "image/bmp": ".bmp",
}

// resolveMedia replaces the image tokens in out by links: with att and
// media, to the image written into att's attachments/ folder, prefix
// leading from the note's folder to att's; otherwise (or when the image
// cannot be read) back to its scholia-media: link.
func resolveMedia(out []byte, prefix string, att *Attachments, media MediaFunc) ([]byte, error) {
	if !bytes.Contains(out, []byte(mediaToken)) {
		return out, nil
	}
	var err error
	links := map[string]string{}
	res := mediaTokenRE.ReplaceAllFunc(out, func(m []byte) []byte {
		hash := string(m[1 : len(m)-1])
		if l, ok := links[hash]; ok {
			return []byte(l)
		}
		l := mediaScheme + hash
		if att != nil && media != nil && err == nil {
			if mime, data, e := media(hash); e == nil {
				ext := mediaExts[strings.ToLower(strings.TrimSpace(strings.Split(mime, ";")[0]))]
				if ext == "" {
					ext = ".bin"
				}
				var a string
				if a, err = att.Add("image-"+hash[:12]+ext, data); err == nil {
					l = prefix + a
				}
			}
		}
		links[hash] = l
		return []byte(l)
	})
	// A stray separator character (not from a token) must not reach a file.
	res = bytes.ReplaceAll(res, []byte(mediaToken), nil)
	return res, err
}

// relPrefix leads from the folder of a note (path relative to the export
// folder) back to the export folder: "" or "../"….
func relPrefix(note string) string {
	dir := filepath.ToSlash(filepath.Dir(note))
	if dir == "." || dir == "" {
		return ""
	}
	return strings.Repeat("../", strings.Count(dir, "/")+1)
}
