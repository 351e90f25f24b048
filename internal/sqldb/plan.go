package sqldb

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/ladderhq/ladder"
)

var _ ladder.PlanService = (*PlanService)(nil)

// PlanService stores each person's current development plan.
type PlanService struct {
	db *DB
}

// NewPlanService returns a PlanService on db.
func NewPlanService(db *DB) *PlanService { return &PlanService{db: db} }

const planGoalColumns = `g.id, g.competency, g.specific, g.measure, g.why, g.achievable, g.target_level, g.target_date, g.done, g.edited`

const planActionColumns = `a.id, a.goal_id, a.position, a.catalog_key, a.title, a.kind, a.category, a.competencies, a.effort_hours,
	a.done_when, a.start_date, a.due_date, a.why, a.after_keys, a.done, a.edited, a.dropped`

// FindPlan returns the person's plan with its goals and actions in order.
func (s *PlanService) FindPlan(ctx context.Context, personID int64) (_ *ladder.Plan, err error) {
	defer wrap(&err, "FindPlan(%d)", personID)
	p := &ladder.Plan{PersonID: personID}
	err = s.db.queryRow(ctx, `SELECT id, target_role, horizon_start, horizon_end, hours_per_month, generated_at
		FROM plans WHERE person_id = $1`, personID).
		Scan(&p.ID, &p.TargetRole, &p.Start, &p.End, &p.HoursPerMonth, &p.GeneratedAt)
	if err != nil {
		return nil, planNotFound(mapErr(err))
	}
	if err := s.loadGoals(ctx, p); err != nil {
		return nil, err
	}
	return p, s.loadActions(ctx, p)
}

func (s *PlanService) loadGoals(ctx context.Context, p *ladder.Plan) error {
	rows, err := s.db.query(ctx, `SELECT `+planGoalColumns+` FROM plan_goals g WHERE g.plan_id = $1
		ORDER BY g.position, g.id`, p.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var g ladder.Goal
		if err := rows.Scan(&g.ID, &g.Competency, &g.Specific, &g.Measure, &g.Why, &g.Achievable, &g.TargetLevel,
			&g.TargetDate, &g.Done, &g.Edited); err != nil {
			return err
		}
		p.Goals = append(p.Goals, g)
	}
	return rows.Err()
}

func (s *PlanService) loadActions(ctx context.Context, p *ladder.Plan) error {
	rows, err := s.db.query(ctx, `SELECT `+planActionColumns+` FROM plan_actions a
		JOIN plan_goals g ON g.id = a.goal_id WHERE g.plan_id = $1 ORDER BY a.goal_id, a.position, a.id`, p.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	goal := map[int64]*ladder.Goal{}
	for i := range p.Goals {
		goal[p.Goals[i].ID] = &p.Goals[i]
	}
	for rows.Next() {
		var a ladder.PlanAction
		var goalID int64
		var comps, after string
		var start sql.NullTime
		if err := rows.Scan(&a.ID, &goalID, &a.Order, &a.Key, &a.Title, &a.Kind, &a.Category, &comps, &a.EffortHours,
			&a.DoneWhen, &start, &a.Due, &a.Why, &after, &a.Done, &a.Edited, &a.Dropped); err != nil {
			return err
		}
		a.Start = start.Time
		a.Competencies, a.After = splitKeys(comps), splitKeys(after)
		if g := goal[goalID]; g != nil {
			g.Actions = append(g.Actions, a)
		}
	}
	return rows.Err()
}

// SavePlan replaces the person's plan whole in one transaction.
func (s *PlanService) SavePlan(ctx context.Context, p *ladder.Plan) (err error) {
	defer wrap(&err, "SavePlan(person %d)", p.PersonID)
	if err := p.Validate(); err != nil {
		return err
	}
	for gi := range p.Goals {
		for ai := range p.Goals[gi].Actions {
			a := &p.Goals[gi].Actions[ai]
			a.Order = ai + 1
			if slices.ContainsFunc(append(slices.Clone(a.Competencies), a.After...), hasComma) {
				return ladder.Errorf(ladder.EINVALID, "Keys of competencies and prerequisites must not contain commas.")
			}
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := upsertPlan(ctx, tx, p); err != nil {
		return err
	}
	if err := savePlanItems(ctx, tx, p); err != nil {
		return err
	}
	if err := touchPerson(ctx, tx, p.PersonID); err != nil {
		return err
	}
	return tx.Commit()
}

// upsertPlan writes the plan row, keeping the id of the person's stored plan.
func upsertPlan(ctx context.Context, tx *Tx, p *ladder.Plan) error {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM plans WHERE person_id = $1`, p.PersonID).Scan(&id)
	switch {
	case err == sql.ErrNoRows:
		if p.ID != 0 {
			return planNotFound(nil)
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO plans (person_id, target_role, horizon_start, horizon_end, hours_per_month,
			generated_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
			p.PersonID, p.TargetRole, p.Start, p.End, p.HoursPerMonth, p.GeneratedAt, tx.now, tx.now).Scan(&p.ID)
		return mapErr(err)
	case err != nil:
		return err
	case p.ID != 0 && p.ID != id:
		return planNotFound(nil)
	}
	p.ID = id
	_, err = tx.ExecContext(ctx, `UPDATE plans SET target_role = $1, horizon_start = $2, horizon_end = $3,
		hours_per_month = $4, generated_at = $5, updated_at = $6 WHERE id = $7`,
		p.TargetRole, p.Start, p.End, p.HoursPerMonth, p.GeneratedAt, tx.now, p.ID)
	return mapErr(err)
}

// savePlanItems updates the goals and actions that keep their ids, inserts
// new ones and deletes the rest. Stale actions go first and stale goals
// last, so an action moved to another goal survives its old goal.
func savePlanItems(ctx context.Context, tx *Tx, p *ladder.Plan) error {
	goals, err := idSet(ctx, tx, `SELECT id FROM plan_goals WHERE plan_id = $1`, p.ID)
	if err != nil {
		return err
	}
	actions, err := idSet(ctx, tx, `SELECT a.id FROM plan_actions a JOIN plan_goals g ON g.id = a.goal_id
		WHERE g.plan_id = $1`, p.ID)
	if err != nil {
		return err
	}
	keepGoals, keepActions := map[int64]bool{}, map[int64]bool{}
	for _, g := range p.Goals {
		if g.ID != 0 && (!goals[g.ID] || keepGoals[g.ID]) {
			return ladder.Errorf(ladder.ENOTFOUND, "Goal %d is not in your plan.", g.ID)
		}
		keepGoals[g.ID] = true
		for _, a := range g.Actions {
			if a.ID != 0 && (!actions[a.ID] || keepActions[a.ID]) {
				return ladder.Errorf(ladder.ENOTFOUND, "Action %d is not in your plan.", a.ID)
			}
			keepActions[a.ID] = true
		}
	}
	if err := deleteStale(ctx, tx, `DELETE FROM plan_actions WHERE id = $1`, actions, keepActions); err != nil {
		return err
	}
	for gi := range p.Goals {
		if err := saveGoal(ctx, tx, p.ID, gi+1, &p.Goals[gi]); err != nil {
			return err
		}
	}
	return deleteStale(ctx, tx, `DELETE FROM plan_goals WHERE id = $1`, goals, keepGoals)
}

func saveGoal(ctx context.Context, tx *Tx, planID int64, pos int, g *ladder.Goal) error {
	var err error
	if g.ID == 0 {
		err = tx.QueryRowContext(ctx, `INSERT INTO plan_goals (plan_id, position, competency, specific, measure, why,
			achievable, target_level, target_date, done, edited) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
			RETURNING id`, planID, pos, g.Competency, g.Specific, g.Measure, g.Why, g.Achievable, g.TargetLevel,
			g.TargetDate, g.Done, g.Edited).Scan(&g.ID)
	} else {
		_, err = tx.ExecContext(ctx, `UPDATE plan_goals SET position = $1, competency = $2, specific = $3, measure = $4,
			why = $5, achievable = $6, target_level = $7, target_date = $8, done = $9, edited = $10 WHERE id = $11`,
			pos, g.Competency, g.Specific, g.Measure, g.Why, g.Achievable, g.TargetLevel, g.TargetDate, g.Done, g.Edited, g.ID)
	}
	if err != nil {
		return mapErr(err)
	}
	for ai := range g.Actions {
		if err := saveAction(ctx, tx, g.ID, &g.Actions[ai]); err != nil {
			return err
		}
	}
	return nil
}

func saveAction(ctx context.Context, tx *Tx, goalID int64, a *ladder.PlanAction) error {
	args := []any{goalID, a.Order, a.Key, a.Title, a.Kind, a.Category, joinKeys(a.Competencies), a.EffortHours,
		a.DoneWhen, timeOrNil(a.Start), a.Due, a.Why, joinKeys(a.After), a.Done, a.Edited, a.Dropped}
	if a.ID == 0 {
		return mapErr(tx.QueryRowContext(ctx, `INSERT INTO plan_actions (goal_id, position, catalog_key, title, kind,
			category, competencies, effort_hours, done_when, start_date, due_date, why, after_keys, done, edited, dropped)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`, args...).Scan(&a.ID))
	}
	_, err := tx.ExecContext(ctx, `UPDATE plan_actions SET goal_id = $1, position = $2, catalog_key = $3, title = $4,
		kind = $5, category = $6, competencies = $7, effort_hours = $8, done_when = $9, start_date = $10, due_date = $11,
		why = $12, after_keys = $13, done = $14, edited = $15, dropped = $16 WHERE id = $17`, append(args, a.ID)...)
	return mapErr(err)
}

func idSet(ctx context.Context, tx *Tx, q string, arg any) (map[int64]bool, error) {
	rows, err := tx.QueryContext(ctx, q, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

func deleteStale(ctx context.Context, tx *Tx, q string, stored, keep map[int64]bool) error {
	for id := range stored {
		if keep[id] {
			continue
		}
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

// SetActionDone marks the person's action done or not done.
func (s *PlanService) SetActionDone(ctx context.Context, personID, actionID int64, done bool) error {
	return s.setFlag(ctx, personID, actionID, `UPDATE plan_actions SET done = $1 WHERE id = $2 AND goal_id IN
		(SELECT g.id FROM plan_goals g JOIN plans p ON p.id = g.plan_id WHERE p.person_id = $3)`, done, "Action")
}

// SetGoalDone marks the person's goal done or not done.
func (s *PlanService) SetGoalDone(ctx context.Context, personID, goalID int64, done bool) error {
	return s.setFlag(ctx, personID, goalID, `UPDATE plan_goals SET done = $1 WHERE id = $2 AND plan_id IN
		(SELECT id FROM plans WHERE person_id = $3)`, done, "Goal")
}

// DropAction marks the person's action dropped.
func (s *PlanService) DropAction(ctx context.Context, personID, actionID int64) error {
	return s.setFlag(ctx, personID, actionID, `UPDATE plan_actions SET dropped = $1 WHERE id = $2 AND goal_id IN
		(SELECT g.id FROM plan_goals g JOIN plans p ON p.id = g.plan_id WHERE p.person_id = $3)`, true, "Action")
}

// setFlag runs q (value, id, person) and stamps the plan as updated.
func (s *PlanService) setFlag(ctx context.Context, personID, id int64, q string, v bool, what string) (err error) {
	defer wrap(&err, "Set%s(%d)", what, id)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := mustAffect(tx.ExecContext(ctx, q, v, id, personID)); err != nil {
		if ladder.ErrorCode(err) == ladder.ENOTFOUND {
			return ladder.Errorf(ladder.ENOTFOUND, "%s %d is not in your plan.", what, id)
		}
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE plans SET updated_at = $1 WHERE person_id = $2`, tx.now, personID); err != nil {
		return mapErr(err)
	}
	if err := touchPerson(ctx, tx, personID); err != nil {
		return err
	}
	return tx.Commit()
}

func planNotFound(err error) error {
	if err == nil || ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return ladder.Errorf(ladder.ENOTFOUND, "No development plan yet: generate one with `ladder plan generate`.")
	}
	return err
}

func hasComma(k string) bool { return strings.Contains(k, ",") }

// joinKeys stores a list of keys (kebab-case, never holding a comma).
func joinKeys(ks []string) string { return strings.Join(ks, ",") }

func splitKeys(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}
