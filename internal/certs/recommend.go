package certs

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/ladderhq/ladder"
)

// RecommendInput is what Recommend ranks certifications for.
type RecommendInput struct {
	TargetRole string   // target role slug
	Gaps       []string // competency keys, biggest gap first
	Held       []ladder.PersonCertification
	AsOf       time.Time // held certifications must be valid on this day
}

// Recommendation is one certification worth considering, with why.
type Recommendation struct {
	Key      string
	Name     string
	Score    float64
	FitsRole bool
	// Covers are the gaps it helps with, in the order of the gaps given.
	Covers []string
	Reason string
	// NextStep names a certification to hold first, when one is asked.
	NextStep string
}

// Weights of the ranking. Fitting the target role counts for as much as
// covering the biggest gap; later gaps count for less (1 + 1/rank), so a
// certification that covers the top gaps comes before one covering many
// small ones.
const roleWeight = 2.0

// Recommend ranks the certifications that fit the target role or cover at
// least one gap, best first; ties go by key so the order never changes for
// the same input. Certifications held and valid on AsOf are skipped, and so
// are those a held one supersedes. It returns EINVALID for an unknown role
// or competency.
func (c *Catalog) Recommend(in RecommendInput) ([]Recommendation, error) {
	role, err := c.validateRecommend(in)
	if err != nil {
		return nil, err
	}
	asOf := day(in.AsOf)
	skip := map[string]bool{}
	held := map[string]bool{}
	for i := range in.Held {
		h := &in.Held[i]
		if !h.HeldAt(asOf) {
			continue
		}
		held[h.Key], skip[h.Key] = true, true
		if cert, ok := c.Find(h.Key); ok {
			for _, k := range cert.Supersedes {
				skip[k] = true
			}
		}
	}
	var out []Recommendation
	for _, cert := range c.certs {
		if skip[cert.Key] {
			continue
		}
		r := Recommendation{Key: cert.Key, Name: cert.Name, FitsRole: slices.Contains(cert.Roles, in.TargetRole)}
		if r.FitsRole {
			r.Score += roleWeight
		}
		for i, g := range in.Gaps {
			if slices.Contains(cert.Competencies, g) {
				r.Covers = append(r.Covers, g)
				r.Score += 1 + 1/float64(i+1)
			}
		}
		if r.Score == 0 {
			continue
		}
		r.Reason = c.reason(r, role)
		for _, k := range cert.Prerequisites.Held {
			if !held[k] {
				r.NextStep = fmt.Sprintf("Hold a valid %s first.", c.name(k))
				break
			}
		}
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b Recommendation) int {
		if a.Score != b.Score {
			return cmp.Compare(b.Score, a.Score)
		}
		return strings.Compare(a.Key, b.Key)
	})
	return out, nil
}

func (c *Catalog) validateRecommend(in RecommendInput) (ladder.Role, error) {
	f := ladder.FieldErrors{}
	role, ok := c.model.Role(in.TargetRole)
	if !ok || role.Kind != ladder.RoleTarget {
		f.Add("target_role", "%q is not a target role", in.TargetRole)
	}
	for i, g := range in.Gaps {
		if _, ok := c.model.Competency(g); !ok {
			f.Add(fmt.Sprintf("gaps[%d]", i), "%q is not a competency", g)
		}
	}
	if in.AsOf.IsZero() {
		f.Add("as_of", "is required")
	}
	return role, f.Err("Ladder cannot recommend certifications for this input.")
}

// reason says in plain words why a certification is on the list.
func (c *Catalog) reason(r Recommendation, role ladder.Role) string {
	names := make([]string, 0, len(r.Covers))
	for _, k := range r.Covers {
		comp, _ := c.model.Competency(k)
		names = append(names, lowerFirst(comp.Name))
	}
	gaps := fmt.Sprintf("%d of your gaps: %s", len(names), andList(names))
	if len(names) == 1 {
		gaps = "one of your gaps: " + names[0]
	}
	title := lowerFirst(role.Title)
	switch {
	case r.FitsRole && len(names) > 0:
		return fmt.Sprintf("Fits the %s role and works on %s.", title, gaps)
	case r.FitsRole:
		return fmt.Sprintf("Fits the %s role, though it does not target your current gaps.", title)
	}
	return fmt.Sprintf("Works on %s, though it is not a usual credential for the %s role.", gaps, title)
}

func andList(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// lowerFirst lower-cases a leading capital unless the word is an acronym
// ("IT business value" stays).
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 1 && unicode.IsUpper(r[0]) && !unicode.IsUpper(r[1]) {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}
