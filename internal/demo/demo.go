// Package demo creates Ladder's demo person: Alex Moreno, a system
// administrator of six years who wants to become an IT manager, with two
// self-assessments six months apart and an evidence log of the leadership
// Alex has shown, so a newcomer sees a filled app at once.
package demo

import (
	"context"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// Email is the demo person's address; loading the demo again replaces them.
const Email = "alex.moreno@example.com"

// first and second are the two self-assessments. Alex starts strong on the
// technical side and in calm problem-solving, weak on money, vendors and
// people leadership; six months later, after leading a migration project and
// owning a budget line, some of that has moved.
var first = map[string]int{
	"delegation": 2, "motivating-teams": 2, "conflict-resolution": 2, "developing-people": 3, "building-trust": 3,
	"team-dynamics": 2, "technical-translation": 3, "cross-team-collaboration": 2, "negotiation": 1,
	"clear-instructions": 3, "stakeholder-communication": 2, "executive-presentation": 1, "self-awareness": 3,
	"self-regulation": 3, "empathy": 3, "social-skills": 2, "business-processes": 2, "budgeting": 1,
	"cost-benefit-analysis": 2, "vendor-management": 2, "it-business-value": 2, "business-alignment": 2,
	"strategic-planning": 1, "innovation": 3, "risk-management": 3, "service-management": 3,
	"policy-governance": 2, "delivery-methods": 2, "project-tooling": 3, "scope-management": 2,
	"resource-management": 2, "schedule-management": 2, "decisions-under-pressure": 3, "problem-solving": 4,
	"prioritisation": 3, "technical-credibility": 4, "architecture-judgement": 3, "technology-currency": 4,
}

var second = map[string]int{
	"delegation": 3, "motivating-teams": 2, "conflict-resolution": 2, "developing-people": 3, "building-trust": 3,
	"team-dynamics": 3, "technical-translation": 3, "cross-team-collaboration": 3, "negotiation": 2,
	"clear-instructions": 3, "stakeholder-communication": 3, "executive-presentation": 2, "self-awareness": 3,
	"self-regulation": 3, "empathy": 3, "social-skills": 3, "business-processes": 2, "budgeting": 2,
	"cost-benefit-analysis": 2, "vendor-management": 2, "it-business-value": 2, "business-alignment": 2,
	"strategic-planning": 2, "innovation": 3, "risk-management": 3, "service-management": 3,
	"policy-governance": 2, "delivery-methods": 3, "project-tooling": 3, "scope-management": 3,
	"resource-management": 2, "schedule-management": 3, "decisions-under-pressure": 3, "problem-solving": 4,
	"prioritisation": 3, "technical-credibility": 4, "architecture-judgement": 3, "technology-currency": 4,
}

// notes explain a few answers in Alex's words, as a real person would.
var notes = map[string]string{
	"budgeting":   "Never owned a budget; I only send quotes to my manager.",
	"negotiation": "I let my manager talk to vendors.",
	"delegation":  "Handed the patch rota to Priya this spring; checking in less each week.",
}

// evidence is Alex's log, dated in months before now (start, end; end -1
// for a single date). The office move is over three years old, so it counts
// half. Budgeting has one entry only: it confirms the rating, lifts nothing.
var evidence = []struct {
	from, to int
	e        ladder.Evidence
}{
	{11, 5, ladder.Evidence{Kind: ladder.EvidenceLedProject, Title: "Led the storage migration to the new SAN",
		Description: "The old array was out of support and 80% full. I planned the move of 40 TB in six waves, " +
			"split the work between three colleagues, agreed the outage windows with the department heads and " +
			"moved everything with one planned weekend of downtime and no data lost.",
		Competencies: []string{"scope-management", "schedule-management", "delegation", "stakeholder-communication", "resource-management"},
		PeopleCount:  4}},
	{10, 1, ladder.Evidence{Kind: ladder.EvidenceMentored, Title: "Mentored Priya, a junior administrator, through her first year",
		Description: "Fortnightly one-to-ones, a learning plan for Linux and networking, and a handover of the patch rota " +
			"that she now runs on her own.",
		Competencies: []string{"developing-people", "delegation", "clear-instructions"}, PeopleCount: 1}},
	{14, 0, ladder.Evidence{Kind: ladder.EvidenceFacilitated, Title: "Ran the on-call rota and its monthly review",
		Description: "Took over a rota that people swapped by chat at the last minute; set fair rules, a monthly " +
			"review of incidents and load, and settled a long-running dispute about weekend cover.",
		Competencies: []string{"team-dynamics", "motivating-teams", "conflict-resolution", "resource-management"}, PeopleCount: 6}},
	{4, -1, ladder.Evidence{Kind: ladder.EvidenceExecPresentation, Title: "Presented the backup budget to the finance director",
		Description: "Asked to justify a new backup system, I showed three options with their cost over five years and the " +
			"risk each leaves. The finance director approved the middle one, 9,500 EUR below the vendor's first design.",
		Competencies: []string{"executive-presentation", "budgeting", "cost-benefit-analysis", "technical-translation"},
		MoneySaved:   ladder.Money{Amount: 9500, Currency: "EUR"}}},
	{3, -1, ladder.Evidence{Kind: ladder.EvidenceVendor, Title: "Negotiated the storage support renewal",
		Description: "Compared the renewal quote with two resellers and our real usage, dropped an unused support tier " +
			"and signed a three-year renewal for 12,000 EUR less than quoted.",
		Competencies: []string{"negotiation", "vendor-management", "cost-benefit-analysis"},
		MoneySaved:   ladder.Money{Amount: 12000, Currency: "EUR"}}},
	{2, -1, ladder.Evidence{Kind: ladder.EvidenceIncidentLead, Title: "Led the response to a P1 outage of the file servers",
		Description: "Took the incident lead when a failed firmware update took the file servers down: split the team into " +
			"fix and communication, sent hourly updates to the business and restored service in three and a half hours; " +
			"wrote the review with five actions.",
		Competencies: []string{"decisions-under-pressure", "stakeholder-communication", "clear-instructions", "problem-solving"},
		PeopleCount:  5}},
	{8, 7, ladder.Evidence{Kind: ladder.EvidenceProcessImprovement, Title: "Automated new-starter account set-up",
		Description: "Replaced a 40-step manual checklist with a script and a form HR fills in; set-up went from two hours " +
			"to ten minutes per new starter.",
		Competencies: []string{"service-management", "innovation"}, HoursSaved: 110}},
	{50, 48, ladder.Evidence{Kind: ladder.EvidenceLedProject, Title: "Coordinated the network cut-over for the office move",
		Description: "Planned the cabling, switch and firewall move with the facilities team and the ISP; the office opened on " +
			"Monday with everything working.",
		Competencies: []string{"schedule-management", "cross-team-collaboration", "stakeholder-communication"}, PeopleCount: 3}},
}

// Load creates (or re-creates) the demo person, their assessments and
// evidence log and returns the person. now dates the second assessment.
func Load(ctx context.Context, j *journey.Journey, now time.Time) (*ladder.Person, error) {
	return load(ctx, j, now, nil)
}

// load is Load with before, when set, run after Alex's history and before
// his open round of feedback (LoadOrg builds the organisation there).
func load(ctx context.Context, j *journey.Journey, now time.Time, before func(*ladder.Person) error) (*ladder.Person, error) {
	if old, err := j.Persons.FindPersonByEmail(ctx, Email); err == nil {
		if err := j.Persons.DeletePerson(ctx, old.ID); err != nil {
			return nil, err
		}
	} else if ladder.ErrorCode(err) != ladder.ENOTFOUND {
		return nil, err
	}
	p := &ladder.Person{Name: "Alex Moreno", Email: Email, StartRole: "system-administrator", TargetRole: "it-manager"}
	if err := j.Persons.CreatePerson(ctx, p); err != nil {
		return nil, err
	}
	now = now.UTC().Truncate(time.Second)
	for i, levels := range []map[string]int{first, second} {
		at := now.AddDate(0, -6*(1-i), 0)
		a := &ladder.Assessment{PersonID: p.ID, Kind: ladder.AssessSelf, TargetRole: p.TargetRole,
			StartedAt: at.Add(-25 * time.Minute), CompletedAt: at}
		for k, l := range levels {
			note := ""
			if i == 0 {
				note = notes[k]
			}
			a.Ratings = append(a.Ratings, ladder.Rating{Competency: k, Level: l, Note: note, RatedAt: at})
		}
		if err := j.Assessments.CreateAssessment(ctx, a); err != nil {
			return nil, err
		}
	}
	for _, x := range evidence {
		e := x.e
		e.PersonID = p.ID
		e.Competencies = append([]string(nil), x.e.Competencies...)
		e.Start = ladder.Day(now.AddDate(0, -x.from, 0))
		if x.to >= 0 {
			e.End = ladder.Day(now.AddDate(0, -x.to, 0))
		}
		if err := j.Evidence.CreateEvidence(ctx, &e); err != nil {
			return nil, err
		}
	}
	if err := loadNetwork(ctx, j, p, now); err != nil {
		return nil, err
	}
	if err := loadLanding(ctx, j, p, now); err != nil {
		return nil, err
	}
	if before != nil {
		if err := before(p); err != nil {
			return nil, err
		}
	}
	if err := loadFeedback(ctx, j, p); err != nil {
		return nil, err
	}
	return p, nil
}

// SeedHistory adds completed self-assessments to p, one a week back from now,
// until p has n in all, each rating every competency of the model. It exists
// for benchmarks that need a long history.
func SeedHistory(ctx context.Context, j *journey.Journey, p *ladder.Person, n int, now time.Time) error {
	m, err := j.Model(ctx)
	if err != nil {
		return err
	}
	have, err := j.Assessments.FindAssessments(ctx, ladder.AssessmentFilter{PersonID: p.ID})
	if err != nil {
		return err
	}
	for i := len(have); i < n; i++ {
		at := now.AddDate(0, 0, -7*(n-i))
		a := &ladder.Assessment{PersonID: p.ID, Kind: ladder.AssessSelf, TargetRole: p.TargetRole, StartedAt: at, CompletedAt: at}
		for k, c := range m.Competencies() {
			a.Ratings = append(a.Ratings, ladder.Rating{Competency: c.Key, Level: 1 + (i+k)%5})
		}
		if err := j.Assessments.CreateAssessment(ctx, a); err != nil {
			return err
		}
	}
	return nil
}
