package api

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/onet"
)

func (a *API) searchONET(w http.ResponseWriter, r *http.Request) error {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		return fieldError("A query parameter is not valid.", "q", "is required")
	}
	limit, err := queryInt(r, "limit", DefaultLimit, 1, MaxLimit)
	if err != nil {
		return err
	}
	d, err := a.J.ONET()
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewONETSearch(d, d.Search(q, limit)))
}

func (a *API) getONETOccupation(w http.ResponseWriter, r *http.Request) error {
	d, err := a.J.ONET()
	if err != nil {
		return err
	}
	o, err := d.Lookup(r.PathValue("code"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewONETOccupation(d, o))
}

func (a *API) compareONET(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	domain, err := queryEnum(r, "domain", onet.DomainSkills, onet.DomainKnowledge, onet.DomainWorkActivities)
	if err != nil {
		return err
	}
	d, err := a.J.ONET()
	if err != nil {
		return err
	}
	from, to, err := a.compareCodes(r.Context(), p, r.URL.Query().Get("from"), r.URL.Query().Get("to"))
	if err != nil {
		return err
	}
	c, err := onet.Compare(d, from, to)
	if err != nil {
		// Name the side at fault: the first unknown or unrated one.
		field := "to"
		if o, ok := d.Occupation(from); !ok || !d.Rated(o, onet.DomainSkills) {
			field = "from"
		}
		return fieldError("The occupations cannot be compared.", field, ladder.ErrorMessage(err))
	}
	if domain != "" {
		other := func(g onet.ElementGap) bool { return g.Domain != domain }
		c.Gaps, c.Transfers = slices.DeleteFunc(c.Gaps, other), slices.DeleteFunc(c.Transfers, other)
	}
	return writeJSON(w, http.StatusOK, NewONETComparison(c, d.Attribution(true)))
}

// compareCodes turns the from and to parameters into O*NET codes: a role
// slug stands for its rated occupation, and they default to the person's
// start and target roles.
func (a *API) compareCodes(ctx context.Context, p *ladder.Person, from, to string) (string, string, error) {
	m, err := a.J.Model(ctx)
	if err != nil {
		return "", "", err
	}
	f := ladder.FieldErrors{}
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	switch {
	case from != "":
		from = roleCode(m, from)
	case p.StartRole == "":
		f.Add("from", "is required: you have no start role")
	default:
		s, err := a.J.ResolveStart(ctx, m, p.StartRole)
		switch ladder.ErrorCode(err) {
		case "":
			from = s.ONETCode
		case ladder.ENOTFOUND:
			f.Add("from", "is required: your start role %q is no longer known", p.StartRole)
		default:
			return "", "", err
		}
	}
	switch {
	case to != "":
		to = roleCode(m, to)
	case p.TargetRole == "":
		f.Add("to", "is required: you have no target role")
	default:
		to = roleCode(m, p.TargetRole)
	}
	return from, to, f.Err("The occupations to compare are missing.")
}

// roleCode returns the rated O*NET occupation of the role with slug s, or s
// itself when no role has that slug.
func roleCode(m *ladder.Model, s string) string {
	r, ok := m.Role(s)
	switch {
	case !ok:
		return s
	case r.ONETProxy != "":
		return r.ONETProxy
	}
	return r.ONETCode
}
