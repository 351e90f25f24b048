package e2e

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/demo"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/sqldb"
)

// sharingWorld puts the demo person, Alex, into an organisation where
// Dana Whitfield is Alex's manager, Lee Park Alex's mentor, and Sam Okoro
// reports to Alex. Sam aims at team lead, has rated himself, logged
// evidence, written a journal entry and made a plan, and shares all but
// the journal with his manager. It returns Alex, Dana and Sam.
func sharingWorld(t *testing.T, a *app) (alex, dana, sam *ladder.Person) {
	t.Helper()
	ctx := context.Background()
	j := a.J
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	alex, err := j.Persons.FindPersonByEmail(ctx, demo.Email)
	must(err)
	must(j.CreateOrganisation(ctx, alex, &ladder.Organisation{Name: "Harbour Logistics IT", Domains: []string{"harbour.example"}}))
	_, err = j.ImportOrgPeople(ctx, alex, []byte("name,email,title,manager_email\n"+
		"Dana Whitfield,dana@harbour.example,Head of IT,\n"+
		"Lee Park,lee@harbour.example,Network lead,dana@harbour.example\n"+
		"Sam Okoro,sam@harbour.example,Service desk analyst,"+alex.Email+"\n"))
	must(err)
	find := func(email string) *ladder.Person {
		p, err := j.Persons.FindPersonByEmail(ctx, email)
		must(err)
		return p
	}
	dana, lee, sam := find("dana@harbour.example"), find("lee@harbour.example"), find("sam@harbour.example")
	_, err = j.UpdateOrgMember(ctx, alex, alex.ID, ladder.OrgMemberUpdate{ManagerID: &dana.ID})
	must(err)
	must(j.SetOrgMentor(ctx, alex, lee.ID, alex.ID, false))

	start, target := "help-desk", "team-lead"
	_, err = j.Persons.UpdatePerson(ctx, sam.ID, ladder.PersonUpdate{StartRole: &start, TargetRole: &target})
	must(err)
	done := time.Now().UTC().AddDate(0, 0, -20).Truncate(time.Second)
	must(j.Assessments.CreateAssessment(ctx, &ladder.Assessment{PersonID: sam.ID, Kind: ladder.AssessSelf, TargetRole: target,
		StartedAt: done, CompletedAt: done, Ratings: []ladder.Rating{{Competency: "delegation", Level: 2}, {Competency: "conflict-resolution", Level: 3},
			{Competency: "clear-instructions", Level: 3}, {Competency: "team-dynamics", Level: 2}}}))
	must(j.Evidence.CreateEvidence(ctx, &ladder.Evidence{PersonID: sam.ID, Kind: ladder.EvidenceIncidentLead, Title: "Led the Monday e-mail outage bridge",
		Description: "Ran the call, split the work between three engineers and kept the service desk informed every 30 minutes.",
		Start:       done.AddDate(0, -1, 0), Competencies: []string{"decisions-under-pressure", "delegation"}, PeopleCount: 4}))
	must(j.Journal.CreateJournalEntry(ctx, &ladder.JournalEntry{PersonID: sam.ID, Date: done, Kind: ladder.JournalChallenge,
		Title: "Not sure I want this", Body: "SAM-PRIVATE: some days I miss fixing things myself."}))
	sam = find("sam@harbour.example")
	pl, err := j.GeneratePlan(ctx, sam, journey.PlanOptions{Months: 6})
	must(err)
	a0 := &pl.Goals[0].Actions[0]
	a0.Due, a0.Start = ladder.Day(time.Now()).AddDate(0, 0, -3), ladder.Day(time.Now()).AddDate(0, -1, 0)
	pl.Goals[0].Actions[1].Done = true
	must(j.Plans().SavePlan(ctx, pl))
	_, err = j.SetSharing(ctx, sam, map[string]ladder.ShareSet{
		ladder.AudienceManager: {ladder.ShareReadiness, ladder.ShareGaps, ladder.SharePlan, ladder.ShareEvidence}})
	must(err)
	return alex, dana, sam
}

// TestSharing walks the sharing controls and the view of a member in the
// browser: Alex chooses what his manager and mentor see, his manager
// looks and Alex reads that she did; then Alex opens what Sam, who
// reports to him, shares, on a desktop and on a phone.
func TestSharing(t *testing.T) {
	a := startApp(t, sqldb.SQLite, true)
	b := newBrowser(t, 1280, 1000)
	b.do("open the demo", chromedp.Navigate(a.URL+"/"), chromedp.WaitVisible(css("svg.chart-radar")))
	alex, dana, sam := sharingWorld(t, a)

	b.do("settings", chromedp.Navigate(a.URL+"/settings"), chromedp.WaitVisible(css(`nav.sub a[href="/settings/sharing"]`)))
	b.do("sharing", chromedp.Click(css(`nav.sub a[href="/settings/sharing"]`)), chromedp.WaitVisible(css("table.sharing-grid")))
	b.mustSee("Nothing is shared unless you tick it", "Dana Whitfield", "Lee Park", "You have not chosen yet", "Nobody has looked at your data yet")
	b.do("share with the manager and the mentor",
		chromedp.Click(css("#share-manager-readiness")),
		chromedp.Click(css("#share-manager-plan")),
		chromedp.Click(css("#share-mentor-readiness")),
		chromedp.Click(css("#share-mentor-gaps")),
		chromedp.Click(css(`form[action="/settings/sharing"] button`)),
		chromedp.WaitVisible(flash("Saved")))
	b.mustSee("Last changed")
	if _, err := a.J.MemberView(context.Background(), dana, alex.ID); err != nil {
		t.Fatal(err)
	}
	b.do("after Dana looked", chromedp.Reload(), chromedp.WaitVisible(css("#seen-h")))
	b.mustSee("Who looked at your data", "1 time", "Dana Whitfield", "Saw readiness, plan as manager")
	b.shot("sharing")

	b.do("organisation", chromedp.Navigate(a.URL+"/org"), chromedp.WaitVisible(css(`a[href="/settings/sharing"]`)))
	b.do("people I support", chromedp.Click(css(`nav.tabs a[href="/org/people"]`)), chromedp.WaitVisible(css("main table")))
	b.mustSee("Sam Okoro", "Service desk analyst", "manager and programme admin", "readiness, gaps, development plan and its progress, evidence log")
	b.shot("org-people")
	b.do("Sam's page", chromedp.Click(chromedp.Search(`//a[.="Sam Okoro"]`)), chromedp.WaitVisible(css("#p-readiness-h")))
	b.mustSee("You see Sam Okoro as their manager and programme admin", "Readiness for Team lead", "By area", "the largest weighted gap first",
		"Led the Monday e-mail outage bridge", "overdue", "1 of", "Not shared.")
	if strings.Contains(b.text(), "SAM-PRIVATE") {
		t.Fatal("the journal Sam does not share shows")
	}
	b.shot("org-person")

	phone := newBrowser(t, 390, 844)
	phone.do("sign in", chromedp.EmulateViewport(390, 844), chromedp.Navigate(a.URL+"/"), chromedp.WaitVisible(css("main h1")))
	for _, page := range []struct{ path, wait, name string }{
		{"/settings/sharing", "table.sharing-grid", "sharing-phone"},
		{"/org/people/" + strconv.FormatInt(sam.ID, 10), "#p-journal-h", "org-person-phone"},
	} {
		phone.do(page.path, chromedp.EmulateViewport(390, 844), chromedp.Navigate(a.URL+page.path), chromedp.WaitVisible(css(page.wait)))
		phone.shot(page.name)
	}
	phone.mustSee("Not shared.")
	// Every look was recorded: Dana's at Alex, Alex's two at Sam.
	es, _, err := a.J.AuditLog.FindAudit(context.Background(), ladder.AuditFilter{OrgID: alex.OrgID, Action: ladder.AuditViewMember})
	if err != nil || len(es) != 3 || es[0].SubjectName != "Sam Okoro" || es[2].ActorName != "Dana Whitfield" {
		t.Errorf("views recorded: %v %+v", err, es)
	}
}
