package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// searchLimit caps the O*NET occupations a start-role search lists.
const searchLimit = 15

// OnboardingPage picks the start and the target role.
type OnboardingPage struct {
	Base
	First   bool // no roles chosen yet: the welcome wording
	Query   string
	Results RoleResults
	Targets []RoleChoice
	// TargetError is the target field's error.
	TargetError string
	Error       string
}

// RoleResults is the list of start roles to pick from: the page's part that
// htmx replaces while the person types.
type RoleResults struct {
	Query    string
	Searched bool // a query was given
	Closest  bool // nothing matched: the closest spellings are listed
	Count    string
	Options  []RoleChoice
	// Attribution is O*NET's credit line, repeated in the fragment because
	// htmx swaps it in without the page footer.
	Attribution string
	// Error is the start field's error.
	Error string
}

// RoleChoice is one radio button of a role list.
type RoleChoice struct {
	ID      string
	Value   string
	Title   string
	Detail  string
	Summary string
	Checked bool
}

// Onboarding shows the role form; with ?q= (no JavaScript) it lists search
// results too.
func (wb *Web) Onboarding(w http.ResponseWriter, r *http.Request) error {
	p := ladder.PersonFromContext(r.Context())
	q := r.URL.Query()
	start, target := q.Get("start"), q.Get("target")
	if !q.Has("start") {
		start = p.StartRole
	}
	if !q.Has("target") {
		target = p.TargetRole
	}
	page, err := wb.onboardingPage(w, r, q.Get("q"), start, target)
	if err != nil {
		return err
	}
	return wb.render(w, r, "onboarding", page)
}

// RoleSearch answers the search box: the role list fragment for htmx, the
// whole page otherwise.
func (wb *Web) RoleSearch(w http.ResponseWriter, r *http.Request) error {
	if !isHTMX(r) {
		return wb.Onboarding(w, r)
	}
	m, err := wb.J.Model(r.Context())
	if err != nil {
		return err
	}
	res, err := wb.roleResults(r, m, r.URL.Query().Get("q"), r.URL.Query().Get("start"))
	if err != nil {
		return err
	}
	return wb.Tmpl.Render(w, http.StatusOK, "onboarding", "role-results", res)
}

// OnboardingSave stores the chosen roles.
func (wb *Web) OnboardingSave(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	query := strings.TrimSpace(r.PostFormValue("q"))
	start, target := strings.TrimSpace(r.PostFormValue("start")), strings.TrimSpace(r.PostFormValue("target"))
	if start == "" {
		// Typed but not picked: the search text is the answer.
		start = query
	}
	m, err := wb.J.Model(ctx)
	if err != nil {
		return err
	}
	f := ladder.FieldErrors{}
	var sr *journey.StartRole
	var tr ladder.Role
	if start == "" {
		f.Add("start", "choose where you start, or search for your occupation")
	} else if sr, err = wb.J.ResolveStart(ctx, m, start); ladder.ErrorCode(err) == ladder.ENOTFOUND {
		f.Add("start", "%s", ladder.ErrorMessage(err))
	} else if err != nil {
		return err
	}
	if target == "" {
		f.Add("target", "choose the role you aim for")
	} else if tr, err = wb.J.ResolveTarget(m, target); err != nil {
		f.Add("target", "%s", ladder.ErrorMessage(err))
	}
	if err := f.Err("Check your roles."); err != nil {
		if _, bad := f["start"]; bad {
			// List what comes closest to what was asked for.
			query = start
		}
		page, perr := wb.onboardingPage(w, r, query, start, target)
		if perr != nil {
			return perr
		}
		return wb.formError(w, r, "onboarding", &page.Base, err, func(msg string, fs map[string]string) any {
			page.Error, page.Results.Error, page.TargetError = msg, fs["start"], fs["target"]
			return page
		})
	}
	if _, err := wb.J.Persons.UpdatePerson(ctx, p.ID, ladder.PersonUpdate{StartRole: &sr.Value, TargetRole: &tr.Slug}); err != nil {
		return err
	}
	return redirect(w, r, "/", fmt.Sprintf("Saved: you start as %s and aim for %s.", sr.Title, tr.Title))
}

// onboardingPage builds the form with start and target preselected.
func (wb *Web) onboardingPage(w http.ResponseWriter, r *http.Request, query, start, target string) (OnboardingPage, error) {
	p := ladder.PersonFromContext(r.Context())
	page := OnboardingPage{Base: wb.base(w, r, "Your roles", "settings"), First: p.StartRole == "" && p.TargetRole == "",
		Query: strings.TrimSpace(query)}
	if page.First {
		page.Title, page.Nav = "Welcome: your roles", ""
	}
	m, err := wb.J.Model(r.Context())
	if err != nil {
		return page, err
	}
	if page.Results, err = wb.roleResults(r, m, page.Query, start); err != nil {
		return page, err
	}
	page.Attribution = page.Results.Attribution
	for _, ro := range m.Roles {
		if ro.Kind == ladder.RoleTarget {
			page.Targets = append(page.Targets, RoleChoice{ID: "target-" + ro.Slug, Value: ro.Slug, Title: ro.Title,
				Summary: ro.Summary, Checked: ro.Slug == target})
		}
	}
	return page, nil
}

// roleResults searches start roles and keeps the chosen one at the top, so
// a new search never drops the person's choice.
func (wb *Web) roleResults(r *http.Request, m *ladder.Model, query, chosen string) (RoleResults, error) {
	ctx := r.Context()
	query = strings.TrimSpace(query)
	s, err := wb.J.SearchStart(ctx, m, query, searchLimit)
	if err != nil {
		return RoleResults{}, err
	}
	res := RoleResults{Query: query, Searched: query != "", Closest: s.Closest, Attribution: s.Attribution}
	var cur *journey.StartRole
	if chosen != "" {
		if cur, err = wb.J.ResolveStart(ctx, m, chosen); err != nil && ladder.ErrorCode(err) != ladder.ENOTFOUND {
			return res, err
		}
	}
	seen := false
	for _, o := range s.Options {
		c := startChoice(o)
		if cur != nil && o.Value == cur.Value {
			c.Checked, seen = true, true
		}
		res.Options = append(res.Options, c)
	}
	if res.Searched && !res.Closest {
		res.Count = plural(len(res.Options), "match", "matches")
	}
	if cur != nil && !seen {
		c := startChoice(journey.StartOption{Value: cur.Value, Title: cur.Title, ONETCode: cur.ONETCode, ONET: cur.Role == nil})
		c.Checked, c.Detail = true, "your choice · "+c.Detail
		res.Options = append([]RoleChoice{c}, res.Options...)
		if cur.Role == nil && res.Attribution == "" {
			d, err := wb.J.ONET()
			if err != nil {
				return res, err
			}
			res.Attribution = d.Attribution(false)
		}
	}
	return res, nil
}

func startChoice(o journey.StartOption) RoleChoice {
	c := RoleChoice{ID: "start-" + o.Value, Value: o.Value, Title: o.Title, Detail: "Ladder role profile"}
	if o.ONET {
		c.Detail = "O*NET " + o.ONETCode
		if o.Match != "" {
			c.Detail += " · also called " + o.Match
		}
	}
	return c
}

// plural formats a count with the right noun.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
