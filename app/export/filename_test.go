package export

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFileName(t *testing.T) {
	tests := map[string]struct {
		title string
		taken []string
		want  string
	}{
		"plain":            {title: "Biden Team Cannot Tame Russia", want: "Biden Team Cannot Tame Russia.md"},
		"colon":            {title: "Ukraine: the talks", want: "Ukraine - the talks.md"},
		"dot dot slash":    {title: "../x", want: "-x.md"},
		"slashes":          {title: "a/b\\c", want: "a-b-c.md"},
		"windows chars":    {title: `a<b>c"d|e?f*g`, want: "a b c'd-e f g.md"},
		"obsidian chars":   {title: "Note #1 [draft] ^x", want: "Note 1 (draft) x.md"},
		"reserved":         {title: "CON", want: "_CON.md"},
		"reserved lower":   {title: "nul", want: "_nul.md"},
		"reserved ext":     {title: "com1.txt", want: "_com1.txt.md"},
		"reserved lpt":     {title: "LPT9", want: "_LPT9.md"},
		"not reserved":     {title: "Console", want: "Console.md"},
		"empty":            {title: "", want: "Untitled.md"},
		"dots":             {title: "...", want: "Untitled.md"},
		"spaces":           {title: "   ", want: "Untitled.md"},
		"nul":              {title: "a\x00b", want: "ab.md"},
		"controls":         {title: "a\x01\x1f\x7fb\nc\td", want: "ab c d.md"},
		"leading dot":      {title: ".hidden", want: "hidden.md"},
		"trailing dots":    {title: "Wait... ", want: "Wait.md"},
		"inner dots":       {title: "U.S..Russia", want: "U.S.Russia.md"},
		"bidi override":    {title: "evil\u202etxt.exe", want: "eviltxt.exe.md"},
		"emoji":            {title: "Talks 🇺🇸🇷🇺", want: "Talks 🇺🇸🇷🇺.md"},
		"nfc":              {title: "Cafe\u0301", want: "Café.md"},
		"taken":            {title: "Notes", taken: []string{"notes.md"}, want: "Notes 2.md"},
		"taken twice":      {title: "Notes", taken: []string{"notes.md", "notes 2.md"}, want: "Notes 3.md"},
		"taken with gap":   {title: "Notes", taken: []string{"notes.md", "notes 2.md", "notes 4.md"}, want: "Notes 3.md"},
		"taken other case": {title: "NOTES", taken: []string{"notes.md"}, want: "NOTES 2.md"},
		"long":             {title: strings.Repeat("a", 300), want: strings.Repeat("a", 97) + ".md"},
		"long taken":       {title: strings.Repeat("a", 300), taken: []string{strings.Repeat("a", 97) + ".md"}, want: strings.Repeat("a", 95) + " 2.md"},
		"long multibyte":   {title: strings.Repeat("é", 300), want: strings.Repeat("é", 48) + ".md"},
		"long cut space":   {title: strings.Repeat("a", 96) + " b", want: strings.Repeat("a", 96) + ".md"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			taken := map[string]bool{}
			for _, n := range tc.taken {
				taken[n] = true
			}
			got := FileName(tc.title, taken)
			if got != tc.want {
				t.Errorf("FileName(%q) = %q, want %q", tc.title, got, tc.want)
			}
			checkSafeName(t, got)
			if !taken[strings.ToLower(got)] {
				t.Errorf("FileName did not record %q in taken", got)
			}
		})
	}
}

// checkSafeName asserts every rule a file name must meet.
func checkSafeName(t *testing.T, name string) {
	t.Helper()
	stem, ok := strings.CutSuffix(name, ".md")
	switch {
	case !ok:
		t.Errorf("%q does not end in .md", name)
	case len(name) > maxNameBytes:
		t.Errorf("%q is %d bytes, over %d", name, len(name), maxNameBytes)
	case !utf8.ValidString(name):
		t.Errorf("%q is not valid UTF-8", name)
	case strings.ContainsAny(name, "/\\<>:\"|?*#^[]\x00"):
		t.Errorf("%q has a forbidden character", name)
	case strings.Contains(name, ".."):
		t.Errorf("%q contains ..", name)
	case stem == "" || strings.Trim(stem, " .") != stem:
		t.Errorf("%q starts or ends with a dot or space", name)
	case reservedName(stem):
		t.Errorf("%q is a reserved device name", name)
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) {
			t.Errorf("%q has control character %U", name, r)
		}
	}
}

func TestFileNameUnique(t *testing.T) {
	taken := map[string]bool{}
	seen := map[string]bool{}
	for _, title := range []string{"../x", "a/b", "CON", "con", strings.Repeat("z", 300), strings.Repeat("z", 300), "a\x00b", "", "...", "", "x", "X", "x "} {
		got := FileName(title, taken)
		checkSafeName(t, got)
		if seen[strings.ToLower(got)] {
			t.Errorf("FileName(%q) = %q, already given", title, got)
		}
		seen[strings.ToLower(got)] = true
	}
}

func TestFileNameManySame(t *testing.T) {
	taken := map[string]bool{}
	for i := 1; i <= 5000; i++ {
		want := "Untitled.md"
		if i > 1 {
			want = "Untitled " + strconv.Itoa(i) + ".md"
		}
		if got := FileName("", taken); got != want {
			t.Fatalf("call %d: %q, want %q", i, got, want)
		}
	}
}

func FuzzFileName(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	for _, s := range []string{"../x", "a/b", "CON", "com1.txt", "", "...", "a\x00b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, title string) {
		taken := map[string]bool{}
		a := FileName(title, taken)
		b := FileName(title, taken)
		checkSafeName(t, a)
		checkSafeName(t, b)
		if strings.EqualFold(a, b) {
			t.Errorf("same title twice gave %q and %q", a, b)
		}
		if again := FileName(title, nil); again != a {
			t.Errorf("not deterministic: %q then %q", a, again)
		}
	})
}

func BenchmarkFileName(b *testing.B) {
	for b.Loop() {
		taken := map[string]bool{"official says u.s. is ‘open’ to talks with russia - missile deployments & exercises.md": true}
		FileName("Official Says U.S. Is ‘Open’ to Talks With Russia: Missile Deployments & Exercises", taken)
	}
}
