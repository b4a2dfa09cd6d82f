-- Scholia library schema, version 8: highlights brought from other tools
-- remember where they came from, so importing the same file again creates
-- nothing new.

-- One row per imported annotation (highlight_id set) and per imported book
-- or page (highlight_id NULL), keyed by the tool ('kindle', 'hypothesis',
-- 'w3c', 'readwise') and the tool's id. Deleting the article forgets its
-- rows, so a re-import brings it back; deleting one highlight keeps its row
-- (highlight_id becomes NULL), so a re-import does not bring back a
-- highlight the user removed.
CREATE TABLE origins (
    source       TEXT    NOT NULL,
    origin       TEXT    NOT NULL,
    article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    highlight_id INTEGER REFERENCES highlights (id) ON DELETE SET NULL,
    locator      TEXT    NOT NULL DEFAULT '',  -- "page 12 · location 170-172"
    PRIMARY KEY (source, origin)
) WITHOUT ROWID;
CREATE INDEX origins_article ON origins (article_id);
CREATE INDEX origins_highlight ON origins (highlight_id) WHERE highlight_id IS NOT NULL;

-- Annotations of a page are anchored onto the article with that URL.
CREATE INDEX articles_url ON articles (url) WHERE url != '';
