package cli

import (
	"io"

	"scholia/storage/safetext"
)

// safeOutput wraps standard output and error so that nothing a command
// prints can act on the terminal: a title, author or body holding ESC, BEL
// or a C1 control (imported before this build cleaned metadata, or written
// by another program) comes out escaped as \x1b, \u009b. Every printing
// path goes through it, errors that quote user text included. Only the
// progress line (our own \r\033[K) and export -o - (the export's bytes,
// exactly) use the raw writers. flush writes a held-back partial character.
func safeOutput(c *ctx, stdout, stderr io.Writer) (safeOut, safeErr io.Writer, flush func()) {
	c.rawOut, c.rawErr = stdout, stderr
	o, e := safetext.NewWriter(stdout), safetext.NewWriter(stderr)
	c.stdout, c.stderr = o, e
	return o, e, func() { o.Flush(); e.Flush() }
}

// line is one field of a one-line listing (title, author, source, path):
// tabs and line breaks are escaped too, so the field keeps to its line.
func line(s string) string { return safetext.Line(s) }
