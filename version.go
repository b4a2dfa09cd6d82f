package main

import (
	_ "embed"
	"strconv"

	"github.com/BurntSushi/toml"

	"scholia/app/cli"
)

// fyneApp is the app's metadata, the same file `fyne package` reads.
//
//go:embed FyneApp.toml
var fyneApp []byte

// appVersion reads the version and build number from FyneApp.toml.
func appVersion(data []byte) (version, build string, err error) {
	var meta struct {
		Details struct {
			Version string
			Build   int
		}
	}
	if err := toml.Unmarshal(data, &meta); err != nil {
		return "", "", err
	}
	if meta.Details.Build > 0 {
		build = strconv.Itoa(meta.Details.Build)
	}
	return meta.Details.Version, build, nil
}

func init() {
	// A FyneApp.toml that does not parse fails TestVersion; the binary
	// still runs, calling itself "dev".
	if v, b, err := appVersion(fyneApp); err == nil && v != "" {
		cli.Version, cli.Build = v, b
	}
}
