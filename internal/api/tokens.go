package api

import (
	"net/http"
)

func (a *API) listTokens(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	ts, err := a.Auth.FindTokens(r.Context(), p.ID)
	if err != nil {
		return err
	}
	out := make([]Token, 0, len(ts))
	for _, t := range ts {
		out = append(out, NewToken(t))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (a *API) createToken(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	var body TokenCreate
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	plain, t, err := a.Auth.CreateToken(r.Context(), p.ID, body.Name)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, TokenCreated{Token: NewToken(t), Secret: plain})
}

func (a *API) deleteToken(w http.ResponseWriter, r *http.Request) error {
	return deleteOwn(w, r, a.Auth.DeleteToken)
}
