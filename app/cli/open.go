package cli

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"scholia/app/instance"
	"scholia/app/link"
	"scholia/storage"
)

var openCmd = &command{
	name: "open", usage: "LINK|ID", minArgs: 1, maxArgs: 1, reads: true,
	summary: "Show an article, scrolled to a highlight, in the window open on the library; with no window open, start one.",
	example: "scholia open 'scholia://open?article=12&highlight=34'",
	flags: []flagSpec{
		{name: "highlight", value: "ID", help: "scroll to this highlight (with an article ID)"},
		{name: "no-start", help: "fail instead of starting a window when none is open on the library"},
	},
	run: runOpen,
}

// target reads the argument of scholia open: a scholia:// link, or an
// article ID (what scholia list prints) with --highlight.
func target(c *ctx) (link.Link, error) {
	arg := c.args[0]
	if link.IsLink(arg) || strings.Contains(arg, "://") {
		if c.has("highlight") {
			return link.Link{}, usagef("--highlight goes with an article ID; the link names its highlight")
		}
		return link.Parse(arg)
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(arg, "#"), 10, 64)
	if err != nil || id <= 0 {
		return link.Link{}, usagef("%q is neither a scholia:// link nor an article ID", arg)
	}
	l := link.Link{Article: id}
	if h := c.flag("highlight"); h != "" {
		l.Highlight, err = strconv.ParseInt(strings.TrimPrefix(h, "#"), 10, 64)
		if err != nil || l.Highlight <= 0 {
			return link.Link{}, usagef("--highlight %q is not a highlight ID", h)
		}
	}
	return l, nil
}

func runOpen(c *ctx) error {
	l, err := target(c)
	if err != nil {
		return err
	}
	if err := CheckLink(c, c.store, l); err != nil {
		return err
	}
	what := fmt.Sprintf("article %d", l.Article)
	if l.Highlight != 0 {
		what += fmt.Sprintf(" at highlight %d", l.Highlight)
	}
	err = instance.Send(c, c.store.Path(), c.getenv, instance.Request{Open: l.String()})
	switch {
	case err == nil:
		fmt.Fprintf(c.stdout, "opened %s in the window\n", what)
		return nil
	case !errors.Is(err, instance.ErrNotRunning):
		return err
	case c.has("no-start"):
		return fmt.Errorf("no window is open on %s (--no-start)", c.store.Path())
	}
	if err := startWindow(c.store.Path(), l.String()); err != nil {
		return fmt.Errorf("starting the window: %w", err)
	}
	fmt.Fprintf(c.stdout, "opened %s in a new window\n", what)
	return nil
}

// CheckLink says in one line what is wrong when a link points at nothing in
// the library; the window says the same.
func CheckLink(ctx context.Context, store *storage.Store, l link.Link) error {
	if _, err := store.Article(ctx, l.Article); err != nil {
		return notFound(err, l.Article)
	}
	if l.Highlight == 0 {
		return nil
	}
	h, err := store.Highlight(ctx, l.Highlight)
	if errors.Is(err, storage.ErrNotFound) {
		return fmt.Errorf("no highlight %d in this library (see scholia show %d)", l.Highlight, l.Article)
	}
	if err != nil {
		return err
	}
	if h.ArticleID != l.Article {
		return fmt.Errorf("highlight %d belongs to article %d, not %d", l.Highlight, h.ArticleID, l.Article)
	}
	return nil
}

// startWindow starts the window on the library and the link, in its own
// session so it outlives this command and the terminal it ran in.
func startWindow(library, target string) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	null, err := os.OpenFile(os.DevNull, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer null.Close()
	cmd := exec.Command(exe, "--db", library, target)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = null, null, null
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		return err
	}
	return cmd.Process.Release()
}

// windowArg sorts one positional argument of "scholia [PATH|LINK...]":
// a scholia:// link, or a file or folder to import, given as a path or as
// a file:// URL (a desktop's %U), made absolute so that a window started
// elsewhere finds it.
func windowArg(w *Window, arg string) error {
	if link.IsLink(arg) {
		if w.Open != "" {
			return errors.New("scholia: one scholia:// link at a time")
		}
		if _, err := link.Parse(arg); err != nil {
			return fmt.Errorf("scholia: %v", err)
		}
		w.Open = strings.TrimSpace(arg)
		return nil
	}
	p := arg
	if strings.HasPrefix(arg, "file://") {
		u, err := url.Parse(arg)
		if err != nil || (u.Host != "" && u.Host != "localhost") {
			return fmt.Errorf("scholia: %q is not a local file", arg)
		}
		p = u.Path
	}
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	w.Import = append(w.Import, p)
	return nil
}
