package api

import (
	"net/http"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/certs"
)

func (a *API) listCertifications(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	o, err := a.J.CertificationOverview(r.Context(), p)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewCertificationList(o))
}

func (a *API) getCertification(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	return a.writeCertification(w, r, p, r.PathValue("key"))
}

// writeCertification answers one certification of p's overview, 404 for a
// key the catalogue does not have.
func (a *API) writeCertification(w http.ResponseWriter, r *http.Request, p *ladder.Person, key string) error {
	o, err := a.J.CertificationOverview(r.Context(), p)
	if err != nil {
		return err
	}
	v, err := o.Certification(key)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewCertification(o, v))
}

func (a *API) setCertification(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	key := r.PathValue("key")
	cat, err := certs.Load()
	if err != nil {
		return err
	}
	if _, ok := cat.Find(key); !ok {
		return ladder.Errorf(ladder.ENOTFOUND, "Ladder has no certification %q: see the list of certifications.", key)
	}
	var body CertificationUpdate
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	c, err := body.Record(p.ID, key)
	if err != nil {
		return err
	}
	if err := a.J.Certifications.SetPersonCertification(r.Context(), c); err != nil {
		return err
	}
	return a.writeCertification(w, r, p, key)
}

func (a *API) setDegree(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	var body DegreeUpdate
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	if err := a.J.Certifications.SetDegree(r.Context(), p.ID, ladder.Degree(body.Degree)); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, Degree(body))
}
