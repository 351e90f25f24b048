package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"reflect"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/httpx"
	"github.com/ladderhq/ladder/internal/journey"
)

// Prefix starts every API path.
const Prefix = "/api/v1"

// MaxBody caps a request body: more than any valid request needs, little
// enough that a client cannot make the server hold much.
const MaxBody = 1 << 20

// API serves the JSON API. Who may call what is the server's business: the
// handlers find the signed-in person in the request context and only ever
// read or change that person's data.
type API struct {
	J    *journey.Journey
	Auth ladder.AuthService
	Log  *slog.Logger

	ops     []Operation
	schemas *Schemas
	bodies  map[reflect.Type]*Schema // request body schemas
	doc     []byte                   // the OpenAPI document, encoded once
}

// New returns the API with its operations and OpenAPI document.
func New(j *journey.Journey, auth ladder.AuthService, log *slog.Logger) (*API, error) {
	a := &API{J: j, Auth: auth, Log: log}
	a.ops = a.operations()
	doc := Document(a.ops)
	a.schemas, a.bodies = doc.schemas, doc.bodies
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("api: encode the OpenAPI document: %w", err)
	}
	a.doc = append(b, '\n')
	return a, nil
}

// Operations returns the operation table, from which the server registers
// its API routes and the OpenAPI document is built.
func (a *API) Operations() []Operation { return a.ops }

// OpenAPI returns the OpenAPI document as served.
func (a *API) OpenAPI() []byte { return a.doc }

// Handle adapts a handler: a returned error becomes problem+json with the
// status of its code; internal errors, panics included, are logged in full
// and answered "Internal error". Personal data must not linger in caches.
func (a *API) Handle(h httpx.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				a.Error(w, r, fmt.Errorf("panic: %v\n%s", v, debug.Stack()))
			}
		}()
		w.Header().Set("Cache-Control", "no-store")
		if err := h(w, r); err != nil {
			a.Error(w, r, err)
		}
	})
}

// Error writes err as RFC 9457 problem+json.
func (a *API) Error(w http.ResponseWriter, r *http.Request, err error) {
	httpx.LogError(a.Log, r, err)
	var se *statusError
	if errors.As(err, &se) {
		WriteStatus(w, se.status, se.err)
		return
	}
	httpx.WriteProblem(w, err)
}

// writeProblem writes a problem whose status the code table does not give.
func writeProblem(w http.ResponseWriter, p httpx.Problem) {
	b, _ := json.Marshal(p)
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(p.Status)
	w.Write(append(b, '\n'))
}

// statusError is a request refused with a status the domain has no code
// for: a body too large (413) or not JSON (415).
type statusError struct {
	status int
	err    *ladder.Error
}

func (e *statusError) Error() string { return e.err.Error() }

// Unwrap exposes the domain error, so its code and message survive.
func (e *statusError) Unwrap() error { return e.err }

// person returns the signed-in person; the server's middleware guarantees
// one on every route that is not public.
func person(r *http.Request) (*ladder.Person, error) {
	if p := ladder.PersonFromContext(r.Context()); p != nil {
		return p, nil
	}
	return nil, ladder.Errorf(ladder.EUNAUTHORIZED, "Sign in or send a token.")
}

// personAndID returns the signed-in person and the path id.
func personAndID(r *http.Request) (*ladder.Person, int64, error) {
	p, err := person(r)
	if err != nil {
		return nil, 0, err
	}
	id, err := pathID(r, "id")
	return p, id, err
}

// decode reads a JSON request body into v (a pointer to a documented body
// type). The body is checked against its documented schema first, so every
// mistake (a wrong type, an unknown or missing field) is reported by field,
// and the document stays true to what the server accepts.
func (a *API) decode(w http.ResponseWriter, r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
			return &statusError{http.StatusUnsupportedMediaType, ladder.Errorf(ladder.EINVALID,
				"Send the body as JSON (Content-Type: application/json).")}
		}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return &statusError{http.StatusRequestEntityTooLarge, ladder.Errorf(ladder.EINVALID,
			"The body is larger than %d bytes.", MaxBody)}
	} else if err != nil {
		return ladder.Errorf(ladder.EINVALID, "The body could not be read.")
	}
	var raw any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		return invalidBody(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return fieldError("The body is not valid JSON.", "body", "has data after the JSON value")
	}
	sc := a.bodies[reflect.TypeOf(v).Elem()]
	if sc == nil {
		return fmt.Errorf("api: %T is not a documented request body", v)
	}
	if f := a.schemas.Validate(sc, raw); f != nil {
		return f.Err("The request is not valid.")
	}
	dec = json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return invalidBody(err)
	}
	return nil
}

// invalidBody describes a JSON syntax or type error.
func invalidBody(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return fieldError("The body is empty.", "body", "is required")
	case errors.As(err, &syn):
		return fieldError("The body is not valid JSON.", "body", fmt.Sprintf("is not valid JSON at byte %d", syn.Offset))
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "body"
		}
		return fieldError("The request is not valid.", field, "must be "+jsonKind(typ.Type))
	}
	return fieldError("The body is not valid JSON.", "body", "is not valid JSON")
}

func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "an integer"
	case reflect.Float64, reflect.Float32:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	}
	return "an object"
}

func fieldError(msg, field, problem string) error {
	return &ladder.Error{Code: ladder.EINVALID, Message: msg, Fields: map[string]string{field: problem}}
}

// pathID parses the path parameter name as a positive integer id.
func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, fieldError("The id is not valid.", name, "must be a positive integer")
	}
	return id, nil
}

// queryInt parses an optional integer query parameter within [lo, hi].
func queryInt(r *http.Request, name string, def, lo, hi int) (int, error) {
	s := r.URL.Query().Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, fieldError("A query parameter is not valid.", name, fmt.Sprintf("must be an integer from %d to %d", lo, hi))
	}
	return n, nil
}

// queryEnum returns an optional query parameter that must be one of values.
func queryEnum(r *http.Request, name string, values ...string) (string, error) {
	s := r.URL.Query().Get(name)
	if s == "" {
		return "", nil
	}
	for _, v := range values {
		if s == v {
			return s, nil
		}
	}
	return "", fieldError("A query parameter is not valid.", name, "must be one of "+strings.Join(values, ", "))
}

// writeJSON writes v with status, encoded into a buffer first.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	httpx.WriteJSON(w, status, v)
	return nil
}

// writeCreated answers 201 with v and the Location of the new resource,
// Prefix/path/id.
func writeCreated(w http.ResponseWriter, path string, id int64, v any) error {
	w.Header().Set("Location", fmt.Sprintf("%s/%s/%d", Prefix, path, id))
	return writeJSON(w, http.StatusCreated, v)
}

// deleteOwn deletes the signed-in person's resource with the path id and
// answers 204. del must delete only the person's own, so that another's is
// not found (404), exactly as a missing one.
func deleteOwn(w http.ResponseWriter, r *http.Request, del func(ctx context.Context, personID, id int64) error) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	if err := del(r.Context(), p.ID, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// WriteStatus writes err as problem+json with a status of the HTTP layer's
// own (405 for a method a path does not answer, say) rather than its code's.
func WriteStatus(w http.ResponseWriter, status int, err error) {
	p := httpx.NewProblem(err)
	p.Status, p.Title = status, http.StatusText(status)
	writeProblem(w, p)
}
