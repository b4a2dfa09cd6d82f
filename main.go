// Command scholia is a desktop research workspace for annotating articles.
// With no command it opens the window; with one it runs headless on the
// same library file (see scholia help).
package main

import (
	"context"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"scholia/app"
	"scholia/app/cli"
	"scholia/assets"
	"scholia/storage"
)

func main() {
	args := os.Args[1:]
	if cli.IsCommand(args) {
		os.Exit(cli.Run(context.Background(), args, os.Stdout, os.Stderr, os.Getenv))
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
		if _, err := os.Stat(last); err == nil {
			path = last // the library chosen in Preferences last time
		}
	}
	store, err := storage.Open(context.Background(), path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "scholia:", err)
		os.Exit(cli.ExitFail)
	}
	app.Run(a, store, win.Import...)
	if err := store.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "scholia:", err)
		os.Exit(cli.ExitFail)
	}
}
