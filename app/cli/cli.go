// Package cli is Scholia's command line: headless commands that work on the
// same library file as the window, built on the same packages.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"scholia/app/appdirs"
	"scholia/app/link"
	"scholia/storage"
)

// Exit statuses.
const (
	ExitOK    = 0
	ExitFail  = 1
	ExitUsage = 2
)

// command is one subcommand: its flags, help and what it does.
type command struct {
	name    string
	usage   string // after "scholia NAME"
	summary string
	example string
	flags   []flagSpec
	// dashArgs: arguments like -name that are not known flags are positional
	// (the tag command's "-tag" removals).
	dashArgs bool
	minArgs  int
	maxArgs  int // -1: any
	// reads: the command only reads the library, or changes an article
	// already in it (so cannot succeed on a new one), so a missing library
	// is an error rather than a new file.
	reads bool
	// bare, if it reports true for this invocation, runs it without
	// opening the library (export --print-template).
	bare func(c *ctx) bool
	// noLibrary: the command never opens a library (completion), so it
	// takes no --db; it runs through bare.
	noLibrary bool
	run       func(c *ctx) error
}

type flagSpec struct {
	name  string
	value string // "" for a boolean
	multi bool   // may repeat
	help  string
}

// ctx is one invocation.
type ctx struct {
	context.Context
	cmd    *command
	args   []string
	flags  map[string][]string
	stdout io.Writer // escapes control characters (see safeOutput)
	stderr io.Writer // likewise
	rawOut io.Writer // standard output as is, for export -o -
	rawErr io.Writer // standard error as is, for the progress line
	getenv func(string) string
	tty    bool // stderr is a terminal: show progress
	store  *storage.Store
}

func (c *ctx) flag(name string) string {
	v := c.flags[name]
	if len(v) == 0 {
		return ""
	}
	return v[len(v)-1]
}

func (c *ctx) has(name string) bool { _, ok := c.flags[name]; return ok }

// usageError is a mistake in how the command was called (exit 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

var dbFlag = flagSpec{name: "db", value: "FILE", help: "library file (default: $SCHOLIA_DB, else the library chosen in Preferences, else the user data folder)"}

var commands []*command

func init() {
	commands = []*command{
		importCmd, listCmd, findCmd, searchCmd, showCmd, highlightCmd, tagCmd, exportCmd, importJSONCmd, editCmd, noteCmd, openCmd,
		reviewCmd, cardCmd, completionCmd,
	}
	for _, c := range commands {
		if !c.noLibrary {
			c.flags = append([]flagSpec{dbFlag}, c.flags...)
		}
	}
}

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// IsCommand reports whether args (without the program name) start a
// headless command rather than opening the window. Paths of existing files
// or folders that are not command names open the window and import them
// (how a file manager's "Open with Scholia" calls it).
func IsCommand(args []string) bool {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--db" || a == "-db":
			i++
		case strings.HasPrefix(a, "-"):
			if a == "-h" || a == "--help" || a == "-help" || isVersionFlag(a) {
				return true
			}
		default:
			if a == "help" || lookup(a) != nil {
				return true
			}
			if link.IsLink(a) || strings.HasPrefix(a, "file://") {
				return false // a desktop's %U: a scholia:// link or a file URL
			}
			_, err := os.Stat(a)
			return err != nil
		}
	}
	return false
}

// Window is what "scholia [--db FILE] [PATH...|LINK]" asks of the window.
type Window struct {
	Library  string   // the library file to open
	Explicit bool     // --db or SCHOLIA_DB chose it (else it is the default)
	Import   []string // absolute paths of files and folders to import once the window is up
	Open     string   // a scholia:// link to open once the window is up
}

// WindowArgs parses the arguments of "scholia [--db FILE] [PATH...|LINK]".
func WindowArgs(args []string, getenv func(string) string) (Window, error) {
	var w Window
	db := ""
	for i := 0; i < len(args); i++ {
		if !strings.HasPrefix(args[i], "-") {
			if err := windowArg(&w, args[i]); err != nil {
				return w, err
			}
			continue
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(args[i], "-"), "=")
		if name != "db" {
			return w, fmt.Errorf("scholia: unknown argument %q (try scholia --help)", args[i])
		}
		if !hasVal {
			if i+1 >= len(args) {
				return w, errors.New("scholia: --db needs a file name")
			}
			i++
			val = args[i]
		}
		db = val
	}
	w.Explicit = db != "" || getenv("SCHOLIA_DB") != ""
	var err error
	w.Library, err = libraryPath(db, getenv)
	return w, err
}

// libraryPath is --db, else $SCHOLIA_DB, else the library chosen in the
// window's Preferences (the settings file both read), else the default.
func libraryPath(db string, getenv func(string) string) (string, error) {
	p, _, err := appdirs.Library(db, getenv)
	return p, err
}

// Run runs one command line (without the program name) and returns the exit
// status. Errors are one line on stderr.
func Run(parent context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	if getenv == nil {
		getenv = os.Getenv
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		printOverview(stdout)
		return ExitOK
	}
	if isVersionFlag(args[0]) {
		fmt.Fprintln(stdout, versionLine())
		return ExitOK
	}
	// "scholia --db F import x" is the same as "scholia import --db F x".
	var lead []string
	for len(args) > 0 && strings.HasPrefix(args[0], "-") {
		lead = append(lead, args[0])
		args = args[1:]
		if !strings.Contains(lead[len(lead)-1], "=") && len(args) > 0 {
			lead = append(lead, args[0])
			args = args[1:]
		}
	}
	if len(args) == 0 {
		printOverview(stdout)
		return ExitOK
	}
	name, rest := args[0], append(lead, args[1:]...)
	if name == "help" {
		if len(rest) == 0 {
			printOverview(stdout)
			return ExitOK
		}
		if c := lookup(rest[0]); c != nil {
			printHelp(stdout, c)
			return ExitOK
		}
		fmt.Fprintf(stderr, "scholia: no command %q (try scholia help)\n", rest[0])
		return ExitUsage
	}
	cmd := lookup(name)
	if cmd == nil {
		fmt.Fprintf(stderr, "scholia: unknown command %q (try scholia help)\n", name)
		return ExitUsage
	}
	c := &ctx{Context: parent, cmd: cmd, getenv: getenv}
	stdout, stderr, flush := safeOutput(c, stdout, stderr)
	defer flush()
	if f, ok := c.rawErr.(*os.File); ok {
		if info, err := f.Stat(); err == nil && info.Mode()&os.ModeCharDevice != 0 {
			c.tty = true
		}
	}
	if err := parse(c, rest); err != nil {
		if errors.Is(err, errHelp) {
			printHelp(stdout, cmd)
			return ExitOK
		}
		fmt.Fprintf(stderr, "scholia %s: %v (see scholia help %s)\n", name, err, name)
		return ExitUsage
	}
	if cmd.bare == nil || !cmd.bare(c) {
		path, err := libraryPath(c.flag("db"), getenv)
		if err != nil {
			fmt.Fprintf(stderr, "scholia %s: %v\n", name, err)
			return ExitFail
		}
		c.store, err = storage.OpenWith(parent, path, storage.Options{MustExist: cmd.reads})
		if err != nil {
			fmt.Fprintf(stderr, "scholia %s: %v\n", name, oneLine(err))
			return ExitFail
		}
		defer c.store.Close()
	}
	if err := cmd.run(c); err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "scholia %s: %v (see scholia help %s)\n", name, err, name)
			return ExitUsage
		}
		if !errors.Is(err, errReported) {
			fmt.Fprintf(stderr, "scholia %s: %v\n", name, oneLine(err))
		}
		return ExitFail
	}
	return ExitOK
}

// errReported means the command already printed why it failed.
var errReported = errors.New("failed")

var errHelp = errors.New("help")

func oneLine(err error) string {
	var ro *storage.ReadOnlyError
	if errors.As(err, &ro) {
		return ro.Error() // "library is read-only: PATH", whatever was being written
	}
	return strings.Join(strings.Fields(strings.TrimPrefix(err.Error(), "storage: ")), " ")
}

// parse splits flags from positional arguments. Flags may stand before or
// after the positional arguments; "--" ends the flags.
func parse(c *ctx, args []string) error {
	c.flags = map[string][]string{}
	specs := map[string]flagSpec{}
	for _, f := range c.cmd.flags {
		specs[f.name] = f
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			c.args = append(c.args, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			c.args = append(c.args, a)
			continue
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name == "h" || name == "help" {
			return errHelp
		}
		spec, ok := specs[name]
		if !ok {
			if c.cmd.dashArgs && !strings.HasPrefix(a, "--") {
				c.args = append(c.args, a)
				continue
			}
			return usagef("unknown flag %s", a)
		}
		if spec.value == "" {
			if hasVal {
				return usagef("flag --%s takes no value", name)
			}
			val = "true"
		} else if !hasVal {
			if i+1 >= len(args) {
				return usagef("flag --%s needs a %s", name, spec.value)
			}
			i++
			val = args[i]
		}
		if len(c.flags[name]) > 0 && !spec.multi {
			return usagef("flag --%s given twice", name)
		}
		c.flags[name] = append(c.flags[name], val)
	}
	if len(c.args) < c.cmd.minArgs {
		return usagef("missing %s", c.cmd.usage)
	}
	if c.cmd.maxArgs >= 0 && len(c.args) > c.cmd.maxArgs {
		return usagef("too many arguments: %s", strings.Join(c.args[c.cmd.maxArgs:], " "))
	}
	return nil
}

func printOverview(w io.Writer) {
	fmt.Fprintln(w, "Scholia — read, highlight and annotate articles; notes out to Markdown.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "usage: scholia [--db FILE] [PATH...]  open the window (and import the files or folders)")
	fmt.Fprintln(w, "       scholia [--db FILE] LINK       open the window on a scholia:// link")
	fmt.Fprintln(w, "       scholia COMMAND [ARGS] [FLAGS]  run a command on the library")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "The library is --db FILE, else $SCHOLIA_DB, else the one chosen in the window's Preferences, else the default library in the user data folder.")
	fmt.Fprintln(w, "scholia --version prints the version.")
	fmt.Fprintln(w, "scholia help COMMAND explains a command with an example.")
}

func printHelp(w io.Writer, c *command) {
	fmt.Fprintf(w, "usage: scholia %s %s\n\n%s\n\nflags:\n", c.name, c.usage, c.summary)
	for _, f := range c.flags {
		left := flagWord(f)
		if f.value != "" {
			left += " " + f.value
		}
		fmt.Fprintf(w, "  %-18s %s\n", left, f.help)
	}
	fmt.Fprintf(w, "\nexample:\n  %s\n", c.example)
}
