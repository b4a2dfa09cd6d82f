package cli

import (
	"fmt"
	"io"
	"strings"

	"scholia/storage"
	"scholia/storage/doc"
)

// blockJSON is one block of an article's document (storage/doc) in show --json.
// Offsets are code points into "body", the reading text.
type blockJSON struct {
	Kind    string `json:"kind"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Level   int    `json:"level,omitempty"`
	List    int    `json:"list,omitempty"`
	Quote   int    `json:"quote,omitempty"`
	Number  int    `json:"number,omitempty"`
	Ordered bool   `json:"ordered,omitempty"`
	Task    bool   `json:"task,omitempty"`
	Checked bool   `json:"checked,omitempty"`
	Header  bool   `json:"header,omitempty"`
	Align   string `json:"align,omitempty"`
	Info    string `json:"info,omitempty"`
}

// spanJSON is one inline mark in show --json.
type spanJSON struct {
	Kind  string `json:"kind"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Info  string `json:"info,omitempty"`
}

// docJSON decodes the stored block list for show --json.
func docJSON(a storage.Article) ([]blockJSON, []spanJSON, error) {
	d, err := doc.Decode(a.Blocks, a.Body)
	if err != nil {
		return nil, nil, fmt.Errorf("article %d: %w", a.ID, err)
	}
	blocks := make([]blockJSON, 0, len(d.Blocks))
	for _, b := range d.Blocks {
		j := blockJSON{Kind: b.Kind.String(), Start: b.Start, End: b.End, Level: b.Level, List: b.List, Quote: b.Quote,
			Number: b.Number, Ordered: b.Flags&doc.FlagOrdered != 0, Task: b.Flags&doc.FlagTask != 0,
			Checked: b.Flags&doc.FlagChecked != 0, Header: b.Flags&doc.FlagHeader != 0, Info: b.Info}
		switch b.Flags & (doc.FlagAlignL | doc.FlagAlignR) {
		case doc.FlagAlignL:
			j.Align = "left"
		case doc.FlagAlignR:
			j.Align = "right"
		case doc.FlagAlignL | doc.FlagAlignR:
			j.Align = "center"
		}
		blocks = append(blocks, j)
	}
	spans := make([]spanJSON, 0, len(d.Spans))
	for _, s := range d.Spans {
		spans = append(spans, spanJSON{Kind: s.Kind.String(), Start: s.Start, End: s.End, Info: s.Info})
	}
	return blocks, spans, nil
}

// showText prints only an article's text: --format md its Markdown source
// (what `scholia edit --body-file` takes back), --format text its reading
// text (what highlights count in).
func showText(c *ctx, a storage.Article) error {
	var text string
	switch f := c.flag("format"); f {
	case "md", "markdown":
		text = a.Markdown
	case "text":
		text = a.Body
	default:
		return usagef("--format takes md or text, not %q", f)
	}
	if c.has("json") {
		return usagef("--format and --json do not go together: --json has both texts")
	}
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	_, err := io.WriteString(c.stdout, text)
	return err
}
