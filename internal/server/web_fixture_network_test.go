package server

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
)

// addNetwork gives alice, bob and carol each a mentor with a held session
// and two agreed actions (one tied to budgeting), a contact with a
// follow-up, a membership and an event; the ids go into f.net as
// "aliceMentor", "bobSession", "carolAgreed" and so on, which scenarios
// write as {aliceMentor}.
func (f *webFixture) addNetwork(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	f.net = map[string]int64{}
	day := ladder.Day(time.Now())
	for _, p := range []*ladder.Person{f.alice, f.bob, f.carol} {
		who := strings.ToLower(p.Name)
		m := &ladder.Mentor{PersonID: p.ID, Name: p.Name + "'s mentor", Strengths: []string{"budgeting"}, Criteria: []string{"approachable"}}
		mustNet(t, f.j.Mentors.CreateMentor(ctx, m))
		s := &ladder.MentoringSession{PersonID: p.ID, MentorID: m.ID, Date: day.AddDate(0, 0, -7), Status: ladder.SessionHeld,
			Agenda: p.Name + "'s agenda", Actions: []ladder.AgreedAction{{Text: p.Name + "'s budget action", Competency: "budgeting"},
				{Text: p.Name + "'s other action"}}}
		mustNet(t, f.j.Mentors.CreateMentoringSession(ctx, s))
		c := &ladder.Contact{PersonID: p.ID, Name: p.Name + "'s contact", NextContact: day.AddDate(0, 0, 2)}
		mustNet(t, f.j.Network.CreateContact(ctx, c))
		ms := &ladder.Membership{PersonID: p.ID, OrgKey: "pmi", Status: ladder.MembershipMember}
		mustNet(t, f.j.Network.CreateMembership(ctx, ms))
		ev := &ladder.NetworkEvent{PersonID: p.ID, Name: p.Name + "'s summit", Date: day.AddDate(0, 1, 0), ContactIDs: []int64{c.ID}}
		mustNet(t, f.j.Network.CreateNetworkEvent(ctx, ev))
		for k, v := range map[string]int64{"Mentor": m.ID, "Session": s.ID, "Agreed": s.Actions[0].ID, "Agreed2": s.Actions[1].ID,
			"Contact": c.ID, "Membership": ms.ID, "Event": ev.ID} {
			f.net[who+k] = v
		}
	}
}

func mustNet(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// fillNetwork adds the replacement of the network placeholders to fill.
func (f *webFixture) fillNetwork(fill func(string) string) func(string) string {
	var pairs []string
	for k, v := range f.net {
		pairs = append(pairs, "{"+k+"}", fmt.Sprint(v))
	}
	r := strings.NewReplacer(pairs...)
	return func(s string) string { return r.Replace(fill(s)) }
}
