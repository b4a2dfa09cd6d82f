-- Scholia library schema, version 14: the file an article was imported
-- from, as an absolute path, so Article → Refresh from source can read it
-- again. One row per article imported from a local file (a web page has
-- its URL instead); the file may since have moved or gone.
CREATE TABLE article_files (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    path       TEXT    NOT NULL
);
