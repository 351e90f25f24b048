package server

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/httpx"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/mail"
	"github.com/ladderhq/ladder/internal/mail/mailtest"
)

// cohortFeedbackFixture adds Fabrikam, an organisation with the domain
// fab{n}.example (so raters from outside are refused): gina owns it, ivy
// is a programme admin, hank and jo are members managed by gina, kim
// reports to hank. The programme "Fabrikam leads" has the cohort
// "Fabrikam pilots" with hank and jo; ivy started a round for hank
// ({fabHankRound}), whose raters are gina, jo and kim. gina, ivy and hank
// can sign in. It needs the fixture's mail (feedbackFixture). Placeholders:
// {fabN}, {fabCohort}, {fabProg}, {fabJo}, {fabHank}, {fabHankRound}, {fabGina}.
func (f *webFixture) cohortFeedbackFixture(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	n := fixtureSeq.Add(1)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	email := func(name string) string { return fmt.Sprintf("%s@fab%d.example", name, n) }
	signIn := func(name string, id int64) {
		tok, _, err := f.auth.CreateSession(ctx, id)
		must(err)
		f.cookies[name] = &http.Cookie{Name: httpx.SessionCookie, Value: tok}
	}
	gina := &ladder.Person{Name: "Gina", Email: email("gina"), StartRole: "system-administrator", TargetRole: "it-manager"}
	must(f.j.Persons.CreatePerson(ctx, gina))
	org := &ladder.Organisation{Name: "Fabrikam", Slug: fmt.Sprintf("fabrikam-%d", n), Domains: []string{fmt.Sprintf("fab%d.example", n)}}
	must(f.j.CreateOrganisation(ctx, gina, org))
	csv := fmt.Sprintf("name,email,title,manager_email\nIvy,%s,L&D lead,\nHank,%s,Senior engineer,%s\nJo,%s,Engineer,%s\nKim,%s,Engineer,%s\n",
		email("ivy"), email("hank"), gina.Email, email("jo"), gina.Email, email("kim"), email("hank"))
	_, err := f.j.ImportOrgPeople(ctx, gina, []byte(csv))
	must(err)
	ids := map[string]int64{"gina": gina.ID}
	for _, name := range []string{"ivy", "hank", "jo", "kim"} {
		p, err := f.j.Persons.FindPersonByEmail(ctx, email(name))
		must(err)
		ids[name] = p.ID
	}
	admin := ladder.OrgRoleAdmin
	_, err = f.j.UpdateOrgMember(ctx, gina, ids["ivy"], ladder.OrgMemberUpdate{Role: &admin})
	must(err)
	day := ladder.Day(time.Now())
	prog := &ladder.OrgProgramme{Name: "Fabrikam leads", TargetRole: "it-manager", Start: day, End: day.AddDate(1, 0, 0)}
	must(f.j.SaveProgramme(ctx, gina, prog))
	c := &ladder.OrgCohort{ProgrammeID: prog.ID, Name: "Fabrikam pilots", Start: day, End: day.AddDate(0, 6, 0),
		MemberIDs: []int64{ids["hank"], ids["jo"]}}
	must(f.j.CreateCohort(ctx, gina, c))
	ivy, err := f.j.Persons.FindPersonByID(ctx, ids["ivy"])
	must(err)
	// Hank's raters' mail goes to a sink of its own, so that scenarios
	// counting the fixture's mail see only their own.
	sink := mailtest.Start(t)
	cfg, err := mail.ParseURL("smtp://" + sink.Addr + "?from=ladder@example.com&tls=none")
	must(err)
	shared := f.j.Mail
	f.j.Mail = mail.NewSMTP(cfg)
	res, err := f.j.StartCohortFeedback(ctx, ivy, c.ID, journey.CohortStart{Title: "Fabrikam pilots 360", ClosesOn: day.AddDate(0, 0, 21),
		Rounds: []ladder.CohortRound{{PersonID: ids["hank"]}}}, "http://ladder.test")
	f.j.Mail = shared
	must(err)
	if len(res) != 1 || res[0].RoundID == 0 || res[0].Mailed != 3 {
		t.Fatalf("hank's round: %+v", res)
	}
	signIn("gina", gina.ID)
	signIn("ivy", ids["ivy"])
	signIn("hank", ids["hank"])
	if f.extra == nil {
		f.extra = map[string]string{}
	}
	for k, v := range map[string]any{"{fabN}": n, "{fabCohort}": c.ID, "{fabJo}": ids["jo"], "{fabHank}": ids["hank"],
		"{fabHankRound}": res[0].RoundID, "{fabGina}": gina.ID, "{fabProg}": prog.ID} {
		f.extra[k] = fmt.Sprint(v)
	}
}
