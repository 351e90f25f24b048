package server

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
)

// landingFixture gives alice and bob an opportunity each ({aliceOpp},
// {bobOpp}) and resume bullets generated from their evidence
// ({aliceBullet}, {bobBullet}: the first of each); alice a second bullet
// of her own words (so there is something to reorder; no evidence entry,
// which the dashboard counts) and bob a practice answer.
func (f *webFixture) landingFixture(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	if f.extra == nil {
		f.extra = map[string]string{}
	}
	for who, title := range map[*ladder.Person]string{f.alice: "Alice's team lead role", f.bob: "Bob's secret role"} {
		name := strings.ToLower(who.Name)
		o := &ladder.Opportunity{PersonID: who.ID, Title: title, Organisation: "Acme", Internal: true, Kind: ladder.OpportunityManagementRole,
			NextStep: "Talk to " + who.Name + "'s boss"}
		if err := f.j.Opportunities.CreateOpportunity(ctx, o, time.Time{}); err != nil {
			t.Fatal(err)
		}
		f.extra["{"+name+"Opp}"] = fmt.Sprint(o.ID)
		p := f.person(t, who)
		bs, err := f.j.GenerateResume(ctx, p)
		if err != nil || len(bs) == 0 {
			t.Fatalf("resume of %s: %v %d", name, err, len(bs))
		}
		f.extra["{"+name+"Bullet}"] = fmt.Sprint(bs[0].ID)
		if who == f.alice {
			own := &ladder.ResumeBullet{Text: "Alice's own line, saved 12,000 EUR.", Edited: true}
			if err := f.j.Resume.SaveResume(ctx, who.ID, append(bs, own)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.j.Resume.CreatePracticeAnswer(ctx, &ladder.PracticeAnswer{PersonID: f.bob.ID, Question: "budget-built",
		Date: ladder.Day(time.Now()), Answer: "Bob's private answer", Rating: 2}); err != nil {
		t.Fatal(err)
	}
}

// id returns the value of a placeholder of the fixture as an id.
func (f *webFixture) extraID(t *testing.T, placeholder string) int64 {
	t.Helper()
	var id int64
	if _, err := fmt.Sscan(f.extra[placeholder], &id); err != nil {
		t.Fatalf("%s: %v", placeholder, err)
	}
	return id
}
