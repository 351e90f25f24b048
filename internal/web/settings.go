package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/httpx"
)

// SettingsPage holds the profile, roles, password and token forms.
type SettingsPage struct {
	Base
	Name        string
	Email       string
	StartTitle  string
	TargetTitle string
	Tokens      []TokenRow
	// NewToken is a token's plaintext, shown on the page that created it
	// and never again.
	NewToken     string
	NewTokenName string
	TokenName    string // the name typed, kept when the form fails
	// HasPassword is false for a person without an account (the demo, or
	// someone who only used the command line): there is no password to change.
	HasPassword bool

	ProfileError   string
	NameError      string
	EmailError     string
	PasswordError  string
	OldError       string
	NewError       string
	RepeatError    string
	TokenError     string
	TokenNameError string
}

// TokenRow is one personal access token, without its secret.
type TokenRow struct {
	ID        string
	Name      string
	Prefix    string
	Created   string
	LastUsed  string
	DeleteURL string
}

// Settings shows the settings page.
func (wb *Web) Settings(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.settingsPage(w, r)
	if err != nil {
		return err
	}
	return wb.render(w, r, "settings", page)
}

func (wb *Web) settingsPage(w http.ResponseWriter, r *http.Request) (SettingsPage, error) {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	page := SettingsPage{Base: wb.base(w, r, "Settings", "settings"), Name: p.Name, Email: p.Email}
	m, err := wb.J.Model(ctx)
	if err != nil {
		return page, err
	}
	if t, ok := m.Role(p.TargetRole); ok {
		page.TargetTitle = t.Title
	}
	if p.StartRole != "" {
		s, err := wb.J.ResolveStart(ctx, m, p.StartRole)
		switch {
		case err == nil:
			page.StartTitle = s.Title
		case ladder.ErrorCode(err) == ladder.ENOTFOUND:
			page.StartTitle = p.StartRole + " (no longer known)"
		default:
			return page, err
		}
	}
	switch _, err := wb.Auth.FindAccount(ctx, p.ID); ladder.ErrorCode(err) {
	case "":
		page.HasPassword = true
	case ladder.ENOTFOUND:
	default:
		return page, err
	}
	ts, err := wb.Auth.FindTokens(ctx, p.ID)
	if err != nil {
		return page, err
	}
	for _, t := range ts {
		row := TokenRow{ID: strconv.FormatInt(t.ID, 10), Name: t.Name, Prefix: t.Prefix, Created: t.CreatedAt.Format("2 Jan 2006"),
			LastUsed: "never"}
		if !t.LastUsedAt.IsZero() {
			row.LastUsed = t.LastUsedAt.Format("2 Jan 2006")
		}
		row.DeleteURL = "/settings/tokens/" + row.ID + "/delete"
		page.Tokens = append(page.Tokens, row)
	}
	return page, nil
}

// SettingsProfile changes the name and email address.
func (wb *Web) SettingsProfile(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	name, email := strings.TrimSpace(r.PostFormValue("name")), strings.TrimSpace(r.PostFormValue("email"))
	// Validate a copy first: the store would say the same, but this names
	// the fields before anything is written.
	check := ladder.Person{Name: name, Email: email}
	err := check.Validate()
	if err == nil {
		_, err = wb.J.Persons.UpdatePerson(ctx, p.ID, ladder.PersonUpdate{Name: &check.Name, Email: &check.Email})
	}
	if ladder.ErrorCode(err) == ladder.ECONFLICT {
		err = withField(err, "email", "is used by someone else")
	}
	if err != nil {
		return wb.settingsError(w, r, err, func(page *SettingsPage, msg string, f map[string]string) {
			page.Name, page.Email = name, email
			page.ProfileError, page.NameError, page.EmailError = msg, f["name"], f["email"]
		})
	}
	return redirect(w, r, "/settings", "Your profile is saved.")
}

// SettingsPassword changes the password, which signs the person out
// everywhere, then signs this browser in again.
func (wb *Web) SettingsPassword(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	old, pw, repeat := r.PostFormValue("old"), r.PostFormValue("new"), r.PostFormValue("repeat")
	f := ladder.FieldErrors{}
	if old == "" {
		f.Add("old", "is required")
	}
	if e, ok := ladder.ValidatePassword(pw, p.Email).(*ladder.Error); ok {
		f.Add("new", "%s", e.Fields["password"])
	}
	if repeat != pw {
		f.Add("repeat", "does not match the new password")
	}
	err := f.Err("The password was not changed.")
	if err == nil {
		err = wb.Auth.SetPassword(ctx, p.ID, old, pw)
	}
	switch ladder.ErrorCode(err) {
	case "":
	case ladder.EUNAUTHORIZED:
		err = fieldError("The password was not changed.", "old", "is not your current password")
	case ladder.EINVALID:
		if e, ok := err.(*ladder.Error); ok && e.Fields["password"] != "" {
			err = fieldError(e.Message, "new", e.Fields["password"])
		}
	}
	if err != nil {
		return wb.settingsError(w, r, err, func(page *SettingsPage, msg string, f map[string]string) {
			page.PasswordError, page.OldError, page.NewError, page.RepeatError = msg, f["old"], f["new"], f["repeat"]
		})
	}
	tok, _, err := wb.Auth.CreateSession(ctx, p.ID)
	if err != nil {
		return err
	}
	httpx.SetSession(w, r, tok)
	return redirect(w, r, "/settings", "Your password is changed. Every other browser was signed out.")
}

// SettingsTokenCreate creates a personal access token and shows its
// plaintext on the page it answers with: the one time it exists outside
// the browser's clipboard. The page is not a redirect on purpose, so the
// secret never travels in a cookie or a URL.
func (wb *Web) SettingsTokenCreate(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	name := strings.TrimSpace(r.PostFormValue("name"))
	plain, t, err := wb.Auth.CreateToken(ctx, p.ID, name)
	if ladder.ErrorCode(err) == ladder.ECONFLICT {
		err = withField(err, "name", "is the name of another of your tokens")
	}
	if err != nil {
		return wb.settingsError(w, r, err, func(page *SettingsPage, msg string, f map[string]string) {
			page.TokenName, page.TokenError, page.TokenNameError = name, msg, f["name"]
		})
	}
	page, err := wb.settingsPage(w, r)
	if err != nil {
		return err
	}
	page.NewToken, page.NewTokenName, page.Flash = plain, t.Name, "Token “"+t.Name+"” created."
	return wb.Tmpl.Render(w, http.StatusCreated, "settings", "layout", page)
}

// SettingsTokenDelete revokes one of the person's tokens; another person's
// token id is not found.
func (wb *Web) SettingsTokenDelete(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return ladder.Errorf(ladder.ENOTFOUND, "There is no such token.")
	}
	if err := wb.Auth.DeleteToken(ctx, p.ID, id); err != nil {
		return err
	}
	return redirect(w, r, "/settings#tokens", "The token is deleted: scripts using it can no longer sign in.")
}

// settingsError re-renders the settings page with one form's errors.
func (wb *Web) settingsError(w http.ResponseWriter, r *http.Request, err error, fill func(*SettingsPage, string, map[string]string)) error {
	if formStatus(err) >= 500 {
		return err
	}
	page, perr := wb.settingsPage(w, r)
	if perr != nil {
		return perr
	}
	return wb.formError(w, r, "settings", &page.Base, err, func(msg string, f map[string]string) any {
		fill(&page, msg, f)
		return page
	})
}
