package export

import (
	"bytes"
	"strings"

	"scholia/app/review"
	"scholia/storage"
)

// srTag marks a note whose cards the Obsidian spaced-repetition plugin
// reviews (its default flashcard tag).
const srTag = "#flashcards"

// srCard writes a card in the Obsidian spaced-repetition plugin's syntax:
// a question card as one line "question::answer", a cloze as the text with
// each hidden part between "==" (the plugin's highlight cloze). "" when the
// card has nothing to show.
func srCard(c storage.Card) string {
	var b bytes.Buffer
	switch c.Kind {
	case storage.CardBasic:
		q, a := srLine(c.Question), srLine(c.Answer)
		if q == "" || a == "" {
			return ""
		}
		writeInline(&b, q)
		b.WriteString("::")
		writeInline(&b, a)
	case storage.CardCloze:
		for _, p := range review.ParseCloze(srOneLine(c.Cloze)) {
			text := p.Text
			// writeInline trims the start of what it is given: keep the
			// spaces between the parts.
			lead := text[:len(text)-len(strings.TrimLeft(text, " "))]
			b.WriteString(lead)
			if p.Hidden {
				b.WriteString("==")
				writeInline(&b, strings.TrimSpace(text))
				b.WriteString("==")
				b.WriteString(text[len(strings.TrimRight(text, " ")):])
				continue
			}
			writeInline(&b, text[len(lead):])
		}
	}
	return b.String()
}

// srOneLine is user text on one line, runs of white space as one space.
func srOneLine(s string) string { return strings.Join(strings.Fields(clean(s, false)), " ") }

// srLine is srOneLine without the plugin's "::" separator.
func srLine(s string) string { return strings.ReplaceAll(srOneLine(s), "::", ": :") }
