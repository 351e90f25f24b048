package api

import (
	"encoding/json"
	"net/http"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/readiness"
)

// AttributionHeader carries O*NET's credit line on responses whose body has
// no room for it (the gaps, a bare list shared with the CLI).
const AttributionHeader = "Ladder-Attribution"

// snapshot computes the person's levels once for the request, against the
// ?target= role or the person's own.
func (a *API) snapshot(r *http.Request, p *ladder.Person) (*journey.Snapshot, error) {
	target := r.URL.Query().Get("target")
	if target == "" && p.TargetRole == "" {
		return nil, &ladder.Error{Code: ladder.ECONFLICT, Message: "Choose a target role first (PATCH /api/v1/me).",
			Fields: map[string]string{"target_role": "is not chosen yet"}}
	}
	s, err := a.J.Snapshot(r.Context(), p, target)
	if ladder.ErrorCode(err) != ladder.ENOTFOUND {
		return s, err
	}
	// Only the target role can be unknown: an unknown start role counts as none.
	if target != "" {
		return nil, fieldError("A query parameter is not valid.", "target", ladder.ErrorMessage(err))
	}
	return nil, &ladder.Error{Code: ladder.ECONFLICT, Message: "Your target role is no longer in the competency model: choose another.",
		Fields: map[string]string{"target_role": ladder.ErrorMessage(err)}}
}

func (a *API) getGaps(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	s, err := a.snapshot(r, p)
	if err != nil {
		return err
	}
	gaps := s.Gaps()
	if s.Attribution != "" && hasPrior(gaps) {
		w.Header().Set(AttributionHeader, s.Attribution)
	}
	// The encoded body is kept with the snapshot, which is cached per data
	// version: encoding was two fifths of this endpoint's time.
	body, err := s.Memo("api/gaps", func() ([]byte, error) {
		b, err := json.Marshal(NewGaps(gaps))
		return append(b, '\n'), err
	})
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	_, err = w.Write(body)
	return err
}

func hasPrior(gaps []readiness.Gap) bool {
	for _, g := range gaps {
		if g.Source == readiness.SourcePrior {
			return true
		}
	}
	return false
}

func (a *API) getReadiness(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	s, err := a.snapshot(r, p)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, newReadiness(s, s.Readiness(), s.Trend()))
}

// newReadiness converts a result, crediting O*NET when estimates count.
func newReadiness(s *journey.Snapshot, res readiness.Result, trend []readiness.Point) Readiness {
	out := NewReadiness(res, trend)
	if out.Sources[readiness.SourcePrior] > 0 {
		out.Attribution = s.Attribution
	}
	return out
}

func (a *API) listReadinessTargets(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	m, err := a.J.Model(r.Context())
	if err != nil {
		return err
	}
	// Every target is scored whatever the person's own; a snapshot needs
	// one, so a person without a (known) target borrows the model's first.
	target := ""
	if _, err := a.J.ResolveTarget(m, p.TargetRole); err != nil {
		for _, role := range m.Roles {
			if role.Kind == ladder.RoleTarget {
				target = role.Slug
				break
			}
		}
		if target == "" {
			return writeJSON(w, http.StatusOK, []Readiness{})
		}
	}
	s, err := a.J.Snapshot(r.Context(), p, target)
	if err != nil {
		return err
	}
	all := s.AllTargets()
	out := make([]Readiness, 0, len(all))
	for _, res := range all {
		out = append(out, newReadiness(s, res, nil))
	}
	return writeJSON(w, http.StatusOK, out)
}
