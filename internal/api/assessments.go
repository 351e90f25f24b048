package api

import (
	"cmp"
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/ladderhq/ladder"
)

// Page sizes of lists.
const (
	DefaultLimit = 20
	MaxLimit     = 100
)

func (a *API) listAssessments(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	limit, err := queryInt(r, "limit", DefaultLimit, 1, MaxLimit)
	if err != nil {
		return err
	}
	status, err := queryEnum(r, "status", "draft", "completed")
	if err != nil {
		return err
	}
	after, err := parseCursor(r.URL.Query().Get("cursor"))
	if err != nil {
		return err
	}
	f := ladder.AssessmentFilter{PersonID: p.ID}
	if status != "" {
		done := status == "completed"
		f.Completed = &done
	}
	// A person's assessments are few (one every few months), so the page is
	// cut from all of them; the store has no keyset filter yet.
	as, err := a.J.Assessments.FindAssessments(r.Context(), f)
	if err != nil {
		return err
	}
	items, next := newestFirst(as, after, limit)
	out := AssessmentPage{Items: make([]Assessment, 0, len(items))}
	for _, as := range items {
		out.Items = append(out.Items, NewAssessment(as))
	}
	if next != nil {
		c := next.String()
		out.Next = &c
	}
	return writeJSON(w, http.StatusOK, out)
}

// cursor is the position of the last assessment of a page in newest-first
// order. A position rather than an offset, so that assessments created or
// deleted meanwhile neither repeat nor skip one.
type cursor struct {
	startedAt time.Time
	id        int64
}

// String encodes the cursor opaquely: clients must not build their own.
func (c cursor) String() string {
	return base64.RawURLEncoding.EncodeToString(fmt.Appendf(nil, "%d.%d", c.startedAt.UnixMicro(), c.id))
}

func parseCursor(s string) (*cursor, error) {
	if s == "" {
		return nil, nil
	}
	bad := fieldError("A query parameter is not valid.", "cursor", "is not a cursor this API gave")
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, bad
	}
	var micros, id int64
	if n, err := fmt.Sscanf(string(b), "%d.%d", &micros, &id); err != nil || n != 2 || id <= 0 {
		return nil, bad
	}
	if string(b) != strconv.FormatInt(micros, 10)+"."+strconv.FormatInt(id, 10) {
		return nil, bad
	}
	return &cursor{time.UnixMicro(micros), id}, nil
}

// precedes reports whether c comes before k in newest-first order.
func (c cursor) precedes(k cursor) bool {
	return k.startedAt.Before(c.startedAt) || (k.startedAt.Equal(c.startedAt) && k.id < c.id)
}

// newestFirst returns up to limit assessments after the cursor, newest
// first, and the cursor of the next page (nil on the last).
func newestFirst(as []*ladder.Assessment, after *cursor, limit int) ([]*ladder.Assessment, *cursor) {
	keys := make([]cursor, len(as))
	order := make([]int, len(as))
	for i, a := range as {
		keys[i], order[i] = cursor{a.StartedAt.Truncate(time.Microsecond), a.ID}, i
	}
	slices.SortFunc(order, func(i, j int) int {
		return cmp.Or(keys[j].startedAt.Compare(keys[i].startedAt), cmp.Compare(keys[j].id, keys[i].id))
	})
	var out []*ladder.Assessment
	for _, i := range order {
		if after != nil && !after.precedes(keys[i]) {
			continue
		}
		if len(out) == limit {
			last := out[len(out)-1]
			return out, &cursor{last.StartedAt.Truncate(time.Microsecond), last.ID}
		}
		out = append(out, as[i])
	}
	return out, nil
}

func (a *API) createAssessment(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	var body AssessmentCreate
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	ctx := r.Context()
	m, err := a.J.Model(ctx)
	if err != nil {
		return err
	}
	target := body.TargetRole
	if target == "" {
		target = p.TargetRole
	}
	if target == "" {
		return fieldError("Choose a target role first.", "target_role", "is required: you have no target role yet")
	}
	role, err := a.J.ResolveTarget(m, target)
	if err != nil {
		return fieldError("The target role is not valid.", "target_role", ladder.ErrorMessage(err))
	}
	as := &ladder.Assessment{PersonID: p.ID, Kind: ladder.AssessSelf, TargetRole: role.Slug, Ratings: Ratings(body.Ratings, nil)}
	if err := ladder.ValidateRatings(m, as.Ratings); err != nil {
		return err
	}
	if body.Complete {
		if err := completable(as); err != nil {
			return err
		}
		as.StartedAt = a.J.DB.Now().UTC().Truncate(time.Microsecond)
		as.CompletedAt = as.StartedAt
	} else if d, err := a.J.Draft(ctx, p.ID); err == nil {
		return &ladder.Error{Code: ladder.ECONFLICT, Fields: map[string]string{"complete": "you have a draft already"},
			Message: fmt.Sprintf("Assessment %d is in progress: add ratings to it (PUT %s/assessments/%d/ratings) or delete it first.", d.ID, Prefix, d.ID)}
	} else if ladder.ErrorCode(err) != ladder.ENOTFOUND {
		return err
	}
	if err := a.J.Assessments.CreateAssessment(ctx, as); err != nil {
		return err
	}
	w.Header().Set("Location", fmt.Sprintf("%s/assessments/%d", Prefix, as.ID))
	return a.writeAssessment(ctx, w, http.StatusCreated, as.PersonID, as.ID)
}

// completable refuses to complete an assessment without a rating at a
// level: "not sure" answers alone would move nothing (the rule of
// journey.FinishDraft, which the pages use).
func completable(as *ladder.Assessment) error {
	for _, r := range as.Ratings {
		if r.Level != ladder.NotSure {
			return nil
		}
	}
	return fieldError("Rate at least one competency before completing.", "ratings",
		"rate at least one competency at a level from 1 to 5")
}

// ownAssessment returns the person's assessment with id. Another person's
// is not found, exactly as a missing one.
func (a *API) ownAssessment(r *http.Request) (*ladder.Assessment, error) {
	p, err := person(r)
	if err != nil {
		return nil, err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	// The store finds only the person's own: another's is not found.
	return a.J.Assessments.FindAssessmentByID(r.Context(), p.ID, id)
}

// draft returns the person's assessment with id if it is still a draft.
func (a *API) draft(r *http.Request) (*ladder.Assessment, error) {
	as, err := a.ownAssessment(r)
	if err != nil {
		return nil, err
	}
	if as.Completed() {
		return nil, ladder.Errorf(ladder.ECONFLICT, "Assessment %d was completed on %s: start a new one to rate again.",
			as.ID, as.CompletedAt.Format(time.DateOnly))
	}
	return as, nil
}

func (a *API) writeAssessment(ctx context.Context, w http.ResponseWriter, status int, personID, id int64) error {
	as, err := a.J.Assessments.FindAssessmentByID(ctx, personID, id)
	if err != nil {
		return err
	}
	return writeJSON(w, status, NewAssessment(as))
}

func (a *API) getAssessment(w http.ResponseWriter, r *http.Request) error {
	as, err := a.ownAssessment(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewAssessment(as))
}

func (a *API) saveRatings(w http.ResponseWriter, r *http.Request) error {
	as, err := a.draft(r)
	if err != nil {
		return err
	}
	var body RatingsUpdate
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	if err := a.J.Assessments.SaveRatings(r.Context(), as.PersonID, as.ID, Ratings(body.Ratings, as.Ratings)); err != nil {
		return err
	}
	return a.writeAssessment(r.Context(), w, http.StatusOK, as.PersonID, as.ID)
}

func (a *API) completeAssessment(w http.ResponseWriter, r *http.Request) error {
	as, err := a.draft(r)
	if err != nil {
		return err
	}
	if err := completable(as); err != nil {
		return err
	}
	if err := a.J.Assessments.CompleteAssessment(r.Context(), as.PersonID, as.ID); err != nil {
		return err
	}
	return a.writeAssessment(r.Context(), w, http.StatusOK, as.PersonID, as.ID)
}

func (a *API) deleteAssessment(w http.ResponseWriter, r *http.Request) error {
	as, err := a.ownAssessment(r)
	if err != nil {
		return err
	}
	if err := a.J.Assessments.DeleteAssessment(r.Context(), as.PersonID, as.ID); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
