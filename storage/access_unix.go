//go:build unix

package storage

import "syscall"

// canWrite reports whether this process may write path (a file or a
// folder). access(2) answers for the real situation: a read-only mount
// (EROFS) and an immutable file or folder (EPERM) refuse even root, while
// permission bits refuse only other users.
func canWrite(path string) bool {
	return syscall.Access(path, 0x2 /* W_OK */) == nil
}
