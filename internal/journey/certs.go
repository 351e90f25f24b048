package journey

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/certs"
)

// knownCert reports whether key is in the built-in catalogue.
func knownCert(key string) bool {
	c, err := certs.Load()
	if err != nil {
		return false
	}
	_, ok := c.Find(key)
	return ok
}

// CISSPSecurityOperations is the CISSP domain that incident response
// belongs to.
const CISSPSecurityOperations = "security-operations"

// EvidenceExperience turns a person's evidence log into the experience
// that certification eligibility counts. The mapping is deliberately
// narrow, so Ladder never claims experience an issuer would not see:
//
//   - led-project is project leadership (PMP, CAPM...) over the entry's
//     dates; an entry with one date and a length in months runs that many
//     months from its date, one without a length counts its one day.
//   - incident-lead is security work in CISSP's Security Operations domain,
//     because ISC2 lists incident management in that domain. It is not
//     security management (CISM asks for running a security programme,
//     which leading an incident does not show), and an outage that was no
//     security incident would not count with ISC2: the eligibility page
//     says so (SecurityNote).
//   - every other kind (mentoring, budgets, hiring...) shows management
//     but no certification counts it as such, so it is left out.
//
// Each Experience's Note names its entry, so the check's sources can be
// shown.
func EvidenceExperience(es []*ladder.Evidence) []ladder.Experience {
	var out []ladder.Experience
	for _, e := range es {
		x := ladder.Experience{Start: ladder.Day(e.Start), End: evidenceEnd(e), Note: fmt.Sprintf("#%d %s", e.ID, e.Title)}
		switch e.Kind {
		case ladder.EvidenceLedProject:
			x.Kind = ladder.ExperienceProjectLead
		case ladder.EvidenceIncidentLead:
			x.Kind, x.Domains = ladder.ExperienceSecurity, []string{CISSPSecurityOperations}
		default:
			continue
		}
		out = append(out, x)
	}
	return out
}

// SecurityNote is shown beside eligibility counted from incident entries.
const SecurityNote = "Incidents you led count as security work in the Security Operations domain; " +
	"an outage that was not a security incident would not count with the issuer."

// evidenceEnd is the last day of an entry's period.
func evidenceEnd(e *ladder.Evidence) time.Time {
	switch {
	case !e.End.IsZero():
		return ladder.Day(e.End)
	case e.Months > 0:
		whole := int(e.Months)
		end := ladder.Day(e.Start).AddDate(0, whole, int(math.Round((e.Months-float64(whole))*30)))
		return end.AddDate(0, 0, -1)
	}
	return ladder.Day(e.Start)
}

// CertView is one catalogue certification with the person's record (nil
// when they have none) and their eligibility.
type CertView struct {
	Cert        ladder.Certification
	Record      *ladder.PersonCertification
	Eligibility ladder.Eligibility
	// Counted is the experience from the evidence log the check counted:
	// entries of the kinds its requirements ask for.
	Counted []ladder.Experience
}

// CertOverview is the whole catalogue for one person.
type CertOverview struct {
	AsOf   time.Time
	Degree ladder.Degree
	Certs  []CertView
	// Recommendations fit the target role and the top gaps (GapKeys);
	// empty while no target role is chosen.
	Recommendations []certs.Recommendation
	GapKeys         []string
}

// maxRecommendGaps is how many of the biggest gaps recommendations weigh.
const maxRecommendGaps = 5

// CertificationOverview returns every catalogue certification with the person's
// status, eligibility from their evidence log and degree, and the
// recommendations for their target role and biggest gaps.
func (j *Journey) CertificationOverview(ctx context.Context, p *ladder.Person) (*CertOverview, error) {
	cat, err := certs.Load()
	if err != nil {
		return nil, err
	}
	records, err := j.Certifications.FindPersonCertifications(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	held := make([]ladder.PersonCertification, 0, len(records))
	byKey := map[string]*ladder.PersonCertification{}
	for _, r := range records {
		held = append(held, *r)
		byKey[r.Key] = r
	}
	o := &CertOverview{AsOf: j.DB.Now(), Degree: p.Degree}
	evidence, err := j.recommend(ctx, cat, p, o, held)
	if err != nil {
		return nil, err
	}
	exp := EvidenceExperience(evidence)
	in := certs.EligibilityInput{Degree: p.Degree, Experience: exp, Held: held, AsOf: o.AsOf}
	for _, c := range cat.All() {
		el, err := cat.Check(c.Key, in)
		if err != nil {
			return nil, err
		}
		o.Certs = append(o.Certs, CertView{Cert: c, Record: byKey[c.Key], Eligibility: el, Counted: counted(c, exp)})
	}
	return o, nil
}

// recommend fills the recommendations when the person has a target role
// and returns their evidence log, read once for both uses.
func (j *Journey) recommend(ctx context.Context, cat *certs.Catalog, p *ladder.Person, o *CertOverview,
	held []ladder.PersonCertification) ([]*ladder.Evidence, error) {
	if p.TargetRole == "" {
		es, _, err := j.Evidence.FindEvidence(ctx, ladder.EvidenceFilter{PersonID: p.ID})
		return es, err
	}
	s, err := j.Snapshot(ctx, p, "")
	if err != nil {
		return nil, err
	}
	for _, g := range s.Gaps() {
		if g.Gap > 0 && len(o.GapKeys) < maxRecommendGaps {
			o.GapKeys = append(o.GapKeys, g.Competency)
		}
	}
	o.Recommendations, err = cat.Recommend(certs.RecommendInput{TargetRole: s.Target.Slug, Gaps: o.GapKeys, Held: held, AsOf: o.AsOf})
	return s.Evidence, err
}

// counted keeps the experience of the kinds c's requirements ask for.
func counted(c ladder.Certification, exp []ladder.Experience) []ladder.Experience {
	kinds := map[string]bool{}
	for _, r := range c.Prerequisites.Experience {
		for _, k := range r.Kinds {
			kinds[k] = true
		}
	}
	for _, k := range c.Prerequisites.Training.Kinds {
		kinds[k] = true
	}
	var out []ladder.Experience
	for _, x := range exp {
		if kinds[x.Kind] {
			out = append(out, x)
		}
	}
	return out
}

// Certification returns one certification of the overview, or ENOTFOUND.
func (o *CertOverview) Certification(key string) (*CertView, error) {
	for i := range o.Certs {
		if o.Certs[i].Cert.Key == key {
			return &o.Certs[i], nil
		}
	}
	return nil, ladder.Errorf(ladder.ENOTFOUND, "Ladder has no certification %q: see the list of certifications.", key)
}
