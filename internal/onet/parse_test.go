package onet

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseDirExcerpt(t *testing.T) {
	d := parseExcerpt(t)
	if d.Release != "29.3" {
		t.Errorf("Release = %q, want 29.3", d.Release)
	}
	if len(d.Occupations) != len(excerptCodes) {
		t.Fatalf("%d occupations, want %d", len(d.Occupations), len(excerptCodes))
	}
	counts := map[string]int{}
	for _, e := range d.Elements {
		counts[e.Domain]++
	}
	wantCounts := map[string]int{DomainSkills: 35, DomainKnowledge: 33, DomainWorkActivities: 41, DomainWorkStyles: 16}
	if diff := cmp.Diff(wantCounts, counts); diff != "" {
		t.Errorf("elements per domain (-want +got):\n%s", diff)
	}
	e, _ := d.Element("2.B.5.b")
	if e.Name != "Management of Financial Resources" || e.Domain != DomainSkills || e.Description == "" {
		t.Errorf("element 2.B.5.b = %+v", e)
	}
	tests := []struct {
		code, element string
		want          Rating
	}{
		{"15-1244.00", "2.B.5.b", Rating{Element: "2.B.5.b", Importance: 200, Level: 188, HasImportance: true, HasLevel: true}},
		// Not Relevant: the level is kept as written and flagged.
		{"11-3021.00", "2.B.3.d", Rating{Element: "2.B.3.d", Importance: 100, Level: 0, HasImportance: true, HasLevel: true, NotRelevant: true}},
		{"15-1244.00", "4.A.4.c.2", Rating{Element: "4.A.4.c.2", Importance: 129, Level: 59, HasImportance: true, HasLevel: true, NotRelevant: true}},
		// Work styles have importance only.
		{"11-3021.00", "1.C.1.a", Rating{Element: "1.C.1.a", Importance: 391, HasImportance: true}},
	}
	for _, tt := range tests {
		o, _ := d.Occupation(tt.code)
		got, ok := o.Rating(tt.element)
		if !ok {
			t.Errorf("%s has no rating of %s", tt.code, tt.element)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s %s (-want +got):\n%s", tt.code, tt.element, diff)
		}
	}
}

func TestParseDirSuppressed(t *testing.T) {
	d := parseExcerpt(t)
	var flags int
	for _, o := range d.Occupations {
		for _, r := range o.Ratings {
			flags += btoi(r.ImportanceSuppressed) + btoi(r.LevelSuppressed)
		}
	}
	if want := countColumnY(t, "Recommend Suppress"); flags != want || want == 0 {
		t.Errorf("%d suppress flags, want one per Y row: %d", flags, want)
	}
	o, _ := d.Occupation("11-3021.00")
	got, _ := o.Rating("2.C.4.b") // Physics: LV 1.20 suppressed, relevant
	want := Rating{Element: "2.C.4.b", Importance: 161, Level: 120, HasImportance: true, HasLevel: true, LevelSuppressed: true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("11-3021.00 Physics (-want +got):\n%s", diff)
	}
}

// countColumnY counts the rows with Y in column col over the rating files
// of the excerpt.
func countColumnY(t *testing.T, col string) int {
	t.Helper()
	n := 0
	for _, f := range []string{fileSkills, fileKnowledge, fileWorkActivitiesSubset, fileWorkStyles} {
		b, err := os.ReadFile(filepath.Join(excerptDir, f))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		idx := -1
		for i, h := range strings.Split(lines[0], "\t") {
			if h == col {
				idx = i
			}
		}
		for _, l := range lines[1:] {
			if strings.Split(l, "\t")[idx] == "Y" {
				n++
			}
		}
	}
	return n
}

func TestStats(t *testing.T) {
	got := parseExcerpt(t).Stats()
	want := Stats{
		Occupations: 9,
		Elements:    map[string]int{DomainSkills: 35, DomainKnowledge: 33, DomainWorkActivities: 41, DomainWorkStyles: 16},
		Rated:       map[string]int{DomainSkills: 8, DomainKnowledge: 8, DomainWorkActivities: 8, DomainWorkStyles: 8},
		Tasks:       180, Technology: 2319, AltTitles: 598,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Stats (-want +got):\n%s", diff)
	}
}
