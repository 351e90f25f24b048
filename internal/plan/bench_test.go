package plan

import (
	"fmt"
	"testing"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/model"
	"github.com/ladderhq/ladder/internal/readiness"
)

// benchInput is a person with 40 gaps: the default model's 38 competencies
// plus two more, all required by the role, with the default catalogue plus
// actions for the two.
func benchInput(b *testing.B, hours, months, maxGoals int) Input {
	b.Helper()
	def := model.Default()
	m := *def
	m.Areas = append(append([]ladder.Area(nil), def.Areas...), ladder.Area{Key: "extra", Name: "Extra", Competencies: []ladder.Competency{
		{Key: "extra-one", Name: "Extra one", Area: "extra", Levels: [5]string{"a", "b", "c", "d", "e"}},
		{Key: "extra-two", Name: "Extra two", Area: "extra", Levels: [5]string{"a", "b", "c", "d", "e"}},
	}})
	base, _ := def.Role("it-manager")
	role := base
	role.Requirements = append(append([]ladder.Requirement(nil), base.Requirements...),
		ladder.Requirement{Competency: "extra-one", Level: 4, Importance: 5},
		ladder.Requirement{Competency: "extra-two", Level: 3, Importance: 4})
	extra := ""
	for _, k := range []string{"extra-one", "extra-two"} {
		for _, kind := range ladder.ActionKinds() {
			extra += fmt.Sprintf("  - {key: %s-%s, title: T, description: D, kind: %s, category: stretch-assignment, "+
				"competencies: [%s, delegation], effort_hours: 6, done_when: W}\n", k, kind, kind, k)
		}
	}
	cat, err := ParseCatalog("bench.yaml", append(DefaultYAML(), extra...), &m)
	if err != nil {
		b.Fatal(err)
	}
	self := map[string]readiness.Observation{}
	for i, c := range m.Competencies() {
		self[c.Key] = readiness.Observation{Level: float64(1 + i%2), At: day0}
	}
	gaps := readiness.Gaps(&m, role, readiness.CurrentLevels(&m, readiness.Inputs{Self: self}))
	if len(gaps) != 40 {
		b.Fatalf("%d gaps", len(gaps))
	}
	return Input{Model: &m, Catalog: cat, Target: role, Gaps: gaps, Start: day0, End: EndAfter(day0, months),
		HoursPerMonth: hours, MaxGoals: maxGoals}
}

func BenchmarkGenerate(b *testing.B) {
	for _, c := range []struct{ hours, months, goals int }{
		{12, 12, 6},  // the defaults
		{40, 18, 12}, // the most the knobs allow in goals, a heavy load
	} {
		b.Run(fmt.Sprintf("40gaps/%dh/%dm/%dgoals", c.hours, c.months, c.goals), func(b *testing.B) {
			in := benchInput(b, c.hours, c.months, c.goals)
			p, err := Generate(in)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Generate(in); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(p.Mix().Total()), "actions")
		})
	}
	b.Run("40gaps/regenerate", func(b *testing.B) {
		in := benchInput(b, 12, 12, 6)
		first, err := Generate(in)
		if err != nil {
			b.Fatal(err)
		}
		for gi := range first.Goals {
			first.Goals[gi].Actions[0].Done = true
		}
		in.Existing = first
		in.Start = in.Start.AddDate(0, 2, 0)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Generate(in); err != nil {
				b.Fatal(err)
			}
		}
	})
}
