package web

import (
	"net/http"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// FormState is what a form shows after a failed submission: the message
// and the per-field errors.
type FormState struct {
	Error  string
	Fields map[string]string
}

// isHTMX reports whether htmx sent the request for a fragment.
func isHTMX(r *http.Request) bool {
	return r.Header.Get("HX-Request") == "true" && r.Header.Get("HX-Boosted") != "true"
}

// snapshot loads the signed-in person's snapshot for target (their own
// target when ""). ok is false when the person has no target role yet: the
// browser was sent to onboarding and the caller returns at once.
func (wb *Web) snapshot(w http.ResponseWriter, r *http.Request, target string) (s *journey.Snapshot, ok bool, err error) {
	p := ladder.PersonFromContext(r.Context())
	if p.TargetRole == "" && target == "" {
		return nil, false, redirect(w, r, "/onboarding", "Choose your start and target roles first.")
	}
	s, err = wb.J.Snapshot(r.Context(), p, target)
	return s, err == nil, err
}

// fieldError returns an EINVALID error naming one field.
func fieldError(message, field, problem string) error {
	return &ladder.Error{Code: ladder.EINVALID, Message: message, Fields: map[string]string{field: problem}}
}

// withField gives err (an *ladder.Error) a field message, keeping its code:
// a conflict on an email address is still a conflict, but the form can point
// at the field.
func withField(err error, field, problem string) error {
	e, ok := err.(*ladder.Error)
	if !ok {
		return err
	}
	out := &ladder.Error{Code: e.Code, Message: e.Message, Fields: map[string]string{}}
	for k, v := range e.Fields {
		out.Fields[k] = v
	}
	out.Fields[field] = problem
	return out
}

// addDomainErrors adds the field messages of the domain's validation error
// to fe, so a form reports its parse errors and the domain's complaints in
// one go.
func addDomainErrors(fe ladder.FieldErrors, err error) {
	if verr, ok := err.(*ladder.Error); ok {
		for k, v := range verr.Fields {
			fe.Add(k, "%s", v)
		}
	}
}
