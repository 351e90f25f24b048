package api

import (
	"net/http"

	"github.com/ladderhq/ladder"
)

func (a *API) listEvidence(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	es, _, err := a.J.Evidence.FindEvidence(r.Context(), ladder.EvidenceFilter{PersonID: p.ID,
		Kind: r.URL.Query().Get("kind"), Competency: r.URL.Query().Get("competency")})
	if err != nil {
		return err
	}
	out := make([]Evidence, 0, len(es))
	for _, e := range es {
		out = append(out, NewEvidence(e))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (a *API) createEvidence(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	var body EvidenceCreate
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	e, err := body.Entry(p.ID)
	if err != nil {
		return err
	}
	if err := a.J.Evidence.CreateEvidence(r.Context(), e); err != nil {
		return err
	}
	return writeCreated(w, "evidence", e.ID, NewEvidence(e))
}

func (a *API) deleteEvidence(w http.ResponseWriter, r *http.Request) error {
	return deleteOwn(w, r, a.J.Evidence.DeleteEvidence)
}
