package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/httpx"
	"github.com/ladderhq/ladder/internal/journey"
)

// Single sign-on: "Sign in with your organisation" on the sign-in page,
// the start and the callback of a sign-in, and the owners' section of the
// organisation's settings. docs/organisations.md tells owners how to set
// it up.

// ssoCookie holds the random id of a sign-in under way. It goes only to the
// callback, lives as long as the attempt, and is deleted when used; the
// attempt itself stays on the server.
const (
	ssoCookie     = "ladder_sso"
	ssoCookiePath = "/sso/callback"
)

// ssoCallbackURL is Ladder's callback, what the owner registers at the
// provider: under the public address when set, else as the browser
// reaches it.
func (wb *Web) ssoCallbackURL(r *http.Request) string { return wb.feedbackBaseURL(r) + ssoCookiePath }

// offerSSO shows the single sign-on form when some organisation offers it.
func (wb *Web) offerSSO(r *http.Request, page *AuthPage) error {
	on, err := wb.J.SSOOffered(r.Context())
	page.SSO = on
	return err
}

// LoginSSO finds the organisation of a work email (by its domain) or a
// short name and sends the browser to start its sign-in.
func (wb *Web) LoginSSO(w http.ResponseWriter, r *http.Request) error {
	page := AuthPage{Base: wb.base(w, r, "Sign in", ""), Org: strings.TrimSpace(r.PostFormValue("org")),
		Next: httpx.SafeNext(r.PostFormValue("next")), SSO: true}
	var err error
	if page.Org == "" {
		err = &ladder.Error{Code: ladder.EINVALID, Message: "Type your work email or your organisation's short name.",
			Fields: map[string]string{"org": "Work email or organisation is required"}}
	} else {
		var o *ladder.Organisation
		o, err = wb.J.SSO.FindSSOOrganisation(r.Context(), page.Org)
		if err == nil {
			return wb.ssoContinue(w, r, o, page.Next)
		}
		if ladder.ErrorCode(err) == ladder.ENOTFOUND {
			err = &ladder.Error{Code: ladder.EINVALID, Message: "No organisation signs in to Ladder with single sign-on for that.",
				Fields: map[string]string{"org": "Work email or organisation: no organisation with single sign-on has this domain or short name"}}
		}
	}
	return wb.formError(w, r, "auth", &page.Base, err, func(msg string, f map[string]string) any {
		page.SSOError, page.Fields = msg, f
		return page
	})
}

// SSOContinuePage leads from the sign-in form to the organisation's
// provider.
type SSOContinuePage struct {
	Base
	OrgName string
	URL     string
}

// ssoContinue answers the form with a page that moves on to /sso/{slug}
// by itself (a Refresh header) and with a link. A redirect would not do:
// the sign-in page's Content-Security-Policy (form-action 'self') makes
// browsers refuse a form submission whose redirects end at another site,
// and the provider is one.
func (wb *Web) ssoContinue(w http.ResponseWriter, r *http.Request, o *ladder.Organisation, next string) error {
	to := "/sso/" + url.PathEscape(o.Slug)
	if next != "/" {
		to += "?next=" + url.QueryEscape(next)
	}
	w.Header().Set("Refresh", "0; url="+to)
	return wb.render(w, r, "sso_continue", SSOContinuePage{Base: wb.base(w, r, "Continue to "+o.Name, ""), OrgName: o.Name, URL: to})
}

// StartSSO sends the browser to the organisation's provider, keeping the
// attempt on the server under the id of a short-lived cookie.
func (wb *Web) StartSSO(w http.ResponseWriter, r *http.Request) error {
	start, err := wb.J.BeginSSO(r.Context(), r.PathValue("slug"), wb.ssoCallbackURL(r), httpx.SafeNext(r.URL.Query().Get("next")),
		httpx.ClientAddress(r))
	if err != nil {
		return wb.ssoError(w, r, err)
	}
	http.SetCookie(w, &http.Cookie{Name: ssoCookie, Value: start.AttemptID, Path: ssoCookiePath, HttpOnly: true, Secure: httpx.Secure(r),
		SameSite: http.SameSiteLaxMode, Expires: start.ExpiresAt, MaxAge: int(ladder.SSOAttemptLifetime.Seconds())})
	http.Redirect(w, r, start.AuthURL, http.StatusSeeOther)
	return nil
}

// SSOCallback completes a sign-in and starts a session as a password
// sign-in does. The attempt's cookie is deleted whatever happens.
func (wb *Web) SSOCallback(w http.ResponseWriter, r *http.Request) error {
	var id string
	if c, err := r.Cookie(ssoCookie); err == nil {
		id = c.Value
	}
	http.SetCookie(w, &http.Cookie{Name: ssoCookie, Value: "", Path: ssoCookiePath, HttpOnly: true, Secure: httpx.Secure(r),
		SameSite: http.SameSiteLaxMode, MaxAge: -1})
	q := r.URL.Query()
	done, err := wb.J.FinishSSO(r.Context(), id, q.Get("state"), q.Get("code"), q.Get("error"))
	if err != nil {
		return wb.ssoError(w, r, err)
	}
	p, next, flash := done.Person, done.Next, "Welcome back, "+done.Person.Name+"."
	if done.Provisioned {
		next, flash = "/onboarding", "Welcome to Ladder, "+p.Name+". Your organisation signed you in: tell Ladder where you start."
	}
	return wb.startSession(w, r, p, next, flash)
}

// SSOErrorPage explains a sign-in that did not work.
type SSOErrorPage struct {
	Base
	Status  int
	Message string
}

// ssoError shows a refused or broken sign-in as a page with a 4xx status
// and a plain message, logging what the provider's side did wrong (never
// the code or a token). Only the store failing is a 500.
func (wb *Web) ssoError(w http.ResponseWriter, r *http.Request, err error) error {
	st := httpx.Status(err)
	if st >= 500 {
		return err
	}
	var f *journey.SSOFailure
	if errors.As(err, &f) {
		wb.Log.Warn("single sign-on failed", "path", r.URL.Path, "err", f.Cause)
	}
	page := SSOErrorPage{Base: wb.base(w, r, "Single sign-on did not work", ""), Status: st, Message: ladder.ErrorMessage(err)}
	name := "layout"
	if isHTMX(r) {
		name = "content"
	}
	return wb.Tmpl.Render(w, st, "sso_error", name, page)
}

// OrgSSOSection is the single sign-on part of the organisation's
// settings. The secret is never put in the page: only whether it is set.
type OrgSSOSection struct {
	Show       bool // the viewer may change it
	Configured bool
	Form       OrgSSOForm
	SecretSet  bool
	Callback   string
	Domains    string
	State      FormState
}

// OrgSSOForm holds the single sign-on form's values.
type OrgSSOForm struct {
	Issuer, ClientID   string
	Enabled, Provision bool
}

// orgSSOSection reads the actor's organisation's single sign-on for the
// settings page; form, when set, holds what was typed.
func (wb *Web) orgSSOSection(r *http.Request, form *OrgSSOForm) (OrgSSOSection, error) {
	ctx := r.Context()
	actor := ladder.PersonFromContext(ctx)
	sec := OrgSSOSection{Callback: wb.ssoCallbackURL(r), Form: OrgSSOForm{Enabled: true}}
	if !wb.J.May(ctx, actor, ladder.ActOrgSSO) {
		return sec, nil
	}
	sec.Show = true
	c, err := wb.J.OrgSSO(ctx, actor)
	switch ladder.ErrorCode(err) {
	case "":
		sec.Configured, sec.SecretSet = true, c.ClientSecret != ""
		sec.Form = OrgSSOForm{Issuer: c.Issuer, ClientID: c.ClientID, Enabled: c.Enabled, Provision: c.Provision}
	case ladder.ENOTFOUND:
	default:
		return sec, err
	}
	o, _, err := wb.J.Organisation(ctx, actor)
	if err != nil {
		return sec, err
	}
	sec.Domains = strings.Join(o.Domains, ", ")
	if form != nil {
		sec.Form = *form
	}
	return sec, nil
}

// SaveOrgSSO sets up or changes single sign-on (owners).
func (wb *Web) SaveOrgSSO(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	actor := ladder.PersonFromContext(ctx)
	form := OrgSSOForm{Issuer: strings.TrimSpace(r.PostFormValue("issuer")), ClientID: strings.TrimSpace(r.PostFormValue("client_id")),
		Enabled: r.PostFormValue("enabled") != "", Provision: r.PostFormValue("provision") != ""}
	c := &ladder.OrgSSO{Issuer: form.Issuer, ClientID: form.ClientID, ClientSecret: r.PostFormValue("client_secret"),
		Enabled: form.Enabled, Provision: form.Provision}
	err := wb.J.SaveOrgSSO(ctx, actor, c)
	if err == nil {
		msg := "Single sign-on is saved."
		if c.Enabled {
			msg = "Single sign-on is saved: people of your organisation can now sign in with it."
		}
		return redirect(w, r, "/org/settings#sso-h", msg)
	}
	if formStatus(err) != http.StatusUnprocessableEntity {
		return err
	}
	o, _, oerr := wb.J.Organisation(ctx, actor)
	if oerr != nil {
		return oerr
	}
	page, perr := wb.orgSettingsPage(w, r, orgSettingsForm(o))
	if perr != nil {
		return perr
	}
	if page.SSO, perr = wb.orgSSOSection(r, &form); perr != nil {
		return perr
	}
	return wb.formError(w, r, "org_settings", &page.Base, err, func(msg string, f map[string]string) any {
		page.SSO.State = FormState{Error: msg, Fields: f}
		return page
	})
}

// DeleteOrgSSO removes single sign-on (owners); members sign in with
// passwords again.
func (wb *Web) DeleteOrgSSO(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	if err := wb.J.DeleteOrgSSO(ctx, ladder.PersonFromContext(ctx)); err != nil {
		return err
	}
	return redirect(w, r, "/org/settings", "Single sign-on is removed. Members sign in with a password or an invitation again.")
}
