package cli

import (
	"fmt"
	"io"
	"strings"
)

var completionCmd = &command{
	name: "completion", usage: "bash|zsh|fish", minArgs: 1, maxArgs: 1, noLibrary: true,
	bare: func(*ctx) bool { return true },
	summary: "Print a shell completion script for bash, zsh or fish, made from the same command table as this help. " +
		"bash: add `source <(scholia completion bash)` to ~/.bashrc; zsh: save it as _scholia in a folder on $fpath; " +
		"fish: save it as ~/.config/fish/completions/scholia.fish.",
	example: "scholia completion bash > ~/.local/share/bash-completion/completions/scholia",
	run:     runCompletion,
}

func runCompletion(c *ctx) error {
	switch c.args[0] {
	case "bash":
		writeBash(c.stdout)
	case "zsh":
		writeZsh(c.stdout)
	case "fish":
		writeFish(c.stdout)
	default:
		return usagef("no completion for %q: the shells are bash, zsh and fish", c.args[0])
	}
	return nil
}

// fileArgs are the commands whose arguments are files or folders.
var fileArgs = map[string]bool{"import": true, "import-json": true}

// flagWord is how a flag is written: -o for one letter, --name otherwise.
func flagWord(f flagSpec) string {
	if len(f.name) == 1 {
		return "-" + f.name
	}
	return "--" + f.name
}

// choices are the values of a flag like --format md|json, or nil.
func choices(f flagSpec) []string {
	if strings.Contains(f.value, "|") {
		return strings.Split(f.value, "|")
	}
	return nil
}

// takesPath says whether a flag's value is a file or folder name.
func takesPath(f flagSpec) bool { return f.value == "FILE" || f.value == "DIR" }

// topFlags are the flags scholia takes before any command.
var topFlags = []string{"--db", "--help", "--version"}

func commandNames() []string {
	names := []string{"help"}
	for _, c := range commands {
		names = append(names, c.name)
	}
	return names
}

func writeBash(w io.Writer) {
	fmt.Fprintf(w, `# bash completion for scholia (made by: scholia completion bash)
_scholia() {
    local cur prev cmd i
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD-1]}"
    cmd=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in
            --db|-db) i=$((i + 1)) ;;
            -*) ;;
            *) cmd="${COMP_WORDS[i]}"; break ;;
        esac
    done
    if [[ -z "$cmd" ]]; then
        if [[ "$prev" == --db || "$prev" == -db ]]; then
            COMPREPLY=($(compgen -f -- "$cur"))
        elif [[ "$cur" == -* ]]; then
            COMPREPLY=($(compgen -W "%s" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "%s" -- "$cur") $(compgen -f -- "$cur"))
        fi
        return 0
    fi
    case "$cmd" in
        help)
            COMPREPLY=($(compgen -W "%s" -- "$cur")) ;;
`, strings.Join(topFlags, " "), strings.Join(commandNames(), " "), strings.Join(commandNames()[1:], " "))
	for _, c := range commands {
		fmt.Fprintf(w, "        %s)\n            case \"$prev\" in\n", c.name)
		var words []string
		for _, f := range c.flags {
			words = append(words, flagWord(f))
			switch {
			case f.value == "":
			case takesPath(f):
				fmt.Fprintf(w, "                %s) COMPREPLY=($(compgen -f -- \"$cur\")); return 0 ;;\n", flagWord(f))
			case choices(f) != nil:
				fmt.Fprintf(w, "                %s) COMPREPLY=($(compgen -W %q -- \"$cur\")); return 0 ;;\n", flagWord(f), strings.Join(choices(f), " "))
			default:
				fmt.Fprintf(w, "                %s) return 0 ;;\n", flagWord(f))
			}
		}
		fmt.Fprintln(w, "            esac")
		rest := `COMPREPLY=()`
		if fileArgs[c.name] {
			rest = `COMPREPLY=($(compgen -f -- "$cur"))`
		}
		fmt.Fprintf(w, "            if [[ \"$cur\" == -* ]]; then COMPREPLY=($(compgen -W %q -- \"$cur\")); else %s; fi ;;\n",
			strings.Join(words, " "), rest)
	}
	fmt.Fprint(w, `    esac
    return 0
}
complete -o filenames -F _scholia scholia
`)
}

// zshText makes help text safe inside a single-quoted _arguments spec's
// [description] (no brackets) or, with colons escaped, a _describe entry.
func zshText(s string) string {
	return strings.NewReplacer("'", `'\''`, "[", "(", "]", ")").Replace(firstSentence(s))
}

func zshEntry(s string) string { return strings.ReplaceAll(zshText(s), ":", `\:`) }

func writeZsh(w io.Writer) {
	fmt.Fprint(w, `#compdef scholia
# zsh completion for scholia (made by: scholia completion zsh)
_scholia() {
  local -a commands
  commands=(
`)
	fmt.Fprintf(w, "    'help:%s'\n", zshEntry("Explain a command, with an example."))
	for _, c := range commands {
		fmt.Fprintf(w, "    '%s:%s'\n", c.name, zshEntry(c.summary))
	}
	fmt.Fprint(w, `  )
  local curcontext="$curcontext" state line
  _arguments -C \
    '--db[library file]:FILE:_files' \
    '--version[print the version]' \
    '(-h --help)'{-h,--help}'[show the commands]' \
    '1:command:->command' \
    '*::argument:->argument'
  case $state in
    command) _describe -t commands 'scholia command' commands ;;
    argument)
      case $words[1] in
        help) _describe -t commands 'scholia command' commands ;;
`)
	for _, c := range commands {
		fmt.Fprintf(w, "        %s)\n          _arguments \\\n", c.name)
		for _, f := range c.flags {
			repeat := ""
			if f.multi {
				repeat = "*"
			}
			action := ""
			switch {
			case f.value == "":
			case takesPath(f):
				action = ":" + f.value + ":_files"
			case choices(f) != nil:
				action = ":" + strings.ReplaceAll(f.value, "|", " or ") + ":(" + strings.Join(choices(f), " ") + ")"
			default:
				action = ":" + zshEntry(f.value) + ": "
			}
			fmt.Fprintf(w, "            '%s%s[%s]%s' \\\n", repeat, flagWord(f), zshText(f.help), action)
		}
		if fileArgs[c.name] {
			fmt.Fprint(w, "            '*:file:_files'\n")
		} else {
			fmt.Fprint(w, "            '*: :'\n")
		}
		fmt.Fprint(w, "          ;;\n")
	}
	fmt.Fprint(w, `      esac ;;
  esac
}
_scholia "$@"
`)
}

// fishText quotes s for fish, in single quotes.
func fishText(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}

func writeFish(w io.Writer) {
	// fish's own __fish_use_subcommand takes the FILE of a leading --db
	// for the command: these helpers skip it.
	fmt.Fprint(w, `# fish completion for scholia (made by: scholia completion fish)
function __scholia_command
    set -l tokens (commandline -opc)
    set -e tokens[1]
    while set -q tokens[1]
        switch $tokens[1]
            case --db -db
                set -e tokens[1]
            case '-*'
            case '*'
                echo $tokens[1]
                return 0
        end
        set -e tokens[1]
    end
    return 1
end
function __scholia_needs_command
    not __scholia_command >/dev/null
end
function __scholia_using
    set -l c (__scholia_command)
    and test "$c" = $argv[1]
end
complete -c scholia -f
complete -c scholia -n __scholia_needs_command -l db -r -F -d 'library file'
complete -c scholia -n __scholia_needs_command -l version -d 'print the version'
complete -c scholia -n __scholia_needs_command -s h -l help -d 'show the commands'
`)
	fmt.Fprintf(w, "complete -c scholia -n __scholia_needs_command -a help -d %s\n", fishText("Explain a command, with an example"))
	fmt.Fprintf(w, "complete -c scholia -n '__scholia_using help' -a %s\n", fishText(strings.Join(commandNames()[1:], " ")))
	for _, c := range commands {
		fmt.Fprintf(w, "complete -c scholia -n __scholia_needs_command -a %s -d %s\n", c.name, fishText(firstSentence(c.summary)))
		cond := fishText("__scholia_using " + c.name)
		for _, f := range c.flags {
			opt := "-l " + f.name
			if len(f.name) == 1 {
				opt = "-s " + f.name
			}
			switch {
			case f.value == "":
			case takesPath(f):
				opt += " -r -F"
			case choices(f) != nil:
				opt += " -x -a " + fishText(strings.Join(choices(f), " "))
			default:
				opt += " -x"
			}
			fmt.Fprintf(w, "complete -c scholia -n %s %s -d %s\n", cond, opt, fishText(f.help))
		}
		if fileArgs[c.name] {
			fmt.Fprintf(w, "complete -c scholia -n %s -F\n", cond)
		}
	}
}

// firstSentence is a summary cut to its first sentence, enough in a menu.
func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i > 0 {
		s = s[:i]
	}
	return strings.TrimSuffix(s, ".")
}

// CommandInfo describes one command for documentation and tests.
type CommandInfo struct {
	Name, Usage, Summary, Example string
	Flags                         []string // flag names, without dashes
}

// Commands lists the command table: what the help, the completion scripts
// and the README's reference are made from.
func Commands() []CommandInfo {
	var out []CommandInfo
	for _, c := range commands {
		ci := CommandInfo{Name: c.name, Usage: c.usage, Summary: c.summary, Example: c.example}
		for _, f := range c.flags {
			ci.Flags = append(ci.Flags, f.name)
		}
		out = append(out, ci)
	}
	return out
}
