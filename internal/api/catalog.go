package api

import (
	"net/http"

	"github.com/ladderhq/ladder"
)

func (a *API) listRoles(w http.ResponseWriter, r *http.Request) error {
	kind, err := queryEnum(r, "kind", ladder.RoleStart, ladder.RoleTarget)
	if err != nil {
		return err
	}
	m, err := a.J.Model(r.Context())
	if err != nil {
		return err
	}
	out := []Role{}
	for _, role := range m.Roles {
		if kind == "" || role.Kind == kind {
			out = append(out, NewRole(role))
		}
	}
	return writeJSON(w, http.StatusOK, out)
}

func (a *API) getRole(w http.ResponseWriter, r *http.Request) error {
	m, err := a.J.Model(r.Context())
	if err != nil {
		return err
	}
	role, ok := m.Role(r.PathValue("slug"))
	if !ok {
		return ladder.Errorf(ladder.ENOTFOUND, "There is no role %q.", r.PathValue("slug"))
	}
	return writeJSON(w, http.StatusOK, NewRoleDetail(m, role))
}

func (a *API) listCompetencies(w http.ResponseWriter, r *http.Request) error {
	m, err := a.J.Model(r.Context())
	if err != nil {
		return err
	}
	area := r.URL.Query().Get("area")
	if _, ok := m.Area(area); area != "" && !ok {
		return fieldError("A query parameter is not valid.", "area", "is not an area of the model")
	}
	out := []Competency{}
	for _, c := range m.Competencies() {
		if area == "" || c.Area == area {
			out = append(out, NewCompetency(m, c))
		}
	}
	return writeJSON(w, http.StatusOK, out)
}

func (a *API) getCompetency(w http.ResponseWriter, r *http.Request) error {
	m, err := a.J.Model(r.Context())
	if err != nil {
		return err
	}
	c, ok := m.Competency(r.PathValue("key"))
	if !ok {
		return ladder.Errorf(ladder.ENOTFOUND, "There is no competency %q.", r.PathValue("key"))
	}
	return writeJSON(w, http.StatusOK, NewCompetency(m, c))
}
