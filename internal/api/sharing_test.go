package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// sharingChanges are the sharing operations that change data, in order.
var sharingChanges = []string{"setSharing"}

// sharingTourSetup puts Alice in an organisation (once) and adds a member
// she manages who aims at IT manager, has a rating, an evidence entry, a
// journal entry and a plan, and shares everything with their manager;
// and a member who reports to nobody and shares nothing. It returns
// their ids, "sharer" and "quiet", and the sharer's token.
func sharingTourSetup(e *env, n int) (map[string]int64, string) {
	e.t.Helper()
	ctx := context.Background()
	must := func(err error) {
		e.t.Helper()
		if err != nil {
			e.t.Fatal(err)
		}
	}
	if _, err := e.j.OrgOf(ctx, e.alice); ladder.ErrorCode(err) == ladder.ENOTFOUND {
		must(e.j.CreateOrganisation(ctx, e.alice, &ladder.Organisation{Name: "Harbour Logistics IT"}))
	}
	csv := fmt.Sprintf("name,email,manager_email\nSharer %d,sharer-%d@example.com,%s\nQuiet %d,quiet-%d@example.com,\n", n, n, e.alice.Email, n, n)
	_, err := e.j.ImportOrgPeople(ctx, e.orgOwner(), []byte(csv))
	must(err)
	ids := map[string]int64{}
	for _, k := range []string{"sharer", "quiet"} {
		p, err := e.j.Persons.FindPersonByEmail(ctx, fmt.Sprintf("%s-%d@example.com", k, n))
		must(err)
		ids[k] = p.ID
	}
	start, target := "system-administrator", "it-manager"
	p, err := e.j.Persons.UpdatePerson(ctx, ids["sharer"], ladder.PersonUpdate{StartRole: &start, TargetRole: &target})
	must(err)
	e.assessment(p, true, ladder.Rating{Competency: "delegation", Level: 3})
	e.evidence(p, "SHARER-EVIDENCE")
	e.journal(p, "SHARER-JOURNAL")
	p, err = e.j.Persons.FindPersonByID(ctx, p.ID)
	must(err)
	_, err = e.j.GeneratePlan(ctx, p, journey.PlanOptions{Months: 6})
	must(err)
	_, err = e.j.SetSharing(ctx, p, map[string]ladder.ShareSet{ladder.AudienceManager: ladder.ShareParts})
	must(err)
	tok, _ := e.token(p, fmt.Sprintf("sharer-%d", n))
	return ids, tok
}

// sharingTour calls every sharing operation as Alice, the owner of the
// organisation and the sharer's manager.
func sharingTour(e *env, n int) map[string]call {
	p := api.Prefix
	ids, _ := sharingTourSetup(e, n)
	return map[string]call{
		"getSharing":    {"GET", p + "/sharing", "", 200},
		"setSharing":    {"PUT", p + "/sharing", `{"mentor":["readiness","plan"],"manager":[],"programme_admins":["readiness"]}`, 200},
		"listOrgPeople": {"GET", p + "/org/people", "", 200},
		"getOrgPerson":  {"GET", fmt.Sprintf("%s/org/people/%d", p, ids["sharer"]), "", 200},
	}
}

// TestSharingAPI: the member's choices and their refusals, the people one
// supports, the view with only what is shared (every look recorded), and
// the denials: nobody to share with, a plain member, another
// organisation, oneself.
func TestSharingAPI(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		ids, sharerToken := sharingTourSetup(e, 1)
		p := api.Prefix
		person := func(id int64) string { return fmt.Sprintf("%s/org/people/%d", p, id) }

		// Choices: the whole grid replaced; a bad audience or part names
		// the field and writes nothing.
		var s api.Sharing
		e.as(e.aliceToken, "GET", p+"/sharing", "").want(t, 200).decode(t, &s)
		if s.UpdatedAt != nil || len(s.Mentor)+len(s.Manager)+len(s.Admins) != 0 || s.Organisation != "Harbour Logistics IT" {
			t.Errorf("nothing shared by default: %+v", s)
		}
		e.as(e.aliceToken, "PUT", p+"/sharing", `{"mentor":["plan","readiness","plan"],"manager":[],"programme_admins":["journal"]}`).want(t, 200).decode(t, &s)
		if !slices.Equal(s.Mentor, []string{"readiness", "plan"}) || !slices.Equal(s.Admins, []string{"journal"}) || s.UpdatedAt == nil {
			t.Errorf("after PUT: %+v", s)
		}
		for body, field := range map[string]string{
			`{"mentor":["salary"],"manager":[],"programme_admins":[]}`:               "mentor",
			`{"mentor":[],"manager":[],"programme_admins":[],"everyone":["plan"]}`:   "everyone",
			`{"mentor":[],"programme_admins":[]}`:                                    "manager",
			`{"mentor":"readiness","manager":[],"programme_admins":[]}`:              "mentor",
			`{"mentor":[],"manager":["readiness","gaps","x"],"programme_admins":[]}`: "manager",
		} {
			if pr := e.as(e.aliceToken, "PUT", p+"/sharing", body).want(t, 400).problem(t); pr.Errors[field] == "" {
				t.Errorf("%s: no error for %s: %+v", body, field, pr)
			}
		}
		e.as(e.aliceToken, "GET", p+"/sharing", "").want(t, 200).decode(t, &s)
		if !slices.Equal(s.Mentor, []string{"readiness", "plan"}) || len(s.Manager) != 0 {
			t.Errorf("a refused PUT wrote: %+v", s)
		}

		// Who Alice supports, and the sharer's view with everything.
		var people []api.SupportedPerson
		e.as(e.aliceToken, "GET", p+"/org/people", "").want(t, 200).decode(t, &people)
		if len(people) != 1 || people[0].PersonID != ids["sharer"] || !slices.Equal(people[0].As, []string{"manager", "programme_admins"}) ||
			!slices.Equal(people[0].Shared, ladder.ShareParts) {
			t.Errorf("people %+v", people)
		}
		var v api.MemberView
		e.as(e.aliceToken, "GET", person(ids["sharer"]), "").want(t, 200).decode(t, &v)
		if v.Readiness == nil || v.Readiness.Target != "it-manager" || v.Gaps == nil || len(*v.Gaps) == 0 || v.Plan == nil || v.PlanProgress == nil ||
			v.PlanProgress.Actions == 0 || v.Evidence == nil || (*v.Evidence)[0].Title != "SHARER-EVIDENCE" || v.Journal == nil ||
			(*v.Journal)[0].Title != "SHARER-JOURNAL" || v.JournalAll != 1 {
			t.Errorf("the full view lacks a part: %+v", v)
		}

		// Someone who shares nothing: only who they are, no part at all.
		r := e.as(e.aliceToken, "GET", person(ids["quiet"]), "").want(t, 200)
		var raw map[string]any
		if err := json.Unmarshal(r.body, &raw); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"readiness", "gaps", "plan", "plan_progress", "evidence", "journal"} {
			if _, ok := raw[k]; ok {
				t.Errorf("a part not shared is in the answer: %s", k)
			}
		}
		if sh, _ := raw["shared"].([]any); raw["shared"] == nil || len(sh) != 0 || raw["name"] != "Quiet 1" {
			t.Errorf("the view of someone sharing nothing: %s", r.body)
		}
		es, _, err := e.j.AuditLog.FindAudit(context.Background(), ladder.AuditFilter{OrgID: e.alice.OrgID, Action: ladder.AuditViewMember})
		if err != nil || len(es) != 2 || es[0].Detail != "saw nothing as programme admin" ||
			es[1].Detail != "saw readiness, gaps, plan, evidence, journal as manager and programme admin" || es[1].SubjectID != ids["sharer"] {
			t.Errorf("views recorded: %v %+v", err, es)
		}
		// The sharer reads that Alice looked.
		var mine api.Sharing
		e.as(sharerToken, "GET", p+"/sharing", "").want(t, 200).decode(t, &mine)
		if mine.ViewsTotal != 1 || mine.Views[0].ActorName != "Alex Moreno" || !slices.Equal(mine.Who.Manager, []string{"Alex Moreno"}) {
			t.Errorf("the sharer's page: %+v", mine)
		}

		// Denials. Nothing is recorded for them.
		e.as(sharerToken, "GET", person(e.alice.ID), "").want(t, 403)
		e.as(sharerToken, "GET", person(ids["quiet"]), "").want(t, 403)
		if pr := e.as(sharerToken, "GET", person(ids["sharer"]), "").want(t, 400).problem(t); pr.Detail == "" {
			t.Errorf("oneself: %+v", pr)
		}
		e.as(e.aliceToken, "GET", person(1<<40), "").want(t, 404)
		e.as(e.aliceToken, "GET", p+"/org/people/x", "").want(t, 400)
		for _, path := range []string{p + "/sharing", p + "/org/people", person(ids["sharer"])} {
			e.as(e.bobToken, "GET", path, "").want(t, 404)
		}
		e.as(e.bobToken, "PUT", p+"/sharing", `{"mentor":["plan"],"manager":[],"programme_admins":[]}`).want(t, 404)
		// Bob now owns another organisation: Alice's members are not found.
		e.as(e.bobToken, "POST", p+"/org", `{"name":"Bob's Co"}`).want(t, 201)
		r = e.as(e.bobToken, "GET", person(ids["sharer"]), "").want(t, 404)
		if pr := r.problem(t); pr.Detail != "Member not found." {
			t.Errorf("another organisation's owner: %+v", pr)
		}
		if es, _, _ := e.j.AuditLog.FindAudit(context.Background(), ladder.AuditFilter{OrgID: e.alice.OrgID, Action: ladder.AuditViewMember}); len(es) != 2 {
			t.Errorf("a refused view was recorded: %+v", es)
		}
	})
}
