package sqldb

import (
	"context"
	"slices"
	"time"

	"github.com/ladderhq/ladder"
)

// ImportPerson writes a person and all their data in one transaction: all
// or nothing. The caller validates d first (journey.ImportPerson does);
// what only the database can check (a taken email, a repeated key) fails
// here and rolls everything back. Records are inserted in the order given
// and get new ids; their times are kept as they are, except the plan's
// row times and the time logs' (which the export does not carry). d's ids
// are set to the new ones.
func (db *DB) ImportPerson(ctx context.Context, d *ladder.PersonData) (err error) {
	defer wrap(&err, "ImportPerson")
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	p := &d.Person
	if p.CreatedAt.IsZero() {
		p.CreatedAt = tx.now
	}
	if p.UpdatedAt.IsZero() {
		p.UpdatedAt = p.CreatedAt
	}
	err = tx.QueryRowContext(ctx, `INSERT INTO persons (name, email, start_role, target_role, degree, created_at, updated_at, data_version)
		VALUES ($1, $2, $3, $4, $5, $6, $7, 1) RETURNING id`,
		p.Name, p.Email, p.StartRole, p.TargetRole, string(p.Degree), p.CreatedAt, p.UpdatedAt).Scan(&p.ID)
	if err := mapErr(err); err != nil {
		if ladder.ErrorCode(err) == ladder.ECONFLICT {
			return &ladder.Error{Code: ladder.ECONFLICT, Message: "A person with email " + p.Email + " exists already.",
				Fields: map[string]string{"email": "is taken"}}
		}
		return err
	}
	p.Version = 1
	planRefs := planActionRefs(d.Plan)
	oldEvidence := evidenceIDs(d.Evidence)
	for _, step := range []func() error{
		func() error { return importAssessments(ctx, tx, p.ID, d.Assessments) },
		func() error { return importEvidence(ctx, tx, p.ID, d.Evidence) },
		func() error { return importJournal(ctx, tx, p.ID, d.Journal) },
		func() error { return importPlan(ctx, tx, p.ID, d.Plan) },
		func() error { return importCertifications(ctx, tx, p.ID, d.Certifications) },
		func() error { return importLearning(ctx, tx, p.ID, d.Learning) },
		func() error { return importWeeks(ctx, tx, p.ID, d.Weeks) },
		func() error { return importNetwork(ctx, tx, p.ID, d, planRefs) },
		func() error { return importFirst90(ctx, tx, p.ID, d) },
		func() error { return importLanding(ctx, tx, p.ID, d, oldEvidence) },
		func() error { return importFeedback(ctx, tx, p.ID, d.FeedbackRounds) },
	} {
		if err := step(); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func importAssessments(ctx context.Context, tx *Tx, personID int64, as []*ladder.Assessment) error {
	for _, a := range as {
		a.PersonID = personID
		if a.StartedAt.IsZero() {
			a.StartedAt = tx.now
		}
		err := tx.QueryRowContext(ctx, `INSERT INTO assessments (person_id, kind, target_role, started_at, completed_at)
			VALUES ($1, $2, $3, $4, $5) RETURNING id`, a.PersonID, a.Kind, a.TargetRole, a.StartedAt, timeOrNil(a.CompletedAt)).Scan(&a.ID)
		if err := mapErr(err); err != nil {
			return err
		}
		if err := upsertRatings(ctx, tx, a.ID, a.Ratings); err != nil {
			return err
		}
	}
	return nil
}

func importEvidence(ctx context.Context, tx *Tx, personID int64, es []*ladder.Evidence) error {
	for _, e := range es {
		e.PersonID = personID
		stampTimes(&e.CreatedAt, &e.UpdatedAt, tx.now)
		err := tx.QueryRowContext(ctx, `INSERT INTO evidence (person_id, kind, title, description, start_date, end_date,
			money_amount, money_currency, hours_saved, people_count, months, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
			e.PersonID, e.Kind, e.Title, e.Description, e.Start, timeOrNil(e.End),
			e.MoneySaved.Amount, e.MoneySaved.Currency, e.HoursSaved, e.PeopleCount, e.Months, e.CreatedAt, e.UpdatedAt).Scan(&e.ID)
		if err := mapErr(err); err != nil {
			return err
		}
		if err := insertEvidenceCompetencies(ctx, tx, e); err != nil {
			return err
		}
	}
	return nil
}

func importJournal(ctx context.Context, tx *Tx, personID int64, js []*ladder.JournalEntry) error {
	for _, e := range js {
		e.PersonID = personID
		stampTimes(&e.CreatedAt, &e.UpdatedAt, tx.now)
		r := e.Reflection
		err := tx.QueryRowContext(ctx, `INSERT INTO journal_entries (person_id, entry_date, kind, title, body, mood, confidence, challenge,
			r_description, r_feelings, r_evaluation, r_analysis, r_conclusion, r_action_plan, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
			e.PersonID, e.Date, e.Kind, e.Title, e.Body, e.Mood, e.Confidence, e.Challenge,
			r.Description, r.Feelings, r.Evaluation, r.Analysis, r.Conclusion, r.ActionPlan, e.CreatedAt, e.UpdatedAt).Scan(&e.ID)
		if err := mapErr(err); err != nil {
			return err
		}
		if err := writeJournalLists(ctx, tx, e); err != nil {
			return err
		}
	}
	return nil
}

func importPlan(ctx context.Context, tx *Tx, personID int64, p *ladder.Plan) error {
	if p == nil {
		return nil
	}
	p.ID, p.PersonID = 0, personID
	for gi := range p.Goals {
		g := &p.Goals[gi]
		g.ID = 0
		for ai := range g.Actions {
			a := &g.Actions[ai]
			a.ID, a.Order = 0, ai+1
			if slices.ContainsFunc(append(slices.Clone(a.Competencies), a.After...), hasComma) {
				return ladder.Errorf(ladder.EINVALID, "Keys of competencies and prerequisites must not contain commas.")
			}
		}
	}
	if err := upsertPlan(ctx, tx, p); err != nil {
		return err
	}
	for gi := range p.Goals {
		if err := saveGoal(ctx, tx, p.ID, gi+1, &p.Goals[gi]); err != nil {
			return err
		}
	}
	return nil
}

func importCertifications(ctx context.Context, tx *Tx, personID int64, cs []*ladder.PersonCertification) error {
	for _, c := range cs {
		c.PersonID = personID
		stampTimes(&c.CreatedAt, &c.UpdatedAt, tx.now)
		err := tx.QueryRowContext(ctx, `INSERT INTO person_certifications (person_id, cert_key, status, started, exam_booked,
			passed, expires, study_hours, notes, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
			RETURNING id`,
			c.PersonID, c.Key, c.Status, nullDay(c.Started), nullDay(c.ExamBooked), nullDay(c.Passed), nullDay(c.Expires),
			c.StudyHours, c.Notes, c.CreatedAt, c.UpdatedAt).Scan(&c.ID)
		if err := mapErr(err); err != nil {
			return err
		}
	}
	return nil
}

func importLearning(ctx context.Context, tx *Tx, personID int64, its []*ladder.LearningItem) error {
	for _, it := range its {
		it.PersonID = personID
		stampTimes(&it.CreatedAt, &it.UpdatedAt, tx.now)
		err := tx.QueryRowContext(ctx, `INSERT INTO learning_items (person_id, title, kind, link, status, progress,
			started_at, finished_at, progressed_at, notes, from_catalog, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
			it.PersonID, it.Title, it.Kind, it.Link, it.Status, it.Progress, nullTime(it.StartedAt), nullTime(it.FinishedAt),
			nullTime(it.ProgressedAt), it.Notes, it.FromCatalog, it.CreatedAt, it.UpdatedAt).Scan(&it.ID)
		if err := mapErr(err); err != nil {
			return err
		}
		if err := writeLearningCompetencies(ctx, tx, it); err != nil {
			return err
		}
	}
	return nil
}

func importWeeks(ctx context.Context, tx *Tx, personID int64, ls []*ladder.TimeLog) error {
	for _, l := range ls {
		l.PersonID = personID
		err := tx.QueryRowContext(ctx, `INSERT INTO time_logs (person_id, week, technical_hours, managerial_hours, learning_hours,
			note, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
			l.PersonID, l.Week, l.TechnicalHours, l.ManagerialHours, l.LearningHours, l.Note, tx.now).Scan(&l.ID)
		if err := mapErr(err); err != nil {
			return err
		}
	}
	return nil
}

// stampTimes sets missing creation and update times: now, and the creation
// time for the update.
func stampTimes(created, updated *time.Time, now time.Time) {
	if created.IsZero() {
		*created = now
	}
	if updated.IsZero() {
		*updated = *created
	}
}
