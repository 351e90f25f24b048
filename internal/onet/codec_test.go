package onet

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func encode(t testing.TB, d *Dataset) []byte {
	t.Helper()
	var buf bytes.Buffer
	n, err := d.WriteTo(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) {
		t.Fatalf("WriteTo returned %d, wrote %d", n, buf.Len())
	}
	return buf.Bytes()
}

func TestCodecRoundTrip(t *testing.T) {
	want := parseExcerpt(t)
	got, err := Decode(encode(t, want))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

// TestEmbeddedReencodes checks that the encoding is deterministic: decoding
// the embedded file and encoding it again gives the same bytes.
func TestEmbeddedReencodes(t *testing.T) {
	if got := encode(t, embeddedDataset(t)); !bytes.Equal(got, embedded) {
		t.Errorf("re-encoded embedded dataset differs: %d bytes, want %d", len(got), len(embedded))
	}
}

func TestDecodeErrors(t *testing.T) {
	good := encode(t, parseExcerpt(t))
	tests := map[string][]byte{
		"Empty":      nil,
		"Garbage":    []byte("not a dataset at all, just text"),
		"HeaderOnly": good[:headerSize],
		"BadVersion": patch(good, len(magic), 9),
		"BadFlags":   patch(good, len(magic)+2, 1),
		"BadCRC":     patch(good, headerSize+100, good[headerSize+100]^0xff),
		"Longer":     append(append([]byte(nil), good...), 0),
	}
	for _, n := range []int{1, headerSize + 1, len(good) / 2, len(good) - 1} {
		tests[fmt.Sprintf("Truncated%d", n)] = good[:n]
	}
	for name, b := range tests {
		t.Run(name, func(t *testing.T) {
			if d, err := Decode(b); err == nil {
				t.Errorf("Decode = %d occupations, want an error", len(d.Occupations))
			}
		})
	}
}

// TestDecodeCorruptPayload flips bytes of the payload and fixes the
// checksum, so the decoder's own checks must catch the damage or decode
// something WriteTo accepts.
func TestDecodeCorruptPayload(t *testing.T) {
	good := encode(t, parseExcerpt(t))
	for i := headerSize; i < len(good); i += 499 {
		b := withCRC(patch(good, i, good[i]^0x5a))
		d, err := Decode(b)
		if err == nil {
			encode(t, d)
		}
	}
}

func patch(b []byte, i int, v byte) []byte {
	c := append([]byte(nil), b...)
	c[i] = v
	return c
}

// withCRC returns b with the header's length and checksum made to match
// its payload.
func withCRC(b []byte) []byte {
	if len(b) < headerSize {
		return b
	}
	c := append([]byte(nil), b...)
	p := c[headerSize:]
	binary.LittleEndian.PutUint32(c[len(magic)+4:], uint32(len(p)))
	binary.LittleEndian.PutUint32(c[len(magic)+8:], crc32.Checksum(p, castagnoli))
	return c
}

// FuzzDecode checks that Decode never panics, and that what it accepts can
// be written again and reads back the same. Each input is tried as it is
// and with a valid checksum, so the fuzzer reaches the payload decoder.
func FuzzDecode(f *testing.F) {
	d := &Dataset{Release: "29.3", Elements: []Element{{ID: "2.A.1.a", Name: "Reading", Domain: DomainSkills}}}
	d.Occupations = []Occupation{{
		Code: "15-1244.00", Title: "Admins", JobZone: 4,
		Ratings:    []Rating{{Element: "2.A.1.a", Importance: 388, Level: 400, HasImportance: true, HasLevel: true}},
		Tasks:      []Task{{Statement: "Fix", Core: true}},
		Technology: []TechSkill{{Example: "Linux", Category: "OS", Hot: true}},
		Related:    []string{"11-3021.00"},
		AltTitles:  []string{"Sysadmin"},
		Education:  []EducationShare{{Category: 6, Label: "Bachelor's", Percent: 5237}},
	}}
	f.Add(encode(f, d))
	f.Add(encode(f, &Dataset{}))
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, in := range [][]byte{b, withCRC(b)} {
			d, err := Decode(in)
			if err != nil {
				continue
			}
			again, err := Decode(encode(t, d))
			if err != nil {
				t.Fatalf("re-encoded dataset does not decode: %v", err)
			}
			if diff := cmp.Diff(d, again); diff != "" {
				t.Fatalf("re-encode changed the dataset:\n%s", diff)
			}
		}
	})
}
