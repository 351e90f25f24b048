package readiness

import (
	"fmt"
	"time"

	"github.com/ladderhq/ladder"
)

// SourceEvidence names the evidence log in the parts of a level. It is never
// the Source of a level: evidence only adds to a self-rating, an estimate or
// the floor.
const SourceEvidence = "evidence"

// The evidence rule (docs/readiness.md, section 1). Behaviourally anchored
// levels describe what a person does habitually, so one entry confirms a
// level without raising it; from the second, each entry adds a little, and
// the lift is capped so a long log cannot outweigh a rating. Old practice
// counts half: leading people is a skill that fades without use. The log is
// reported by the person, like the rating, so it lends less confidence than
// other people's feedback will.
const (
	// EvidenceWindowYears is how far back an entry counts in full.
	EvidenceWindowYears = 3
	// EvidenceOldWeight is what an entry older than the window counts.
	EvidenceOldWeight = 0.5
	// EvidenceStep is the lift per weighted entry beyond the first.
	EvidenceStep = 0.25
	// EvidenceMaxLift caps the lift above the level from the other sources.
	EvidenceMaxLift = 0.5
	// EvidenceConfidenceStep is the confidence per weighted entry.
	EvidenceConfidenceStep = 0.05
	// EvidenceMaxConfidence caps the confidence evidence adds.
	EvidenceMaxConfidence = 0.15
)

// EvidencePoint is one logged entry linked to a competency, as the rule
// sees it.
type EvidencePoint struct {
	// At is the day the practice was last shown: the entry's end date, or
	// its date. An entry counts from that day on.
	At   time.Time
	Kind string
}

// EvidencePoints groups entries by the competencies they are linked to.
func EvidencePoints(es []*ladder.Evidence) map[string][]EvidencePoint {
	out := map[string][]EvidencePoint{}
	for _, e := range es {
		p := EvidencePoint{At: e.LastDay(), Kind: e.Kind}
		for _, c := range e.Competencies {
			out[c] = append(out[c], p)
		}
	}
	return out
}

// evidenceWeight sums the weights of the entries that count at asOf:
// entries after asOf do not count yet; those older than the window count
// EvidenceOldWeight. A zero asOf counts every entry in full.
func evidenceWeight(ps []EvidencePoint, asOf time.Time) (weight float64, n, old int) {
	cutoff := asOf.AddDate(-EvidenceWindowYears, 0, 0)
	for _, p := range ps {
		switch {
		case asOf.IsZero():
			weight++
		case p.At.After(asOf):
			continue
		case p.At.Before(cutoff):
			weight += EvidenceOldWeight
			old++
		default:
			weight++
		}
		n++
	}
	return weight, n, old
}

// EvidenceLift returns what evidence of a total weight adds to a level and
// to its confidence: EvidenceStep per weighted entry beyond the first, at
// most EvidenceMaxLift; EvidenceConfidenceStep per weighted entry, at most
// EvidenceMaxConfidence.
func EvidenceLift(weight float64) (level, confidence float64) {
	level = min(EvidenceMaxLift, EvidenceStep*max(0, weight-1))
	confidence = min(EvidenceMaxConfidence, EvidenceConfidenceStep*weight)
	return level, confidence
}

// applyEvidence adds the evidence of one competency to cur and, with
// explain, records its part and says it in the basis.
func applyEvidence(cur *Current, ps []EvidencePoint, asOf time.Time, explain bool) {
	weight, n, old := evidenceWeight(ps, asOf)
	if n == 0 {
		return
	}
	lift, conf := EvidenceLift(weight)
	base := cur.Level
	cur.Level = min(ladder.MaxLevel, base+lift)
	lift = cur.Level - base
	cur.Confidence += conf
	cur.Evidence = n
	if !explain {
		return
	}
	what := fmt.Sprintf("%d evidence %s", n, plural(n, "entry", "entries"))
	if old > 0 {
		what += fmt.Sprintf(", %d older than %d years", old, EvidenceWindowYears)
	}
	var basis string
	switch {
	case lift > 0:
		basis = fmt.Sprintf(" + %s (+%s)", what, trim(lift))
		if lift == EvidenceMaxLift {
			basis = fmt.Sprintf(" + %s (+%s, the most evidence adds)", what, trim(lift))
		}
	case base >= ladder.MaxLevel:
		basis = fmt.Sprintf("; backed by %s", what)
	case old > 0:
		basis = fmt.Sprintf("; backed by %s (no lift yet: lifts start with a second entry, and old ones count half)", what)
	default:
		basis = fmt.Sprintf("; backed by %s (no lift yet: lifts start with a second entry)", what)
	}
	cur.Basis += basis
	cur.Parts = append(cur.Parts, Part{Source: SourceEvidence, Value: lift, Text: what + " +" + trim(lift)})
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// trim formats a level or lift without trailing zeros: 0.5, 0.25, 0.13.
func trim(v float64) string {
	s := fmt.Sprintf("%.2f", round(v, 2))
	for s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	return s
}
