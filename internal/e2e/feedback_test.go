package e2e

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/demo"
	"github.com/ladderhq/ladder/internal/sqldb"
)

// TestFeedback360 walks 360 feedback in the browser: the demo's open round,
// starting a round on three competencies, asking four people (mail is off,
// so each link shows once), a rater answering on the public page, the
// used link's page, closing and the results.
func TestFeedback360(t *testing.T) {
	a := startApp(t, sqldb.SQLite, true)
	b := newBrowser(t, 1280, 1000)
	b.do("open the demo", chromedp.Navigate(a.URL+"/"), chromedp.WaitVisible(css("svg.chart-radar")))

	b.do("feedback", chromedp.Navigate(a.URL+"/feedback"), chromedp.WaitVisible(css("#rounds-h")))
	b.mustSee("Before the team lead opening", "1 of 1 manager · 2 of 3 peers", "Every competency IT manager requires")
	b.shot("feedback")

	b.expect("status of 422", "a round without a title",
		chromedp.Click(css(`form[action="/feedback"] button[type=submit]`)),
		chromedp.WaitVisible(css(`.form-error`)))
	b.mustSee("Title is required")
	b.do("start a round on three competencies",
		chromedp.SendKeys(css("#title"), "After the change board quarter"),
		chromedp.Click(css(`input[name=which][value=chosen]`)),
		chromedp.Click(css(`fieldset.roles details > summary`)),
		chromedp.Click(css(`input[name=competencies][value=delegation]`)),
		chromedp.Click(css(`input[name=competencies][value=negotiation]`)),
		chromedp.Click(css(`input[name=competencies][value=stakeholder-communication]`)),
		chromedp.Click(css(`form[action="/feedback"] button[type=submit]`)),
		chromedp.WaitVisible(flash("Round started.")))
	b.mustSee("After the change board quarter", "Nobody yet.", "Delegation")

	var links []string
	for _, r := range []struct{ category, email string }{{"manager", "dana@example.com"}, {"peer", "marco@example.com"},
		{"peer", "lena@example.com"}, {"peer", "sam@example.com"}} {
		b.do("ask "+r.email,
			chromedp.SetValue(css("#category"), r.category),
			chromedp.SendKeys(css("#email"), r.email),
			chromedp.Click(css(`form[action$="/raters"] button[type=submit]`)),
			// The page before may show a link too: wait for this rater's.
			chromedp.WaitVisible(chromedp.Search(`//div[@class="new-token"]//b[contains(., "`+r.email+`")]`)))
		link, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector("#new-link").value`))
		if err != nil || !strings.Contains(link, "/feedback/r/") {
			t.Fatalf("no link for %s: %q", r.email, link)
		}
		links = append(links, link)
	}
	b.mustSee("The link for sam@example.com.", "0 of 3 peers", "A reminder to send everyone yourself")
	b.shot("feedback-round")
	b.expect("status of 422", "asking oneself",
		chromedp.SetValue(css("#category"), "peer"),
		chromedp.SendKeys(css("#email"), demo.Email),
		chromedp.Click(css(`form[action$="/raters"] button[type=submit]`)),
		chromedp.WaitVisible(css(`#email-error`)))
	b.mustSee("Email is your own address")

	b.do("the rater's page", chromedp.Navigate(links[1]), chromedp.WaitVisible(css("#q-delegation")))
	b.mustSee("Feedback for Alex Moreno", "Your answers are anonymous", "Not observed", "situation")
	if n, _ := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll("header nav").length`)); n != 0 {
		t.Errorf("the rater's page shows the navigation")
	}
	b.do("answer",
		chromedp.Click(css(`label[for="level-delegation-2"]`)),
		chromedp.Click(css(`label[for="level-negotiation-4"]`)),
		chromedp.Click(css(`label[for="level-stakeholder-communication-0"]`)),
		chromedp.SendKeys(css("#comment-delegation"), "In the May change board, Alex chaired every item himself, so the rest of us only watched."))
	b.shot("feedback-rater")
	b.do("send", chromedp.Click(css(`main form button[type=submit]`)), chromedp.WaitVisible(chromedp.Search(`//h1[.="Thank you"]`)))
	b.mustSee("Thank you")
	b.expect("status of 410", "the used link", chromedp.Navigate(links[1]), chromedp.WaitVisible(css("main h1")))
	b.mustSee("Answers already sent")

	// The others answer; their answers are not what this test looks at.
	ctx := context.Background()
	for i, l := range []string{links[0], links[2], links[3]} {
		token := l[strings.LastIndex(l, "/")+1:]
		if err := a.J.Feedback.SubmitFeedback(ctx, token, ladder.FeedbackResponse{Levels: map[string]int{"delegation": 2 + i%2,
			"negotiation": 4, "stakeholder-communication": 3}, Comments: map[string]string{"": []string{
			"Alex explains outages so the business understands.", "Keeps promises to other teams.", "Could say no more often."}[i]}}); err != nil {
			t.Fatal(err)
		}
	}
	p, err := a.J.Persons.FindPersonByEmail(ctx, demo.Email)
	if err != nil {
		t.Fatal(err)
	}
	rounds, err := a.J.Feedback.FindFeedbackRounds(ctx, p.ID)
	if err != nil || len(rounds) != 2 {
		t.Fatalf("rounds %v %v", rounds, err)
	}
	b.do("close", chromedp.Navigate(a.URL+"/feedback/rounds/"+strconv.FormatInt(rounds[0].ID, 10)),
		chromedp.Click(css(`form[action$="/close"] button`)),
		chromedp.WaitVisible(css("#results")))
	b.mustSee("Round closed", "Blind spots", "Hidden strengths", "your manager", "Alex explains outages", "3 of 3 peers")
	b.shot("feedback-results")
}
