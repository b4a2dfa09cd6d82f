package safetext

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMeta(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Plain title", "Plain title"},
		{"Hi\x1b]0;PWNED\x07\x1b[2J", "Hi]0;PWNED[2J"},
		{"A\x1b[31mred\a", "A[31mred"},
		{"tab\tand\nnewline", "tab and newline"},
		{"NUL\x00 inside", "NUL inside"},
		{"C1 \u009b2J CSI", "C1 2J CSI"},
		{"DEL\x7f", "DEL"},
		{"evil \u202egnp.exe", "evil gnp.exe"},
		{"isolate \u2066x\u2069", "isolate x"},
		{"مرحبا \u200fmark kept", "مرحبا \u200fmark kept"},
		{"  spaced   out  ", "spaced out"},
		{"café — naïve", "café — naïve"},
	} {
		if got := Meta(c.in); got != c.want {
			t.Errorf("Meta(%q) = %q, want %q", c.in, got, c.want)
		}
		if again := Meta(Meta(c.in)); again != Meta(c.in) {
			t.Errorf("Meta is not idempotent on %q", c.in)
		}
	}
}

func TestLineAndText(t *testing.T) {
	for _, c := range []struct{ in, line, text string }{
		{"plain", "plain", "plain"},
		{"a\x1b[2Jb", `a\x1b[2Jb`, `a\x1b[2Jb`},
		{"bell\a", `bell\x07`, `bell\x07`},
		{"two\nlines\tand tab", `two\x0alines\x09and tab`, "two\nlines\tand tab"},
		{"cr\roverwrite", `cr\x0doverwrite`, `cr\x0doverwrite`},
		{"csi\u009b2J", `csi\u009b2J`, `csi\u009b2J`},
		{"del\x7f", `del\u007f`, `del\u007f`},
		{"rlo\u202eabc", `rlo\u202eabc`, `rlo\u202eabc`},
		{"bad \x9b byte", `bad \x9b byte`, `bad \x9b byte`},
		{"ünïcödé ok", "ünïcödé ok", "ünïcödé ok"},
	} {
		if got := Line(c.in); got != c.line {
			t.Errorf("Line(%q) = %q, want %q", c.in, got, c.line)
		}
		if got := Text(c.in); got != c.text {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.text)
		}
	}
}

// checkSafe fails if out holds anything a terminal would act on.
func checkSafe(t *testing.T, out []byte) {
	t.Helper()
	for i := 0; i < len(out); {
		r, size := utf8.DecodeRune(out[i:])
		if r == utf8.RuneError && size == 1 {
			t.Fatalf("invalid UTF-8 byte %#x at %d in %q", out[i], i, out)
		}
		if dangerous(r) && r != '\n' && r != '\t' {
			t.Fatalf("dangerous %U at %d in %q", r, i, out)
		}
		i += size
	}
}

// FuzzWriter: whatever is written, in whatever pieces, nothing dangerous
// comes out, and the result does not depend on how the text was split.
func FuzzWriter(f *testing.F) {
	for _, s := range []string{"", "plain\n", "a\x1b[2Jb", "rlo\u202e", "c1\u009b", "\xc2", "ü", "\x9b\x1b", "tab\tnl\n"} {
		f.Add([]byte(s), 1)
	}
	f.Fuzz(func(t *testing.T, data []byte, split int) {
		var whole bytes.Buffer
		w := NewWriter(&whole)
		w.Write(data)
		w.Flush()
		checkSafe(t, whole.Bytes())
		if want := Text(string(data)); whole.String() != want {
			t.Fatalf("Writer gave %q, Text gives %q", whole.String(), want)
		}
		if split <= 0 {
			split = 1
		}
		var pieces bytes.Buffer
		pw := NewWriter(&pieces)
		for i := 0; i < len(data); i += split {
			pw.Write(data[i:min(i+split, len(data))])
		}
		pw.Flush()
		if !utf8.Valid(data) {
			return // an invalid byte may pair differently with a split
		}
		if pieces.String() != whole.String() {
			t.Fatalf("split every %d bytes: %q, whole: %q", split, pieces.String(), whole.String())
		}
		checkSafe(t, []byte(Line(string(data))))
		if m := Meta(string(data)); strings.ContainsFunc(m, dangerous) {
			t.Fatalf("Meta left a control in %q", m)
		}
	})
}

func BenchmarkWriterPlain(b *testing.B) {
	text := []byte(strings.Repeat("An ordinary line of article text, nothing to escape here.\n", 1000))
	w := NewWriter(ioDiscard{})
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		w.Write(text)
	}
}

type ioDiscard struct{}

func (ioDiscard) Write(p []byte) (int, error) { return len(p), nil }
