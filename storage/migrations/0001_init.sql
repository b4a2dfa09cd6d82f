-- Scholia library schema, version 1.
--
-- articles is deliberately narrow (no body, no note) so the sidebar can load
-- 100,000 titles and their tags without reading any body text.

CREATE TABLE articles (
    id        INTEGER PRIMARY KEY,
    title     TEXT    NOT NULL DEFAULT '',
    author    TEXT    NOT NULL DEFAULT '',
    source    TEXT    NOT NULL DEFAULT '',
    url       TEXT    NOT NULL DEFAULT '',
    published TEXT    NOT NULL DEFAULT '',      -- YYYY-MM-DD or ''
    added     INTEGER NOT NULL,                 -- unix milliseconds
    updated   INTEGER NOT NULL,
    opened    INTEGER NOT NULL DEFAULT 0,       -- last opened in the window, 0 = never
    body_hash TEXT    NOT NULL UNIQUE           -- sha256 of the body: duplicate detection
);
CREATE INDEX articles_recent ON articles (opened DESC, added DESC, id DESC);

CREATE TABLE bodies (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    body       TEXT NOT NULL
);

CREATE TABLE notes (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    note       TEXT    NOT NULL,
    updated    INTEGER NOT NULL
);

-- Library-wide settings that must travel with the file (not per machine).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE colors (
    key      TEXT PRIMARY KEY,
    name     TEXT    NOT NULL,
    hex      TEXT    NOT NULL,
    position INTEGER NOT NULL UNIQUE
);
INSERT INTO colors (key, name, hex, position) VALUES
    ('yellow', 'Key point',  '#f9d84a', 1),
    ('green',  'Evidence',   '#7ccf7a', 2),
    ('blue',   'Definition', '#6fb3f2', 3),
    ('pink',   'Question',   '#f28fb8', 4),
    ('purple', 'Disagree',   '#b39af0', 5);

CREATE TABLE highlights (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start_pos  INTEGER NOT NULL CHECK (start_pos >= 0),   -- code point offsets into the body
    end_pos    INTEGER NOT NULL CHECK (end_pos > start_pos),
    quote      TEXT    NOT NULL,
    prefix     TEXT    NOT NULL DEFAULT '',
    suffix     TEXT    NOT NULL DEFAULT '',
    color      TEXT    NOT NULL REFERENCES colors (key) ON UPDATE CASCADE,
    comment    TEXT    NOT NULL DEFAULT '',
    orphaned   INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
    created    INTEGER NOT NULL,
    updated    INTEGER NOT NULL
);
CREATE INDEX highlights_article ON highlights (article_id, start_pos);

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags (tag_id, article_id);

CREATE TABLE highlight_tags (
    highlight_id INTEGER NOT NULL REFERENCES highlights (id) ON DELETE CASCADE,
    tag_id       INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (highlight_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX highlight_tags_tag ON highlight_tags (tag_id, highlight_id);

-- Full text. Each index is external-content (it stores no second copy of the
-- text) and is kept in step by the triggers below, inside the same
-- transaction as the change.

CREATE VIEW article_text (id, title, author, body) AS
    SELECT a.id, a.title, a.author, b.body FROM articles a JOIN bodies b ON b.article_id = a.id;

CREATE VIRTUAL TABLE article_fts USING fts5 (
    title, author, body,
    content = 'article_text', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- The body row is inserted after its article row, so indexing starts there.
CREATE TRIGGER bodies_ai AFTER INSERT ON bodies BEGIN
    INSERT INTO article_fts (rowid, title, author, body)
        SELECT a.id, a.title, a.author, new.body FROM articles a WHERE a.id = new.article_id;
END;
CREATE TRIGGER bodies_au AFTER UPDATE OF body ON bodies BEGIN
    INSERT INTO article_fts (article_fts, rowid, title, author, body)
        SELECT 'delete', a.id, a.title, a.author, old.body FROM articles a WHERE a.id = old.article_id;
    INSERT INTO article_fts (rowid, title, author, body)
        SELECT a.id, a.title, a.author, new.body FROM articles a WHERE a.id = new.article_id;
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, author ON articles BEGIN
    INSERT INTO article_fts (article_fts, rowid, title, author, body)
        SELECT 'delete', old.id, old.title, old.author, b.body FROM bodies b WHERE b.article_id = old.id;
    INSERT INTO article_fts (rowid, title, author, body)
        SELECT new.id, new.title, new.author, b.body FROM bodies b WHERE b.article_id = new.id;
END;
-- BEFORE: the body is still there to tell the index what to remove.
CREATE TRIGGER articles_bd BEFORE DELETE ON articles BEGIN
    INSERT INTO article_fts (article_fts, rowid, title, author, body)
        SELECT 'delete', old.id, old.title, old.author, b.body FROM bodies b WHERE b.article_id = old.id;
END;

CREATE VIRTUAL TABLE note_fts USING fts5 (
    note,
    content = 'notes', content_rowid = 'article_id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN
    INSERT INTO note_fts (rowid, note) VALUES (new.article_id, new.note);
END;
CREATE TRIGGER notes_au AFTER UPDATE OF note ON notes BEGIN
    INSERT INTO note_fts (note_fts, rowid, note) VALUES ('delete', old.article_id, old.note);
    INSERT INTO note_fts (rowid, note) VALUES (new.article_id, new.note);
END;
CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN
    INSERT INTO note_fts (note_fts, rowid, note) VALUES ('delete', old.article_id, old.note);
END;

CREATE VIRTUAL TABLE highlight_fts USING fts5 (
    quote, comment,
    content = 'highlights', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER highlights_ai AFTER INSERT ON highlights BEGIN
    INSERT INTO highlight_fts (rowid, quote, comment) VALUES (new.id, new.quote, new.comment);
END;
CREATE TRIGGER highlights_au AFTER UPDATE OF quote, comment ON highlights BEGIN
    INSERT INTO highlight_fts (highlight_fts, rowid, quote, comment) VALUES ('delete', old.id, old.quote, old.comment);
    INSERT INTO highlight_fts (rowid, quote, comment) VALUES (new.id, new.quote, new.comment);
END;
CREATE TRIGGER highlights_ad AFTER DELETE ON highlights BEGIN
    INSERT INTO highlight_fts (highlight_fts, rowid, quote, comment) VALUES ('delete', old.id, old.quote, old.comment);
END;
