package onet

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
)

// TestCompareSanity checks Compare against the "Sanity check" tables of
// the O*NET README (computed there independently from the text files).
// The README rounds Gap x IM to two decimals; WeightedGap is exact.
func TestCompareSanity(t *testing.T) {
	d := embeddedDataset(t)
	tests := []struct {
		from, to, element string
		want              ElementGap
	}{
		{"15-1244.00", "11-3021.00", "2.B.5.b", ElementGap{"2.B.5.b", "Management of Financial Resources", DomainSkills, 1.88, 3.38, 3.00, 4.50}},
		{"15-1244.00", "11-3021.00", "2.B.1.b", ElementGap{"2.B.1.b", "Coordination", DomainSkills, 3.00, 3.88, 3.75, 3.30}},
		{"15-1244.00", "11-3021.00", "2.B.5.d", ElementGap{"2.B.5.d", "Management of Personnel Resources", DomainSkills, 3.00, 3.75, 3.62, 2.715}},
		{"15-1244.00", "11-3021.00", "2.A.2.d", ElementGap{"2.A.2.d", "Monitoring", DomainSkills, 3.88, 4.38, 3.88, 1.94}},
		{"15-1232.00", "11-3021.00", "2.B.5.c", ElementGap{"2.B.5.c", "Management of Material Resources", DomainSkills, 1.00, 3.12, 2.75, 5.83}},
		{"15-1232.00", "15-1299.09", "2.B.5.b", ElementGap{"2.B.5.b", "Management of Financial Resources", DomainSkills, 0.62, 3.62, 3.12, 9.36}},
		{"15-1212.00", "11-3021.00", "2.B.5.b", ElementGap{"2.B.5.b", "Management of Financial Resources", DomainSkills, 1.12, 3.38, 3.00, 6.78}},
		// Equipment Selection of Computer Programmers is Not Relevant: 0.
		{"15-1251.00", "11-3021.00", "2.B.3.c", ElementGap{"2.B.3.c", "Equipment Selection", DomainSkills, 0, 2.00, 1.88, 3.76}},
		// README "Work Activities subset: check": Staffing is NR for 15-1244.00.
		{"15-1244.00", "11-3021.00", "4.A.4.c.2", ElementGap{"4.A.4.c.2", "Staffing Organizational Units", DomainWorkActivities, 0, 4.46, 3.58, 15.9668}},
	}
	for _, tt := range tests {
		t.Run(tt.from+"_"+tt.to+"_"+tt.element, func(t *testing.T) {
			c, err := Compare(d, tt.from, tt.to)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := findGap(c.Gaps, tt.element)
			if !ok {
				t.Fatalf("no gap for %s", tt.element)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("gap (-want +got):\n%s", diff)
			}
		})
	}
}

func findGap(gs []ElementGap, id string) (ElementGap, bool) {
	for _, g := range gs {
		if g.ElementID == id {
			return g, true
		}
	}
	return ElementGap{}, false
}

func TestCompareClosest(t *testing.T) {
	d := embeddedDataset(t)
	for _, from := range []string{"15-1244.00", "15-1212.00", "15-1242.00"} {
		c, err := Compare(d, from, "15-1299.09")
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Closest) != closestCount {
			t.Fatalf("%s: %d closest, want %d", from, len(c.Closest), closestCount)
		}
		first := c.Closest[0]
		if first.Code != "11-3021.00" || !first.Related {
			t.Errorf("%s: closest management occupation %+v, want 11-3021.00, related", from, first)
		}
		for i := 1; i < len(c.Closest); i++ {
			if c.Closest[i].Closeness > c.Closest[i-1].Closeness {
				t.Errorf("%s: closest not sorted: %+v", from, c.Closest)
			}
		}
	}
}

func TestCompareErrors(t *testing.T) {
	d := embeddedDataset(t)
	tests := []struct {
		name, from, to string
		code           string
		want           []string
	}{
		{"ErrUnknownCode", "15-1244.01", "11-3021.00", ladder.ENOTFOUND, []string{`"15-1244.01"`, "did you mean 15-1244.00 Network and Computer Systems Administrators"}},
		{"ErrUnknownTarget", "15-1244.00", "11-3099.00", ladder.ENOTFOUND, []string{"did you mean"}},
		{"ErrUnrated", "15-1252.00", "11-3021.00", ladder.EINVALID, []string{"no skill or knowledge ratings for 15-1252.00 Software Developers", "15-1299.08 Computer Systems Engineers/Architects or 15-1251.00 Computer Programmers"}},
		{"ErrUnratedTarget", "15-1244.00", "11-3013.01", ladder.EINVALID, []string{"11-3013.01 Security Managers"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Compare(d, tt.from, tt.to)
			if code := ladder.ErrorCode(err); code != tt.code {
				t.Fatalf("code %q (%v), want %q", code, err, tt.code)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

// TestExcerptMatchesEmbedded proves the embedded file faithful: the
// excerpt's occupations, parsed from O*NET's text files, equal the embedded
// ones, and so do comparisons between them.
func TestExcerptMatchesEmbedded(t *testing.T) {
	x, e := parseExcerpt(t), embeddedDataset(t)
	if diff := cmp.Diff(e.Elements, x.Elements); diff != "" {
		t.Errorf("elements (-embedded +excerpt):\n%s", diff)
	}
	for _, code := range excerptCodes {
		xo, _ := x.Occupation(code)
		eo, _ := e.Occupation(code)
		if diff := cmp.Diff(eo, xo); diff != "" {
			t.Errorf("%s (-embedded +excerpt):\n%s", code, diff)
		}
	}
	pairs := [][2]string{
		{"15-1244.00", "11-3021.00"}, {"15-1232.00", "11-3021.00"}, {"15-1212.00", "11-3021.00"},
		{"15-1244.00", "15-1299.09"}, {"15-1232.00", "15-1299.09"}, {"15-1251.00", "11-1011.00"},
	}
	for _, p := range pairs {
		xc, err := Compare(x, p[0], p[1])
		if err != nil {
			t.Fatal(err)
		}
		ec, err := Compare(e, p[0], p[1])
		if err != nil {
			t.Fatal(err)
		}
		// Closest depends on which occupations a dataset has; the
		// excerpt's candidates must score as in the full dataset.
		for _, xcl := range xc.Closest {
			xo, _ := x.Occupation(xcl.Code)
			eo, _ := e.Occupation(xcl.Code)
			xf, _ := x.Occupation(p[0])
			ef, _ := e.Occupation(p[0])
			xd, _ := x.newClimbIndex(xf).distance(xo)
			ed, _ := e.newClimbIndex(ef).distance(eo)
			if xd != ed {
				t.Errorf("%s: distance to %s %v, embedded %v", p[0], xcl.Code, xd, ed)
			}
		}
		xc.Closest, ec.Closest = nil, nil
		if diff := cmp.Diff(ec, xc); diff != "" {
			t.Errorf("Compare(%s, %s) (-embedded +excerpt):\n%s", p[0], p[1], diff)
		}
	}
}
