package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// OrgHeader is the top of every organisation page: the name, the viewer's
// role and the pages their role opens.
type OrgHeader struct {
	Name string
	Role string
	Tabs []NavItem
	// Active is the Key of the tab shown.
	Active string
}

// orgTabs are the organisation's pages with the action each needs; a
// viewer sees only those Can allows.
var orgTabs = []struct {
	item NavItem
	act  ladder.OrgAction
}{
	{NavItem{"overview", "/org", "Overview"}, ladder.ActOrgView},
	{NavItem{"people", "/org/people", "People I support"}, ladder.ActOrgView},
	{NavItem{"members", "/org/members", "Members"}, ladder.ActOrgManageMembers},
	{NavItem{"invitations", "/org/invitations", "Invitations"}, ladder.ActOrgInvite},
	{NavItem{"programmes", "/org/programmes", "Programmes"}, ladder.ActOrgProgrammes},
	{NavItem{"pipeline", "/org/pipeline", "Pipeline"}, ladder.ActOrgViewPipeline},
	{NavItem{"import", "/org/import", "Import people"}, ladder.ActOrgImport},
	{NavItem{"settings", "/org/settings", "Settings"}, ladder.ActOrgSettings},
	{NavItem{"audit", "/org/audit", "Audit log"}, ladder.ActOrgViewAudit},
}

// orgHeader builds the header for the actor's organisation.
func (wb *Web) orgHeader(ctx context.Context, actor *ladder.Person, active string) (OrgHeader, error) {
	o, m, err := wb.J.Organisation(ctx, actor)
	if err != nil {
		return OrgHeader{}, err
	}
	h := OrgHeader{Name: o.Name, Role: ladder.OrgRoleLabel(m.Role), Active: active}
	// The tabs are of the viewer's own organisation: their role decides,
	// without a query per tab.
	for _, t := range orgTabs {
		if journey.RoleMay(m.Role, t.act) {
			h.Tabs = append(h.Tabs, t.item)
		}
	}
	return h, nil
}

// OrgPage is the organisation's overview, or the offer to create one.
type OrgPage struct {
	Base
	Org OrgHeader
	// None is true for a person in no organisation: the page explains and
	// offers to create one.
	None     bool
	Form     OrgForm
	State    FormState
	Slug     string
	Domains  string
	Members  int
	Manager  string
	Mentors  string
	Mentees  string
	Reports  string
	Minimums string
}

// OrgForm holds the organisation form's values.
type OrgForm struct{ Name, Slug, Domains string }

// Org shows the overview, or the offer to create an organisation.
func (wb *Web) Org(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.orgPage(w, r)
	if err != nil {
		return err
	}
	return wb.render(w, r, "org", page)
}

func (wb *Web) orgPage(w http.ResponseWriter, r *http.Request) (*OrgPage, error) {
	ctx := r.Context()
	actor := ladder.PersonFromContext(ctx)
	page := &OrgPage{Base: wb.base(w, r, "Organisation", "org")}
	o, me, err := wb.J.Organisation(ctx, actor)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		page.None = true
		return page, nil
	} else if err != nil {
		return nil, err
	}
	if page.Org, err = wb.orgHeader(ctx, actor, "overview"); err != nil {
		return nil, err
	}
	page.Title = o.Name
	page.Slug, page.Domains = o.Slug, strings.Join(o.Domains, ", ")
	a := o.Anonymity
	page.Minimums = "manager " + strconv.Itoa(a.Manager) + map[bool]string{true: " (named)", false: " (anonymous)"}[a.NameManager] +
		", peers " + strconv.Itoa(a.Peer) + ", direct reports " + strconv.Itoa(a.Report) + ", stakeholders " + strconv.Itoa(a.Stakeholder) +
		", others " + strconv.Itoa(a.Others)
	// A member sees their own relations; the store returns them to the
	// member by person id, whatever their role.
	ms, n, err := wb.J.Orgs.FindOrgMembers(ctx, ladder.OrgMemberFilter{OrgID: o.ID})
	if err != nil {
		return nil, err
	}
	page.Members = n
	names := map[int64]string{}
	for _, m := range ms {
		names[m.PersonID] = m.Name
	}
	page.Manager = names[me.ManagerID]
	var mentors, mentees, reports []string
	for _, id := range me.MentorIDs {
		mentors = append(mentors, names[id])
	}
	for _, m := range ms {
		if m.ManagerID == actor.ID {
			reports = append(reports, m.Name)
		}
		for _, id := range m.MentorIDs {
			if id == actor.ID {
				mentees = append(mentees, m.Name)
			}
		}
	}
	page.Mentors, page.Mentees, page.Reports = strings.Join(mentors, ", "), strings.Join(mentees, ", "), strings.Join(reports, ", ")
	return page, nil
}

// CreateOrg creates an organisation with the signed-in person as owner.
func (wb *Web) CreateOrg(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	actor := ladder.PersonFromContext(ctx)
	form := OrgForm{Name: r.PostFormValue("name"), Slug: r.PostFormValue("slug"), Domains: r.PostFormValue("domains")}
	o := &ladder.Organisation{Name: form.Name, Slug: form.Slug, Domains: orgSplitDomains(form.Domains)}
	if err := wb.J.CreateOrganisation(ctx, actor, o); err != nil {
		page, perr := wb.orgPage(w, r)
		if perr != nil {
			return perr
		}
		if !page.None {
			return err // a member of one already: a conflict, not a form to fix
		}
		page.Form = form
		return wb.formError(w, r, "org", &page.Base, err, func(msg string, f map[string]string) any {
			page.State = FormState{Error: msg, Fields: f}
			return page
		})
	}
	return redirect(w, r, "/org", "Created "+o.Name+". You are its owner: invite people or import them from a spreadsheet.")
}

// orgSplitDomains reads domains separated by commas, spaces or lines.
func orgSplitDomains(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == '\r' || r == ';' })
}

// OrgSettingsPage is the form of the organisation's settings.
type OrgSettingsPage struct {
	Base
	Org      OrgHeader
	Form     OrgSettingsForm
	Minimums []OrgMinimumField
	State    FormState
	// SSO is the single sign-on section (sso.go).
	SSO OrgSSOSection
}

// OrgMinimumField is one minimum of the anonymity form.
type OrgMinimumField struct{ Name, Label, Value string }

// OrgSettingsForm holds the settings' values as typed.
type OrgSettingsForm struct {
	Name, Slug, Domains                        string
	Manager, Peer, Report, Stakeholder, Others string
	NameManager                                bool
	// OutsideRaters allows 360 raters who are neither members nor at
	// one of the domains.
	OutsideRaters bool
}

// orgSettingsForm is the organisation's settings as their form shows them.
func orgSettingsForm(o *ladder.Organisation) OrgSettingsForm {
	a, itoa := o.Anonymity, strconv.Itoa
	return OrgSettingsForm{Name: o.Name, Slug: o.Slug, Domains: strings.Join(o.Domains, "\n"), Manager: itoa(a.Manager),
		Peer: itoa(a.Peer), Report: itoa(a.Report), Stakeholder: itoa(a.Stakeholder), Others: itoa(a.Others),
		NameManager: a.NameManager, OutsideRaters: o.OutsideRaters}
} // OrgSettings shows the settings form.
func (wb *Web) OrgSettings(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	actor := ladder.PersonFromContext(ctx)
	if err := wb.orgAllowed(ctx, actor, ladder.ActOrgSettings); err != nil {
		return err
	}
	o, _, err := wb.J.Organisation(ctx, actor)
	if err != nil {
		return err
	}
	page, err := wb.orgSettingsPage(w, r, orgSettingsForm(o))
	if err != nil {
		return err
	}
	return wb.render(w, r, "org_settings", page)
}

func (wb *Web) orgSettingsPage(w http.ResponseWriter, r *http.Request, form OrgSettingsForm) (*OrgSettingsPage, error) {
	h, err := wb.orgHeader(r.Context(), ladder.PersonFromContext(r.Context()), "settings")
	if err != nil {
		return nil, err
	}
	page := &OrgSettingsPage{Base: wb.base(w, r, "Organisation settings", "org"), Org: h, Form: form, Minimums: []OrgMinimumField{
		{"min_manager", "Manager", form.Manager}, {"min_peer", "Peers", form.Peer}, {"min_report", "Direct reports", form.Report},
		{"min_stakeholder", "Stakeholders", form.Stakeholder}, {"min_others", "All others together", form.Others}}}
	page.SSO, err = wb.orgSSOSection(r, nil)
	return page, err
}

// orgAllowed refuses an actor whom Can refuses act in their organisation.
func (wb *Web) orgAllowed(ctx context.Context, actor *ladder.Person, act ladder.OrgAction) error {
	m, err := wb.J.OrgOf(ctx, actor)
	if err != nil {
		return err
	}
	return wb.J.Can(ctx, actor, act, ladder.OrgSubject(m.OrgID))
}

// SaveOrgSettings saves the settings.
func (wb *Web) SaveOrgSettings(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	actor := ladder.PersonFromContext(ctx)
	if err := wb.orgAllowed(ctx, actor, ladder.ActOrgSettings); err != nil {
		return err
	}
	form := OrgSettingsForm{Name: r.PostFormValue("name"), Slug: r.PostFormValue("slug"), Domains: r.PostFormValue("domains"),
		Manager: r.PostFormValue("min_manager"), Peer: r.PostFormValue("min_peer"), Report: r.PostFormValue("min_report"),
		Stakeholder: r.PostFormValue("min_stakeholder"), Others: r.PostFormValue("min_others"), NameManager: r.PostFormValue("name_manager") != "",
		OutsideRaters: r.PostFormValue("outside_raters") != ""}
	fe := ladder.FieldErrors{}
	num := func(field, v string) int {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			fe.Add(field, "must be a whole number")
		}
		return n
	}
	o := &ladder.Organisation{Name: form.Name, Slug: form.Slug, Domains: orgSplitDomains(form.Domains),
		Anonymity: ladder.OrgAnonymity{Manager: num("min_manager", form.Manager), Peer: num("min_peer", form.Peer),
			Report: num("min_report", form.Report), Stakeholder: num("min_stakeholder", form.Stakeholder),
			Others: num("min_others", form.Others), NameManager: form.NameManager}, OutsideRaters: form.OutsideRaters}
	// A number that does not parse is 0, which the minimums refuse: the
	// update runs anyway so every field's problem shows at once.
	err := wb.J.UpdateOrganisation(ctx, actor, o)
	if len(fe) > 0 {
		addDomainErrors(fe, err)
		err = fe.Err("The settings are not valid.")
	}
	if err != nil {
		page, perr := wb.orgSettingsPage(w, r, form)
		if perr != nil {
			return perr
		}
		return wb.formError(w, r, "org_settings", &page.Base, err, func(msg string, f map[string]string) any {
			page.State = FormState{Error: msg, Fields: f}
			return page
		})
	}
	return redirect(w, r, "/org/settings", "Settings saved.")
}
