package e2e

import (
	"context"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/bench/orgseed"
	"github.com/ladderhq/ladder/internal/sqldb"
)

// TestPipeline walks the pipeline views as a programme admin of a seeded
// organisation (bench/orgseed, small): the Pipeline tab, the list of
// programmes, a programme's pipeline with its bench strength and rows
// ("Not shared" where members do not share), a cohort chosen, the order
// by name, a programme without cohorts; on a desktop and on a phone.
func TestPipeline(t *testing.T) {
	a := startApp(t, sqldb.SQLite, false)
	ctx := context.Background()
	res, err := orgseed.Seed(ctx, a.J.DB, orgseed.Config{People: 120, Programme: 30, Cohorts: 2, Rounds: 40, Raters: 8, Asked: 9,
		ClosedShare: 0.5, Seed: 3})
	pipelineE2EMust(t, err)
	const password = "ada's long password"
	pipelineE2EMust(t, sqldb.NewAuthService(a.J.DB).ResetPassword(ctx, res.AdminID, password))
	admin, err := a.J.Persons.FindPersonByID(ctx, res.AdminID)
	pipelineE2EMust(t, err)
	empty := &ladder.OrgProgramme{Name: "Future CIOs", TargetRole: "cio", Start: ladder.Day(a.J.DB.Now()), End: ladder.Day(a.J.DB.Now()).AddDate(1, 0, 0)}
	pipelineE2EMust(t, a.J.SaveProgramme(ctx, admin, empty))
	signIn := func(b *browser) {
		b.do("sign in as a programme admin",
			chromedp.Navigate(a.URL+"/login"), chromedp.WaitVisible(css("#email")),
			chromedp.SendKeys(css("#email"), admin.Email), chromedp.SendKeys(css("#password"), password),
			chromedp.Click(css(`form[action="/login"] button`)), chromedp.WaitVisible(css("form.logout")))
	}
	page := a.URL + "/org/programmes/" + strconv.FormatInt(res.ProgrammeID, 10) + "/pipeline"

	b := newBrowser(t, 1280, 1000)
	signIn(b)
	b.do("the organisation", chromedp.Navigate(a.URL+"/org"), chromedp.WaitVisible(css(`nav.tabs a[href="/org/pipeline"]`)))
	b.do("the Pipeline tab", chromedp.Click(css(`nav.tabs a[href="/org/pipeline"]`)), chromedp.WaitVisible(css("#list-h")))
	b.mustSee("Future IT managers", "Future CIOs", "Towards IT manager")
	b.do("the programme's pipeline", chromedp.Click(css(`main a[href^="/org/programmes/1/"]`)), chromedp.WaitVisible(css("#bench-h")))
	b.mustSee("Pipeline: Future IT managers", "Bench strength for IT manager", "Ready now", "Within 6 months", "Not shared",
		"How “ready when” is worked out", "Cohort 1", "Download the rows")
	b.shot("pipeline")

	b.do("one cohort, by name",
		chromedp.SetValue(css("#p-cohort"), "2"),
		chromedp.SetValue(css("#p-sort"), "name"),
		chromedp.Click(css(`form[action$="/pipeline"] button`)),
		chromedp.WaitVisible(chromedp.Search(`//p[@class="lead"][contains(., "in the cohort Cohort 2")]`)))
	b.mustSee(`Order: readiness · name`)
	b.do("order by readiness", chromedp.Click(css(`p.pipeline-order a`)), chromedp.WaitVisible(css(`th[aria-sort="descending"]`)))

	b.do("a programme without cohorts",
		chromedp.Navigate(a.URL+"/org/programmes/"+strconv.FormatInt(empty.ID, 10)+"/pipeline"),
		chromedp.WaitVisible(chromedp.Search(`//h2[contains(., "No cohorts yet")]`)))
	b.shot("pipeline-empty")

	b.do("the link from the programme", chromedp.Navigate(page[:len(page)-len("/pipeline")]),
		chromedp.WaitVisible(css(`a[href$="/pipeline"].button`)))

	phone := newBrowser(t, 390, 844)
	signIn(phone)
	phone.do("the pipeline on a phone", chromedp.Navigate(page), chromedp.WaitVisible(css("#bench-h")))
	phone.mustSee("Bench strength for IT manager", "Not shared")
	phone.shot("pipeline-phone")
}

func pipelineE2EMust(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
