package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestTestSummary feeds .ci/testsummary.go (what make test pipes go test
// -json through) recorded event streams: it must keep the ok/FAIL lines
// and failing tests' output, end with the summary line, and fail on a
// failure or on a skip that does not say it needs ../shared.
func TestTestSummary(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		goBin = "/usr/local/go/bin/go"
	}
	bin := filepath.Join(t.TempDir(), "testsummary")
	if out, err := exec.Command(goBin, "build", "-o", bin, ".ci/testsummary.go").CombinedOutput(); err != nil {
		t.Fatalf("build .ci/testsummary.go: %v\n%s", err, out)
	}
	tests := map[string]struct {
		code    int
		want    []string // lines that must appear
		notWant []string
		last    string // the summary line, the last but for a FAIL note
	}{
		"ok.json": {code: 0,
			want:    []string{"ok  \tscholia/app/x\t0.012s", "?   \tscholia/app/y\t[no test files]", "skip\tscholia/app/x TestCorpus: needs ../shared/corpus: the seed articles are not at", "tests run: 2 (skipped: 1 needs ../shared)"},
			notWant: []string{"=== RUN", "--- PASS", "PASS\n"},
			last:    "tests: 1 passed, 0 failed, 1 skipped"},
		"badskip.json": {code: 1,
			want: []string{"SKIP (not allowed", "TestA: the corpus is missing", "FAIL: 1 tests skipped without needing ../shared", "tests run: 1 (skipped: 1 the corpus is missing)"},
			last: "tests: 0 passed, 0 failed, 1 skipped"},
		"fail.json": {code: 1,
			want:    []string{"go: downloading", "app/z/z.go:3:1: syntax error", "x_test.go:20: got 3, want 4", "--- FAIL: TestA", "FAIL\tscholia/app/x\t0.012s", "FAIL\tscholia/app/z [build failed]", "tests run: 2\n"},
			notWant: []string{"quiet log"},
			last:    "tests: 1 passed, 1 failed, 0 skipped"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			in, err := os.Open(filepath.Join("testdata", "testsummary", name))
			if err != nil {
				t.Fatal(err)
			}
			defer in.Close()
			cmd := exec.Command(bin)
			cmd.Stdin = in
			var out bytes.Buffer
			cmd.Stdout = &out
			err = cmd.Run()
			code := 0
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				code = exit.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			got := out.String()
			if code != tc.code {
				t.Errorf("exit %d, want %d\n%s", code, tc.code, got)
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("output lacks %q:\n%s", w, got)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(got, w) {
					t.Errorf("output has %q:\n%s", w, got)
				}
			}
			lines := strings.Split(strings.TrimSpace(got), "\n")
			summary := lines[len(lines)-1]
			if strings.HasPrefix(summary, "FAIL: ") && len(lines) > 1 {
				summary = lines[len(lines)-2]
			}
			if summary != tc.last {
				t.Errorf("summary line %q, want %q", summary, tc.last)
			}
		})
	}
}
