package server

import "net/http"

// webRoutes is the table of HTML routes.
func (s *Server) webRoutes() []Route {
	w := s.Web
	h := w.Handle
	return []Route{
		{"GET", "/static/", Public, w.Assets},
		{"GET", "/healthz", Public, http.HandlerFunc(func(rw http.ResponseWriter, _ *http.Request) { rw.Write([]byte("ok\n")) })},
		{"GET", "/setup", Public, h(w.Setup)},
		{"POST", "/setup", Public, h(w.CreateOwner)},
		{"GET", "/login", Public, h(w.Login)},
		{"POST", "/login", Public, h(w.LoginSubmit)},
		{"POST", "/logout", Public, h(w.Logout)},
		{"GET", "/demo", Public, h(s.enterDemo)},
		{"GET", "/{$}", Person, h(w.Dashboard)},
	}
}
