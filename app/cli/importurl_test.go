package cli_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// TestImportURLs: web addresses mix with files on the command line and in
// --urls FILE; each gets one line, failures do not stop the batch, and a
// page already imported is skipped.
func TestImportURLs(t *testing.T) {
	page := []byte(`<html><head><title>Talks in Geneva</title></head><body><article><h1>Talks in Geneva</h1><p>Представители двух стран встретились в понедельник в Женеве, чтобы обсудить вопросы безопасности в Европе. Переговоры продолжались почти восемь часов.</p><p>Обе делегации назвали разговор откровенным и полезным, но ни одна из сторон не объявила дату следующего раунда переговоров.</p></article></body></html>`)
	cp1251, _ := charmap.Windows1251.NewEncoder().Bytes(page)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/talks" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write(cp1251)
	}))
	defer srv.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "lib.db")
	list := filepath.Join(dir, "urls.txt")
	os.WriteFile(list, []byte("# reading list\n"+srv.URL+"/gone\n\n"), 0o644)
	note := filepath.Join(dir, "note.txt")
	os.WriteFile(note, []byte("A note\n\nSome words."), 0o644)

	r := run(t, db, "import", note, srv.URL+"/talks", "--urls", list)
	want := []string{"imported 1\t" + note + "\tA note", "imported 2\t" + srv.URL + "/talks\tTalks in Geneva",
		"failed\t" + srv.URL + "/gone\tthe server answered 404 Not Found", "2 imported, 0 skipped as duplicates, 1 failed"}
	if got := strings.Split(strings.TrimSpace(r.stdout), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") || r.code == 0 {
		t.Errorf("code %d, stdout:\n%s\nwant:\n%s", r.code, r.stdout, strings.Join(want, "\n"))
	}
	a := showJSON(t, db, "2")
	if !strings.Contains(a.Body, "Переговоры продолжались") || a.URL != srv.URL+"/talks" || a.Source != "127.0.0.1" {
		t.Errorf("article = %+v", a.summary)
	}
	r = run(t, db, "import", srv.URL+"/talks")
	if !strings.HasPrefix(r.stdout, "skipped\t"+srv.URL+"/talks\talready in the library as article 2") || r.code != 0 {
		t.Errorf("again: code %d %q", r.code, r.stdout)
	}
	if r = run(t, db, "import"); r.code == 0 || !strings.Contains(r.stderr, "missing PATH|URL...") {
		t.Errorf("no args: code %d %q", r.code, r.stderr)
	}
	if r = run(t, db, "import", "--encoding", "nope", note); r.code == 0 || !strings.Contains(r.stderr, `unknown encoding "nope"`) {
		t.Errorf("bad encoding: code %d %q", r.code, r.stderr)
	}
}
