package orgseed

import (
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/sqldb"
)

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
