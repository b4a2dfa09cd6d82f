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
	path, err := cli.WindowArgs(args, os.Getenv)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(cli.ExitUsage)
	}
	store, err := storage.Open(context.Background(), path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "scholia:", err)
		os.Exit(cli.ExitFail)
	}
	a := fyneapp.NewWithID(app.ID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.IconPNG))
	app.Run(a, store)
	if err := store.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "scholia:", err)
		os.Exit(cli.ExitFail)
	}
}
