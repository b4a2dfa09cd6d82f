package export

import (
	"bytes"
	"os"
	"reflect"
	"testing"
)

// FuzzReadW3C feeds ReadW3C arbitrary bytes, as `scholia import-json` does
// with whatever file it is given. It must refuse them with an error or give
// docs that survive a round trip: written and read again they come back
// the same (in the normal order), and a second write is byte-identical.
func FuzzReadW3C(f *testing.F) {
	lib, err := os.ReadFile("testdata/library.jsonld")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(lib)
	// Cut-off files (a half-written backup) and small variations.
	for _, n := range []int{0, 1, 2, 60, len(lib) / 3, len(lib) / 2, len(lib) - 2} {
		f.Add(lib[:n])
	}
	for _, v := range [][2]string{
		{`"urn:scholia:highlight:2"`, `"urn:scholia:highlight:x"`},
		{`"startIndex": 0`, `"startIndex": -1`},
		{`"2022-01-10T09:32:00Z"`, `"2022-01-10T09:32:00+05:30"`},
		{`"AnnotationCollection"`, `"Annotation"`},
		{`"start": `, `"start": -`},
	} {
		f.Add(bytes.Replace(lib, []byte(v[0]), []byte(v[1]), 1))
	}
	// The limits of issue 22: ids that are not positive, target.source
	// naming something else (the 20 MB body is left out: too big a seed).
	for _, c := range limitCases(f, lib) {
		if len(c.data) < 1<<20 {
			f.Add(c.data)
		}
	}
	f.Add([]byte(`{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection"}`))
	f.Add([]byte(`null`))

	f.Fuzz(func(t *testing.T, data []byte) {
		docs, colors, err := ReadW3C(bytes.NewReader(data))
		if err != nil {
			if docs != nil || colors != nil {
				t.Errorf("ReadW3C returned data with its error %v", err)
			}
			return
		}
		var first bytes.Buffer
		if err := W3C(&first, docs, colors); err != nil {
			t.Fatalf("what ReadW3C accepted does not write back: %v", err)
		}
		again, colors2, err := ReadW3C(bytes.NewReader(first.Bytes()))
		if err != nil {
			t.Fatalf("written back, it does not read: %v\n%s", err, first.Bytes())
		}
		if want := normalDocs(docs); !reflect.DeepEqual(again, want) {
			t.Errorf("docs differ after a round trip\n got %#v\nwant %#v", again, want)
		}
		var second bytes.Buffer
		if err := W3C(&second, again, colors2); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Errorf("a second round trip changes the file")
		}
	})
}
