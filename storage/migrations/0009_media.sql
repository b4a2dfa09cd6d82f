-- Scholia library schema, version 9: images stored in the library.
--
-- An article's Markdown refers to a stored image as
-- ![alt](scholia-media:<hash>), the hash being the SHA-256 (hex) of the
-- bytes, so the same picture in many articles is stored once. The kind is
-- sniffed from the bytes and the dimensions read from the header when the
-- image is stored (storage/media); nothing here is trusted at read time
-- beyond what storage/media checks again before decoding.
CREATE TABLE media (
    hash    TEXT    PRIMARY KEY CHECK (length(hash) = 64),
    mime    TEXT    NOT NULL,
    width   INTEGER NOT NULL,
    height  INTEGER NOT NULL,
    size    INTEGER NOT NULL,
    data    BLOB    NOT NULL,
    created INTEGER NOT NULL               -- unix milliseconds
) WITHOUT ROWID;
