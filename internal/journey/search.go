package journey

import (
	"context"
	"strings"

	"github.com/ladderhq/ladder"
)

// StartOption is one answer to "where do you start?": one of the model's
// start roles or an O*NET occupation. Value is what ResolveStart accepts
// and the person stores.
type StartOption struct {
	Value string
	Title string
	// ONETCode is the occupation behind the option ("" for a role without one).
	ONETCode string
	// ONET is true for a bare O*NET occupation, false for a Ladder role.
	ONET bool
	// Match says why an O*NET occupation was found when not by its title:
	// the alternate title that matched.
	Match string
}

// StartSearch is the result of SearchStart.
type StartSearch struct {
	Options []StartOption
	// Closest is true when nothing matched and Options holds the closest
	// spellings instead.
	Closest bool
	// Attribution is O*NET's credit line when O*NET titles are listed.
	Attribution string
}

// SearchStart finds start roles for query: the model's start roles whose
// title or slug holds every word of it, then O*NET occupations by code,
// title or alternate title (at most limit of those). An empty query lists the
// model's start roles. When nothing matches, the closest roles and
// occupations are listed and Closest is set.
func (j *Journey) SearchStart(ctx context.Context, m *ladder.Model, query string, limit int) (*StartSearch, error) {
	q := strings.TrimSpace(query)
	out := &StartSearch{}
	for _, r := range m.Roles {
		if r.Kind == ladder.RoleStart && roleMatches(r, q) {
			out.Options = append(out.Options, StartOption{Value: r.Slug, Title: r.Title, ONETCode: r.ONETCode})
		}
	}
	if q == "" {
		return out, nil
	}
	d, err := j.ONET()
	if err != nil {
		return nil, err
	}
	res := d.Search(q, limit)
	if len(out.Options) == 0 && len(res) == 0 {
		out.Closest = true
		sugg := roleSuggestions(m, q, ladder.RoleStart)
		for _, s := range sugg[:min(3, len(sugg))] {
			slug, _, _ := strings.Cut(s, " ")
			if r, ok := m.Role(slug); ok {
				out.Options = append(out.Options, StartOption{Value: r.Slug, Title: r.Title, ONETCode: r.ONETCode})
			}
		}
		res = d.Suggest(q, 5)
	}
	for _, o := range res {
		opt := StartOption{Value: o.Code, Title: o.Title, ONETCode: o.Code, ONET: true}
		if o.Match != "code" && o.Match != "title" {
			opt.Match = o.Match
		}
		out.Options = append(out.Options, opt)
	}
	if len(res) > 0 {
		out.Attribution = d.Attribution(false)
	}
	return out, nil
}

// roleMatches reports whether every word of q appears in the role's title
// or slug, ignoring case.
func roleMatches(r ladder.Role, q string) bool {
	hay := strings.ToLower(r.Title + " " + r.Slug)
	for _, w := range strings.Fields(strings.ToLower(q)) {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}
