package journey

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
)

// ExportPerson gathers all of p's data in a stable order: assessments by
// start, evidence and learning items by creation, journal entries by date,
// oldest first; certifications by key; weeks by date. Importing the result
// inserts in this order, so exporting the imported person again gives the
// same records in the same order.
func (j *Journey) ExportPerson(ctx context.Context, p *ladder.Person) (_ *ladder.PersonData, err error) {
	defer func() {
		if err != nil && ladder.ErrorCode(err) == ladder.EINTERNAL {
			err = fmt.Errorf("ExportPerson(%d): %w", p.ID, err)
		}
	}()
	d := &ladder.PersonData{Person: *p}
	if d.Assessments, err = j.Assessments.FindAssessments(ctx, ladder.AssessmentFilter{PersonID: p.ID}); err != nil {
		return nil, err
	}
	slices.SortStableFunc(d.Assessments, func(a, b *ladder.Assessment) int {
		return cmp.Or(a.StartedAt.Compare(b.StartedAt), cmp.Compare(a.ID, b.ID))
	})
	if d.Evidence, _, err = j.Evidence.FindEvidence(ctx, ladder.EvidenceFilter{PersonID: p.ID}); err != nil {
		return nil, err
	}
	slices.SortStableFunc(d.Evidence, func(a, b *ladder.Evidence) int {
		return cmp.Or(a.Start.Compare(b.Start), cmp.Compare(a.ID, b.ID))
	})
	if d.Journal, _, err = j.Journal.FindJournal(ctx, ladder.JournalFilter{PersonID: p.ID}); err != nil {
		return nil, err
	}
	slices.SortStableFunc(d.Journal, func(a, b *ladder.JournalEntry) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
	})
	d.Plan, err = j.Plans().FindPlan(ctx, p.ID)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		d.Plan, err = nil, nil
	} else if err != nil {
		return nil, err
	}
	if d.Certifications, err = j.Certifications.FindPersonCertifications(ctx, p.ID); err != nil {
		return nil, err
	}
	slices.SortStableFunc(d.Certifications, func(a, b *ladder.PersonCertification) int { return strings.Compare(a.Key, b.Key) })
	if d.Learning, err = j.Learning.FindLearningItems(ctx, p.ID); err != nil {
		return nil, err
	}
	slices.SortStableFunc(d.Learning, func(a, b *ladder.LearningItem) int {
		return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID))
	})
	if d.Weeks, err = j.Learning.FindWeeks(ctx, p.ID, time.Time{}, time.Time{}); err != nil {
		return nil, err
	}
	slices.SortStableFunc(d.Weeks, func(a, b *ladder.TimeLog) int { return a.Week.Compare(b.Week) })
	if err := j.exportNetwork(ctx, d); err != nil {
		return nil, err
	}
	if err := j.exportFirst90(ctx, d); err != nil {
		return nil, err
	}
	if err := j.exportLanding(ctx, d); err != nil {
		return nil, err
	}
	if err := j.exportFeedback(ctx, d); err != nil {
		return nil, err
	}
	return d, nil
}

// ImportPerson stores d as a new person with all their data. Everything is
// checked first, each record by its Validate and its competency keys
// against the model in use; then one transaction writes it all, so a
// failed import writes nothing. It returns the new person.
//
// Errors: EINVALID for a record that fails validation (the message says
// which); ECONFLICT when the email is taken.
func (j *Journey) ImportPerson(ctx context.Context, d *ladder.PersonData) (*ladder.Person, error) {
	if err := j.validateImport(ctx, d); err != nil {
		return nil, err
	}
	if _, err := j.Persons.FindPersonByEmail(ctx, d.Person.Email); err == nil {
		return nil, emailTaken(d.Person.Email)
	} else if ladder.ErrorCode(err) != ladder.ENOTFOUND {
		return nil, err
	}
	if err := j.DB.ImportPerson(ctx, d); err != nil {
		if ladder.ErrorCode(err) == ladder.ECONFLICT && strings.Contains(ladder.ErrorMessage(err), d.Person.Email) {
			return nil, emailTaken(d.Person.Email)
		}
		return nil, err
	}
	p := d.Person
	return &p, nil
}

func emailTaken(email string) error {
	return &ladder.Error{Code: ladder.ECONFLICT,
		Message: fmt.Sprintf("A person with email %s exists already: import under another email with --as EMAIL.", email),
		Fields:  map[string]string{"email": "is taken"}}
}

// validateImport checks every record of d and normalises it the way the
// services do. The first failing record is reported with where it is.
func (j *Journey) validateImport(ctx context.Context, d *ladder.PersonData) error {
	m, err := j.Model(ctx)
	if err != nil {
		return err
	}
	now := j.DB.Now()
	p := &d.Person
	if err := p.Validate(); err != nil {
		return importErr("person", err)
	}
	if p.Degree != "" && p.Degree.Rank() < 0 {
		return importErr("person", &ladder.Error{Code: ladder.EINVALID, Message: "The degree is not valid.",
			Fields: map[string]string{"degree": "must be none, secondary or bachelor"}})
	}
	competencies := func(keys []string) error {
		for _, k := range keys {
			if _, ok := m.Competency(k); !ok {
				return &ladder.Error{Code: ladder.EINVALID, Message: "Unknown competency.",
					Fields: map[string]string{"competencies": fmt.Sprintf("unknown competency %q", k)}}
			}
		}
		return nil
	}
	for i, a := range d.Assessments {
		if a.Kind != ladder.AssessSelf {
			return importErr(fmt.Sprintf("assessments[%d]", i), &ladder.Error{Code: ladder.EINVALID,
				Message: "The assessment is not valid.", Fields: map[string]string{"kind": "must be " + ladder.AssessSelf}})
		}
		if a.StartedAt.IsZero() {
			return importErr(fmt.Sprintf("assessments[%d]", i), &ladder.Error{Code: ladder.EINVALID,
				Message: "The assessment is not valid.", Fields: map[string]string{"started_at": "is required"}})
		}
		if err := ladder.ValidateRatings(m, a.Ratings); err != nil {
			return importErr(fmt.Sprintf("assessments[%d]", i), err)
		}
	}
	for i, e := range d.Evidence {
		if err := e.Validate(now); err != nil {
			return importErr(fmt.Sprintf("evidence[%d]", i), err)
		}
		if err := ladder.ValidateEvidenceCompetencies(m, e.Competencies); err != nil {
			return importErr(fmt.Sprintf("evidence[%d]", i), err)
		}
	}
	for i, e := range d.Journal {
		if err := e.Validate(); err != nil {
			return importErr(fmt.Sprintf("journal[%d]", i), err)
		}
		if err := competencies(e.Competencies); err != nil {
			return importErr(fmt.Sprintf("journal[%d]", i), err)
		}
		e.Tags, e.Competencies = uniqueSorted(e.Tags), uniqueSorted(e.Competencies)
	}
	if d.Plan != nil {
		if err := d.Plan.Validate(); err != nil {
			return importErr("plan", err)
		}
	}
	seen := map[string]bool{}
	for i, c := range d.Certifications {
		if err := c.Validate(); err != nil {
			return importErr(fmt.Sprintf("certifications[%d]", i), err)
		}
		if !knownCert(c.Key) {
			return importErr(fmt.Sprintf("certifications[%d]", i), &ladder.Error{Code: ladder.EINVALID,
				Message: "The certification record is not valid.", Fields: map[string]string{"key": "is not in the catalogue"}})
		}
		if seen[c.Key] {
			return importErr(fmt.Sprintf("certifications[%d]", i), &ladder.Error{Code: ladder.EINVALID,
				Message: "The certification record is not valid.", Fields: map[string]string{"key": "is listed twice"}})
		}
		seen[c.Key] = true
		c.Started, c.ExamBooked, c.Passed, c.Expires = ladder.Day(c.Started), ladder.Day(c.ExamBooked), ladder.Day(c.Passed), ladder.Day(c.Expires)
	}
	for i, it := range d.Learning {
		if err := it.Validate(); err != nil {
			return importErr(fmt.Sprintf("learning[%d]", i), err)
		}
		if err := competencies(it.Competencies); err != nil {
			return importErr(fmt.Sprintf("learning[%d]", i), err)
		}
		it.Competencies = uniqueSorted(it.Competencies)
	}
	weeks := map[time.Time]bool{}
	for i, l := range d.Weeks {
		if err := l.Validate(); err != nil {
			return importErr(fmt.Sprintf("weeks[%d]", i), err)
		}
		if weeks[l.Week] {
			return importErr(fmt.Sprintf("weeks[%d]", i), &ladder.Error{Code: ladder.EINVALID,
				Message: "The week's hours are not valid.", Fields: map[string]string{"week": "is listed twice"}})
		}
		weeks[l.Week] = true
	}
	if err := validateNetworkImport(m, d); err != nil {
		return err
	}
	if err := validateFirst90Import(d); err != nil {
		return err
	}
	if err := validateLandingImport(d, now); err != nil {
		return err
	}
	return validateFeedbackImport(m, d)
}

// importErr says which record of the import failed, keeping the code and
// the field messages.
func importErr(where string, err error) error {
	if ladder.ErrorCode(err) == ladder.EINTERNAL {
		return err
	}
	out := &ladder.Error{Code: ladder.ErrorCode(err), Message: "Nothing was imported: " + where + ": " + ladder.ErrorMessage(err)}
	var e *ladder.Error
	if errors.As(err, &e) && len(e.Fields) > 0 {
		out.Fields = make(map[string]string, len(e.Fields))
		for k, v := range e.Fields {
			out.Fields[where+"."+k] = v
		}
	}
	return out
}

func uniqueSorted(in []string) []string {
	out := slices.Clone(in)
	slices.Sort(out)
	return slices.Compact(out)
}
