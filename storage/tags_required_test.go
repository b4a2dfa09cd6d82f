package storage

import (
	"go/ast"
	"go/build"
	"go/parser"
	gotoken "go/token"
	"path/filepath"
	"slices"
	"testing"
)

// TestBuildWithoutTagFails checks, without a second cgo build, what a
// build without -tags sqlite_fts5 sees: tags_required.go is in it and
// names an identifier that no file of the package declares (so the
// compiler stops, printing the identifier that says what to do), and
// with the tag the file is left out.
func TestBuildWithoutTagFails(t *testing.T) {
	const ident = "Build_with_tags_sqlite_fts5__use_make"
	for _, tc := range []struct {
		tags []string
		want bool
	}{{nil, true}, {[]string{"sqlite_fts5"}, false}} {
		ctxt := build.Default
		ctxt.BuildTags = tc.tags
		pkg, err := ctxt.ImportDir(".", 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := slices.Contains(pkg.GoFiles, "tags_required.go"); got != tc.want {
			t.Fatalf("tags %v: tags_required.go in the build = %v, want %v", tc.tags, got, tc.want)
		}
		fset := gotoken.NewFileSet()
		used, declared := false, false
		for _, name := range pkg.GoFiles {
			f, err := parser.ParseFile(fset, filepath.Join(".", name), nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			if f.Scope.Lookup(ident) != nil {
				declared = true
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && id.Name == ident {
					used = true
				}
				return true
			})
		}
		if declared || used != tc.want {
			t.Errorf("tags %v: %s used %v, declared %v; want used %v and never declared", tc.tags, ident, used, declared, tc.want)
		}
	}
}
