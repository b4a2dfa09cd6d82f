package ingest

import (
	"strings"
	"testing"
)

func TestLanguageTag(t *testing.T) {
	for in, want := range map[string]string{
		"en": "en", " de-ch ": "de-CH", "en_US": "en-US", "zh-hant-tw": "zh-Hant-TW", "FR": "fr",
		"es-419": "es-419", "x-klingon": "x-klingon", "": "", "english please": "", "e": "",
		"12": "", "en--us": "", "en-toolongsubtag": "", "<b>": "", strings.Repeat("ab-", 20) + "ab": "",
	} {
		if got := LanguageTag(in); got != want {
			t.Errorf("LanguageTag(%q) = %q, want %q", in, got, want)
		}
	}
}

func langPage(head, htmlAttrs string) string {
	p := "<p>The harbour museum keeps the lighthouse keeper's thirty-one journals, tied with string, on a shelf by the window where the light falls in the afternoon.</p>"
	return `<!doctype html><html` + htmlAttrs + `><head><title>Journals</title>` + head + `</head><body><article><h1>Journals</h1>` +
		strings.Repeat(p, 6) + `</article></body></html>`
}

// TestPageLanguage: <html lang> first, then Content-Language, then
// og:locale; a page that declares none has "".
func TestPageLanguage(t *testing.T) {
	for name, c := range map[string]struct{ page, want string }{
		"html lang":     {langPage(`<meta property="og:locale" content="fr_FR">`, ` lang="de-ch"`), "de-CH"},
		"og:locale":     {langPage(`<meta property="og:locale" content="fr_FR">`, ``), "fr-FR"},
		"content-lang":  {langPage(`<meta http-equiv="Content-Language" content="nl, en">`, ``), "nl"},
		"bad lang":      {langPage(`<meta property="og:locale" content="it_IT">`, ` lang="not a tag"`), "it-IT"},
		"none declared": {langPage(``, ``), ""},
	} {
		d, err := Parse("page.html", []byte(c.page))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if d.Language != c.want {
			t.Errorf("%s: language %q, want %q", name, d.Language, c.want)
		}
	}
}
