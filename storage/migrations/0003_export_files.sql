-- Scholia library schema, version 3: what each vault export last wrote.

-- One row per (export folder, article): the file's path relative to the
-- folder and a hash of the Scholia-managed part Scholia wrote there. A
-- re-export compares the file with this hash to tell Scholia's own text
-- from the user's edits, and finds the file Scholia wrote among copies.
-- Rows outlive their article on purpose (no foreign key): a deleted
-- article's file is then still known and reported, never touched.
CREATE TABLE export_files (
    folder     TEXT NOT NULL,
    article_id INTEGER NOT NULL,
    path       TEXT NOT NULL,
    hash       TEXT NOT NULL,
    PRIMARY KEY (folder, article_id)
) WITHOUT ROWID;
