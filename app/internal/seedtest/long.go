package seedtest

import (
	"strings"

	"scholia/app/libgen"
)

// OneParagraph is a generated article body of about the given number of
// words in a single paragraph, sentences joined by ". " — the shape of the
// longest State of the Union addresses, for tests where size matters.
func OneParagraph(words int) string {
	return strings.ReplaceAll(libgen.LongArticle(1981, words, 0).Article.Body, "\n\n", " ")
}
