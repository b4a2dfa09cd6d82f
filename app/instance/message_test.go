package instance

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

var decodeCases = map[string]struct {
	in      string
	want    Request
	wantErr string
}{
	"open a link":   {in: `{"v":1,"open":"scholia://open?article=1&highlight=2"}` + "\n", want: Request{V: 1, Open: "scholia://open?article=1&highlight=2"}},
	"import paths":  {in: `{"v":1,"import":["/a/b.md","/c d/e.txt"]}` + "\n", want: Request{V: 1, Import: []string{"/a/b.md", "/c d/e.txt"}}},
	"just raise":    {in: `{"v":1}` + "\n", want: Request{V: 1}},
	"old version":   {in: `{"v":0,"open":"scholia://open?article=1"}` + "\n", wantErr: "protocol version 0"},
	"newer version": {in: `{"v":2}` + "\n", wantErr: "protocol version 2"},
	"unknown field": {in: `{"v":1,"exec":"rm -rf ~"}` + "\n", wantErr: `unknown field "exec"`},
	"bad link":      {in: `{"v":1,"open":"https://example.com"}` + "\n", wantErr: "not a Scholia link"},
	"relative path": {in: `{"v":1,"import":["notes.md"]}` + "\n", wantErr: `"notes.md" is not an absolute path`},
	"NUL in a path": {in: `{"v":1,"import":["/a\u0000b"]}` + "\n", wantErr: "not an absolute path"},
	"not JSON":      {in: "open scholia://open?article=1\n", wantErr: "bad request"},
	"no newline":    {in: `{"v":1}`, wantErr: "without a newline"},
	"empty":         {in: "", wantErr: "without a newline"},
	"two messages":  {in: `{"v":1} {"v":1}` + "\n", wantErr: "more than one message"},
	"too long":      {in: `{"v":1,"import":["/` + strings.Repeat("a", MaxMessage) + `"]}` + "\n", wantErr: "over 65536 bytes"},
	"too many paths": {in: `{"v":1,"import":[` + strings.Repeat(`"/a",`, MaxPaths) + `"/b"]}` + "\n",
		wantErr: "1001 paths"},
}

func TestDecodeRequest(t *testing.T) {
	for name, tc := range decodeCases {
		t.Run(name, func(t *testing.T) {
			got, err := DecodeRequest(strings.NewReader(tc.in))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("DecodeRequest = %+v, %v; want an error with %q", got, err, tc.wantErr)
				}
				if !errors.Is(err, ErrBadRequest) {
					t.Fatalf("error %v does not wrap ErrBadRequest", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.V != tc.want.V || got.Open != tc.want.Open || strings.Join(got.Import, "|") != strings.Join(tc.want.Import, "|") {
				t.Fatalf("DecodeRequest = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestEncodeRefusesOversizedMessages(t *testing.T) {
	var b bytes.Buffer
	err := Encode(&b, Request{V: 1, Import: []string{"/" + strings.Repeat("x", MaxMessage)}})
	if err == nil || b.Len() != 0 {
		t.Fatalf("Encode of an oversized request: %v, wrote %d bytes", err, b.Len())
	}
}

// FuzzDecodeRequest: whatever the window accepts is valid and survives an
// encode/decode round trip unchanged.
func FuzzDecodeRequest(f *testing.F) {
	for _, tc := range decodeCases {
		if len(tc.in) < 4096 {
			f.Add(tc.in)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		req, err := DecodeRequest(strings.NewReader(s))
		if err != nil {
			if !errors.Is(err, ErrBadRequest) {
				t.Fatalf("error %v does not wrap ErrBadRequest", err)
			}
			return
		}
		if err := req.Validate(); err != nil {
			t.Fatalf("accepted an invalid request %+v: %v", req, err)
		}
		var b bytes.Buffer
		if err := Encode(&b, req); err != nil {
			t.Fatal(err)
		}
		again, err := DecodeRequest(&b)
		if err != nil || again.Open != req.Open || strings.Join(again.Import, "\x00") != strings.Join(req.Import, "\x00") {
			t.Fatalf("round trip of %+v: %+v, %v", req, again, err)
		}
	})
}
