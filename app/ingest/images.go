package ingest

import (
	"strings"

	"scholia/storage/doc"
	"scholia/storage/media"
)

// ImageSources lists the distinct addresses of the images in d (from its
// derived blocks and spans), in document order.
func ImageSources(d Doc) []string {
	if d.Markdown == "" || d.Blocks == nil {
		return nil
	}
	parsed, err := doc.Decode(d.Blocks, d.Body)
	if err != nil {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, b := range parsed.Blocks {
		if b.Kind == doc.Image {
			add(b.Info)
		}
	}
	for _, s := range parsed.Spans {
		if s.Kind == doc.Img {
			add(s.Info)
		}
	}
	return out
}

// RewriteImages replaces image addresses in d's Markdown: every image
// whose address is a key of to gets the value instead ("" leaves the image
// without an address: its alt text stays, drawn as a placeholder), and adds
// ms to d.Media. The reading text never changes: an occurrence whose
// rewrite would read differently (the address written inside code) is left
// as written. It reports whether every occurrence could be rewritten.
func RewriteImages(d *Doc, to map[string]string, ms []media.Image) bool {
	d.Media = append(d.Media, ms...)
	if len(to) == 0 {
		return true
	}
	edits := findDestinations(d.Markdown, to)
	if md, parsed, ok := applyEdits(d.Markdown, edits, d.Body); ok {
		d.Markdown, d.Blocks = md, doc.Encode(parsed)
		return true
	}
	// Some occurrence sits in code: try them one at a time, from the end
	// (so earlier offsets stay good), keeping each that reads the same.
	const maxTries = 64
	md := d.Markdown
	var last doc.Doc
	changed := false
	for i := len(edits) - 1; i >= 0 && len(edits)-i <= maxTries; i-- {
		if next, parsed, ok := applyEdits(md, edits[i:i+1], d.Body); ok {
			md, last, changed = next, parsed, true
		}
	}
	if changed {
		d.Markdown, d.Blocks = md, doc.Encode(last)
	}
	return false
}

type destEdit struct {
	start, end int
	repl       string
}

func applyEdits(md string, edits []destEdit, body string) (string, doc.Doc, bool) {
	var b strings.Builder
	b.Grow(len(md))
	at := 0
	for _, e := range edits {
		b.WriteString(md[at:e.start])
		b.WriteString(markdownDest(e.repl))
		at = e.end
	}
	b.WriteString(md[at:])
	out := b.String()
	parsed, err := doc.Parse(out)
	if err != nil || parsed.Text != body {
		return md, doc.Doc{}, false
	}
	return out, parsed, true
}

// findDestinations finds every link destination — after "](" or in a
// reference definition "[label]: " — that is a key of to. A destination is
// taken as Markdown writes it: <in angle brackets>, or a run without
// spaces whose parentheses balance; backslash escapes are undone before
// the look-up.
func findDestinations(md string, to map[string]string) []destEdit {
	var edits []destEdit
	i := 0
	for i < len(md) {
		j := nextDestination(md, i)
		if j < 0 {
			break
		}
		start, end, raw := destinationAt(md, j)
		if repl, ok := to[unescapeDest(raw)]; ok && end > start {
			edits = append(edits, destEdit{start, end, repl})
		}
		i = max(end, j)
	}
	return edits
}

// nextDestination is where the next destination may begin at or after i,
// or -1.
func nextDestination(md string, i int) int {
	for k := i; k < len(md); k++ {
		switch {
		case md[k] == ']' && k+1 < len(md) && md[k+1] == '(':
			return k + 2
		case md[k] == ']' && k+1 < len(md) && md[k+1] == ':' && atLineStartLabel(md, k):
			j := k + 2
			for j < len(md) && (md[j] == ' ' || md[j] == '\t') {
				j++
			}
			return j
		}
	}
	return -1
}

// atLineStartLabel reports whether the "]" at k closes a "[label]" that
// opens its line (up to three spaces in): a reference definition.
func atLineStartLabel(md string, k int) bool {
	ls := strings.LastIndexByte(md[:k], '\n') + 1
	line := strings.TrimLeft(md[ls:k], " ")
	return len(md[ls:k])-len(line) <= 3 && strings.HasPrefix(line, "[") && !strings.Contains(line[1:], "]")
}

// destinationAt reads the destination starting at j: its extent in md and
// its text without angle brackets.
func destinationAt(md string, j int) (start, end int, raw string) {
	for j < len(md) && (md[j] == ' ' || md[j] == '\t') {
		j++
	}
	if j < len(md) && md[j] == '<' {
		k := j + 1
		for k < len(md) && md[k] != '>' && md[k] != '\n' {
			if md[k] == '\\' && k+1 < len(md) {
				k++
			}
			k++
		}
		if k < len(md) && md[k] == '>' {
			return j, k + 1, md[j+1 : k]
		}
		return j, j, ""
	}
	k, depth := j, 0
	for k < len(md) {
		c := md[k]
		if c == '\\' && k+1 < len(md) {
			k += 2
			continue
		}
		if c == ' ' || c == '\t' || c == '\n' || c < 0x20 {
			break
		}
		if c == '(' {
			depth++
		} else if c == ')' {
			if depth == 0 {
				break
			}
			depth--
		}
		k++
	}
	return j, k, md[j:k]
}

func unescapeDest(s string) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// markdownDest writes an address so Markdown reads it back whole.
func markdownDest(u string) string {
	if u == "" {
		return "<>"
	}
	return destination(u)
}

// dropDataImages takes data: URIs out of the Markdown, leaving the alt
// text: a caller that does not store images (Options.KeepDataImages
// false) must not carry megabytes of base64 in an article's source.
func dropDataImages(d *Doc) {
	to := map[string]string{}
	for _, src := range ImageSources(*d) {
		if strings.HasPrefix(strings.ToLower(src), "data:") {
			to[src] = ""
		}
	}
	if len(to) > 0 {
		RewriteImages(d, to, nil)
	}
}
