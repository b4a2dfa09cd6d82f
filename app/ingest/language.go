package ingest

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// LanguageTag cleans a declared language into a BCP 47 tag: "en_US" (as
// og:locale writes it) becomes "en-US", case is the registry's ("de-ch" →
// "de-CH", "zh-hant" → "zh-Hant"), and anything that is not a tag (empty,
// spaces, over 35 characters, a subtag that is not 1–8 letters or digits,
// a first subtag that is not 2–3 letters or "i"/"x") gives "".
func LanguageTag(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "_", "-"))
	if s == "" || len(s) > 35 {
		return ""
	}
	parts := strings.Split(s, "-")
	for i, p := range parts {
		if len(p) == 0 || len(p) > 8 {
			return ""
		}
		for _, r := range p {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
				return ""
			}
		}
		p = strings.ToLower(p)
		switch {
		case i == 0:
			if !(len(p) == 2 || len(p) == 3 || p == "i" || p == "x") || strings.ContainsAny(p, "0123456789") {
				return ""
			}
		case len(p) == 2 && !strings.ContainsAny(p, "0123456789"):
			p = strings.ToUpper(p) // region
		case len(p) == 4 && !strings.ContainsAny(p, "0123456789"):
			p = strings.ToUpper(p[:1]) + p[1:] // script
		}
		parts[i] = p
	}
	return strings.Join(parts, "-")
}

// pageLanguage is the language a page declares: <html lang> (or xml:lang),
// else <meta http-equiv="content-language">, else og:locale; "" for none.
func pageLanguage(root *html.Node) string {
	var lang, equiv, locale string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				if lang == "" {
					lang = LanguageTag(attr(n, "lang"))
				}
				if lang == "" {
					lang = LanguageTag(attr(n, "xml:lang"))
				}
			case atom.Meta:
				if equiv == "" && strings.EqualFold(attr(n, "http-equiv"), "content-language") {
					// It may list several: the first is the page's.
					first, _, _ := strings.Cut(attr(n, "content"), ",")
					equiv = LanguageTag(first)
				}
				if locale == "" && (attr(n, "property") == "og:locale" || attr(n, "name") == "og:locale") {
					locale = LanguageTag(attr(n, "content"))
				}
			case atom.Body:
				return // the declarations live in the head
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for _, l := range []string{lang, equiv, locale} {
		if l != "" {
			return l
		}
	}
	return ""
}
