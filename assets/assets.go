// Package assets holds what Scholia ships inside its binary: the icon and
// the Getting-started article.
package assets

import _ "embed"

// IconPNG is the application icon, 512×512 (source: icon.svg).
//
//go:embed icon.png
var IconPNG []byte

// GettingStarted is the Markdown of the article a new library starts with.
//
//go:embed getting-started.md
var GettingStarted []byte
