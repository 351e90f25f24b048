package api_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// orgChanges are the organisation operations that change data, in order.
var orgChanges = []string{"updateOrg", "createOrgInvitation", "revokeOrgInvitation", "importOrgPeople", "updateOrgMember",
	"addOrgMentor", "removeOrgMentor", "removeOrgMember", "createOrgProgramme", "updateOrgProgramme", "createOrgCohort",
	"addOrgCohortMember", "removeOrgCohortMember", "deleteOrgCohort", "deleteOrgProgramme", "createOrg"}

// orgTourSetup makes Alice the owner of an organisation (once) and gives
// the tour n its own members, programmes, cohorts and invitation, set up
// by e.orgOwner.
func orgTourSetup(e *env, n int) map[string]int64 {
	e.t.Helper()
	ctx := context.Background()
	must := func(err error) {
		e.t.Helper()
		if err != nil {
			e.t.Fatal(err)
		}
	}
	owner := e.orgOwner()
	if _, err := e.j.OrgOf(ctx, e.alice); ladder.ErrorCode(err) == ladder.ENOTFOUND {
		must(e.j.CreateOrganisation(ctx, e.alice, &ladder.Organisation{Name: "Harbour Logistics IT"}))
	}
	ids := map[string]int64{}
	csv := "name,email\n"
	for _, k := range []string{"a", "b", "c"} {
		csv += fmt.Sprintf("Tour %s %d,tour-%s-%d@example.com\n", k, n, k, n)
	}
	_, err := e.j.ImportOrgPeople(ctx, owner, []byte(csv))
	must(err)
	for _, k := range []string{"a", "b", "c"} {
		p, err := e.j.Persons.FindPersonByEmail(ctx, fmt.Sprintf("tour-%s-%d@example.com", k, n))
		must(err)
		ids[k] = p.ID
	}
	must(e.j.SetOrgMentor(ctx, owner, e.alice.ID, ids["c"], false))
	day := ladder.Day(e.db.Now())
	for _, k := range []string{"prog", "gone"} {
		pr := &ladder.OrgProgramme{Name: fmt.Sprintf("Tour %s %d", k, n), TargetRole: "it-manager", Start: day, End: day.AddDate(1, 0, 0)}
		must(e.j.SaveProgramme(ctx, owner, pr))
		ids[k] = pr.ID
	}
	for _, k := range []string{"cohort", "gonecohort"} {
		c := &ladder.OrgCohort{ProgrammeID: ids["prog"], Name: fmt.Sprintf("Tour %s %d", k, n), Start: day, End: day.AddDate(0, 3, 0),
			MemberIDs: []int64{ids["a"]}}
		must(e.j.CreateCohort(ctx, owner, c))
		ids[k] = c.ID
	}
	inv, err := e.j.Invite(ctx, owner, fmt.Sprintf("tour-invitee-%d@example.com", n), ladder.OrgRoleMember, "http://example.com")
	must(err)
	ids["invite"] = inv.Invitation.ID
	return ids
}

// orgTour calls every organisation operation as Alice, the owner. Alice
// belongs to an organisation throughout, so creating a second one is the
// documented 409; TestOrgAPI checks the 201 of a person in none.
func orgTour(e *env, n int) map[string]call {
	p := api.Prefix + "/org"
	ids := orgTourSetup(e, n)
	id := func(k string) int64 { return ids[k] }
	return map[string]call{
		"getOrg":    {"GET", p, "", 200},
		"createOrg": {"POST", p, `{"name":"A second one"}`, 409},
		"updateOrg": {"PUT", p, `{"name":"Harbour Logistics IT","slug":"harbour-logistics-it","domains":["harbour.example"],` +
			`"anonymity":{"manager":1,"peer":3,"report":3,"stakeholder":3,"others":4,"name_manager":true}}`, 200},
		"listOrgMembers":      {"GET", p + "/members", "", 200},
		"updateOrgMember":     {"PATCH", fmt.Sprintf("%s/members/%d", p, id("a")), fmt.Sprintf(`{"title":"Service desk lead","manager_id":%d}`, e.alice.ID), 200},
		"removeOrgMember":     {"DELETE", fmt.Sprintf("%s/members/%d", p, id("b")), "", 204},
		"addOrgMentor":        {"POST", fmt.Sprintf("%s/members/%d/mentors", p, id("a")), fmt.Sprintf(`{"mentor_id":%d}`, e.alice.ID), 200},
		"removeOrgMentor":     {"DELETE", fmt.Sprintf("%s/members/%d/mentors/%d", p, id("c"), e.alice.ID), "", 204},
		"listOrgInvitations":  {"GET", p + "/invitations", "", 200},
		"createOrgInvitation": {"POST", p + "/invitations", fmt.Sprintf(`{"email":"new-%d@example.com","role":"programme_admin"}`, n), 201},
		"revokeOrgInvitation": {"DELETE", fmt.Sprintf("%s/invitations/%d", p, id("invite")), "", 204},
		"importOrgPeople": {"POST", p + "/import", fmt.Sprintf(`{"csv":"name,email,title,manager_email\nDee %d,dee-%d@example.com,Analyst,tour-a-%d@example.com\n"}`,
			n, n, n), 200},
		"listOrgProgrammes":  {"GET", p + "/programmes", "", 200},
		"createOrgProgramme": {"POST", p + "/programmes", fmt.Sprintf(`{"name":"New leads %d","target_role":"team-lead","start":"2030-01-07","end":"2030-06-28"}`, n), 201},
		"getOrgProgramme":    {"GET", fmt.Sprintf("%s/programmes/%d", p, id("prog")), "", 200},
		"updateOrgProgramme": {"PUT", fmt.Sprintf("%s/programmes/%d", p, id("prog")), fmt.Sprintf(`{"name":"Tour renamed %d","target_role":"cio",`+
			`"start":"2020-01-01","end":"2040-12-31","description":"Longer"}`, n), 200},
		"deleteOrgProgramme": {"DELETE", fmt.Sprintf("%s/programmes/%d", p, id("gone")), "", 204},
		"createOrgCohort": {"POST", fmt.Sprintf("%s/programmes/%d/cohorts", p, id("prog")), fmt.Sprintf(`{"name":"Autumn %d","start":"%s",`+
			`"end":"%s","member_ids":[%d]}`, n, orgTourDay(e, 7), orgTourDay(e, 60), id("c")), 201},
		"deleteOrgCohort":       {"DELETE", fmt.Sprintf("%s/cohorts/%d", p, id("gonecohort")), "", 204},
		"addOrgCohortMember":    {"POST", fmt.Sprintf("%s/cohorts/%d/members", p, id("cohort")), fmt.Sprintf(`{"person_id":%d}`, id("c")), 200},
		"removeOrgCohortMember": {"DELETE", fmt.Sprintf("%s/cohorts/%d/members/%d", p, id("cohort"), id("a")), "", 204},
		"listOrgAudit":          {"GET", p + "/audit?action=member.&limit=5&from=2020-01-01", "", 200},
		"getOrgAuditCSV":        {"GET", p + "/audit.csv", "", 200},
	}
}

// TestOrgAPI: a person in no organisation creates one (201); another
// organisation's owner, a member and someone in none are refused
// Alice's organisation's data; bad input is 400 naming the field.
func TestOrgAPI(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		ids := orgTourSetup(e, 1)
		p := api.Prefix + "/org"
		e.as(e.bobToken, "GET", p, "").want(t, 404)
		e.as(e.bobToken, "GET", p+"/members", "").want(t, 404)
		if pr := e.as(e.bobToken, "POST", p, `{"name":" "}`).want(t, 400).problem(t); pr.Errors["name"] == "" {
			t.Errorf("no name error: %+v", pr)
		}
		var o api.Organisation
		e.as(e.bobToken, "POST", p, `{"name":"Bob's Co","domains":["bobs.example"]}`).want(t, 201).decode(t, &o)
		if o.Role != ladder.OrgRoleOwner || o.Members != 1 || o.Anonymity.Peer != 3 {
			t.Errorf("%+v", o)
		}
		// Bob owns another organisation: Alice's ids are not found, never shown.
		for _, c := range []call{
			{"PATCH", fmt.Sprintf("%s/members/%d", p, ids["a"]), `{"title":"x"}`, 404},
			{"DELETE", fmt.Sprintf("%s/members/%d", p, ids["a"]), "", 404},
			{"POST", fmt.Sprintf("%s/members/%d/mentors", p, ids["a"]), `{"mentor_id":1}`, 404},
			{"DELETE", fmt.Sprintf("%s/members/%d/mentors/%d", p, ids["c"], e.alice.ID), "", 404},
			{"DELETE", fmt.Sprintf("%s/invitations/%d", p, ids["invite"]), "", 404},
			{"GET", fmt.Sprintf("%s/programmes/%d", p, ids["prog"]), "", 404},
			{"PUT", fmt.Sprintf("%s/programmes/%d", p, ids["prog"]), `{"name":"x","target_role":"cio","start":"2020-01-01","end":"2040-01-01"}`, 404},
			{"DELETE", fmt.Sprintf("%s/programmes/%d", p, ids["prog"]), "", 404},
			{"POST", fmt.Sprintf("%s/programmes/%d/cohorts", p, ids["prog"]), `{"name":"x","start":"2030-01-01","end":"2030-02-01"}`, 404},
			{"POST", fmt.Sprintf("%s/cohorts/%d/members", p, ids["cohort"]), `{"person_id":1}`, 404},
			{"DELETE", fmt.Sprintf("%s/cohorts/%d/members/%d", p, ids["cohort"], ids["a"]), "", 404},
			{"DELETE", fmt.Sprintf("%s/cohorts/%d", p, ids["cohort"]), "", 404},
		} {
			res := e.as(e.bobToken, c.method, c.path, c.body).want(t, c.want)
			if strings.Contains(string(res.body), "Tour") {
				t.Errorf("%s %s shows Alice's data: %s", c.method, c.path, res.body)
			}
		}
		var ms []api.OrgMember
		e.as(e.bobToken, "GET", p+"/members", "").want(t, 200).decode(t, &ms)
		if len(ms) != 1 || ms[0].PersonID != e.bob.ID {
			t.Errorf("Bob's members: %+v", ms)
		}

		// A plain member of Alice's organisation: the overview, nothing else.
		memberTok, _ := e.token(e.person(t, ids["a"]), "member")
		e.as(memberTok, "GET", p, "").want(t, 200)
		for _, c := range []call{
			{"GET", p + "/members", "", 403}, {"GET", p + "/invitations", "", 403}, {"GET", p + "/programmes", "", 403},
			{"GET", p + "/audit", "", 403}, {"GET", p + "/audit.csv", "", 403},
			{"POST", p + "/invitations", `{"email":"x@example.com","role":"member"}`, 403},
			{"POST", p + "/import", `{"csv":"name,email\nX,x@example.com\n"}`, 403},
			{"PUT", p, `{"name":"x","slug":"x","domains":[],"anonymity":{"manager":1,"peer":3,"report":3,"stakeholder":3,"others":4,"name_manager":true}}`, 403},
		} {
			e.as(memberTok, c.method, c.path, c.body).want(t, c.want)
		}

		// Bad input names the field.
		bad := e.as(e.aliceToken, "PUT", p, `{"name":"H","slug":"h-1","domains":[],"anonymity":{"manager":1,"peer":1,"report":3,"stakeholder":3,"others":4,"name_manager":true}}`).
			want(t, 400).problem(t)
		if bad.Errors["min_peer"] == "" {
			t.Errorf("minimum below the floor: %+v", bad)
		}
		imp := e.as(e.aliceToken, "POST", p+"/import", `{"csv":"name,email,title,manager_email\n,a@example.com,,\nBo,bad,,ghost@example.com\n"}`).
			want(t, 400).problem(t)
		if imp.Errors["line 2: name"] == "" || imp.Errors["line 3: email"] == "" || imp.Errors["line 3: manager_email"] == "" {
			t.Errorf("import problems: %+v", imp.Errors)
		}
		e.as(e.aliceToken, "POST", p+"/programmes", `{"name":"X","target_role":"astronaut","start":"2030-01-01","end":"2029-01-01"}`).want(t, 400)
		e.as(e.aliceToken, "GET", p+"/audit?from=soon", "").want(t, 400)
		e.as(e.aliceToken, "PATCH", fmt.Sprintf("%s/members/%d", p, e.alice.ID), `{"role":"member"}`).want(t, 409)
		e.as(e.aliceToken, "POST", p+"/invitations", `{"email":"nope","role":"member"}`).want(t, 400)
		e.as(e.aliceToken, "POST", p+"/invitations", `{"email":"x@example.com","role":"boss"}`).want(t, 400)
	})
}

// person loads a person by id.
func (e *env) person(t *testing.T, id int64) *ladder.Person {
	t.Helper()
	p, err := e.j.Persons.FindPersonByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// orgTourDay is the day days from now, within the tour's programmes.
func orgTourDay(e *env, days int) string {
	return ladder.Day(e.db.Now()).AddDate(0, 0, days).Format("2006-01-02")
}
