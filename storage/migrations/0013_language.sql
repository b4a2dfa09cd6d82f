-- Scholia library schema, version 13: the language an article is written
-- in, as its source declared it (a web page's <html lang> or og:locale, an
-- EPUB's dc:language): a BCP 47 tag such as "en", "de-CH", or "" when the
-- source said nothing.
ALTER TABLE articles ADD COLUMN language TEXT NOT NULL DEFAULT '';
