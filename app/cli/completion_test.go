package cli_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"scholia/app/cli"
)

// TestCompletionScripts makes each shell's script, checks that the shell
// parses it, that every command and flag of the help is in it, and (bash,
// fish) that completing a few command lines offers the right words.
func TestCompletionScripts(t *testing.T) {
	db := filepath.Join(t.TempDir(), "unused.db")
	for _, shell := range []string{"bash", "zsh", "fish"} {
		t.Run(shell, func(t *testing.T) {
			r := run(t, db, "completion", shell)
			if r.code != 0 || r.stdout == "" {
				t.Fatalf("completion %s: %+v", shell, r)
			}
			script := filepath.Join(t.TempDir(), "scholia."+shell)
			os.WriteFile(script, []byte(r.stdout), 0o644)
			for _, c := range cli.Commands() {
				if !strings.Contains(r.stdout, c.Name) {
					t.Errorf("command %s missing", c.Name)
				}
				for _, f := range c.Flags {
					word := "--" + f
					if shell == "fish" {
						word = "-l " + f
						if len(f) == 1 {
							word = "-s " + f
						}
					} else if len(f) == 1 {
						word = "-" + f
					}
					if !strings.Contains(r.stdout, word) {
						t.Errorf("flag %s of %s missing", word, c.Name)
					}
				}
			}
			bin, err := exec.LookPath(shell)
			if err != nil {
				t.Logf("%s is not installed (make test-deps installs it): its script's syntax is not checked", shell)
				return
			}
			if out, err := exec.Command(bin, "-n", script).CombinedOutput(); err != nil {
				t.Fatalf("%s -n: %v\n%s", shell, err, out)
			}
			if shell == "zsh" {
				return // zsh completes only in an interactive shell
			}
			for line, want := range map[string][]string{
				"scholia exp":                    {"export"},
				"scholia export --for":           {"--format"},
				"scholia export --format ":       {"md", "json"},
				"scholia --db x.db sh":           {"show"},
				"scholia help imp":               {"import", "import-json"},
				"scholia completion z":           nil, // no completion for the shell name: nothing, not an error
				"scholia import --tag news --js": {"--json"},
				"scholia tag 3 --j":              {"--json"},
			} {
				got := complete(t, shell, script, line)
				for _, w := range want {
					if !contains(got, w) {
						t.Errorf("%q completes to %v, want %q among them", line, got, w)
					}
				}
			}
		})
	}
	if r := run(t, db, "completion", "tcsh"); r.code != cli.ExitUsage || !strings.Contains(r.stderr, "bash, zsh and fish") {
		t.Errorf("completion tcsh: %+v", r)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("scholia completion created a library file")
	}
}

// complete asks the shell what it would offer after line.
func complete(t *testing.T, shell, script, line string) []string {
	t.Helper()
	var cmd *exec.Cmd
	if shell == "bash" {
		words := strings.Fields(line)
		if strings.HasSuffix(line, " ") {
			words = append(words, "")
		}
		var q []string
		for _, w := range words {
			q = append(q, "'"+w+"'")
		}
		cmd = exec.Command("bash", "-c", `source "$1"; COMP_WORDS=(`+strings.Join(q, " ")+`); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); _scholia; printf '%s\n' "${COMPREPLY[@]}"`, "bash", script)
	} else {
		cmd = exec.Command("fish", "--no-config", "-c", `source $argv[1]; complete -C $argv[2]`, script, line)
	}
	cmd.Dir = t.TempDir()
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s completing %q: %v", shell, line, err)
	}
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if w, _, _ := strings.Cut(l, "\t"); w != "" {
			got = append(got, w)
		}
	}
	return got
}

func contains(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}
