//go:build ignore

// render-vault renders one exported vault file to HTML roughly as Obsidian's
// reading view shows it: the front matter as a Properties box, %% comments
// and ^block-ids hidden, #tags as pills, the rest by goldmark (CommonMark +
// GFM). docs/vault-screenshot.sh uses it to make docs/vault-obsidian.png.
//
//	go run docs/render-vault.go FILE.md > out.html
package main

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"go.yaml.in/yaml/v3"
)

var (
	comment = regexp.MustCompile(`(?s)%%.*?%%\n?`)
	blockID = regexp.MustCompile(`(?m)^\^[A-Za-z0-9-]+\n`)
	tag     = regexp.MustCompile(`(^|[\s>])#([\p{L}\p{N}_/-]*\p{L}[\p{L}\p{N}_/-]*)`)
)

const style = `body{background:#1e1e1e;color:#dcddde;font:16px/1.6 "DejaVu Sans",sans-serif,"Noto Color Emoji";margin:0}
main{max-width:720px;margin:0 auto;padding:28px 40px}
h1,h2,h3{color:#fff;line-height:1.25} h1{font-size:1.9em} h2{font-size:1.45em;border-bottom:1px solid #333;padding-bottom:.2em}
a{color:#a88bfa;text-decoration:none} blockquote{margin:0;padding:2px 0 2px 16px;border-left:3px solid #a88bfa;color:#ccc}
code,pre{background:#2a2a2a;border-radius:4px;font-family:"DejaVu Sans Mono",monospace;font-size:.9em} pre{padding:10px}
.tag{background:#3b3355;color:#c9b8ff;border-radius:10px;padding:1px 8px;font-size:.85em}
.props{border:1px solid #333;border-radius:6px;padding:8px 14px;margin-bottom:18px;font-size:.9em}
.props div{display:flex;gap:16px;padding:2px 0} .props b{color:#999;font-weight:normal;width:120px}
.file{color:#888;font-size:.85em;margin-bottom:6px}`

func main() {
	src, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	body := string(src)
	var props strings.Builder
	if rest, ok := strings.CutPrefix(body, "---\n"); ok {
		if fm, after, ok := strings.Cut(rest, "\n---\n"); ok {
			body = after
			var n yaml.Node
			if yaml.Unmarshal([]byte(fm), &n) == nil && len(n.Content) == 1 {
				m := n.Content[0]
				for i := 0; i+1 < len(m.Content); i += 2 {
					v := m.Content[i+1]
					var vals []string
					if v.Kind == yaml.SequenceNode {
						for _, c := range v.Content {
							vals = append(vals, html.EscapeString(c.Value))
						}
					} else {
						vals = append(vals, html.EscapeString(v.Value))
					}
					fmt.Fprintf(&props, "<div><b>%s</b><span>%s</span></div>", html.EscapeString(m.Content[i].Value), strings.Join(vals, ", "))
				}
			}
		}
	}
	body = blockID.ReplaceAllString(comment.ReplaceAllString(body, ""), "")
	var out bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert([]byte(body), &out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	h := tag.ReplaceAllString(out.String(), `$1<span class="tag">#$2</span>`)
	name := strings.TrimSuffix(os.Args[1][strings.LastIndex(os.Args[1], "/")+1:], ".md")
	fmt.Printf("<!doctype html><meta charset=utf-8><style>%s</style><main><div class=file>%s</div><div class=props>%s</div>%s</main>\n",
		style, html.EscapeString(name), props.String(), h)
}
