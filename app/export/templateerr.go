package export

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// templateError turns text/template's "template: base:3:7: …" (found when
// trying the template) or "template: base:3: …" (found by the parser,
// which gives no column) into "name:3:8: …" — always a line and a column,
// counted from 1 in characters, as editors show them. For parse errors the
// column is found in the source: the word the message names, the action
// left open, the block that has no {{end}}.
func templateError(name, base, src string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "template: ")
	msg = strings.TrimPrefix(msg, base+":")
	lines := strings.Split(src, "\n")
	if m := execLoc.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		col, _ := strconv.Atoi(m[2])
		return fmt.Errorf("export template %s:%d:%d: %s", name, line, runeCol(lines, line, col), m[3])
	}
	m := parseLoc.FindStringSubmatch(msg)
	if m == nil {
		return fmt.Errorf("export template %s: %s", name, msg)
	}
	line, _ := strconv.Atoi(m[1])
	line, col := locate(src, lines, line, m[2])
	return fmt.Errorf("export template %s:%d:%d: %s", name, line, col, m[2])
}

var (
	execLoc  = regexp.MustCompile(`^(\d+):(\d+): (?s)(.*)$`)
	parseLoc = regexp.MustCompile(`^(\d+): (?s)(.*)$`)
	quoted   = regexp.MustCompile(`"([^"]+)"|\{\{[^}]*\}\}|<[^>]+>`)
)

// runeCol is the 1-based character column of 0-based byte col on line.
func runeCol(lines []string, line, col int) int {
	if line < 1 || line > len(lines) {
		return col + 1
	}
	l := lines[line-1]
	col = min(max(col, 0), len(l))
	return utf8.RuneCountInString(l[:col]) + 1
}

// locate finds the column of a parse error reported on line.
func locate(src string, lines []string, line int, msg string) (int, int) {
	if line < 1 || line > len(lines) {
		return line, 1
	}
	l := lines[line-1]
	switch {
	case strings.Contains(msg, "unexpected EOF"):
		if ol, oc, ok := unclosedBlock(src); ok {
			return ol, oc
		}
		return line, utf8.RuneCountInString(l) + 1
	case strings.Contains(msg, "unexpected {{end}}"):
		if el, ec, ok := strayEnd(src); ok {
			return el, ec
		}
	case strings.Contains(msg, "unclosed comment"):
		if i := strings.LastIndex(l, "{{/*"); i >= 0 {
			return line, utf8.RuneCountInString(l[:i]) + 1
		}
		if i := strings.LastIndex(l, "{{"); i >= 0 {
			return line, utf8.RuneCountInString(l[:i]) + 1
		}
	case strings.Contains(msg, "unclosed action"):
		if i := strings.LastIndex(l, "{{"); i >= 0 {
			return line, utf8.RuneCountInString(l[:i]) + 1
		}
	}
	// The word the message quotes ("function "nosuch" not defined",
	// "unexpected {{end}}", "unexpected <.> in …"), inside an action.
	for _, q := range quoted.FindAllStringSubmatch(msg, -1) {
		word := q[1]
		if word == "" {
			word = strings.Trim(q[0], "<>")
		}
		if i := indexInAction(l, word); i >= 0 {
			return line, utf8.RuneCountInString(l[:i]) + 1
		}
	}
	if i := strings.Index(l, "{{"); i >= 0 {
		return line, utf8.RuneCountInString(l[:i]) + 1
	}
	return line, 1
}

// indexInAction finds word on line inside a {{ … }} (or after an open
// one), -1 if it is not there.
func indexInAction(l, word string) int {
	for from := 0; ; {
		i := strings.Index(l[from:], word)
		if i < 0 {
			return -1
		}
		i += from
		if open := strings.LastIndex(l[:i+min(2, len(word))], "{{"); open >= 0 && !strings.Contains(l[open:i], "}}") {
			return i
		}
		from = i + 1
	}
}

var action = regexp.MustCompile(`(?s)\{\{-?\s*(/\*.*?\*/|[^}]*)\s*-?\}\}`)

// unclosedBlock finds the {{if}}, {{range}}, {{with}}, {{define}} or
// {{block}} that no {{end}} closes: its line and column.
func unclosedBlock(src string) (int, int, bool) {
	stack, _ := blocks(src)
	if len(stack) == 0 {
		return 0, 0, false
	}
	l, c := lineCol(src, stack[len(stack)-1])
	return l, c, true
}

// strayEnd finds the first {{end}} that closes no block.
func strayEnd(src string) (int, int, bool) {
	if _, stray := blocks(src); stray >= 0 {
		l, c := lineCol(src, stray)
		return l, c, true
	}
	return 0, 0, false
}

func lineCol(src string, at int) (int, int) {
	line := strings.Count(src[:at], "\n") + 1
	start := strings.LastIndexByte(src[:at], '\n') + 1
	return line, utf8.RuneCountInString(src[start:at]) + 1
}

// blocks returns the offsets of the blocks left open at the end and of the
// first {{end}} that closed none (-1).
func blocks(src string) ([]int, int) {
	var stack []int
	stray := -1
	for _, m := range action.FindAllStringSubmatchIndex(src, -1) {
		word := strings.Fields(src[m[2]:m[3]] + " ")
		if len(word) == 0 {
			continue
		}
		switch word[0] {
		case "if", "range", "with", "define", "block":
			stack = append(stack, m[0])
		case "end":
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			} else if stray < 0 {
				stray = m[0]
			}
		}
	}
	return stack, stray
}
