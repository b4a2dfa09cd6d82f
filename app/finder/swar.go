package finder

import (
	"encoding/binary"
	"math/bits"
	"unsafe"
)

// Scanning 8 bytes per step (SWAR: SIMD within a register) keeps the byte
// scans of scoreBytes and inBytes from bounding a search over 100k items.

const (
	ones = 0x0101010101010101
	high = 0x8080808080808080
)

// zeroBytes has the high bit set in the lowest zero byte of x (and maybe in
// bytes above it, which the callers ignore by taking the lowest bit).
func zeroBytes(x uint64) uint64 { return (x - ones) &^ x & high }

// scanTo returns the first index i >= j with s[i]|or == v, or len(s).
func scanTo(s string, j int, v, or byte) int {
	b := unsafe.Slice(unsafe.StringData(s), len(s))
	vv, oo := uint64(v)*ones, uint64(or)*ones
	for ; j+8 <= len(b); j += 8 {
		if t := zeroBytes((binary.LittleEndian.Uint64(b[j:]) | oo) ^ vv); t != 0 {
			return j + bits.TrailingZeros64(t)/8
		}
	}
	for ; j < len(b); j++ {
		if b[j]|or == v {
			return j
		}
	}
	return len(b)
}

// scanTo2 returns the first index i >= j where s[i] matches either byte
// (s[i]|or1 == v1 or s[i]|or2 == v2), or len(s).
func scanTo2(s string, j int, v1, or1, v2, or2 byte) int {
	b := unsafe.Slice(unsafe.StringData(s), len(s))
	vv1, oo1 := uint64(v1)*ones, uint64(or1)*ones
	vv2, oo2 := uint64(v2)*ones, uint64(or2)*ones
	for ; j+8 <= len(b); j += 8 {
		w := binary.LittleEndian.Uint64(b[j:])
		if t := zeroBytes((w|oo1)^vv1) | zeroBytes((w|oo2)^vv2); t != 0 {
			return j + bits.TrailingZeros64(t)/8
		}
	}
	for ; j < len(b); j++ {
		if b[j]|or1 == v1 || b[j]|or2 == v2 {
			return j
		}
	}
	return len(b)
}
