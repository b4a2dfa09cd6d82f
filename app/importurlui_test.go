package app

import (
	"reflect"
	"testing"
)

// TestClipboardURLs: only a clipboard that holds nothing but web addresses
// is fetched; text that mentions one is made into an article as before.
func TestClipboardURLs(t *testing.T) {
	tests := map[string][]string{
		"https://a.example/x":                            {"https://a.example/x"},
		"  http://a.example/x \n\nhttps://b.example/y\n": {"http://a.example/x", "https://b.example/y"},
		"See https://a.example/x for more":               nil,
		"https://a.example/x\nand some text":             nil,
		"file:///home/me/notes.txt":                      nil,
		"":                                               nil,
	}
	for in, want := range tests {
		if got := clipboardURLs(in); !reflect.DeepEqual(got, want) {
			t.Errorf("clipboardURLs(%q) = %q, want %q", in, got, want)
		}
	}
}
