package cli

import (
	"fmt"
	"strings"
)

// jsonShapes documents what --json prints, per command. They are part of
// the contract scripts rely on: fields may be added, never renamed or
// removed. Offsets count Unicode code points.
var jsonShapes = map[string]string{
	"import":      `{imported, skipped, failed, ignored, results: [{path, status: "imported"|"duplicate"|"failed", id, title, error, warnings: []}]}`,
	"list":        `[{id, title, author, source, url, published, added, tags: [], highlights}]`,
	"find":        `[{id, title, author, source, url, published, added, tags: [], highlights}]`, // best match first
	"search":      `[{id, title, where, highlight, snippet, marks: [[start, end]]}]`,
	"show":        `{id, title, author, source, url, published, added, tags, highlights: [{id, start, end, quote, prefix, suffix, color, comment, tags, orphaned}], body, note, language, source_path}`,
	"highlight":   `{article, id, start, end, quote, prefix, suffix, color, comment, tags, orphaned}`,
	"tag":         `{id, tags: []}`,
	"export":      `{articles, highlights, format, to, written, updated, unchanged, conflicts}`,
	"import-json": `{restored, imported, skipped}`,
	"edit":        `{id, exact, moved, changed: [{id, old_quote, new_quote}], orphaned, not_placed: [{id, quote}]}`,
	"review":      `[{highlight_id, article_id, article, quote, comment, color, tags: [], new, due, state, stability, difficulty, reps, lapses, card: "cloze"|"basic"}]`,
}

// moreExamples show flags the main example leaves out.
var moreExamples = map[string][]string{
	"import":     {"curl -s https://example.com/article.html | scholia import - --as html --tag web", "scholia import --json ~/clippings/ | jq '.results[] | select(.status == \"failed\")'"},
	"list":       {"scholia list --limit 10"},
	"find":       {"scholia find --limit 5 --json geneva"},
	"search":     {"scholia search --limit 50 --json nato | jq -r '.[].title'"},
	"show":       {"scholia show 12"},
	"highlight":  {"scholia highlight 12 --quote \"talks begin\" --tag geneva --json"},
	"tag":        {"scholia tag 12 todo --json"},
	"export":     {"scholia export --format json -o - | gzip > backup.json.gz", "scholia export --article 12 -o talks.md", "scholia export --query '\"arms control\"' -o arms.md --json"},
	"edit":       {"scholia edit 12 --title \"Talks begin in Geneva\" --author \"A. Writer\" --source \"The Week\" --url https://example.com/talks", "pbpaste | scholia edit 12 --body-file - --json"},
	"review":     {"scholia review answer 42 good", "scholia review --tag thesis --color green"},
	"completion": {"scholia completion zsh > ~/.zfunc/_scholia", "scholia completion fish > ~/.config/fish/completions/scholia.fish"},
}

// Reference is the command line reference in Markdown, made from the
// command table like the help (the README holds a copy, kept current by a
// test).
func Reference() string {
	var b strings.Builder
	b.WriteString("| Command | What it does |\n|---|---|\n")
	b.WriteString("| `scholia [--db FILE] [PATH...]` | Open the window (and import the files or folders) |\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "| [`%s`](#scholia-%s) | %s |\n", c.name, c.name, mdCell(firstSentence(c.summary)))
	}
	b.WriteString("| `help [COMMAND]` | Explain a command, with an example |\n")
	b.WriteString("| `--version` | Print the version (from FyneApp.toml), build and commit |\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "\n#### scholia %s\n\n`scholia %s %s`\n\n%s\n\n", c.name, c.name, c.usage, c.summary)
		b.WriteString("| Flag | Meaning |\n|---|---|\n")
		for _, f := range c.flags {
			left := flagWord(f)
			if f.value != "" {
				left += " " + f.value
			}
			fmt.Fprintf(&b, "| `%s` | %s |\n", mdCell(left), mdCell(f.help))
		}
		if shape, ok := jsonShapes[c.name]; ok {
			fmt.Fprintf(&b, "\n--json prints `%s`.\n", shape)
		}
		b.WriteString("\n```sh\n" + c.example + "\n")
		for _, e := range moreExamples[c.name] {
			b.WriteString(e + "\n")
		}
		b.WriteString("```\n")
	}
	return b.String()
}

// mdCell keeps text inside one Markdown table cell.
func mdCell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
