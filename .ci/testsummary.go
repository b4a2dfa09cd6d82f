//go:build ignore

// testsummary reads `go test -json` on standard input and prints what a
// plain `go test` prints — the ok/FAIL line of every package, build errors,
// the output of failing tests — then one line per skipped test with its
// reason, and a closing summary line: tests run, passed, failed, skipped
// and why. It exits 1 when a test or package failed, or when a test
// skipped for any reason other than needing the shared corpus beside the
// clone (its skip message says "needs ../shared"): a skip is never silent.
//
//	set -o pipefail; go test -json ./... | go run .ci/testsummary.go
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
)

// allowed marks the skips make test accepts: tests that are extra checks
// on material outside the repository.
const allowed = "needs ../shared"

type event struct {
	Action     string
	Package    string
	ImportPath string // build-output events
	Test       string
	Output     string
}

type skip struct{ pkg, test, why string }

// fileLine is the "name_test.go:12: " that t.Skip puts before its message.
var fileLine = regexp.MustCompile(`^\s*[\w.-]+\.go:\d+: `)

func main() {
	code, err := summarize(os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "testsummary:", err)
		os.Exit(2)
	}
	os.Exit(code)
}

func summarize(in io.Reader, out io.Writer) (int, error) {
	w := out // unbuffered: each package's line shows as it finishes
	type key struct{ pkg, test string }
	buf := map[key][]string{}
	var skips []skip
	passed, failed, pkgFailed := 0, 0, 0
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if len(line) == 0 || line[0] != '{' || json.Unmarshal(line, &e) != nil {
			// Not an event (go vet or the go command talking): pass it on.
			fmt.Fprintf(w, "%s\n", line)
			continue
		}
		k := key{e.Package, e.Test}
		switch {
		case e.Action == "build-output":
			fmt.Fprint(w, e.Output)
		case e.Action == "output" && e.Test == "":
			// The package's own lines: "ok  pkg 1.2s", "FAIL pkg", panics.
			// "PASS" alone is what -v adds; a plain go test leaves it out.
			if o := strings.TrimSpace(e.Output); o != "PASS" && !strings.HasPrefix(o, "=== ") {
				fmt.Fprint(w, e.Output)
			}
		case e.Action == "output":
			buf[k] = append(buf[k], e.Output)
		case e.Test != "" && e.Action == "pass":
			passed++
			delete(buf, k)
		case e.Test != "" && e.Action == "fail":
			failed++
			for _, o := range buf[k] {
				if !strings.HasPrefix(strings.TrimSpace(o), "=== ") {
					fmt.Fprint(w, o)
				}
			}
			delete(buf, k)
		case e.Test != "" && e.Action == "skip":
			skips = append(skips, skip{e.Package, e.Test, reason(buf[k])})
			delete(buf, k)
		case e.Test == "" && e.Action == "fail":
			pkgFailed++
		}
	}
	if err := sc.Err(); err != nil {
		return 1, err
	}

	sort.Slice(skips, func(i, j int) bool {
		if skips[i].pkg != skips[j].pkg {
			return skips[i].pkg < skips[j].pkg
		}
		return skips[i].test < skips[j].test
	})
	explained, unexplained := 0, 0
	why := map[string]int{}
	for _, s := range skips {
		mark := "skip"
		if strings.Contains(s.why, allowed) {
			explained++
			why[allowed]++
		} else {
			unexplained++
			mark = "SKIP (not allowed: only tests that need ../shared may skip)"
			why[s.why]++
		}
		fmt.Fprintf(w, "%s\t%s %s: %s\n", mark, s.pkg, s.test, s.why)
	}
	var reasons []string
	for r, n := range why {
		reasons = append(reasons, fmt.Sprintf("%d %s", n, r))
	}
	sort.Strings(reasons)
	// The details first, then the closing line in the plain form CI
	// readers know: "tests: N passed, N failed, N skipped" alone.
	detail := fmt.Sprintf("tests run: %d", passed+failed+len(skips))
	if len(reasons) > 0 {
		detail += " (skipped: " + strings.Join(reasons, "; ") + ")"
	}
	if pkgFailed > 0 && failed == 0 {
		detail += fmt.Sprintf("; %d packages failed to build or run", pkgFailed)
	}
	fmt.Fprintln(w, detail)
	fmt.Fprintf(w, "tests: %d passed, %d failed, %d skipped\n", passed, failed, len(skips))
	if failed > 0 || pkgFailed > 0 {
		return 1, nil
	}
	if unexplained > 0 {
		fmt.Fprintf(w, "FAIL: %d tests skipped without needing ../shared; make them run here, or skip with \"needs ../shared/corpus: …\" if they check material outside the repository\n", unexplained)
		return 1, nil
	}
	return 0, nil
}

// reason is a skipped test's message without the RUN/SKIP lines and the
// file:line prefix, on one line.
func reason(lines []string) string {
	var parts []string
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- SKIP") {
			continue
		}
		parts = append(parts, strings.TrimSpace(fileLine.ReplaceAllString(l, "")))
	}
	if len(parts) == 0 {
		return "(no reason given)"
	}
	return strings.Join(parts, " ")
}
