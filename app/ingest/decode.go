package ingest

import (
	"bytes"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
)

// sniffLen is how much of a file is searched for NUL bytes: binary formats
// show them in their headers, and scanning all 20 MB would be wasted work.
const sniffLen = 8 << 10

// decodeText turns raw file bytes into UTF-8 text, or refuses them with the
// reason shared by every format (too large, binary, not UTF-8, empty). An
// HTML page that is not UTF-8 may declare its encoding (<meta charset>),
// which is then believed before the Windows-1252 guess.
func decodeText(name string, data []byte, f format) (string, error) {
	if len(data) > MaxSize {
		return "", tooLarge(name, int64(len(data)))
	}
	var text string
	wide := false // UTF-16, where NUL bytes are normal
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		text, wide = decodeUTF16(data[2:], false), true
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		text, wide = decodeUTF16(data[2:], true), true
	}
	if !wide {
		// UTF-16 text is full of NULs by design, so only sniff the others.
		if bytes.IndexByte(data[:min(len(data), sniffLen)], 0) >= 0 {
			return "", &Error{Name: name, Reason: reasonBinary}
		}
		if utf8.Valid(data) {
			text = string(data)
		} else if dec, ok := declaredEncoding(data, f); ok {
			if hasC1(dec) {
				return "", &Error{Name: name, Reason: reasonNotUTF8}
			}
			text = string(dec)
		} else {
			// Old Windows editors and some saved pages write Windows-1252.
			// Bytes it leaves undefined (0x81, 0x8D, ...) decode to U+FFFD, and
			// C1 controls are never in real text: either means it was some
			// other encoding, and guessing further would garble the article.
			dec, err := charmap.Windows1252.NewDecoder().Bytes(data)
			if err != nil || hasC1(dec) || mostlyAccented(dec) {
				return "", &Error{Name: name, Reason: reasonNotUTF8}
			}
			text = string(dec)
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

// declaredEncoding decodes an HTML page in the encoding its <meta> names,
// when that is neither UTF-8 (it is not) nor Windows-1252 (the fallback
// anyway, and what the WHATWG rules answer when nothing is declared).
func declaredEncoding(data []byte, f format) ([]byte, bool) {
	if f != formatHTML {
		return nil, false
	}
	enc, encName, _ := charset.DetermineEncoding(data, "text/html")
	if encName == "utf-8" || encName == "windows-1252" {
		return nil, false
	}
	dec, err := enc.NewDecoder().Bytes(data)
	return dec, err == nil
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
