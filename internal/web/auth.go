package web

import (
	"net/http"
	"strings"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/httpx"
)

// AuthPage is the set-up and sign-in form.
type AuthPage struct {
	Base
	Setup  bool // creating the owner account on the first visit
	Name   string
	Email  string
	Next   string
	Error  string
	Fields map[string]string
	// SSO shows "Sign in with your organisation" beside the password
	// form; Org and SSOError are that form's value and error (sso.go).
	SSO      bool
	Org      string
	SSOError string
}

// Setup shows the form that creates the owner account on the first visit.
func (wb *Web) Setup(w http.ResponseWriter, r *http.Request) error {
	if has, err := wb.Auth.HasAccounts(r.Context()); err != nil {
		return err
	} else if has {
		return redirect(w, r, "/login", "")
	}
	return wb.render(w, r, "auth", AuthPage{Base: wb.base(w, r, "Welcome to Ladder", ""), Setup: true})
}

// CreateOwner creates the first person, their owner account and a session.
// A person the command line already created with that email is linked
// rather than duplicated.
func (wb *Web) CreateOwner(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	if has, err := wb.Auth.HasAccounts(ctx); err != nil {
		return err
	} else if has {
		return ladder.Errorf(ladder.EFORBIDDEN, "Ladder is set up already: sign in instead.")
	}
	page := AuthPage{Base: wb.base(w, r, "Welcome to Ladder", ""), Setup: true,
		Name: strings.TrimSpace(r.PostFormValue("name")), Email: strings.TrimSpace(r.PostFormValue("email"))}
	password := r.PostFormValue("password")
	p := &ladder.Person{Name: page.Name, Email: page.Email}
	err := p.Validate()
	if err == nil {
		err = ladder.ValidatePassword(password, p.Email)
	}
	if err == nil {
		p, err = wb.findOrCreatePerson(r, p)
	}
	if err == nil {
		err = wb.Auth.CreateAccount(ctx, p.ID, ladder.AccountOwner, password)
	}
	if err != nil {
		return wb.formError(w, r, "auth", &page.Base, err, func(msg string, f map[string]string) any {
			page.Error, page.Fields = msg, f
			return page
		})
	}
	return wb.startSession(w, r, p, "/onboarding", "Welcome, "+p.Name+". Your account is ready.")
}

func (wb *Web) findOrCreatePerson(r *http.Request, p *ladder.Person) (*ladder.Person, error) {
	old, err := wb.J.Persons.FindPersonByEmail(r.Context(), p.Email)
	if err == nil {
		return old, nil
	}
	if ladder.ErrorCode(err) != ladder.ENOTFOUND {
		return nil, err
	}
	return p, wb.J.Persons.CreatePerson(r.Context(), p)
}

// Login shows the sign-in form.
func (wb *Web) Login(w http.ResponseWriter, r *http.Request) error {
	if has, err := wb.Auth.HasAccounts(r.Context()); err != nil {
		return err
	} else if !has {
		return redirect(w, r, "/setup", "")
	}
	page := AuthPage{Base: wb.base(w, r, "Sign in", ""), Next: httpx.SafeNext(r.URL.Query().Get("next"))}
	if err := wb.offerSSO(r, &page); err != nil {
		return err
	}
	return wb.render(w, r, "auth", page)
}

// LoginSubmit checks the password (throttled per account and address) and
// starts a session.
func (wb *Web) LoginSubmit(w http.ResponseWriter, r *http.Request) error {
	page := AuthPage{Base: wb.base(w, r, "Sign in", ""), Email: strings.TrimSpace(r.PostFormValue("email")),
		Next: httpx.SafeNext(r.PostFormValue("next"))}
	p, err := wb.Auth.Authenticate(r.Context(), page.Email, r.PostFormValue("password"), httpx.ClientAddress(r))
	if err != nil {
		if oerr := wb.offerSSO(r, &page); oerr != nil {
			return oerr
		}
		return wb.formError(w, r, "auth", &page.Base, err, func(msg string, f map[string]string) any {
			page.Error, page.Fields = msg, f
			return page
		})
	}
	return wb.startSession(w, r, p, page.Next, "")
}

// Logout ends the session.
func (wb *Web) Logout(w http.ResponseWriter, r *http.Request) error {
	if tok := httpx.SessionToken(r); tok != "" {
		if err := wb.Auth.DeleteSession(r.Context(), tok); err != nil && ladder.ErrorCode(err) != ladder.ENOTFOUND {
			return err
		}
	}
	httpx.ClearSession(w, r)
	to := "/login"
	if wb.Demo {
		to = "/demo"
	}
	return redirect(w, r, to, "You are signed out.")
}

func (wb *Web) startSession(w http.ResponseWriter, r *http.Request, p *ladder.Person, next, flash string) error {
	// A fresh token at every sign-in: a session fixed before sign-in is
	// never promoted.
	tok, _, err := wb.Auth.CreateSession(r.Context(), p.ID)
	if err != nil {
		return err
	}
	httpx.SetSession(w, r, tok)
	return redirect(w, r, next, flash)
}

// formError re-renders a form page with the error's message and fields, with
// a 4xx status; other errors go to the error page.
func (wb *Web) formError(w http.ResponseWriter, r *http.Request, page string, b *Base, err error, fill func(string, map[string]string) any) error {
	st := formStatus(err)
	if st >= 500 {
		return err
	}
	var fields map[string]string
	if e, ok := err.(*ladder.Error); ok {
		fields = e.Fields
	}
	b.Title = "Check the form: " + b.Title
	name := "layout"
	if isHTMX(r) {
		name = "content"
	}
	return wb.Tmpl.Render(w, st, page, name, fill(ladder.ErrorMessage(err), fields))
}
