package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The lines that open and close the part of a vault file Scholia manages.
// They are Obsidian comments, so Obsidian does not show them.
const (
	beginMarker = "%% scholia begin %%"
	endMarker   = "%% scholia end %%"
)

// conflictSuffix names the file Vault writes next to a file whose managed
// part the user changed: "Title.scholia-conflict.md".
const conflictSuffix = ".scholia-conflict.md"

// utf8BOM is the byte-order mark some editors put at the start of a file.
var utf8BOM = []byte("\ufeff")

// vaultFile is a vault file split into the parts Vault treats apart.
type vaultFile struct {
	bom     bool // the file started with a UTF-8 byte-order mark, kept on rewrite
	hasFM   bool
	pre     []byte    // front matter text before its first key (comments)
	entries []fmEntry // the front matter's top-level keys, in order
	before  []byte    // text between the front matter and the begin marker
	region  []byte    // text between the marker lines
	after   []byte    // text after the end marker line
	// hasRegion: both markers were found; broken: a begin marker has no
	// end marker after it (the user deleted it).
	hasRegion, broken bool
}

// fmEntry is one top-level front matter key: its text as written (the key
// line and the lines that belong to it) and its parsed value.
type fmEntry struct {
	key   string
	text  []byte
	value *yaml.Node
}

// get returns the value of key, or nil.
func (f *vaultFile) get(key string) *yaml.Node {
	for _, e := range f.entries {
		if e.key == key {
			return e.value
		}
	}
	return nil
}

// scalar returns the text of a scalar key, or "".
func (f *vaultFile) scalar(key string) string {
	if n := f.get(key); n != nil && n.Kind == yaml.ScalarNode {
		return n.Value
	}
	return ""
}

// splitLines splits b after each '\n', keeping the newlines.
func splitLines(b []byte) [][]byte {
	var out [][]byte
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			out = append(out, b)
			break
		}
		out = append(out, b[:i+1])
		b = b[i+1:]
	}
	return out
}

func lineText(l []byte) string { return strings.TrimRight(string(l), "\r\n") }

// parseVaultFile splits data. It never fails: what it cannot read as
// front matter is body, and a body without markers has no region.
func parseVaultFile(data []byte) vaultFile {
	var f vaultFile
	// Windows editors start a UTF-8 file with a byte-order mark; without
	// seeing past it the front matter, and so the file, would be lost.
	data, f.bom = bytes.CutPrefix(data, utf8BOM)
	body := data
	lines := splitLines(data)
	if len(lines) > 0 && lineText(lines[0]) == "---" {
		off := len(lines[0])
		for _, l := range lines[1:] {
			if t := lineText(l); t == "---" || t == "..." {
				if ok := f.parseFrontMatter(data[len(lines[0]):off]); ok {
					body = data[off+len(l):]
				}
				break
			}
			off += len(l)
		}
	}
	bl := splitLines(body)
	begin, end := -1, -1
	off, beginEnd, endStart, endEnd := 0, 0, 0, 0
	for _, l := range bl {
		switch {
		case begin < 0 && isMarker(lineText(l), beginMarker):
			begin, beginEnd = off, off+len(l)
		case begin >= 0 && end < 0 && isMarker(lineText(l), endMarker):
			end, endStart, endEnd = off, off, off+len(l)
		}
		off += len(l)
	}
	switch {
	case begin >= 0 && end >= 0:
		f.hasRegion = true
		f.before, f.region, f.after = body[:begin], body[beginEnd:endStart], body[endEnd:]
	case begin >= 0:
		f.broken = true
		f.before = body
	default:
		f.before = body
	}
	return f
}

// parseFrontMatter reads fm as a YAML mapping and cuts it into entries at
// the lines where its top-level keys start, so an entry's text is exactly
// what the user wrote. It reports false when fm is not such a mapping.
func (f *vaultFile) parseFrontMatter(fm []byte) bool {
	var doc yaml.Node
	if len(bytes.TrimSpace(fm)) == 0 {
		f.hasFM = true
		return true
	}
	if err := yaml.Unmarshal(fm, &doc); err != nil || doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return false
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return false
	}
	lines := splitLines(fm)
	byLines := m.Style&yaml.FlowStyle == 0
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if k.Column != 1 || k.Line < 1 || k.Line > len(lines) || (i > 0 && k.Line <= m.Content[i-2].Line) {
			byLines = false
		}
	}
	f.hasFM = true
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		e := fmEntry{key: k.Value, value: v}
		if byLines {
			from, to := k.Line-1, len(lines)
			if i+2 < len(m.Content) {
				to = m.Content[i+2].Line - 1
			}
			if i == 0 {
				f.pre = bytes.Join(lines[:from], nil)
			}
			e.text = bytes.Join(lines[from:to], nil)
		} else {
			// Flow style ({a: 1, b: 2}): keep each key's value, in block style.
			pair := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{k, v}}
			e.text, _ = marshalYAML(pair)
		}
		if len(e.text) > 0 && e.text[len(e.text)-1] != '\n' {
			e.text = append(e.text, '\n')
		}
		f.entries = append(f.entries, e)
	}
	return true
}

// canon writes a YAML value as its plain content, so that quoting or
// list style (which Obsidian may change when it edits properties) does
// not count as a change.
func canon(b *bytes.Buffer, n *yaml.Node) {
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias != nil {
			canon(b, n.Alias)
		}
	case yaml.ScalarNode:
		b.WriteString(strconv.Quote(n.Value))
	case yaml.SequenceNode, yaml.MappingNode, yaml.DocumentNode:
		b.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			canon(b, c)
		}
		b.WriteByte(']')
	}
}

// managedHash is the hash of what Scholia manages in f: the values of the
// keys it owns and the managed region, byte for byte.
func managedHash(f *vaultFile) string {
	var b bytes.Buffer
	b.WriteString("scholia-vault-1\n")
	for _, k := range ownedKeys {
		if n := f.get(k); n != nil {
			b.WriteString(k)
			b.WriteByte('=')
			canon(&b, n)
			b.WriteByte('\n')
		}
	}
	// An editor that turned the file's line ends into CRLF changed nothing.
	return hashRegion(&b, bytes.ReplaceAll(f.region, []byte("\r\n"), []byte("\n")))
}

// hash is managedHash of the file Scholia writes for fm and region,
// computed from the values rather than by parsing the YAML back (a test
// checks that the two agree).
func (fm frontMatter) hash(region []byte) string {
	b := append(make([]byte, 0, 512), "scholia-vault-1\n"...)
	str := func(k, v string, always bool) {
		if v != "" || always {
			b = append(b, k...)
			b = append(b, '=')
			b = strconv.AppendQuote(b, v)
			b = append(b, '\n')
		}
	}
	list := func(k string, vs []string) {
		if len(vs) == 0 {
			return
		}
		b = append(b, k...)
		b = append(b, "=["...)
		for i, v := range vs {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendQuote(b, v)
		}
		b = append(b, "]\n"...)
	}
	fm.fields(str, list)
	str("highlights", strconv.Itoa(fm.Highlights), true)
	return hashParts(b, region)
}

func hashRegion(b *bytes.Buffer, region []byte) string {
	return hashParts(b.Bytes(), region)
}

// hashParts is the hash of keys, a zero byte and region, without copying
// the region.
func hashParts(keys, region []byte) string {
	h := sha256.New()
	h.Write(keys)
	h.Write([]byte{0})
	h.Write(region)
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0]))
}

// ownedEntries cuts Scholia's own marshalled front matter into entries.
func ownedEntries(yml []byte) map[string][]byte {
	out := map[string][]byte{}
	key := ""
	for _, l := range splitLines(yml) {
		if len(l) > 0 && l[0] != ' ' && l[0] != '-' && l[0] != '#' {
			if i := bytes.IndexByte(l, ':'); i > 0 {
				key = string(l[:i])
			}
		}
		out[key] = append(out[key], l...)
	}
	return out
}

// composeFile makes a vault file from Scholia's front matter (yml, as
// marshalled) and managed region, keeping from old (nil for a new file)
// every front matter key Scholia does not own and all text outside the
// region, byte for byte. Owned keys stay where they were; new ones go
// after the last owned key.
func composeFile(old *vaultFile, yml, region []byte) []byte {
	var b bytes.Buffer
	n := len(yml) + len(region) + len(beginMarker) + len(endMarker) + 16
	if old != nil {
		n += len(old.pre) + len(old.before) + len(old.after) + 3
		for _, e := range old.entries {
			n += len(e.text)
		}
	}
	b.Grow(n)
	if old != nil && old.bom {
		b.Write(utf8BOM)
	}
	b.WriteString("---\n")
	if old == nil || len(old.entries) == 0 {
		if old != nil {
			b.Write(old.pre)
		}
		b.Write(yml)
	} else {
		own := ownedEntries(yml)
		emitted := map[string]bool{}
		var parts [][]byte
		insertAt := 0
		for _, e := range old.entries {
			if isOwned(e.key) {
				if t, ok := own[e.key]; ok && !emitted[e.key] {
					parts = append(parts, t)
					emitted[e.key] = true
				}
				insertAt = len(parts)
				continue
			}
			parts = append(parts, e.text)
		}
		var fresh [][]byte
		for _, k := range ownedKeys {
			if t, ok := own[k]; ok && !emitted[k] {
				fresh = append(fresh, t)
			}
		}
		parts = append(parts[:insertAt], append(fresh, parts[insertAt:]...)...)
		b.Write(old.pre)
		for _, p := range parts {
			b.Write(p)
		}
	}
	b.WriteString("---\n")
	if old != nil && old.hasRegion {
		b.Write(old.before)
	}
	b.WriteString(beginMarker + "\n")
	b.Write(region)
	b.WriteString(endMarker + "\n")
	if old != nil && old.hasRegion {
		b.Write(old.after)
	}
	return b.Bytes()
}
