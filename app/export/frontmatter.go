package export

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// yaml writes fm exactly as marshalYAML(fm) does (a test and a fuzz
// target hold the two byte for byte), without the reflection and event
// machinery of the generic encoder, which cost about a sixth of a folder
// export. Each value is written by the rule the YAML library itself
// follows for it (plain, single-quoted); a value outside the cases the rule
// covers is handed to the library on its own, so every string comes out
// as the library would quote it.
func (fm *frontMatter) yaml(b []byte) ([]byte, error) {
	var err error
	prefix := b
	str := func(k, v string, always bool) {
		if err != nil || (v == "" && !always) {
			return
		}
		b = append(b, k...)
		b = append(b, ": "...)
		b, err = appendYAMLScalar(b, v)
		b = append(b, '\n')
	}
	list := func(k string, vs []string) {
		if err != nil || len(vs) == 0 {
			return
		}
		b = append(b, k...)
		b = append(b, ":\n"...)
		for _, v := range vs {
			b = append(b, "  - "...)
			if b, err = appendYAMLScalar(b, v); err != nil {
				return
			}
			b = append(b, '\n')
		}
	}
	fm.fields(str, list)
	if err == errMultiline {
		out, err := marshalYAML(*fm)
		return append(prefix, out...), err
	}
	if err != nil {
		return nil, err
	}
	b = append(b, "highlights: "...)
	b = strconv.AppendInt(b, int64(fm.Highlights), 10)
	return append(b, '\n'), nil
}

// fields visits the keys Scholia owns before "highlights", in the order a
// file carries them: str for a string (always: written even when empty),
// list for a sequence (left out when empty). The YAML writer and the
// ledger hash both walk them here, so the two cannot disagree on a key.
func (fm *frontMatter) fields(str func(k, v string, always bool), list func(k string, vs []string)) {
	str("title", fm.Title, true)
	str("author", fm.Author, false)
	str("source", fm.Source, false)
	str("url", fm.URL, false)
	str("published", fm.Published, false)
	list("tags", fm.Tags)
	list("scholia_tags", fm.ScholiaTags)
	str("scholia_id", fm.ScholiaID, true)
}

// appendYAMLScalar appends s as the YAML library writes a string in block
// context: plain when it reads back as that string, single-quoted when a
// ": " or " #" in it would otherwise end it, double-quoted for a date.
// Anything else (a leading digit or symbol, tabs, control or non-printing
// characters, words YAML reads as booleans or null) goes to the library.
func appendYAMLScalar(b []byte, s string) ([]byte, error) {
	switch plainYAML(s) {
	case yamlPlain:
		return append(b, s...), nil
	case yamlSingle:
		b = append(b, '\'')
		for i := 0; i < len(s); i++ {
			if s[i] == '\'' {
				b = append(b, '\'')
			}
			b = append(b, s[i])
		}
		return append(b, '\''), nil
	case yamlDate:
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"'), nil
	}
	if strings.ContainsAny(s, "\r\n\u0085\u2028\u2029") {
		// Line breaks are written by the indent of their place: not for
		// this emitter (the values here are single-line; rawTags may not be).
		return nil, errMultiline
	}
	out, err := yaml.Marshal(s)
	if err != nil {
		return nil, err
	}
	out = bytes.TrimSuffix(out, []byte("\n"))
	if bytes.IndexByte(out, '\n') >= 0 || (len(out) > 0 && (out[0] == '|' || out[0] == '>')) {
		// A block scalar, like a break, takes the indent of its place.
		return nil, errMultiline
	}
	return append(b, out...), nil
}

var errMultiline = errors.New("multi-line value")

type yamlStyle int

const (
	yamlOther yamlStyle = iota
	yamlPlain
	yamlSingle
	yamlDate
)

// plainYAML classifies s by the YAML emitter's own analysis (go.yaml.in
// yaml/v3 emitterc.go, yaml_emitter_analyze_scalar), restricted to
// strings that start with a letter and hold only printable characters
// and no line or paragraph separators; everything else is yamlOther.
func plainYAML(s string) yamlStyle {
	if isYAMLDate(s) {
		return yamlDate
	}
	if s == "" || s[len(s)-1] == ' ' {
		return yamlOther
	}
	if c := s[0]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0xC3 && c <= 0xEC) {
		return yamlOther
	}
	if len(s) <= 5 {
		switch strings.ToLower(s) {
		case "y", "yes", "n", "no", "on", "off", "true", "false", "null":
			return yamlOther
		}
	}
	quote := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x20 && c <= 0x7e:
			switch c {
			case ':':
				if i+1 == len(s) || s[i+1] == ' ' {
					quote = true
				}
			case '#':
				if s[i-1] == ' ' {
					quote = true
				}
			}
		case c == 0xC2:
			if i+1 >= len(s) || s[i+1] < 0xA0 || s[i+1] > 0xBF {
				return yamlOther
			}
			i++
		case c >= 0xC3 && c <= 0xDF:
			if i+1 >= len(s) || s[i+1]&0xC0 != 0x80 {
				return yamlOther
			}
			i++
		case c >= 0xE0 && c <= 0xEC:
			if i+2 >= len(s) || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 ||
				c == 0xE0 && s[i+1] < 0xA0 || // overlong
				c == 0xE2 && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) { // LS, PS
				return yamlOther
			}
			i += 2
		default:
			return yamlOther
		}
	}
	if quote {
		return yamlSingle
	}
	return yamlPlain
}

// isYAMLDate reports whether s is a date as "2006-01-02", which YAML reads
// as a timestamp unless quoted.
func isYAMLDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	_, err := time.Parse("2006-1-2", s)
	return err == nil
}
