// Package web serves Ladder's HTML pages: handlers that compute typed page
// structs from the journey layer and render them with html/template. No
// logic lives only here: every number comes from internal/journey and
// internal/readiness.
package web

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/demo"
	"github.com/ladderhq/ladder/internal/httpx"
	"github.com/ladderhq/ladder/internal/journey"
)

// Web holds what the page handlers need.
type Web struct {
	J      *journey.Journey
	Auth   ladder.AuthService
	Tmpl   *Templates
	Assets *Assets
	Log    *slog.Logger
	// Demo signs visitors in as the demo person (ladder serve --demo).
	Demo bool
}

// New parses the templates and hashes the assets.
func New(j *journey.Journey, auth ladder.AuthService, log *slog.Logger, demo bool) (*Web, error) {
	assets, err := NewAssets()
	if err != nil {
		return nil, err
	}
	tmpl, err := NewTemplates(assets)
	if err != nil {
		return nil, err
	}
	return &Web{J: j, Auth: auth, Tmpl: tmpl, Assets: assets, Log: log, Demo: demo}, nil
}

// Base is embedded in every page struct.
type Base struct {
	Title  string
	Nav    string // the active navigation item
	Person *ladder.Person
	Flash  string
	Demo   bool
	// DemoAdmin says the demo's organisation owner is signed in.
	DemoAdmin bool
	// Attribution is O*NET's credit line on pages that show O*NET data.
	Attribution string
}

// base fills the common fields for a page.
func (wb *Web) base(w http.ResponseWriter, r *http.Request, title, nav string) Base {
	b := Base{Title: title, Nav: nav, Person: ladder.PersonFromContext(r.Context()),
		Flash: httpx.TakeFlash(w, r), Demo: wb.Demo}
	b.DemoAdmin = b.Demo && b.Person != nil && b.Person.Email == demo.AdminEmail
	return b
}

// ErrorPage is the page for a failed request.
type ErrorPage struct {
	Base
	Status  int
	Message string
}

// Handle adapts a Handler: a returned error becomes an error page (or, for
// htmx, a fragment) with the status of its code; internal errors are logged
// in full and shown as "Internal error".
func (wb *Web) Handle(h httpx.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			wb.Error(w, r, err)
		}
	})
}

// Error renders err as a page.
func (wb *Web) Error(w http.ResponseWriter, r *http.Request, err error) {
	httpx.LogError(wb.Log, r, err)
	st := httpx.Status(err)
	p := ErrorPage{Base: wb.base(w, r, http.StatusText(st), ""), Status: st, Message: ladder.ErrorMessage(err)}
	if st == http.StatusNotFound && !errors.As(err, new(*ladder.Error)) {
		p.Message = "There is no such page."
	}
	name := "layout"
	if isHTMX(r) {
		name = "content"
	}
	if rerr := wb.Tmpl.Render(w, st, "error", name, p); rerr != nil {
		wb.Log.Error("render error page", "err", rerr)
		http.Error(w, "Internal error", http.StatusInternalServerError)
	}
}

// NotFound answers unknown paths with the 404 page.
func (wb *Web) NotFound(w http.ResponseWriter, r *http.Request) {
	wb.Error(w, r, ladder.Errorf(ladder.ENOTFOUND, "There is no such page."))
}

// render writes a whole page, or its content block for htmx requests.
func (wb *Web) render(w http.ResponseWriter, r *http.Request, page string, data any) error {
	name := "layout"
	if isHTMX(r) {
		name = "content"
	}
	return wb.Tmpl.Render(w, http.StatusOK, page, name, data)
}

// redirect sends the browser on after a change, with a flash message. htmx
// follows HX-Redirect; plain forms follow 303 See Other.
func redirect(w http.ResponseWriter, r *http.Request, to, flash string) error {
	if flash != "" {
		httpx.SetFlash(w, r, flash)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// formError is a page re-rendered with inline errors and status 400 or 422.
func formStatus(err error) int {
	if ladder.ErrorCode(err) == ladder.EINVALID {
		return http.StatusUnprocessableEntity
	}
	return httpx.Status(err)
}
