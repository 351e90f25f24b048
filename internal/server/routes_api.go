package server

import (
	"net/http"
	"slices"
	"strings"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/httpx"
)

// apiFallback is the pattern that catches what no API route matches, so
// that unknown API paths and methods answer problem+json, not a page.
const apiFallback = "/api/"

// apiRoutes is the table of JSON API routes. It comes from the API's
// operation table, which also builds the OpenAPI document: a route cannot
// exist undocumented.
func (s *Server) apiRoutes() ([]Route, error) {
	a, err := api.New(s.J, s.Auth, s.Log)
	if err != nil {
		return nil, err
	}
	var out []Route
	for _, op := range a.Operations() {
		access := APIPerson
		if op.Public {
			access = Public
		}
		out = append(out, Route{op.Method, op.Path, access, a.Handle(op.Handler)})
	}
	return out, nil
}

// isAPI reports whether r is an API call, answered in problem+json.
func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, apiFallback) }

// fail answers a request that the middleware refuses: problem+json for the
// API, an error page for everything else.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if !isAPI(r) {
		s.Web.Error(w, r, err)
		return
	}
	httpx.LogError(s.Log, r, err)
	httpx.WriteProblem(w, err)
}

// requireAPIPerson lets an API call through with a personal access token
// (Authorization: Bearer ldr_...) or the session cookie that loadSession
// checked. A token that is sent must be valid, even beside a session: a
// script must learn that its token was revoked. No redirects here: an API
// client is told 401.
func (s *Server) requireAPIPerson(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		authz := r.Header.Get("Authorization")
		if authz == "" {
			if ladder.PersonFromContext(r.Context()) == nil {
				unauthorized(w, "", "Sign in, or send a personal access token as Authorization: Bearer ldr_...")
				return
			}
			next.ServeHTTP(w, r)
			return
		}
		scheme, token, _ := strings.Cut(authz, " ")
		token = strings.TrimSpace(token)
		if !strings.EqualFold(scheme, "Bearer") || token == "" {
			unauthorized(w, "invalid_request", "Send the token as Authorization: Bearer ldr_...")
			return
		}
		p, err := s.Auth.AuthenticateToken(r.Context(), token)
		switch ladder.ErrorCode(err) {
		case "":
			next.ServeHTTP(w, r.WithContext(ladder.NewContextWithPerson(r.Context(), p)))
		case ladder.EUNAUTHORIZED:
			unauthorized(w, "invalid_token", ladder.ErrorMessage(err))
		default:
			s.fail(w, r, err)
		}
	})
}

// unauthorized answers 401 with the challenge RFC 6750 asks for.
func unauthorized(w http.ResponseWriter, code, msg string) {
	challenge := `Bearer realm="ladder"`
	if code != "" {
		challenge += `, error="` + code + `"`
	}
	w.Header().Set("WWW-Authenticate", challenge)
	httpx.WriteProblem(w, ladder.Errorf(ladder.EUNAUTHORIZED, "%s", msg))
}

// apiNotFound answers what no API route matched: 405 with Allow when the
// path exists with other methods, else 404.
func (s *Server) apiNotFound() http.Handler {
	paths := http.NewServeMux()
	allow := map[string][]string{}
	for _, rt := range s.routes {
		if !strings.HasPrefix(rt.Path, apiFallback) {
			continue
		}
		if allow[rt.Path] == nil {
			paths.Handle(rt.Path, http.NotFoundHandler())
		}
		allow[rt.Path] = append(allow[rt.Path], rt.Method)
		if rt.Method == http.MethodGet {
			allow[rt.Path] = append(allow[rt.Path], http.MethodHead)
		}
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := paths.Handler(r); pattern != "" {
			methods := slices.Sorted(slices.Values(allow[pattern]))
			w.Header().Set("Allow", strings.Join(methods, ", "))
			api.WriteStatus(w, http.StatusMethodNotAllowed, ladder.Errorf(ladder.EINVALID,
				"%s does not answer %s; it answers %s.", r.URL.Path, r.Method, strings.Join(methods, ", ")))
			return
		}
		httpx.WriteProblem(w, ladder.Errorf(ladder.ENOTFOUND, "There is no API path %s; see %s/openapi.json.", r.URL.Path, api.Prefix))
	})
}
