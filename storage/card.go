package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Card kinds.
const (
	CardCloze = "cloze" // the quote with {{c1::…}} marks
	CardBasic = "basic" // a question and its answer
)

// Card is a flashcard made from a highlight, reviewed on its schedule.
type Card struct {
	HighlightID int64
	Kind        string
	Cloze       string // for cloze cards: the text with {{cN::…}} marks
	Question    string
	Answer      string
	Updated     time.Time
}

// SetCard makes or replaces the highlight's card. A cloze card needs a
// {{c1::…}} mark; a basic card needs both a question and an answer.
func (s *Store) SetCard(ctx context.Context, c Card) error {
	return s.write(ctx, fmt.Sprintf("save card of highlight %d", c.HighlightID), func(tx *txn) error {
		switch c.Kind {
		case CardCloze:
			if !strings.Contains(c.Cloze, "{{c") {
				return fmt.Errorf("cloze card has no {{c1::…}} mark")
			}
			c.Question, c.Answer = "", ""
		case CardBasic:
			if strings.TrimSpace(c.Question) == "" || strings.TrimSpace(c.Answer) == "" {
				return fmt.Errorf("a question card needs both a question and an answer")
			}
			c.Cloze = ""
		default:
			return fmt.Errorf("unknown card kind %q", c.Kind)
		}
		if err := exists(ctx, tx, "highlights", c.HighlightID); err != nil {
			return fmt.Errorf("highlight %d: %w", c.HighlightID, ErrNotFound)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO cards (highlight_id, kind, cloze, question, answer, updated)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (highlight_id) DO UPDATE SET kind = excluded.kind,
			cloze = excluded.cloze, question = excluded.question, answer = excluded.answer, updated = excluded.updated`,
			c.HighlightID, c.Kind, c.Cloze, c.Question, c.Answer, millis(time.Now()))
		return err
	})
}

// Card loads a highlight's card (ErrNotFound when it has none).
func (s *Store) Card(ctx context.Context, highlightID int64) (Card, error) {
	var c Card
	err := s.read(ctx, fmt.Sprintf("card of highlight %d", highlightID), func(tx *txn) error {
		var err error
		c, err = card(ctx, tx, highlightID)
		return err
	})
	return c, err
}

func card(ctx context.Context, tx *txn, id int64) (Card, error) {
	c := Card{HighlightID: id}
	var upd int64
	err := tx.QueryRowContext(ctx, "SELECT kind, cloze, question, answer, updated FROM cards WHERE highlight_id = ?", id).
		Scan(&c.Kind, &c.Cloze, &c.Question, &c.Answer, &upd)
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	c.Updated = fromMillis(upd)
	return c, err
}

// DeleteCard turns a card back into a plain highlight (its schedule stays).
func (s *Store) DeleteCard(ctx context.Context, highlightID int64) error {
	return s.write(ctx, fmt.Sprintf("delete card of highlight %d", highlightID), func(tx *txn) error {
		return exec1(ctx, tx, "DELETE FROM cards WHERE highlight_id = ?", highlightID)
	})
}

// CardItem is a card with what an export shows beside it.
type CardItem struct {
	Card
	Highlight    Highlight
	ArticleTitle string
	ArticleTags  []string
}

// Cards lists every card with its highlight, by article then position.
func (s *Store) Cards(ctx context.Context) ([]CardItem, error) {
	var out []CardItem
	err := s.read(ctx, "list cards", func(tx *txn) error {
		ids, err := int64s(ctx, tx, `SELECT c.highlight_id FROM cards c JOIN highlights h ON h.id = c.highlight_id
			ORDER BY h.article_id, h.start_pos, h.id`)
		if err != nil {
			return err
		}
		for _, id := range ids {
			it, err := reviewItem(ctx, tx, id)
			if err != nil {
				return err
			}
			out = append(out, CardItem{Card: *it.Card, Highlight: it.Highlight, ArticleTitle: it.ArticleTitle, ArticleTags: it.ArticleTags})
		}
		return nil
	})
	return out, err
}

// CardMap is every card by highlight ID, for exports that put each card
// beside its highlight.
func (s *Store) CardMap(ctx context.Context) (map[int64]Card, error) {
	out := map[int64]Card{}
	err := s.read(ctx, "list cards", func(tx *txn) error {
		rows, err := tx.QueryContext(ctx, "SELECT highlight_id, kind, cloze, question, answer, updated FROM cards")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c Card
			var upd int64
			if err := rows.Scan(&c.HighlightID, &c.Kind, &c.Cloze, &c.Question, &c.Answer, &upd); err != nil {
				return err
			}
			c.Updated = fromMillis(upd)
			out[c.HighlightID] = c
		}
		return rows.Err()
	})
	return out, err
}
