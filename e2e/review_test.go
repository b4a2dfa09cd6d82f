package e2e_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"scholia/storage"
)

// reviewArticle is the project's own fixture for the review test: two
// sentences to highlight, the second made a cloze card.
const reviewArticle = `On remembering

Spaced repetition beats cramming because forgetting is slowed by each well-timed review.

Sleep consolidates new memories, so a review the next morning holds better than one at midnight.

Ebbinghaus measured his own forgetting of nonsense syllables in the 1880s and drew the curve that still bears his name: most of what is learnt is lost within a day, and what survives fades more slowly after that.

Each review at the moment a memory is about to fade makes it last longer than the one before, which is why the intervals between reviews can grow from a day to a week, a month and a year.

Testing oneself works better than reading again: the effort of recalling an answer strengthens the memory more than seeing the answer does, even when the recall fails at first.

Mixing subjects within a session feels harder than studying one at a time, yet the mixed practice is remembered better weeks later, when the test comes.

Flashcards turn these findings into a habit: a question on one side, the answer on the other, and a schedule that says which cards are due today.
`

// answers reads a highlight's review log from the library file, beside
// the running window (as the command line does).
func answers(t *testing.T, db string, id int64) []storage.ReviewAnswer {
	t.Helper()
	s, err := storage.OpenWith(context.Background(), db, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	log, err := s.ReviewLog(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return log
}

// waitAnswers polls until a highlight has n answers logged.
func waitAnswers(t *testing.T, db string, id int64, n int, why, out string) []storage.ReviewAnswer {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		log := answers(t, db, id)
		if len(log) >= n || time.Now().After(deadline) {
			if len(log) != n {
				t.Fatalf("%s: highlight %d has %d answers logged, want %d; see the screenshots in %s", why, id, len(log), n, out)
			}
			return log
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// reviewWindow opens Review with Ctrl+R in the main window and returns the
// Review window once it shows, with the pointer over it (no window manager:
// the keyboard goes where the pointer is).
func (d *display) reviewWindow(main window) window {
	d.t.Helper()
	x, y := main.at(0.30, 0.5)
	d.xdo("mousemove", x, y, "click", "1") // the reading pane has the keys
	d.xdo("key", "ctrl+r")
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		cmd := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^Review — Scholia$")
		cmd.Env = d.env
		if out, err := cmd.Output(); err == nil && strings.TrimSpace(string(out)) != "" {
			w := d.geometry(strings.Fields(string(out))[0])
			x, y := w.at(0.5, 0.3)
			d.xdo("mousemove", x, y)
			time.Sleep(700 * time.Millisecond) // its first frame
			return w
		}
		time.Sleep(100 * time.Millisecond)
	}
	d.shot("review-timeout")
	d.t.Fatalf("Ctrl+R opened no Review window within 20 s; see review-timeout.png in %s", d.out)
	return window{}
}

func TestReviewWindowAnswerRestartNextCard(t *testing.T) {
	requireTools(t)
	out := outDir(t)
	t.Logf("screenshots and the app's log: %s", out)
	bin := buildScholia(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "library.db")
	src := filepath.Join(dir, "remembering.txt")
	if err := os.WriteFile(src, []byte(reviewArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	cli(t, bin, db, "import", src)
	var list []struct {
		ID int64 `json:"id"`
	}
	if err := json.Unmarshal([]byte(cli(t, bin, db, "list", "--json")), &list); err != nil || len(list) != 1 {
		t.Fatalf("list --json: %v %v", list, err)
	}
	art := strconv.FormatInt(list[0].ID, 10)
	var hl []int64
	for _, q := range []string{"Spaced repetition beats cramming", "Sleep consolidates new memories"} {
		var h struct {
			ID int64 `json:"id"`
		}
		if err := json.Unmarshal([]byte(cli(t, bin, db, "highlight", art, "--quote", q, "--json")), &h); err != nil || h.ID == 0 {
			t.Fatalf("highlight --json: %+v %v", h, err)
		}
		hl = append(hl, h.ID)
	}
	cli(t, bin, db, "card", strconv.FormatInt(hl[1], 10), "--cloze", "consolidates")
	// Today's queue: both new, the card first (cards, comments and review
	// colours come first), then the plain highlight.
	queue := func() []int64 {
		var q []struct {
			ID int64 `json:"highlight_id"`
		}
		if err := json.Unmarshal([]byte(cli(t, bin, db, "review", "--json")), &q); err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, x := range q {
			ids = append(ids, x.ID)
		}
		return ids
	}
	cloze, plain := hl[1], hl[0]
	if q := queue(); len(q) != 2 || q[0] != cloze || q[1] != plain {
		t.Fatalf("queue before the session %v; want [%d %d]", q, cloze, plain)
	}

	d := startX(t, out)
	d.env = append(d.env, "FYNE_THEME=light")
	a := d.startApp(bin, db)
	w := d.waitWindow(a.exited)
	d.reviewWindow(w)
	d.shot("review-1-cloze")
	// Space shows the hidden word of the cloze card; no answer is logged.
	d.xdo("key", "space")
	time.Sleep(400 * time.Millisecond)
	d.shot("review-2-cloze-revealed")
	if n := len(answers(t, db, cloze)); n != 0 {
		t.Fatalf("Space logged %d answers for the cloze card", n)
	}
	// Easy: it leaves today's queue for days.
	d.xdo("key", "4")
	log := waitAnswers(t, db, cloze, 1, "pressing 4 in Review", out)
	if log[0].Rating != 4 {
		t.Errorf("logged rating %d for key 4; want 4 (easy)", log[0].Rating)
	}
	if n := len(answers(t, db, plain)); n != 0 {
		t.Fatalf("the second highlight has %d answers after one key", n)
	}
	time.Sleep(400 * time.Millisecond)
	d.shot("review-3-card")
	if err := a.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	a.waitExit(t, "SIGTERM")

	// Restart: the next card is the plain highlight, not the one answered.
	if q := queue(); len(q) != 1 || q[0] != plain {
		t.Fatalf("queue after the restart %v; want only %d", q, plain)
	}
	a = d.startApp(bin, db)
	w = d.waitWindow(a.exited)
	d.reviewWindow(w)
	d.shot("review-4-after-restart")
	d.xdo("key", "3")
	log = waitAnswers(t, db, plain, 1, "pressing 3 in Review after the restart", out)
	if log[0].Rating != 3 {
		t.Errorf("logged rating %d for key 3; want 3 (good)", log[0].Rating)
	}
	if n := len(answers(t, db, cloze)); n != 1 {
		t.Errorf("after the restart the cloze card has %d answers; want its 1: the window showed it again", n)
	}
	time.Sleep(400 * time.Millisecond)
	d.shot("review-5-done")
	if err := a.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	a.waitExit(t, "SIGTERM")
	if q := queue(); len(q) != 0 {
		t.Errorf("queue after both answers %v; want nothing due today", q)
	}
}
