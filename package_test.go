package main

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestPackage unpacks the desktop bundle that make package made
// (SCHOLIA_PACKAGE names it; make package-test sets it) and checks what a
// desktop needs from it: the binary runs, the icon is a real PNG, the
// .desktop entry launches it for files and scholia:// links and passes
// desktop-file-validate, the AppStream metainfo passes appstreamcli
// validate, and make install-bundle then make uninstall leave a home
// folder as they found it.
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
	cmd := exec.Command(bin, "help", "open")
	cmd.Stdout = &help
	if err := cmd.Run(); err != nil || !strings.Contains(help.String(), "usage: scholia open") {
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
	deskPath := filepath.Join(dir, "usr/local/share/applications/org.scholia.Scholia.desktop")
	entry := desktopEntry(t, deskPath)
	want := map[string]string{
		"Type": "Application", "Name": "Scholia", "Exec": "scholia %U",
		"Icon": "org.scholia.Scholia", "Categories": "Office;Viewer;",
		"MimeType": "text/plain;text/markdown;text/html;application/pdf;application/epub+zip;x-scheme-handler/scholia;",
	}
	for k, v := range want {
		if entry[k] != v {
			t.Errorf(".desktop %s = %q, want %q", k, entry[k], v)
		}
	}
	validate(t, "desktop-file-validate", deskPath)

	metaPath := filepath.Join(dir, "usr/local/share/metainfo/org.scholia.Scholia.metainfo.xml")
	validate(t, "appstreamcli", "validate", "--no-net", metaPath)
	checkMetainfo(t, metaPath)

	makefile, err := os.ReadFile(filepath.Join(dir, "Makefile"))
	if err != nil || !bytes.Contains(makefile, []byte("share/metainfo/$(AppID).metainfo.xml")) {
		t.Errorf("the bundle's Makefile does not install the metainfo file (%v)", err)
	}

	t.Run("install and uninstall", func(t *testing.T) { installUninstall(t, pkg) })
}

func desktopEntry(t *testing.T, path string) map[string]string {
	t.Helper()
	desk, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	entry := map[string]string{}
	for _, line := range strings.Split(string(desk), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			entry[k] = v
		}
	}
	return entry
}

// validate runs a validator; package-test installs them (make test-deps).
func validate(t *testing.T, tool string, args ...string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Fatalf("%s is not installed: make package-test installs it (make test-deps)", tool)
	}
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Errorf("%s %s: %v\n%s", tool, strings.Join(args, " "), err, out)
	}
	if tool == "desktop-file-validate" && len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("desktop-file-validate has remarks:\n%s", out)
	}
}

// checkMetainfo: the id matches the app ID, and every screenshot is one of
// the repository's docs/*.png.
func checkMetainfo(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		ID          string   `xml:"id"`
		Launchable  string   `xml:"launchable"`
		Screenshots []string `xml:"screenshots>screenshot>image"`
		Releases    []struct {
			Version string `xml:"version,attr"`
		} `xml:"releases>release"`
	}
	if err := xml.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	if c.ID != "org.scholia.Scholia" || c.Launchable != "org.scholia.Scholia.desktop" {
		t.Errorf("metainfo id %q, launchable %q", c.ID, c.Launchable)
	}
	if len(c.Releases) == 0 || c.Releases[0].Version != "0.1.0" {
		t.Errorf("metainfo releases %+v: the newest should be FyneApp.toml's version 0.1.0", c.Releases)
	}
	if len(c.Screenshots) == 0 {
		t.Error("metainfo has no screenshots")
	}
	for _, s := range c.Screenshots {
		name := s[strings.LastIndex(s, "/")+1:]
		if !strings.Contains(s, "/docs/") {
			t.Errorf("screenshot %s is not one of docs/*.png", s)
		} else if _, err := os.Stat(filepath.Join("docs", name)); err != nil {
			t.Errorf("screenshot %s: %v", s, err)
		}
	}
}

// installUninstall installs the bundle into a scratch HOME with the
// Makefile and checks uninstall takes away exactly what install added.
func installUninstall(t *testing.T, pkg string) {
	home := t.TempDir()
	mk := func(target string) {
		t.Helper()
		cmd := exec.Command("make", "--no-print-directory", target, "HOME="+home, "PKG="+pkg)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("make %s: %v\n%s", target, err, out)
		}
	}
	mk("install-bundle")
	files := tree(t, home)
	for _, want := range []string{".local/bin/scholia", ".local/share/applications/org.scholia.Scholia.desktop",
		".local/share/icons/hicolor/512x512/apps/org.scholia.Scholia.png", ".local/share/metainfo/org.scholia.Scholia.metainfo.xml"} {
		if !contains(files, want) {
			t.Errorf("install did not put %s in place; it made %v", want, files)
		}
	}
	desk := filepath.Join(home, ".local/share/applications/org.scholia.Scholia.desktop")
	if e := desktopEntry(t, desk); e["Exec"] != filepath.Join(home, ".local/bin/scholia")+" %U" {
		t.Errorf("installed Exec = %q", e["Exec"])
	}
	validate(t, "desktop-file-validate", desk)
	if _, err := exec.LookPath("update-desktop-database"); err == nil {
		cache, err := os.ReadFile(filepath.Join(home, ".local/share/applications/mimeinfo.cache"))
		if err != nil || !bytes.Contains(cache, []byte("x-scheme-handler/scholia=org.scholia.Scholia.desktop")) ||
			!bytes.Contains(cache, []byte("text/markdown=org.scholia.Scholia.desktop")) {
			t.Errorf("the scheme and file types are not registered in mimeinfo.cache (%v):\n%s", err, cache)
		}
	}
	mk("uninstall")
	for _, f := range tree(t, home) {
		if f == ".local/share/applications/mimeinfo.cache" {
			// update-desktop-database's cache of every entry in the folder:
			// rebuilt on uninstall, it must no longer name Scholia.
			b, _ := os.ReadFile(filepath.Join(home, f))
			if bytes.Contains(b, []byte("scholia")) {
				t.Errorf("after uninstall the MIME cache still names Scholia:\n%s", b)
			}
			continue
		}
		t.Errorf("uninstall left %s", f)
	}
}

func tree(t *testing.T, root string) []string {
	t.Helper()
	var files []string
	filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			rel, _ := filepath.Rel(root, p)
			files = append(files, rel)
		}
		return nil
	})
	sort.Strings(files)
	return files
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
