-- Scholia library schema, version 6: daily review (FSRS) and flashcards.

-- One row per highlight that has entered review. The memory state is a cache:
-- review_log holds every answer, so it can always be recomputed. A highlight
-- enters as new on the day it is first queued (queued_day, queued_pos keep
-- that day's order, so today's queue survives a restart).
CREATE TABLE review_items (
    highlight_id INTEGER PRIMARY KEY REFERENCES highlights (id) ON DELETE CASCADE,
    state        INTEGER NOT NULL DEFAULT 0,   -- 0 new, 1 learning, 2 review, 3 relearning
    step         INTEGER NOT NULL DEFAULT 0,
    stability    REAL    NOT NULL DEFAULT 0,
    difficulty   REAL    NOT NULL DEFAULT 0,
    due          INTEGER NOT NULL DEFAULT 0,   -- unix milliseconds
    last_review  INTEGER NOT NULL DEFAULT 0,
    reps         INTEGER NOT NULL DEFAULT 0,
    lapses       INTEGER NOT NULL DEFAULT 0,
    retired      INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    queued_day   TEXT    NOT NULL DEFAULT '',  -- YYYY-MM-DD it entered as new
    queued_pos   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX review_items_due ON review_items (retired, due);
CREATE INDEX review_items_queued ON review_items (queued_day, queued_pos);

-- Every answer, in the order given; one row per answer, written in the same
-- transaction as the new state, so a crash loses no committed answer.
CREATE TABLE review_log (
    id           INTEGER PRIMARY KEY,
    highlight_id INTEGER NOT NULL REFERENCES highlights (id) ON DELETE CASCADE,
    rating       INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    at           INTEGER NOT NULL,             -- unix milliseconds
    day          TEXT    NOT NULL              -- YYYY-MM-DD in the reviewer's time zone: streaks
);
CREATE INDEX review_log_highlight ON review_log (highlight_id, at);
CREATE INDEX review_log_day ON review_log (day);

-- A flashcard made from a highlight: a cloze ("{{c1::hidden}}" marks inside
-- the quote) or a question and its answer. One card per highlight; it is
-- reviewed on the highlight's schedule.
CREATE TABLE cards (
    highlight_id INTEGER PRIMARY KEY REFERENCES highlights (id) ON DELETE CASCADE,
    kind         TEXT    NOT NULL CHECK (kind IN ('cloze', 'basic')),
    cloze        TEXT    NOT NULL DEFAULT '',
    question     TEXT    NOT NULL DEFAULT '',
    answer       TEXT    NOT NULL DEFAULT '',
    updated      INTEGER NOT NULL
);
