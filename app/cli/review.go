package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"scholia/app/export"
	"scholia/app/review"
	"scholia/app/study"
	"scholia/storage"
)

// now is the clock review commands use; tests set it.
var now = time.Now

var reviewCmd = &command{
	name: "review", usage: "[--due] [--json] [--tag T] [--color C] [--article ID] | answer HIGHLIGHT_ID again|hard|good|easy | retire HIGHLIGHT_ID",
	// reads: a review needs a library that exists; it is never created here.
	minArgs: 0, maxArgs: 3, reads: true,
	summary: "List today's review queue (due highlights, then today's new ones), answer one (prints when it is next due), or retire one from review for good.",
	example: "scholia review --due --json",
	flags: []flagSpec{
		{name: "due", help: "only highlights already reviewed and due, not today's new ones"},
		{name: "json", help: "print a JSON array"},
		{name: "tag", value: "T", help: "only highlights with this tag (on the highlight or its article)"},
		{name: "color", value: "C", help: "only highlights of this colour key (yellow, green, blue, pink, purple)"},
		{name: "article", value: "ID", help: "only highlights of this article"},
	},
	run: runReview,
}

type reviewJSON struct {
	HighlightID int64    `json:"highlight_id"`
	ArticleID   int64    `json:"article_id"`
	Article     string   `json:"article"`
	Quote       string   `json:"quote"`
	Comment     string   `json:"comment"`
	Color       string   `json:"color"`
	Tags        []string `json:"tags"`
	New         bool     `json:"new"`
	Due         string   `json:"due,omitempty"`
	State       string   `json:"state"`
	Stability   float64  `json:"stability"`
	Difficulty  float64  `json:"difficulty"`
	Reps        int      `json:"reps"`
	Lapses      int      `json:"lapses"`
	Card        string   `json:"card,omitempty"` // "cloze" or "basic"
}

func runReview(c *ctx) error {
	if len(c.args) > 0 {
		switch c.args[0] {
		case "answer":
			return runAnswer(c)
		case "retire":
			return runRetire(c)
		}
		return usagef("unknown review action %q (answer or retire)", c.args[0])
	}
	f := storage.ReviewFilter{Tag: c.flag("tag"), Color: c.flag("color")}
	if c.has("article") {
		id, err := strconv.ParseInt(strings.TrimPrefix(c.flag("article"), "#"), 10, 64)
		if err != nil || id <= 0 {
			return usagef("--article %q is not an article ID", c.flag("article"))
		}
		f.ArticleID = id
	}
	items, err := c.store.ReviewQueue(c, storage.QueueOptions{Now: now(), DueOnly: c.has("due"), Filter: f})
	if err != nil {
		return err
	}
	if c.has("json") {
		out := make([]reviewJSON, 0, len(items))
		for _, it := range items {
			out = append(out, toReviewJSON(it))
		}
		return writeJSON(c, out)
	}
	for _, it := range items {
		when := "new"
		if !it.New {
			when = "due " + it.State.Due.Local().Format("2006-01-02")
		}
		if it.Card != nil {
			when += ", " + it.Card.Kind + " card"
		}
		fmt.Fprintf(c.stdout, "%6d  %s\n        %s · %s\n", it.Highlight.ID, line(it.Highlight.Quote), line(it.ArticleTitle), when)
	}
	if len(items) == 0 {
		fmt.Fprintln(c.stderr, "nothing to review today")
	}
	return nil
}

func toReviewJSON(it storage.ReviewItem) reviewJSON {
	j := reviewJSON{
		HighlightID: it.Highlight.ID, ArticleID: it.Highlight.ArticleID, Article: it.ArticleTitle,
		Quote: it.Highlight.Quote, Comment: it.Highlight.Comment, Color: it.Highlight.Color,
		Tags: append([]string{}, it.Highlight.Tags...), New: it.New, State: review.State(it.State.State).String(),
		Stability: it.State.Stability, Difficulty: it.State.Difficulty, Reps: it.State.Reps, Lapses: it.State.Lapses,
	}
	if !it.New {
		j.Due = it.State.Due.UTC().Format(time.RFC3339)
	}
	if it.Card != nil {
		j.Card = it.Card.Kind
	}
	return j
}

func highlightArg(s string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(s, "#"), 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("%q is not a highlight ID (a number, see scholia review or scholia show)", s)
	}
	return id, nil
}

func highlightNotFound(err error, id int64) error {
	if errors.Is(err, storage.ErrNotFound) {
		return fmt.Errorf("no highlight %d in this library", id)
	}
	return err
}

func runAnswer(c *ctx) error {
	if len(c.args) != 3 {
		return usagef("usage: scholia review answer HIGHLIGHT_ID again|hard|good|easy")
	}
	id, err := highlightArg(c.args[1])
	if err != nil {
		return err
	}
	r, err := review.ParseRating(c.args[2])
	if err != nil {
		return usagef("%q is not an answer (again, hard, good or easy)", c.args[2])
	}
	st, err := study.Answer(c, c.store, id, r, now())
	if err != nil {
		return highlightNotFound(err, id)
	}
	days := int(st.Due.Sub(st.LastReview).Round(time.Hour).Hours() / 24)
	fmt.Fprintf(c.stdout, "highlight %d: %s; next due %s (in %s)\n", id, r, st.Due.Local().Format("2006-01-02"), plural(days, "day"))
	return nil
}

func runRetire(c *ctx) error {
	if len(c.args) != 2 {
		return usagef("usage: scholia review retire HIGHLIGHT_ID")
	}
	id, err := highlightArg(c.args[1])
	if err != nil {
		return err
	}
	if err := c.store.RetireHighlight(c, id, true); err != nil {
		return highlightNotFound(err, id)
	}
	fmt.Fprintf(c.stdout, "highlight %d retired from review\n", id)
	return nil
}

var cardCmd = &command{
	name: "card", usage: "HIGHLIGHT_ID (--cloze WORDS ... | --question Q --answer A | --delete)", minArgs: 1, maxArgs: 1, reads: true,
	summary: "Turn a highlight into a flashcard: hide words of it (a cloze, {{c1::…}}) or give a question and answer. It is reviewed with the highlights and exported with --format anki.",
	example: `scholia card 42 --cloze "powerhouse"`,
	flags: []flagSpec{
		{name: "cloze", value: "WORDS", multi: true, help: "words of the highlight to hide (repeat for c2, c3, …)"},
		{name: "question", value: "Q", help: "the card's question"},
		{name: "answer", value: "A", help: "the card's answer"},
		{name: "delete", help: "make the card a plain highlight again"},
	},
	run: runCard,
}

func runCard(c *ctx) error {
	id, err := highlightArg(c.args[0])
	if err != nil {
		return err
	}
	cloze, qa := c.has("cloze"), c.has("question") || c.has("answer")
	switch {
	case c.has("delete"):
		if cloze || qa {
			return usagef("--delete takes no other option")
		}
		if err := c.store.DeleteCard(c, id); err != nil {
			if errors.Is(err, storage.ErrNotFound) {
				return fmt.Errorf("highlight %d has no card", id)
			}
			return err
		}
		fmt.Fprintf(c.stdout, "highlight %d is no longer a card\n", id)
		return nil
	case cloze == qa:
		return usagef("give --cloze WORDS, or --question Q with --answer A")
	}
	h, err := c.store.Highlight(c, id)
	if err != nil {
		return highlightNotFound(err, id)
	}
	card := storage.Card{HighlightID: id, Kind: storage.CardBasic, Question: c.flag("question"), Answer: c.flag("answer")}
	if cloze {
		text, err := review.MakeCloze(h.Quote, c.flags["cloze"])
		if err != nil {
			return errors.New(strings.TrimPrefix(err.Error(), "review: "))
		}
		card = storage.Card{HighlightID: id, Kind: storage.CardCloze, Cloze: text}
	} else if strings.TrimSpace(card.Question) == "" || strings.TrimSpace(card.Answer) == "" {
		return usagef("a question card needs both --question and --answer")
	}
	if err := c.store.SetCard(c, card); err != nil {
		return err
	}
	if cloze {
		fmt.Fprintf(c.stdout, "highlight %d is a cloze card: %s\n", id, line(card.Cloze))
	} else {
		fmt.Fprintf(c.stdout, "highlight %d is a question card\n", id)
	}
	return nil
}

// runExportAnki writes every card as an Anki text import file.
func runExportAnki(c *ctx, out string) error {
	if out == "" {
		return usagef("--format anki writes one file: give -o FILE")
	}
	cards, err := c.store.Cards(c)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error { return export.Anki(w, cards) }
	if out == "-" {
		return write(c.rawOut)
	}
	if info, err := os.Stat(out); err == nil && info.IsDir() {
		return fmt.Errorf("%s is a folder: give -o FILE (e.g. %s/scholia-anki.txt)", out, strings.TrimRight(out, "/"))
	}
	if err := export.WriteFile(out, write); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "exported %s to %s (Anki: File → Import)\n", plural(len(cards), "card"), out)
	return nil
}
