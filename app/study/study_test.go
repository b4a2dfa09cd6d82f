package study_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"scholia/app/review"
	"scholia/app/study"
	"scholia/storage"
)

func TestAnswerThenRecomputeAgree(t *testing.T) {
	ctx := context.Background()
	st, err := storage.Open(ctx, filepath.Join(t.TempDir(), "l.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a := storage.Article{Title: "T", Body: "one two three"}
	if err := st.CreateArticle(ctx, &a); err != nil {
		t.Fatal(err)
	}
	h := storage.Highlight{ArticleID: a.ID, Start: 4, End: 7, Quote: "two"}
	if err := st.CreateHighlight(ctx, &h); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)
	if q, err := st.ReviewQueue(ctx, storage.QueueOptions{Now: day}); err != nil || len(q) != 1 {
		t.Fatalf("queue %v, %v", q, err)
	}
	var last storage.ReviewState
	for i, r := range []review.Rating{review.Good, review.Good, review.Again, review.Easy} {
		if last, err = study.Answer(ctx, st, h.ID, r, day.Add(time.Duration(i*5)*24*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	// The first good: FSRS-6's S0(good) = w2, so the first interval is 2 days.
	log, _ := st.ReviewLog(ctx, h.ID)
	if len(log) != 4 || last.Reps != 4 || last.Lapses != 1 {
		t.Fatalf("log %d, reps %d, lapses %d", len(log), last.Reps, last.Lapses)
	}
	re, err := study.Recompute(ctx, st, h.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !re.Due.Equal(last.Due) || re.Stability != last.Stability || re.Difficulty != last.Difficulty {
		t.Errorf("recomputed %+v; answered %+v", re, last)
	}
	if _, err := study.Answer(ctx, st, h.ID, 9, day); err == nil {
		t.Error("rating 9 accepted")
	}
}

func TestFirstGoodIsDueInTwoDays(t *testing.T) {
	ctx := context.Background()
	st, err := storage.Open(ctx, filepath.Join(t.TempDir(), "l.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a := storage.Article{Title: "T", Body: "one two"}
	_ = st.CreateArticle(ctx, &a)
	h := storage.Highlight{ArticleID: a.ID, Start: 0, End: 3, Quote: "one"}
	_ = st.CreateHighlight(ctx, &h)
	now := time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)
	s, err := study.Answer(ctx, st, h.ID, review.Good, now)
	if err != nil {
		t.Fatal(err)
	}
	// S0(good) = w2 = 2.3065 days → interval round(2.3065) = 2 days.
	if got := s.Due.Sub(now); got != 48*time.Hour {
		t.Errorf("due in %v; want 48h", got)
	}
}
