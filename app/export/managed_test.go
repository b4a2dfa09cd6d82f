package export

import (
	"bytes"
	"strings"
	"testing"

	"scholia/storage"
)

// FuzzVaultFile treats arbitrary bytes as a vault file the user edited:
// splitting it and writing Scholia's new part into it must keep every byte
// outside the region and every front matter key Scholia does not own, and
// the result must read back with exactly the new region and values.
func FuzzVaultFile(f *testing.F) {
	var seed bytes.Buffer
	d, colors := hostileDoc("note", "- a\n\n```\ncode\n```")
	if err := Article(&seed, d, colors); err != nil {
		f.Fatal(err)
	}
	s := seed.String()
	f.Add(s)
	f.Add("intro\n" + s + "\noutro")
	f.Add(strings.Replace(s, "scholia_id:", "rating: 5\naliases:\n- x\n# c\nscholia_id:", 1))
	f.Add(strings.Replace(s, "---\n", "---\r\n", 1))
	f.Add("---\n{title: x, scholia_id: sch-7, mine: 1}\n---\n%% scholia begin %%\nx\n%% scholia end %%\n")
	f.Add("no front matter\n%% scholia begin %%\n")
	f.Add("---\n- a list\n---\n")
	f.Fuzz(func(t *testing.T, file string) {
		old := parseVaultFile([]byte(file))
		if !old.hasRegion {
			return // Vault never composes into a file without its markers
		}
		tg := NewTagger([]Doc{d})
		yml, err := marshalYAML(newFrontMatter(d, tg))
		if err != nil {
			t.Fatal(err)
		}
		region, err := renderRegion(d, newPalette(storage.DefaultColors), tg, defaultTemplate)
		if err != nil {
			t.Fatal(err)
		}
		out := composeFile(&old, yml, region)
		got := parseVaultFile(out)
		if !got.hasRegion || !bytes.Equal(got.region, region) {
			t.Fatalf("region not read back:\n%s", out)
		}
		if !bytes.Equal(got.after, old.after) {
			t.Errorf("text after the region changed: %q → %q", old.after, got.after)
		}
		if old.hasFM && !bytes.Equal(got.before, old.before) {
			t.Errorf("text before the region changed: %q → %q", old.before, got.before)
		}
		if got.scalar("scholia_id") != ScholiaID(d.Article) || got.scalar("title") != "Plain title" {
			t.Errorf("owned keys not read back: %q %q\n%s", got.scalar("scholia_id"), got.scalar("title"), out)
		}
		for _, e := range old.entries {
			if !isOwned(e.key) && got.get(e.key) == nil {
				t.Errorf("the user's key %q is gone:\n%s", e.key, out)
			}
		}
		// Composing again changes nothing.
		if again := composeFile(&got, yml, region); !bytes.Equal(again, out) {
			t.Errorf("second compose differs:\n%s\n---\n%s", out, again)
		}
	})
}
