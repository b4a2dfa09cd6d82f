-- Scholia library schema, version 4: the structured document model.
--
-- bodies.body stays the reading text (what highlights count in, what the
-- full-text index holds), so anchoring, search and export are untouched.
-- Beside it: the Markdown source the user owns and edits, and the block and
-- span list derived from it (app/doc's binary encoding), stored so that
-- opening an article never parses Markdown.
--
-- The values for existing bodies are computed in Go (storage/migrate_doc.go)
-- in this same transaction: every old body becomes Markdown whose reading
-- text is the body byte for byte, so every highlight keeps its offsets.
ALTER TABLE bodies ADD COLUMN markdown TEXT NOT NULL DEFAULT '';
ALTER TABLE bodies ADD COLUMN blocks BLOB NOT NULL DEFAULT x'';
