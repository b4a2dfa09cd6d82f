// Package study runs review on a library: it joins app/review's FSRS
// scheduler to storage's review tables (answers, recomputation from the
// log), for the window and the CLI alike.
package study

import (
	"context"
	"fmt"
	"time"

	"scholia/app/review"
	"scholia/storage"
)

// Scheduler is the schedule Scholia uses: FSRS-6 defaults, day-scale only.
func Scheduler() *review.Scheduler { return review.DailyScheduler() }

// ToCard is a stored state as the scheduler's card.
func ToCard(s storage.ReviewState) review.Card {
	return review.Card{
		State: review.State(s.State), Step: s.Step, Stability: s.Stability, Difficulty: s.Difficulty,
		Due: s.Due, LastReview: s.LastReview, Reps: s.Reps, Lapses: s.Lapses,
	}
}

// FromCard is the scheduler's card as a stored state.
func FromCard(id int64, c review.Card) storage.ReviewState {
	return storage.ReviewState{
		HighlightID: id, State: int(c.State), Step: c.Step, Stability: c.Stability, Difficulty: c.Difficulty,
		Due: c.Due, LastReview: c.LastReview, Reps: c.Reps, Lapses: c.Lapses,
	}
}

// Answer records rating r for a highlight at now and stores its next
// schedule, in one transaction.
func Answer(ctx context.Context, st *storage.Store, id int64, r review.Rating, now time.Time) (storage.ReviewState, error) {
	if !r.Valid() {
		return storage.ReviewState{}, fmt.Errorf("study: rating %d is not again, hard, good or easy", r)
	}
	sc := Scheduler()
	return st.AnswerReview(ctx, id, int(r), now, func(prev storage.ReviewState) storage.ReviewState {
		card := ToCard(prev)
		if prev.Reps == 0 {
			card = review.Card{} // entered the queue but never answered
		}
		return FromCard(id, sc.Review(card, r, now))
	})
}

// Recompute rebuilds a highlight's schedule from its review log, as if
// every answer were given again with today's scheduler, and stores it.
func Recompute(ctx context.Context, st *storage.Store, id int64) (storage.ReviewState, error) {
	log, err := st.ReviewLog(ctx, id)
	if err != nil {
		return storage.ReviewState{}, err
	}
	answers := make([]review.Answer, len(log))
	for i, a := range log {
		answers[i] = review.Answer{Rating: review.Rating(a.Rating), At: a.At}
	}
	s := FromCard(id, Scheduler().Replay(answers))
	if len(log) == 0 {
		prev, err := st.ReviewState(ctx, id)
		if err != nil {
			return storage.ReviewState{}, err
		}
		s.Due = prev.Due // keep its place in the queue
	}
	return s, st.SetReviewState(ctx, s)
}
