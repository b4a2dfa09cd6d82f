-- Scholia library schema, version 11: a full-text index of titles and authors alone.

-- A search for a word in most of 100k bodies ranks the articles with the
-- word in their title (or author) first. Finding those in article_fts
-- meant reading the word's whole doclist there, positions and all, to
-- look at the title column; this index holds only the few words of each
-- title, so the same question costs a fraction of a millisecond.
CREATE VIRTUAL TABLE title_fts USING fts5 (
    title, author,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO title_fts (title_fts) VALUES ('rebuild');

-- New articles are indexed by the transaction that stores them
-- (storage/article.go), as article_fts is (see 0002_faster_import.sql).
CREATE TRIGGER articles_title_au AFTER UPDATE OF title, author ON articles BEGIN
    INSERT INTO title_fts (title_fts, rowid, title, author) VALUES ('delete', old.id, old.title, old.author);
    INSERT INTO title_fts (rowid, title, author) VALUES (new.id, new.title, new.author);
END;
CREATE TRIGGER articles_title_ad AFTER DELETE ON articles BEGIN
    INSERT INTO title_fts (title_fts, rowid, title, author) VALUES ('delete', old.id, old.title, old.author);
END;
