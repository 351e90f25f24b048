package resume

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Target is what bullets are ranked for: a role's requirements and how far
// the person is from each.
type Target struct {
	Slug  string
	Title string
	// Importance is the role's importance (1-5) of each competency it
	// requires; a competency it does not require is absent.
	Importance map[string]int
	// Gap is how many levels the person is short of the role's level, per
	// competency; absent or 0 for none.
	Gap map[string]float64
	// Names are the competencies' names for the explanations.
	Names map[string]string
}

// Ranked is a bullet with its place: its score and why it is there.
type Ranked struct {
	Bullet
	Score float64
	// Lead is the competency that earned the score ("" when none of the
	// entry's competencies is required by the role).
	Lead string
	Why  string
}

// figureBonus lifts a bullet with a measurable result above an equal one
// without: employers read numbers first.
const figureBonus = 1

// Rank orders bullets for t, most relevant first. A bullet scores by the
// best of its competencies (the role's importance of it, plus the levels
// the person is short of it: proof where a reader would doubt you counts
// most), plus a quarter of each other required competency, plus
// figureBonus for measured results. Ties go to the more recent entry, then
// the lower evidence id, so the order is stable.
func Rank(bs []Bullet, t Target) []Ranked {
	out := make([]Ranked, 0, len(bs))
	for _, b := range bs {
		out = append(out, score(b, t))
	}
	slices.SortStableFunc(out, func(a, b Ranked) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), b.Date.Compare(a.Date), cmp.Compare(a.EvidenceID, b.EvidenceID))
	})
	return out
}

func score(b Bullet, t Target) Ranked {
	r := Ranked{Bullet: b}
	best := 0.0
	var others []string
	for _, c := range b.Competencies {
		imp, ok := t.Importance[c]
		if !ok {
			continue
		}
		s := float64(imp) + t.Gap[c]
		switch {
		case r.Lead == "" || s > best:
			if r.Lead != "" {
				others = append(others, r.Lead)
				r.Score += best / 4
			}
			r.Lead, best = c, s
		default:
			others = append(others, c)
			r.Score += s / 4
		}
	}
	r.Score += best
	if b.HasFigures {
		r.Score += figureBonus
	}
	r.Score = math.Round(r.Score*100) / 100
	r.Why = explain(r, t, others)
	return r
}

// explain says in a sentence or two why a bullet sits where it does.
func explain(r Ranked, t Target, others []string) string {
	role := t.Title
	if role == "" {
		role = "the target role"
	}
	if r.Lead == "" {
		why := "None of its competencies is among what " + role + " requires, so it follows the entries that are."
		if len(r.Competencies) == 0 {
			why = "It names no competency, so it follows the entries that show what " + role + " requires."
		}
		return why
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Shows %s, which %s rates %d of 5 in importance", t.name(r.Lead), role, t.Importance[r.Lead])
	if g := t.Gap[r.Lead]; g > 0 {
		fmt.Fprintf(&b, "; you are %s short of the level it needs, so proof of it counts", plural(g, "level"))
	}
	b.WriteString(".")
	if len(others) > 0 {
		names := make([]string, len(others))
		for i, c := range others {
			names[i] = t.name(c)
		}
		fmt.Fprintf(&b, " Also shows %s.", list(names))
	}
	if r.HasFigures {
		b.WriteString(" Its measured result lifts it.")
	}
	return b.String()
}

func (t Target) name(c string) string {
	if n := t.Names[c]; n != "" {
		return n
	}
	return c
}

// list joins names as "a, b and c".
func list(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
