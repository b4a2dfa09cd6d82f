// Package link reads and writes the links that point back into a Scholia
// library, scholia://open?article=ID&highlight=ID, which exports carry next
// to each highlight. It knows URLs, not libraries: whether the article and
// highlight exist is for the caller to check.
package link

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Scheme is the URL scheme Scholia registers with the desktop.
const Scheme = "scholia"

// MaxLen caps the length of a link: real ones are under 60 bytes, and a
// hand-off message must stay small.
const MaxLen = 2048

// Link is where a link points: an article and, optionally, one of its
// highlights (0 for none).
type Link struct {
	Article   int64
	Highlight int64
}

// String is the link as a URL, the form exports write.
func (l Link) String() string {
	s := Scheme + "://open?article=" + strconv.FormatInt(l.Article, 10)
	if l.Highlight != 0 {
		s += "&highlight=" + strconv.FormatInt(l.Highlight, 10)
	}
	return s
}

// ErrNotLink is wrapped by every error Parse returns, so callers can tell a
// bad link from a failure to open a good one.
var ErrNotLink = errors.New("not a Scholia link")

// IsLink reports whether s looks like it was meant as a Scholia link (it
// starts with the scheme), good or bad: a command line decides with it
// whether an argument is a link or a file name.
func IsLink(s string) bool {
	return len(s) > len(Scheme) && strings.EqualFold(s[:len(Scheme)+1], Scheme+":")
}

// Parse reads scholia://open?article=ID[&highlight=ID]. The scheme and the
// "open" action are case-insensitive, as URL schemes and hosts are; IDs are
// positive decimal numbers; each key appears at most once. Keys it does not
// know are ignored, so a later version's links still open the article here.
func Parse(s string) (Link, error) {
	var l Link
	if len(s) > MaxLen {
		return l, fmt.Errorf("%w: longer than %d bytes", ErrNotLink, MaxLen)
	}
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return l, fmt.Errorf("%w: %s", ErrNotLink, strings.TrimPrefix(err.Error(), "parse "))
	}
	if !strings.EqualFold(u.Scheme, Scheme) {
		if u.Scheme == "" {
			return l, fmt.Errorf("%w: %q has no scheme (want scholia://open?article=ID)", ErrNotLink, short(s))
		}
		return l, fmt.Errorf("%w: the scheme is %q (want scholia://open?article=ID)", ErrNotLink, u.Scheme)
	}
	action := u.Host
	if u.Opaque != "" { // scholia:open?article=1
		action = u.Opaque
	}
	if !strings.EqualFold(action, "open") || (u.Path != "" && u.Path != "/") || u.User != nil {
		return l, fmt.Errorf("%w: %q is not an action Scholia knows (want scholia://open?…)", ErrNotLink, short(action+u.Path))
	}
	if u.Fragment != "" {
		return l, fmt.Errorf("%w: unexpected #%s", ErrNotLink, short(u.Fragment))
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return l, fmt.Errorf("%w: malformed query %q", ErrNotLink, short(u.RawQuery))
	}
	if l.Article, err = id(q, "article", true); err != nil {
		return Link{}, err
	}
	if l.Highlight, err = id(q, "highlight", false); err != nil {
		return Link{}, err
	}
	return l, nil
}

func id(q url.Values, key string, required bool) (int64, error) {
	vs, ok := q[key]
	switch {
	case !ok && required:
		return 0, fmt.Errorf("%w: no %s=ID in the query", ErrNotLink, key)
	case !ok:
		return 0, nil
	case len(vs) > 1:
		return 0, fmt.Errorf("%w: %s given %d times", ErrNotLink, key, len(vs))
	}
	v := vs[0]
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 || v[0] == '+' || v[0] == '0' {
		return 0, fmt.Errorf("%w: %s=%q is not an ID (a positive number)", ErrNotLink, key, short(v))
	}
	return n, nil
}

// short keeps error lines one line and readable.
func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return s
}
