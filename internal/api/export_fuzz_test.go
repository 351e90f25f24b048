package api_test

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
)

// FuzzDecodeExport: the import parser never panics, refuses with EINVALID,
// and what it accepts encodes and decodes back to the same value.
func FuzzDecodeExport(f *testing.F) {
	for _, seed := range []string{
		`{"format":"ladder.person","version":1,"exported_at":"2025-06-11T09:30:15Z","person":{"id":1,"name":"A","email":"a@example.com","start_role":"","target_role":"","created_at":"2025-01-01T00:00:00Z","degree":"","updated_at":"2025-01-01T00:00:00Z"},"account":null,"tokens":[],"assessments":[{"id":1,"kind":"self","target_role":"it-manager","started_at":"2025-01-01T00:00:00Z","completed_at":null,"ratings":[{"competency":"budgeting","level":2,"note":"n","rated_at":"2025-01-01T00:00:00Z"}]}],"evidence":[],"journal":[],"plan":null,"certifications":[],"learning":[],"weeks":[]}`,
		`{"format":"ladder.person","version":2}`,
		`{"format":"ladder-export/1"}`,
		`{"format":"ladder.person","version":1,"extra":true}`,
		`{"format":"ladder.person","version":1} {}`,
		`{"format":"ladder.person","version":"1"}`,
		`{"format":`,
		`[]`,
		``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		x, err := api.DecodeExport(bytes.NewReader(b))
		if err != nil {
			if ladder.ErrorCode(err) != ladder.EINVALID {
				t.Fatalf("error %v is not EINVALID", err)
			}
			return
		}
		_ = x.PersonData()
		var buf bytes.Buffer
		if err := api.EncodeExport(&buf, *x); err != nil {
			t.Fatal(err)
		}
		y, err := api.DecodeExport(&buf)
		if err != nil {
			t.Fatalf("re-reading an accepted export: %v\n%s", err, buf.String())
		}
		if !reflect.DeepEqual(normalTimes(*x), normalTimes(*y)) {
			t.Fatalf("decode(encode(x)) != x")
		}
	})
}

// normalTimes re-encodes for comparison: time values that print alike are
// alike, whatever their location pointers.
func normalTimes(x api.Export) string {
	var b bytes.Buffer
	api.EncodeExport(&b, x)
	return b.String()
}
