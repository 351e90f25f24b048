package web

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"strconv"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/certs"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/learning"
)

// Progress answers "am I getting there?" beyond readiness: plan, evidence,
// certifications, learning and the journal, each as a count with a link.
type Progress struct {
	PlanDone, PlanTotal    int
	HasPlan                bool
	Evidence, ProjectsLed  int
	LedMonths              string
	LeadershipRoles        int // mentoring, facilitating, leading incidents
	CertsPassed, CertsOpen int
	Wins                   int
	LastMood, LastMoodDate string
	Streak                 int // weeks in a row with learning
	LearningDone, Learning int
	// The way to the role: mentors, network and opportunities.
	Mentors, Contacts, EventsAttended int
	Opportunities, OpenOpportunities  int
}

// leadershipKinds are the evidence kinds that show leading people.
var leadershipKinds = map[string]bool{ladder.EvidenceMentored: true, ladder.EvidenceFacilitated: true,
	ladder.EvidenceIncidentLead: true, ladder.EvidenceResolvedConflict: true, ladder.EvidenceHiring: true}

// progress gathers the counts; it is rendered once per snapshot (the
// person's data version), so the dashboard pays for it only after a change.
func (wb *Web) progress(ctx context.Context, p *ladder.Person, now time.Time) (Progress, error) {
	var pr Progress
	if pl, err := wb.J.Plans().FindPlan(ctx, p.ID); err == nil {
		pr.HasPlan = true
		for _, g := range pl.Goals {
			for _, a := range g.Actions {
				if !a.Dropped {
					pr.PlanTotal++
					if a.Done {
						pr.PlanDone++
					}
				}
			}
		}
	} else if ladder.ErrorCode(err) != ladder.ENOTFOUND {
		return pr, err
	}
	es, n, err := wb.J.Evidence.FindEvidence(ctx, ladder.EvidenceFilter{PersonID: p.ID, Limit: 1000})
	if err != nil {
		return pr, err
	}
	pr.Evidence = n
	var led [][2]time.Time
	for _, e := range es {
		if e.Kind == ladder.EvidenceLedProject {
			led = append(led, [2]time.Time{e.Start, e.LastDay()})
		}
		if leadershipKinds[e.Kind] {
			pr.LeadershipRoles++
		}
	}
	pr.ProjectsLed = len(led)
	pr.LedMonths = strconv.FormatFloat(certs.CoveredMonths(led), 'f', 0, 64)
	cs, err := wb.J.Certifications.FindPersonCertifications(ctx, p.ID)
	if err != nil {
		return pr, err
	}
	for _, c := range cs {
		switch {
		case c.HeldAt(now):
			pr.CertsPassed++
		case c.Status == ladder.CertStudying || c.Status == ladder.CertBooked:
			pr.CertsOpen++
		}
	}
	items, err := wb.J.Learning.FindLearningItems(ctx, p.ID)
	if err != nil {
		return pr, err
	}
	logs, err := wb.J.Learning.FindWeeks(ctx, p.ID, now.AddDate(0, 0, -7*60), time.Time{})
	if err != nil {
		return pr, err
	}
	pr.Streak, pr.Learning = learning.Streak(items, logs, now), len(items)
	for _, it := range items {
		if it.Status == ladder.LearningDone {
			pr.LearningDone++
		}
	}
	_, pr.Wins, err = wb.J.Journal.FindJournal(ctx, ladder.JournalFilter{PersonID: p.ID, Kind: ladder.JournalWin, Limit: 1})
	if err != nil {
		return pr, err
	}
	mentors, err := wb.J.Mentors.FindMentors(ctx, p.ID)
	if err != nil {
		return pr, err
	}
	for _, m := range mentors {
		if m.Status == ladder.MentorActive {
			pr.Mentors++
		}
	}
	contacts, err := wb.J.Network.FindContacts(ctx, p.ID)
	if err != nil {
		return pr, err
	}
	pr.Contacts = len(contacts)
	events, err := wb.J.Network.FindNetworkEvents(ctx, p.ID)
	if err != nil {
		return pr, err
	}
	for _, e := range events {
		if e.Status == ladder.EventAttended {
			pr.EventsAttended++
		}
	}
	opps, err := wb.J.Opportunities.FindOpportunities(ctx, p.ID)
	if err != nil {
		return pr, err
	}
	pr.Opportunities = len(opps)
	for _, o := range opps {
		if o.Open() {
			pr.OpenOpportunities++
		}
	}
	recent, _, err := wb.J.Journal.FindJournal(ctx, ladder.JournalFilter{PersonID: p.ID, Limit: 20})
	if err != nil {
		return pr, err
	}
	for _, e := range recent {
		if e.Mood > 0 {
			pr.LastMood, pr.LastMoodDate = fmt.Sprintf("%d/5", e.Mood), e.Date.Format("2 Jan")
			break
		}
	}
	return pr, nil
}

// progressPanel renders the progress panel once per snapshot.
func (wb *Web) progressPanel(ctx context.Context, s *journey.Snapshot) (template.HTML, error) {
	b, err := s.Memo("web/progress", func() ([]byte, error) {
		pr, err := wb.progress(ctx, s.Person, wb.J.DB.Now())
		if err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		if err := wb.Tmpl.Fragment(&buf, "dashboard", "progress", pr); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	})
	return template.HTML(b), err
}
