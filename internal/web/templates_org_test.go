package web

import (
	"time"

	"github.com/ladderhq/ladder"
)

// orgTemplateCases are the cases of the organisation pages and the
// invitation page, full (every form failing) and empty.
func orgTemplateCases() map[string][]templateCase {
	opts := []Option{{Value: "1", Label: "Ana <b>", Selected: true}, {Value: "2", Label: "Ben"}}
	header := OrgHeader{Name: "Northwind <IT>", Role: "Owner", Active: "members", Tabs: []NavItem{{"overview", "/org", "Overview"}, {"members", "/org/members", "Members"}}}
	bad := func(msg string, fields ...string) FormState {
		f := map[string]string{}
		for _, k := range fields {
			f[k] = "is wrong"
		}
		return FormState{Error: msg, Fields: f}
	}
	row := OrgMemberRow{ID: 1, Name: "Ana", Email: "ana@example.com", Role: "owner", RoleLabel: "Owner", Title: "Lead", Manager: "Ben",
		Managers: opts, Mentors: []OrgMentorView{{ID: 2, Name: "Ben"}}, MentorOpts: opts, Roles: opts}
	prog := OrgProgrammeForm{Name: "Future <managers>", Target: "it-manager", Start: "2027-01-01", End: "2027-12-31", Description: "d"}
	return map[string][]templateCase{
		"org": {
			{name: "NoneWithErrors", data: &OrgPage{Base: fullBase("Organisation"), None: true, Form: OrgForm{Name: "<x>"},
				State: bad("The organisation is not valid.", "name", "slug", "domains")}},
			{name: "Overview", data: &OrgPage{Base: fullBase("Northwind"), Org: header, Members: 4, Manager: "Ben", Mentors: "Cy",
				Mentees: "Di", Reports: "Ed", Slug: "northwind", Domains: "nw.example", Minimums: "peers 3"}},
			{name: "Empty", data: &OrgPage{}},
		},
		"org_members": {
			{name: "OwnerWithErrors", data: &OrgMembersPage{Base: fullBase("Members"), Org: header, CanSetRole: true, CanRemove: true,
				Members: []OrgMemberRow{row, {ID: 2, Name: "Ben", HasAccount: true}}, Failed: 1,
				State: bad("The manager is not valid.", "manager", "role", "title", "mentor")}},
			{name: "PageError", data: &OrgMembersPage{Org: header, State: bad("The organisation needs an owner.")}},
			{name: "Empty", data: &OrgMembersPage{}},
		},
		"org_invitations": {
			{name: "NewLinkWithErrors", data: &OrgInvitationsPage{Base: fullBase("Invitations"), Org: header, Roles: opts,
				Form: OrgInviteForm{Email: "x@"}, State: bad("The invitation is not valid.", "email", "role"), NewLink: "http://x/invite/abc",
				NewEmail: "a@example.com", MailError: "refused", MailOn: true,
				Pending: []OrgInvitationRow{{ID: 1, Email: "p@example.com", Role: "Member", Status: "pending"}},
				Past:    []OrgInvitationRow{{ID: 2, Email: "q@example.com", Role: "Owner", Status: "revoked"}}}},
			{name: "Empty", data: &OrgInvitationsPage{}},
		},
		"invite": {
			{name: "NewWithErrors", data: &InvitePage{Base: fullBase("Join"), Token: "t<", OrgName: "Northwind", Role: "member",
				Email: "a@example.com", Mode: "new", Name: "<n>", State: bad("Check your name and password.", "name", "password")}},
			{name: "Join", data: &InvitePage{Mode: "join"}},
			{name: "Other", data: &InvitePage{Mode: "other"}},
			{name: "SignIn", data: &InvitePage{Mode: "signin", Token: "x"}},
		},
		"org_programmes": {
			{name: "FullWithErrors", data: &OrgProgrammesPage{Base: fullBase("Programmes"), Org: header, Form: prog, Targets: opts,
				State:      bad("The programme is not valid.", "name", "target_role", "start", "end", "description"),
				Programmes: []OrgProgrammeRow{{ID: 1, Name: "P", Target: "IT manager", Start: "1 Jan 2027", End: "31 Dec 2027", Description: "d"}}}},
			{name: "Empty", data: OrgProgrammesPage{}},
		},
		"org_programme": {
			{name: "FullWithErrors", data: &OrgProgrammePage{Base: fullBase("P"), Org: header, ID: 1, Name: "P", Target: "IT manager",
				Description: "d", Edit: prog, Targets: opts, EditState: bad("The programme is not valid.", "name", "end"),
				Cohort: OrgCohortForm{Name: "<c>", Members: map[string]bool{"1": true}}, CohortState: bad("The cohort is not valid.", "name", "start", "end", "members"),
				Members: opts, Failed: 3, MemberState: bad("The cohort member is not valid.", "members"),
				Cohorts: []OrgCohortView{{ID: 3, Name: "Spring", Members: []OrgMentorView{{ID: 1, Name: "Ana"}}, Others: opts}, {ID: 4, Name: "Autumn"}}}},
			{name: "Empty", data: OrgProgrammePage{}},
		},
		"org_import": {
			{name: "Problems", data: &OrgImportPage{Base: fullBase("Import"), Org: header, CSV: "name,email\n<x>,y", Columns: "name,email",
				State: bad("Nothing was imported.", "file"), Problems: []ladder.OrgImportProblem{{Line: 0, Message: "not UTF-8"},
					{Line: 3, Field: "email", Message: `"x" is not an email address`}}}},
			{name: "Empty", data: &OrgImportPage{}},
		},
		"org_settings": {
			{name: "FullWithErrors", data: &OrgSettingsPage{Base: fullBase("Settings"), Org: header,
				Form:     OrgSettingsForm{Name: "N", Slug: "n", Domains: "a.example\nb.example", NameManager: true},
				Minimums: []OrgMinimumField{{"min_peer", "Peers", "1"}},
				State:    bad("The organisation is not valid.", "name", "slug", "domains", "min_peer", "anonymity")}},
			{name: "Empty", data: &OrgSettingsPage{}},
		},
		"org_audit": {
			{name: "Full", data: &OrgAuditPage{Base: fullBase("Audit"), Org: header, Total: 300, Limit: 200, Actions: opts, People: opts,
				From: "2027-01-01", Query: "action=member.", Entries: []*ladder.AuditEntry{
					{At: time.Date(2027, 1, 2, 3, 4, 0, 0, time.UTC), ActorName: "Olga <o>", Action: "member.role", SubjectKind: "person", SubjectName: "Ana", Detail: "Member → Owner"},
					{Action: "view.readiness"}}}},
			{name: "Empty", data: &OrgAuditPage{}},
		},
	}
}
