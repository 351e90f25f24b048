package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/onet"
)

// Caps on what the comparison page lists.
const (
	compareGaps      = 15
	compareTransfers = 10
	showTasks        = 10
	showTechGroups   = 8
	showTechEach     = 5
)

// ComparePage compares the person's start occupation with the target
// role's on O*NET data.
type ComparePage struct {
	Base
	StartTitle  string
	TargetTitle string
	From        OccRef
	To          OccRef
	ProxyNote   string // set when the start occupation stands in for another
	Message     string // why there is no comparison, when there is none
	Domains     []DomainTab
	DomainLabel string
	AllDomains  bool // the tables mix domains and show a domain column
	Gaps        []ElementRow
	GapsMore    string
	Transfers   []ElementRow
	TransMore   string
	Closest     []ClosestRow
	Notes       []string
	Target      *OccupationView
}

// OccRef names an O*NET occupation.
type OccRef struct {
	Code  string
	Title string
}

// DomainTab is one choice of the domain switch.
type DomainTab struct {
	Label   string
	URL     string
	Current bool
}

// ElementRow is one O*NET element compared between two occupations.
type ElementRow struct {
	Name       string
	Domain     string
	From       string
	To         string
	Importance string
	Weighted   string
}

// ClosestRow is a management occupation near the start occupation.
type ClosestRow struct {
	Code      string
	Title     string
	Closeness string
	Related   bool
}

// OccupationView is what O*NET says about an occupation, formatted.
type OccupationView struct {
	Code        string
	Title       string
	Description string
	JobZone     string
	Rated       bool
	Tasks       []string
	TasksNote   string
	Tech        []TechGroupView
	TechMore    string
	Education   []EducationRow
	Suppressed  bool // an education share is marked as one O*NET suppresses
	Related     []OccRef
}

// TechGroupView is one category of technology skills.
type TechGroupView struct {
	Category string
	Items    []TechItem
	More     string
}

// TechItem is one technology example with O*NET's marks.
type TechItem struct {
	Name string
	Note string // "hot", "in demand", "hot, in demand"
	Hot  bool
}

// EducationRow is the share of respondents naming one level of education.
type EducationRow struct {
	Percent    string
	Label      string
	Suppressed bool
}

// compareDomains are the domain switch's choices; the first is the default.
var compareDomains = []struct{ key, label string }{
	{onet.DomainSkills, "Skills"},
	{onet.DomainKnowledge, "Knowledge"},
	{onet.DomainWorkActivities, "Work activities"},
	{"all", "All three"},
}

// jobZones are O*NET's names of its Job Zones 1-5.
var jobZones = [...]string{1: "little or no preparation needed", 2: "some preparation needed",
	3: "medium preparation needed", 4: "considerable preparation needed", 5: "extensive preparation needed"}

// Compare shows the O*NET comparison of the start and target occupations
// and what O*NET says about the target occupation.
func (wb *Web) Compare(w http.ResponseWriter, r *http.Request) error {
	domain := r.URL.Query().Get("domain")
	if domain == "" {
		domain = compareDomains[0].key
	}
	if !slices.ContainsFunc(compareDomains, func(d struct{ key, label string }) bool { return d.key == domain }) {
		return fieldError(fmt.Sprintf("Unknown domain %q: choose skills, knowledge, work_activities or all.", domain),
			"domain", "must be skills, knowledge, work_activities or all")
	}
	roles, ok, err := wb.roles(w, r)
	if !ok {
		return err
	}
	d, err := wb.J.ONET()
	if err != nil {
		return err
	}
	page := ComparePage{Base: wb.base(w, r, "Compare on O*NET", "compare"), TargetTitle: roles.target.Title}
	for _, dt := range compareDomains {
		page.Domains = append(page.Domains, DomainTab{Label: dt.label, URL: "/compare?domain=" + dt.key, Current: dt.key == domain})
		if dt.key == domain {
			page.DomainLabel = strings.ToLower(dt.label)
		}
		page.AllDomains = domain == "all"
	}
	if o, ok := d.Occupation(roles.target.ONETCode); ok {
		page.Target = occupationView(d, o)
		page.To = OccRef{o.Code, o.Title}
		page.Attribution = d.Attribution(false)
	}
	if err := page.compare(d, roles.start, roles.target, domain); err != nil {
		return err
	}
	return wb.render(w, r, "compare", page)
}

// compare fills the comparison, or Message when there can be none.
func (page *ComparePage) compare(d *onet.Dataset, start *journey.StartRole, target ladder.Role, domain string) error {
	switch {
	case start == nil:
		page.Message = "Choose your start role first: the comparison needs an occupation to start from."
		return nil
	case start.ONETCode == "":
		page.StartTitle = start.Title
		page.Message = fmt.Sprintf("O*NET %s has no skill or knowledge ratings for %s, and none of its related occupations stands in, so there is nothing to compare. Pick a rated occupation close to yours in your roles.", d.Release, start.Title)
		return nil
	case page.Target == nil:
		page.StartTitle = start.Title
		page.Message = fmt.Sprintf("The target role %s names no O*NET occupation in this copy of O*NET, so there is nothing to compare with.", target.Title)
		return nil
	}
	page.StartTitle = start.Title
	c, err := onet.Compare(d, start.ONETCode, target.ONETCode)
	if code := ladder.ErrorCode(err); code == ladder.EINVALID || code == ladder.ENOTFOUND {
		page.Message = ladder.ErrorMessage(err) + "."
		return nil
	} else if err != nil {
		return err
	}
	page.From = OccRef{c.From.Code, c.From.Title}
	if start.Proxy {
		page.ProxyNote = fmt.Sprintf("O*NET has not rated %s, so %s %s stands in for it as a proxy.", start.Title, c.From.Code, c.From.Title)
	}
	page.Attribution = d.Attribution(true)
	page.Notes = c.Notes
	page.Gaps, page.GapsMore = elementRows(c.Gaps, domain, compareGaps)
	page.Transfers, page.TransMore = elementRows(c.Transfers, domain, compareTransfers)
	for _, cl := range c.Closest {
		page.Closest = append(page.Closest, ClosestRow{Code: cl.Code, Title: cl.Title, Closeness: strconv.FormatFloat(cl.Closeness, 'f', 1, 64), Related: cl.Related})
	}
	return nil
}

// domainNames name O*NET domains in tables.
var domainNames = map[string]string{
	onet.DomainSkills:         "skill",
	onet.DomainKnowledge:      "knowledge",
	onet.DomainWorkActivities: "work activity",
	onet.DomainWorkStyles:     "work style",
}

// elementRows formats the first n elements of domain ("all" for every one)
// and says how many more there are.
func elementRows(gs []onet.ElementGap, domain string, n int) ([]ElementRow, string) {
	var out []ElementRow
	more := 0
	for _, g := range gs {
		if domain != "all" && g.Domain != domain {
			continue
		}
		if len(out) == n {
			more++
			continue
		}
		out = append(out, ElementRow{Name: g.Name, Domain: domainNames[g.Domain], From: onetNum(g.FromLevel), To: onetNum(g.ToLevel),
			Importance: onetNum(g.ToImportance), Weighted: onetNum(g.WeightedGap)})
	}
	if more == 0 {
		return out, ""
	}
	return out, fmt.Sprintf("and %d more", more)
}

// onetNum formats an O*NET value with two decimals, as O*NET publishes them.
func onetNum(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

// occupationView formats what O*NET says about o.
func occupationView(d *onet.Dataset, o *onet.Occupation) *OccupationView {
	v := &OccupationView{Code: o.Code, Title: o.Title, Description: o.Description, Rated: d.Rated(o, onet.DomainSkills)}
	if o.JobZone >= 1 && o.JobZone <= 5 {
		v.JobZone = fmt.Sprintf("Job Zone %d of 5: %s", o.JobZone, jobZones[o.JobZone])
	}
	v.Tasks = coreTasks(o, showTasks)
	if len(v.Tasks) > 0 {
		v.TasksNote = fmt.Sprintf("%d core tasks of %d", len(v.Tasks), len(o.Tasks))
	}
	gs := o.TechnologyGroups()
	for _, g := range gs[:min(showTechGroups, len(gs))] {
		tg := TechGroupView{Category: g.Category}
		for _, t := range g.Skills[:min(showTechEach, len(g.Skills))] {
			tg.Items = append(tg.Items, TechItem{Name: t.Example, Note: techNote(t), Hot: t.Hot})
		}
		if n := len(g.Skills) - showTechEach; n > 0 {
			tg.More = fmt.Sprintf("and %d more", n)
		}
		v.Tech = append(v.Tech, tg)
	}
	if n := len(gs) - showTechGroups; n > 0 {
		v.TechMore = fmt.Sprintf("and %d more categories", n)
	}
	es := slices.Clone(o.Education)
	slices.SortStableFunc(es, func(x, y onet.EducationShare) int { return int(y.Percent) - int(x.Percent) })
	for _, e := range es {
		name, _, _ := strings.Cut(e.Label, " - ")
		v.Education = append(v.Education, EducationRow{Percent: strconv.FormatFloat(e.Percent.Float(), 'f', 1, 64) + "%", Label: name, Suppressed: e.Suppressed})
		v.Suppressed = v.Suppressed || e.Suppressed
	}
	for _, code := range o.Related {
		ref := OccRef{Code: code, Title: "(not in this O*NET copy)"}
		if rel, ok := d.Occupation(code); ok {
			ref.Title = rel.Title
		}
		v.Related = append(v.Related, ref)
	}
	return v
}

// coreTasks returns up to n of o's core tasks in O*NET's order.
func coreTasks(o *onet.Occupation, n int) []string {
	var out []string
	for _, t := range o.Tasks {
		if t.Core && len(out) < n {
			out = append(out, t.Statement)
		}
	}
	return out
}

func techNote(t onet.TechSkill) string {
	switch {
	case t.Hot && t.InDemand:
		return "hot, in demand"
	case t.Hot:
		return "hot"
	case t.InDemand:
		return "in demand"
	}
	return ""
}

// personRoles are the signed-in person's start and target roles, resolved.
type personRoles struct {
	m      *ladder.Model
	start  *journey.StartRole // nil when unset or no longer known
	target ladder.Role
}

// roles resolves the person's roles; ok is false when the person was sent
// to onboarding first.
func (wb *Web) roles(w http.ResponseWriter, r *http.Request) (pr personRoles, ok bool, err error) {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	if p.TargetRole == "" {
		return pr, false, redirect(w, r, "/onboarding", "Choose your start and target roles first.")
	}
	if pr.m, err = wb.J.Model(ctx); err != nil {
		return pr, false, err
	}
	if pr.target, err = wb.J.ResolveTarget(pr.m, p.TargetRole); err != nil {
		return pr, false, err
	}
	if p.StartRole != "" {
		pr.start, err = wb.J.ResolveStart(ctx, pr.m, p.StartRole)
		if err != nil && ladder.ErrorCode(err) != ladder.ENOTFOUND {
			return pr, false, err
		}
	}
	return pr, true, nil
}
