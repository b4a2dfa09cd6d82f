package storage

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Query is a parsed search query: the words for the full-text index and the
// operators that narrow the results. The same syntax serves the sidebar's
// `/` mode, All highlights and `scholia search`:
//
//	words "a phrase" pre* a OR b -excluded
//	tag:name color:name|label is:orphaned in:title|body|notes|highlights
//	before:2022-02-01 after:2021-12-31
type Query struct {
	FTS      string   // the words as a safe FTS5 expression, "" when none
	Tags     []string // every one required (article or highlight tag)
	Colors   []string // a highlight colour key or label, any of them
	Orphaned bool     // only highlights whose text is gone
	In       []string // where to look: title, body, notes, highlights (all when empty)
	Before   string   // YYYY-MM-DD: published (or added) before this day
	After    string   // YYYY-MM-DD: published (or added) after this day

	positive string // FTS without the excluded words: what snippets mark
}

// Limits on what one query may ask for, so that no query — a pasted
// paragraph, thousands of a* terms — keeps SQLite busy for long.
const (
	MaxQueryLen   = 500 // characters
	MaxQueryTerms = 16  // words, counting those in phrases and OR'd ones
	MaxPrefixes   = 4   // prefix words (pre*)
	MinPrefixLen  = 3   // letters before a *: a* or th* expands to a large part of the vocabulary
)

// SearchTimeout is how long one search may run before SQLite is interrupted:
// with the interrupt's own latency a runaway query answers within 1 s.
var SearchTimeout = 750 * time.Millisecond

// QueryError is a query refused before it reaches SQLite, with a one-line
// reason. It matches ErrBadQuery with errors.Is.
type QueryError struct{ Msg string }

func (e *QueryError) Error() string { return e.Msg }

// Is makes every QueryError an ErrBadQuery.
func (e *QueryError) Is(target error) bool { return target == ErrBadQuery }

// ErrSearchTimeout is returned when a search ran past SearchTimeout.
var ErrSearchTimeout = errors.New("the search took too long and was stopped: use fewer or longer words")

func refuse(format string, args ...any) error { return &QueryError{Msg: fmt.Sprintf(format, args...)} }

// inPlaces are the values in: accepts, with their singular forms.
var inPlaces = map[string]string{
	"title": "title", "titles": "title", "body": "body", "bodies": "body", "text": "body",
	"note": "notes", "notes": "notes", "highlight": "highlights", "highlights": "highlights", "comment": "highlights", "comments": "highlights",
}

// ParseQuery parses what the user typed. Operators it does not know (a word
// with a colon such as `10:30` or `note:`) are searched as words. It
// refuses queries over the limits above, and queries with nothing to
// search for or filter by.
func ParseQuery(input string) (Query, error) {
	var q Query
	if n := utf8.RuneCountInString(input); n > MaxQueryLen {
		return q, refuse("the query is too long (%d characters): at most %d", n, MaxQueryLen)
	}
	var parts []string // FTS5 expression pieces
	var excluded []string
	terms, prefixes := 0, 0
	add := func(w string, prefix bool) error {
		terms += strings.Count(w, " ") + 1
		if terms > MaxQueryTerms {
			return refuse("the query has too many words: at most %d", MaxQueryTerms)
		}
		if prefix {
			if prefixes++; prefixes > MaxPrefixes {
				return refuse("the query has too many prefix words (word*): at most %d", MaxPrefixes)
			}
			if utf8.RuneCountInString(w) < MinPrefixLen {
				return refuse("a prefix search needs at least %d letters before the *", MinPrefixLen)
			}
		}
		return nil
	}
	rs := []rune(input)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '"':
			j := i + 1
			for j < len(rs) && rs[j] != '"' {
				j++
			}
			if phrase := words(string(rs[i+1 : min(j, len(rs))])); phrase != "" {
				if err := add(phrase, false); err != nil {
					return q, err
				}
				parts = append(parts, quote(phrase))
			}
			i = j + 1
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '"' {
				j++
			}
			tok := string(rs[i:j])
			i = j
			if tok == "OR" {
				if len(parts) > 0 && parts[len(parts)-1] != "OR" {
					parts = append(parts, "OR")
				}
				continue
			}
			if ok, err := q.operator(tok); ok || err != nil {
				if err != nil {
					return q, err
				}
				continue
			}
			if strings.HasPrefix(tok, "-") && len(tok) > 1 {
				if w := words(tok[1:]); w != "" {
					if err := add(w, false); err != nil {
						return q, err
					}
					excluded = append(excluded, quote(w))
				}
				continue
			}
			prefix := strings.HasSuffix(tok, "*")
			w := words(tok)
			if w == "" {
				continue
			}
			prefix = prefix && !strings.Contains(w, " ")
			if err := add(w, prefix); err != nil {
				return q, err
			}
			p := quote(w)
			if prefix {
				p += "*"
			}
			parts = append(parts, p)
		}
	}
	for len(parts) > 0 && parts[len(parts)-1] == "OR" {
		parts = parts[:len(parts)-1]
	}
	if len(parts) > 0 && parts[0] == "OR" {
		parts = parts[1:]
	}
	switch {
	case len(parts) > 0:
		q.FTS = strings.Join(parts, " ")
		q.positive = q.FTS
		if len(excluded) > 0 {
			q.FTS = "(" + q.FTS + ") NOT (" + strings.Join(excluded, " OR ") + ")"
		}
	case len(excluded) > 0:
		// Nothing to exclude from: `-NATO` alone searches for the word
		// (scholia search -- -NATO).
		q.FTS = strings.Join(excluded, " ")
		q.positive = q.FTS
	case !q.filters():
		return q, ErrBadQuery
	}
	return q, nil
}

// filters reports whether any operator narrows the results.
func (q *Query) filters() bool {
	return len(q.Tags)+len(q.Colors)+len(q.In) > 0 || q.Orphaned || q.Before != "" || q.After != ""
}

// operator applies tok if it is a known operator.
func (q *Query) operator(tok string) (bool, error) {
	name, val, ok := strings.Cut(tok, ":")
	if !ok || val == "" {
		return false, nil
	}
	switch strings.ToLower(name) {
	case "tag":
		if t := CleanTag(val); t != "" {
			q.Tags = append(q.Tags, t)
		}
	case "color", "colour":
		q.Colors = append(q.Colors, strings.ToLower(val))
	case "is":
		if strings.ToLower(val) != "orphaned" {
			return true, refuse("unknown is:%s: only is:orphaned", val)
		}
		q.Orphaned = true
	case "in":
		p, ok := inPlaces[strings.ToLower(val)]
		if !ok {
			return true, refuse("unknown in:%s: use in:title, in:body, in:notes or in:highlights", val)
		}
		q.In = append(q.In, p)
	case "before", "after":
		d, err := time.Parse("2006-01-02", val)
		if err != nil {
			return true, refuse("%s: needs a date as YYYY-MM-DD, not %q", name, val)
		}
		if strings.ToLower(name) == "before" {
			q.Before = d.Format("2006-01-02")
		} else {
			q.After = d.Format("2006-01-02")
		}
	default:
		return false, nil
	}
	return true, nil
}

// looks reports whether the query searches place (title, body, notes,
// highlights).
func (q *Query) looks(place string) bool {
	if len(q.In) == 0 {
		// Colour and orphan filters are about highlights.
		return place == "highlights" || len(q.Colors) == 0 && !q.Orphaned
	}
	for _, p := range q.In {
		if p == place {
			return true
		}
	}
	return false
}
