package demo

import (
	"context"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// ManagerEmail is the address of the second demo person, Priya Shah, who
// became an IT manager 40 days ago; loading her again replaces her.
const ManagerEmail = "priya.shah@example.com"

// managerDays is how long ago Priya started as a manager.
const managerDays = 40

// team is Priya's inherited team of four.
var team = []ladder.TeamMember{
	{Name: "Sam Okafor", Role: "Network engineer", Strengths: "Knows every switch and cable run; calm during outages.",
		Goals: "Lead the Wi-Fi refresh project end to end.", Concerns: "Carries too much of the on-call load.",
		Notes: "Prefers written agendas sent the day before."},
	{Name: "Lea Brandt", Role: "Service desk lead", Strengths: "Users trust her; keeps the desk friendly under pressure.",
		Goals: "Move towards service management (ITIL).", Concerns: "The ticket backlog grew while the team had no manager."},
	{Name: "Tomasz Nowak", Role: "System administrator", Strengths: "Automates anything he does twice.",
		Goals: "Take over the backup platform from me.", Concerns: "Feels his scripts are not valued by the business."},
	{Name: "Aisha Bello", Role: "Junior administrator", Strengths: "Fast learner, good notes.",
		Goals: "Pass an entry-level cloud certification this year.", Concerns: "Unsure whom to ask when Priya is busy."},
}

// managerSteps are the plan's steps Priya has done, with her notes.
var managerSteps = map[string]string{
	"one-to-ones":        "Met all four in the first week; notes on each member's page.",
	"boss-expectations":  "Agreed three success criteria with the CIO: backlog under 50, no P1 repeats, a roadmap by day 90.",
	"infra-inventory":    "Found an unsupported firewall and backups nobody had restored in a year.",
	"stakeholder-list":   "Met the CFO, head of sales and the facilities manager.",
	"skills-map":         "Backups and firewall rules sit with one person each.",
	"diagnose-situation": "A realignment: good people, priorities out of date. The CIO agrees.",
}

// LoadManager loads the second demo person: Priya Shah, a system administrator who
// became IT manager of an inherited infrastructure team 40 days before now,
// with her 30/60/90-day plan under way, one-to-ones, stakeholders, trust
// checks, a delegation list and six weeks of logged hours.
func LoadManager(ctx context.Context, j *journey.Journey, now time.Time) (*ladder.Person, error) {
	if old, err := j.Persons.FindPersonByEmail(ctx, ManagerEmail); err == nil {
		if err := j.Persons.DeletePerson(ctx, old.ID); err != nil {
			return nil, err
		}
	} else if ladder.ErrorCode(err) != ladder.ENOTFOUND {
		return nil, err
	}
	p := &ladder.Person{Name: "Priya Shah", Email: ManagerEmail, StartRole: "system-administrator", TargetRole: "it-manager"}
	if err := j.Persons.CreatePerson(ctx, p); err != nil {
		return nil, err
	}
	today := ladder.Day(now.UTC())
	start := today.AddDate(0, 0, -(managerDays - 1)) // today is day 40
	steps, err := j.BecomeManager(ctx, &ladder.ManagerRole{PersonID: p.ID, Start: start, TeamName: "Infrastructure and service desk",
		TeamSize: len(team), Title: "IT manager", Situation: "realignment"})
	if err != nil {
		return nil, err
	}
	for _, s := range steps {
		if note, ok := managerSteps[s.Key]; ok {
			if _, err := j.Manager.MarkFirst90Step(ctx, p.ID, s.ID, true, note); err != nil {
				return nil, err
			}
		}
	}
	for _, load := range []func(context.Context, *journey.Journey, *ladder.Person, time.Time, time.Time) error{
		loadTeam, loadStakeholders, loadTrust, loadDelegations, loadWeeks,
	} {
		if err := load(ctx, j, p, start, today); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func loadTeam(ctx context.Context, j *journey.Journey, p *ladder.Person, start, today time.Time) error {
	for i, m := range team {
		m.PersonID = p.ID
		m.NextOneToOne = today.AddDate(0, 0, 1+2*i)
		if err := j.Team.CreateTeamMember(ctx, &m); err != nil {
			return err
		}
		first := &ladder.OneToOne{PersonID: p.ID, MemberID: m.ID, Date: start.AddDate(0, 0, 1+i),
			Notes: "First one-to-one: what works, what frustrates, where " + m.Name + " wants to grow."}
		second := &ladder.OneToOne{PersonID: p.ID, MemberID: m.ID, Date: start.AddDate(0, 0, 22+i),
			Notes: "Follow-up on goals; agreed two concrete steps for the next month."}
		switch i {
		case 0:
			second.FollowUps = []ladder.FollowUp{
				{Text: "Draft a fairer on-call rota with Sam", Due: start.AddDate(0, 0, 30), Done: true},
				{Text: "Find budget for a Wi-Fi design course", Due: today.AddDate(0, 0, 3)},
			}
		case 1:
			second.FollowUps = []ladder.FollowUp{{Text: "Review the ticket backlog together", Due: today.AddDate(0, 0, -2)}}
		case 2:
			second.FollowUps = []ladder.FollowUp{{Text: "Show Tomasz's backup report to the CIO"}}
		}
		for _, o := range []*ladder.OneToOne{first, second} {
			if err := j.Team.CreateOneToOne(ctx, o); err != nil {
				return err
			}
		}
	}
	return nil
}

func loadStakeholders(ctx context.Context, j *journey.Journey, p *ladder.Person, _, today time.Time) error {
	for _, s := range []ladder.Stakeholder{
		{Name: "Martin Keller", Role: "CIO, my manager", Influence: 5, Interest: 5, Needs: "The three success criteria met by day 90.",
			NextContact: today.AddDate(0, 0, 2)},
		{Name: "Dana Ruiz", Role: "CFO", Influence: 5, Interest: 2, Needs: "IT costs she can predict; no surprise renewals.",
			NextContact: today.AddDate(0, 0, 14)},
		{Name: "Omar Haddad", Role: "Head of sales", Influence: 3, Interest: 5, Needs: "The CRM up during office hours, and to hear early when it is not."},
		{Name: "Julia Weber", Role: "Facilities manager", Influence: 2, Interest: 4, Needs: "Notice before work in the server room."},
		{Name: "NetServ GmbH", Role: "Network support vendor", Influence: 2, Interest: 2, Needs: "A single contact for tickets."},
		{Name: "Chen Li", Role: "Head of HR", Influence: 4, Interest: 2, Needs: "New starters with working accounts on day one."},
	} {
		s.PersonID = p.ID
		if err := j.Stakeholders.CreateStakeholder(ctx, &s); err != nil {
			return err
		}
	}
	return nil
}

func loadTrust(ctx context.Context, j *journey.Journey, p *ladder.Person, start, today time.Time) error {
	weeks := [][]string{
		{"held-one-to-ones", "shared-priorities", "open-time"},
		{"held-one-to-ones", "explained-decision", "answered-within-a-day", "summarised-back"},
		{"shared-priorities", "kept-commitments", "gave-credit", "asked-for-feedback"},
		{"held-one-to-ones", "passed-on-news", "handed-over", "let-them-solve", "admitted-mistake"},
		{"shared-priorities", "held-one-to-ones", "gave-credit", "thanked-for-bad-news", "followed-own-rules"},
		{"held-one-to-ones", "shared-priorities"}, // this week, so far
	}
	for i, habits := range weeks {
		week := ladder.WeekOf(start).AddDate(0, 0, 7*i)
		if week.After(today) {
			break
		}
		if err := j.Manager.SetTrustWeek(ctx, &ladder.TrustWeek{PersonID: p.ID, Week: week, Habits: habits}); err != nil {
			return err
		}
	}
	return nil
}

func loadDelegations(ctx context.Context, j *journey.Journey, p *ladder.Person, _, _ time.Time) error {
	for _, d := range []ladder.Delegation{
		{Task: "Monthly patching of the file servers", Owner: "Tomasz Nowak", Status: ladder.DelegationDelegated, HoursPerWeek: 3,
			Notes: "He runs it on his own since week 3."},
		{Task: "Backup restore tests", Owner: "Tomasz Nowak", Status: ladder.DelegationHandingOver, HoursPerWeek: 2,
			Notes: "Did the last one together; he leads the next."},
		{Task: "Firewall rule changes", Owner: "Sam Okafor", Status: ladder.DelegationHandingOver, HoursPerWeek: 2.5},
		{Task: "New-starter accounts", Owner: "Aisha Bello", Status: ladder.DelegationDelegated, HoursPerWeek: 1.5},
		{Task: "Vendor escalations with NetServ", Owner: "Lea Brandt", Status: ladder.DelegationMine, HoursPerWeek: 2,
			Notes: "Keep until the new contract is signed."},
		{Task: "Storage capacity reports", Status: ladder.DelegationMine, HoursPerWeek: 1},
	} {
		d.PersonID = p.ID
		if err := j.Delegations.CreateDelegation(ctx, &d); err != nil {
			return err
		}
	}
	return nil
}

// loadWeeks logs the weeks since the start: hands-on work gives way to
// managing as the hand-overs land.
func loadWeeks(ctx context.Context, j *journey.Journey, p *ladder.Person, start, today time.Time) error {
	split := [][2]float64{{28, 12}, {24, 16}, {22, 18}, {18, 22}, {16, 24}, {14, 25}}
	for i, h := range split {
		week := ladder.WeekOf(start).AddDate(0, 0, 7*i)
		if week.After(today) {
			break
		}
		if err := j.Learning.LogWeek(ctx, &ladder.TimeLog{PersonID: p.ID, Week: week, TechnicalHours: h[0], ManagerialHours: h[1],
			LearningHours: 2}); err != nil {
			return err
		}
	}
	return nil
}
