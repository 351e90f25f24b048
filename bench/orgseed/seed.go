// Package orgseed fills an empty Ladder database with one large
// organisation for the pipeline and 360 benchmarks (issue 6, "Speed"): its
// people, their managers, a programme in cohorts, self-assessments,
// evidence, plans, what they share, and rounds of 360 feedback with their
// raters and answers.
//
// Volume goes in with multi-row INSERTs in a few transactions. Rounds that
// are closed go through the real close path (journey.CloseFeedbackRound:
// the anonymity rule, then the answers deleted), so the database holds
// exactly what the application would have left: aggregates for closed
// rounds, answers only for open ones (docs/anonymity.md).
package orgseed

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/password"
	"github.com/ladderhq/ladder/internal/sqldb"
)

// Config sizes the organisation.
type Config struct {
	People    int // members of the organisation
	Programme int // members of the programme's cohorts
	Cohorts   int
	// Rounds of 360 feedback, each asking Raters raters about Asked
	// competencies; every rater answers all but one ("not observed").
	Rounds, Raters, Asked int
	// ClosedShare is the share of the rounds of people outside the
	// programme that are closed; every programme member's first round is.
	ClosedShare float64
	Seed        uint64
	Now         time.Time
	Log         io.Writer
}

// Full is the organisation of the issue: 10,000 people, a 1,000-person
// programme, 6,250 rounds of 8 raters (50,000 feedback requests) answering
// 8 competencies each (400,000 answers given).
func Full() Config {
	return Config{People: 10000, Programme: 1000, Cohorts: 4, Rounds: 6250, Raters: 8, Asked: 9, ClosedShare: 0.5, Seed: 1}
}

// Small is a tenth of Full, for benchmarks that seed their own database.
func Small() Config {
	return Config{People: 1000, Programme: 100, Cohorts: 2, Rounds: 625, Raters: 8, Asked: 9, ClosedShare: 0.5, Seed: 1}
}

// Result names what the benchmarks read. It is also kept in the settings
// table under SettingKey, so a seeded database can be benchmarked later.
type Result struct {
	OrgID       int64 `json:"org_id"`
	ProgrammeID int64 `json:"programme_id"`
	// AdminID is a programme admin; ResultsPersonID a programme member
	// with two closed rounds, the latest of which is ResultsRoundID.
	AdminID         int64          `json:"admin_id"`
	ResultsPersonID int64          `json:"results_person_id"`
	ResultsRoundID  int64          `json:"results_round_id"`
	Counts          map[string]int `json:"counts"`
}

// SettingKey is where Seed records its Result.
const SettingKey = "bench.orgseed"

// Load reads the Result a Seed left in db.
func Load(ctx context.Context, db *sqldb.DB) (*Result, error) {
	var s string
	if err := db.SQL().QueryRowContext(ctx, `SELECT value FROM settings WHERE key = $1`, SettingKey).Scan(&s); err != nil {
		return nil, fmt.Errorf("no %s setting: seed the database with bench/orgseed first: %w", SettingKey, err)
	}
	var r Result
	return &r, json.Unmarshal([]byte(s), &r)
}

// seeder holds what the phases share.
type seeder struct {
	ctx  context.Context
	db   *sqldb.DB
	j    *journey.Journey
	cfg  Config
	rnd  *mrand.Rand
	now  time.Time
	log  io.Writer
	t0   time.Time
	comp []string // competency keys, model order
	// starts and targets are role slugs; level[p][c] a person's true level
	// today, growth[p] their climb per month.
	starts, targets []string
	target          []string
	level           [][]float64
	growth          []float64
	email           []string
	members         []int64 // the programme's people
	inProgramme     []bool
	rounds          []round
	answers         int // answers given in all, before closing
	res             Result
}

// Seed fills db, which must be migrated and hold no person yet.
func Seed(ctx context.Context, db *sqldb.DB, cfg Config) (*Result, error) {
	if cfg.Now.IsZero() {
		cfg.Now = time.Now().UTC().Truncate(time.Second)
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	var n int
	if err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM persons`).Scan(&n); err != nil {
		return nil, err
	}
	if n > 0 {
		return nil, fmt.Errorf("the database holds %d persons already: seed an empty one", n)
	}
	if cfg.Programme > cfg.People-10 || cfg.Raters < 8 || cfg.Asked < 2 {
		return nil, fmt.Errorf("config %+v: the programme must leave room for admins, rounds need 8 raters and 2 competencies", cfg)
	}
	s := &seeder{ctx: ctx, db: db, j: journey.New(db, nil), cfg: cfg, rnd: mrand.New(mrand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15)),
		now: cfg.Now, log: cfg.Log, t0: time.Now()}
	m, err := s.j.Model(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range m.Competencies() {
		s.comp = append(s.comp, c.Key)
	}
	for _, r := range m.Roles {
		if r.Kind == ladder.RoleTarget {
			s.targets = append(s.targets, r.Slug)
		} else {
			s.starts = append(s.starts, r.Slug)
		}
	}
	for _, phase := range []struct {
		name string
		run  func() error
	}{
		{"people", s.people}, {"programme", s.programme}, {"sharing", s.sharing}, {"assessments", s.assessments},
		{"evidence", s.evidence}, {"plans", s.plans}, {"feedback", s.feedback}, {"sequences", s.sequences},
		{"closing rounds", s.close}, {"analyze", s.analyze}, {"result", s.record},
	} {
		start := time.Now()
		if err := phase.run(); err != nil {
			return nil, fmt.Errorf("%s: %w", phase.name, err)
		}
		fmt.Fprintf(s.log, "%-15s %6.1fs (total %.1fs)\n", phase.name, time.Since(start).Seconds(), time.Since(s.t0).Seconds())
	}
	return &s.res, nil
}

// bulk inserts rows with multi-row VALUES, a statement per batch.
type bulk struct {
	s     *seeder
	tx    *sql.Tx
	head  string
	cols  int
	max   int
	args  []any
	n     int
	total int
	// after are the bulks of the rows these refer to: they are flushed
	// first, so that foreign keys hold at every statement.
	after []*bulk
}

// maxParams keeps a statement under SQLite's 32,766 parameters.
const maxParams = 30000

func (s *seeder) bulk(tx *sql.Tx, table string, cols ...string) *bulk {
	return &bulk{s: s, tx: tx, head: "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ", cols: len(cols),
		max: maxParams / len(cols)}
}

// refers makes b flush parents before its own rows.
func (b *bulk) refers(parents ...*bulk) *bulk {
	b.after = parents
	return b
}

func (b *bulk) add(vals ...any) error {
	if len(vals) != b.cols {
		return fmt.Errorf("%s: %d values for %d columns", b.head, len(vals), b.cols)
	}
	b.args = append(b.args, vals...)
	b.n++
	if b.n == b.max {
		return b.flush()
	}
	return nil
}

func (b *bulk) flush() error {
	for _, p := range b.after {
		if err := p.flush(); err != nil {
			return err
		}
	}
	if b.n == 0 {
		return nil
	}
	var q strings.Builder
	q.WriteString(b.head)
	for r := range b.n {
		if r > 0 {
			q.WriteString(", ")
		}
		q.WriteByte('(')
		for c := range b.cols {
			if c > 0 {
				q.WriteString(", ")
			}
			// SQLite takes positional parameters as they come; naming them
			// ($1...) makes it look each one up, which is quadratic here.
			if b.s.db.Engine() == sqldb.SQLite {
				q.WriteByte('?')
			} else {
				fmt.Fprintf(&q, "$%d", r*b.cols+c+1)
			}
		}
		q.WriteByte(')')
	}
	if _, err := b.tx.ExecContext(b.s.ctx, q.String(), b.args...); err != nil {
		return fmt.Errorf("%s...: %w", b.head[:min(len(b.head), 60)], err)
	}
	b.total += b.n
	b.args, b.n = b.args[:0], 0
	return nil
}

// inTx runs f in a transaction and flushes the bulks it returns.
func (s *seeder) inTx(f func(tx *sql.Tx) ([]*bulk, error)) error {
	tx, err := s.db.SQL().BeginTx(s.ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	bs, err := f(tx)
	if err != nil {
		return err
	}
	for _, b := range bs {
		if err := b.flush(); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func (s *seeder) pick(xs []string) string { return xs[s.rnd.IntN(len(xs))] }

func (s *seeder) chance(p float64) bool { return s.rnd.Float64() < p }

// days returns the moment d days before now.
func (s *seeder) days(d float64) time.Time {
	return s.now.Add(-time.Duration(d * 24 * float64(time.Hour))).Truncate(time.Second)
}

// levelAt is person p's true level of competency c at t: it grew by
// growth a month until today.
func (s *seeder) levelAt(p, c int, t time.Time) float64 {
	months := s.now.Sub(t).Hours() / 24 / 30.44
	return max(1, s.level[p][c]-s.growth[p]*months)
}

func rating(v float64) int { return int(max(1, min(5, v+0.5))) }

var (
	givenNames = []string{"Ada", "Ben", "Chen", "Dana", "Emil", "Farah", "Gus", "Hana", "Ivo", "Jade", "Kofi", "Lena", "Mats", "Nia",
		"Omar", "Pia", "Quinn", "Rosa", "Sami", "Tove", "Uma", "Vic", "Wren", "Xan", "Yusuf", "Zoe"}
	familyNames = []string{"Andersen", "Brooks", "Castillo", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ibrahim", "Jensen",
		"Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor", "Petrov", "Quist", "Rossi", "Silva", "Tanaka", "Umar", "Varga",
		"Weber", "Xu", "Yilmaz", "Zhang"}
	titles = []string{"Service desk analyst", "System administrator", "Network engineer", "Database administrator", "Developer",
		"Security analyst", "Cloud engineer", "Team lead", "Systems analyst", "Site reliability engineer"}
)

// people writes the organisation, its people, their memberships with a
// tree of managers (ten reports each) and accounts for seven in ten.
func (s *seeder) people() error {
	n := s.cfg.People
	s.level, s.growth, s.target, s.email = make([][]float64, n+1), make([]float64, n+1), make([]string, n+1), make([]string, n+1)
	s.inProgramme = make([]bool, n+1)
	hash, err := password.Hash(rand.Text()) // nobody knows it: the accounts exist, nobody signs in
	if err != nil {
		return err
	}
	return s.inTx(func(tx *sql.Tx) ([]*bulk, error) {
		created := s.days(730)
		if _, err := tx.ExecContext(s.ctx, `INSERT INTO organisations (id, name, slug, created_at, updated_at) VALUES (1, $1, $2, $3, $3)`,
			"Harbour Group IT", "harbour-it", created); err != nil {
			return nil, err
		}
		if _, err := tx.ExecContext(s.ctx, `INSERT INTO org_domains (domain, org_id) VALUES ('harbour.example', 1)`); err != nil {
			return nil, err
		}
		s.res.OrgID = 1
		ps := s.bulk(tx, "persons", "id", "org_id", "name", "email", "start_role", "target_role", "created_at", "updated_at", "data_version")
		ms := s.bulk(tx, "org_members", "person_id", "org_id", "role", "title", "manager_id", "joined_at").refers(ps)
		as := s.bulk(tx, "accounts", "person_id", "role", "password_hash", "created_at", "updated_at").refers(ps)
		for i := 1; i <= n; i++ {
			g, f := givenNames[s.rnd.IntN(len(givenNames))], familyNames[s.rnd.IntN(len(familyNames))]
			s.target[i] = "it-manager"
			if s.chance(0.3) {
				s.target[i] = s.pick(s.targets)
			}
			s.level[i] = make([]float64, len(s.comp))
			base := 1.6 + s.rnd.Float64()*1.6
			for c := range s.comp {
				s.level[i][c] = min(5, max(1, base+s.rnd.NormFloat64()*0.6))
			}
			s.growth[i] = max(0, 0.02+s.rnd.NormFloat64()*0.04)
			s.email[i] = fmt.Sprintf("%s.%s.%d@harbour.example", strings.ToLower(g), strings.ToLower(f), i)
			if err := ps.add(int64(i), int64(1), g+" "+f, s.email[i], s.pick(s.starts), s.target[i], created, created, int64(1)); err != nil {
				return nil, err
			}
			role, manager := ladder.OrgRoleMember, any(nil)
			switch {
			case i == 1:
				role = ladder.OrgRoleOwner
			case i <= 6:
				role = ladder.OrgRoleAdmin
			}
			if i > 1 {
				manager = int64((i-2)/10 + 1)
			}
			if err := ms.add(int64(i), int64(1), role, s.pick(titles), manager, created); err != nil {
				return nil, err
			}
			if i <= 6 || s.chance(0.7) {
				if err := as.add(int64(i), "member", hash, created, created); err != nil {
					return nil, err
				}
			}
		}
		s.res.AdminID = 2
		return []*bulk{ps, ms, as}, nil
	})
}

// programme writes a programme towards IT manager with its cohorts: every
// n-th person, from the end of the admins on, in cohorts starting a month
// apart.
func (s *seeder) programme() error {
	step := (s.cfg.People - 10) / s.cfg.Programme
	for i := 0; i < s.cfg.Programme; i++ {
		id := int64(10 + i*step)
		s.members = append(s.members, id)
		s.inProgramme[id] = true
		// Some in the programme are nearly there already.
		if i%10 == 3 {
			for c := range s.level[id] {
				s.level[id][c] = min(5, s.level[id][c]+1.5)
			}
		}
	}
	s.res.ProgrammeID = 1
	start := ladder.Day(s.days(180))
	return s.inTx(func(tx *sql.Tx) ([]*bulk, error) {
		if _, err := tx.ExecContext(s.ctx, `INSERT INTO org_programmes (id, org_id, name, description, target_role, start_date, end_date,
			created_at, updated_at) VALUES (1, 1, $1, $2, 'it-manager', $3, $4, $5, $5)`, "Future IT managers",
			"A year of stretch assignments, mentoring and 360 feedback for specialists who want to lead a team.",
			start, start.AddDate(1, 0, 0), s.days(200)); err != nil {
			return nil, err
		}
		cm := s.bulk(tx, "org_cohort_members", "cohort_id", "person_id", "added_at")
		per := (len(s.members) + s.cfg.Cohorts - 1) / s.cfg.Cohorts
		for c := range s.cfg.Cohorts {
			cs := start.AddDate(0, c, 0)
			if _, err := tx.ExecContext(s.ctx, `INSERT INTO org_cohorts (id, programme_id, name, start_date, end_date, created_at)
				VALUES ($1, 1, $2, $3, $4, $5)`, int64(c+1), fmt.Sprintf("Cohort %d (%s)", c+1, cs.Format("Jan 2006")),
				cs, cs.AddDate(0, 9, 0), s.days(200)); err != nil {
				return nil, err
			}
			for _, id := range s.members[c*per : min(len(s.members), (c+1)*per)] {
				if err := cm.add(int64(c+1), id, s.days(190)); err != nil {
					return nil, err
				}
			}
		}
		return []*bulk{cm}, nil
	})
}

// sharing: in the programme, most share readiness and plan with
// programme admins, some one of them, some nothing; outside it, some
// share with their manager or mentors.
func (s *seeder) sharing() error {
	return s.inTx(func(tx *sql.Tx) ([]*bulk, error) {
		sh := s.bulk(tx, "org_sharing", "person_id", "audience", "part")
		at, err := tx.PrepareContext(s.ctx, `UPDATE org_members SET sharing_at = $1 WHERE person_id = $2`)
		if err != nil {
			return nil, err
		}
		defer at.Close()
		for i := 1; i <= s.cfg.People; i++ {
			var parts [][2]string
			switch x := s.rnd.Float64(); {
			case s.inProgramme[i] && x < 0.75:
				parts = [][2]string{{ladder.AudienceAdmins, ladder.ShareReadiness}, {ladder.AudienceAdmins, ladder.SharePlan},
					{ladder.AudienceManager, ladder.ShareReadiness}}
			case s.inProgramme[i] && x < 0.85:
				parts = [][2]string{{ladder.AudienceAdmins, ladder.ShareReadiness}}
			case s.inProgramme[i] && x < 0.9:
				parts = [][2]string{{ladder.AudienceAdmins, ladder.SharePlan}, {ladder.AudienceMentor, ladder.ShareJournal}}
			case s.inProgramme[i]:
				// Shares nothing with programme admins.
				parts = [][2]string{{ladder.AudienceMentor, ladder.ShareReadiness}}
			case x < 0.3:
				parts = [][2]string{{ladder.AudienceManager, ladder.ShareReadiness}, {ladder.AudienceManager, ladder.SharePlan}}
			}
			for _, p := range parts {
				if err := sh.add(int64(i), p[0], p[1]); err != nil {
					return nil, err
				}
			}
			if len(parts) > 0 {
				if _, err := at.ExecContext(s.ctx, s.days(150), int64(i)); err != nil {
					return nil, err
				}
			}
		}
		return []*bulk{sh}, nil
	})
}

// assessments writes self-assessments rating every competency, a month
// or more apart, the latest within the last hundred days; programme
// members have more of them. One in twenty has one in progress.
func (s *seeder) assessments() error {
	return s.inTx(func(tx *sql.Tx) ([]*bulk, error) {
		as := s.bulk(tx, "assessments", "id", "person_id", "kind", "target_role", "started_at", "completed_at")
		rs := s.bulk(tx, "ratings", "assessment_id", "competency", "level", "note", "rated_at").refers(as)
		var id int64
		for i := 1; i <= s.cfg.People; i++ {
			weights := []float64{0.2, 0.3, 0.25, 0.15, 0.1}
			if s.inProgramme[i] {
				weights = []float64{0.08, 0.17, 0.25, 0.25, 0.15, 0.1}
			}
			k, x := 0, s.rnd.Float64()
			for k < len(weights)-1 && x >= weights[k] {
				x -= weights[k]
				k++
			}
			when := s.days(3 + s.rnd.Float64()*97)
			var dates []time.Time
			for range k {
				dates = append(dates, when)
				when = when.Add(-time.Duration(35+s.rnd.IntN(85)) * 24 * time.Hour)
			}
			slices.Reverse(dates)
			for _, done := range dates {
				id++
				if err := as.add(id, int64(i), ladder.AssessSelf, s.target[i], done.Add(-40*time.Minute), done); err != nil {
					return nil, err
				}
				for c, key := range s.comp {
					lv := rating(s.levelAt(i, c, done) + s.rnd.NormFloat64()*0.4)
					if s.chance(0.04) {
						lv = ladder.NotSure
					}
					if err := rs.add(id, key, lv, "", done.Add(-time.Duration(38-c)*time.Minute)); err != nil {
						return nil, err
					}
				}
			}
			if s.chance(0.05) {
				id++
				started := s.days(s.rnd.Float64() * 10)
				if err := as.add(id, int64(i), ladder.AssessSelf, s.target[i], started, nil); err != nil {
					return nil, err
				}
				for c := range 5 {
					if err := rs.add(id, s.comp[c], rating(s.level[i][c]), "", started); err != nil {
						return nil, err
					}
				}
			}
		}
		return []*bulk{as, rs}, nil
	})
}

var evidenceTitles = []string{"Led the storage migration", "Mentored a new analyst", "Ran the weekly incident review",
	"Settled the on-call dispute", "Owned the licence budget", "Renegotiated the backup contract", "Presented the roadmap to the board",
	"Led the major incident in March", "Hired two engineers", "Cut ticket handover time", "Saved on cloud spend"}

// evidence gives four in ten people one to six entries of the last three
// years.
func (s *seeder) evidence() error {
	kinds := ladder.EvidenceKinds()
	return s.inTx(func(tx *sql.Tx) ([]*bulk, error) {
		es := s.bulk(tx, "evidence", "id", "person_id", "kind", "title", "start_date", "end_date", "created_at", "updated_at")
		cs := s.bulk(tx, "evidence_competencies", "evidence_id", "person_id", "competency", "seq").refers(es)
		var id int64
		for i := 1; i <= s.cfg.People; i++ {
			if !s.chance(0.4) {
				continue
			}
			for range 1 + s.rnd.IntN(6) {
				id++
				start := ladder.Day(s.days(s.rnd.Float64() * 1000))
				var end any
				if s.chance(0.3) {
					end = start.AddDate(0, 1+s.rnd.IntN(5), 0)
				}
				if err := es.add(id, int64(i), kinds[s.rnd.IntN(len(kinds))].Key, s.pick(evidenceTitles), start, end, start, start); err != nil {
					return nil, err
				}
				for seq, c := range s.rnd.Perm(len(s.comp))[:1+s.rnd.IntN(3)] {
					if err := cs.add(id, int64(i), s.comp[c], seq); err != nil {
						return nil, err
					}
				}
			}
		}
		return []*bulk{es, cs}, nil
	})
}

var actionTitles = []string{"Lead the next service review", "Shadow a manager in budget planning", "Run a retrospective",
	"Read The Coaching Habit", "Mentor a junior colleague", "Present the quarterly figures", "Take over the vendor call",
	"Delegate the patch rota", "Ask for feedback after each one-to-one", "Write the team's onboarding guide"}

// plans gives six in ten people (eight in ten in the programme) a plan of
// three to five goals, with actions due across a year, the past ones
// mostly done.
func (s *seeder) plans() error {
	kinds := []string{ladder.Kind70, ladder.Kind70, ladder.Kind70, ladder.Kind70, ladder.Kind70, ladder.Kind70, ladder.Kind70,
		ladder.Kind20, ladder.Kind20, ladder.Kind10}
	return s.inTx(func(tx *sql.Tx) ([]*bulk, error) {
		ps := s.bulk(tx, "plans", "id", "person_id", "target_role", "horizon_start", "horizon_end", "hours_per_month", "generated_at",
			"created_at", "updated_at")
		gs := s.bulk(tx, "plan_goals", "id", "plan_id", "position", "competency", "specific", "measure", "why", "achievable",
			"target_level", "target_date", "done").refers(ps)
		as := s.bulk(tx, "plan_actions", "id", "goal_id", "position", "title", "kind", "competencies", "effort_hours", "done_when",
			"start_date", "due_date", "done", "dropped").refers(gs)
		var plan, goal, action int64
		for i := 1; i <= s.cfg.People; i++ {
			if !s.chance(map[bool]float64{true: 0.8, false: 0.6}[s.inProgramme[i]]) {
				continue
			}
			plan++
			start := ladder.Day(s.days(30 + s.rnd.Float64()*150))
			end := start.AddDate(1, 0, 0)
			if err := ps.add(plan, int64(i), s.target[i], start, end, 12, start, start, start); err != nil {
				return nil, err
			}
			for g, c := range s.rnd.Perm(len(s.comp))[:3+s.rnd.IntN(3)] {
				goal++
				key := s.comp[c]
				if err := gs.add(goal, plan, g, key, "Show "+key+" at the next level", "Your manager and two peers see it",
					"The target role needs it", "Small steps within the hours chosen", 3+s.rnd.IntN(3), end, false); err != nil {
					return nil, err
				}
				for a := range 2 + s.rnd.IntN(3) {
					action++
					due := start.AddDate(0, 1+s.rnd.IntN(12), 0)
					past := due.Before(s.now)
					done := (past && s.chance(0.7)) || (!past && s.chance(0.1))
					if err := as.add(action, goal, a, s.pick(actionTitles), kinds[s.rnd.IntN(len(kinds))], key, 2+s.rnd.IntN(18),
						"Someone else saw it happen", due.AddDate(0, -1, 0), due, done, s.chance(0.04)); err != nil {
						return nil, err
					}
				}
			}
		}
		return []*bulk{ps, gs, as}, nil
	})
}

// round is a round of 360 feedback to write.
type round struct {
	id, person int64
	created    time.Time
	closesOn   time.Time
	closeAt    time.Time // zero: stays open
}

var comments = []string{
	"In the outage review she asked each of us what we saw before deciding; we felt heard and the fix stuck.",
	"When the rota clashed he sorted it with both teams in one call, and nobody had to escalate.",
	"Hands over whole problems, not tasks: I learnt more in that project than in the year before.",
	"In budget talks he had the figures ready, and the board approved the request the same day.",
	"Could say earlier when a deadline is at risk: we found out about the slip on the day.",
	"Gives specific feedback after incidents, which helped me run the next one myself.",
}

// feedback writes the rounds: every programme member has one closed about
// four months ago, three in ten a second (half of them closed last month,
// half open); the rest go to other people, ClosedShare of them closed.
// Each round asks Raters raters (a manager, three peers, two direct
// reports, two stakeholders, then more peers) about Asked competencies;
// every rater answered, giving a level to all but one competency.
func (s *seeder) feedback() error {
	var rs []round
	add := func(person int64, created time.Time, closed bool) {
		r := round{id: int64(len(rs) + 1), person: person, created: created}
		if closed {
			r.closeAt = created.Add(time.Duration(14+s.rnd.IntN(14)) * 24 * time.Hour)
			r.closesOn = ladder.Day(r.closeAt)
		} else {
			r.closesOn = ladder.Day(s.now.AddDate(0, 0, 3+s.rnd.IntN(28)))
		}
		rs = append(rs, r)
	}
	for _, id := range s.members {
		if len(rs) < s.cfg.Rounds {
			add(id, s.days(140+s.rnd.Float64()*20), true)
		}
	}
	for k, id := range s.members {
		if k%10 < 3 && len(rs) < s.cfg.Rounds {
			add(id, s.days(map[bool]float64{true: 50, false: 12}[k%2 == 0]), k%2 == 0)
		}
	}
	var others []int64
	for i := 1; i <= s.cfg.People; i++ {
		if !s.inProgramme[i] {
			others = append(others, int64(i))
		}
	}
	s.rnd.Shuffle(len(others), func(a, b int) { others[a], others[b] = others[b], others[a] })
	for k := 0; len(rs) < s.cfg.Rounds; k++ {
		closed := s.chance(s.cfg.ClosedShare)
		created := s.days(5 + s.rnd.Float64()*25)
		if closed {
			created = s.days(40 + s.rnd.Float64()*300)
		}
		add(others[k%len(others)], created, closed)
	}
	s.res.ResultsPersonID = s.members[0]
	err := s.inTx(func(tx *sql.Tx) ([]*bulk, error) {
		rounds := s.bulk(tx, "feedback_rounds", "id", "person_id", "title", "closes_on", "min_manager", "min_peer", "min_report",
			"min_stakeholder", "min_others", "name_manager", "created_at", "updated_at")
		comps := s.bulk(tx, "feedback_round_competencies", "round_id", "position", "competency").refers(rounds)
		raters := s.bulk(tx, "feedback_raters", "id", "round_id", "category", "email", "token_hash", "expires_at", "revoked", "answered",
			"created_at").refers(rounds)
		answers := s.bulk(tx, "feedback_answers", "round_id", "rater_key", "competency", "category", "level").refers(rounds)
		notes := s.bulk(tx, "feedback_comments", "round_id", "rater_key", "competency", "category", "body").refers(rounds)
		categories := []string{ladder.FeedbackManager, ladder.FeedbackPeer, ladder.FeedbackPeer, ladder.FeedbackPeer,
			ladder.FeedbackReport, ladder.FeedbackReport, ladder.FeedbackStakeholder, ladder.FeedbackStakeholder}
		var rater int64
		for _, r := range rs {
			title := "360 feedback " + r.created.Format("January 2006")
			if err := rounds.add(r.id, r.person, title, r.closesOn, 1, 3, 3, 3, 4, true, r.created, r.created); err != nil {
				return nil, err
			}
			asked := s.rnd.Perm(len(s.comp))[:s.cfg.Asked]
			slices.Sort(asked) // model order
			for pos, c := range asked {
				if err := comps.add(r.id, pos, s.comp[c]); err != nil {
					return nil, err
				}
			}
			// Raters are other members, each once per round.
			seen := map[int64]bool{r.person: true}
			for k := range s.cfg.Raters {
				cat := ladder.FeedbackPeer
				if k < len(categories) {
					cat = categories[k]
				}
				who := int64(1 + s.rnd.IntN(s.cfg.People))
				if cat == ladder.FeedbackManager && r.person > 1 {
					who = (r.person-2)/10 + 1
				}
				for seen[who] {
					who = int64(1 + s.rnd.IntN(s.cfg.People))
				}
				seen[who] = true
				rater++
				sum := sha256.Sum256([]byte(rand.Text()))
				if err := raters.add(rater, r.id, cat, s.email[who], hex.EncodeToString(sum[:]),
					r.closesOn.Add(24*time.Hour), false, true, r.created); err != nil {
					return nil, err
				}
				key := rand.Text()
				skip := s.rnd.IntN(len(asked))
				at := r.created.Add(time.Duration(1+s.rnd.IntN(10)) * 24 * time.Hour)
				for n, c := range asked {
					if n == skip {
						continue // not observed
					}
					lv := rating(s.levelAt(int(r.person), c, at) + s.rnd.NormFloat64()*0.8)
					if err := answers.add(r.id, key, s.comp[c], cat, lv); err != nil {
						return nil, err
					}
				}
				if s.chance(0.2) {
					if err := notes.add(r.id, key, "", cat, s.pick(comments)); err != nil {
						return nil, err
					}
				}
				if s.chance(0.1) {
					if err := notes.add(r.id, key, s.comp[asked[(skip+1)%len(asked)]], cat, s.pick(comments)); err != nil {
						return nil, err
					}
				}
			}
		}
		s.answers = answers.total + answers.n
		return []*bulk{rounds, comps, raters, answers, notes}, nil
	})
	s.rounds = rs
	return err
}

// sequences moves PostgreSQL's identity sequences past the ids written,
// so that rows the application adds later get fresh ones.
func (s *seeder) sequences() error {
	if s.db.Engine() != sqldb.Postgres {
		return nil
	}
	for _, t := range []string{"organisations", "persons", "org_programmes", "org_cohorts", "assessments", "evidence", "plans",
		"plan_goals", "plan_actions", "feedback_rounds", "feedback_raters"} {
		if _, err := s.db.SQL().ExecContext(s.ctx, `SELECT setval(pg_get_serial_sequence($1, 'id'), (SELECT MAX(id) FROM `+t+`))`, t); err != nil {
			return fmt.Errorf("%s: %w", t, err)
		}
	}
	return nil
}

// close closes the rounds due to be closed, oldest first, through the
// application (journey.CloseFeedbackRound) with the clock at their
// closing time: the anonymity rule decides what is kept, the answers are
// deleted, and the self-rating kept is the one of that moment.
func (s *seeder) close() error {
	clock := s.db.Now
	defer func() { s.db.Now = clock }()
	todo := slices.DeleteFunc(slices.Clone(s.rounds), func(r round) bool { return r.closeAt.IsZero() })
	slices.SortFunc(todo, func(a, b round) int { return a.closeAt.Compare(b.closeAt) })
	for k, r := range todo {
		at := r.closeAt
		s.db.Now = func() time.Time { return at }
		if err := s.j.CloseFeedbackRound(s.ctx, &ladder.Person{ID: r.person}, r.id); err != nil {
			return fmt.Errorf("round %d: %w", r.id, err)
		}
		if r.person == s.res.ResultsPersonID {
			s.res.ResultsRoundID = r.id // the latest closed, as they are closed in order
		}
		if (k+1)%1000 == 0 {
			fmt.Fprintf(s.log, "  %d of %d rounds closed (%.1fs)\n", k+1, len(todo), time.Since(s.t0).Seconds())
		}
	}
	return nil
}

// analyze refreshes the planners' statistics, as autovacuum (PostgreSQL)
// or a periodic ANALYZE (SQLite) would after a load this size.
func (s *seeder) analyze() error {
	_, err := s.db.SQL().ExecContext(s.ctx, `ANALYZE`)
	return err
}

// record counts what was written and keeps the Result in settings.
func (s *seeder) record() error {
	s.res.Counts = map[string]int{}
	for _, t := range []string{"persons", "org_members", "accounts", "org_cohort_members", "org_sharing", "assessments", "ratings",
		"evidence", "plans", "plan_actions", "feedback_rounds", "feedback_raters", "feedback_answers", "feedback_comments",
		"feedback_shown_cells", "feedback_shown_comments"} {
		var n int
		if err := s.db.SQL().QueryRowContext(s.ctx, `SELECT COUNT(*) FROM `+t).Scan(&n); err != nil {
			return err
		}
		s.res.Counts[t] = n
	}
	var closed int
	for _, r := range s.rounds {
		if !r.closeAt.IsZero() {
			closed++
		}
	}
	s.res.Counts["rounds closed"] = closed
	s.res.Counts["answers given"] = s.answers
	b, err := json.Marshal(s.res)
	if err != nil {
		return err
	}
	_, err = s.db.SQL().ExecContext(s.ctx, `INSERT INTO settings (key, value) VALUES ($1, $2)`, SettingKey, string(b))
	return err
}
