//go:build !unix

package instance

import (
	"context"
	"errors"
)

// ErrRunning and ErrNotRunning: see the Unix build.
var (
	ErrRunning    = errors.New("instance: a window is already open on this library")
	ErrNotRunning = errors.New("instance: no window is open on this library")
)

var errUnsupported = errors.New("instance: single-window hand-off needs Unix sockets")

// Server does nothing where there are no Unix sockets.
type Server struct{}

// Claim is unsupported here: every launch opens its own window.
func Claim(string, func(string) string) (*Server, error) { return nil, errUnsupported }

// Serve never runs.
func (*Server) Serve(func(Request) error) {}

// Close does nothing.
func (*Server) Close() error { return nil }

// Send always reports no window, so the caller opens one.
func Send(context.Context, string, func(string) string, Request) error { return ErrNotRunning }
