package demo

import (
	"context"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// loadNetwork gives Alex a mentor from outside the company with a session
// held three weeks ago and one planned for next week, five contacts (one
// to follow up this week), a PMI membership and ISACA under consideration,
// and two events: one attended, one planned.
func loadNetwork(ctx context.Context, j *journey.Journey, p *ladder.Person, now time.Time) error {
	today := ladder.Day(now)
	m := &ladder.Mentor{PersonID: p.ID, Name: "Helen Okafor", Organisation: "Riverside Health Trust", Role: "Head of IT operations",
		Background: "Went from network engineer to running a 25-person IT operations team over eight years; " +
			"owns a seven-figure budget and three major vendor contracts.",
		Strengths: []string{"budgeting", "vendor-management", "stakeholder-communication", "delegation"},
		Contact:   "helen.okafor@example.org, Tuesdays after 4 pm",
		Criteria:  []string{"it-management-experience", "willing-to-share", "approachable", "constructive-feedback"},
		Notes:     "Met through the regional ISACA chapter. Prefers a short agenda sent the day before."}
	if err := j.Mentors.CreateMentor(ctx, m); err != nil {
		return err
	}
	sessions := []*ladder.MentoringSession{
		{PersonID: p.ID, MentorID: m.ID, Date: today.AddDate(0, 0, -21), Status: ladder.SessionHeld,
			Agenda: "- Budgeting: how she built her first budget\n- Vendor management: the storage renewal",
			Notes: "Start next year's budget from this year's actuals, not from wishes. Keep a one-page list of every " +
				"contract with its renewal date. She was frank that my renewal went well but that I should have " +
				"brought finance in earlier.",
			Actions: []ladder.AgreedAction{
				{Text: "Ask my manager to own the licence budget line for next year", Competency: "budgeting"},
				{Text: "List every IT contract with its renewal date and owner", Competency: "vendor-management"},
				{Text: "Send the finance director a one-page summary of the backup project"},
			}},
		{PersonID: p.ID, MentorID: m.ID, Date: today.AddDate(0, 0, 7), Status: ladder.SessionPlanned,
			Agenda: "- Budgeting: what to ask for in the licence line\n- Executive presentation: feedback on my one-pager"},
	}
	for _, s := range sessions {
		if err := j.Mentors.CreateMentoringSession(ctx, s); err != nil {
			return err
		}
	}
	contacts := []*ladder.Contact{
		{Name: "Priya Nair", Organisation: "Contoso Logistics", Title: "IT manager", WhereMet: "ISACA chapter meeting",
			HowHelp: "Moved from sysadmin to IT manager two years ago; happy to talk about the first year.",
			Reach:   "LinkedIn", LastContact: today.AddDate(0, -1, 0), NextContact: today.AddDate(0, 0, 2),
			Notes: "Promised to send her my storage migration write-up."},
		{Name: "Marcus Webb", Organisation: "Northwind Traders", Title: "Service desk lead", WhereMet: "ITSM meetup",
			HowHelp: "Runs an ITIL-based service desk; can show their change process.", Reach: "marcus.webb@example.com",
			LastContact: today.AddDate(0, -2, 0), NextContact: today.AddDate(0, 0, 24)},
		{Name: "Sofia Lindqvist", Organisation: "Our finance team", Title: "Finance business partner", WhereMet: "Backup budget review",
			HowHelp: "Explains how finance reads an IT budget request.", Reach: "Teams", LastContact: today.AddDate(0, 0, -30)},
		{Name: "Tom Reyes", Organisation: "Fabrikam", Title: "Head of infrastructure", WhereMet: "Cloud Summit",
			HowHelp: "Hires team leads; knows what he looks for in interviews.", Reach: "LinkedIn",
			NextContact: today.AddDate(0, 1, 10)},
		{Name: "Aisha Bello", Organisation: "Local PMI chapter", Title: "Chapter volunteer coordinator",
			WhereMet: "PMI chapter evening", HowHelp: "Looking for volunteers to help run chapter events.", Reach: "aisha.bello@example.org"},
	}
	for _, c := range contacts {
		c.PersonID = p.ID
		if err := j.Network.CreateContact(ctx, c); err != nil {
			return err
		}
	}
	memberships := []*ladder.Membership{
		{PersonID: p.ID, OrgKey: "pmi", Status: ladder.MembershipMember, Since: today.AddDate(-1, -2, 0),
			Renewal: today.AddDate(0, 10, 0), Notes: "Chapter evenings on the first Thursday of the month."},
		{PersonID: p.ID, OrgKey: "isaca", Status: ladder.MembershipConsidering,
			Notes: "Helen says the risk and governance talks helped her most with auditors."},
	}
	for _, ms := range memberships {
		if err := j.Network.CreateMembership(ctx, ms); err != nil {
			return err
		}
	}
	events := []*ladder.NetworkEvent{
		{PersonID: p.ID, Name: "Regional Cloud Summit", Date: today.AddDate(0, -2, -5), Location: "Manchester",
			Status: ladder.EventAttended, Notes: "Best talk: running a small team through a cloud migration.",
			ContactIDs: []int64{contacts[3].ID}},
		{PersonID: p.ID, Name: "ITSM Forum annual conference", Date: today.AddDate(0, 1, 12), Location: "Birmingham",
			Status: ladder.EventPlanned, Notes: "Go to the service-desk leadership track; ask Marcus to meet there.",
			ContactIDs: []int64{contacts[1].ID}},
	}
	for _, ev := range events {
		if err := j.Network.CreateNetworkEvent(ctx, ev); err != nil {
			return err
		}
	}
	return nil
}
