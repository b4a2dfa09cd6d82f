package safetext

import (
	"io"
	"unicode/utf8"
)

// Writer escapes everything written through it as Text does, so that no
// printing path of a program can put a control sequence on the terminal,
// whatever text it prints. A UTF-8 sequence split across two writes is
// held back until it is whole; Flush writes what is left.
type Writer struct {
	w     io.Writer
	carry []byte // the start of an incomplete UTF-8 sequence
}

// NewWriter returns a Writer escaping to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Write escapes p to the underlying writer. It reports len(p) written
// unless the underlying writer fails.
func (w *Writer) Write(p []byte) (int, error) {
	if len(w.carry) == 0 && !needsEscape(string(p), true) {
		_, err := w.w.Write(p)
		return len(p), err
	}
	buf := append(w.carry, p...)
	cut := len(buf)
	// Hold back a trailing sequence that is only the start of a rune.
	for i := len(buf) - 1; i >= 0 && i >= len(buf)-utf8.UTFMax+1; i-- {
		if utf8.RuneStart(buf[i]) {
			if !utf8.FullRune(buf[i:]) {
				cut = i
			}
			break
		}
	}
	out := appendEscaped(nil, string(buf[:cut]), true)
	w.carry = append([]byte(nil), buf[cut:]...)
	if _, err := w.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes a held-back incomplete sequence, escaped byte by byte.
func (w *Writer) Flush() error {
	if len(w.carry) == 0 {
		return nil
	}
	out := appendEscaped(nil, string(w.carry), true)
	w.carry = nil
	_, err := w.w.Write(out)
	return err
}
