package ingest

import (
	"bytes"
	"fmt"
	"mime"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
)

// Options change how Parse reads bytes that are not UTF-8.
type Options struct {
	// Encoding, when set, is the encoding the user says the input is in
	// ("--encoding NAME": any WHATWG/IANA label such as "koi8-r",
	// "shift_jis", "windows-1250"). It overrides every guess.
	Encoding string
	// ContentType is the HTTP Content-Type of a fetched page; its charset
	// parameter is believed before the page's own <meta>.
	ContentType string
	// KeepDataImages keeps images written as data: URIs in the Markdown,
	// for a caller that stores them (app/images.Localize); without it
	// they are dropped, their alt text kept.
	KeepDataImages bool
}

// LookupEncoding finds an encoding by any of its labels, for checking an
// --encoding flag before a batch starts.
func LookupEncoding(name string) (encoding.Encoding, error) {
	e, err := htmlindex.Get(strings.TrimSpace(name))
	if err != nil || e == encoding.Replacement {
		return nil, fmt.Errorf("unknown encoding %q (try a name like windows-1251, koi8-r, shift_jis, gb18030, iso-8859-2)", name)
	}
	return e, nil
}

// minDetect is the chardet confidence (1..100) below which a guess is not
// trusted: the multi-byte recognisers give 10 to anything that merely
// parses, and a real paragraph of Russian scores about 25.
const minDetect = 15

// minEvidence is how many non-ASCII bytes detection needs at least: a
// word or two ("Мир") reads as plausibly in several encodings.
const minEvidence = 6

// detectLen is how much of the input chardet looks at.
const detectLen = 16 << 10

// decodeGuessed decodes bytes that are not valid UTF-8 and carry no BOM:
// the charset of the HTTP header, then of the HTML <meta>, then what the
// bytes look like. It returns ok=false with the guesses when no encoding
// is clear, so that the caller can refuse rather than store mojibake.
func decodeGuessed(data []byte, f format, opts Options) (text string, guesses []string, ok bool) {
	for _, label := range []string{headerCharset(opts.ContentType), metaCharset(data, f)} {
		if label == "" {
			continue
		}
		if e, err := LookupEncoding(label); err == nil {
			// A page declared UTF-8 that is not, or whose declared charset
			// leaves C1 controls, lied: detection decides instead.
			if dec, err := e.NewDecoder().Bytes(data); err == nil && !hasC1(dec) && !isUTF8Label(label) {
				return string(dec), nil, true
			}
		}
	}
	if dec, ok := utf16NoBOM(data); ok {
		return dec, nil, true
	}
	return detect(data, f)
}

// detect asks chardet for candidates and accepts the best one when it is
// confident, or when every plausible candidate decodes to the same text
// (ISO-8859-1, -15 and Windows-1252 agree on most letters).
func detect(data []byte, f format) (string, []string, bool) {
	d := chardet.NewTextDetector()
	if f == formatHTML {
		d = chardet.NewHtmlDetector()
	}
	// A prefix tells the encoding as well as the whole (browsers look at
	// less), and chardet reads about 1 MB/s: a 20 MB file would take 20 s.
	all, _ := d.DetectAll(data[:min(len(data), detectLen)])
	type cand struct {
		name string
		conf int
		text string
	}
	var cands []cand
	for _, r := range all {
		if strings.HasPrefix(r.Charset, "UTF-") || strings.HasPrefix(r.Charset, "ISO-2022") {
			continue // UTF-8 failed already; UTF-16/32 need NULs; 2022 is 7-bit
		}
		e, err := LookupEncoding(r.Charset)
		if err != nil {
			continue // IBM EBCDIC code pages: nothing writes those today
		}
		dec, err := e.NewDecoder().Bytes(data)
		if err != nil || hasC1(dec) || tooManyControls(string(dec)) {
			continue
		}
		cands = append(cands, cand{displayName(r.Charset), r.Confidence, string(dec)})
	}
	if len(cands) == 0 {
		return "", nil, false
	}
	best := cands[0]
	var guesses []string
	for _, c := range cands {
		if len(guesses) < 3 && !contains(guesses, c.name) {
			guesses = append(guesses, c.name)
		}
	}
	agree := true
	for _, c := range cands[1:] {
		agree = agree && c.text == best.text
	}
	if highBytes(data) < minEvidence {
		// Too little to go on: only several encodings that all read it
		// the same way ("It\x92s 5\x80" in any Windows code page) will do.
		if agree && len(cands) > 1 {
			return best.text, nil, true
		}
		return "", guesses, false
	}
	if agree {
		return best.text, nil, true // whichever it is, the text is the same
	}
	// Rivals: candidates nearly as likely that would read the bytes
	// differently. Any of them makes the guess a coin toss.
	for _, c := range cands[1:] {
		if c.conf*100 >= best.conf*75 && c.text != best.text {
			return "", guesses, false
		}
	}
	if best.conf < minDetect {
		return "", guesses, false
	}
	return best.text, nil, true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// displayName is the name a user would type back into --encoding.
func displayName(charset string) string {
	return strings.ToLower(charset)
}

func isUTF8Label(label string) bool {
	l := strings.ToLower(strings.TrimSpace(label))
	return l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8"
}

// headerCharset is the charset parameter of a Content-Type header.
func headerCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return params["charset"]
}

// metaCharset is the charset an HTML page declares in its first 1024
// bytes (<meta charset=...> or http-equiv Content-Type), the span the
// WHATWG prescan looks at.
func metaCharset(data []byte, f format) string {
	if f != formatHTML {
		return ""
	}
	head := bytes.ToLower(data[:min(len(data), 1024)])
	for off := 0; ; {
		i := bytes.Index(head[off:], []byte("<meta"))
		if i < 0 {
			return ""
		}
		tag := head[off+i:]
		if end := bytes.IndexByte(tag, '>'); end >= 0 {
			tag = tag[:end]
		}
		off += i + 5
		j := bytes.Index(tag, []byte("charset"))
		if j < 0 {
			continue
		}
		v := bytes.TrimLeft(tag[j+len("charset"):], " \t\n\r")
		if len(v) == 0 || v[0] != '=' {
			continue
		}
		v = bytes.TrimLeft(v[1:], " \t\n\r\"'")
		end := bytes.IndexAny(v, " \t\n\r\"';/>")
		if end >= 0 {
			v = v[:end]
		}
		if len(v) > 0 {
			return string(v)
		}
	}
}

// utf16NoBOM recognises UTF-16 written without a byte order mark, from
// where its NULs fall: text mostly in the Latin range has a zero as every
// other byte. Text in other scripts has few zeros and is left to
// detection (and usually refused: without a BOM it is a guess).
func utf16NoBOM(data []byte) (string, bool) {
	if len(data) < 8 || len(data)%2 != 0 {
		return "", false
	}
	var zeroEven, zeroOdd int
	for i, b := range data {
		if b == 0 {
			if i%2 == 0 {
				zeroEven++
			} else {
				zeroOdd++
			}
		}
	}
	half := len(data) / 2
	var text string
	switch {
	case zeroOdd*100 >= half*40 && zeroEven*100 <= half*2:
		text = decodeUTF16(data, false)
	case zeroEven*100 >= half*40 && zeroOdd*100 <= half*2:
		text = decodeUTF16(data, true)
	default:
		return "", false
	}
	if !utf8.ValidString(text) || strings.ContainsRune(text, utf8.RuneError) || tooManyControls(text) {
		return "", false
	}
	return text, true
}

func highBytes(b []byte) int {
	n := 0
	for _, c := range b {
		if c >= 0x80 {
			n++
		}
	}
	return n
}
