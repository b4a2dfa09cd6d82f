package main

import (
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPackage unpacks the desktop bundle that make package made
// (SCHOLIA_PACKAGE names it; make package-test sets it) and checks what a
// desktop needs from it: the binary runs, the icon is a real PNG, and the
// .desktop entry launches it with its icon, name and categories.
func TestPackage(t *testing.T) {
	pkg := os.Getenv("SCHOLIA_PACKAGE")
	if pkg == "" {
		t.Skip("no bundle to check: run make package-test (it sets SCHOLIA_PACKAGE)")
	}
	dir := t.TempDir()
	out, err := exec.Command("tar", "-xJf", pkg, "-C", dir).CombinedOutput()
	if err != nil {
		t.Fatalf("unpacking %s: %v\n%s", pkg, err, out)
	}
	bin := filepath.Join(dir, "usr/local/bin/scholia")
	var help bytes.Buffer
	cmd := exec.Command(bin, "help", "import")
	cmd.Stdout = &help
	if err := cmd.Run(); err != nil || !strings.Contains(help.String(), "usage: scholia import") {
		t.Errorf("the packaged binary does not run: %v\n%s", err, help.String())
	}
	icon, err := os.Open(filepath.Join(dir, "usr/local/share/pixmaps/org.scholia.Scholia.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer icon.Close()
	img, err := png.Decode(icon)
	if err != nil || img.Bounds().Dx() < 128 {
		t.Errorf("icon: %v, %v", err, img)
	}
	desk, err := os.ReadFile(filepath.Join(dir, "usr/local/share/applications/org.scholia.Scholia.desktop"))
	if err != nil {
		t.Fatal(err)
	}
	entry := map[string]string{}
	for _, line := range strings.Split(string(desk), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			entry[k] = v
		}
	}
	want := map[string]string{
		"Type": "Application", "Name": "Scholia", "Exec": "scholia %F",
		"Icon": "org.scholia.Scholia", "Categories": "Office;Education;",
	}
	for k, v := range want {
		if entry[k] != v {
			t.Errorf(".desktop %s = %q, want %q", k, entry[k], v)
		}
	}
}
