package storage_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"scholia/storage"
)

// reviewLib makes a library with one article and n highlights on its words
// ("w0 w1 …"), created one minute apart, oldest first.
func reviewLib(t *testing.T, n int) (*storage.Store, string, storage.Article, []storage.Highlight) {
	t.Helper()
	s, path := openTemp(t)
	var words []string
	for i := range n {
		words = append(words, fmt.Sprintf("w%02d", i))
	}
	a := addArticle(t, s, "Memory", strings.Join(words, " "))
	base := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	var hs []storage.Highlight
	for i := range n {
		h := storage.Highlight{ArticleID: a.ID, Start: i * 4, End: i*4 + 3, Quote: words[i], Created: base.Add(time.Duration(i) * time.Minute)}
		if err := s.CreateHighlight(context.Background(), &h); err != nil {
			t.Fatalf("CreateHighlight: %v", err)
		}
		hs = append(hs, h)
	}
	return s, path, a, hs
}

func queueIDs(t *testing.T, s *storage.Store, opts storage.QueueOptions) []int64 {
	t.Helper()
	items, err := s.ReviewQueue(context.Background(), opts)
	if err != nil {
		t.Fatalf("ReviewQueue: %v", err)
	}
	var ids []int64
	for _, it := range items {
		ids = append(ids, it.Highlight.ID)
	}
	return ids
}

func TestReviewQueuePacePriorityAndExclusion(t *testing.T) {
	ctx := context.Background()
	s, _, _, hs := reviewLib(t, 10)
	// Priority: a comment (h7), a review colour (h8), a card (h9); h0 is kept out.
	if err := s.SetHighlightComment(ctx, hs[7].ID, "why this matters"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetHighlightColor(ctx, hs[8].ID, "pink"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, storage.SettingReviewColors, "pink, blue"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetCard(ctx, storage.Card{HighlightID: hs[9].ID, Kind: storage.CardBasic, Question: "q?", Answer: "a"}); err != nil {
		t.Fatal(err)
	}
	if err := s.ChangeHighlightTags(ctx, hs[0].ID, []string{"No-Review"}, nil); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 2, 1, 8, 0, 0, 0, time.UTC)
	got := queueIDs(t, s, storage.QueueOptions{Now: day})
	want := []int64{hs[7].ID, hs[8].ID, hs[9].ID, hs[1].ID, hs[2].ID}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("queue %v; want %v (priority first, then oldest, no-review never, 5 a day)", got, want)
	}
	// Same day again (a restart): the same queue, even after an older
	// highlight gained priority.
	if err := s.SetHighlightComment(ctx, hs[3].ID, "now commented"); err != nil {
		t.Fatal(err)
	}
	if again := queueIDs(t, s, storage.QueueOptions{Now: day.Add(5 * time.Hour)}); fmt.Sprint(again) != fmt.Sprint(want) {
		t.Fatalf("queue changed within the day: %v; want %v", again, want)
	}
	if due := queueIDs(t, s, storage.QueueOptions{Now: day, DueOnly: true}); len(due) != 0 {
		t.Errorf("--due lists new highlights: %v", due)
	}
}

func TestReviewAnswerMovesOnAndLogs(t *testing.T) {
	ctx := context.Background()
	s, path, _, hs := reviewLib(t, 3)
	day := time.Date(2026, 2, 1, 8, 0, 0, 0, time.UTC)
	q := queueIDs(t, s, storage.QueueOptions{Now: day})
	if len(q) != 3 {
		t.Fatalf("queue %v", q)
	}
	at := day.Add(time.Hour)
	st, err := s.AnswerReview(ctx, q[0], 3, at, func(prev storage.ReviewState) storage.ReviewState {
		if prev.Reps != 0 {
			t.Errorf("prev reps %d", prev.Reps)
		}
		return storage.ReviewState{State: 2, Stability: 2.3, Difficulty: 2.1, Due: at.Add(2 * 24 * time.Hour), LastReview: at, Reps: 1}
	})
	if err != nil || st.HighlightID != q[0] {
		t.Fatalf("AnswerReview: %+v, %v", st, err)
	}
	if _, err := s.AnswerReview(ctx, q[1], 7, at, func(p storage.ReviewState) storage.ReviewState { return p }); err == nil {
		t.Error("rating 7 accepted")
	}
	if err := s.RetireHighlight(ctx, q[1], true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AnswerReview(ctx, q[1], 3, at, func(p storage.ReviewState) storage.ReviewState { return p }); err == nil {
		t.Error("a retired highlight took an answer")
	}
	s.Close()
	s2, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if rest := queueIDs(t, s2, storage.QueueOptions{Now: day.Add(2 * time.Hour)}); fmt.Sprint(rest) != fmt.Sprint([]int64{hs[2].ID}) {
		t.Errorf("after answering one and retiring one: %v; want [%d]", rest, hs[2].ID)
	}
	// Two days later the answered one is due again, first.
	if later := queueIDs(t, s2, storage.QueueOptions{Now: day.Add(50 * time.Hour), DueOnly: true}); fmt.Sprint(later) != fmt.Sprint([]int64{q[0]}) {
		t.Errorf("due two days later: %v; want [%d]", later, q[0])
	}
	log, err := s2.ReviewLog(ctx, q[0])
	if err != nil || len(log) != 1 || log[0].Rating != 3 || !log[0].At.Equal(at) {
		t.Errorf("log %+v, %v", log, err)
	}
	days, err := s2.ReviewDays(ctx, "2026-01-01")
	if err != nil || days["2026-02-01"] != 1 || len(days) != 1 {
		t.Errorf("review days %v, %v", days, err)
	}
	if _, err := s2.ReviewState(ctx, 9999); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("state of a missing highlight: %v", err)
	}
}

func TestReviewQueueFilters(t *testing.T) {
	ctx := context.Background()
	s, _, a, hs := reviewLib(t, 4)
	other := addArticle(t, s, "Other", "alpha beta", "thesis")
	h := storage.Highlight{ArticleID: other.ID, Start: 0, End: 5, Quote: "alpha", Color: "green"}
	if err := s.CreateHighlight(ctx, &h); err != nil {
		t.Fatal(err)
	}
	if err := s.ChangeHighlightTags(ctx, hs[1].ID, []string{"thesis"}, nil); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 2, 1, 8, 0, 0, 0, time.UTC)
	// In this order: new highlights are listed in the order they entered
	// (hs[1] with the #thesis session, the others with the article's).
	for _, tc := range []struct {
		name string
		f    storage.ReviewFilter
		want []int64
	}{
		{"tag on highlight or article", storage.ReviewFilter{Tag: "#Thesis"}, []int64{hs[1].ID, h.ID}},
		{"colour", storage.ReviewFilter{Color: "green"}, []int64{h.ID}},
		{"article", storage.ReviewFilter{ArticleID: a.ID}, []int64{hs[1].ID, hs[0].ID, hs[2].ID, hs[3].ID}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := queueIDs(t, s, storage.QueueOptions{Now: day, Filter: tc.f}); fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("got %v; want %v", got, tc.want)
			}
		})
	}
}

func TestReviewQueueReadOnlyLibrary(t *testing.T) {
	ctx := context.Background()
	s, path, _, hs := reviewLib(t, 3)
	s.Close()
	ro, err := storage.OpenWith(ctx, path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	got := queueIDs(t, ro, storage.QueueOptions{Now: time.Date(2026, 2, 1, 8, 0, 0, 0, time.UTC), NewPerDay: 2})
	if fmt.Sprint(got) != fmt.Sprint([]int64{hs[0].ID, hs[1].ID}) {
		t.Errorf("read-only queue %v", got)
	}
}

func TestCards(t *testing.T) {
	ctx := context.Background()
	s, _, _, hs := reviewLib(t, 2)
	bad := map[string]storage.Card{
		"cloze without a mark": {HighlightID: hs[0].ID, Kind: storage.CardCloze, Cloze: "w00"},
		"basic without answer": {HighlightID: hs[0].ID, Kind: storage.CardBasic, Question: "q"},
		"unknown kind":         {HighlightID: hs[0].ID, Kind: "image"},
		"missing highlight":    {HighlightID: 999, Kind: storage.CardCloze, Cloze: "{{c1::x}}"},
	}
	for name, c := range bad {
		if err := s.SetCard(ctx, c); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if err := s.SetCard(ctx, storage.Card{HighlightID: hs[1].ID, Kind: storage.CardCloze, Cloze: "{{c1::w01}}"}); err != nil {
		t.Fatal(err)
	}
	cs, err := s.Cards(ctx)
	if err != nil || len(cs) != 1 || cs[0].Cloze != "{{c1::w01}}" || cs[0].ArticleTitle != "Memory" {
		t.Fatalf("Cards %+v, %v", cs, err)
	}
	if err := s.DeleteCard(ctx, hs[1].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Card(ctx, hs[1].ID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("deleted card: %v", err)
	}
}

// TestReviewLogSurvivesKill answers in a child process, kills it with
// SIGKILL mid-session and checks that every answer it reported committed is
// in the log: one transaction per answer.
func TestReviewLogSurvivesKill(t *testing.T) {
	if os.Getenv("SCHOLIA_REVIEW_CHILD") != "" {
		answerForever(os.Getenv("SCHOLIA_REVIEW_CHILD"))
		return
	}
	s, path, _, hs := reviewLib(t, 1)
	s.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestReviewLogSurvivesKill$")
	cmd.Env = append(os.Environ(), "SCHOLIA_REVIEW_CHILD="+path+"|"+strconv.FormatInt(hs[0].ID, 10))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	committed := 0
	for sc.Scan() && committed < 25 {
		if strings.HasPrefix(sc.Text(), "committed ") {
			committed++
		}
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	_ = cmd.Wait()
	if committed < 25 {
		t.Fatalf("child reported only %d answers", committed)
	}
	s2, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("reopen after kill -9: %v", err)
	}
	defer s2.Close()
	log, err := s2.ReviewLog(context.Background(), hs[0].ID)
	if err != nil || len(log) < committed {
		t.Fatalf("log holds %d answers after kill -9; %d were committed (%v)", len(log), committed, err)
	}
	st, _ := s2.ReviewState(context.Background(), hs[0].ID)
	if st.Reps != len(log) {
		t.Errorf("state reps %d, log %d: answer and state must commit together", st.Reps, len(log))
	}
}

func answerForever(arg string) {
	path, idText, _ := strings.Cut(arg, "|")
	id, _ := strconv.ParseInt(idText, 10, 64)
	s, err := storage.Open(context.Background(), path)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(1)
	}
	at := time.Date(2026, 2, 1, 8, 0, 0, 0, time.UTC)
	for i := 0; ; i++ {
		at = at.Add(time.Minute)
		_, err := s.AnswerReview(context.Background(), id, 1+i%4, at, func(p storage.ReviewState) storage.ReviewState {
			p.Reps++
			p.LastReview = at
			return p
		})
		if err != nil {
			fmt.Println("answer:", err)
			os.Exit(1)
		}
		fmt.Println("committed", i)
	}
}

// A filtered session takes today's new highlights from its own filter, at
// the pace, and the day's queue is the same after the library is reopened.
func TestReviewIntakePerFilter(t *testing.T) {
	ctx := context.Background()
	s, path, _, hs := reviewLib(t, 8)
	// The newest four carry #thesis: the unfiltered intake (oldest first)
	// would never reach them at a pace of 2.
	for _, h := range hs[4:] {
		if err := s.ChangeHighlightTags(ctx, h.ID, []string{"thesis"}, nil); err != nil {
			t.Fatal(err)
		}
	}
	day := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	thesis := storage.QueueOptions{Now: day, NewPerDay: 2, Filter: storage.ReviewFilter{Tag: "thesis"}}
	all := storage.QueueOptions{Now: day, NewPerDay: 2}
	if got, want := fmt.Sprint(queueIDs(t, s, thesis)), fmt.Sprint([]int64{hs[4].ID, hs[5].ID}); got != want {
		t.Fatalf("#thesis session %s; want %s (two new #thesis highlights)", got, want)
	}
	// The whole library already has two new ones today (the #thesis ones):
	// no more enter, and asking again changes nothing.
	if got, want := fmt.Sprint(queueIDs(t, s, all)), fmt.Sprint([]int64{hs[4].ID, hs[5].ID}); got != want {
		t.Errorf("library session %s; want %s", got, want)
	}
	if got, want := fmt.Sprint(queueIDs(t, s, thesis)), fmt.Sprint([]int64{hs[4].ID, hs[5].ID}); got != want {
		t.Errorf("#thesis session asked again %s; want %s", got, want)
	}
	// A colour filter with nothing queued today takes its own two.
	for _, h := range []storage.Highlight{hs[0], hs[1], hs[2]} {
		if err := s.SetHighlightColor(ctx, h.ID, "green"); err != nil {
			t.Fatal(err)
		}
	}
	green := storage.QueueOptions{Now: day, NewPerDay: 2, Filter: storage.ReviewFilter{Color: "green"}}
	if got, want := fmt.Sprint(queueIDs(t, s, green)), fmt.Sprint([]int64{hs[0].ID, hs[1].ID}); got != want {
		t.Errorf("green session %s; want %s", got, want)
	}
	before := fmt.Sprint(queueIDs(t, s, all))
	if before != fmt.Sprint([]int64{hs[4].ID, hs[5].ID, hs[0].ID, hs[1].ID}) {
		t.Errorf("library queue after both filters %s: want the #thesis picks then the green ones, in intake order", before)
	}
	s.Close()
	s2, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if after := fmt.Sprint(queueIDs(t, s2, all)); after != before {
		t.Errorf("after reopening the queue is %s; before it was %s", after, before)
	}
	if got, want := fmt.Sprint(queueIDs(t, s2, thesis)), fmt.Sprint([]int64{hs[4].ID, hs[5].ID}); got != want {
		t.Errorf("#thesis session after reopening %s; want %s", got, want)
	}
	// The next day the pace starts again.
	next := thesis
	next.Now = day.AddDate(0, 0, 1)
	if got := queueIDs(t, s2, next); len(got) != 4 || got[2] != hs[6].ID || got[3] != hs[7].ID {
		t.Errorf("#thesis next day %v; want yesterday's two then %d, %d", got, hs[6].ID, hs[7].ID)
	}
}
