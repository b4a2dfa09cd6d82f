package ingest

import (
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlMarkdown writes readability's cleaned article tree as Markdown,
// keeping its structure. It is a walk of our own rather than a general
// converter because every piece of page text goes through storage/doc's
// escaping — the same rules the parser is tested against — so the stored
// Markdown reads back as exactly the page's words; and it is a single
// pass, which keeps HTML import within sight of readability's own speed.
//
// Blocks are built bottom-up as strings: a container (quote, list item)
// prefixes every line of its children's blocks.
func htmlMarkdown(root *html.Node, base *url.URL) string {
	fixAtoms(root)
	w := mdConv{base: base}
	return strings.Join(w.blocks(root), "\n\n")
}

// fixAtoms sets every element's DataAtom from its tag name: readability
// makes and renames elements (a <div> turned <p>) by name alone.
func fixAtoms(n *html.Node) {
	if n.Type == html.ElementNode {
		n.DataAtom = atom.Lookup([]byte(n.Data))
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		fixAtoms(c)
	}
}

type mdConv struct {
	base *url.URL
}

// langAttr carries a code block's language past readability, which strips
// class names but keeps data attributes.
const langAttr = "data-scholia-lang"

// markCodeLanguages copies the language of every <pre> ("language-go" /
// "lang-go" on it or its <code>) into langAttr.
func markCodeLanguages(n *html.Node) {
	if n.Type == html.ElementNode && n.DataAtom == atom.Pre {
		if l := codeLanguage(n); l != "" {
			n.Attr = append(n.Attr, html.Attribute{Key: langAttr, Val: l})
		}
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		markCodeLanguages(c)
	}
}

// mdBlock is one Markdown block and what it is, which decides how it may
// follow a paragraph inside a list item.
type mdBlock struct {
	text string
	kind blockSort
}

type blockSort uint8

const (
	sortPara blockSort = iota
	sortHeading
	sortList    // a bullet list, or a numbered one starting at 1: may interrupt a paragraph
	sortListN   // a numbered list starting elsewhere
	sortCode    // a fenced code block
	sortQuote   // a block quote
	sortTable   // a table
	sortRuleish // a thematic break
)

// blocks renders the children of a block container.
func (w *mdConv) blocks(n *html.Node) []string {
	var out []string
	for _, b := range w.blockList(n) {
		out = append(out, b.text)
	}
	return out
}

func (w *mdConv) blockList(n *html.Node) []mdBlock {
	var out []mdBlock
	var para strings.Builder // inline content waiting for a block to end it
	flush := func() {
		if p := paragraphText(para.String()); p != "" {
			out = append(out, mdBlock{text: p, kind: sortPara})
		}
		para.Reset()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && skippedMD(c) {
			continue
		}
		if c.Type != html.ElementNode || !blockElem[c.DataAtom] {
			para.WriteString(w.inline(c))
			continue
		}
		flush()
		out = append(out, w.block(c)...)
	}
	flush()
	return out
}

// block renders one block element.
func (w *mdConv) block(n *html.Node) []mdBlock {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		text := paragraphText(strings.ReplaceAll(w.inlineChildren(n), "\n", " ")) // a heading is one line
		if text == "" {
			return nil
		}
		if strings.HasSuffix(text, "#") { // would close the heading
			text = text[:len(text)-1] + `\#`
		}
		level := int(n.Data[1] - '0')
		return []mdBlock{{text: strings.Repeat("#", level) + " " + text, kind: sortHeading}}
	case atom.Pre:
		// Blank lines at either end of a <pre> show nothing and would
		// start or end the article with line ends.
		code := strings.Trim(textContent(n), "\n")
		if strings.TrimSpace(code) == "" {
			return nil
		}
		return []mdBlock{{text: fence(code, attr(n, langAttr)), kind: sortCode}}
	case atom.Blockquote:
		inner := strings.Join(w.blocks(n), "\n\n")
		if inner == "" {
			return nil
		}
		return []mdBlock{{text: prefixLines(inner, "> ", ">"), kind: sortQuote}}
	case atom.Ul, atom.Ol:
		return w.list(n)
	case atom.Table:
		var out []mdBlock
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Caption {
				out = append(out, w.blockList(c)...) // GFM tables have no caption: a paragraph before
			}
		}
		if t := w.table(n); t != "" {
			out = append(out, mdBlock{text: t, kind: sortTable})
		}
		return out
	case atom.Hr:
		return []mdBlock{{text: "***", kind: sortRuleish}}
	case atom.Br:
		return nil
	}
	// Any other block (div, section, figure, figcaption, dl, li outside a
	// list, ...) is a container of further blocks and paragraphs.
	return w.blockList(n)
}

// list renders a <ul> or <ol>; items are separated by single line ends
// (a tight list, as a browser shows it) unless an item holds paragraphs
// apart, which Markdown then makes loose.
func (w *mdConv) list(n *html.Node) []mdBlock {
	if !itemsOnly(n) {
		// Old pages indent text with a bare <ul>: keep it as plain blocks
		// rather than invent items (or lose the text between them).
		return w.blockList(n)
	}
	ordered := n.DataAtom == atom.Ol
	num := 1
	if v, err := strconv.Atoi(strings.TrimSpace(attr(n, "start"))); ordered && err == nil && v >= 0 && v < 1e9 {
		num = v
	}
	first := num
	var items []string
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || skippedMD(c) {
			continue
		}
		if c.DataAtom != atom.Li {
			if c.DataAtom == atom.Ul || c.DataAtom == atom.Ol { // a list straight inside a list
				for _, b := range w.list(c) {
					if len(items) > 0 {
						items[len(items)-1] += "\n" + prefixLines(b.text, "  ", "")
					}
				}
			}
			continue
		}
		if v, err := strconv.Atoi(strings.TrimSpace(attr(c, "value"))); ordered && err == nil && v >= 0 && v < 1e9 {
			num = v
		}
		marker := "- "
		if ordered {
			marker = strconv.Itoa(num) + ". "
			num++
		}
		body := joinItem(w.blockList(c))
		if body == "" {
			items = append(items, strings.TrimSpace(marker))
			continue
		}
		indent := strings.Repeat(" ", len(marker))
		items = append(items, marker+strings.TrimPrefix(prefixLines(body, indent, ""), indent))
	}
	if len(items) == 0 {
		return nil
	}
	kind := sortList
	if ordered && first != 1 {
		kind = sortListN
	}
	return []mdBlock{{text: strings.Join(items, "\n"), kind: kind}}
}

// itemsOnly reports whether a list holds nothing but items (and lists).
func itemsOnly(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				return false
			}
		case html.ElementNode:
			if c.DataAtom != atom.Li && c.DataAtom != atom.Ul && c.DataAtom != atom.Ol && !skippedMD(c) {
				return false
			}
		}
	}
	return true
}

// joinItem joins a list item's blocks: a blank line between them, except
// that a list, code block, quote or heading straight after the item's
// text follows on the next line, so the list stays tight.
func joinItem(bs []mdBlock) string {
	var b strings.Builder
	for i, blk := range bs {
		if i > 0 {
			prev := bs[i-1].kind
			if (prev == sortPara || prev == sortHeading) &&
				(blk.kind == sortList || blk.kind == sortCode || blk.kind == sortQuote || blk.kind == sortHeading) {
				b.WriteString("\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		b.WriteString(blk.text)
	}
	return b.String()
}

// prefixLines puts prefix before every line of s (blankPrefix before empty
// lines), as a container does to the blocks inside it.
func prefixLines(s, prefix, blankPrefix string) string {
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		if line == "" {
			b.WriteString(blankPrefix)
		} else {
			b.WriteString(prefix)
			b.WriteString(line)
		}
	}
	return b.String()
}

// fence writes a fenced code block with a fence longer than any run of
// backticks in the code.
func fence(code, lang string) string {
	longest, run := 0, 0
	for i := 0; i < len(code); i++ {
		if code[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	f := strings.Repeat("`", max(3, longest+1))
	return f + lang + "\n" + code + "\n" + f
}

// codeLanguage reads "language-go" / "lang-go" from a <pre> or its <code>.
func codeLanguage(n *html.Node) string {
	for _, m := range []*html.Node{n, n.FirstChild} {
		if m == nil || m.Type != html.ElementNode {
			continue
		}
		for _, c := range strings.Fields(attr(m, "class")) {
			for _, p := range []string{"language-", "lang-"} {
				if l, ok := strings.CutPrefix(c, p); ok && l != "" && !strings.ContainsAny(l, "`~") {
					return l
				}
			}
		}
	}
	return ""
}

func textContent(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Br {
			b.WriteByte('\n')
			return
		}
		if n.Type == html.ElementNode && skippedMD(n) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.ReplaceAll(b.String(), "\r\n", "\n")
}

// table renders a GFM table: the first row is the header (GFM needs one),
// every row padded to the widest, each cell's content on one line.
func (w *mdConv) table(n *html.Node) string {
	var rows [][]string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skippedMD(c) {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				var row []string
				for d := c.FirstChild; d != nil; d = d.NextSibling {
					if d.Type == html.ElementNode && (d.DataAtom == atom.Td || d.DataAtom == atom.Th) {
						row = append(row, w.cell(d))
					}
				}
				if strings.Join(row, "") != "" { // layout tables have rows of nothing
					rows = append(rows, row)
				}
			case atom.Thead, atom.Tbody, atom.Tfoot:
				walk(c)
			}
		}
	}
	walk(n)
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return ""
	}
	var b strings.Builder
	writeRow := func(r []string) {
		b.WriteString("|")
		for i := range cols {
			cell := ""
			if i < len(r) {
				cell = r[i]
			}
			b.WriteString(" " + cell + " |")
		}
	}
	writeRow(rows[0])
	b.WriteString("\n|" + strings.Repeat(" --- |", cols))
	for _, r := range rows[1:] {
		b.WriteByte('\n')
		writeRow(r)
	}
	return b.String()
}

// cell is a table cell's content on one line.
func (w *mdConv) cell(n *html.Node) string {
	return paragraphText(strings.ReplaceAll(w.inlineChildren(n), "\n", " "))
}
