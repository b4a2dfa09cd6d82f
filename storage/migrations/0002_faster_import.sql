-- Scholia library schema, version 2: faster bulk import and article list.

-- The full-text row of a new article is now written by the transaction that
-- stores its body (storage/article.go). Written from inside a trigger, FTS5
-- flushed its buffer at every statement, one tiny segment per article, and
-- merging those segments made import three times slower.
DROP TRIGGER bodies_ai;

-- The article list shows each article's highlight count: keep it on the
-- narrow table rather than counting 500,000 highlights at every start.
ALTER TABLE articles ADD COLUMN highlights INTEGER NOT NULL DEFAULT 0;
UPDATE articles SET highlights = (SELECT count(*) FROM highlights h WHERE h.article_id = articles.id);
CREATE TRIGGER highlights_count_ai AFTER INSERT ON highlights BEGIN
    UPDATE articles SET highlights = highlights + 1 WHERE id = new.article_id;
END;
CREATE TRIGGER highlights_count_ad AFTER DELETE ON highlights BEGIN
    UPDATE articles SET highlights = highlights - 1 WHERE id = old.article_id;
END;
