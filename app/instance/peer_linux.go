package instance

import (
	"fmt"
	"net"
	"os"
	"syscall"
)

// samePeer refuses a connection from another user, whatever the socket's
// mode: the kernel reports who is at the other end (SO_PEERCRED).
func samePeer(c *net.UnixConn) error {
	raw, err := c.SyscallConn()
	if err != nil {
		return err
	}
	var cred *syscall.Ucred
	var credErr error
	if err := raw.Control(func(fd uintptr) {
		cred, credErr = syscall.GetsockoptUcred(int(fd), syscall.SOL_SOCKET, syscall.SO_PEERCRED)
	}); err != nil {
		return err
	}
	if credErr != nil {
		return fmt.Errorf("instance: who is calling: %w", credErr)
	}
	if int(cred.Uid) != os.Getuid() {
		return fmt.Errorf("instance: refused a request from user %d", cred.Uid)
	}
	return nil
}
