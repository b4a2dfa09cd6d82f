-- Scholia library schema, version 10: a PDF paper keeps its pages. One row
-- per article that has pages; starts is where each page begins in the
-- reading text, as code point offsets separated by commas ("0,1696,4223"):
-- page N starts at the Nth. A highlight's page follows from its start.
CREATE TABLE article_pages (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    starts     TEXT    NOT NULL
);
