//go:build unix && !linux

package instance

import "net"

// samePeer relies on the socket's private folder (mode 0700) where the
// kernel has no SO_PEERCRED.
func samePeer(*net.UnixConn) error { return nil }
