package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/ladderhq/ladder/internal/demo"
	"github.com/ladderhq/ladder/internal/sqldb"
)

// TestLanding walks the demo person's opportunities, resume and interview
// practice in a browser: add an opportunity (after a refused empty one),
// move it on its page, reword and hide resume bullets, practise a
// question. Screenshots on a desktop and on a phone.
func TestLanding(t *testing.T) {
	a := startApp(t, sqldb.SQLite, true)
	b := newBrowser(t, 1280, 1000)

	// The first visit of demo mode signs in and lands on the dashboard.
	b.do("sign in", chromedp.Navigate(a.URL+"/"), chromedp.WaitVisible(css("svg.chart-radar")))
	b.do("opportunities", chromedp.Navigate(a.URL+"/opportunities"), chromedp.WaitVisible(css(".board")))
	b.mustSee("Team lead, infrastructure and operations", "Northwind Logistics", "Lead the service-desk tool selection",
		"Discussed with supervisor", "Applied", "Taken")
	b.shot("landing-01-opportunities")
	b.expect("status of 422", "an opportunity without a title",
		chromedp.Click(css(`form[action="/opportunities"] button[type=submit]`)),
		chromedp.WaitVisible(css("#title-error")))
	b.mustSee("Title is required")
	b.do("add an opportunity",
		chromedp.SendKeys(css("#title"), "Acting team lead while Dana is on leave"),
		chromedp.SendKeys(css("#organisation"), "Our IT department"),
		chromedp.Click(css(`input[name=internal]`)),
		chromedp.SetValue(css("#kind"), "acting-role"),
		chromedp.SendKeys(css("#next_step"), "Agree the handover list with Dana"),
		chromedp.Click(css(`form[action="/opportunities"] button[type=submit]`)),
		chromedp.WaitVisible(css(".flash")))
	b.mustSee("Added: Acting team lead while Dana is on leave.")
	b.do("open it", chromedp.Click(chromedp.Search(`//a[contains(., "Acting team lead while Dana")]`)),
		chromedp.WaitVisible(css("ol.timeline")))
	b.do("move it to discussed",
		chromedp.SetValue(css("#move-stage"), "discussed"),
		chromedp.Click(css(`form[action$="/stage"] button[type=submit]`)),
		chromedp.WaitVisible(css(".flash")))
	b.mustSee("Moved to Discussed with supervisor.", "Spotted", "Discussed with supervisor")
	b.shot("landing-02-opportunity")

	b.do("resume", chromedp.Navigate(a.URL+"/resume"), chromedp.WaitVisible(css("ol.bullets")))
	b.mustSee("Resume bullets", "Why here: Shows", "Download Markdown")
	b.shot("landing-03-resume")
	b.do("reword the first bullet",
		chromedp.Click(css("ol.bullets > li:first-child summary")),
		chromedp.SetValue(css("ol.bullets > li:first-child textarea[name=text]"), "Presented three backup options to the finance director; she chose one 9,500 EUR below the first design."),
		chromedp.Click(css("ol.bullets > li:first-child form[method=post]:not(.inline) button[type=submit]")),
		chromedp.WaitVisible(css(".flash")))
	b.mustSee("Saved your wording", "Presented three backup options to the finance director; she chose one 9,500 EUR below the first design.", "edited")
	// Each change starts from a page without a flash, so that waiting for
	// the flash waits for the answer to this change.
	b.do("hide the second bullet", chromedp.Navigate(a.URL+"/resume"), chromedp.WaitVisible(css("ol.bullets")),
		chromedp.Click(css(`ol.bullets > li:nth-child(2) form[action$="/hide"] button`)), chromedp.WaitVisible(css(".flash")))
	b.mustSee("Hidden: it stays here but leaves the downloads.")
	b.do("regenerate keeps the edit", chromedp.Navigate(a.URL+"/resume"), chromedp.WaitVisible(css("ol.bullets")),
		chromedp.Click(css(`form[action="/resume/generate"] button`)), chromedp.WaitVisible(css(".flash")))
	b.mustSee("Generated 8 bullets", "Presented three backup options to the finance director; she chose one 9,500 EUR below the first design.", "hidden")
	b.do("cover letter", chromedp.Navigate(a.URL+"/resume/cover-letter"), chromedp.WaitVisible(css("#sec-proof")))
	b.mustSee("Proof you can lead", "What you would do first")
	b.shot("landing-04-cover-letter")

	b.do("interview", chromedp.Navigate(a.URL+"/interview"), chromedp.WaitVisible(css("#suggested-h")))
	b.mustSee("Start with these", "for your role", "practised 1×")
	b.shot("landing-05-interview")
	b.do("a question", chromedp.Navigate(a.URL+"/interview/budget-cut"), chromedp.WaitVisible(css("#answer")))
	b.expect("status of 422", "an answer without a rating",
		chromedp.SendKeys(css("#answer"), "I would start from what the business cannot do without."),
		chromedp.Click(css(`form[action="/interview/budget-cut"] button[type=submit]`)),
		chromedp.WaitVisible(css("#rating-error")))
	b.mustSee("Rating must be 1-5")
	b.do("practise",
		chromedp.Click(css(`input[name=rating][value="3"]`)),
		chromedp.Click(chromedp.Search(`//label[contains(., "Presented the backup budget")]/input`)),
		chromedp.Click(css(`form[action="/interview/budget-cut"] button[type=submit]`)),
		chromedp.WaitVisible(css(".flash")))
	b.mustSee("rated 3/5", "I would start from what the business cannot do without.", "Uses: Presented the backup budget")
	b.shot("landing-06-question")

	phone := newBrowser(t, 390, 844)
	phone.do("sign in", chromedp.EmulateViewport(390, 844), chromedp.Navigate(a.URL+"/"), chromedp.WaitVisible(css("svg.chart-radar")))
	for _, page := range []struct{ path, wait, name string }{
		{"/opportunities", ".board", "landing-phone-opportunities"},
		{"/resume", "ol.bullets", "landing-phone-resume"},
		{"/interview", "#suggested-h", "landing-phone-interview"},
	} {
		phone.do(page.path, chromedp.EmulateViewport(390, 844), chromedp.Navigate(a.URL+page.path), chromedp.WaitVisible(css(page.wait)))
		phone.shot(page.name)
	}

	// With only the outside opening left, the prompt to talk to the
	// supervisor first appears; recording the talk retires it.
	ctx := context.Background()
	alex, err := a.J.Persons.FindPersonByEmail(ctx, demo.Email)
	if err != nil {
		t.Fatal(err)
	}
	os, err := a.J.Opportunities.FindOpportunities(ctx, alex.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range os {
		if o.Internal {
			if err := a.J.Opportunities.DeleteOpportunity(ctx, alex.ID, o.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	phone.do("the prompt", chromedp.Navigate(a.URL+"/opportunities"), chromedp.WaitVisible(css(".prompt")))
	phone.mustSee("Talk to your supervisor first", "Ask for the time on purpose", "I have talked to my supervisor")
	phone.shot("landing-phone-supervisor-prompt")
	phone.do("record the talk", chromedp.Click(css(`form[action="/opportunities/supervisor"] button`)), chromedp.WaitVisible(css(".flash")))
	phone.mustSee("Noted: you talked to your supervisor", "You talked to your supervisor about management on")
	if strings.Contains(phone.text(), "Ask for the time on purpose") {
		t.Error("the prompt stays after the talk")
	}
}
