package cli

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var updateReadme = flag.Bool("update-readme", false, "rewrite the command line reference in ../../README.md")

const (
	refStart = "<!-- cli:start (generated from the command table in app/cli by: go test ./app/cli -run TestReferenceDocumented -update-readme) -->"
	refEnd   = "<!-- cli:end -->"
)

// TestReferenceDocumented fails when the README's command line reference
// is not what the command table makes of it.
func TestReferenceDocumented(t *testing.T) {
	const path = "../../README.md"
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text, want := string(raw), Reference()
	start, end := strings.Index(text, refStart), strings.Index(text, refEnd)
	if start < 0 || end < start {
		t.Fatalf("README.md lacks the generated command line reference (%q … %q)", refStart, refEnd)
	}
	got := strings.TrimSpace(text[start+len(refStart) : end])
	if *updateReadme {
		text = text[:start+len(refStart)] + "\n" + want + text[end:]
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		got = strings.TrimSpace(want)
	}
	if got != strings.TrimSpace(want) {
		t.Errorf("the README's command line reference is out of date; run go test ./app/cli -run TestReferenceDocumented -update-readme")
	}
}

// TestReferenceComplete checks what the reference is made of: every
// command that takes --json documents its shape (and only those), and
// every example is a command line the parser accepts.
func TestReferenceComplete(t *testing.T) {
	for _, c := range commands {
		hasJSON := false
		for _, f := range c.flags {
			hasJSON = hasJSON || f.name == "json"
		}
		if _, ok := jsonShapes[c.name]; ok != hasJSON {
			t.Errorf("%s: --json flag %v, documented shape %v", c.name, hasJSON, ok)
		}
		for _, ex := range append([]string{c.example}, moreExamples[c.name]...) {
			args := exampleArgs(ex)
			if len(args) == 0 || args[0] != c.name {
				t.Errorf("example %q of %s does not run scholia %s", ex, c.name, c.name)
				continue
			}
			x := &ctx{cmd: c}
			if err := parse(x, args[1:]); err != nil {
				t.Errorf("example %q: %v", ex, err)
			}
		}
	}
	for name := range moreExamples {
		if lookup(name) == nil {
			t.Errorf("examples for unknown command %s", name)
		}
	}
}

// exampleArgs are the words after "scholia" in a shell line, up to a pipe
// or redirection; quotes are removed as the shell would.
func exampleArgs(line string) []string {
	var words []string
	var cur strings.Builder
	quote, in := rune(0), false
	flush := func() {
		if in {
			words = append(words, cur.String())
		}
		cur.Reset()
		in = false
	}
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, in = r, true
		case r == ' ':
			flush()
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	flush()
	for i, w := range words {
		if w == "scholia" {
			words = words[i+1:]
			for j, x := range words {
				if x == "|" || x == ">" {
					return words[:j]
				}
			}
			return words
		}
	}
	return nil
}
