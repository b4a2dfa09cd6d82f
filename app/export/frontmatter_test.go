package export

import (
	"bytes"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// hostileStrings are titles, tags and sources that YAML reads as
// something else unless quoted, or that break a hand-made emitter.
var hostileStrings = []string{
	"", "Plain title", "Article 1: talks in Geneva [12]", "ends with a colon:", "a:b", "a #b", "a#b",
	"yes", "No", "ON", "off", "y", "N", "true", "False", "null", "NULL", "~", "-", "- item", "--- x", "...",
	"123", "0x1F", "1e3", "1_000", "12:30", "190:20:30", ".inf", "-.5", "+1", "2022-01-10", "2022-1-9",
	"2022-13-45", "2022-02-30", "0000-00-00", "2022-01-10T09:32:00Z", "2022-01-10 09:32",
	"'quoted'", "it's", `say "hi"`, "\"", "#tag", "&anchor", "*alias", "!tag", "|", ">", "%", "@x", "`x`",
	"{a: 1}", "[a, b]", "a, b", "a[0]", "? q", "?q", ": x", "café", "Éclair", "日本語のタイトル", "naïve: a study",
	"emoji 🎉 party", "🎉", "nbsp\u00a0here", "\u00a0lead", "tab\there", "line\u2028sep", "para\u2029sep",
	"nel\u0085x", "bom\ufeffx", "\ufffd", "end\uffff", "private\ue000use", "ctl\x01x", "del\x7fx", "c1\u0080x",
	"trailing ", " leading", "two  spaces", "http://example.com/a?b=c#frag", "https://x.org/a: b",
	"a\nb", "a\r\nb", "multi\nline: here", "\xff\xfe", "<<", "=", "!!str", "a'b'c",
}

func fmFor(s string, tags []string) frontMatter {
	return frontMatter{Title: s, Author: s, Source: s, URL: s, Published: s, Tags: tags, ScholiaTags: tags, ScholiaID: "sch-7", Highlights: 3}
}

// checkFrontMatter holds the purpose-built emitter to the YAML library's
// output, byte for byte, and to reading back as the same values.
func checkFrontMatter(t *testing.T, fm frontMatter) {
	t.Helper()
	want, werr := marshalYAML(fm)
	got, gerr := fm.yaml(nil)
	if (werr == nil) != (gerr == nil) {
		t.Fatalf("%q: errors differ: emitter %v, library %v", fm.Title, gerr, werr)
	}
	if werr != nil {
		return
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%q: the emitter wrote\n%s\nthe library\n%s", fm.Title, got, want)
	}
	var back frontMatter
	if err := yaml.Unmarshal(got, &back); err != nil {
		t.Fatalf("%q: does not read back: %v\n%s", fm.Title, err, got)
	}
}

func TestFrontMatterEmitterMatchesLibrary(t *testing.T) {
	for _, s := range hostileStrings {
		checkFrontMatter(t, fmFor(s, []string{s, "plain", s + "x"}))
		// As the exporter makes them: one line, control characters dropped.
		one := strings.TrimSpace(clean(s, false))
		fm := fmFor(one, rawTags([]string{s}))
		checkFrontMatter(t, fm)
		var back frontMatter
		out, _ := fm.yaml(nil)
		if err := yaml.Unmarshal(out, &back); err != nil || back.Title != one || back.Published != one {
			t.Errorf("%q reads back as %q (%v)", one, back.Title, err)
		}
	}
	// Empty lists and optional keys are left out, as omitempty does.
	checkFrontMatter(t, frontMatter{Title: "t", ScholiaID: "sch-1"})
	// A front matter is appended, not written over what came before.
	fm := fmFor("x: y", nil)
	out, err := fm.yaml([]byte("keep\n"))
	if err != nil || !bytes.HasPrefix(out, []byte("keep\ntitle: 'x: y'\n")) {
		t.Errorf("appended front matter: %q %v", out, err)
	}
	// A multi-line value falls back to the library for the whole block.
	ml := fmFor("a\nb", nil)
	out, err = ml.yaml([]byte("keep\n"))
	want, _ := marshalYAML(fmFor("a\nb", nil))
	if err != nil || !bytes.Equal(out, append([]byte("keep\n"), want...)) {
		t.Errorf("multi-line fallback: %q %v", out, err)
	}
}

func TestPlainYAMLClassifies(t *testing.T) {
	for s, want := range map[string]yamlStyle{
		"Plain": yamlPlain, "a: b": yamlSingle, "a #b": yamlSingle, "2022-01-10": yamlDate,
		"yes": yamlOther, "1st": yamlOther, "tab\tx": yamlOther, "🎉": yamlOther, "": yamlOther,
	} {
		if got := plainYAML(s); got != want {
			t.Errorf("plainYAML(%q) = %d, want %d", s, got, want)
		}
	}
}

// FuzzFrontMatterEmitter: for any title, author and tag, the emitter and
// the YAML library write the same bytes.
func FuzzFrontMatterEmitter(f *testing.F) {
	for _, s := range hostileStrings {
		f.Add(s, "tag")
	}
	f.Fuzz(func(t *testing.T, s, tag string) {
		checkFrontMatter(t, fmFor(s, []string{tag}))
		checkFrontMatter(t, fmFor(strings.TrimSpace(clean(s, false)), rawTags([]string{tag, s})))
	})
}
