package e2e

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/ladderhq/ladder/internal/demo"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/sqldb"
)

// TestMentorsAndNetwork walks the demo person's mentor and network pages:
// the checklist and the suggested agenda, an agreed action refused without
// a plan and then added in one click, a new session from the pre-filled
// agenda, a new contact and "contacted today".
func TestMentorsAndNetwork(t *testing.T) {
	a := startApp(t, sqldb.SQLite, true)
	b := newBrowser(t, 1280, 1000)
	b.do("open the demo", chromedp.Navigate(a.URL+"/"), chromedp.WaitVisible(css("svg.chart-radar")))

	b.do("mentors", chromedp.Navigate(a.URL+"/mentors"), chromedp.WaitVisible(css("main h1")))
	b.mustSee("Helen Okafor", "4 of 5 met", "Head of IT operations, Riverside Health Trust")
	b.shot("mentors")

	b.do("open the mentor", chromedp.Click(css(`main table a`)), chromedp.WaitVisible(css("#s-agenda")))
	b.mustSee("What makes a good mentor", "Suggested agenda for your next session", "their strength",
		"Ask my manager to own the licence budget line for next year")
	agenda, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector("#s-agenda").value`))
	if err != nil || agenda == "" {
		t.Fatalf("the new-session form has no agenda (%v)", err)
	}
	b.expect("status of 409", "add to the plan without a plan",
		chromedp.Click(css(`form[action$="/plan"] button`)),
		chromedp.WaitVisible(css(`.agreed .field-error`)))
	b.mustSee("You have no plan yet", "Go to your plan")

	ctx := context.Background()
	p, err := a.J.Persons.FindPersonByEmail(ctx, demo.Email)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.J.GeneratePlan(ctx, p, journey.PlanOptions{Months: 12}); err != nil {
		t.Fatal(err)
	}
	b.do("add to the plan in one click",
		chromedp.Navigate(a.URL+fmt.Sprintf("/mentors/%d", mentorID(t, a, p.ID))),
		chromedp.WaitVisible(css(`form[action$="/plan"] button`)),
		chromedp.Click(css(`form[action$="/plan"] button`)),
		chromedp.WaitVisible(css(".flash")))
	b.mustSee("Added to your plan: Ask my manager to own the licence budget line", "in your plan")

	b.do("plan a session from the suggested agenda",
		chromedp.SetValue(css("#s-date"), "2030-01-15"),
		chromedp.SendKeys(css("#s-actions"), "Budgeting: Bring last year's actuals"),
		chromedp.Click(css(`form[action$="/sessions"] button[type=submit]`)),
		// The page before had a flash too: wait for the new one's words.
		chromedp.WaitVisible(flash("Session of 15 Jan 2030 saved.")))
	b.mustSee("Bring last year's actuals")
	b.shot("mentor")

	b.do("network", chromedp.Navigate(a.URL+"/network"), chromedp.WaitVisible(css("#contacts-h")))
	b.mustSee("Priya Nair", "follow up this week", "Project Management Institute (PMI)", "ISACA", "ITSM Forum annual conference")
	b.expect("status of 422", "a contact without a name",
		chromedp.Click(css(`#contacts > details > summary`)),
		chromedp.Click(css(`form[action="/network/contacts"] button`)),
		chromedp.WaitVisible(css(`#contacts .form-error`)))
	b.mustSee("Name is required")
	b.do("add a contact",
		chromedp.SendKeys(css(`form[action="/network/contacts"] input[name=name]`), "Jordan Blake"),
		chromedp.SendKeys(css(`form[action="/network/contacts"] input[name=organisation]`), "Tailspin Toys"),
		chromedp.Click(css(`form[action="/network/contacts"] button`)),
		chromedp.WaitVisible(css(".flash")))
	b.mustSee("Added Jordan Blake to your network.")
	b.do("contacted Priya today",
		chromedp.SetValue(css(`#contacts article:first-of-type input[name=next]`), "2030-02-01"),
		chromedp.Click(css(`#contacts article:first-of-type form[action$="/contacted"] button`)),
		chromedp.WaitVisible(flash("In touch with Priya Nair today. Next follow-up: 1 Feb 2030.")))
	b.shot("network")
}

// flash selects the flash message holding text.
func flash(text string) chromedp.Search {
	return chromedp.Search(`//p[@class="flash"][contains(., "` + text + `")]`)
}

func mentorID(t *testing.T, a *app, personID int64) int64 {
	t.Helper()
	ms, err := a.J.Mentors.FindMentors(context.Background(), personID)
	if err != nil || len(ms) == 0 {
		t.Fatalf("no mentor: %v", err)
	}
	return ms[0].ID
}
