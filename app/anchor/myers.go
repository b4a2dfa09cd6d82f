package anchor

// This file is Myers' bit-parallel edit distance ("A fast bit-vector algorithm
// for approximate string matching based on dynamic programming", J. ACM 1999),
// in its blocked form so patterns may be any length: each 64-row block of the
// dynamic-programming column is a pair of bit vectors (vertical +1 and -1
// deltas), and a column advances in a few word operations per block. Search
// mode also keeps Ukkonen's cut-off, computing only the blocks that can still
// hold a value within the error budget.

const word = 64

// pattern holds the match masks: bit i of block b of a code point's mask is
// set when the pattern's code point 64*b+i is that code point.
type pattern struct {
	m, blocks int
	lastBit   uint64 // the bit of the pattern's last row in the last block
	ascii     [128]int32
	other     map[rune]int32
	// masks[o:o+blocks] are the masks of the code point at offset o;
	// offset 0 holds zeros, for code points not in the pattern.
	masks []uint64
}

func newPattern(p []rune) *pattern {
	pt := &pattern{m: len(p), blocks: (len(p) + word - 1) / word}
	pt.lastBit = 1 << ((len(p) - 1) % word)
	pt.masks = make([]uint64, pt.blocks)
	for i, r := range p {
		o := pt.offset(r)
		if o == 0 {
			o = int32(len(pt.masks))
			pt.masks = append(pt.masks, make([]uint64, pt.blocks)...)
			if r >= 0 && r < 128 {
				pt.ascii[r] = o
			} else {
				if pt.other == nil {
					pt.other = make(map[rune]int32)
				}
				pt.other[r] = o
			}
		}
		pt.masks[int(o)+i/word] |= 1 << (i % word)
	}
	return pt
}

func (pt *pattern) offset(r rune) int32 {
	if r >= 0 && r < 128 {
		return pt.ascii[r]
	}
	return pt.other[r]
}

func (pt *pattern) eq(r rune) []uint64 {
	o := int(pt.offset(r))
	return pt.masks[o : o+pt.blocks]
}

// height is how many pattern rows block b holds.
func (pt *pattern) height(b int) int {
	if b == pt.blocks-1 {
		return pt.m - b*word
	}
	return word
}

func (pt *pattern) hibit(b int) uint64 {
	if b == pt.blocks-1 {
		return pt.lastBit
	}
	return 1 << (word - 1)
}

// step advances one block by one text character. pv and mv hold the block's
// vertical +1 and -1 deltas, eq the character's mask, hin the horizontal delta
// entering the block's top row; it returns the delta leaving its row hibit.
func step(pv, mv *uint64, eq uint64, hin int, hibit uint64) (hout int) {
	p, m := *pv, *mv
	xv := eq | m
	if hin < 0 {
		eq |= 1
	}
	xh := (((eq & p) + p) ^ p) | eq
	ph := m | ^(xh | p)
	mh := p & xh
	if ph&hibit != 0 {
		hout = 1
	} else if mh&hibit != 0 {
		hout = -1
	}
	ph <<= 1
	mh <<= 1
	if hin < 0 {
		mh |= 1
	} else if hin > 0 {
		ph |= 1
	}
	*pv = mh | ^(xv | ph)
	*mv = ph & xv
	return hout
}

// search calls found(end, dist) for every end offset in text where some
// substring ending there is within k edits of the pattern, dist being the
// least such edit count, in increasing order of end.
func (pt *pattern) search(text []rune, k int, found func(end, dist int)) {
	if pt.blocks == 1 {
		pt.searchWord(text, k, found)
		return
	}
	bmax := pt.blocks - 1
	pv := make([]uint64, pt.blocks)
	mv := make([]uint64, pt.blocks)
	score := make([]int, pt.blocks)
	// Column 0 is D[i] = i: all vertical deltas +1.
	for b := range pv {
		pv[b] = ^uint64(0)
		score[b] = b*word + pt.height(b)
	}
	y := min(bmax, (k+word-1)/word) // the last block that may hold a value <= k
	for j, r := range text {
		eq := pt.eq(r)
		carry := 0 // search mode: row 0 is all zeros
		for b := 0; b <= y; b++ {
			carry = step(&pv[b], &mv[b], eq[b], carry, pt.hibit(b))
			score[b] += carry
		}
		if y < bmax && score[y]-carry <= k && (eq[y+1]&1 != 0 || carry < 0) {
			// The next block may now reach k: start it from the
			// assumption that its column only grew downward.
			y++
			pv[y], mv[y] = ^uint64(0), 0
			score[y] = score[y-1] - carry + pt.height(y) + step(&pv[y], &mv[y], eq[y], carry, pt.hibit(y))
		} else {
			for y > 0 && score[y] >= k+word {
				y--
			}
		}
		if y == bmax && score[y] <= k {
			found(j+1, score[y])
		}
	}
}

// searchWord is search for patterns of at most 64 code points, the usual
// highlight, with the state in registers: it runs several times faster than
// the blocked loop, and an orphaned highlight scans the whole body with it.
func (pt *pattern) searchWord(text []rune, k int, found func(end, dist int)) {
	pv, mv := ^uint64(0), uint64(0)
	score, last := pt.m, pt.lastBit
	for j, r := range text {
		var eq uint64
		if r >= 0 && r < 128 {
			eq = pt.masks[pt.ascii[r]]
		} else {
			eq = pt.masks[pt.other[r]]
		}
		xv := eq | mv
		xh := (((eq & pv) + pv) ^ pv) | eq
		ph := mv | ^(xh | pv)
		mh := pv & xh
		if ph&last != 0 {
			score++
		} else if mh&last != 0 {
			score--
		}
		ph <<= 1 // search mode: nothing enters from row 0
		mh <<= 1
		pv = mh | ^(xv | ph)
		mv = ph & xv
		if score <= k {
			found(j+1, score)
		}
	}
}

// distances returns, for each n in 0..len(text), the edit distance between
// the pattern and text[:n] (global at the start, unlike search).
func (pt *pattern) distances(text []rune) []int {
	pv := make([]uint64, pt.blocks)
	mv := make([]uint64, pt.blocks)
	for b := range pv {
		pv[b] = ^uint64(0)
	}
	out := make([]int, len(text)+1)
	out[0] = pt.m
	for j, r := range text {
		eq := pt.eq(r)
		carry := 1 // row 0 is D[0][j] = j: each column adds one
		for b := range pt.blocks {
			carry = step(&pv[b], &mv[b], eq[b], carry, pt.hibit(b))
		}
		out[j+1] = out[j] + carry
	}
	return out
}
