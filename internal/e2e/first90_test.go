package e2e

import (
	"context"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/demo"
	"github.com/ladderhq/ladder/internal/sqldb"
)

// TestFirst90 walks the first 90 days as a new manager: the set-up form and
// its preview, recording the role, marking a step, a team member with a
// one-to-one, the stakeholder map, the trust checklist and the delegation
// list; then the same pages filled with the manager demo (Priya Shah).
func TestFirst90(t *testing.T) {
	a := startApp(t, sqldb.SQLite, false)
	b := newBrowser(t, 1280, 900)
	b.do("create the owner account",
		chromedp.Navigate(a.URL+"/"), chromedp.WaitVisible(css("#name")),
		chromedp.SendKeys(css("#name"), "Sam Okafor"),
		chromedp.SendKeys(css("#email"), "sam@example.com"),
		chromedp.SendKeys(css("#password"), "correct horse battery"),
		chromedp.Click(css(`main button[type=submit]`)),
		chromedp.WaitVisible(css("#q")))

	b.do("first 90: set-up", chromedp.Navigate(a.URL+"/first90"), chromedp.WaitVisible(css("#team_name")))
	b.mustSee("I have become a manager", "Turnaround", "Sustaining success")
	b.shot("first90-01-setup")
	b.expect("status of 422", "first 90: a bad size is refused",
		chromedp.SendKeys(css("#title"), "IT manager"),
		chromedp.SendKeys(css("#team_name"), "Infrastructure"),
		chromedp.SendKeys(css("#team_size"), "four"),
		chromedp.Click(css(`button[name=preview]`)),
		chromedp.WaitVisible(css("#team-size-error")))
	b.mustSee("Team size must be a whole number")
	b.do("first 90: preview",
		chromedp.SetValue(css("#team_size"), "4"),
		chromedp.Click(css(`input[name=situation][value=realignment]`)),
		chromedp.Click(css(`button[name=preview]`)),
		chromedp.WaitVisible(css("ul.steps")))
	b.mustSee("A preview: nothing is saved", "Hold a first one-to-one with each team member")
	b.shot("first90-02-preview")
	b.do("first 90: record the role",
		chromedp.Click(css(`form[action="/first90"] button:not([name])`)),
		chromedp.WaitVisible(css("#today-h")))
	b.mustSee("Your 90-day plan is ready.", "Day 1 of 90", "Realignment", "Early wins to choose on purpose")
	b.do("first 90: mark the first step done",
		chromedp.Click(css(`form.step-form input[name=done]`)),
		chromedp.SendKeys(css(`form.step-form input[name=note]`), "Met all four in week one"),
		chromedp.Click(css(`form.step-form button`)),
		chromedp.WaitVisible(css("li.step.done")))
	b.mustSee("Done: Hold a first one-to-one", "1 of 21 steps done")
	b.do("first 90: log the week",
		chromedp.SendKeys(css("#technical"), "24"),
		chromedp.SendKeys(css("#managerial"), "16"),
		chromedp.Click(css(`form[action="/first90/week"] button`)),
		chromedp.WaitVisible(css("svg.chart-bars")))
	b.shot("first90-03-plan")

	b.do("team: add a member",
		chromedp.Navigate(a.URL+"/team"), chromedp.WaitVisible(css("#m-name")),
		chromedp.SendKeys(css("#m-name"), "Lea Brandt"),
		chromedp.SendKeys(css("#m-role"), "Service desk lead"),
		chromedp.SendKeys(css("#m-goals"), "Move towards service management"),
		chromedp.Click(css(`form[action="/team"] button`)),
		chromedp.WaitVisible(css("#new-h")))
	b.mustSee("Added Lea Brandt to your team.")
	b.do("team: record a one-to-one",
		chromedp.SendKeys(css("#notes"), "The ticket backlog worries her."),
		chromedp.SendKeys(css("#fu-0"), "Review the backlog together"),
		chromedp.SendKeys(css("#fu-1"), "Find an ITIL course"),
		chromedp.Click(css(`form[action$="/one-to-ones"] button`)),
		chromedp.WaitVisible(css("ul.follow-ups")))
	b.mustSee("Recorded the one-to-one", "Review the backlog together")
	b.do("team: tick a follow-up off",
		chromedp.Click(css(`ul.follow-ups form button`)),
		chromedp.WaitVisible(css("ul.follow-ups li.done")))
	b.shot("first90-04-team-member")

	b.do("stakeholders: add one",
		chromedp.Navigate(a.URL+"/stakeholders"), chromedp.WaitVisible(css("#new-name")),
		chromedp.SendKeys(css("#new-name"), "Dana Ruiz"),
		chromedp.SendKeys(css("#new-role"), "CFO"),
		chromedp.SetValue(css("#new-influence"), "5"),
		chromedp.SetValue(css("#new-interest"), "2"),
		chromedp.Click(css(`form[action="/stakeholders"] button`)),
		chromedp.WaitVisible(css("svg.chart-grid2")))
	b.mustSee("Saved Dana Ruiz: keep satisfied.")

	b.do("trust: tick habits",
		chromedp.Navigate(a.URL+"/trust"), chromedp.WaitVisible(css(`input[value=held-one-to-ones]`)),
		chromedp.Click(css(`input[value=held-one-to-ones]`)),
		chromedp.Click(css(`input[value=gave-credit]`)),
		chromedp.Click(css(`form[action="/trust"] button`)),
		chromedp.WaitVisible(css("p.flash")))
	b.mustSee("2 habits ticked", "2 of 15")

	b.do("delegation: add a task",
		chromedp.Navigate(a.URL+"/delegation"), chromedp.WaitVisible(css("#new-task")),
		chromedp.SendKeys(css("#new-task"), "Backup restore tests"),
		chromedp.SendKeys(css("#new-owner"), "Tomasz"),
		chromedp.SendKeys(css("#new-hours"), "2"),
		chromedp.Click(css(`form[action="/delegation"] button`)),
		chromedp.WaitVisible(css("article.entry")))
	b.mustSee("Backup restore tests", "still yours: 2 h")

	// The same pages, filled: the manager demo.
	ctx := context.Background()
	p, err := demo.LoadManager(ctx, a.J, a.J.DB.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := sqldb.NewAuthService(a.J.DB).CreateAccount(ctx, p.ID, ladder.AccountMember, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	team, err := a.J.Team.FindTeamMembers(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	b.do("sign in as the demo manager",
		chromedp.Click(css(`form.logout button`)), chromedp.WaitVisible(css("#email")),
		chromedp.SendKeys(css("#email"), demo.ManagerEmail),
		chromedp.SendKeys(css("#password"), "correct horse battery"),
		chromedp.Click(css(`main button[type=submit]`)),
		chromedp.WaitVisible(css("form.logout")))
	b.do("demo: first 90", chromedp.Navigate(a.URL+"/first90"), chromedp.WaitVisible(css("#today-h")))
	b.mustSee("Day 40 of 90", "Days 31-60: plan and start", "Realignment")
	b.shot("first90-10-demo-plan")
	for _, m := range team {
		if m.Name == "Sam Okafor" {
			b.do("demo: a team member", chromedp.Navigate(a.URL+"/team/"+strconv.FormatInt(m.ID, 10)), chromedp.WaitVisible(css("ul.follow-ups")))
			b.mustSee("Find budget for a Wi-Fi design course")
			b.shot("first90-11-demo-team-member")
		}
	}
	b.do("demo: team", chromedp.Navigate(a.URL+"/team"), chromedp.WaitVisible(css("main table")))
	b.shot("first90-12-demo-team")
	b.do("demo: stakeholders", chromedp.Navigate(a.URL+"/stakeholders"), chromedp.WaitVisible(css("svg.chart-grid2")))
	b.mustSee("Martin Keller", "Manage closely")
	b.shot("first90-13-demo-stakeholders")
	b.do("demo: trust", chromedp.Navigate(a.URL+"/trust"), chromedp.WaitVisible(css("main table")))
	b.shot("first90-14-demo-trust")
	b.do("demo: delegation", chromedp.Navigate(a.URL+"/delegation"), chromedp.WaitVisible(css("#hours-h")))
	b.mustSee("Hours freed: 4.5 h a week")
	b.shot("first90-15-demo-delegation")
}
