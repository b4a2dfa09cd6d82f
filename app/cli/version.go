package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// Version and Build are Scholia's version and build number. main sets them
// from FyneApp.toml, the file Fyne's packaging tool reads too, so the
// bundle, the About box and scholia --version always agree.
var (
	Version = "dev"
	Build   = ""
)

func isVersionFlag(a string) bool { return a == "--version" || a == "-version" || a == "-V" }

// versionLine is what scholia --version prints: the version, the build
// number, and the commit and Go version the binary was built from (the
// commit only when the go command could read it from git).
func versionLine() string {
	var extra []string
	if Build != "" {
		extra = append(extra, "build "+Build)
	}
	if info, ok := debug.ReadBuildInfo(); ok {
		rev, dirty := "", false
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
		if rev != "" {
			if len(rev) > 12 {
				rev = rev[:12]
			}
			if dirty {
				rev += "+changes"
			}
			extra = append(extra, "commit "+rev)
		}
	}
	extra = append(extra, runtime.Version(), runtime.GOOS+"/"+runtime.GOARCH)
	return fmt.Sprintf("scholia %s (%s)", Version, strings.Join(extra, ", "))
}
