package demo_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/anonymity"
	"github.com/ladderhq/ladder/internal/demo"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

var ctx = context.Background()

// orgDigest is what the demo organisation holds, in words, to compare two
// loads and to check its shape.
type orgDigest struct {
	Members     []string // name, title, role, manager, mentors
	Cohorts     []string // name: members
	Shared      []string // member: parts shared with programme admins
	Plans       []string // member: actions done of all
	Progress    []string // member: round, status, asked, answered
	AlexResults []string // group: raters on delegation
	AlexRounds  []string
	Audit       int
}

func digestOrg(t *testing.T, j *journey.Journey, admin, alex *ladder.Person) orgDigest {
	t.Helper()
	var d orgDigest
	o, _, err := j.Organisation(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	ms, _, err := j.Orgs.FindOrgMembers(ctx, ladder.OrgMemberFilter{OrgID: o.ID})
	if err != nil {
		t.Fatal(err)
	}
	names := map[int64]string{}
	for _, m := range ms {
		names[m.PersonID] = m.Name
	}
	for _, m := range ms {
		var mentors []string
		for _, id := range m.MentorIDs {
			mentors = append(mentors, names[id])
		}
		d.Members = append(d.Members, fmt.Sprintf("%s, %s, %s, %s, %v", m.Name, m.Title, m.Role, names[m.ManagerID], mentors))
		pl, err := j.Plans().FindPlan(ctx, m.PersonID)
		if err == nil {
			done, all := 0, 0
			for _, g := range pl.Goals {
				for _, a := range g.Actions {
					all++
					if a.Done {
						done++
					}
				}
			}
			d.Plans = append(d.Plans, fmt.Sprintf("%s: %d of %d", m.Name, done, all))
		}
	}
	shared, err := j.Shares.FindSharedWith(ctx, o.ID, ladder.AudienceAdmins)
	if err != nil {
		t.Fatal(err)
	}
	for id, parts := range shared {
		d.Shared = append(d.Shared, names[id]+": "+parts.String())
	}
	slices.Sort(d.Shared)
	ps, err := j.Programmes(ctx, admin)
	if err != nil || len(ps) != 1 {
		t.Fatalf("programmes %v %+v", err, ps)
	}
	v, err := j.Programme(ctx, admin, ps[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range v.Cohorts {
		var in []string
		for _, id := range c.MemberIDs {
			in = append(in, names[id])
		}
		slices.Sort(in)
		d.Cohorts = append(d.Cohorts, c.Name+": "+strings.Join(in, ", "))
		fb, err := j.CohortFeedback(ctx, admin, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range fb.Members {
			for _, r := range m.Rounds {
				d.Progress = append(d.Progress, fmt.Sprintf("%s: %s, closed %t, %d asked, %d answered", m.Name, r.Title, r.Closed(), r.Invited, r.Answered))
			}
		}
	}
	rs, err := j.Feedback.FindFeedbackRounds(ctx, alex.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		d.AlexRounds = append(d.AlexRounds, fmt.Sprintf("%s closed %t by %q", r.Title, r.Closed(), r.StartedByName))
		if !r.Closed() {
			continue
		}
		disc, err := journey.FeedbackDisclosure(r)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range ladder.FeedbackGroups {
			if c, ok := disc.Cell("delegation", anonymity.Category(g)); ok {
				d.AlexResults = append(d.AlexResults, fmt.Sprintf("%s: %d", g, c.N))
			}
		}
		for _, g := range disc.Comments {
			d.AlexResults = append(d.AlexResults, fmt.Sprintf("comments of %s: %d", g.Group, len(g.Texts)))
		}
	}
	_, d.Audit, err = j.AuditLog.FindAudit(ctx, ladder.AuditFilter{OrgID: o.ID, Action: "feedback."})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestLoadOrg: the demo organisation has its people, programme, cohorts,
// varied progress and sharing, Alex's closed round shows every group, the
// autumn rounds are open; loading it again gives the same organisation.
func TestLoadOrg(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		j := journey.New(db, onet.Embedded)
		now := db.Now()
		start := time.Now()
		alex, admin, err := demo.LoadOrg(ctx, j, now)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("LoadOrg took %v", time.Since(start))
		if admin.Email != demo.AdminEmail || alex.Email != demo.Email {
			t.Fatalf("alex %+v admin %+v", alex, admin)
		}
		d := digestOrg(t, j, admin, alex)
		if n := len(d.Members); n < 20 || n > 40 {
			t.Errorf("%d members", n)
		}
		if !slices.Contains(d.Members, "Alex Moreno, Senior system administrator, member, Dana Whitfield, [Morgan Hale]") ||
			!slices.Contains(d.Members, "Jordan Ellis, Learning and development partner, programme_admin, , []") ||
			!slices.Contains(d.Members, "Morgan Hale, Head of IT, owner, , []") ||
			!slices.Contains(d.Members, "Aisha Khan, Service desk team lead, member, Rafael Ortiz, [Dana Whitfield]") {
			t.Errorf("members %q", d.Members)
		}
		if len(d.Cohorts) != 2 || !strings.Contains(strings.Join(d.Cohorts, ";"), "Alex Moreno") {
			t.Errorf("cohorts %q", d.Cohorts)
		}
		if len(d.Shared) < 3 || !slices.Contains(d.Shared, "Lena Koch: readiness, plan") {
			t.Errorf("shared with programme admins %q", d.Shared)
		}
		doneCounts := map[string]bool{}
		for _, p := range d.Plans {
			doneCounts[strings.Fields(strings.SplitN(p, ": ", 2)[1])[0]] = true
		}
		if len(d.Plans) < 8 || len(doneCounts) < 5 {
			t.Errorf("plans do not vary: %q", d.Plans)
		}
		// Alex's closed round shows every group on delegation, comments
		// included; his own round is open.
		want := []string{"manager: 1", "peer: 3", "report: 3", "stakeholder: 3", "comments of manager: 1", "comments of peer: 3",
			"comments of report: 3", "comments of stakeholder: 3"}
		if diff := cmp.Diff(want, d.AlexResults); diff != "" {
			t.Errorf("Alex's results (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{`Before the team lead opening closed false by ""`, `Spring cohort 360 closed true by "Jordan Ellis"`}, d.AlexRounds); diff != "" {
			t.Errorf("Alex's rounds (-want +got):\n%s", diff)
		}
		open, answered := 0, 0
		for _, p := range d.Progress {
			if strings.Contains(p, "closed false") {
				open++
			}
			var n int
			fmt.Sscanf(p[strings.LastIndex(p, ", ")+2:], "%d", &n)
			answered += n
		}
		if open != 6 || answered == 0 || !slices.Contains(d.Progress, "Alex Moreno: Spring cohort 360, closed true, 11 asked, 10 answered") {
			t.Errorf("progress %q", d.Progress)
		}
		if d.Audit != 9 { // the two cohorts and their seven rounds
			t.Errorf("%d feedback audit entries", d.Audit)
		}
		// Readiness varies across the programme.
		scores := map[int]bool{}
		for _, name := range []string{"lena.koch", "marco.ferri", "lucia.rossi", "diego.santos", "aisha.khan"} {
			p, err := j.Persons.FindPersonByEmail(ctx, name+"@"+demo.OrgDomain)
			if err != nil {
				t.Fatal(err)
			}
			s, err := j.Snapshot(ctx, p, "")
			if err != nil {
				t.Fatal(err)
			}
			scores[int(s.Readiness().Score)] = true
		}
		if len(scores) < 4 {
			t.Errorf("readiness scores %v", scores)
		}

		_, people, _ := j.Persons.FindPersons(ctx, ladder.PersonFilter{})
		alex2, admin2, err := demo.LoadOrg(ctx, j, now)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(d, digestOrg(t, j, admin2, alex2)); diff != "" {
			t.Errorf("a second load differs (-first +second):\n%s", diff)
		}
		if _, again, _ := j.Persons.FindPersons(ctx, ladder.PersonFilter{}); again != people {
			t.Errorf("%d people after loading again, %d before: the first load's people stay", again, people)
		}
	})
}

// BenchmarkLoadOrg measures loading the demo organisation (ladder serve
// --demo does it at start) on SQLite.
func BenchmarkLoadOrg(b *testing.B) {
	db := sqldbtest.Open(b, sqldb.SQLite)
	j := journey.New(db, onet.Embedded)
	for b.Loop() {
		if _, _, err := demo.LoadOrg(ctx, j, db.Now()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad measures loading the demo person alone, to compare.
func BenchmarkLoad(b *testing.B) {
	db := sqldbtest.Open(b, sqldb.SQLite)
	j := journey.New(db, onet.Embedded)
	for b.Loop() {
		if _, err := demo.Load(ctx, j, db.Now()); err != nil {
			b.Fatal(err)
		}
	}
}
