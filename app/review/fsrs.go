// Package review schedules highlights and cards for spaced review with FSRS-6,
// the Free Spaced Repetition Scheduler (the open algorithm Anki uses), and
// builds the day's review queue. It knows ratings, memory states and times;
// it imports neither fyne nor SQL.
//
// The formulas follow the published FSRS-6 description (the
// open-spaced-repetition wiki "The Algorithm", and the reference schedulers
// built on it). Symbols: S stability in days, D difficulty in [1, 10],
// R retrievability, G the grade 1..4, w the 21 parameters.
package review

import (
	"fmt"
	"math"
	"strings"
)

// Rating is the answer given to a review: 1 again, 2 hard, 3 good, 4 easy.
type Rating int

// The four FSRS grades.
const (
	Again Rating = 1
	Hard  Rating = 2
	Good  Rating = 3
	Easy  Rating = 4
)

// String names the rating as the CLI and the log spell it.
func (r Rating) String() string {
	switch r {
	case Again:
		return "again"
	case Hard:
		return "hard"
	case Good:
		return "good"
	case Easy:
		return "easy"
	}
	return fmt.Sprintf("rating(%d)", int(r))
}

// Valid reports whether r is one of the four grades.
func (r Rating) Valid() bool { return r >= Again && r <= Easy }

// ParseRating reads "again", "hard", "good", "easy" or 1–4.
func ParseRating(s string) (Rating, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "again", "1":
		return Again, nil
	case "hard", "2":
		return Hard, nil
	case "good", "3":
		return Good, nil
	case "easy", "4":
		return Easy, nil
	}
	return 0, fmt.Errorf("review: %q is not a rating (want again, hard, good or easy)", s)
}

// Params are FSRS-6's 21 weights w0..w20.
type Params [21]float64

// DefaultParams are FSRS-6's published defaults (the values the reference
// schedulers ship, fitted on the FSRS benchmark's review logs). w20 is the
// trainable decay of the forgetting curve.
var DefaultParams = Params{
	0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722,
	0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425,
	0.0912, 0.0658, 0.1542,
}

// Bounds FSRS keeps its memory state within.
const (
	MinStability  = 0.001
	MinDifficulty = 1.0
	MaxDifficulty = 10.0
)

// Decay is the forgetting curve's exponent, −w20.
func (w *Params) Decay() float64 { return -w[20] }

// Factor makes R(S, S) = 0.9 for any decay: 0.9^(1/decay) − 1.
func (w *Params) Factor() float64 { return math.Pow(0.9, 1/w.Decay()) - 1 }

// Retrievability is R(t, S) = (1 + factor·t/S)^decay: the probability of
// recalling, t days after the last review, something of stability S.
func (w *Params) Retrievability(t, s float64) float64 {
	if t < 0 {
		t = 0
	}
	return math.Pow(1+w.Factor()*t/s, w.Decay())
}

// IntervalDays is the (unrounded) number of days after which R falls to the
// desired retention: S/factor · (r^(1/decay) − 1). At r = 0.9 it equals S.
func (w *Params) IntervalDays(s, retention float64) float64 {
	return s / w.Factor() * (math.Pow(retention, 1/w.Decay()) - 1)
}

// InitialStability is S0(G) = w[G−1].
func (w *Params) InitialStability(g Rating) float64 {
	return clampS(w[g-1])
}

// initialDifficulty is D0(G) = w4 − e^(w5·(G−1)) + 1, unclamped: mean
// reversion aims at the unclamped D0(easy).
func (w *Params) initialDifficulty(g Rating) float64 {
	return w[4] - math.Exp(w[5]*float64(g-1)) + 1
}

// InitialDifficulty is D0(G) clamped to [1, 10].
func (w *Params) InitialDifficulty(g Rating) float64 {
	return clampD(w.initialDifficulty(g))
}

// NextDifficulty applies ΔD = −w6·(G−3) with linear damping (the step shrinks
// as D nears 10), then mean reversion towards D0(easy) by w7.
func (w *Params) NextDifficulty(d float64, g Rating) float64 {
	delta := -w[6] * float64(g-3)
	damped := d + delta*(10-d)/9
	return clampD(w[7]*w.initialDifficulty(Easy) + (1-w[7])*damped)
}

// RecallStability is S after a successful review (hard, good, easy) at
// retrievability r: S·(1 + e^w8·(11−D)·S^−w9·(e^(w10·(1−R))−1)·penalty·bonus),
// w15 the hard penalty, w16 the easy bonus.
func (w *Params) RecallStability(d, s, r float64, g Rating) float64 {
	penalty, bonus := 1.0, 1.0
	if g == Hard {
		penalty = w[15]
	}
	if g == Easy {
		bonus = w[16]
	}
	inc := math.Exp(w[8]) * (11 - d) * math.Pow(s, -w[9]) * (math.Exp(w[10]*(1-r)) - 1)
	return clampS(s * (1 + inc*penalty*bonus))
}

// ForgetStability is the post-lapse stability after "again" at
// retrievability r: w11·D^−w12·((S+1)^w13 − 1)·e^(w14·(1−R)), never more
// than S/e^(w17·w18) — a lapse must not raise stability.
func (w *Params) ForgetStability(d, s, r float64) float64 {
	long := w[11] * math.Pow(d, -w[12]) * (math.Pow(s+1, w[13]) - 1) * math.Exp(w[14]*(1-r))
	short := s / math.Exp(w[17]*w[18])
	return clampS(math.Min(long, short))
}

// ShortTermStability is S after a review on the same day as the last one:
// S·e^(w17·(G−3+w18))·S^−w19, where good and easy never lower S.
func (w *Params) ShortTermStability(s float64, g Rating) float64 {
	inc := math.Exp(w[17]*(float64(g)-3+w[18])) * math.Pow(s, -w[19])
	if g >= Good && inc < 1 {
		inc = 1
	}
	return clampS(s * inc)
}

// NextStability is S after a review t ≥ 1 days after the last one.
func (w *Params) NextStability(d, s, r float64, g Rating) float64 {
	if g == Again {
		return w.ForgetStability(d, s, r)
	}
	return w.RecallStability(d, s, r, g)
}

func clampS(s float64) float64 { return math.Max(s, MinStability) }

func clampD(d float64) float64 { return math.Min(math.Max(d, MinDifficulty), MaxDifficulty) }
