package orgseed

import (
	"crypto/rand"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/password"
)

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
