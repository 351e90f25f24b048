package api

import (
	"strings"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/certs"
	"github.com/ladderhq/ladder/internal/journey"
)

// CertificationList is the certification catalogue for the signed-in
// person: each entry with their status, eligibility and whether it is
// recommended for their target role and biggest gaps.
type CertificationList struct {
	AsOf           string          `json:"as_of" doc:"the day eligibility was checked (YYYY-MM-DD)"`
	Degree         string          `json:"degree" doc:"your highest degree: none, secondary or bachelor; empty when unknown"`
	Gaps           []string        `json:"gaps" doc:"competency keys of the biggest gaps that recommendations weigh"`
	Certifications []Certification `json:"certifications"`
}

// Certification is one catalogue certification with the person's record
// and eligibility.
type Certification struct {
	Key            string               `json:"key"`
	Name           string               `json:"name"`
	Abbrev         string               `json:"abbrev"`
	Issuer         string               `json:"issuer"`
	Shows          string               `json:"shows" doc:"what holding it tells an employer"`
	URL            string               `json:"url" doc:"the issuer's page"`
	Prerequisites  string               `json:"prerequisites" doc:"the prerequisites in a sentence or two"`
	Competencies   []string             `json:"competencies" doc:"competency keys it helps build"`
	Roles          []string             `json:"roles" doc:"target role slugs it suits"`
	Status         string               `json:"status" enum:"none,considering,studying,booked,passed,expired" doc:"your status; none when you have no record"`
	Record         *CertificationRecord `json:"record" doc:"your record; null when you have none"`
	Eligibility    Eligibility          `json:"eligibility"`
	Recommended    bool                 `json:"recommended" doc:"it fits your target role or covers one of your biggest gaps, and you do not hold it"`
	Recommendation *CertRecommendation  `json:"recommendation" doc:"why it is recommended; null when it is not"`
}

// CertificationRecord is a person's record of one certification. Dates
// are days, written YYYY-MM-DD, or null when not set.
type CertificationRecord struct {
	Status     string    `json:"status" enum:"considering,studying,booked,passed,expired"`
	StudyHours float64   `json:"study_hours"`
	Started    *string   `json:"started" doc:"when study began"`
	ExamBooked *string   `json:"exam_booked" doc:"the date of the booked exam"`
	Passed     *string   `json:"passed" doc:"the date of the pass"`
	Expires    *string   `json:"expires" doc:"the end of validity"`
	Notes      string    `json:"notes"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// Eligibility is a guide to whether the person meets a certification's
// prerequisites, from their evidence log, degree and certifications held.
// The issuer judges the real application.
type Eligibility struct {
	Eligible     bool     `json:"eligible"`
	Met          []string `json:"met" doc:"prerequisites met, in plain sentences"`
	Missing      []string `json:"missing" doc:"prerequisites missing; empty exactly when eligible"`
	Alternatives []string `json:"alternatives" doc:"other routes worth knowing"`
	Notes        []string `json:"notes" doc:"where the issuer's judgement matters"`
}

// CertRecommendation says why a certification is recommended.
type CertRecommendation struct {
	Rank     int      `json:"rank" doc:"1 for the best fit"`
	FitsRole bool     `json:"fits_role"`
	Covers   []string `json:"covers" doc:"the gaps it helps with, biggest first"`
	Reason   string   `json:"reason"`
	NextStep string   `json:"next_step,omitempty" doc:"a certification to hold first, when one is asked"`
}

// NewCertificationList converts a person's certification overview.
func NewCertificationList(o *journey.CertOverview) CertificationList {
	out := CertificationList{AsOf: o.AsOf.UTC().Format(time.DateOnly), Degree: string(o.Degree),
		Gaps: append([]string{}, o.GapKeys...), Certifications: make([]Certification, 0, len(o.Certs))}
	for i := range o.Certs {
		out.Certifications = append(out.Certifications, NewCertification(o, &o.Certs[i]))
	}
	return out
}

// NewCertification converts one certification of an overview.
func NewCertification(o *journey.CertOverview, v *journey.CertView) Certification {
	c := v.Cert
	out := Certification{Key: c.Key, Name: c.Name, Abbrev: c.Abbrev, Issuer: c.Issuer, Shows: c.Shows, URL: c.Link.URL,
		Prerequisites: c.Prerequisites.Summary, Competencies: append([]string{}, c.Competencies...),
		Roles: append([]string{}, c.Roles...), Status: "none", Eligibility: newEligibility(v.Eligibility)}
	if r := v.Record; r != nil {
		out.Status = string(r.Status)
		out.Record = &CertificationRecord{Status: string(r.Status), StudyHours: r.StudyHours, Started: day(r.Started),
			ExamBooked: day(r.ExamBooked), Passed: day(r.Passed), Expires: day(r.Expires), Notes: r.Notes, UpdatedAt: r.UpdatedAt}
	}
	for i, rec := range o.Recommendations {
		if rec.Key == c.Key {
			out.Recommended = true
			out.Recommendation = newCertRecommendation(i+1, rec)
		}
	}
	return out
}

func newCertRecommendation(rank int, r certs.Recommendation) *CertRecommendation {
	return &CertRecommendation{Rank: rank, FitsRole: r.FitsRole, Covers: append([]string{}, r.Covers...),
		Reason: r.Reason, NextStep: r.NextStep}
}

func newEligibility(e ladder.Eligibility) Eligibility {
	return Eligibility{Eligible: e.Eligible, Met: append([]string{}, e.Met...), Missing: append([]string{}, e.Missing...),
		Alternatives: append([]string{}, e.Alternatives...), Notes: append([]string{}, e.Notes...)}
}

// day writes a day as YYYY-MM-DD, nil when zero.
func day(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

// CertificationUpdate is the body of PUT /api/v1/certifications/{key}: the
// whole record, which replaces any the person had. Dates are YYYY-MM-DD.
type CertificationUpdate struct {
	Status     string  `json:"status" enum:"considering,studying,booked,passed,expired"`
	StudyHours float64 `json:"study_hours,omitempty" doc:"hours studied so far, 0-10000"`
	Started    string  `json:"started,omitempty" doc:"when study began"`
	ExamBooked string  `json:"exam_booked,omitempty" doc:"the date of the booked exam; required when booked"`
	Passed     string  `json:"passed,omitempty" doc:"the date of the pass; required when passed or when expires is given"`
	Expires    string  `json:"expires,omitempty" doc:"the end of validity; required when expired"`
	Notes      string  `json:"notes,omitempty" doc:"at most 4000 characters"`
}

// Record converts the body; dates that do not parse are field errors,
// reported beside the record's own complaints.
func (b CertificationUpdate) Record(personID int64, key string) (*ladder.PersonCertification, error) {
	c := &ladder.PersonCertification{PersonID: personID, Key: key, Status: ladder.CertStatus(b.Status),
		StudyHours: b.StudyHours, Notes: b.Notes}
	f := ladder.FieldErrors{}
	for _, d := range []struct {
		field, v string
		dst      *time.Time
	}{{"started", b.Started, &c.Started}, {"exam_booked", b.ExamBooked, &c.ExamBooked},
		{"passed", b.Passed, &c.Passed}, {"expires", b.Expires, &c.Expires}} {
		if strings.TrimSpace(d.v) == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, strings.TrimSpace(d.v))
		if err != nil {
			f.Add(d.field, "must be a date (YYYY-MM-DD)")
		}
		*d.dst = t
	}
	if len(f) > 0 {
		if verr, ok := c.Validate().(*ladder.Error); ok {
			for k, v := range verr.Fields {
				if _, ok := f[k]; !ok {
					f.Add(k, "%s", v)
				}
			}
		}
		return nil, f.Err("The certification record is not valid.")
	}
	return c, nil
}

// DegreeUpdate is the body of PUT /api/v1/me/degree.
type DegreeUpdate struct {
	Degree string `json:"degree" enum:"none,secondary,bachelor" doc:"your highest completed education; bachelor stands for a four-year degree or its equivalent"`
}

// Degree is the person's recorded degree.
type Degree struct {
	Degree string `json:"degree" enum:"none,secondary,bachelor"`
}
