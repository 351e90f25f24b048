package journey_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/readiness"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// pipelineJourneyFixture adds to Northwind a programme towards IT manager
// with two cohorts: Pia (in both) shares readiness and plan, has two
// self-assessments four months apart and a plan; Sam shares only
// readiness and has a plan all the same; Nia shares nothing but has
// assessed herself and has a plan; Tom shares readiness and plan and has
// done nothing yet; Max (the member) is in the second cohort and shares
// with his mentor only. Another programme has a cohort of its own.
type pipelineJourneyFixture struct {
	*orgJourneyFixture
	prog, other                           *ladder.OrgProgramme
	spring, autumn, otherC                *ladder.OrgCohort
	pia, sam, nia, tom                    *ladder.Person
	now                                   time.Time
	piaPlanDone, piaOverdue, piaPlanTotal int
}

func newPipelineJourneyFixture(t *testing.T, db *sqldb.DB) *pipelineJourneyFixture {
	t.Helper()
	f := &pipelineJourneyFixture{orgJourneyFixture: newOrgJourneyFixture(t, db), now: db.Now()}
	j := f.j
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := j.ImportOrgPeople(ctx, f.owner, []byte("name,email\nPia,pia@example.com\nSam,sam@example.com\nNia,nia@example.com\nTom,tom@example.com\n"))
	must(err)
	for _, dst := range []struct {
		p     **ladder.Person
		email string
	}{{&f.pia, "pia@example.com"}, {&f.sam, "sam@example.com"}, {&f.nia, "nia@example.com"}, {&f.tom, "tom@example.com"}} {
		p, err := j.Persons.FindPersonByEmail(ctx, dst.email)
		must(err)
		*dst.p = p
	}
	day := ladder.Day(f.now)
	f.prog = &ladder.OrgProgramme{Name: "Future managers", TargetRole: "it-manager", Start: day.AddDate(0, -6, 0), End: day.AddDate(1, 0, 0)}
	must(j.SaveProgramme(ctx, f.owner, f.prog))
	f.other = &ladder.OrgProgramme{Name: "Future CIOs", TargetRole: "cio", Start: day, End: day.AddDate(1, 0, 0)}
	must(j.SaveProgramme(ctx, f.owner, f.other))
	f.spring = &ladder.OrgCohort{ProgrammeID: f.prog.ID, Name: "Spring", Start: day.AddDate(0, -6, 0), End: day,
		MemberIDs: []int64{f.pia.ID, f.sam.ID, f.nia.ID, f.tom.ID}}
	must(j.CreateCohort(ctx, f.owner, f.spring))
	f.autumn = &ladder.OrgCohort{ProgrammeID: f.prog.ID, Name: "Autumn", Start: day, End: day.AddDate(0, 6, 0),
		MemberIDs: []int64{f.pia.ID, f.member.ID}}
	must(j.CreateCohort(ctx, f.owner, f.autumn))
	f.otherC = &ladder.OrgCohort{ProgrammeID: f.other.ID, Name: "Only one", Start: day, End: day.AddDate(0, 1, 0), MemberIDs: []int64{f.sam.ID}}
	must(j.CreateCohort(ctx, f.owner, f.otherC))

	share := func(p *ladder.Person, parts ...string) {
		t.Helper()
		_, err := j.SetSharing(ctx, p, map[string]ladder.ShareSet{ladder.AudienceAdmins: parts})
		must(err)
	}
	share(f.pia, ladder.ShareReadiness, ladder.SharePlan, ladder.ShareJournal)
	share(f.sam, ladder.ShareReadiness)
	share(f.tom, ladder.ShareReadiness, ladder.SharePlan)
	_, err = j.SetSharing(ctx, f.member, map[string]ladder.ShareSet{ladder.AudienceMentor: {ladder.ShareReadiness, ladder.SharePlan}})
	must(err)

	assess := func(p *ladder.Person, ago time.Duration, level int) {
		t.Helper()
		done := f.now.Add(-ago).Truncate(time.Second)
		a := &ladder.Assessment{PersonID: p.ID, Kind: ladder.AssessSelf, TargetRole: "it-manager", StartedAt: done.Add(-time.Hour), CompletedAt: done,
			Ratings: []ladder.Rating{{Competency: "delegation", Level: level}, {Competency: "budgeting", Level: level}, {Competency: "empathy", Level: level}}}
		must(j.Assessments.CreateAssessment(ctx, a))
	}
	// A draft counts nowhere.
	must(j.Assessments.CreateAssessment(ctx, &ladder.Assessment{PersonID: f.pia.ID, Kind: ladder.AssessSelf, TargetRole: "it-manager",
		Ratings: []ladder.Rating{{Competency: "delegation", Level: 5}}}))
	assess(f.pia, 120*24*time.Hour, 1)
	assess(f.pia, 7*24*time.Hour, 4)
	assess(f.sam, 30*24*time.Hour, 3)
	assess(f.nia, 30*24*time.Hour, 5)

	plan := func(p *ladder.Person, done, overdue, later int) {
		t.Helper()
		g := ladder.Goal{Competency: "delegation", Specific: "Delegate", Measure: "Team says so", Why: "Managers delegate",
			Achievable: "Small steps", TargetLevel: 3, TargetDate: day.AddDate(0, 6, 0)}
		add := func(n int, due time.Time, isDone bool) {
			for range n {
				g.Actions = append(g.Actions, ladder.PlanAction{Key: fmt.Sprintf("a%d", len(g.Actions)), Title: "Step", Kind: ladder.Kind70,
					EffortHours: 2, DoneWhen: "Done", Due: due, Done: isDone})
			}
		}
		add(done, day.AddDate(0, -1, 0), true)
		add(overdue, day.AddDate(0, 0, -3), false)
		add(later, day.AddDate(0, 2, 0), false)
		// A dropped action counts nowhere.
		g.Actions = append(g.Actions, ladder.PlanAction{Key: "dropped", Title: "Dropped", Kind: ladder.Kind10, EffortHours: 1, DoneWhen: "x",
			Due: day.AddDate(0, 0, -10), Dropped: true})
		must(j.Plans().SavePlan(ctx, &ladder.Plan{PersonID: p.ID, TargetRole: "it-manager", Start: day.AddDate(0, -2, 0),
			End: day.AddDate(0, 10, 0), Goals: []ladder.Goal{g}}))
	}
	// Evidence and a closed round of 360 feedback feed Pia's levels too.
	for i, who := range []*ladder.Person{f.pia, f.pia, f.nia} {
		must(j.Evidence.CreateEvidence(ctx, &ladder.Evidence{PersonID: who.ID, Kind: ladder.EvidenceLedProject,
			Title: fmt.Sprintf("Project %d", i), Start: day.AddDate(0, -i-1, 0), Competencies: []string{"delegation", "budgeting"}}))
	}
	addFeedbackRounds(t, j, f.pia)

	// Pia has an account; the others were imported and have none yet.
	must(sqldb.NewAuthService(db).CreateAccount(ctx, f.pia.ID, ladder.AccountMember, "pia's long password"))
	plan(f.pia, 2, 1, 3)
	f.piaPlanDone, f.piaOverdue, f.piaPlanTotal = 2, 1, 6
	plan(f.sam, 1, 0, 0)
	plan(f.nia, 1, 1, 1)
	return f
}

func (f *pipelineJourneyFixture) fresh(t *testing.T, p *ladder.Person) *ladder.Person {
	t.Helper()
	q, err := f.j.Persons.FindPersonByID(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func pipelineRowOf(t *testing.T, v *journey.PipelineView, id int64) journey.PipelineRow {
	t.Helper()
	i := slices.IndexFunc(v.Rows, func(r journey.PipelineRow) bool { return r.PersonID == id })
	if i < 0 {
		t.Fatalf("no row for person %d in %+v", id, v.Rows)
	}
	return v.Rows[i]
}

// TestProgrammePipeline: each member appears once with their cohorts and
// only what they share with programme admins; readiness is the member's
// own (the same figures their readiness page computes, for the
// programme's role), and the bench counts each member once.
func TestProgrammePipeline(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newPipelineJourneyFixture(t, db)
		v, err := f.j.ProgrammePipeline(ctx, f.admin, f.prog.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, r := range v.Rows {
			names = append(names, r.Name)
		}
		// By readiness: the assessed sharers by score, then Tom (shares it,
		// never assessed), then those who do not share it, by name.
		if want := []string{"Pia", "Sam", "Tom", "Max", "Nia"}; !slices.Equal(names, want) {
			t.Errorf("rows %v, want %v", names, want)
		}
		if v.Target.Slug != "it-manager" || len(v.Cohorts) != 2 || v.Cohort != nil {
			t.Errorf("target %q cohorts %d cohort %v", v.Target.Slug, len(v.Cohorts), v.Cohort)
		}

		pia := pipelineRowOf(t, v, f.pia.ID)
		s, err := f.j.Snapshot(ctx, f.fresh(t, f.pia), "it-manager")
		if err != nil {
			t.Fatal(err)
		}
		var last time.Time
		for _, a := range s.Assessments {
			if a.CompletedAt.After(last) {
				last = a.CompletedAt
			}
		}
		want := &journey.PipelineReadiness{Assessed: true, LastAssessed: last,
			Score: s.Readiness().Score, Confidence: s.Readiness().Confidence, ConfidenceLabel: s.Readiness().ConfidenceLabel,
			Projection: readiness.Project(s.Readiness().Score, s.Trend(), s.AsOf)}
		if diff := cmp.Diff(want, pia.Readiness); diff != "" {
			t.Errorf("Pia's readiness (-own page +pipeline):\n%s", diff)
		}
		if pia.Readiness.Projection.Horizon == readiness.HorizonUnknown || pia.Readiness.Projection.Points != 2 {
			t.Errorf("Pia's two assessments four months apart give a horizon: %+v", pia.Readiness.Projection)
		}
		if !slices.Equal(pia.Cohorts, []string{"Spring", "Autumn"}) || pia.Status != journey.PipelineStarted || !pia.HasAccount {
			t.Errorf("Pia: %+v", pia)
		}
		wantPlan := &journey.PipelinePlan{HasPlan: true, Target: "IT manager",
			PlanProgress: ladder.PlanProgress{TargetRole: "it-manager", Done: f.piaPlanDone, Total: f.piaPlanTotal, Overdue: f.piaOverdue,
				NextDue: ladder.Day(f.now).AddDate(0, 2, 0)}}
		if diff := cmp.Diff(wantPlan, pia.Plan); diff != "" {
			t.Errorf("Pia's plan (-want +got):\n%s", diff)
		}

		// Sam shares readiness only: no plan progress, though he has a plan.
		sam := pipelineRowOf(t, v, f.sam.ID)
		if sam.Readiness == nil || !sam.Readiness.Assessed || sam.Plan != nil || sam.Status != journey.PipelineStarted || sam.HasAccount {
			t.Errorf("Sam: %+v", sam)
		}
		if sam.Readiness.Projection.Horizon != readiness.HorizonUnknown {
			t.Errorf("one self-assessment projects nothing: %+v", sam.Readiness.Projection)
		}
		// Nia shares nothing: no figures at all, though she has them.
		nia := pipelineRowOf(t, v, f.nia.ID)
		if nia.Readiness != nil || nia.Plan != nil || nia.Status != journey.PipelineNotShared || !slices.Equal(nia.Cohorts, []string{"Spring"}) {
			t.Errorf("Nia: %+v", nia)
		}
		// Max shares with his mentor, not with programme admins.
		if mx := pipelineRowOf(t, v, f.member.ID); mx.Readiness != nil || mx.Plan != nil || mx.Status != journey.PipelineNotShared {
			t.Errorf("Max: %+v", mx)
		}
		// Tom shares both and has done nothing: not started, no horizon.
		tom := pipelineRowOf(t, v, f.tom.ID)
		if tom.Status != journey.PipelineNotStarted || tom.Readiness == nil || tom.Readiness.Assessed ||
			tom.Readiness.Projection.Horizon != readiness.HorizonUnknown || tom.Plan == nil || tom.Plan.HasPlan {
			t.Errorf("Tom: %+v %+v %+v", tom, tom.Readiness, tom.Plan)
		}

		b := v.Bench
		if b.Total != 5 || b.NotShared != 2 || b.NotStarted != 1 || b.Now+b.Within6+b.Within12+b.Later+b.Unknown != 3 ||
			b.Count(pia.Readiness.Projection.Horizon) < 1 || b.Unknown < 2 {
			t.Errorf("bench %+v", b)
		}

		// The view is in the audit log, by whom and of what.
		es, _, err := f.j.AuditLog.FindAudit(ctx, ladder.AuditFilter{OrgID: f.north.ID, Action: "view.pipeline"})
		if err != nil || len(es) != 1 {
			t.Fatalf("audit: %v %+v", err, es)
		}
		if e := es[0]; e.ActorID != f.admin.ID || e.SubjectKind != ladder.AuditProgramme || e.SubjectID != f.prog.ID ||
			e.SubjectName != "Future managers" || e.Detail != "all cohorts, 5 people" {
			t.Errorf("audit entry %+v", e)
		}
	})
}

func TestProgrammePipelineCohortAndSort(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newPipelineJourneyFixture(t, db)
		v, err := f.j.ProgrammePipelineFor(ctx, f.owner, journey.PipelineQuery{ProgrammeID: f.prog.ID, CohortID: f.autumn.ID,
			Sort: journey.PipelineByName, Via: "csv"})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, r := range v.Rows {
			names = append(names, r.Name)
		}
		if !slices.Equal(names, []string{"Max", "Pia"}) || v.Cohort == nil || v.Cohort.ID != f.autumn.ID {
			t.Errorf("autumn by name: %v", names)
		}
		// Pia shows her cohorts of this programme, both.
		if r := pipelineRowOf(t, v, f.pia.ID); !slices.Equal(r.Cohorts, []string{"Spring", "Autumn"}) {
			t.Errorf("Pia's cohorts %v", r.Cohorts)
		}
		es, _, _ := f.j.AuditLog.FindAudit(ctx, ladder.AuditFilter{OrgID: f.north.ID, Action: "view.pipeline"})
		if len(es) != 1 || es[0].Detail != "cohort Autumn, 2 people, csv" || es[0].ActorID != f.owner.ID {
			t.Errorf("audit %+v", es)
		}

		for _, tc := range []struct {
			name  string
			actor *ladder.Person
			q     journey.PipelineQuery
			code  string
		}{
			{"member", f.member, journey.PipelineQuery{ProgrammeID: f.prog.ID}, ladder.EFORBIDDEN},
			{"other organisation's owner", f.zed, journey.PipelineQuery{ProgrammeID: f.prog.ID}, ladder.ENOTFOUND},
			{"no organisation", f.loner, journey.PipelineQuery{ProgrammeID: f.prog.ID}, ladder.ENOTFOUND},
			{"signed out", nil, journey.PipelineQuery{ProgrammeID: f.prog.ID}, ladder.EUNAUTHORIZED},
			{"unknown programme", f.owner, journey.PipelineQuery{ProgrammeID: f.prog.ID + 1000}, ladder.ENOTFOUND},
			{"cohort of another programme", f.owner, journey.PipelineQuery{ProgrammeID: f.prog.ID, CohortID: f.otherC.ID}, ladder.ENOTFOUND},
			{"bad sort", f.owner, journey.PipelineQuery{ProgrammeID: f.prog.ID, Sort: "age"}, ladder.EINVALID},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if _, err := f.j.ProgrammePipelineFor(ctx, tc.actor, tc.q); ladder.ErrorCode(err) != tc.code {
					t.Errorf("error %v, want %s", err, tc.code)
				}
			})
		}
		// Refusals are not views: the log still holds the one above.
		if es, _, _ := f.j.AuditLog.FindAudit(ctx, ladder.AuditFilter{OrgID: f.north.ID, Action: "view.pipeline"}); len(es) != 1 {
			t.Errorf("%d views logged", len(es))
		}
	})
}

// TestProgrammePipelineFollowsChanges: the summaries are cached by data
// version, so a new assessment, a change of sharing or a departure shows
// on the next view.
func TestProgrammePipelineFollowsChanges(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newPipelineJourneyFixture(t, db)
		view := func() *journey.PipelineView {
			t.Helper()
			v, err := f.j.ProgrammePipeline(ctx, f.admin, f.prog.ID, 0)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		before := pipelineRowOf(t, view(), f.sam.ID).Readiness.Score
		if again := pipelineRowOf(t, view(), f.sam.ID).Readiness.Score; again != before {
			t.Errorf("cached view differs: %v then %v", before, again)
		}
		done := f.now.Add(-time.Hour).Truncate(time.Second)
		if err := f.j.Assessments.CreateAssessment(ctx, &ladder.Assessment{PersonID: f.sam.ID, Kind: ladder.AssessSelf, TargetRole: "it-manager",
			StartedAt: done.Add(-time.Hour), CompletedAt: done,
			Ratings: []ladder.Rating{{Competency: "delegation", Level: 5}, {Competency: "budgeting", Level: 5}, {Competency: "empathy", Level: 5}}}); err != nil {
			t.Fatal(err)
		}
		if after := pipelineRowOf(t, view(), f.sam.ID).Readiness.Score; after <= before {
			t.Errorf("a higher self-assessment left the score at %v (was %v)", after, before)
		}
		// Sam stops sharing: his row has no figures on the next view.
		if _, err := f.j.SetSharing(ctx, f.sam, nil); err != nil {
			t.Fatal(err)
		}
		// The figures kept for what he shared go with it.
		var kept int
		if err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM pipeline_summaries WHERE person_id = $1`, f.sam.ID).Scan(&kept); err != nil || kept != 0 {
			t.Errorf("%d summaries of Sam kept after he stopped sharing (%v)", kept, err)
		}
		if r := pipelineRowOf(t, view(), f.sam.ID); r.Readiness != nil || r.Status != journey.PipelineNotShared {
			t.Errorf("Sam after unsharing: %+v", r)
		}
		// Nia leaves the organisation: she leaves the pipeline.
		if err := f.j.RemoveOrgMember(ctx, f.owner, f.nia.ID); err != nil {
			t.Fatal(err)
		}
		if slices.ContainsFunc(view().Rows, func(r journey.PipelineRow) bool { return r.PersonID == f.nia.ID }) {
			t.Error("Nia still listed after leaving")
		}
		// Pia leaves too: her kept figures go with her membership.
		if err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM pipeline_summaries WHERE person_id = $1`, f.pia.ID).Scan(&kept); err != nil || kept != 1 {
			t.Errorf("%d summaries of Pia before she left (%v)", kept, err)
		}
		if err := f.j.RemoveOrgMember(ctx, f.owner, f.pia.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM pipeline_summaries WHERE person_id = $1`, f.pia.ID).Scan(&kept); err != nil || kept != 0 {
			t.Errorf("%d summaries of Pia kept after she left (%v)", kept, err)
		}
	})
}

// TestPipelineInputsMatchOnePerson: the batch loads give each person what
// their own reads give, in the same order, so that the pipeline's figures
// are those of the person's pages.
func TestPipelineInputsMatchOnePerson(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newPipelineJourneyFixture(t, db)
		ids := []int64{f.pia.ID, f.sam.ID, f.nia.ID, f.tom.ID}
		got, err := f.j.Pipelines.FindReadinessInputs(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			as, err := f.j.Assessments.FindAssessments(ctx, ladder.AssessmentFilter{PersonID: id, Kind: ladder.AssessSelf})
			if err != nil {
				t.Fatal(err)
			}
			es, _, err := f.j.Evidence.FindEvidence(ctx, ladder.EvidenceFilter{PersonID: id})
			if err != nil {
				t.Fatal(err)
			}
			rs, err := f.j.Feedback.FindFeedbackRounds(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			own := pipelineReadOf(&ladder.ReadinessInputs{Assessments: as, Evidence: es, Feedback: rs})
			in := got[id]
			if in == nil {
				in = &ladder.ReadinessInputs{}
			}
			if diff := cmp.Diff(own, pipelineReadOf(in)); diff != "" {
				t.Errorf("person %d: what readiness reads (-own +batch):\n%s", id, diff)
			}
		}
		if p := got[f.pia.ID]; p == nil || len(p.Feedback) != 1 || len(p.Evidence) != 2 || len(p.Feedback[0].Results.Cells) == 0 {
			t.Errorf("Pia's inputs lack her round or evidence: %+v", p)
		}
		pp, err := f.j.Pipelines.FindPlanProgress(ctx, ids, f.now)
		if err != nil {
			t.Fatal(err)
		}
		want := map[int64]ladder.PlanProgress{
			f.pia.ID: {TargetRole: "it-manager", Done: 2, Total: 6, Overdue: 1, NextDue: ladder.Day(f.now).AddDate(0, 2, 0)},
			f.sam.ID: {TargetRole: "it-manager", Done: 1, Total: 1},
			f.nia.ID: {TargetRole: "it-manager", Done: 1, Total: 3, Overdue: 1, NextDue: ladder.Day(f.now).AddDate(0, 2, 0)},
		}
		if diff := cmp.Diff(want, pp); diff != "" {
			t.Errorf("plan progress (-want +got):\n%s", diff)
		}
		ms, err := f.j.Pipelines.FindPipelineMembers(ctx, f.north.ID, f.prog.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) != 5 {
			t.Errorf("%d members, want 5", len(ms))
		}
		// Another organisation's id finds nobody.
		if ms, err := f.j.Pipelines.FindPipelineMembers(ctx, f.contoso.ID, f.prog.ID, 0); err != nil || len(ms) != 0 {
			t.Errorf("Contoso sees Northwind's programme: %v %d", err, len(ms))
		}
	})
}

// pipelineRead is what the level computation reads of a person's inputs:
// completed assessments with their levels, evidence dates, kinds and
// competencies, the shown cells of closed rounds.
type pipelineRead struct {
	Assessments []string
	Evidence    []string
	Rounds      []string
}

func pipelineReadOf(in *ladder.ReadinessInputs) pipelineRead {
	var out pipelineRead
	for _, a := range in.Assessments {
		if !a.Completed() {
			continue
		}
		var rs []string
		for _, r := range a.Ratings {
			rs = append(rs, fmt.Sprintf("%s=%d", r.Competency, r.Level))
		}
		slices.Sort(rs)
		out.Assessments = append(out.Assessments, fmt.Sprintf("%d %d %s %s %v", a.ID, a.PersonID, a.Kind, a.CompletedAt.UTC(), rs))
	}
	for _, e := range in.Evidence {
		out.Evidence = append(out.Evidence, fmt.Sprintf("%d %s %s %s %v", e.ID, e.Kind, e.Start.UTC(), e.End.UTC(), e.Competencies))
	}
	for _, r := range in.Feedback {
		if !r.Closed() {
			continue
		}
		var cs []string
		for _, c := range r.Results.Cells {
			cs = append(cs, fmt.Sprintf("%s/%s %d %d", c.Competency, c.Group, c.Raters, c.Sum))
		}
		slices.Sort(cs)
		out.Rounds = append(out.Rounds, fmt.Sprintf("%d %q %s %+v %v", r.ID, r.Title, r.ClosedAt.UTC(), r.Minimums, cs))
	}
	return out
}

// TestPipelineSummariesStored: a view keeps each sharing member's figures
// (and nothing of those who share nothing); a new process reads them
// instead of recomputing, until the person's data version, the model key
// or the summary's validity says they may have changed.
func TestPipelineSummariesStored(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newPipelineJourneyFixture(t, db)
		samScore := func(j *journey.Journey) float64 {
			t.Helper()
			v, err := j.ProgrammePipeline(ctx, f.admin, f.prog.ID, 0)
			if err != nil {
				t.Fatal(err)
			}
			return pipelineRowOf(t, v, f.sam.ID).Readiness.Score
		}
		exec := func(q string, args ...any) {
			t.Helper()
			if _, err := db.SQL().ExecContext(ctx, q, args...); err != nil {
				t.Fatal(err)
			}
		}
		real := samScore(f.j)
		var people []int64
		rows, err := db.SQL().QueryContext(ctx, `SELECT person_id FROM pipeline_summaries WHERE target_role = 'it-manager' ORDER BY person_id`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id int64
			rows.Scan(&id)
			people = append(people, id)
		}
		rows.Close()
		if want := []int64{f.pia.ID, f.sam.ID, f.tom.ID}; !slices.Equal(people, want) {
			t.Errorf("summaries kept for %v, want the sharers %v", people, want)
		}
		fresh := func() *journey.Journey { return journey.New(db, onet.Embedded) }
		// A new process reads the kept figure (here one set by hand).
		exec(`UPDATE pipeline_summaries SET score = 42.5 WHERE person_id = $1`, f.sam.ID)
		if got := samScore(fresh()); got != 42.5 {
			t.Errorf("a new process recomputed instead of reading: %v", got)
		}
		// Past its validity, or of another model or formula: recomputed.
		exec(`UPDATE pipeline_summaries SET score = 42.5, valid_until = $2 WHERE person_id = $1`, f.sam.ID, f.now.Add(-time.Minute))
		if got := samScore(fresh()); got != real {
			t.Errorf("past its validity: %v, want %v recomputed", got, real)
		}
		exec(`UPDATE pipeline_summaries SET score = 42.5, model_key = 'f0/old' WHERE person_id = $1`, f.sam.ID)
		if got := samScore(fresh()); got != real {
			t.Errorf("of another model or formula: %v, want %v recomputed", got, real)
		}
		// A change to Sam's data moves his version: recomputed.
		exec(`UPDATE pipeline_summaries SET score = 42.5 WHERE person_id = $1`, f.sam.ID)
		if err := f.j.Evidence.CreateEvidence(ctx, &ladder.Evidence{PersonID: f.sam.ID, Kind: ladder.EvidenceMentored, Title: "Mentored Ana",
			Start: ladder.Day(f.now).AddDate(0, -1, 0), Competencies: []string{"developing-people"}}); err != nil {
			t.Fatal(err)
		}
		if got := samScore(fresh()); got == 42.5 {
			t.Error("a new version read the old summary")
		}
		var until time.Time
		if err := db.SQL().QueryRowContext(ctx, `SELECT valid_until FROM pipeline_summaries WHERE person_id = $1`, f.sam.ID).Scan(&until); err != nil ||
			!until.After(f.now) || until.After(f.now.Add(8*24*time.Hour)) {
			t.Errorf("valid until %v (%v), want within a week", until, err)
		}
	})
}
