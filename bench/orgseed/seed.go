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
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
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
