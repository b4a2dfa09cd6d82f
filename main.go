// Command scholia is a desktop research workspace for annotating articles.
// With no command it opens the window; with one it runs headless on the
// same library file (see scholia help).
package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"scholia/app"
	"scholia/app/appdirs"
	"scholia/app/cli"
	"scholia/app/instance"
	"scholia/app/pdf"
	"scholia/assets"
	"scholia/storage"
)

func main() {
	args := os.Args[1:]
	if cli.IsCommand(args) {
		code := cli.Run(context.Background(), args, os.Stdout, os.Stderr, os.Getenv)
		pdf.Close() // PDFium, if a PDF was imported
		os.Exit(code)
	}
	win, err := cli.WindowArgs(args, os.Getenv)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(cli.ExitUsage)
	}
	a := fyneapp.NewWithID(app.ID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.IconPNG))
	path := win.Library
	if last := a.Preferences().String(app.PrefLibrary); !win.Explicit && last != "" {
		// Earlier versions kept the chosen library in Fyne's
		// preferences, where the command line cannot see it: move it to
		// the settings file both read.
		if s, err := appdirs.Load(os.Getenv); err == nil && s.Library == "" {
			if _, err := os.Stat(last); err == nil && appdirs.SetLibrary(os.Getenv, last) == nil {
				path = last
			}
		}
		a.Preferences().RemoveValue(app.PrefLibrary)
	}
	// One window per library: a window already open on it takes the
	// link or files and comes to the front, and this launch ends.
	single, err := instance.Claim(path, os.Getenv)
	if errors.Is(err, instance.ErrRunning) {
		req := instance.Request{Open: win.Open, Import: win.Import}
		if err = instance.Send(context.Background(), path, os.Getenv, req); err == nil {
			os.Exit(cli.ExitOK)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "scholia: opening a window of its own:", err)
	}
	store, err := storage.Open(context.Background(), path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "scholia:", err)
		os.Exit(cli.ExitFail)
	}
	app.RunWith(a, store, app.Start{Import: win.Import, Open: win.Open, Instance: single})
	pdf.Close()
	if err := store.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "scholia:", err)
		os.Exit(cli.ExitFail)
	}
}
