// Package appdirs finds Scholia's folders and its one small settings file,
// shared by the window and the command line so both open the same library:
// --db, then $SCHOLIA_DB, then the library chosen in Preferences (kept in
// the settings file), then the default library.
//
// On Linux and the BSDs it follows the XDG Base Directory specification:
// $XDG_DATA_HOME and $XDG_CONFIG_HOME are used only when they hold an
// absolute path ("If an implementation encounters a relative path in any
// of these variables it should consider the path invalid and ignore it").
package appdirs

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// Getenv reads an environment variable; tests pass their own.
type Getenv func(string) string

// xdg is $name when it is an absolute path, else ~/fallback.
func xdg(getenv Getenv, name, fallback string) (string, error) {
	if dir := getenv(name); dir != "" && filepath.IsAbs(dir) {
		return dir, nil
	}
	home := getenv("HOME")
	if home == "" || !filepath.IsAbs(home) {
		var err error
		if home, err = os.UserHomeDir(); err != nil {
			return "", fmt.Errorf("find the home folder: %w", err)
		}
	}
	return filepath.Join(home, fallback), nil
}

// ConfigDir is the folder of Scholia's settings file:
// $XDG_CONFIG_HOME/scholia (default ~/.config/scholia) on Linux, the user
// configuration folder on macOS and Windows.
func ConfigDir(getenv Getenv) (string, error) {
	switch runtime.GOOS {
	case "windows", "darwin":
		d, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("find the settings folder: %w", err)
		}
		return filepath.Join(d, "Scholia"), nil
	}
	d, err := xdg(getenv, "XDG_CONFIG_HOME", ".config")
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "scholia"), nil
}

// DefaultLibrary is the library used when nothing else names one:
// $XDG_DATA_HOME/scholia/library.db (default ~/.local/share/scholia) on
// Linux, the application-data folder on macOS and Windows.
func DefaultLibrary(getenv Getenv) (string, error) {
	switch runtime.GOOS {
	case "windows", "darwin":
		d, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("find the data folder: %w", err)
		}
		return filepath.Join(d, "Scholia", "library.db"), nil
	}
	d, err := xdg(getenv, "XDG_DATA_HOME", filepath.Join(".local", "share"))
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "scholia", "library.db"), nil
}

// Settings is what the settings file holds.
type Settings struct {
	// Library is the library last chosen with Preferences → Open another
	// library; "" for the default one.
	Library string `json:"library,omitempty"`
}

// SettingsFile is the path of the settings file.
func SettingsFile(getenv Getenv) (string, error) {
	dir, err := ConfigDir(getenv)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "settings.json"), nil
}

// Load reads the settings file; a missing file is empty settings.
func Load(getenv Getenv) (Settings, error) {
	var s Settings
	path, err := SettingsFile(getenv)
	if err != nil {
		return s, err
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("read the settings: %w", err)
	}
	if err := json.Unmarshal(data, &s); err != nil {
		return Settings{}, fmt.Errorf("%s is not a Scholia settings file: %v", path, err)
	}
	return s, nil
}

// Save writes the settings file whole (a temporary file renamed over it,
// so a crash leaves the old file or the new one, never half of one).
func Save(getenv Getenv, s Settings) error {
	path, err := SettingsFile(getenv)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("save the settings: %w", err)
	}
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".settings-*.json")
	if err != nil {
		return fmt.Errorf("save the settings: %w", err)
	}
	_, werr := tmp.Write(append(data, '\n'))
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), path)
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("save the settings: %w", werr)
	}
	return nil
}

// SetLibrary remembers path as the library to open from now on, for the
// window and the command line. The path is stored absolute, so a command
// run in another folder finds the same file.
func SetLibrary(getenv Getenv, path string) error {
	s, err := Load(getenv)
	if err != nil {
		s = Settings{} // a broken settings file is replaced, not kept
	}
	if path != "" {
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
	}
	s.Library = path
	return Save(getenv, s)
}

// Source says where the library path came from.
type Source string

// The places a library path comes from, first match wins.
const (
	FromFlag     Source = "--db"
	FromEnv      Source = "$SCHOLIA_DB"
	FromSettings Source = "settings"
	FromDefault  Source = "default"
)

// Library resolves the library to open: db (the --db flag) if given, else
// $SCHOLIA_DB, else the library in the settings file when that file still
// exists, else the default library.
func Library(db string, getenv Getenv) (string, Source, error) {
	if db != "" {
		return db, FromFlag, nil
	}
	if p := getenv("SCHOLIA_DB"); p != "" {
		return p, FromEnv, nil
	}
	if s, err := Load(getenv); err == nil && s.Library != "" {
		if _, err := os.Stat(s.Library); err == nil {
			return s.Library, FromSettings, nil
		}
	}
	p, err := DefaultLibrary(getenv)
	return p, FromDefault, err
}
