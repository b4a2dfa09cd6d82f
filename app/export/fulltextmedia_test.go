package export

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/storage"
	"scholia/storage/doc"
)

func mediaDoc(t *testing.T, png []byte) (Doc, MediaFunc, string) {
	sum := sha256.Sum256(png)
	hash := hex.EncodeToString(sum[:])
	md := "# Pictures\n\nA map: ![the map](scholia-media:" + hash + ")\n\n![remote](https://example.com/x.png)\n\nGone: ![lost](scholia-media:" + strings.Repeat("0", 64) + ")\n"
	d, err := doc.Parse(md)
	if err != nil {
		t.Fatal(err)
	}
	media := func(h string) (string, []byte, error) {
		if h == hash {
			return "image/png", png, nil
		}
		return "", nil, errors.New("no such image")
	}
	return Doc{Article: storage.Article{ID: 7, Title: "Pictures", Markdown: md, Body: d.Text}, FullText: true}, media, hash
}

func TestFullTextAttachmentsVault(t *testing.T) {
	png := []byte("\x89PNG the map")
	dd, media, hash := mediaDoc(t, png)
	dir := t.TempDir()
	// An image of the user's already has the name: it is kept.
	name := "image-" + hash[:12] + ".png"
	os.MkdirAll(filepath.Join(dir, AttachmentsDir), 0o755)
	os.WriteFile(filepath.Join(dir, AttachmentsDir, name), []byte("the user's own"), 0o644)
	if _, err := Vault(context.Background(), dir, []Doc{dd}, VaultOptions{Media: media}); err != nil {
		t.Fatal(err)
	}
	note, _ := os.ReadFile(filepath.Join(dir, "Pictures.md"))
	want := "![the map](attachments/image-" + hash[:12] + "%202.png)"
	if !bytes.Contains(note, []byte(want)) {
		t.Fatalf("note lacks %s:\n%s", want, note)
	}
	if !bytes.Contains(note, []byte("](https://example.com/x.png)")) || !bytes.Contains(note, []byte("(scholia-media:"+strings.Repeat("0", 64)+")")) {
		t.Errorf("a remote or a missing image lost its link:\n%s", note)
	}
	if bytes.Contains(note, []byte(mediaToken)) {
		t.Error("a token reached the file")
	}
	if got, _ := os.ReadFile(filepath.Join(dir, AttachmentsDir, name)); string(got) != "the user's own" {
		t.Error("the user's image was overwritten")
	}
	if got, _ := os.ReadFile(filepath.Join(dir, AttachmentsDir, "image-"+hash[:12]+" 2.png")); !bytes.Equal(got, png) {
		t.Error("the image was not written")
	}
	// Moved into a subfolder, the note links up to the vault's attachments.
	os.MkdirAll(filepath.Join(dir, "sub", "deeper"), 0o755)
	if err := os.Rename(filepath.Join(dir, "Pictures.md"), filepath.Join(dir, "sub", "deeper", "Pictures.md")); err != nil {
		t.Fatal(err)
	}
	if _, err := Vault(context.Background(), dir, []Doc{dd}, VaultOptions{Media: media, Force: true}); err != nil {
		t.Fatal(err)
	}
	note, _ = os.ReadFile(filepath.Join(dir, "sub", "deeper", "Pictures.md"))
	if want := "](../../attachments/image-"; !bytes.Contains(note, []byte(want)) {
		t.Fatalf("moved note lacks %s:\n%s", want, note)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, AttachmentsDir))
	if len(entries) != 2 {
		t.Errorf("attachments holds %d files after re-export, want 2", len(entries))
	}
}

func TestFullTextAttachmentsOneFile(t *testing.T) {
	dd, media, hash := mediaDoc(t, []byte("\x89PNG"))
	dir := t.TempDir()
	var b bytes.Buffer
	if err := MarkdownWith(&b, []Doc{dd}, MarkdownOptions{Media: media, AttachDir: dir}); err != nil {
		t.Fatal(err)
	}
	if want := "(attachments/image-" + hash[:12] + ".png)"; !strings.Contains(b.String(), want) {
		t.Fatalf("export lacks %s:\n%s", want, b.String())
	}
	if _, err := os.Stat(filepath.Join(dir, AttachmentsDir, "image-"+hash[:12]+".png")); err != nil {
		t.Error(err)
	}
	// To standard output there is no folder: the links stay.
	b.Reset()
	if err := MarkdownWith(&b, []Doc{dd}, MarkdownOptions{Media: media}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "(scholia-media:"+hash+")") || strings.Contains(b.String(), mediaToken) {
		t.Errorf("export to a stream:\n%s", b.String())
	}
}

func TestRelPrefix(t *testing.T) {
	for in, want := range map[string]string{"a.md": "", "x/a.md": "../", "x/y/a.md": "../../"} {
		if got := relPrefix(in); got != want {
			t.Errorf("relPrefix(%q) = %q, want %q", in, got, want)
		}
	}
}
