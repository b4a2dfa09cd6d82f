package appdirs

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func env(m map[string]string) Getenv { return func(k string) string { return m[k] } }

func TestXDGDirs(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("XDG folders are for Linux and the BSDs")
	}
	home := t.TempDir()
	tests := map[string]struct {
		env          map[string]string
		config, data string
	}{
		"unset": {env: map[string]string{"HOME": home},
			config: filepath.Join(home, ".config", "scholia"), data: filepath.Join(home, ".local", "share", "scholia", "library.db")},
		"absolute": {env: map[string]string{"HOME": home, "XDG_CONFIG_HOME": "/etc/xdg-c", "XDG_DATA_HOME": "/srv/xdg-d"},
			config: "/etc/xdg-c/scholia", data: "/srv/xdg-d/scholia/library.db"},
		"relative ones are ignored": {env: map[string]string{"HOME": home, "XDG_CONFIG_HOME": "conf", "XDG_DATA_HOME": "./data"},
			config: filepath.Join(home, ".config", "scholia"), data: filepath.Join(home, ".local", "share", "scholia", "library.db")},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			c, err := ConfigDir(env(tc.env))
			if err != nil || c != tc.config {
				t.Errorf("ConfigDir = %q, %v; want %q", c, err, tc.config)
			}
			d, err := DefaultLibrary(env(tc.env))
			if err != nil || d != tc.data {
				t.Errorf("DefaultLibrary = %q, %v; want %q", d, err, tc.data)
			}
		})
	}
}

func TestLibraryOrder(t *testing.T) {
	cfg, home := t.TempDir(), t.TempDir()
	chosen := filepath.Join(t.TempDir(), "chosen.db")
	m := map[string]string{"HOME": home, "XDG_CONFIG_HOME": cfg, "XDG_DATA_HOME": filepath.Join(home, "data")}
	def := filepath.Join(home, "data", "scholia", "library.db")
	check := func(db string, wantPath string, wantSrc Source) {
		t.Helper()
		p, src, err := Library(db, env(m))
		if err != nil || p != wantPath || src != wantSrc {
			t.Errorf("Library(%q) = %q %s %v; want %q %s", db, p, src, err, wantPath, wantSrc)
		}
	}
	check("", def, FromDefault)
	if err := SetLibrary(env(m), chosen); err != nil {
		t.Fatal(err)
	}
	// A chosen library that is not there (deleted, unmounted) is passed over.
	check("", def, FromDefault)
	os.WriteFile(chosen, nil, 0o600)
	check("", chosen, FromSettings)
	m["SCHOLIA_DB"] = "/env.db"
	check("", "/env.db", FromEnv)
	check("flag.db", "flag.db", FromFlag)

	info, err := os.Stat(filepath.Join(cfg, "scholia", "settings.json"))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("settings file: %v, %v", info, err)
	}
	// A relative choice is stored absolute.
	wd, _ := os.Getwd()
	if err := SetLibrary(env(m), "rel.db"); err != nil {
		t.Fatal(err)
	}
	if s, _ := Load(env(m)); s.Library != filepath.Join(wd, "rel.db") {
		t.Errorf("stored %q", s.Library)
	}
}

func TestBrokenSettings(t *testing.T) {
	cfg := t.TempDir()
	m := map[string]string{"XDG_CONFIG_HOME": cfg}
	os.MkdirAll(filepath.Join(cfg, "scholia"), 0o700)
	os.WriteFile(filepath.Join(cfg, "scholia", "settings.json"), []byte("{not json"), 0o600)
	if _, err := Load(env(m)); err == nil {
		t.Error("a broken settings file loaded without error")
	}
	m["HOME"] = t.TempDir()
	if p, src, err := Library("", env(m)); err != nil || src != FromDefault || p == "" {
		t.Errorf("Library with a broken settings file = %q %s %v, want the default", p, src, err)
	}
	if err := SetLibrary(env(m), "/x.db"); err != nil {
		t.Fatal(err)
	}
	if s, err := Load(env(m)); err != nil || s.Library != "/x.db" {
		t.Errorf("after SetLibrary: %+v %v", s, err)
	}
}
