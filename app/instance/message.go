// Package instance keeps one window per library: the first launch on a
// library claims it (a lock file and a Unix socket in $XDG_RUNTIME_DIR),
// and later launches hand their request to it — open a scholia:// link,
// import files, or just come to the front — and exit. It knows sockets and
// messages, not windows: the caller decides what a request does.
package instance

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"scholia/app/link"
)

// Version is the protocol version a request carries; a window refuses
// requests of any other version rather than guess what they mean.
const Version = 1

// MaxMessage caps a request or reply on the wire, newline included: a
// window never reads more than this from anyone.
const MaxMessage = 64 << 10

// MaxPaths caps the files one request may ask to import.
const MaxPaths = 1000

// Request is what a later launch asks of the running window. It can only
// ever open a link, import files and raise the window: there is no field
// that could make the window run anything else.
type Request struct {
	V      int      `json:"v"`
	Open   string   `json:"open,omitempty"`   // a scholia:// link
	Import []string `json:"import,omitempty"` // absolute paths of files and folders
}

// Reply is the window's answer: OK, or the reason it refused.
type Reply struct {
	OK    bool   `json:"ok"`
	Error string `json:"error,omitempty"`
}

// ErrBadRequest is wrapped by every error Decode and Validate return.
var ErrBadRequest = errors.New("instance: bad request")

// Validate checks a request as the window receives it: the version, the
// link's syntax, and that every path is absolute (the sender resolves
// relative paths against its own working folder, which the window does not
// share).
func (r Request) Validate() error {
	if r.V != Version {
		return fmt.Errorf("%w: protocol version %d (this window speaks %d)", ErrBadRequest, r.V, Version)
	}
	if r.Open != "" {
		if _, err := link.Parse(r.Open); err != nil {
			return fmt.Errorf("%w: %v", ErrBadRequest, err)
		}
	}
	if len(r.Import) > MaxPaths {
		return fmt.Errorf("%w: %d paths (at most %d)", ErrBadRequest, len(r.Import), MaxPaths)
	}
	for _, p := range r.Import {
		if !filepath.IsAbs(p) || strings.ContainsRune(p, 0) {
			return fmt.Errorf("%w: %q is not an absolute path", ErrBadRequest, p)
		}
	}
	return nil
}

// Encode writes v as one line of JSON, refusing what exceeds MaxMessage.
func Encode(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	b = append(b, '\n')
	if len(b) > MaxMessage {
		return fmt.Errorf("instance: message of %d bytes is over the %d-byte limit", len(b), MaxMessage)
	}
	_, err = w.Write(b)
	return err
}

// readLine reads one newline-terminated message of at most MaxMessage bytes.
func readLine(r io.Reader) ([]byte, error) {
	br := bufio.NewReaderSize(io.LimitReader(r, MaxMessage), 4096)
	var buf bytes.Buffer
	for {
		chunk, err := br.ReadSlice('\n')
		buf.Write(chunk)
		if err == nil {
			return buf.Bytes(), nil
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if errors.Is(err, io.EOF) && buf.Len() >= MaxMessage {
			return nil, fmt.Errorf("%w: over %d bytes", ErrBadRequest, MaxMessage)
		}
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%w: message ends without a newline", ErrBadRequest)
		}
		return nil, err
	}
}

// DecodeRequest reads and validates one request.
func DecodeRequest(r io.Reader) (Request, error) {
	var req Request
	line, err := readLine(r)
	if err != nil {
		return req, err
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return Request{}, fmt.Errorf("%w: %v", ErrBadRequest, err)
	}
	if dec.More() {
		return Request{}, fmt.Errorf("%w: more than one message", ErrBadRequest)
	}
	if err := req.Validate(); err != nil {
		return Request{}, err
	}
	return req, nil
}

// decodeReply reads the window's answer.
func decodeReply(r io.Reader) (Reply, error) {
	var rep Reply
	line, err := readLine(r)
	if err != nil {
		return rep, err
	}
	if err := json.Unmarshal(line, &rep); err != nil {
		return rep, fmt.Errorf("instance: the window's reply: %v", err)
	}
	return rep, nil
}
