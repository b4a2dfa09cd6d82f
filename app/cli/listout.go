package cli

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
	"strings"

	"scholia/storage"
)

// writeList prints the article list, two lines an article, through one
// buffered writer and one reused line buffer: at 100,000 articles a write
// (and a terminal-safety pass) per line, and the strings metaLine joins,
// cost more than reading the library. The bytes are what
// "%6d  %s\n" and "        "+metaLine(…) print.
func writeList(w io.Writer, sums []storage.Summary) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var b []byte
	for i := range sums {
		s := &sums[i]
		b = b[:0]
		if n := len(strconv.AppendInt(b[:0], s.ID, 10)); n < 6 {
			b = append(b, "      "[:6-n]...)
		}
		b = strconv.AppendInt(b, s.ID, 10)
		b = append(b, "  "...)
		b = append(b, line(s.Title)...)
		b = append(b, '\n')
		meta := len(b)
		b = append(b, "        "...)
		b = appendMeta(b, s.Source, s.Author, s.Published, s.Tags, s.Highlights)
		if len(b) == meta+8 {
			b = b[:meta]
		} else {
			b = append(b, '\n')
		}
		if _, err := bw.Write(b); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// appendMeta appends metaLine's text to b.
func appendMeta(b []byte, source, author, published string, tags []string, highlights int) []byte {
	start := len(b)
	sep := false
	for _, p := range [...]string{source, author, published} {
		if p != "" {
			if sep {
				b = append(b, " · "...)
			}
			b = append(b, line(p)...)
			sep = true
		}
	}
	if highlights > 0 {
		if sep {
			b = append(b, " · "...)
		}
		b = strconv.AppendInt(b, int64(highlights), 10)
		if highlights == 1 {
			b = append(b, " highlight"...)
		} else {
			b = append(b, " highlights"...)
		}
	}
	for _, t := range tags {
		b = append(b, " #"...)
		b = append(b, strings.ReplaceAll(line(t), " ", "-")...)
	}
	// metaLine trims the joined text's outer white space.
	trimmed := bytes.TrimSpace(b[start:])
	n := copy(b[start:], trimmed)
	return b[:start+n]
}
