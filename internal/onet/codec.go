package onet

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
)

// The binary format, version 1. All fixed-size integers are little-endian;
// "uv" is an unsigned varint (encoding/binary), "s" a uv index into the
// string table.
//
//	header  magic "LDR-ONET", version u16, flags u16 (0), payload length u32,
//	        CRC-32C of the payload u32
//	payload strings: uv count, count x uv byte length, then the bytes
//	        release s
//	        totals: uv ratings, tasks, technology, related, alternate titles,
//	                education shares (lets Decode allocate each kind once)
//	        elements: uv count, each: id s, name s, description s, domain u8
//	        occupations: uv count, each: code s, title s, description s,
//	                job zone u8, then
//	          ratings:    uv count, each: element index uv, IM u16, LV u16, flags u8
//	          tasks:      uv count, each: statement s, flags u8 (1 core)
//	          technology: uv count, each: example s, category s, flags u8 (1 hot, 2 in demand)
//	          related:    uv count, each: code s
//	          alt titles: uv count, each: title s
//	          education:  uv count, each: category u8, label s, percent u16, flags u8 (1 suppressed)
//
// Values are O*NET hundredths (see Value). Strings are stored once, so the
// repeated element IDs, technology names and categories cost a varint each.
const (
	magic         = "LDR-ONET"
	formatVersion = 1
	headerSize    = len(magic) + 2 + 2 + 4 + 4
)

// Rating flag bits.
const (
	flagHasIM = 1 << iota
	flagHasLV
	flagIMSuppressed
	flagLVSuppressed
	flagNotRelevant
	ratingFlags = flagHasIM | flagHasLV | flagIMSuppressed | flagLVSuppressed | flagNotRelevant
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// domainCodes numbers the domains in the file; the index is the code. It is
// its own array so that nothing done to Domains can change the format.
var domainCodes = [...]string{DomainSkills, DomainKnowledge, DomainWorkActivities, DomainWorkStyles}

// WriteTo writes d in Ladder's binary format; Decode reads it back. It
// fails on a Dataset that Decode would reject (unsorted, dangling element).
func (d *Dataset) WriteTo(w io.Writer) (int64, error) {
	payload, err := d.encodePayload()
	if err != nil {
		return 0, err
	}
	h := make([]byte, 0, headerSize)
	h = append(h, magic...)
	h = binary.LittleEndian.AppendUint16(h, formatVersion)
	h = binary.LittleEndian.AppendUint16(h, 0)
	h = binary.LittleEndian.AppendUint32(h, uint32(len(payload)))
	h = binary.LittleEndian.AppendUint32(h, crc32.Checksum(payload, castagnoli))
	n, err := w.Write(h)
	if err != nil {
		return int64(n), err
	}
	m, err := w.Write(payload)
	return int64(n + m), err
}

// encoder builds the payload: the body first, while collecting strings,
// then the string table in front of it.
type encoder struct {
	body    []byte
	strs    []string
	strIdx  map[string]int
	elemIdx map[string]int
}

func (d *Dataset) encodePayload() ([]byte, error) {
	e := &encoder{strIdx: map[string]int{}, elemIdx: map[string]int{}}
	e.str(d.Release)
	e.totals(d)
	if err := e.elements(d.Elements); err != nil {
		return nil, err
	}
	e.uv(len(d.Occupations))
	for i := range d.Occupations {
		if i > 0 && d.Occupations[i-1].Code >= d.Occupations[i].Code {
			return nil, fmt.Errorf("onet: occupations not sorted by code at %s", d.Occupations[i].Code)
		}
		if err := e.occupation(&d.Occupations[i]); err != nil {
			return nil, fmt.Errorf("onet: occupation %s: %w", d.Occupations[i].Code, err)
		}
	}
	out := binary.AppendUvarint(nil, uint64(len(e.strs)))
	for _, s := range e.strs {
		out = binary.AppendUvarint(out, uint64(len(s)))
	}
	for _, s := range e.strs {
		out = append(out, s...)
	}
	return append(out, e.body...), nil
}

func (e *encoder) totals(d *Dataset) {
	var t [6]int
	for _, o := range d.Occupations {
		t[0] += len(o.Ratings)
		t[1] += len(o.Tasks)
		t[2] += len(o.Technology)
		t[3] += len(o.Related)
		t[4] += len(o.AltTitles)
		t[5] += len(o.Education)
	}
	for _, n := range t {
		e.uv(n)
	}
}

func (e *encoder) elements(els []Element) error {
	e.uv(len(els))
	for i, el := range els {
		if i > 0 && CompareIDs(els[i-1].ID, el.ID) >= 0 {
			return fmt.Errorf("onet: elements not sorted by ID at %s", el.ID)
		}
		dom := domainCode(el.Domain)
		if dom < 0 {
			return fmt.Errorf("onet: element %s: unknown domain %q", el.ID, el.Domain)
		}
		e.elemIdx[el.ID] = i
		e.str(el.ID)
		e.str(el.Name)
		e.str(el.Description)
		e.body = append(e.body, byte(dom))
	}
	return nil
}

func (e *encoder) occupation(o *Occupation) error {
	if o.JobZone < 0 || o.JobZone > 255 {
		return fmt.Errorf("job zone %d out of range", o.JobZone)
	}
	e.str(o.Code)
	e.str(o.Title)
	e.str(o.Description)
	e.body = append(e.body, byte(o.JobZone))
	if err := e.ratings(o.Ratings); err != nil {
		return err
	}
	e.uv(len(o.Tasks))
	for _, t := range o.Tasks {
		e.str(t.Statement)
		e.body = append(e.body, bit(t.Core, 1))
	}
	e.uv(len(o.Technology))
	for _, t := range o.Technology {
		e.str(t.Example)
		e.str(t.Category)
		e.body = append(e.body, bit(t.Hot, 1)|bit(t.InDemand, 2))
	}
	e.strList(o.Related)
	e.strList(o.AltTitles)
	e.uv(len(o.Education))
	for _, s := range o.Education {
		if s.Category < 0 || s.Category > 255 {
			return fmt.Errorf("education category %d out of range", s.Category)
		}
		e.body = append(e.body, byte(s.Category))
		e.str(s.Label)
		e.body = binary.LittleEndian.AppendUint16(e.body, uint16(s.Percent))
		e.body = append(e.body, bit(s.Suppressed, 1))
	}
	return nil
}

func (e *encoder) ratings(rs []Rating) error {
	e.uv(len(rs))
	prev := -1
	for _, r := range rs {
		i, ok := e.elemIdx[r.Element]
		if !ok {
			return fmt.Errorf("rating of unknown element %s", r.Element)
		}
		if i <= prev {
			return fmt.Errorf("ratings not sorted by element at %s", r.Element)
		}
		prev = i
		e.uv(i)
		e.body = binary.LittleEndian.AppendUint16(e.body, uint16(r.Importance))
		e.body = binary.LittleEndian.AppendUint16(e.body, uint16(r.Level))
		e.body = append(e.body, bit(r.HasImportance, flagHasIM)|bit(r.HasLevel, flagHasLV)|
			bit(r.ImportanceSuppressed, flagIMSuppressed)|bit(r.LevelSuppressed, flagLVSuppressed)|
			bit(r.NotRelevant, flagNotRelevant))
	}
	return nil
}

func (e *encoder) strList(ss []string) {
	e.uv(len(ss))
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoder) str(s string) {
	i, ok := e.strIdx[s]
	if !ok {
		i = len(e.strs)
		e.strIdx[s] = i
		e.strs = append(e.strs, s)
	}
	e.uv(i)
}

func (e *encoder) uv(n int) { e.body = binary.AppendUvarint(e.body, uint64(n)) }

func bit(b bool, v byte) byte {
	if b {
		return v
	}
	return 0
}

func domainCode(domain string) int {
	for i, d := range domainCodes {
		if d == domain {
			return i
		}
	}
	return -1
}
