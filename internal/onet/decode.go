package onet

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
)

// Decode reads a Dataset written by WriteTo. It checks the whole input
// (checksum, bounds, references, sort orders) and returns an error, never
// panics, on anything else. The strings of the result share one copy of
// the input's string table.
func Decode(b []byte) (*Dataset, error) {
	if len(b) < headerSize || string(b[:len(magic)]) != magic {
		return nil, errors.New("onet: not a Ladder O*NET data file")
	}
	h := b[len(magic):headerSize]
	if v := binary.LittleEndian.Uint16(h); v != formatVersion {
		return nil, fmt.Errorf("onet: data file format version %d, this program reads %d", v, formatVersion)
	}
	if f := binary.LittleEndian.Uint16(h[2:]); f != 0 {
		return nil, fmt.Errorf("onet: data file has unknown flags %#x", f)
	}
	payload := b[headerSize:]
	if n := binary.LittleEndian.Uint32(h[4:]); uint64(n) != uint64(len(payload)) {
		return nil, fmt.Errorf("onet: data file is %d bytes, its header says %d: truncated or damaged", len(b), uint64(n)+uint64(headerSize))
	}
	if crc32.Checksum(payload, castagnoli) != binary.LittleEndian.Uint32(h[8:]) {
		return nil, errors.New("onet: data file is damaged (checksum mismatch)")
	}
	d, err := decodePayload(payload)
	if err != nil {
		return nil, fmt.Errorf("onet: data file is damaged: %w", err)
	}
	return d, nil
}

// reader walks the payload. Its first error sticks: later reads return
// zero values, so callers check r.err once per loop rather than per read.
type reader struct {
	b    []byte
	off  int
	err  error
	strs []string
}

func (r *reader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("at byte %d: %s", r.off, fmt.Sprintf(format, args...))
	}
}

func (r *reader) uv() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b[r.off:])
	if n <= 0 {
		r.fail("bad varint")
		return 0
	}
	r.off += n
	return v
}

// count reads a count of items that take at least minSize bytes each, so a
// corrupt count cannot make Decode allocate more than the input justifies.
func (r *reader) count(minSize int) int {
	v := r.uv()
	if v > uint64(len(r.b)-r.off)/uint64(minSize) {
		r.fail("count %d exceeds the data left", v)
		return 0
	}
	return int(v)
}

func (r *reader) u8() byte {
	if r.err != nil || r.off >= len(r.b) {
		r.fail("unexpected end")
		return 0
	}
	r.off++
	return r.b[r.off-1]
}

func (r *reader) u16() uint16 {
	if r.err != nil || len(r.b)-r.off < 2 {
		r.fail("unexpected end")
		return 0
	}
	r.off += 2
	return binary.LittleEndian.Uint16(r.b[r.off-2:])
}

func (r *reader) str() string {
	i := r.uv()
	if i >= uint64(len(r.strs)) {
		r.fail("string %d of %d", i, len(r.strs))
		return ""
	}
	return r.strs[i]
}

// stringTable reads the lengths, then cuts one string conversion of the
// bytes into pieces: one allocation for all strings.
func (r *reader) stringTable() {
	n := r.count(1)
	ends := make([]int, n)
	total := 0
	for i := range ends {
		l := r.uv()
		if l > uint64(len(r.b)) {
			r.fail("string length %d", l)
		}
		if r.err != nil {
			return
		}
		total += int(l)
		ends[i] = total
	}
	if total > len(r.b)-r.off {
		r.fail("string table runs past the end")
		return
	}
	all := string(r.b[r.off : r.off+total])
	r.off += total
	r.strs = make([]string, n)
	start := 0
	for i, end := range ends {
		r.strs[i] = all[start:end]
		start = end
	}
}
