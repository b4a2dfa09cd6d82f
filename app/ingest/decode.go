package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// sniffLen is how much of a file is searched for NUL bytes: binary formats
// show them in their headers, and scanning all 20 MB would be wasted work.
const sniffLen = 8 << 10

// decodeText turns raw file bytes into UTF-8 text, or refuses them with the
// reason shared by every format (too large, binary, not UTF-8, empty).
func decodeText(name string, data []byte, f format) (string, error) {
	return decodeTextOpts(name, data, f, Options{})
}

// decodeTextOpts is decodeText with the user's --encoding and a fetched
// page's Content-Type. Bytes that are not UTF-8 are decoded in the
// encoding the user named, else a BOM's, else the declared one (header,
// <meta>), else the detected one; when none is clear the input is refused
// naming the best guesses, because mojibake stored silently is worse than
// a refusal the user can answer with --encoding.
func decodeTextOpts(name string, data []byte, f format, opts Options) (string, error) {
	if len(data) > MaxSize {
		return "", tooLarge(name, int64(len(data)))
	}
	var text string
	decoded := false // UTF-16 or a named encoding, where NUL bytes may be normal
	if opts.Encoding != "" {
		e, err := LookupEncoding(opts.Encoding)
		if err != nil {
			return "", &Error{Name: name, Reason: err.Error()}
		}
		dec, err := e.NewDecoder().Bytes(data)
		if err != nil {
			return "", &Error{Name: name, Reason: fmt.Sprintf("not %s text: %v", opts.Encoding, err)}
		}
		text, decoded = strings.TrimPrefix(string(dec), "\ufeff"), true
	}
	switch {
	case decoded:
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		text, decoded = decodeUTF16(data[2:], false), true
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		text, decoded = decodeUTF16(data[2:], true), true
	}
	if !decoded {
		if bytes.IndexByte(data[:min(len(data), sniffLen)], 0) >= 0 {
			// UTF-16 without a BOM is full of NULs by design; binary
			// formats show them in their headers.
			dec, ok := utf16NoBOM(data)
			if !ok {
				return "", &Error{Name: name, Reason: reasonBinary}
			}
			text = dec
		} else if utf8.Valid(data) {
			text = string(data)
		} else if dec, guesses, ok := decodeGuessed(data, f, opts); ok {
			text = dec
		} else if dec, ok := latin1Fallback(data, guesses); ok {
			text = dec
		} else {
			return "", &Error{Name: name, Reason: unclearEncoding(guesses)}
		}
	}
	if tooManyControls(text) {
		return "", &Error{Name: name, Reason: reasonBinary}
	}
	if isBlank(text) {
		return "", &Error{Name: name, Reason: reasonEmpty}
	}
	return text, nil
}

// unclearEncoding is the refusal when no encoding could be trusted.
func unclearEncoding(guesses []string) string {
	if len(guesses) == 0 {
		return reasonNotUTF8 + " (encoding unknown; name it with --encoding NAME)"
	}
	return fmt.Sprintf("%s (encoding unclear: maybe %s; name it with --encoding NAME)", reasonNotUTF8, strings.Join(guesses, ", "))
}

// latin1Fallback reads short Western text as Windows-1252 when detection
// had too little to go on but found nothing else either: old Windows
// editors wrote it, and "Ça été" is too short for any statistics. Bytes
// it leaves undefined (0x81, 0x8D, ...), C1 controls, or letters nearly
// all accented mean some other encoding, and guessing further would
// garble the article.
func latin1Fallback(data []byte, guesses []string) (string, bool) {
	for _, g := range guesses {
		if g != "iso-8859-1" && g != "windows-1252" {
			return "", false // detection saw another script as likely
		}
	}
	dec, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil || hasC1(dec) || mostlyAccented(dec) {
		return "", false
	}
	return string(dec), true
}

func decodeUTF16(b []byte, bigEndian bool) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return string(utf16.Decode(u))
}

func hasC1(b []byte) bool {
	for _, r := range string(b) {
		if (r >= 0x80 && r <= 0x9F) || r == utf8.RuneError {
			return true
		}
	}
	return false
}

// mostlyAccented spots other single-byte encodings (KOI8-R, ISO-8859-5,
// ...) read as Windows-1252: their letters all land in the accented range,
// while French or German text has a handful of accents among plain letters.
// Short texts are let through: "Ça été" is mostly accents and is French.
func mostlyAccented(b []byte) bool {
	letters, accented := 0, 0
	for _, r := range string(b) {
		if unicode.IsLetter(r) {
			letters++
			if r >= 0x80 {
				accented++
			}
		}
	}
	return letters >= 20 && accented*100 > letters*40
}

// tooManyControls catches binary data that happens to be valid UTF-8 or
// Windows-1252: more than 1% control characters (other than the usual
// whitespace ones) is not something a person wrote.
func tooManyControls(s string) bool {
	n, ctl := 0, 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			n++
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F {
				ctl++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n++
		if r >= 0x80 && r <= 0x9F {
			ctl++
		}
	}
	return ctl > 0 && ctl*100 > n
}

// isBlank reports whether s holds nothing but whitespace and invisible junk.
func isBlank(s string) bool {
	for _, r := range s {
		if classify(r) == classText {
			return false
		}
	}
	return true
}
