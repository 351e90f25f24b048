package onet

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// rated builds a rating with importance and level, both present.
func rated(id string, im, lv Value) Rating {
	return Rating{Element: id, Importance: im, Level: lv, HasImportance: true, HasLevel: true}
}

// rulesDataset exercises each rule of Compare once; see TestCompareRules.
func rulesDataset() *Dataset {
	el := func(id, domain string) Element { return Element{ID: id, Name: "E " + id, Domain: domain} }
	nr := func(r Rating) Rating { r.NotRelevant = true; return r }
	lvSup := func(r Rating) Rating { r.LevelSuppressed = true; return r }
	imSup := func(r Rating) Rating { r.ImportanceSuppressed = true; return r }
	return &Dataset{
		Release: "29.3",
		Elements: []Element{
			el("2.A.1.a", DomainSkills), el("2.A.1.b", DomainSkills), el("2.A.1.c", DomainSkills),
			el("2.A.1.d", DomainSkills), el("2.A.1.e", DomainSkills), el("2.A.1.f", DomainSkills),
			el("2.A.1.g", DomainSkills), el("2.A.1.h", DomainSkills), el("2.B.1.a", DomainSkills),
			el("2.C.1.a", DomainKnowledge), el("4.A.1.a.1", DomainWorkActivities),
		},
		Occupations: []Occupation{
			{Code: "11-0001.00", Title: "Target Managers", Ratings: []Rating{
				rated("2.A.1.a", 350, 400),        // gap 2.00 x 3.50 = 7.00
				rated("2.A.1.b", 200, 100),        // from is Not Relevant: gap 1.00 x 2.00
				lvSup(rated("2.A.1.c", 300, 500)), // excluded: to's level suppressed
				imSup(rated("2.A.1.d", 300, 500)), // excluded: to's importance suppressed
				rated("2.A.1.e", 300, 500),        // excluded: from's level suppressed
				rated("2.A.1.f", 400, 400),        // transfer: from 5.00 >= 4.00, IM 4
				rated("2.A.1.g", 200, 400),        // neither: IM below 3
				nr(rated("2.A.1.h", 100, 50)),     // both 0 after Not Relevant
				rated("2.B.1.a", 200, 200),        // gap 1.00 x 2.00, ties 2.A.1.b
				rated("2.C.1.a", 300, 300),        // gap 2.00 x 3.00 = 6.00
				rated("4.A.1.a.1", 500, 600),      // from has no work activities
			}},
			{Code: "15-0001.00", Title: "Start Specialists", Related: []string{"99-0000.00", "11-0001.00"}, Ratings: []Rating{
				rated("2.A.1.a", 300, 200),
				nr(rated("2.A.1.b", 100, 150)),
				rated("2.A.1.c", 300, 100),
				rated("2.A.1.d", 300, 100),
				lvSup(rated("2.A.1.e", 300, 100)),
				rated("2.A.1.f", 400, 500),
				rated("2.A.1.g", 400, 500),
				rated("2.A.1.h", 100, 0),
				rated("2.B.1.a", 200, 100),
				rated("2.C.1.a", 200, 100),
			}},
			{Code: "15-0002.00", Title: "Unrated Specialists", Related: []string{"11-0001.00", "15-0001.00"}},
		},
	}
}

func TestCompareRules(t *testing.T) {
	d := rulesDataset()
	got, err := Compare(d, "15-0001", "11-0001.00")
	if err != nil {
		t.Fatal(err)
	}
	g := func(id, domain string, from, to, im, w float64) ElementGap {
		return ElementGap{id, "E " + id, domain, from, to, im, w}
	}
	want := &Comparison{
		From: OccupationRef{"15-0001.00", "Start Specialists"},
		To:   OccupationRef{"11-0001.00", "Target Managers"},
		Gaps: []ElementGap{
			g("2.A.1.a", DomainSkills, 2, 4, 3.5, 7),
			g("2.C.1.a", DomainKnowledge, 1, 3, 3, 6),
			g("2.A.1.b", DomainSkills, 0, 1, 2, 2),
			g("2.B.1.a", DomainSkills, 1, 2, 2, 2),
		},
		Transfers: []ElementGap{g("2.A.1.f", DomainSkills, 5, 4, 4, -4)},
		// Over the 7 usable skill and knowledge elements: climbs 2, 1, 1, 2
		// and overqualification 1, 1 (x 0.25), weighted by importance:
		// (7 + 2 + 1 + 0.5 + 0 + 2 + 6) / 17.5 = 1.057; 100 / 2.057 = 48.6.
		Closest:  []Closeness{{Code: "11-0001.00", Title: "Target Managers", Closeness: 48.6, Related: true}},
		Excluded: 3,
		Notes: []string{
			"Work Activities not compared: this O*NET 29.3 copy has no Work Activities ratings for 15-0001.00 Start Specialists.",
			"A level O*NET flags Not Relevant counts as 0.",
			"3 elements left out because O*NET recommends suppressing a value they need (Recommend Suppress = Y).",
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Compare (-want +got):\n%s", diff)
	}
}

func TestCompareUnratedSuggestsRatedRelated(t *testing.T) {
	_, err := Compare(rulesDataset(), "15-0002.00", "11-0001.00")
	want := "compare a rated related occupation instead, labelled as a proxy: 11-0001.00 Target Managers or 15-0001.00 Start Specialists"
	if err == nil || !strings.HasSuffix(err.Error(), want) {
		t.Errorf("err = %v, want suffix %q", err, want)
	}
}
