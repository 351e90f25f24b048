package journey_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/mail/mailtest"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// cohortFixture is Northwind (domain northwind.example, so raters from
// outside are refused) with its chart: Olga the owner manages Dana, who
// manages Ana, Ben, Cy, Dee, Eve, Fay, Gus and Hal; Ana manages Ivo and Jo
// and is mentored by Olga; Pat is a programme admin and Max (at
// example.com) a member outside the chart. The cohort Spring holds Ana, Ben
// and Cy; Ben has a round of his own open. Contoso is another organisation
// with its own owner Zed.
type cohortFixture struct {
	j        *journey.Journey
	sink     *mailtest.Server
	north    *ladder.Organisation
	cohort   *ladder.OrgCohort
	people   map[string]*ladder.Person
	benRound *ladder.FeedbackRound
}

func newCohortFixture(t *testing.T, db *sqldb.DB) *cohortFixture {
	t.Helper()
	j, _, sink := feedbackJourney(t, db)
	f := &cohortFixture{j: j, sink: sink, people: map[string]*ladder.Person{}}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	email := func(name string) string { return strings.ToLower(name) + "@northwind.example" }
	olga := &ladder.Person{Name: "Olga", Email: email("Olga")}
	must(j.Persons.CreatePerson(ctx, olga))
	f.north = &ladder.Organisation{Name: "Northwind", Domains: []string{"northwind.example"}}
	must(j.CreateOrganisation(ctx, olga, f.north))
	csv := "name,email,title,manager_email\nDana,dana@northwind.example,Infrastructure manager,olga@northwind.example\n"
	for _, n := range []string{"Ana", "Ben", "Cy", "Dee", "Eve", "Fay", "Gus", "Hal"} {
		csv += fmt.Sprintf("%s,%s,Engineer,dana@northwind.example\n", n, email(n))
	}
	csv += "Ivo,ivo@northwind.example,Junior,ana@northwind.example\nJo,jo@northwind.example,Junior,ana@northwind.example\n" +
		"Pat,pat@northwind.example,L&D,\nMax,max@example.com,Contractor,\n"
	_, err := j.ImportOrgPeople(ctx, olga, []byte(csv))
	must(err)
	f.people["Olga"] = olga
	for _, n := range []string{"Dana", "Ana", "Ben", "Cy", "Dee", "Eve", "Fay", "Gus", "Hal", "Ivo", "Jo", "Pat", "Max"} {
		e := email(n)
		if n == "Max" {
			e = "max@example.com"
		}
		p, err := j.Persons.FindPersonByEmail(ctx, e)
		must(err)
		f.people[n] = p
	}
	admin := ladder.OrgRoleAdmin
	_, err = j.UpdateOrgMember(ctx, olga, f.people["Pat"].ID, ladder.OrgMemberUpdate{Role: &admin})
	must(err)
	must(j.SetOrgMentor(ctx, olga, olga.ID, f.people["Ana"].ID, false))
	day := ladder.Day(feedbackNow)
	prog := &ladder.OrgProgramme{Name: "Future managers", TargetRole: "it-manager", Start: day, End: day.AddDate(1, 0, 0)}
	must(j.SaveProgramme(ctx, olga, prog))
	f.cohort = &ladder.OrgCohort{ProgrammeID: prog.ID, Name: "Spring", Start: day, End: day.AddDate(0, 6, 0),
		MemberIDs: []int64{f.people["Ana"].ID, f.people["Ben"].ID, f.people["Cy"].ID}}
	must(j.CreateCohort(ctx, olga, f.cohort))
	f.benRound, err = j.StartFeedbackRound(ctx, f.people["Ben"], journey.FeedbackStart{Title: "Ben's own", Competencies: []string{"delegation"},
		ClosesOn: day.AddDate(0, 0, 10)})
	must(err)
	zed := &ladder.Person{Name: "Zed", Email: "zed@contoso.example"}
	must(j.Persons.CreatePerson(ctx, zed))
	must(j.CreateOrganisation(ctx, zed, &ladder.Organisation{Name: "Contoso"}))
	f.people["Zed"] = zed
	return f
}

func TestProposeCohortRaters(t *testing.T) {
	f := newCohortFixture(t, sqldbtest.Open(t, sqldb.SQLite))
	v, err := f.j.CohortFeedback(ctx, f.people["Pat"], f.cohort.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Members) != 3 || v.Members[0].Name != "Ana" || !v.Members[1].Open || v.Members[0].Open || !v.MailOn {
		t.Fatalf("members %+v", v.Members)
	}
	r := func(cat, name string) ladder.CohortRater {
		return ladder.CohortRater{Category: cat, Email: strings.ToLower(name) + "@northwind.example", Name: name}
	}
	// Peers stop at six by name (Hal is left out), Ana herself is no
	// rater, and her mentor Olga is asked as a stakeholder.
	want := []ladder.CohortRater{r("manager", "Dana"), r("report", "Ivo"), r("report", "Jo"), r("peer", "Ben"), r("peer", "Cy"),
		r("peer", "Dee"), r("peer", "Eve"), r("peer", "Fay"), r("peer", "Gus"), r("stakeholder", "Olga")}
	if diff := cmp.Diff(want, v.Members[0].Proposed); diff != "" {
		t.Errorf("Ana's raters (-want +got):\n%s", diff)
	}
	m, _ := f.j.Model(ctx)
	role, _ := m.Role("it-manager")
	if len(v.Competencies) != len(role.Requirements) || v.TargetTitle != role.Title {
		t.Errorf("asks %d competencies for %q", len(v.Competencies), v.TargetTitle)
	}
}

func TestCohortFeedbackStart(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newCohortFixture(t, db)
		closes := ladder.Day(feedbackNow).AddDate(0, 0, 21)
		pat, ana, cy := f.people["Pat"], f.people["Ana"], f.people["Cy"]
		res, err := f.j.StartCohortFeedback(ctx, pat, f.cohort.ID, journey.CohortStart{Title: "Spring 360", ClosesOn: closes}, "http://ladder.test")
		if err != nil {
			t.Fatal(err)
		}
		if len(res) != 3 || res[0].Name != "Ana" || res[0].Raters != 10 || res[0].Mailed != 10 || res[1].Skipped == "" || res[2].Raters != 7 {
			t.Fatalf("started %+v", res)
		}
		if msg := journey.CohortFeedbackStarted(res); msg != "Started 2 rounds; 17 raters were mailed; 1 member skipped." {
			t.Errorf("summary %q", msg)
		}
		msgs := f.sink.Wait(t, 17)
		var danaMail mailtest.Received
		for _, m := range msgs {
			if len(m.To) == 1 && m.To[0] == "dana@northwind.example" && strings.Contains(m.Subject, "Ana") {
				danaMail = m
			}
		}
		if danaMail.Subject != "Ana asks for your feedback" || !strings.Contains(danaMail.Text(), "one of Ana's managers") {
			t.Fatalf("no mail to Ana's manager: %q %q", danaMail.Subject, danaMail.Text())
		}
		// The link works once, for the round of Ana.
		token := feedbackToken(t, danaMail)
		inv, err := f.j.Feedback.FindFeedbackInvitation(ctx, token)
		if err != nil || inv.Round.PersonID != ana.ID || inv.Category != ladder.FeedbackManager || inv.State != ladder.FeedbackLinkOpen {
			t.Fatalf("link: %v %+v", err, inv)
		}
		answer := ladder.FeedbackResponse{Levels: map[string]int{"delegation": 3}}
		if err := f.j.Feedback.SubmitFeedback(ctx, token, answer); err != nil {
			t.Fatal(err)
		}
		if err := f.j.Feedback.SubmitFeedback(ctx, token, answer); ladder.ErrorCode(err) != ladder.ECONFLICT {
			t.Errorf("second use: %v", err)
		}
		// Ana's round says who started it; it is hers to add to and close.
		rs, _ := f.j.Feedback.FindFeedbackRounds(ctx, ana.ID)
		if len(rs) != 1 || rs[0].StartedBy != pat.ID || rs[0].StartedByName != "Pat" || rs[0].CohortID != f.cohort.ID ||
			rs[0].CohortName != "Spring" || rs[0].Counts["peer"].Invited != 6 || !rs[0].ClosesOn.Equal(closes) {
			t.Fatalf("Ana's rounds %+v", *rs[0])
		}
		if _, err := f.j.AddFeedbackRater(ctx, ana, rs[0].ID, "peer", "hal@northwind.example", 0, "http://ladder.test"); err != nil {
			t.Errorf("Ana adds a rater: %v", err)
		}
		// The admin sees counts and days, nothing per rater.
		v, err := f.j.CohortFeedback(ctx, pat, f.cohort.ID)
		if err != nil {
			t.Fatal(err)
		}
		p := v.Members[0].Rounds
		if len(p) != 1 || p[0].Invited != 11 || p[0].Answered != 1 || p[0].Closed() || p[0].StartedByName != "Pat" || !v.Members[0].Open {
			t.Errorf("Ana's progress %+v", p)
		}
		if len(v.Members[1].Rounds) != 0 {
			t.Errorf("Ben's own round shows to the admin: %+v", v.Members[1].Rounds)
		}
		if err := f.j.CloseFeedbackRound(ctx, ana, rs[0].ID); err != nil {
			t.Fatal(err)
		}
		v, _ = f.j.CohortFeedback(ctx, pat, f.cohort.ID)
		if p := v.Members[0].Rounds; len(p) != 1 || !p[0].Closed() || p[0].Invited != 11 || p[0].Answered != 1 || v.Members[0].Open {
			t.Errorf("Ana's closed progress %+v", p)
		}
		// Audit: the cohort and each member, never a rater.
		es, _, err := f.j.AuditLog.FindAudit(ctx, ladder.AuditFilter{OrgID: f.north.ID, Action: "feedback."})
		if err != nil || len(es) != 3 {
			t.Fatalf("audit %v %+v", err, es)
		}
		subjects := map[int64]bool{}
		for _, e := range es {
			subjects[e.SubjectID] = true
			if e.ActorID != pat.ID || strings.Contains(e.Detail, "@") {
				t.Errorf("entry %+v", e)
			}
		}
		if !subjects[ana.ID] || !subjects[cy.ID] || !subjects[f.cohort.ID] {
			t.Errorf("subjects %v", subjects)
		}
		// Ana closed hers: starting again asks her alone; then everyone has
		// a round open and there is nothing to start.
		again := journey.CohortStart{Title: "Again", ClosesOn: closes}
		res, err = f.j.StartCohortFeedback(ctx, pat, f.cohort.ID, again, "http://x")
		if err != nil || journey.CohortFeedbackStarted(res) != "Started 1 round; 10 raters were mailed; 2 members skipped." {
			t.Errorf("again: %v %+v", err, res)
		}
		if _, err := f.j.StartCohortFeedback(ctx, pat, f.cohort.ID, again, "http://x"); ladder.ErrorCode(err) != ladder.ECONFLICT {
			t.Errorf("nothing to start: %v", err)
		}
	})
}

func TestCohortFeedbackAllOrNothing(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newCohortFixture(t, db)
		closes := ladder.Day(feedbackNow).AddDate(0, 0, 21)
		pat, ana, cy := f.people["Pat"], f.people["Ana"], f.people["Cy"]
		good := []ladder.CohortRater{{Category: "manager", Email: "dana@northwind.example"}, {Category: "peer", Email: "ben@northwind.example"}}
		for name, tc := range map[string]struct {
			raters []ladder.CohortRater
			field  string
			want   string
		}{
			"BadEmail":     {[]ladder.CohortRater{{Category: "peer", Email: "not-an-email"}}, fmt.Sprintf("raters.%d", cy.ID), "is not an email address"},
			"BadCategory":  {[]ladder.CohortRater{{Category: "boss", Email: "dee@northwind.example"}}, fmt.Sprintf("raters.%d", cy.ID), "category must be one of"},
			"Outside":      {[]ladder.CohortRater{{Category: "peer", Email: "friend@mail.example"}}, fmt.Sprintf("raters.%d", cy.ID), "friend@mail.example is outside Northwind"},
			"OwnAddress":   {[]ladder.CohortRater{{Category: "peer", Email: "CY@northwind.example"}}, fmt.Sprintf("raters.%d", cy.ID), "the member's own address"},
			"Twice":        {[]ladder.CohortRater{{Category: "peer", Email: "dee@northwind.example"}, {Category: "stakeholder", Email: "dee@northwind.example"}}, fmt.Sprintf("raters.%d", cy.ID), "listed twice"},
			"NobodyAsked":  {[]ladder.CohortRater{}, fmt.Sprintf("raters.%d", cy.ID), "choose at least one rater"},
			"NotInCohort":  {nil, fmt.Sprintf("raters.%d", f.people["Dee"].ID), "is not a member of the cohort"},
			"ClosesBefore": {[]ladder.CohortRater{{Category: "peer", Email: "dee@northwind.example"}}, "closes_on", "today or later"},
		} {
			t.Run(name, func(t *testing.T) {
				in := journey.CohortStart{Title: "Spring 360", ClosesOn: closes,
					Rounds: []ladder.CohortRound{{PersonID: ana.ID, Raters: good}, {PersonID: cy.ID, Raters: tc.raters}}}
				if name == "NotInCohort" {
					in.Rounds[1].PersonID = f.people["Dee"].ID
				}
				if name == "ClosesBefore" {
					in.ClosesOn = ladder.Day(feedbackNow).AddDate(0, 0, -1)
				}
				_, err := f.j.StartCohortFeedback(ctx, pat, f.cohort.ID, in, "http://ladder.test")
				e, ok := err.(*ladder.Error)
				if !ok || e.Code != ladder.EINVALID || !strings.Contains(e.Fields[tc.field], tc.want) {
					t.Fatalf("%v %+v, want %s: %s", err, e, tc.field, tc.want)
				}
				for _, p := range []*ladder.Person{ana, cy} {
					if rs, _ := f.j.Feedback.FindFeedbackRounds(ctx, p.ID); len(rs) != 0 {
						t.Errorf("%s has rounds after a refusal: %+v", p.Name, rs)
					}
				}
				if es, n, _ := f.j.AuditLog.FindAudit(ctx, ladder.AuditFilter{OrgID: f.north.ID, Action: "feedback."}); n != 0 {
					t.Errorf("audit after a refusal: %+v", es)
				}
			})
		}
		if n := len(f.sink.Messages()); n != 0 {
			t.Errorf("%d mails after refusals", n)
		}
	})
}

func TestCohortFeedbackAccess(t *testing.T) {
	f := newCohortFixture(t, sqldbtest.Open(t, sqldb.SQLite))
	in := journey.CohortStart{Title: "Spring 360", ClosesOn: ladder.Day(feedbackNow).AddDate(0, 0, 21)}
	for who, want := range map[string]string{"Ana": ladder.EFORBIDDEN, "Zed": ladder.ENOTFOUND} {
		if _, err := f.j.CohortFeedback(ctx, f.people[who], f.cohort.ID); ladder.ErrorCode(err) != want {
			t.Errorf("%s views: %v, want %s", who, err, want)
		}
		if _, err := f.j.StartCohortFeedback(ctx, f.people[who], f.cohort.ID, in, "http://x"); ladder.ErrorCode(err) != want {
			t.Errorf("%s starts: %v, want %s", who, err, want)
		}
	}
	// Without mail the links would end with the admin: refused, nothing written.
	f.j.Mail = nil
	if _, err := f.j.StartCohortFeedback(ctx, f.people["Olga"], f.cohort.ID, in, "http://x"); ladder.ErrorCode(err) != ladder.ECONFLICT ||
		!strings.Contains(err.Error(), "mail is not set up") {
		t.Errorf("without mail: %v", err)
	}
	if rs, _ := f.j.Feedback.FindFeedbackRounds(ctx, f.people["Ana"].ID); len(rs) != 0 {
		t.Errorf("rounds without mail: %+v", rs)
	}
}

// TestRatersWithinOrganisation: an organisation with domains refuses raters
// who are neither members nor at one of its addresses until an owner allows
// them; the change is audited; a person in no organisation asks anyone.
func TestRatersWithinOrganisation(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newCohortFixture(t, db)
		ben, olga := f.people["Ben"], f.people["Olga"]
		add := func(email string) error {
			_, err := f.j.AddFeedbackRater(ctx, ben, f.benRound.ID, "peer", email, 0, "http://ladder.test")
			return err
		}
		if f.north.OutsideRaters {
			t.Fatal("an organisation created with domains allows outside raters")
		}
		err := add("Friend@Mail.example")
		if e, ok := err.(*ladder.Error); !ok || e.Code != ladder.EINVALID ||
			e.Fields["email"] != "is outside Northwind: raters must be members of Northwind or have an address at northwind.example "+
				"(an owner can allow raters from outside in the organisation's settings)" {
			t.Fatalf("outside rater: %#v", err)
		}
		for _, ok := range []string{"max@example.com", "hal@northwind.example", "someone.new@northwind.example"} {
			if err := add(ok); err != nil {
				t.Errorf("%s: %v", ok, err)
			}
		}
		o, _, err := f.j.Organisation(ctx, olga)
		if err != nil {
			t.Fatal(err)
		}
		o.OutsideRaters = true
		if err := f.j.UpdateOrganisation(ctx, olga, o); err != nil {
			t.Fatal(err)
		}
		if err := add("friend@mail.example"); err != nil {
			t.Errorf("allowed now: %v", err)
		}
		es, _, _ := f.j.AuditLog.FindAudit(ctx, ladder.AuditFilter{OrgID: f.north.ID, Action: "org.settings"})
		if len(es) != 1 || es[0].Detail != "raters from outside refused → allowed" {
			t.Errorf("audit %+v", es)
		}
		// Contoso was created without domains: anyone may rate.
		c, _, _ := f.j.Organisation(ctx, f.people["Zed"])
		if !c.OutsideRaters {
			t.Error("an organisation without domains refuses outside raters")
		}
		// Nobody outside an organisation is affected.
		loner := &ladder.Person{Name: "Lone", Email: "lone@example.com", TargetRole: "it-manager"}
		if err := f.j.Persons.CreatePerson(ctx, loner); err != nil {
			t.Fatal(err)
		}
		r, err := f.j.StartFeedbackRound(ctx, loner, journey.FeedbackStart{Title: "Mine", Competencies: []string{"delegation"},
			ClosesOn: ladder.Day(feedbackNow).AddDate(0, 0, 5)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.j.AddFeedbackRater(ctx, loner, r.ID, "peer", "anyone@mail.example", 0, "http://x"); err != nil {
			t.Errorf("person in no organisation: %v", err)
		}
	})
}

// TestRemindCohortFeedback: the admin reminds the raters who have not
// answered in the cohort's open rounds (fresh links; the old one stops),
// learns counts only, and the reminder is audited against the cohort;
// with no round open there is nothing to remind; a plain member may not.
func TestRemindCohortFeedback(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newCohortFixture(t, db)
		pat, ana := f.people["Pat"], f.people["Ana"]
		if _, _, err := f.j.RemindCohortFeedback(ctx, pat, f.cohort.ID, "http://ladder.test"); ladder.ErrorCode(err) != ladder.ECONFLICT {
			t.Fatalf("nothing open yet: %v", err)
		}
		closes := ladder.Day(feedbackNow).AddDate(0, 0, 21)
		if _, err := f.j.StartCohortFeedback(ctx, pat, f.cohort.ID, journey.CohortStart{Title: "Spring 360", ClosesOn: closes}, "http://ladder.test"); err != nil {
			t.Fatal(err)
		}
		first := f.sink.Wait(t, 17)
		// One of Ana's raters answers; Ana closes nothing yet.
		var answered string
		for _, m := range first {
			if strings.Contains(m.Subject, "Ana") {
				answered = feedbackToken(t, m)
				break
			}
		}
		if err := f.j.Feedback.SubmitFeedback(ctx, answered, ladder.FeedbackResponse{Levels: map[string]int{"delegation": 3}}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := f.j.RemindCohortFeedback(ctx, ana, f.cohort.ID, "http://ladder.test"); ladder.ErrorCode(err) != ladder.EFORBIDDEN {
			t.Errorf("a plain member reminds: %v", err)
		}
		rounds, rem, err := f.j.RemindCohortFeedback(ctx, pat, f.cohort.ID, "http://ladder.test")
		if err != nil || rounds != 2 || rem.Sent != 16 || rem.Failed != 0 {
			t.Fatalf("reminded %d rounds: %+v, %v", rounds, rem, err)
		}
		again := f.sink.Wait(t, 17+16)[17:]
		for _, m := range again {
			if !strings.Contains(m.Text(), "http://ladder.test/feedback/r/") {
				t.Errorf("a reminder without a link: %q", m.Text())
			}
		}
		// The first links of those reminded stop working.
		for _, m := range first {
			if tok := feedbackToken(t, m); tok != answered {
				if inv, err := f.j.Feedback.FindFeedbackInvitation(ctx, tok); err == nil && inv.State == ladder.FeedbackLinkOpen {
					t.Errorf("an old link still opens after the reminder")
				}
				break
			}
		}
		es, _, err := f.j.AuditLog.FindAudit(ctx, ladder.AuditFilter{OrgID: f.north.ID, Action: "feedback.remind"})
		if err != nil || len(es) != 1 || es[0].SubjectKind != ladder.AuditCohort || es[0].SubjectID != f.cohort.ID ||
			es[0].Detail != "2 open rounds, 16 reminders sent" {
			t.Errorf("audit %v %+v", err, es)
		}
	})
}
