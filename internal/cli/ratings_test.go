package cli

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
)

func TestParseRatingsFile(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []ladder.Rating
		err  bool
	}{
		{"OKMap", `{"delegation": 3, "budgeting": "not sure", "empathy": "4"}`,
			[]ladder.Rating{{Competency: "budgeting"}, {Competency: "delegation", Level: 3}, {Competency: "empathy", Level: 4}}, false},
		{"OKList", `{"ratings": [{"competency": "delegation", "level": 2, "note": "only with guidance"}]}`,
			[]ladder.Rating{{Competency: "delegation", Level: 2, Note: "only with guidance"}}, false},
		{"ErrLevel", `{"delegation": 6}`, nil, true},
		{"ErrFraction", `{"delegation": 2.5}`, nil, true},
		{"ErrType", `{"delegation": [1]}`, nil, true},
		{"ErrNotObject", `[1, 2]`, nil, true},
		{"ErrTrailing", `{"delegation": 2} {}`, nil, true},
		{"ErrListField", `{"ratings": [{"competency": "x", "level": 2, "colour": "red"}]}`, nil, true},
		{"ErrEmpty", ``, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseRatingsFile([]byte(tt.in))
			if tt.err {
				if ladder.ErrorCode(err) != ladder.EINVALID {
					t.Fatalf("want EINVALID, got %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func FuzzParseRatingsFile(f *testing.F) {
	f.Add([]byte(`{"delegation": 3, "budgeting": "not sure"}`))
	f.Add([]byte(`{"ratings": [{"competency": "delegation", "level": 2}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		rs, err := parseRatingsFile(b)
		if err != nil {
			if ladder.ErrorCode(err) != ladder.EINVALID {
				t.Fatalf("code %s", ladder.ErrorCode(err))
			}
			return
		}
		for _, r := range rs {
			if r.Level != ladder.NotSure && (r.Level < 1 || r.Level > 5) {
				t.Fatalf("level %d accepted", r.Level)
			}
		}
	})
}
