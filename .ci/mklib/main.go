// Command mklib builds a generated library of N articles at PATH (for the
// end-to-end benchmark), or with only N prints the cached library's path.
package main

import (
	"context"
	"fmt"
	"os"
	"strconv"

	"scholia/app/libgen"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: mklib N [PATH]")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil || n < 0 {
		fmt.Fprintln(os.Stderr, "mklib: N is a count of articles, not", os.Args[1])
		os.Exit(2)
	}
	if len(os.Args) > 2 {
		err = libgen.Build(context.Background(), os.Args[2], n)
	} else {
		var p string
		p, err = libgen.CachedLibrary(n)
		fmt.Println(p)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "mklib:", err)
		os.Exit(1)
	}
}
