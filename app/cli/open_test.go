package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"scholia/app/cli"
	"scholia/app/instance"
)

// openLibrary makes a library with two articles and a highlight in each,
// and a private XDG_RUNTIME_DIR for the hand-off socket.
func openLibrary(t *testing.T) (env func(string) string, db string, art [2]int64, hl [2]int64) {
	t.Helper()
	dir := t.TempDir()
	db = filepath.Join(dir, "library.db")
	rt, err := os.MkdirTemp("", "rt")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(rt) })
	env = func(k string) string {
		switch k {
		case "SCHOLIA_DB":
			return db
		case "XDG_RUNTIME_DIR":
			return rt
		}
		return ""
	}
	for i, body := range []string{
		"The harbour froze early that winter, and the ferries stopped.",
		"Bread prices rose twice in one month, and the bakers went on strike.",
	} {
		f := filepath.Join(dir, "a"+strconv.Itoa(i)+".txt")
		os.WriteFile(f, []byte("Article "+strconv.Itoa(i)+"\n\n"+body+"\n"), 0o644)
		r := runEnv(t, env, "import", f)
		fields := strings.Fields(r.stdout)
		if r.code != 0 || len(fields) < 2 {
			t.Fatalf("import: %+v", r)
		}
		art[i], _ = strconv.ParseInt(fields[1], 10, 64)
		quote := strings.Fields(body)[1]
		if r := runEnv(t, env, "highlight", fields[1], "--quote", quote); r.code != 0 {
			t.Fatalf("highlight: %+v", r)
		}
		var a struct {
			Highlights []struct{ ID int64 } `json:"highlights"`
		}
		json.Unmarshal([]byte(runEnv(t, env, "show", fields[1], "--json").stdout), &a)
		hl[i] = a.Highlights[0].ID
	}
	return env, db, art, hl
}

func runEnv(t *testing.T, env func(string) string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := cli.Run(context.Background(), args, &out, &errb, env)
	return result{code, out.String(), errb.String()}
}

// window stands in for the running window: it claims the library and
// records what it is asked.
func window(t *testing.T, db string, env func(string) string) func() []instance.Request {
	t.Helper()
	s, err := instance.Claim(db, env)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var got []instance.Request
	done := make(chan struct{})
	go func() {
		s.Serve(func(r instance.Request) error { mu.Lock(); got = append(got, r); mu.Unlock(); return nil })
		close(done)
	}()
	t.Cleanup(func() { s.Close(); <-done })
	return func() []instance.Request {
		mu.Lock()
		defer mu.Unlock()
		return append([]instance.Request(nil), got...)
	}
}

func TestOpenHandsTheLinkToTheWindow(t *testing.T) {
	env, db, art, hl := openLibrary(t)
	received := window(t, db, env)
	a, h := strconv.FormatInt(art[1], 10), strconv.FormatInt(hl[1], 10)
	link := "scholia://open?article=" + a + "&highlight=" + h
	for _, args := range [][]string{{"open", link}, {"open", a, "--highlight", h}, {"open", "#" + a}} {
		if r := runEnv(t, env, args...); r.code != 0 || !strings.Contains(r.stdout, "in the window") {
			t.Fatalf("scholia %v: %+v", args, r)
		}
	}
	got := received()
	want := []string{link, link, "scholia://open?article=" + a}
	if len(got) != len(want) {
		t.Fatalf("the window received %+v", got)
	}
	for i := range want {
		if got[i].Open != want[i] || len(got[i].Import) != 0 {
			t.Errorf("request %d = %+v, want open %s", i, got[i], want[i])
		}
	}
}

func TestOpenBadLinks(t *testing.T) {
	env, db, art, hl := openLibrary(t)
	received := window(t, db, env)
	a0, a1 := strconv.FormatInt(art[0], 10), strconv.FormatInt(art[1], 10)
	h1 := strconv.FormatInt(hl[1], 10)
	cases := map[string]struct {
		args []string
		code int
		msg  string
	}{
		"wrong scheme":         {[]string{"open", "https://open?article=" + a0}, 1, `not a Scholia link: the scheme is "https"`},
		"malformed query":      {[]string{"open", "scholia://open?article=" + a0 + ";highlight=1"}, 1, "not a Scholia link: malformed query"},
		"no article":           {[]string{"open", "scholia://open?highlight=" + h1}, 1, "no article=ID in the query"},
		"unknown article":      {[]string{"open", "scholia://open?article=999"}, 1, "no article 999 in this library"},
		"unknown highlight":    {[]string{"open", "scholia://open?article=" + a0 + "&highlight=999"}, 1, "no highlight 999 in this library"},
		"another's highlight":  {[]string{"open", "scholia://open?article=" + a0 + "&highlight=" + h1}, 1, "highlight " + h1 + " belongs to article " + a1 + ", not " + a0},
		"not an ID":            {[]string{"open", "twelve"}, 2, `"twelve" is neither a scholia:// link nor an article ID`},
		"bad --highlight":      {[]string{"open", a0, "--highlight", "x"}, 2, `--highlight "x" is not a highlight ID`},
		"link and --highlight": {[]string{"open", "scholia://open?article=" + a0, "--highlight", h1}, 2, "the link names its highlight"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			r := runEnv(t, env, tc.args...)
			if r.code != tc.code || !strings.Contains(r.stderr, tc.msg) || strings.Count(r.stderr, "\n") != 1 {
				t.Fatalf("scholia %v: exit %d, stderr %q; want exit %d and one line with %q", tc.args, r.code, r.stderr, tc.code, tc.msg)
			}
		})
	}
	if n := len(received()); n != 0 {
		t.Fatalf("%d bad links reached the window", n)
	}
}

func TestOpenWithNoWindow(t *testing.T) {
	env, db, art, _ := openLibrary(t)
	r := runEnv(t, env, "open", "--no-start", strconv.FormatInt(art[0], 10))
	if r.code != 1 || !strings.Contains(r.stderr, "no window is open on "+db) {
		t.Fatalf("open --no-start with no window: %+v", r)
	}
}

func TestWindowArgsLinksAndFileURLs(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "my notes.md")
	os.WriteFile(file, []byte("# x"), 0o644)
	env := func(string) string { return "" }
	cases := map[string]struct {
		args    []string
		open    string
		imports []string
		err     string
	}{
		"a link":           {args: []string{"scholia://open?article=3&highlight=4"}, open: "scholia://open?article=3&highlight=4"},
		"a file URL":       {args: []string{"file://" + strings.ReplaceAll(file, " ", "%20")}, imports: []string{file}},
		"a file URL, host": {args: []string{"file://localhost" + file}, imports: []string{file}},
		"a remote file":    {args: []string{"file://server/x.md"}, err: "is not a local file"},
		"a bad link":       {args: []string{"scholia://open?article=x"}, err: `article="x" is not an ID`},
		"two links":        {args: []string{"scholia://open?article=1", "scholia://open?article=2"}, err: "one scholia:// link at a time"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			if cli.IsCommand(tc.args) {
				t.Fatalf("IsCommand(%q) = true: a desktop's %%U argument must open the window", tc.args)
			}
			w, err := cli.WindowArgs(tc.args, env)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("WindowArgs: %+v, %v; want %q", w, err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if w.Open != tc.open || strings.Join(w.Import, "|") != strings.Join(tc.imports, "|") {
				t.Fatalf("WindowArgs = open %q import %q; want %q %q", w.Open, w.Import, tc.open, tc.imports)
			}
		})
	}
	// Relative paths become absolute: the running window has its own working folder.
	wd, _ := os.Getwd()
	w, err := cli.WindowArgs([]string{"notes.md"}, env)
	if err != nil || len(w.Import) != 1 || w.Import[0] != filepath.Join(wd, "notes.md") {
		t.Fatalf("relative path: %+v, %v", w, err)
	}
}
