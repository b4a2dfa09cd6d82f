package export

import (
	"strings"
	"testing"
)

// A broken template is reported with the line and column of the mistake.
func TestTemplateErrorLineColumn(t *testing.T) {
	tests := []struct{ src, want string }{
		{"line one\n  {{.Nope}}\n", "t.tmpl:2:5: "},                               // found by trying it
		{"x\n {{range .Tags}}{{.Zip}}{{end}}", "t.tmpl:2:19: "},                   // inside a range
		{"ab\n  {{inline 1 2}}", "t.tmpl:2:5: "},                                  // a helper called wrongly
		{"é{{.Nope}}", "t.tmpl:1:4: "},                                            // columns count characters
		{"a\n\n  {{if .Title}}x\n", "t.tmpl:3:3: unexpected EOF"},                 // the block never closed
		{"a {{end}}", "t.tmpl:1:3: unexpected {{end}}"},                           // an end without a block
		{"  {{.Title | nosuch}}", "t.tmpl:1:14: function \"nosuch\" not defined"}, // the unknown name
		{"\n\n   {{ .Title  ", "t.tmpl:3:4: unclosed action"},
		{"ok\n\tx {{/* unclosed", "t.tmpl:2:4: unclosed comment"},
		{"{{with .Author}}{{else}}{{else}}{{end}}", "t.tmpl:1:"},
		{"{{range .Tags}}{{.}}{{end}}{{end}}", "t.tmpl:1:28: unexpected {{end}}"},
	}
	for _, tc := range tests {
		_, err := ParseTemplate("/x/t.tmpl", tc.src)
		if err == nil {
			t.Errorf("%q: no error", tc.src)
			continue
		}
		if !strings.Contains(err.Error(), "/x/"+tc.want) {
			t.Errorf("%q: %v; want …%s…", tc.src, err, tc.want)
		}
	}
}
