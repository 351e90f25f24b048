package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/certs"
	"github.com/ladderhq/ladder/internal/journey"
)

// CertsPage is the catalogue with the person's status and eligibility,
// recommendations first.
type CertsPage struct {
	Base
	Degree          string
	Recommendations []RecommendationView
	Rows            []CertRow
}

// RecommendationView is one recommended certification.
type RecommendationView struct{ Key, Name, Reason, NextStep string }

// CertRow is one certification of the catalogue table.
type CertRow struct {
	Key, Abbrev, Name, Issuer, Status string
	Eligible                          bool
	// Summary is the eligibility in a few words.
	Summary string
}

// CertPage is one certification: facts with sources, eligibility and the
// status form.
type CertPage struct {
	Base
	Key, Name, Abbrev, Issuer, Shows, Link, LinkChecked string
	Facts                                               []FactView
	Eligible                                            bool
	Met, Missing, Alternatives, Notes                   []string
	Counted                                             []CountedView
	Statuses                                            []Option
	Form                                                CertForm
	State                                               FormState
}

// FactView is one section of a certification's facts.
type FactView struct {
	Section, Summary string
	Sources          []SourceView
	Unconfirmed      []string
}

// SourceView is where a fact comes from and when it was checked.
type SourceView struct {
	Name, URL, Checked string
	SecondHand         bool
}

// CountedView is one evidence entry the eligibility check counted.
type CountedView struct{ Kind, Start, End, From string }

// CertForm holds the status form's values, kept after an error.
type CertForm struct{ Status, Hours, Started, Booked, Passed, Expires, Notes string }

var certStatusLabels = []Option{{Value: string(ladder.CertConsidering), Label: "Considering"},
	{Value: string(ladder.CertStudying), Label: "Studying"}, {Value: string(ladder.CertBooked), Label: "Exam booked"},
	{Value: string(ladder.CertPassed), Label: "Passed"}, {Value: string(ladder.CertExpired), Label: "Expired"}}

func statusLabel(r *ladder.PersonCertification) string {
	if r == nil {
		return "–"
	}
	for _, o := range certStatusLabels {
		if o.Value == string(r.Status) {
			return o.Label
		}
	}
	return string(r.Status)
}

// Certs shows the catalogue.
func (wb *Web) Certs(w http.ResponseWriter, r *http.Request) error {
	p := ladder.PersonFromContext(r.Context())
	o, err := wb.J.CertificationOverview(r.Context(), p)
	if err != nil {
		return err
	}
	page := CertsPage{Base: wb.base(w, r, "Certifications", "certs"), Degree: string(o.Degree)}
	for _, rec := range o.Recommendations {
		page.Recommendations = append(page.Recommendations, RecommendationView{Key: rec.Key, Name: rec.Name, Reason: rec.Reason, NextStep: rec.NextStep})
	}
	for _, v := range o.Certs {
		row := CertRow{Key: v.Cert.Key, Abbrev: v.Cert.Abbrev, Name: v.Cert.Name, Issuer: v.Cert.Issuer,
			Status: statusLabel(v.Record), Eligible: v.Eligibility.Eligible, Summary: "Eligible"}
		if n := len(v.Eligibility.Missing); n > 0 {
			row.Summary = "Missing: " + v.Eligibility.Missing[0]
			if n > 1 {
				row.Summary += " (and " + strconv.Itoa(n-1) + " more)"
			}
		}
		page.Rows = append(page.Rows, row)
	}
	return wb.render(w, r, "certs", page)
}

// Cert shows one certification with the person's status form.
func (wb *Web) Cert(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.certPage(w, r, nil)
	if err != nil {
		return err
	}
	return wb.render(w, r, "cert", page)
}

// certPage builds the page; form is the submitted form, nil to show the
// stored record.
func (wb *Web) certPage(w http.ResponseWriter, r *http.Request, form *CertForm) (*CertPage, error) {
	p := ladder.PersonFromContext(r.Context())
	o, err := wb.J.CertificationOverview(r.Context(), p)
	if err != nil {
		return nil, err
	}
	v, err := o.Certification(r.PathValue("key"))
	if err != nil {
		return nil, err
	}
	c, el := v.Cert, v.Eligibility
	page := &CertPage{Base: wb.base(w, r, c.Abbrev, "certs"), Key: c.Key, Name: c.Name, Abbrev: c.Abbrev, Issuer: c.Issuer,
		Shows: c.Shows, Link: c.Link.URL, LinkChecked: certDay(c.Link.Checked), Eligible: el.Eligible, Met: el.Met,
		Missing: el.Missing, Alternatives: el.Alternatives, Notes: el.Notes}
	page.Facts = certFacts(c)
	for _, x := range v.Counted {
		page.Counted = append(page.Counted, CountedView{Kind: x.Kind, Start: certDay(x.Start), End: certDay(x.End), From: x.Note})
		if x.Kind == ladder.ExperienceSecurity && !certContains(page.Notes, journey.SecurityNote) {
			page.Notes = append(page.Notes, journey.SecurityNote)
		}
	}
	if form == nil {
		form = recordForm(v.Record)
	}
	page.Form = *form
	for _, s := range certStatusLabels {
		s.Selected = s.Value == form.Status
		page.Statuses = append(page.Statuses, s)
	}
	return page, nil
}

func certContains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func certDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func certFacts(c ladder.Certification) []FactView {
	var out []FactView
	add := func(section, summary string, srcs []ladder.Source, unconfirmed []string) {
		f := FactView{Section: section, Summary: summary, Unconfirmed: unconfirmed}
		for _, s := range srcs {
			f.Sources = append(f.Sources, SourceView{Name: s.Name, URL: s.URL, Checked: certDay(s.Checked), SecondHand: s.SecondHand})
		}
		out = append(out, f)
	}
	p := c.Prerequisites
	add("Prerequisites", p.Summary, p.Sources, p.Unconfirmed)
	add("Exam", certs.ExamSummary(c.Exam), c.Exam.Sources, c.Exam.Unconfirmed)
	add("Typical cost", certs.CostSummary(c.Cost), c.Cost.Sources, c.Cost.Unconfirmed)
	add("Study hours", certs.StudySummary(c.StudyHours), c.StudyHours.Sources, c.StudyHours.Unconfirmed)
	add("Renewal", c.Renewal.Summary, c.Renewal.Sources, c.Renewal.Unconfirmed)
	return out
}

func recordForm(rec *ladder.PersonCertification) *CertForm {
	if rec == nil {
		return &CertForm{Status: string(ladder.CertConsidering)}
	}
	return &CertForm{Status: string(rec.Status), Hours: strconv.FormatFloat(rec.StudyHours, 'f', -1, 64),
		Started: certDay(rec.Started), Booked: certDay(rec.ExamBooked), Passed: certDay(rec.Passed), Expires: certDay(rec.Expires), Notes: rec.Notes}
}

// SaveCert sets the person's status with a certification.
func (wb *Web) SaveCert(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	form := CertForm{Status: r.PostFormValue("status"), Hours: r.PostFormValue("hours"), Started: r.PostFormValue("started"),
		Booked: r.PostFormValue("booked"), Passed: r.PostFormValue("passed"), Expires: r.PostFormValue("expires"),
		Notes: r.PostFormValue("notes")}
	page, err := wb.certPage(w, r, &form)
	if err != nil {
		return err // an unknown key is a 404, before any form checks
	}
	c, err := form.record(p.ID, page.Key)
	if err == nil {
		err = wb.J.Certifications.SetPersonCertification(ctx, c)
	}
	if err != nil {
		return wb.formError(w, r, "cert", &page.Base, err, func(msg string, f map[string]string) any {
			page.State = FormState{Error: msg, Fields: f}
			return page
		})
	}
	return redirect(w, r, "/certs/"+page.Key, "Saved your status with "+page.Abbrev+".")
}

// record parses the form; numbers and dates that do not parse are field
// errors, reported with the domain's own complaints.
func (f CertForm) record(personID int64, key string) (*ladder.PersonCertification, error) {
	c := &ladder.PersonCertification{PersonID: personID, Key: key, Status: ladder.CertStatus(f.Status), Notes: f.Notes}
	fe := ladder.FieldErrors{}
	if h := strings.TrimSpace(f.Hours); h != "" {
		v, err := strconv.ParseFloat(h, 64)
		if err != nil {
			fe.Add("study_hours", "must be a number of hours")
		}
		c.StudyHours = v
	}
	for _, d := range []struct {
		field, v string
		dst      *time.Time
	}{{"started", f.Started, &c.Started}, {"exam_booked", f.Booked, &c.ExamBooked}, {"passed", f.Passed, &c.Passed}, {"expires", f.Expires, &c.Expires}} {
		if d.v == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, d.v)
		if err != nil {
			fe.Add(d.field, "must be a date (YYYY-MM-DD)")
		}
		*d.dst = t
	}
	if len(fe) > 0 {
		addDomainErrors(fe, c.Validate())
		return nil, fe.Err("The certification record is not valid.")
	}
	return c, nil
}
