package server_test

// The anonymity attack suite (issue 6; docs/anonymity.md). It tries to learn
// one rater's answer, or whether a given rater answered, through every route
// the person can reach: every GET of the route table (pages, downloads, the
// JSON API, the rater pages), the feedback actions, the command line
// (results, raters, export, report, gaps) and the log lines.
//
// Method: build the same world twice, changing only what a rater did, and
// require every response to be identical, byte for byte (after replacing
// the random link secrets). Because it walks the route table, a route added
// later that shows anything per rater fails here.
//
// The person belongs to an organisation and shares everything with every
// audience; its owner (also her manager and mentor) and a programme admin
// walk every GET route too (the member view of her and the audit log
// exports included), on the web and the command line.

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/cli"
	"github.com/ladderhq/ladder/internal/httpx"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/mail"
	"github.com/ladderhq/ladder/internal/mail/mailtest"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/server"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// feedbackAttackRaters are the raters asked, in the order they are added.
// With the default minimums: the named manager shows alone, the three
// reports show as a group, two answering peers and one stakeholder are
// hidden (3 together, under the others minimum of 4).
var feedbackAttackRaters = []struct{ name, category string }{
	{"m", "manager"}, {"p1", "peer"}, {"p2", "peer"}, {"p3", "peer"},
	{"r1", "report"}, {"r2", "report"}, {"r3", "report"}, {"s1", "stakeholder"},
}

func feedbackAttackEmail(name string) string { return name + "@raters.test" }

// feedbackAttackAnswer is one rater's form.
func feedbackAttackAnswer(delegation, negotiation int, comment string) url.Values {
	v := url.Values{}
	v.Set("level_delegation", fmt.Sprint(delegation))
	v.Set("level_negotiation", fmt.Sprint(negotiation))
	v.Set("level_budgeting", "0")
	v.Set("comment_delegation", comment)
	v.Set("comment_general", "General: "+comment)
	return v
}

// feedbackAttackBase is who answers what in the base world: p3 does not
// answer. Comments of hidden groups carry SECRET so the suite can look
// for them.
func feedbackAttackBase() map[string]url.Values {
	return map[string]url.Values{
		"m":  feedbackAttackAnswer(3, 4, "In the March release the manager saw delegation."),
		"p1": feedbackAttackAnswer(1, 2, "PEER-SECRET-ONE about the rota."),
		"p2": feedbackAttackAnswer(4, 4, "PEER-SECRET-TWO about incidents."),
		"r1": feedbackAttackAnswer(2, 3, "Report one: hands over whole problems."),
		"r2": feedbackAttackAnswer(4, 5, "Report two: clear priorities every Monday."),
		"r3": feedbackAttackAnswer(3, 3, "Report three: asks before deciding."),
		"s1": feedbackAttackAnswer(5, 1, "STAKE-SECRET on the budget talks."),
	}
}

// feedbackAttackWorld is what one run leaves to compare.
type feedbackAttackWorld struct {
	open, closed map[string]string // request -> normalised response; the owner's and the admin's start "owner " and "admin "
	logs         string            // the log lines of the person's requests
	orgLogs      string            // those of the owner's and the admin's
	shownReports int               // raters in the reports' shown group on delegation
}

// feedbackAttackViewers are the people who walk the routes, by the prefix
// of their responses' keys: the rated person, the owner of her
// organisation and a programme admin (feedbackAttackOrg). The attacks on
// a hidden rater run all three; the others, the person alone.
var feedbackAttackViewers = []string{"", "owner ", "admin "}

// feedbackAttackLogTo sends the server's log lines where the run says.
type feedbackAttackLogTo struct{ w io.Writer }

func (l *feedbackAttackLogTo) Write(b []byte) (int, error) { return l.w.Write(b) }

// feedbackAttackRun builds the world with answers and reads every route as
// each of viewers, while the round is open and once it is closed.
func feedbackAttackRun(t *testing.T, engine string, t0 time.Time, answers map[string]url.Values, viewers []string) *feedbackAttackWorld {
	t.Helper()
	ctx := context.Background()
	dsn := sqldbtest.DSN(t, engine)
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return t0 }
	j := journey.New(db, onet.Embedded)
	j.PublicURL = "http://ladder.test"
	var logs, orgLogs bytes.Buffer
	logTo := &feedbackAttackLogTo{&logs}
	log := slog.New(slog.NewTextHandler(logTo, &slog.HandlerOptions{Level: slog.LevelDebug,
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey || a.Key == "duration" {
				return slog.Attr{}
			}
			return a
		}}))
	auth := sqldb.NewAuthService(db)
	srv, err := server.New(j, auth, log, false)
	if err != nil {
		t.Fatal(err)
	}
	p := &ladder.Person{Name: "Sam Rivera", Email: "sam@example.com", StartRole: "system-administrator", TargetRole: "it-manager"}
	if err := j.Persons.CreatePerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	rated := t0.AddDate(0, -1, 0)
	if err := j.Assessments.CreateAssessment(ctx, &ladder.Assessment{PersonID: p.ID, Kind: ladder.AssessSelf, TargetRole: p.TargetRole,
		StartedAt: rated, CompletedAt: rated, Ratings: []ladder.Rating{{Competency: "delegation", Level: 3, RatedAt: rated},
			{Competency: "negotiation", Level: 2, RatedAt: rated}, {Competency: "budgeting", Level: 2, RatedAt: rated}}}); err != nil {
		t.Fatal(err)
	}
	if err := auth.CreateAccount(ctx, p.ID, ladder.AccountOwner, "correct horse battery staple"); err != nil {
		t.Fatal(err)
	}
	session, _, err := auth.CreateSession(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	org := feedbackAttackOrg(t, j, auth, p, t0)
	sessions := map[string]string{"": session, "owner ": org.owner, "admin ": org.admin}
	// The round is one the programme admin started for the cohort that
	// holds the person, so that the cohort's progress page is walked too.
	round, tokens, raterIDs := feedbackAttackCohortRound(t, j, p, org, t0)
	// Secrets differ between runs; responses are compared with each
	// replaced by the rater's name.
	var secrets []string
	for _, r := range feedbackAttackRaters {
		secrets = append(secrets, tokens[r.name], "LINK-OF-"+r.name)
	}
	unsecret := strings.NewReplacer(secrets...)
	do := func(method, path string, form url.Values, session string) string {
		var body *strings.Reader
		if form != nil {
			body = strings.NewReader(form.Encode())
		} else {
			body = strings.NewReader("")
		}
		req := httptest.NewRequest(method, path, body)
		if form != nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		if session != "" {
			req.AddCookie(&http.Cookie{Name: httpx.SessionCookie, Value: session})
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		out := fmt.Sprintf("%d %s %s %s\n%s", rec.Code, rec.Header().Get("Content-Type"), rec.Header().Get("Location"),
			rec.Header().Get("Content-Disposition"), rec.Body.String())
		return unsecret.Replace(out)
	}
	// The raters answer through their pages, in a fixed order of slots.
	for _, r := range feedbackAttackRaters {
		if form, ok := answers[r.name]; ok {
			if got := do("POST", "/feedback/r/"+tokens[r.name], form, ""); !strings.HasPrefix(got, "200 ") {
				t.Fatalf("%s could not answer: %s", r.name, got)
			}
		}
	}
	w := &feedbackAttackWorld{}
	ids := map[string][]string{
		"id": {fmt.Sprint(round.ID), fmt.Sprint(raterIDs["p1"]), fmt.Sprint(raterIDs["r1"]), fmt.Sprint(p.ID),
			fmt.Sprint(org.programme), fmt.Sprint(round.CohortID)},
		"rater": {fmt.Sprint(raterIDs["p1"]), fmt.Sprint(raterIDs["p3"]), fmt.Sprint(raterIDs["r1"])},
		"area":  {"leadership"}, "key": {"delegation", "pmp"}, "slug": {"it-manager"}, "code": {"11-3021.00"},
		"$": {""},
	}
	// While the round is open, whoever holds a link sees whether it was
	// used (docs/anonymity.md, "What the rule cannot prevent"; with mail set
	// up the person never holds one). So the open walk opens only the links
	// of raters who did the same in every world; once closed, every link.
	for _, r := range feedbackAttackRaters {
		if r.name != "p1" && r.name != "p3" {
			ids["token"] = append(ids["token"], tokens[r.name])
		}
	}
	walk := func() map[string]string {
		out := map[string]string{}
		for _, viewer := range viewers {
			logTo.w = &logs
			if viewer != "" {
				logTo.w = &orgLogs
			}
			for _, rt := range srv.Routes() {
				if rt.Method != http.MethodGet || strings.HasPrefix(rt.Path, "/static/") || rt.Path == "/demo" {
					continue
				}
				for _, path := range feedbackAttackPaths(rt.Path, ids) {
					out[unsecret.Replace(viewer+"GET "+path)] = do("GET", path, nil, sessions[viewer])
				}
			}
		}
		logTo.w = &logs
		return out
	}
	w.open = walk()
	ids["token"] = nil
	for _, r := range feedbackAttackRaters {
		ids["token"] = append(ids["token"], tokens[r.name])
	}
	// Actions on raters whether or not they answered: the answers must not
	// say which.
	roundPath := fmt.Sprintf("/feedback/rounds/%d", round.ID)
	w.open["POST revoke p1"] = do("POST", fmt.Sprintf("%s/raters/%d/revoke", roundPath, raterIDs["p1"]), url.Values{}, session)
	w.open["POST remind"] = do("POST", roundPath+"/remind", url.Values{}, session)
	w.open["POST add p3 again"] = do("POST", roundPath+"/raters", url.Values{"category": {"peer"}, "email": {feedbackAttackEmail("p3")}}, session)
	w.open["POST api revoke p3"] = do("POST", fmt.Sprintf("/api/v1/feedback/raters/%d/revoke", raterIDs["p3"]), url.Values{}, session)
	w.open["POST close"] = do("POST", roundPath+"/close", url.Values{}, session)
	w.closed = walk()
	w.closed["POST close again"] = do("POST", roundPath+"/close", url.Values{}, session)
	for _, name := range []string{"p1", "r1"} {
		w.closed["POST rater "+name+" after closing"] = do("POST", "/feedback/r/"+tokens[name], answers["r1"], "")
	}
	// The owner's and the admin's commands, when they walk.
	for _, c := range []struct {
		viewer, name string
		args         []string
	}{
		{"owner ", "org audit", []string{"org", "audit", "--person", org.ownerEmail}},
		{"owner ", "org audit csv", []string{"org", "audit", "--format", "csv", "--person", org.ownerEmail}},
		{"owner ", "org audit json", []string{"org", "audit", "--json", "--person", org.ownerEmail}},
		{"owner ", "org members", []string{"org", "members", "--person", org.ownerEmail}},
		{"admin ", "org programme", []string{"org", "programme", "show", fmt.Sprint(org.programme), "--person", org.adminEmail}},
		{"admin ", "org members", []string{"org", "members", "--json", "--person", org.adminEmail}},
		{"owner ", "org people", []string{"org", "people", fmt.Sprint(p.ID), "--person", org.ownerEmail}},
		{"owner ", "org people json", []string{"org", "people", fmt.Sprint(p.ID), "--json", "--person", org.ownerEmail}},
	} {
		if slices.Contains(viewers, c.viewer) {
			w.closed[c.viewer+"CLI "+c.name] = feedbackAttackCLI(t, dsn, c.args)
		}
	}
	for name, args := range map[string][]string{
		"feedback list":   {"feedback"},
		"feedback raters": {"feedback", "raters", fmt.Sprint(round.ID)},
		"feedback result": {"feedback", "results", fmt.Sprint(round.ID)},
		"feedback json":   {"feedback", "results", fmt.Sprint(round.ID), "--json"},
		"export":          {"export"},
		"gaps":            {"gaps", "--json"},
		"readiness":       {"readiness", "--json"},
		"report":          {"report"},
		"today":           {"today", "--json"},
	} {
		w.closed["CLI "+name] = feedbackAttackCLI(t, dsn, args)
	}
	res, err := j.FeedbackResults(ctx, p, round.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c, ok := res.Disclosure.Cell("delegation", "report"); ok {
		w.shownReports = c.N
	}
	w.logs, w.orgLogs = unsecret.Replace(logs.String()), unsecret.Replace(orgLogs.String())
	return w
}

// feedbackAttackOrgWorld is the rated person's organisation: sessions of
// its owner and of a programme admin, their addresses, the admin, and the
// programme whose cohort holds her.
type feedbackAttackOrgWorld struct {
	owner, admin           string
	ownerEmail, adminEmail string
	adminPerson            *ladder.Person
	programme, cohort      int64
}

// feedbackAttackOrg puts p into Acme IT as a plain member: Olive owns it
// and is her manager and her mentor, Adam is a programme admin (neither)
// whose programme's cohort holds her, and she shares every part with every
// audience, so that whatever their pages can show of her, they show.
func feedbackAttackOrg(t *testing.T, j *journey.Journey, auth *sqldb.AuthService, p *ladder.Person, t0 time.Time) *feedbackAttackOrgWorld {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(j.CreateOrganisation(ctx, p, &ladder.Organisation{Name: "Acme IT"}))
	_, err := j.ImportOrgPeople(ctx, p, []byte("name,email,title,manager_email\nOlive Owner,olive@example.com,Head of IT,\n"+
		"Adam Admin,adam@example.com,Programme lead,olive@example.com\n"))
	must(err)
	w := &feedbackAttackOrgWorld{ownerEmail: "olive@example.com", adminEmail: "adam@example.com"}
	olive, err := j.Persons.FindPersonByEmail(ctx, w.ownerEmail)
	must(err)
	adam, err := j.Persons.FindPersonByEmail(ctx, w.adminEmail)
	must(err)
	owner, admin, member := ladder.OrgRoleOwner, ladder.OrgRoleAdmin, ladder.OrgRoleMember
	_, err = j.UpdateOrgMember(ctx, p, olive.ID, ladder.OrgMemberUpdate{Role: &owner})
	must(err)
	_, err = j.UpdateOrgMember(ctx, p, adam.ID, ladder.OrgMemberUpdate{Role: &admin})
	must(err)
	_, err = j.UpdateOrgMember(ctx, olive, p.ID, ladder.OrgMemberUpdate{Role: &member})
	must(err)
	_, err = j.UpdateOrgMember(ctx, olive, p.ID, ladder.OrgMemberUpdate{ManagerID: &olive.ID})
	must(err)
	must(j.SetOrgMentor(ctx, olive, olive.ID, p.ID, false))
	day := ladder.Day(t0)
	prog := &ladder.OrgProgramme{Name: "Future IT managers", TargetRole: p.TargetRole, Start: day, End: day.AddDate(1, 0, 0)}
	must(j.SaveProgramme(ctx, adam, prog))
	cohort := &ladder.OrgCohort{ProgrammeID: prog.ID, Name: "Spring", Start: day, End: day.AddDate(0, 6, 0), MemberIDs: []int64{p.ID}}
	must(j.CreateCohort(ctx, adam, cohort))
	w.programme, w.cohort, w.adminPerson = prog.ID, cohort.ID, adam
	all := map[string]ladder.ShareSet{}
	for _, a := range ladder.Audiences {
		all[a] = ladder.ShareParts
	}
	_, err = j.SetSharing(ctx, p, all)
	must(err)
	for _, who := range []*ladder.Person{olive, adam} {
		tok, _, err := auth.CreateSession(ctx, who.ID)
		must(err)
		if who == olive {
			w.owner = tok
		} else {
			w.admin = tok
		}
	}
	return w
}

var feedbackAttackLink = regexp.MustCompile(`/feedback/r/([A-Z0-9]+)`)

// feedbackAttackCohortRound has the programme admin start the cohort's
// round for p with the raters, whose links come by mail (a real SMTP
// server); mail is switched off afterwards, as in a person's hands the
// links stay comparable (see below).
func feedbackAttackCohortRound(t *testing.T, j *journey.Journey, p *ladder.Person, org *feedbackAttackOrgWorld, t0 time.Time) (*ladder.FeedbackRound, map[string]string, map[string]int64) {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	day := ladder.Day(t0)
	sink := mailtest.Start(t)
	cfg, err := mail.ParseURL("smtp://" + sink.Addr + "?from=ladder@example.com&tls=none")
	must(err)
	j.Mail = mail.NewSMTP(cfg)
	in := journey.CohortStart{Title: "Before the IT manager opening", ClosesOn: day.AddDate(0, 0, 14), Rounds: []ladder.CohortRound{{PersonID: p.ID}}}
	for _, r := range feedbackAttackRaters {
		in.Rounds[0].Raters = append(in.Rounds[0].Raters, ladder.CohortRater{Category: r.category, Email: feedbackAttackEmail(r.name)})
	}
	res, err := j.StartCohortFeedback(ctx, org.adminPerson, org.cohort, in, j.PublicURL)
	must(err)
	j.Mail = nil
	tokens, raterIDs := map[string]string{}, map[string]int64{}
	for _, m := range sink.Wait(t, len(feedbackAttackRaters)) {
		tokens[strings.TrimSuffix(m.To[0], "@raters.test")] = feedbackAttackLink.FindStringSubmatch(m.Text())[1]
	}
	raters, err := j.Feedback.FindFeedbackRaters(ctx, p.ID, res[0].RoundID)
	must(err)
	for _, r := range raters {
		raterIDs[strings.TrimSuffix(r.Email, "@raters.test")] = r.ID
	}
	round, err := j.Feedback.FindFeedbackRound(ctx, p.ID, res[0].RoundID)
	must(err)
	if len(tokens) != len(feedbackAttackRaters) || len(raterIDs) != len(feedbackAttackRaters) || round.CohortID != org.cohort {
		t.Fatalf("cohort round: %d links, %d raters, %+v", len(tokens), len(raterIDs), round)
	}
	return round, tokens, raterIDs
}

var feedbackAttackExportedAt = regexp.MustCompile(`"exported_at": "[^"]*"`)

// feedbackAttackCLI runs a command as the person (or as whom args name)
// on the run's database.
// The command line keeps its own clock, so the export's time is masked.
func feedbackAttackCLI(t *testing.T, dsn string, args []string) string {
	t.Helper()
	t.Setenv("LADDER_DATA_DIR", t.TempDir())
	var out, errOut bytes.Buffer
	if !slices.Contains(args, "--person") {
		args = append(args, "--person", "sam@example.com")
	}
	code := cli.Execute(context.Background(), append(args, "--db", dsn), strings.NewReader(""), &out, &errOut)
	return feedbackAttackExportedAt.ReplaceAllString(fmt.Sprintf("exit %d\n%s\n%s", code, out.String(), errOut.String()), `"exported_at": "-"`)
}

// feedbackAttackPaths expands a route pattern with every candidate value of
// its wildcards.
func feedbackAttackPaths(pattern string, ids map[string][]string) []string {
	paths := []string{pattern}
	for _, name := range slices.Sorted(maps.Keys(ids)) {
		values, wild := ids[name], "{"+name+"}"
		var next []string
		for _, p := range paths {
			if !strings.Contains(p, wild) {
				next = append(next, p)
				continue
			}
			for _, v := range values {
				next = append(next, strings.ReplaceAll(p, wild, v))
			}
		}
		paths = next
	}
	return paths
}

// feedbackAttackSame fails for every response that differs between worlds.
func feedbackAttackSame(t *testing.T, what string, a, b map[string]string) {
	t.Helper()
	if len(a) != len(b) {
		t.Errorf("%s: %d responses against %d", what, len(a), len(b))
	}
	for _, k := range slices.Sorted(maps.Keys(a)) {
		if a[k] != b[k] {
			t.Errorf("%s: %s differs, so it tells something of one rater:\n%s", what, k, feedbackAttackDiff(a[k], b[k]))
		}
	}
}

func feedbackAttackDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n- %.300s\n+ %.300s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("%d lines against %d", len(al), len(bl))
}

func TestFeedbackAttack(t *testing.T) {
	t0 := time.Now().UTC().Truncate(24 * time.Hour).Add(10 * time.Hour)
	for _, engine := range []string{sqldb.SQLite, sqldb.Postgres} {
		t.Run(engine, func(t *testing.T) {
			if engine == sqldb.Postgres {
				sqldbtest.RequirePostgres(t)
			}
			base := feedbackAttackRun(t, engine, t0, feedbackAttackBase(), feedbackAttackViewers)
			if len(base.closed) < 300 {
				t.Fatalf("only %d responses: the walk lost routes", len(base.closed))
			}
			// No hidden group's comment anywhere, no comment at all while the
			// round is open, no rater's address where answers show (and none
			// to the owner or the admin), and no link secret or address in
			// a log line.
			for phase, m := range map[string]map[string]string{"open": base.open, "closed": base.closed} {
				for k, v := range m {
					forbidden := []string{"PEER-SECRET", "STAKE-SECRET"}
					if phase == "open" {
						forbidden = append(forbidden, "Report one", "In the March release")
					}
					for _, secret := range forbidden {
						if strings.Contains(v, secret) {
							t.Errorf("%s (%s) shows %q", k, phase, secret)
						}
					}
					if strings.Contains(v, "@raters.test") && !feedbackAttackListsRaters(k) {
						t.Errorf("%s (%s) names a rater", k, phase)
					}
				}
			}
			var shown string
			for _, v := range base.closed {
				shown += v
			}
			if !strings.Contains(shown, "Report one") || !strings.Contains(shown, "In the March release") {
				t.Error("the shown groups' comments show nowhere: the suite looks at the wrong pages")
			}
			for _, logs := range []string{base.logs, base.orgLogs} {
				if strings.Contains(logs, "@raters.test") || strings.Contains(logs, "LINK-OF-") ||
					!strings.Contains(logs, "/feedback/r/[secret]") {
					t.Errorf("the log lines show a rater or a link secret, or miss the rater pages:\n%s", logs)
				}
			}
			// The admin walked the cohort's progress page, showing the
			// round, in both phases.
			cohortPage := regexp.MustCompile(`^admin GET /org/cohorts/\d+/feedback$`)
			for phase, m := range map[string]map[string]string{"open": base.open, "closed": base.closed} {
				walked := false
				for k, v := range m {
					walked = walked || (cohortPage.MatchString(k) && strings.HasPrefix(v, "200 ") &&
						strings.Contains(v, "Before the IT manager opening"))
				}
				if !walked {
					t.Errorf("%s: the cohort's feedback page was not walked with its round", phase)
				}
			}
			feedbackAttackOrgReached(t, base.closed)

			t.Run("HiddenRaterChangesNothing", func(t *testing.T) {
				answers := feedbackAttackBase()
				answers["p1"] = feedbackAttackAnswer(5, 5, "PEER-SECRET-OTHER, quite different.")
				feedbackAttackCompare(t, base, feedbackAttackRun(t, engine, t0, answers, feedbackAttackViewers))
			})
			t.Run("SwappedWithinShownGroupChangesNothing", func(t *testing.T) {
				answers := feedbackAttackBase()
				answers["r1"], answers["r2"] = answers["r2"], answers["r1"]
				feedbackAttackCompare(t, base, feedbackAttackRun(t, engine, t0, answers, []string{""}))
			})
			t.Run("WhoAnsweredChangesNothing", func(t *testing.T) {
				answers := feedbackAttackBase()
				answers["p3"] = answers["p1"]
				delete(answers, "p1")
				feedbackAttackCompare(t, base, feedbackAttackRun(t, engine, t0, answers, feedbackAttackViewers))
			})
			// The control: a shown group's answer does change what shows
			// (so the comparison can fail), only once the round is closed
			// and only where the group has its minimum.
			t.Run("ShownRaterChangesOnlyTheGroupOnceClosed", func(t *testing.T) {
				answers := feedbackAttackBase()
				answers["r1"] = feedbackAttackAnswer(5, 3, "Report one: hands over whole problems.")
				w := feedbackAttackRun(t, engine, t0, answers, []string{"", "owner "})
				feedbackAttackSame(t, "open", feedbackAttackOf(base.open, w.open), feedbackAttackOf(w.open, w.open))
				feedbackAttackSame(t, "logs", map[string]string{"logs": base.logs}, map[string]string{"logs": w.logs})
				var differ []string
				for k := range feedbackAttackOf(base.closed, w.closed) {
					if base.closed[k] != w.closed[k] {
						differ = append(differ, k)
					}
				}
				if len(differ) == 0 {
					t.Fatal("changing a shown rater's answer changed nothing: the suite cannot see figures")
				}
				if !slices.ContainsFunc(differ, func(k string) bool { return strings.HasPrefix(k, "owner GET /org/people/") }) {
					t.Error("the manager's view of the person shows no figure the shown group moves: the viewer walk sees nothing")
				}
				if base.shownReports < 3 || w.shownReports < 3 {
					t.Errorf("the reports' group shows with %d and %d raters, under its minimum of 3", base.shownReports, w.shownReports)
				}
				slices.Sort(differ)
				t.Logf("%d responses show the reports' group: %s", len(differ), strings.Join(differ, ", "))
			})
		})
	}
}

// feedbackAttackCompare fails for every response and log line that
// differs between the base world and w, over the viewers w ran.
func feedbackAttackCompare(t *testing.T, base, w *feedbackAttackWorld) {
	t.Helper()
	feedbackAttackSame(t, "open", feedbackAttackOf(base.open, w.open), feedbackAttackOf(w.open, w.open))
	feedbackAttackSame(t, "closed", feedbackAttackOf(base.closed, w.closed), feedbackAttackOf(w.closed, w.closed))
	feedbackAttackSame(t, "logs", map[string]string{"logs": base.logs}, map[string]string{"logs": w.logs})
	if w.orgLogs != "" {
		feedbackAttackSame(t, "logs of the owner and the admin", map[string]string{"logs": base.orgLogs}, map[string]string{"logs": w.orgLogs})
	}
}

// feedbackAttackOf keeps the base world's responses of the viewers that
// the other world ran: the owner's and the admin's only if it ran them.
func feedbackAttackOf(base, other map[string]string) map[string]string {
	ran := map[string]bool{}
	for k := range other {
		viewer, _, _ := strings.Cut(k, " ")
		ran[viewer] = true
	}
	out := map[string]string{}
	for k, v := range base {
		viewer, _, _ := strings.Cut(k, " ")
		switch {
		case viewer == "owner" || viewer == "admin":
			if !ran[viewer] {
				continue
			}
		case !ran["owner"] && slices.Contains(feedbackAttackViewLog, k):
			// The person's list of who looked at her data counts the
			// owner's walks, which this world did not run.
			continue
		}
		out[k] = v
	}
	return out
}

// feedbackAttackViewLog are the person's responses that list the views of
// her data by others.
var feedbackAttackViewLog = []string{"GET /settings/sharing", "GET /api/v1/sharing"}

// feedbackAttackOrgReached fails unless the owner read the audit log and
// its exports and the admin the programme that holds the person: else the
// suite would compare refusals.
func feedbackAttackOrgReached(t *testing.T, closed map[string]string) {
	t.Helper()
	want := map[string]bool{"owner GET /org/audit": false, "owner GET /org/audit.csv": false, "owner GET /org/audit.json": false,
		"owner GET /api/v1/org/audit": false, "owner GET /api/v1/org/audit.csv": false, "owner CLI org audit csv": false,
		"admin GET /org/programmes/": false, "admin CLI org programme": false}
	for k, v := range closed {
		for prefix := range want {
			if strings.HasPrefix(k, prefix) && (strings.HasPrefix(v, "200 ") || strings.HasPrefix(v, "exit 0")) && strings.Contains(v, "Sam Rivera") {
				want[prefix] = true
			}
		}
	}
	for prefix, ok := range want {
		if !ok {
			t.Errorf("%s...: no answer naming the person, so the owner's and the admin's walks see nothing", prefix)
		}
	}
}

// feedbackAttackListsRaters reports whether a response is one of those that
// list the raters the person asked (the round page, the raters API and
// command), where addresses belong; they show no answer.
func feedbackAttackListsRaters(key string) bool {
	return regexp.MustCompile(`^(GET /feedback/rounds/\d+|GET /api/v1/feedback/rounds/\d+/raters|POST revoke p1|POST add p3 again|CLI feedback raters|POST close)$`).MatchString(key)
}
