package export

// The note scanner of the legacy exporter (legacyNote): kept as it was.

import (
	"strings"
)

// noteContained reports whether note, followed by a blank line, ends every
// block it opens. It is deliberately conservative, with a small scanner
// rather than a full parser: top-level fences are tracked exactly, but a
// fence or HTML-looking line together with any list or blockquote (where
// container rules decide what closes) counts as not contained.
func noteContained(note string) bool {
	// Obsidian's %%comments%% and $$math$$ run to the next marker across
	// blocks, so an odd count would hide everything after the note there.
	if strings.Count(note, "%%")%2 == 1 || strings.Count(note, "$$")%2 == 1 {
		return false
	}
	var (
		inFence   bool
		fenceChar byte
		fenceLen  int
		container bool
		risky     bool
	)
	for len(note) > 0 {
		line := note
		if i := strings.IndexByte(note, '\n'); i >= 0 {
			line, note = note[:i], note[i+1:]
		} else {
			note = ""
		}
		indent := 0
		for len(line) > 0 && (line[0] == ' ' || line[0] == '\t') {
			if line[0] == '\t' {
				indent += 4 // a tab reaches the next tab stop: count it as deep
			} else {
				indent++
			}
			line = line[1:]
		}
		if inFence {
			if indent <= 3 && closesFence(line, fenceChar, fenceLen) {
				inFence = false
			}
			continue
		}
		if startsContainer(line) {
			container = true
			line = stripContainers(line)
		}
		if c, n, ok := opensFence(line); ok {
			risky = true
			if indent <= 3 {
				inFence, fenceChar, fenceLen = true, c, n
			}
			continue
		}
		if strings.HasPrefix(line, "<") {
			risky = true
			if indent <= 3 && endsOnlyAtMarker(line) {
				return false
			}
		}
		if container && risky {
			return false
		}
	}
	return !inFence && !(container && risky)
}

// opensFence reports whether line starts a fenced code block: 3+ backticks
// (with no backtick in the info string) or 3+ tildes.
func opensFence(line string) (byte, int, bool) {
	if len(line) < 3 || (line[0] != '`' && line[0] != '~') {
		return 0, 0, false
	}
	c := line[0]
	n := 0
	for n < len(line) && line[n] == c {
		n++
	}
	if n < 3 || (c == '`' && strings.IndexByte(line[n:], '`') >= 0) {
		return 0, 0, false
	}
	return c, n, true
}

func closesFence(line string, c byte, n int) bool {
	k := 0
	for k < len(line) && line[k] == c {
		k++
	}
	return k >= n && strings.Trim(line[k:], " \t") == ""
}

// startsContainer reports whether line begins with a blockquote marker or a
// list marker ("- ", "* ", "+ ", "1. ", "1) ").
func startsContainer(line string) bool {
	return stripContainers(line) != line
}

// stripContainers removes leading blockquote and list markers; it returns
// line unchanged when there are none.
func stripContainers(line string) string {
	stripped := false
	for {
		t := strings.TrimLeft(line, " \t")
		rest, ok := cutMarker(t)
		if !ok {
			if stripped {
				return t
			}
			return line
		}
		line, stripped = rest, true
	}
}

func cutMarker(t string) (string, bool) {
	spaceAt := func(i int) bool { return i == len(t) || t[i] == ' ' || t[i] == '\t' }
	if t == "" {
		return "", false
	}
	switch t[0] {
	case '>':
		return t[1:], true
	case '-', '*', '+':
		if spaceAt(1) {
			return t[1:], true
		}
		return "", false
	}
	n := 0
	for n < len(t) && n < 9 && t[n] >= '0' && t[n] <= '9' {
		n++
	}
	if n > 0 && n < len(t) && (t[n] == '.' || t[n] == ')') && spaceAt(n+1) {
		return t[n+1:], true
	}
	return "", false
}

// endsOnlyAtMarker reports whether line starts one of the HTML blocks that
// a blank line does not end (CommonMark kinds 1 to 5).
func endsOnlyAtMarker(line string) bool {
	if strings.HasPrefix(line, "<!") || strings.HasPrefix(line, "<?") {
		return true
	}
	l := strings.ToLower(line)
	for _, tag := range []string{"<script", "<pre", "<style", "<textarea"} {
		if strings.HasPrefix(l, tag) {
			rest := l[len(tag):]
			if rest == "" || rest[0] == ' ' || rest[0] == '\t' || rest[0] == '>' {
				return true
			}
		}
	}
	return false
}
