package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
)

func (a *API) getMe(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	me, err := a.me(r.Context(), p)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, me)
}

// me describes p with the roles resolved. A role the model no longer knows
// resolves to null rather than failing: the person can still choose anew.
func (a *API) me(ctx context.Context, p *ladder.Person) (Me, error) {
	out := Me{Person: NewPerson(p)}
	m, err := a.J.Model(ctx)
	if err != nil {
		return Me{}, err
	}
	if p.StartRole != "" {
		s, err := a.J.ResolveStart(ctx, m, p.StartRole)
		switch ladder.ErrorCode(err) {
		case "":
			out.Start = NewStartRole(s)
			if s.Role == nil {
				d, err := a.J.ONET()
				if err != nil {
					return Me{}, err
				}
				out.Attribution = d.Attribution(false)
			}
		case ladder.ENOTFOUND:
		default:
			return Me{}, err
		}
	}
	if p.TargetRole != "" {
		if t, err := a.J.ResolveTarget(m, p.TargetRole); err == nil {
			role := NewRole(t)
			out.Target = &role
		}
	}
	return out, nil
}

func (a *API) updateMe(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	var body PersonPatch
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	upd, err := a.personUpdate(r.Context(), p, body)
	if err != nil {
		return err
	}
	np, err := a.J.Persons.UpdatePerson(r.Context(), p.ID, upd)
	if ladder.ErrorCode(err) == ladder.ECONFLICT && body.Email != nil {
		// The email is the only unique column of a person; name the field
		// as CreatePerson does.
		return &ladder.Error{Code: ladder.ECONFLICT, Message: "A person with that email exists already.",
			Fields: map[string]string{"email": "is taken"}}
	} else if err != nil {
		return err
	}
	me, err := a.me(r.Context(), np)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, me)
}

// personUpdate checks a patch as a whole, so that one answer names every
// field in error, and resolves the roles to what is stored: a role's slug
// or an O*NET code.
func (a *API) personUpdate(ctx context.Context, p *ladder.Person, body PersonPatch) (ladder.PersonUpdate, error) {
	upd := ladder.PersonUpdate{Name: body.Name, Email: body.Email}
	f := ladder.FieldErrors{}
	check := *p
	if body.Name != nil {
		check.Name = *body.Name
	}
	if body.Email != nil {
		check.Email = *body.Email
	}
	var invalid *ladder.Error
	if err := check.Validate(); errors.As(err, &invalid) {
		for k, v := range invalid.Fields {
			f.Add(k, "%s", v)
		}
	}
	if body.StartRole != nil || body.TargetRole != nil {
		m, err := a.J.Model(ctx)
		if err != nil {
			return upd, err
		}
		if upd.StartRole, err = a.resolveStart(ctx, m, body.StartRole, f); err != nil {
			return upd, err
		}
		upd.TargetRole = a.resolveTarget(m, body.TargetRole, f)
	}
	return upd, f.Err("The profile is not valid.")
}

// resolveStart returns the value to store for a start role ("" clears it),
// recording an unknown one in f.
func (a *API) resolveStart(ctx context.Context, m *ladder.Model, in *string, f ladder.FieldErrors) (*string, error) {
	if in == nil {
		return nil, nil
	}
	if strings.TrimSpace(*in) == "" {
		cleared := ""
		return &cleared, nil
	}
	s, err := a.J.ResolveStart(ctx, m, *in)
	switch ladder.ErrorCode(err) {
	case "":
		return &s.Value, nil
	case ladder.ENOTFOUND:
		f.Add("start_role", "%s", ladder.ErrorMessage(err))
		return nil, nil
	}
	return nil, err
}

// resolveTarget returns the slug to store for a target role, recording a
// missing or unknown one in f.
func (a *API) resolveTarget(m *ladder.Model, in *string, f ladder.FieldErrors) *string {
	if in == nil {
		return nil
	}
	if strings.TrimSpace(*in) == "" {
		f.Add("target_role", "is required")
		return nil
	}
	t, err := a.J.ResolveTarget(m, *in)
	if err != nil {
		f.Add("target_role", "%s", ladder.ErrorMessage(err))
		return nil
	}
	return &t.Slug
}

func (a *API) exportData(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	out, err := NewExport(r.Context(), a.J, a.Auth, p)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="ladder-export-%s.json"`,
		out.ExportedAt.Format(time.DateOnly)))
	return writeJSON(w, http.StatusOK, out)
}
