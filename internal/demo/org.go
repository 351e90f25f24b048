package demo

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// The demo organisation: Northwind IT, an IT department of 28 that grows its
// own managers, with Alex Moreno as one of its people. Morgan Hale, the head
// of IT, owns it; Jordan Ellis, from learning and development, runs its
// programme "Future IT managers" with two cohorts. Alex's spring cohort had
// a 360 round that he closed (enough raters in every group for all of them
// to show); the autumn cohort's rounds are open. Everything is derived from
// the tables below and the time of loading, so it loads the same each time.

// Demo organisation constants. The domain and the slug are the demo's own,
// so that loading it never touches an organisation someone set up.
const (
	// AdminEmail is Morgan Hale's address: the owner, whom /demo?as=admin
	// signs in as.
	AdminEmail = "morgan.hale@northwind-it.example"
	OrgName    = "Northwind IT"
	OrgSlug    = "northwind-demo"
	OrgDomain  = "northwind-it.example"
)

// orgPerson is one of Northwind's people. Those with a cohort are in the
// programme: they rate themselves (level base, shifted per competency),
// have a plan with done of its actions done (-1: no plan) and share what
// share says.
type orgPerson struct {
	name, title, manager string
	start                string // start role, for those in the programme
	cohort               string // "spring", "autumn" or ""
	base, done           int
	share                map[string]ladder.ShareSet
}

const alexName = "Alex Moreno"

var (
	shareRP  = ladder.ShareSet{ladder.ShareReadiness, ladder.SharePlan}
	shareRGP = ladder.ShareSet{ladder.ShareReadiness, ladder.ShareGaps, ladder.SharePlan}
)

// orgPeople is the organisation chart. Alex comes from Load: his own
// self-assessments stay, and he has no plan.
var orgPeople = []orgPerson{
	{name: "Morgan Hale", title: "Head of IT"},
	{name: "Jordan Ellis", title: "Learning and development partner"},
	{name: "Helga Berg", title: "IT finance analyst", manager: "Morgan Hale"},
	{name: "Dana Whitfield", title: "Infrastructure manager", manager: "Morgan Hale"},
	{name: "Rafael Ortiz", title: "Service desk manager", manager: "Morgan Hale"},
	{name: "Mei Chen", title: "Applications manager", manager: "Morgan Hale"},
	{name: "Olu Adeyemi", title: "Security lead", manager: "Morgan Hale"},

	{name: alexName, title: "Senior system administrator", manager: "Dana Whitfield", cohort: "spring", done: -1,
		share: map[string]ladder.ShareSet{ladder.AudienceAdmins: shareRP, ladder.AudienceManager: shareRGP, ladder.AudienceMentor: {ladder.ShareGaps}}},
	{name: "Marco Ferri", title: "Network engineer", manager: "Dana Whitfield", start: "network-engineer", cohort: "spring", base: 2, done: 1},
	{name: "Lena Koch", title: "System administrator", manager: "Dana Whitfield", start: "system-administrator", cohort: "spring", base: 3, done: 6,
		share: map[string]ladder.ShareSet{ladder.AudienceAdmins: shareRP}},
	{name: "Sam Osei", title: "Cloud engineer", manager: "Dana Whitfield", start: "cloud-devops-engineer", cohort: "autumn", base: 2, done: 0,
		share: map[string]ladder.ShareSet{ladder.AudienceAdmins: shareRP}},
	{name: "Noor Aziz", title: "Junior system administrator", manager: alexName},
	{name: "Priya Nair", title: "Junior system administrator", manager: alexName},
	{name: "Tom Baker", title: "Junior system administrator", manager: alexName},

	{name: "Aisha Khan", title: "Service desk team lead", manager: "Rafael Ortiz", start: "help-desk", cohort: "spring", base: 3, done: 9,
		share: map[string]ladder.ShareSet{ladder.AudienceAdmins: shareRGP, ladder.AudienceManager: shareRGP}},
	{name: "Ben Carter", title: "Service desk analyst", manager: "Aisha Khan"},
	{name: "Chloe Martin", title: "Service desk analyst", manager: "Aisha Khan"},
	{name: "Diego Santos", title: "Service desk analyst", manager: "Aisha Khan", start: "help-desk", cohort: "autumn", base: 1, done: 0,
		share: map[string]ladder.ShareSet{ladder.AudienceAdmins: shareRP}},
	{name: "Ewa Nowak", title: "Desktop support engineer", manager: "Rafael Ortiz", start: "help-desk", cohort: "autumn", base: 2, done: -1},
	{name: "Finn Gallagher", title: "Desktop support engineer", manager: "Rafael Ortiz"},

	{name: "Grace Liu", title: "Senior developer", manager: "Mei Chen", start: "software-developer", cohort: "spring", base: 3, done: 4},
	{name: "Hiro Tanaka", title: "Developer", manager: "Mei Chen", start: "software-developer", cohort: "autumn", base: 2, done: 2,
		share: map[string]ladder.ShareSet{ladder.AudienceAdmins: {ladder.ShareReadiness}}},
	{name: "Ines Duarte", title: "Database administrator", manager: "Mei Chen", start: "database-administrator", cohort: "autumn", base: 3, done: 1,
		share: map[string]ladder.ShareSet{ladder.AudienceAdmins: shareRP, ladder.AudienceMentor: {ladder.ShareEvidence, ladder.ShareGaps}}},
	{name: "Jonas Weber", title: "Developer", manager: "Mei Chen"},
	{name: "Kofi Mensah", title: "Business analyst", manager: "Mei Chen", start: "systems-analyst", cohort: "spring", base: 2, done: 3,
		share: map[string]ladder.ShareSet{ladder.AudienceMentor: {ladder.SharePlan}}},

	{name: "Lucia Rossi", title: "Security analyst", manager: "Olu Adeyemi", start: "security-analyst", cohort: "spring", base: 4, done: 7,
		share: map[string]ladder.ShareSet{ladder.AudienceAdmins: {ladder.ShareReadiness}}},
	{name: "Nadia Petrova", title: "Security analyst", manager: "Olu Adeyemi", start: "security-analyst", cohort: "autumn", base: 1, done: -1},
	{name: "Omar Haddad", title: "Security engineer", manager: "Olu Adeyemi"},
}

// orgMentors are mentor -> mentees. // Mentors come from other teams than their mentees'.
var orgMentors = map[string][]string{
	"Morgan Hale": {alexName}, "Dana Whitfield": {"Aisha Khan"}, "Rafael Ortiz": {"Kofi Mensah"},
	"Mei Chen": {"Lucia Rossi"}, "Olu Adeyemi": {"Grace Liu", "Ines Duarte"},
}

// orgEmail is a person's demo address: Alex keeps his own.
func orgEmail(name string) string {
	if name == alexName {
		return Email
	}
	return strings.ToLower(strings.ReplaceAll(name, " ", ".")) + "@" + OrgDomain
}

// orgTitle is a person's title in the chart.
func orgTitle(name string) string {
	for _, op := range orgPeople {
		if op.name == name {
			return op.title
		}
	}
	return ""
}

// levelShift varies a person's self-rating across competencies.
var levelShift = []int{0, 1, -1, 0, 1, 0, -1, 1, 0, -1, 2, 0}

func clampLevel(l int) int { return max(1, min(ladder.MaxLevel, l)) }

// LoadOrg loads Alex (as Load does) into the demo organisation, replacing
// both when they exist, and returns Alex and the owner, Morgan Hale.
func LoadOrg(ctx context.Context, j *journey.Journey, now time.Time) (alex, admin *ladder.Person, err error) {
	if err := dropOrg(ctx, j); err != nil {
		return nil, nil, err
	}
	now = now.UTC().Truncate(time.Second)
	o := &orgLoader{j: j, now: now, day: ladder.Day(now), ids: map[string]int64{}, people: map[string]*ladder.Person{}}
	alex, err = load(ctx, j, now, func(p *ladder.Person) error { return o.build(ctx, p) })
	if err != nil {
		return nil, nil, err
	}
	return alex, o.people["Morgan Hale"], nil
}

// dropOrg deletes a demo organisation loaded before, with its people.
func dropOrg(ctx context.Context, j *journey.Journey) error {
	if admin, err := j.Persons.FindPersonByEmail(ctx, AdminEmail); err == nil {
		if m, err := j.Orgs.FindOrgMember(ctx, 0, admin.ID); err == nil {
			if o, err := j.Orgs.FindOrganisation(ctx, m.OrgID); err == nil && o.Slug == OrgSlug {
				if err := j.Orgs.DeleteOrganisation(ctx, o.ID); err != nil {
					return err
				}
			}
		}
	}
	for _, op := range orgPeople {
		if op.name == alexName {
			continue // Load replaces Alex
		}
		p, err := j.Persons.FindPersonByEmail(ctx, orgEmail(op.name))
		if ladder.ErrorCode(err) == ladder.ENOTFOUND {
			continue
		} else if err != nil {
			return err
		}
		if err := j.Persons.DeletePerson(ctx, p.ID); err != nil {
			return err
		}
	}
	return nil
}

// orgLoader builds the organisation around Alex.
type orgLoader struct {
	j        *journey.Journey
	now, day time.Time
	ids      map[string]int64
	people   map[string]*ladder.Person
	cohorts  map[string]*ladder.OrgCohort
}

func (o *orgLoader) person(ctx context.Context, name string) (*ladder.Person, error) {
	if p := o.people[name]; p != nil {
		return p, nil
	}
	p, err := o.j.Persons.FindPersonByID(ctx, o.ids[name])
	if err != nil {
		return nil, err
	}
	o.people[name] = p
	return p, nil
}

// build runs between Alex's history and his own open round (see load), so
// that his spring round can start and close first.
func (o *orgLoader) build(ctx context.Context, alex *ladder.Person) error {
	for _, step := range []func(context.Context, *ladder.Person) error{o.members, o.relations, o.selfRatings, o.programme,
		o.springRound, o.autumnRounds} {
		if err := step(ctx, alex); err != nil {
			return fmt.Errorf("demo organisation: %w", err)
		}
	}
	return nil
}

// members creates the owner and the organisation, lets Alex join by an
// invitation and imports everyone else (through the stores: loading the
// demo never sends mail).
func (o *orgLoader) members(ctx context.Context, alex *ladder.Person) error {
	j := o.j
	morgan := &ladder.Person{Name: "Morgan Hale", Email: AdminEmail, StartRole: "it-manager", TargetRole: "cio"}
	if err := j.Persons.CreatePerson(ctx, morgan); err != nil {
		return err
	}
	o.ids[morgan.Name], o.people[morgan.Name] = morgan.ID, morgan
	org := &ladder.Organisation{Name: OrgName, Slug: OrgSlug, Domains: []string{OrgDomain}}
	if err := j.CreateOrganisation(ctx, morgan, org); err != nil {
		return err
	}
	token, err := j.Orgs.CreateOrgInvitation(ctx, morgan.ID, &ladder.OrgInvitation{OrgID: org.ID, Email: alex.Email, Role: ladder.OrgRoleMember,
		InvitedBy: morgan.ID})
	if err != nil {
		return err
	}
	if _, err := j.Orgs.AcceptOrgInvitation(ctx, token, alex.ID); err != nil {
		return err
	}
	o.ids[alexName], o.people[alexName] = alex.ID, alex
	var csv strings.Builder
	csv.WriteString("name,email,title,manager_email\n")
	for _, op := range orgPeople {
		if op.name == morgan.Name || op.name == alexName {
			continue
		}
		mgr := ""
		if op.manager != "" {
			mgr = orgEmail(op.manager)
		}
		fmt.Fprintf(&csv, "%s,%s,%s,%s\n", op.name, orgEmail(op.name), op.title, mgr)
	}
	if _, err := j.ImportOrgPeople(ctx, morgan, []byte(csv.String())); err != nil {
		return err
	}
	ms, _, err := j.Orgs.FindOrgMembers(ctx, ladder.OrgMemberFilter{OrgID: org.ID})
	if err != nil {
		return err
	}
	for _, m := range ms {
		o.ids[m.Name] = m.PersonID
	}
	return nil
}

// relations sets Alex's title and manager, Jordan's role, the mentors and
// the roles of those in the programme.
func (o *orgLoader) relations(ctx context.Context, alex *ladder.Person) error {
	j, morgan := o.j, o.people["Morgan Hale"]
	title, mgr, admin, head := orgTitle(alexName), o.ids["Dana Whitfield"], ladder.OrgRoleAdmin, orgTitle(morgan.Name)
	if _, err := j.UpdateOrgMember(ctx, morgan, alex.ID, ladder.OrgMemberUpdate{Title: &title, ManagerID: &mgr}); err != nil {
		return err
	}
	if _, err := j.UpdateOrgMember(ctx, morgan, morgan.ID, ladder.OrgMemberUpdate{Title: &head}); err != nil {
		return err
	}
	if _, err := j.UpdateOrgMember(ctx, morgan, o.ids["Jordan Ellis"], ladder.OrgMemberUpdate{Role: &admin}); err != nil {
		return err
	}
	for _, mentor := range slices.Sorted(maps.Keys(orgMentors)) {
		for _, mentee := range orgMentors[mentor] {
			if err := j.SetOrgMentor(ctx, morgan, o.ids[mentor], o.ids[mentee], false); err != nil {
				return err
			}
		}
	}
	target := "it-manager"
	for _, op := range orgPeople {
		if op.start == "" {
			continue
		}
		start := op.start
		p, err := j.Persons.UpdatePerson(ctx, o.ids[op.name], ladder.PersonUpdate{StartRole: &start, TargetRole: &target})
		if err != nil {
			return err
		}
		o.people[op.name] = p
	}
	return nil
}

// selfRatings gives everyone in the programme but Alex a self-assessment
// (two for those who started early), a plan with some of it done, and
// their sharing choices.
func (o *orgLoader) selfRatings(ctx context.Context, alex *ladder.Person) error {
	j := o.j
	m, err := j.Model(ctx)
	if err != nil {
		return err
	}
	role, _ := m.Role("it-manager")
	for i, op := range orgPeople {
		if op.cohort == "" {
			continue
		}
		p, err := o.person(ctx, op.name)
		if err != nil {
			return err
		}
		if op.name != alexName {
			if err := o.assess(ctx, p, role, i, op); err != nil {
				return err
			}
		}
		if op.done >= 0 {
			if err := o.plan(ctx, p, op.done); err != nil {
				return err
			}
		}
		if op.share != nil {
			if _, err := j.SetSharing(ctx, p, op.share); err != nil {
				return err
			}
		}
	}
	return nil
}

func (o *orgLoader) assess(ctx context.Context, p *ladder.Person, role ladder.Role, i int, op orgPerson) error {
	rounds := []int{0}
	if op.cohort == "spring" {
		rounds = []int{5, 0} // months ago: at the start, and now
	}
	for r, monthsAgo := range rounds {
		at := o.now.AddDate(0, -monthsAgo, -3*i)
		a := &ladder.Assessment{PersonID: p.ID, Kind: ladder.AssessSelf, TargetRole: "it-manager", StartedAt: at.Add(-30 * time.Minute), CompletedAt: at}
		for k, q := range role.Requirements {
			l := clampLevel(op.base + levelShift[(k+i)%len(levelShift)] - (len(rounds) - 1 - r))
			a.Ratings = append(a.Ratings, ladder.Rating{Competency: q.Competency, Level: l, RatedAt: at})
		}
		if err := o.j.Assessments.CreateAssessment(ctx, a); err != nil {
			return err
		}
	}
	return nil
}

// plan generates a twelve-month plan and marks its first done actions done.
func (o *orgLoader) plan(ctx context.Context, p *ladder.Person, done int) error {
	pl, err := o.j.GeneratePlan(ctx, p, journey.PlanOptions{Months: 12})
	if err != nil {
		return err
	}
	if done == 0 {
		return nil
	}
	n := 0
	for g := range pl.Goals {
		for a := range pl.Goals[g].Actions {
			if n < done {
				pl.Goals[g].Actions[a].Done = true
				n++
			}
		}
	}
	return o.j.Plans().SavePlan(ctx, pl)
}

// programme creates the programme and its two cohorts, as Jordan.
func (o *orgLoader) programme(ctx context.Context, _ *ladder.Person) error {
	jordan, err := o.person(ctx, "Jordan Ellis")
	if err != nil {
		return err
	}
	p := &ladder.OrgProgramme{Name: "Future IT managers", TargetRole: "it-manager",
		Description: "Twelve months towards IT manager: a self-assessment, a 360 round, a plan with a mentor, and stretch work in every team.",
		Start:       o.day.AddDate(0, -5, 0), End: o.day.AddDate(0, 7, 0)}
	if err := o.j.SaveProgramme(ctx, jordan, p); err != nil {
		return err
	}
	o.cohorts = map[string]*ladder.OrgCohort{
		"spring": {ProgrammeID: p.ID, Name: "Spring cohort", Start: p.Start, End: o.day.AddDate(0, 1, 0)},
		"autumn": {ProgrammeID: p.ID, Name: "Autumn cohort", Start: o.day.AddDate(0, -1, 0), End: p.End},
	}
	for _, op := range orgPeople {
		if c := o.cohorts[op.cohort]; c != nil {
			c.MemberIDs = append(c.MemberIDs, o.ids[op.name])
		}
	}
	for _, k := range []string{"spring", "autumn"} {
		if err := o.j.CreateCohort(ctx, jordan, o.cohorts[k]); err != nil {
			return err
		}
	}
	return nil
}
