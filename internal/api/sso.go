package api

import (
	"net/http"

	"github.com/ladderhq/ladder"
)

// ssoOperations are the single sign-on settings of the caller's
// organisation (owners; journey.Journey.Can decides).
func (a *API) ssoOperations() []Operation {
	p := Prefix + "/org/sso"
	denied := []int{http.StatusForbidden, http.StatusNotFound}
	return []Operation{
		{ID: "getOrgSSO", Method: http.MethodGet, Path: p, Tag: "organisation",
			Summary:     "Your organisation's single sign-on, without the client secret (owners; 404 when it is not set up)",
			Description: "Register `callback_url` at the provider as the redirect URL.",
			Status:      http.StatusOK, Response: OrgSSOConfig{}, Errors: denied, Handler: a.getOrgSSO},
		{ID: "putOrgSSO", Method: http.MethodPut, Path: p, Tag: "organisation",
			Summary: "Set up or replace single sign-on through an OpenID Connect provider (owners)",
			Description: "When `enabled`, the provider's discovery document must answer at the issuer, or the answer is 400 naming " +
				"`issuer`. Leave `client_secret` out to keep the stored one. Every change is in the audit log, never the secret.",
			Body: OrgSSOBody{}, Status: http.StatusOK, Response: OrgSSOConfig{}, Errors: denied, Handler: a.putOrgSSO},
		{ID: "deleteOrgSSO", Method: http.MethodDelete, Path: p, Tag: "organisation",
			Summary: "Remove single sign-on and the identities linked through it (owners); passwords keep working",
			Status:  http.StatusNoContent, Errors: denied, Handler: a.deleteOrgSSO},
	}
}

// ssoCallback is Ladder's callback, as the web app gives it to the
// provider: under the public address when set.
func (a *API) ssoCallback(r *http.Request) string { return a.feedbackBaseURL(r) + "/sso/callback" }

func (a *API) getOrgSSO(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	c, err := a.J.OrgSSO(r.Context(), p)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewOrgSSOConfig(c, a.ssoCallback(r)))
}

func (a *API) putOrgSSO(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	var b OrgSSOBody
	if err := a.decode(w, r, &b); err != nil {
		return err
	}
	c := &ladder.OrgSSO{Issuer: b.Issuer, ClientID: b.ClientID, ClientSecret: b.ClientSecret, Enabled: b.Enabled, Provision: b.Provision}
	if err := a.J.SaveOrgSSO(r.Context(), p, c); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewOrgSSOConfig(c, a.ssoCallback(r)))
}

func (a *API) deleteOrgSSO(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	if err := a.J.DeleteOrgSSO(r.Context(), p); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
