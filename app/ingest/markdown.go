package ingest

func parseMarkdown(name, text string) (Doc, error) { return parseTxt(name, text) }
