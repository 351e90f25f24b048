// Package server assembles Ladder's HTTP server: the route table, sessions,
// CSRF protection, who may see what, and the http.Server itself.
package server

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/demo"
	"github.com/ladderhq/ladder/internal/httpx"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/web"
)

// Access says who may call a route.
type Access int

// Access levels.
const (
	// Public routes answer anyone (static files, sign-in, first set-up).
	Public Access = iota
	// Person routes need a signed-in person and only ever show that
	// person's own data.
	Person
	// APIPerson routes are Person routes of the JSON API: a personal access
	// token or the session, and 401 problem+json instead of a redirect
	// (routes_api.go).
	APIPerson
)

// Route is one entry of the route table. The authorisation tests walk this
// table, so a route without a row there fails them.
type Route struct {
	Method  string
	Path    string
	Access  Access
	Handler http.Handler
}

// Server is Ladder's HTTP server.
type Server struct {
	J    *journey.Journey
	Auth ladder.AuthService
	Web  *web.Web
	Log  *slog.Logger
	Demo bool

	handler http.Handler
	routes  []Route
}

// New builds the server and its routes.
func New(j *journey.Journey, auth ladder.AuthService, log *slog.Logger, demoMode bool) (*Server, error) {
	w, err := web.New(j, auth, log, demoMode)
	if err != nil {
		return nil, err
	}
	s := &Server{J: j, Auth: auth, Web: w, Log: log, Demo: demoMode}
	s.routes = s.webRoutes()
	// API hook: the JSON API's routes and fallback live in routes_api.go.
	apiRoutes, err := s.apiRoutes()
	if err != nil {
		return nil, err
	}
	s.routes = append(s.routes, apiRoutes...)
	mux := http.NewServeMux()
	for _, rt := range s.routes {
		h := rt.Handler
		switch rt.Access {
		case Person:
			h = s.requirePerson(h)
		case APIPerson:
			h = s.requireAPIPerson(h)
		}
		mux.Handle(rt.Method+" "+rt.Path, h)
	}
	mux.Handle(apiFallback, s.apiNotFound())
	mux.Handle("/", http.HandlerFunc(w.NotFound))
	// Cross-origin protection refuses state-changing requests that the
	// browser marks as coming from another site (Sec-Fetch-Site, Origin):
	// CSRF protection without tokens in every form.
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		s.fail(rw, r, ladder.Errorf(ladder.EFORBIDDEN, "This request came from another site and was refused."))
	}))
	s.handler = httpx.Recover(log, httpx.SecurityHeaders(cop.Handler(s.loadSession(mux))))
	return s, nil
}

// Routes returns the route table.
func (s *Server) Routes() []Route { return s.routes }

// ServeHTTP serves a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// loadSession puts the signed-in person, if any, into the request context.
func (s *Server) loadSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if tok := httpx.SessionToken(r); tok != "" {
			_, p, err := s.Auth.FindSession(r.Context(), tok)
			switch {
			case err == nil:
				r = r.WithContext(ladder.NewContextWithPerson(r.Context(), p))
			case ladder.ErrorCode(err) == ladder.ENOTFOUND:
				httpx.ClearSession(w, r)
			default:
				s.fail(w, r, err)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// requirePerson sends visitors without a session to set-up (no account
// exists yet), the demo (demo mode) or the sign-in page.
func (s *Server) requirePerson(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if ladder.PersonFromContext(r.Context()) != nil {
			next.ServeHTTP(w, r)
			return
		}
		if s.Demo {
			http.Redirect(w, r, "/demo", http.StatusSeeOther)
			return
		}
		has, err := s.Auth.HasAccounts(r.Context())
		if err != nil {
			s.Web.Error(w, r, err)
			return
		}
		to := "/login?next=" + r.URL.EscapedPath()
		if !has {
			to = "/setup"
		}
		if r.Method != http.MethodGet {
			s.Web.Error(w, r, ladder.Errorf(ladder.EUNAUTHORIZED, "Sign in first."))
			return
		}
		http.Redirect(w, r, to, http.StatusSeeOther)
	})
}

// enterDemo signs the visitor in as the demo person, or with ?as=admin as
// the demo organisation's owner (demo mode only). A missing demo person is
// loaded alone, a missing owner with the organisation (and Alex in it):
// ladder serve --demo loads both before serving.
func (s *Server) enterDemo(w http.ResponseWriter, r *http.Request) error {
	if !s.Demo {
		return ladder.Errorf(ladder.ENOTFOUND, "There is no such page.")
	}
	email := demo.Email
	switch r.URL.Query().Get("as") {
	case "":
	case "admin":
		email = demo.AdminEmail
	default:
		return ladder.Errorf(ladder.ENOTFOUND, "There is no such demo account: use /demo, or /demo?as=admin for the organisation's owner.")
	}
	p, err := s.J.Persons.FindPersonByEmail(r.Context(), email)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND && email == demo.AdminEmail {
		_, p, err = demo.LoadOrg(r.Context(), s.J, s.J.DB.Now())
	} else if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		p, err = demo.Load(r.Context(), s.J, s.J.DB.Now())
	}
	if err != nil {
		return err
	}
	tok, _, err := s.Auth.CreateSession(r.Context(), p.ID)
	if err != nil {
		return err
	}
	httpx.SetSession(w, r, tok)
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}

// ListenAndServe serves on addr until ctx ends, then drains for up to ten
// seconds. ready, if set, receives the bound address (port 0 picks one).
func (s *Server) ListenAndServe(ctx context.Context, addr string, ready func(net.Addr)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return ladder.Errorf(ladder.EINVALID, "cannot listen on %s: %v", addr, err)
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10,
		ErrorLog: slog.NewLogLogger(s.Log.Handler(), slog.LevelWarn)}
	if ready != nil {
		ready(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(shut); err != nil && !errors.Is(err, context.Canceled) {
			return err
		}
		return nil
	}
}
