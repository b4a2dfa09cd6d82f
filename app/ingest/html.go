package ingest

func parseHTML(name, text string) (Doc, error) { return parseTxt(name, text) }
