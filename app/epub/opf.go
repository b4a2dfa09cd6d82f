package epub

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"path"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

type container struct {
	Rootfiles []struct {
		FullPath  string `xml:"full-path,attr"`
		MediaType string `xml:"media-type,attr"`
	} `xml:"rootfiles>rootfile"`
}

// rootfile is the OPF package named by container.xml.
func rootfile(data []byte) (string, error) {
	var c container
	if err := xml.Unmarshal(data, &c); err != nil {
		return "", fmt.Errorf("META-INF/container.xml: %v", err)
	}
	for _, r := range c.Rootfiles {
		if r.FullPath != "" && (r.MediaType == "" || r.MediaType == "application/oebps-package+xml") {
			return r.FullPath, nil
		}
	}
	return "", errors.New("META-INF/container.xml names no package")
}

type opfDate struct {
	Value string `xml:",chardata"`
	Event string `xml:"event,attr"`
}

type opfPackage struct {
	Metadata struct {
		Title    string `xml:"title"`
		Creators []struct {
			Name string `xml:",chardata"`
			Role string `xml:"role,attr"`
		} `xml:"creator"`
		Language  string    `xml:"language"`
		Publisher string    `xml:"publisher"`
		Dates     []opfDate `xml:"date"`
	} `xml:"metadata"`
	Manifest []struct {
		ID         string `xml:"id,attr"`
		Href       string `xml:"href,attr"`
		MediaType  string `xml:"media-type,attr"`
		Properties string `xml:"properties,attr"`
	} `xml:"manifest>item"`
	Spine struct {
		Toc   string `xml:"toc,attr"`
		Items []struct {
			IDRef  string `xml:"idref,attr"`
			Linear string `xml:"linear,attr"`
		} `xml:"itemref"`
	} `xml:"spine"`
}

func parseOPF(data []byte) (*opfPackage, error) {
	var p opfPackage
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false // real books carry HTML entities and sloppy namespaces
	d.Entity = xml.HTMLEntity
	if err := d.Decode(&p); err != nil {
		return nil, err
	}
	if len(p.Spine.Items) == 0 {
		return nil, errors.New("no spine (the book lists no chapters)")
	}
	return &p, nil
}

// resolve turns an href relative to dir into a zip entry name.
func resolve(dir, href string) string {
	href, _, _ = strings.Cut(href, "#")
	if u, err := url.PathUnescape(href); err == nil {
		href = u
	}
	return path.Clean(path.Join(dir, href))
}

// tableOfContents maps each chapter file to its title, from the EPUB 3 nav
// document, else the EPUB 2 NCX. A book without either gets its chapters
// untitled; a broken one too (the text matters more than the titles).
func (b *book) tableOfContents(p *opfPackage, base string) map[string]string {
	toc := map[string]string{}
	for _, it := range p.Manifest {
		if hasWord(it.Properties, "nav") {
			navPath := resolve(base, it.Href)
			if data, err := b.readFile(navPath); err == nil {
				navTitles(data, path.Dir(navPath), toc)
			}
		}
	}
	if len(toc) > 0 {
		return toc
	}
	for _, it := range p.Manifest {
		if it.ID == p.Spine.Toc || it.MediaType == "application/x-dtbncx+xml" {
			ncxPath := resolve(base, it.Href)
			if data, err := b.readFile(ncxPath); err == nil {
				ncxTitles(data, path.Dir(ncxPath), toc)
			}
			break
		}
	}
	return toc
}

// navTitles reads <nav epub:type="toc"> links: the first title that points
// into a file is that chapter's.
func navTitles(data []byte, dir string, toc map[string]string) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return
	}
	var walk func(n *html.Node, inTOC bool)
	walk = func(n *html.Node, inTOC bool) {
		if n.Type == html.ElementNode {
			if n.DataAtom == atom.Nav {
				inTOC = hasWord(attr(n, "epub:type"), "toc") || hasWord(attr(n, "type"), "toc") || attr(n, "role") == "doc-toc"
			}
			if inTOC && n.DataAtom == atom.A {
				if href := attr(n, "href"); href != "" {
					file := resolve(dir, href)
					if _, ok := toc[file]; !ok {
						toc[file] = oneLine(textOf(n))
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inTOC)
		}
	}
	walk(doc, false)
}

type ncxPoint struct {
	Label   string `xml:"navLabel>text"`
	Content struct {
		Src string `xml:"src,attr"`
	} `xml:"content"`
	Points []ncxPoint `xml:"navPoint"`
}

func ncxTitles(data []byte, dir string, toc map[string]string) {
	var n struct {
		Points []ncxPoint `xml:"navMap>navPoint"`
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	if d.Decode(&n) != nil {
		return
	}
	var add func(ps []ncxPoint)
	add = func(ps []ncxPoint) {
		for _, p := range ps {
			if p.Content.Src != "" {
				file := resolve(dir, p.Content.Src)
				if _, ok := toc[file]; !ok {
					toc[file] = oneLine(p.Label)
				}
			}
			add(p.Points)
		}
	}
	add(n.Points)
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key || (a.Namespace != "" && a.Namespace+":"+a.Key == key) {
			return a.Val
		}
	}
	return ""
}

func hasWord(list, w string) bool {
	for _, f := range strings.Fields(list) {
		if f == w {
			return true
		}
	}
	return false
}
