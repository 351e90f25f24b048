package api

import (
	"net/http"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/learning"
)

func (a *API) getLearning(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	its, err := a.J.Learning.FindLearningItems(ctx, p.ID)
	if err != nil {
		return err
	}
	logs, err := a.J.Learning.FindWeeks(ctx, p.ID, time.Time{}, time.Time{})
	if err != nil {
		return err
	}
	out := Learning{Streak: learning.Streak(its, logs, a.J.DB.Now()), Items: make([]LearningItem, 0, len(its)),
		Weeks: make([]LearningWeek, 0, len(logs))}
	for _, it := range its {
		out.Items = append(out.Items, NewLearningItem(it))
	}
	for _, l := range logs {
		out.Weeks = append(out.Weeks, NewLearningWeek(l))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (a *API) createLearningItem(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	var body LearningItemCreate
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	it := &ladder.LearningItem{PersonID: p.ID, Title: body.Title, Kind: body.Kind, Competencies: body.Competencies,
		Link: body.Link, Status: body.Status, Progress: body.Progress, Notes: body.Notes}
	if body.From != "" {
		c, err := learning.Load()
		if err != nil {
			return err
		}
		res, ok := c.Resource(body.From)
		if !ok {
			return fieldError("The learning item is not valid.", "from", "is not a starter resource")
		}
		if body.Title != "" || body.Kind != "" || body.Link != "" || len(body.Competencies) > 0 {
			return fieldError("The learning item is not valid.", "from", "give a starter resource or title, kind, link and competencies, not both")
		}
		it.Title, it.Kind, it.Link, it.FromCatalog = res.Title, res.Kind, res.Link, res.Key
		it.Competencies = append([]string{}, res.Competencies...)
	}
	if err := a.J.Learning.CreateLearningItem(r.Context(), it); err != nil {
		return err
	}
	return writeCreated(w, "learning/items", it.ID, NewLearningItem(it))
}

func (a *API) updateLearningItem(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	var body LearningItemPatch
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	if body.Progress == nil && body.Status == nil && body.Notes == nil {
		return fieldError("The change is not valid.", "progress", "give progress, status or notes")
	}
	if n := body.Progress; n != nil && (*n < 0 || *n > 100) {
		return fieldError("The learning item is not valid.", "progress", "must be 0-100")
	}
	ctx := r.Context()
	// The store finds only the person's own item: another's is not found.
	it, err := a.J.Learning.FindLearningItem(ctx, p.ID, id)
	if err != nil {
		return err
	}
	// As on the web page: progress 100 without a status finishes the item,
	// progress on a done one reopens it, and reopening by status alone
	// starts its progress again.
	status := ""
	if body.Status != nil {
		status = *body.Status
	}
	if body.Progress != nil {
		n := *body.Progress
		it.Progress = n
		if status == "" && n == 100 {
			status = ladder.LearningDone
		} else if status == "" && n > 0 && it.Status == ladder.LearningDone {
			status = ladder.LearningInProgress
		}
	}
	if status != "" {
		it.Status = status
		if status != ladder.LearningDone && body.Progress == nil && it.Progress == 100 {
			it.Progress = 0
		}
	}
	if body.Notes != nil {
		it.Notes = *body.Notes
	}
	if err := a.J.Learning.UpdateLearningItem(ctx, it); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewLearningItem(it))
}

func (a *API) logWeek(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	d, err := time.Parse(time.DateOnly, r.PathValue("week"))
	if err != nil {
		return fieldError("The week is not valid.", "week", "must be a date (YYYY-MM-DD)")
	}
	var body WeekLog
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	l := &ladder.TimeLog{PersonID: p.ID, Week: ladder.WeekOf(d), TechnicalHours: body.Technical,
		ManagerialHours: body.Managerial, LearningHours: body.Learning, Note: body.Note}
	if err := a.J.Learning.LogWeek(r.Context(), l); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewLearningWeek(l))
}
