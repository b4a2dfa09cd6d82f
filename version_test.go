package main

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"strings"
	"testing"

	"scholia/app/cli"
)

// TestVersion checks that scholia --version reports FyneApp.toml's version
// and build, read here with a plain pattern rather than the TOML library.
func TestVersion(t *testing.T) {
	raw, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	ver := regexp.MustCompile(`(?m)^Version\s*=\s*"([^"]+)"`).FindSubmatch(raw)
	build := regexp.MustCompile(`(?m)^Build\s*=\s*(\d+)`).FindSubmatch(raw)
	if ver == nil || build == nil {
		t.Fatal("FyneApp.toml has no Version or Build")
	}
	for _, flag := range []string{"--version", "-V"} {
		var out, errb bytes.Buffer
		if code := cli.Run(context.Background(), []string{flag}, &out, &errb, func(string) string { return "" }); code != 0 {
			t.Fatalf("%s: exit %d %s", flag, code, errb.String())
		}
		want := "scholia " + string(ver[1]) + " (build " + string(build[1]) + ", "
		if !strings.HasPrefix(out.String(), want) || strings.Count(out.String(), "\n") != 1 {
			t.Errorf("%s printed %q, want a line starting %q", flag, out.String(), want)
		}
	}
	if !cli.IsCommand([]string{"--version"}) {
		t.Error("scholia --version would open the window")
	}
	if _, _, err := appVersion([]byte("[Details\nVersion=")); err == nil {
		t.Error("a broken FyneApp.toml parsed")
	}
}
