package review

import (
	"fmt"
	"math"
	"sort"
	"time"
)

// State is where a card is in its life: learning (short steps after the
// first sight), review (scheduled in days) or relearning (steps after a lapse).
type State int

// Card states. New is a card never answered.
const (
	New        State = 0
	Learning   State = 1
	ReviewDue  State = 2
	Relearning State = 3
)

// String names the state as the log and --json spell it.
func (s State) String() string {
	switch s {
	case New:
		return "new"
	case Learning:
		return "learning"
	case ReviewDue:
		return "review"
	case Relearning:
		return "relearning"
	}
	return fmt.Sprintf("state(%d)", int(s))
}

// Card is one reviewable item's memory state and schedule.
type Card struct {
	State      State
	Step       int // index into the (re)learning steps while learning
	Stability  float64
	Difficulty float64
	Due        time.Time
	LastReview time.Time
	Reps       int
	Lapses     int
}

// Answer is one entry of a review log: the rating and when it was given.
// A card's state is a pure function of its answers, so the log is the truth
// and a card can always be recomputed from it.
type Answer struct {
	Rating Rating
	At     time.Time
}

// Scheduler turns answers into the next schedule.
type Scheduler struct {
	Params           Params
	DesiredRetention float64         // the recall probability aimed at when due, 0.9 by default
	LearningSteps    []time.Duration // before the first day-scale interval
	RelearningSteps  []time.Duration // after a lapse
	MaximumInterval  int             // days
}

// NewScheduler is FSRS-6 with the reference defaults: retention 0.9,
// learning steps 1 m and 10 m, relearning 10 m, at most 36500 days.
func NewScheduler() *Scheduler {
	return &Scheduler{
		Params:           DefaultParams,
		DesiredRetention: 0.9,
		LearningSteps:    []time.Duration{time.Minute, 10 * time.Minute},
		RelearningSteps:  []time.Duration{10 * time.Minute},
		MaximumInterval:  36500,
	}
}

// DailyScheduler is the scheduler Scholia's review uses: no minute steps
// (a highlight is read once a day; "again" brings it back tomorrow).
func DailyScheduler() *Scheduler {
	s := NewScheduler()
	s.LearningSteps, s.RelearningSteps = nil, nil
	return s
}

// Interval is the whole number of days for stability s: the interval for
// the desired retention rounded half to even, at least 1, at most the maximum.
func (sc *Scheduler) Interval(s float64) int {
	d := math.RoundToEven(sc.Params.IntervalDays(s, sc.DesiredRetention))
	if d < 1 {
		d = 1
	}
	if max := float64(sc.MaximumInterval); max >= 1 && d > max {
		d = max
	}
	return int(d)
}

// elapsedDays counts whole days between two times, as the reference
// schedulers do: 23 hours is the same day.
func elapsedDays(from, to time.Time) int {
	return int(to.Sub(from) / (24 * time.Hour))
}

// Retrievability is the card's recall probability at now (0 for a new card).
func (sc *Scheduler) Retrievability(c Card, now time.Time) float64 {
	if c.State == New || c.LastReview.IsZero() {
		return 0
	}
	return sc.Params.Retrievability(float64(elapsedDays(c.LastReview, now)), c.Stability)
}

// Review returns the card after answering g at now. It panics on no rating
// other than the four; callers check Valid first.
func (sc *Scheduler) Review(c Card, g Rating, now time.Time) Card {
	if !g.Valid() {
		panic(fmt.Sprintf("review: invalid rating %d", g))
	}
	w := &sc.Params
	next := c
	next.Reps++
	switch {
	case c.State == New:
		next.Stability = w.InitialStability(g)
		next.Difficulty = w.InitialDifficulty(g)
		next.State, next.Step = Learning, 0
	case elapsedDays(c.LastReview, now) < 1:
		next.Stability = w.ShortTermStability(c.Stability, g)
		next.Difficulty = w.NextDifficulty(c.Difficulty, g)
	default:
		r := sc.Retrievability(c, now)
		next.Stability = w.NextStability(c.Difficulty, c.Stability, r, g)
		next.Difficulty = w.NextDifficulty(c.Difficulty, g)
	}

	var wait time.Duration
	switch next.State {
	case Learning:
		wait = sc.stepWait(&next, g, sc.LearningSteps)
	case Relearning:
		wait = sc.stepWait(&next, g, sc.RelearningSteps)
	default: // review
		if g == Again {
			next.Lapses++
			if len(sc.RelearningSteps) > 0 {
				next.State, next.Step = Relearning, 0
				wait = sc.RelearningSteps[0]
				break
			}
		}
		wait = sc.days(next.Stability)
	}
	next.LastReview = now
	next.Due = now.Add(wait)
	return next
}

func (sc *Scheduler) days(s float64) time.Duration {
	return time.Duration(sc.Interval(s)) * 24 * time.Hour
}

// stepWait moves a (re)learning card along its steps and returns how long
// until it is due; a card that graduates gets a day-scale interval.
func (sc *Scheduler) stepWait(c *Card, g Rating, steps []time.Duration) time.Duration {
	graduate := func() time.Duration {
		c.State, c.Step = ReviewDue, 0
		return sc.days(c.Stability)
	}
	// No steps, or the card is past the last step (the steps were shortened).
	if len(steps) == 0 || (c.Step >= len(steps) && g != Again) {
		return graduate()
	}
	switch g {
	case Again:
		c.Step = 0
		return steps[0]
	case Hard:
		// Hard repeats the step; on the first step, halfway to the second.
		if c.Step == 0 && len(steps) == 1 {
			return steps[0] * 3 / 2
		}
		if c.Step == 0 {
			return (steps[0] + steps[1]) / 2
		}
		return steps[c.Step]
	case Good:
		if c.Step+1 >= len(steps) {
			return graduate()
		}
		c.Step++
		return steps[c.Step]
	default: // easy
		return graduate()
	}
}

// Replay recomputes a card from its log, oldest answer first (the order
// given does not matter). A log with no answers gives a new card.
func (sc *Scheduler) Replay(log []Answer) Card {
	sorted := append([]Answer(nil), log...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].At.Before(sorted[j].At) })
	var c Card
	for _, a := range sorted {
		if a.Rating.Valid() {
			c = sc.Review(c, a.Rating, a.At)
		}
	}
	return c
}

// DueDay is the calendar day (in loc) on which a card falls due; a card
// due in minutes is due today.
func DueDay(c Card, loc *time.Location) time.Time {
	d := c.Due.In(loc)
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
}
