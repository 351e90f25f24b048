package api

import (
	"errors"
	"maps"
	"net/http"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

func (a *API) getPlan(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	pl, err := a.J.Plans().FindPlan(r.Context(), p.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewPlan(pl))
}

func (a *API) generatePlan(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	var body PlanGenerate
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	o := journey.PlanOptions{Months: body.Months, HoursPerMonth: body.HoursPerMonth}
	f := ladder.FieldErrors{}
	if body.Until != "" {
		if o.Until, err = time.Parse(time.DateOnly, body.Until); err != nil {
			f.Add("until", "must be a date (YYYY-MM-DD)")
		} else if body.Months != 0 {
			f.Add("until", "give months or until, not both")
		}
	}
	if err := f.Err("The plan settings are not valid."); err != nil {
		return err
	}
	if p.TargetRole == "" {
		return fieldError("Choose a target role first.", "target_role", "is required to make a plan")
	}
	pl, err := a.J.GeneratePlan(r.Context(), p, o)
	if err != nil {
		return renameFields(err, map[string]string{"end": "until"})
	}
	return writeJSON(w, http.StatusOK, NewPlan(pl))
}

// renameFields renames the fields of a domain error to the names of the
// request: the planner speaks of the plan's end, the body of until.
func renameFields(err error, names map[string]string) error {
	var e *ladder.Error
	if !errors.As(err, &e) || len(e.Fields) == 0 {
		return err
	}
	c := *e
	c.Fields = maps.Clone(e.Fields)
	for from, to := range names {
		if msg, ok := c.Fields[from]; ok {
			delete(c.Fields, from)
			c.Fields[to] = msg
		}
	}
	return &c
}

func (a *API) updatePlanAction(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	var body PlanActionUpdate
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	ctx := r.Context()
	switch {
	case body.Done != nil && body.Dropped != nil:
		return fieldError("The change is not valid.", "dropped", "give done or dropped, not both")
	case body.Done != nil:
		err = a.J.Plans().SetActionDone(ctx, p.ID, id, *body.Done)
	case body.Dropped != nil && *body.Dropped:
		err = a.J.Plans().DropAction(ctx, p.ID, id)
	case body.Dropped != nil:
		return fieldError("The change is not valid.", "dropped", "must be true: a dropped action stays dropped")
	default:
		return fieldError("The change is not valid.", "done", "give done (true or false) or dropped (true)")
	}
	if err != nil {
		return err
	}
	pl, err := a.J.Plans().FindPlan(ctx, p.ID)
	if err != nil {
		return err
	}
	for _, g := range pl.Goals {
		for _, ac := range g.Actions {
			if ac.ID == id {
				return writeJSON(w, http.StatusOK, NewPlanAction(ac))
			}
		}
	}
	return ladder.Errorf(ladder.ENOTFOUND, "Action %d is not in your plan.", id)
}

func (a *API) getPlanICS(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	pl, err := a.J.Plans().FindPlan(r.Context(), p.ID)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="ladder-plan.ics"`)
	_, err = w.Write(journey.PlanICS(pl))
	return err
}
