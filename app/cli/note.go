package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"scholia/app/ingest"
)

// stdin is what `scholia note ID --file -` reads; tests replace it.
var stdin io.Reader = os.Stdin

// maxNote bounds a note read from a file or standard input, so a wrong
// file (a video, /dev/zero) is refused rather than stored.
const maxNote = 16 << 20

var noteCmd = &command{
	name: "note", usage: "ID [--file F | --file -] [--append]", minArgs: 1, maxArgs: 1, reads: true,
	summary: "Print an article's note, or set it from a file or standard input (--file -); --append adds to it instead.",
	example: "echo '- check the figures' | scholia note 12 --file - --append",
	flags: []flagSpec{
		{name: "file", value: "F", help: "set the note to the contents of F (- for standard input)"},
		{name: "append", help: "add the text after the note (after a blank line) instead of replacing it"},
	},
	run: runNote,
}

func runNote(c *ctx) error {
	id, err := articleID(c)
	if err != nil {
		return err
	}
	a, err := c.store.Article(c, id)
	if err != nil {
		return notFound(err, id)
	}
	if !c.has("file") {
		if c.has("append") {
			return usagef("--append needs --file F (or --file - for standard input)")
		}
		if a.Note == "" {
			return nil
		}
		_, err := io.WriteString(c.stdout, strings.TrimRight(a.Note, "\n")+"\n")
		return err
	}
	text, err := readNote(c.flag("file"))
	if err != nil {
		return err
	}
	note := text
	if c.has("append") {
		switch old := strings.TrimRight(a.Note, "\n"); {
		case old == "":
		case strings.TrimSpace(text) == "":
			note = a.Note
		default:
			note = old + "\n\n" + strings.TrimLeft(text, "\n")
		}
	}
	if err := c.store.SetNote(c, id, note); err != nil {
		return err
	}
	verb := "set"
	if c.has("append") {
		verb = "appended to"
	}
	fmt.Fprintf(c.stdout, "note of article %d %s (%s)\n", id, verb, plural(len([]rune(note)), "character"))
	return nil
}

// readNote reads the note text from path ("-": standard input). It must
// be UTF-8 text no larger than maxNote.
func readNote(path string) (string, error) {
	r := stdin
	name := "standard input"
	if path != "-" {
		// Only a regular file: opening a named pipe would wait forever.
		f, _, err := ingest.OpenRegular(path)
		if err != nil {
			return "", err
		}
		defer f.Close()
		r, name = f, path
	}
	b, err := io.ReadAll(io.LimitReader(r, maxNote+1))
	if err != nil {
		return "", fmt.Errorf("read %s: %w", name, err)
	}
	if len(b) > maxNote {
		return "", fmt.Errorf("%s is larger than %d MiB: not a note", name, maxNote>>20)
	}
	if strings.IndexByte(string(b), 0) >= 0 || !utf8.Valid(b) {
		return "", fmt.Errorf("%s is not UTF-8 text", name)
	}
	// A file saved on Windows ends its lines with CRLF. Stored as they
	// come, the CRs are printed escaped ("\x0d") by `scholia note ID`, so
	// printing a note and setting it back would change it.
	return strings.ReplaceAll(string(b), "\r\n", "\n"), nil
}
