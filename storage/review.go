package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Review settings stored in the library (they travel with the file).
const (
	// SettingReviewNewPerDay is how many new highlights enter review a day.
	SettingReviewNewPerDay = "review.new_per_day"
	// SettingReviewColors lists, comma-separated, the colour keys whose
	// highlights enter review before others.
	SettingReviewColors = "review.colors"
)

// NoReviewTag keeps a highlight (or every highlight of an article) out of review.
const NoReviewTag = "no-review"

// ReviewState is a highlight's review schedule: the memory state FSRS keeps
// (State, Step, Stability, Difficulty, Reps, Lapses), when it is next due
// and when it was last answered. Storage keeps it; the scheduler (app/review)
// computes it.
type ReviewState struct {
	HighlightID int64
	State       int // 0 new, 1 learning, 2 review, 3 relearning
	Step        int
	Stability   float64
	Difficulty  float64
	Due         time.Time
	LastReview  time.Time
	Reps        int
	Lapses      int
	Retired     bool
}

// ReviewAnswer is one entry of the review log.
type ReviewAnswer struct {
	ID          int64
	HighlightID int64
	Rating      int // 1 again, 2 hard, 3 good, 4 easy
	At          time.Time
}

// DayKey is the calendar day of t in its own location, "YYYY-MM-DD": the
// unit of the daily queue and of streaks.
func DayKey(t time.Time) string { return t.Format("2006-01-02") }

const reviewCols = `highlight_id, state, step, stability, difficulty, due, last_review, reps, lapses, retired`

func scanReview(sc interface{ Scan(...any) error }) (ReviewState, error) {
	var r ReviewState
	var due, last int64
	err := sc.Scan(&r.HighlightID, &r.State, &r.Step, &r.Stability, &r.Difficulty, &due, &last, &r.Reps, &r.Lapses, &r.Retired)
	r.Due, r.LastReview = fromMillis(due), fromMillis(last)
	return r, err
}

// ReviewState loads a highlight's schedule; a highlight that never entered
// review has the zero state (new, not retired).
func (s *Store) ReviewState(ctx context.Context, highlightID int64) (ReviewState, error) {
	var r ReviewState
	err := s.read(ctx, fmt.Sprintf("review state of highlight %d", highlightID), func(tx *txn) error {
		var err error
		r, err = reviewState(ctx, tx, highlightID)
		return err
	})
	return r, err
}

func reviewState(ctx context.Context, tx *txn, id int64) (ReviewState, error) {
	if err := exists(ctx, tx, "highlights", id); err != nil {
		return ReviewState{}, fmt.Errorf("highlight %d: %w", id, ErrNotFound)
	}
	r, err := scanReview(tx.QueryRowContext(ctx, "SELECT "+reviewCols+" FROM review_items WHERE highlight_id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return ReviewState{HighlightID: id}, nil
	}
	return r, err
}

func putReviewState(ctx context.Context, tx *txn, r ReviewState) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO review_items (`+reviewCols+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (highlight_id) DO UPDATE SET state = excluded.state, step = excluded.step,
			stability = excluded.stability, difficulty = excluded.difficulty, due = excluded.due,
			last_review = excluded.last_review, reps = excluded.reps, lapses = excluded.lapses,
			retired = excluded.retired`,
		r.HighlightID, r.State, r.Step, r.Stability, r.Difficulty, millis(r.Due), millis(r.LastReview), r.Reps, r.Lapses, r.Retired)
	return err
}

// AnswerReview records an answer to a highlight: in one transaction it reads
// the highlight's state, asks next for the new one, appends the answer to
// the log and stores the state. Either both the answer and its schedule are
// committed or neither is. at's location decides the day the answer counts
// for (streaks).
func (s *Store) AnswerReview(ctx context.Context, highlightID int64, rating int, at time.Time,
	next func(ReviewState) ReviewState) (ReviewState, error) {
	var out ReviewState
	err := s.write(ctx, fmt.Sprintf("answer review of highlight %d", highlightID), func(tx *txn) error {
		if rating < 1 || rating > 4 {
			return fmt.Errorf("rating %d is not 1–4", rating)
		}
		prev, err := reviewState(ctx, tx, highlightID)
		if err != nil {
			return err
		}
		if prev.Retired {
			return fmt.Errorf("highlight %d is retired from review", highlightID)
		}
		out = next(prev)
		out.HighlightID, out.Retired = highlightID, false
		if _, err := tx.ExecContext(ctx, "INSERT INTO review_log (highlight_id, rating, at, day) VALUES (?, ?, ?, ?)",
			highlightID, rating, millis(at), DayKey(at)); err != nil {
			return err
		}
		return putReviewState(ctx, tx, out)
	})
	return out, err
}

// SetReviewState replaces a highlight's schedule, as a recomputation from
// the log does. The retired flag is kept.
func (s *Store) SetReviewState(ctx context.Context, r ReviewState) error {
	return s.write(ctx, fmt.Sprintf("save review state of highlight %d", r.HighlightID), func(tx *txn) error {
		prev, err := reviewState(ctx, tx, r.HighlightID)
		if err != nil {
			return err
		}
		r.Retired = prev.Retired
		return putReviewState(ctx, tx, r)
	})
}

// RetireHighlight takes a highlight out of review for good (retired true)
// or brings it back; its log is kept.
func (s *Store) RetireHighlight(ctx context.Context, highlightID int64, retired bool) error {
	return s.write(ctx, fmt.Sprintf("retire highlight %d", highlightID), func(tx *txn) error {
		r, err := reviewState(ctx, tx, highlightID)
		if err != nil {
			return err
		}
		r.Retired = retired
		return putReviewState(ctx, tx, r)
	})
}

// ReviewLog lists a highlight's answers, oldest first.
func (s *Store) ReviewLog(ctx context.Context, highlightID int64) ([]ReviewAnswer, error) {
	var out []ReviewAnswer
	err := s.read(ctx, fmt.Sprintf("review log of highlight %d", highlightID), func(tx *txn) error {
		rows, err := tx.QueryContext(ctx, "SELECT id, highlight_id, rating, at FROM review_log WHERE highlight_id = ? ORDER BY at, id", highlightID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var a ReviewAnswer
			var at int64
			if err := rows.Scan(&a.ID, &a.HighlightID, &a.Rating, &at); err != nil {
				return err
			}
			a.At = fromMillis(at)
			out = append(out, a)
		}
		return rows.Err()
	})
	return out, err
}

// ReviewDays counts answers per day (YYYY-MM-DD keys) from the day since on:
// the heat-map and the streak.
func (s *Store) ReviewDays(ctx context.Context, since string) (map[string]int, error) {
	out := map[string]int{}
	err := s.read(ctx, "count review days", func(tx *txn) error {
		rows, err := tx.QueryContext(ctx, "SELECT day, count(*) FROM review_log WHERE day >= ? GROUP BY day", since)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var d string
			var n int
			if err := rows.Scan(&d, &n); err != nil {
				return err
			}
			out[d] = n
		}
		return rows.Err()
	})
	return out, err
}
