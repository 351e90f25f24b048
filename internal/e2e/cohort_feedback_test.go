package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/ladderhq/ladder/internal/mail"
	"github.com/ladderhq/ladder/internal/mail/mailtest"
	"github.com/ladderhq/ladder/internal/sqldb"
)

// TestCohortFeedback walks a cohort's 360 feedback in the demo organisation
// on a desktop and a phone: the owner opens the spring cohort from the
// programme (Alex's closed round as counts, the others' proposed raters),
// unticks a rater, adds one, sends (mail through a real SMTP server) and
// sees the progress; then Alex reads who started his round.
func TestCohortFeedback(t *testing.T) {
	for _, size := range []struct {
		name          string
		width, height int64
	}{{"desktop", 1280, 1000}, {"phone", 390, 844}} {
		t.Run(size.name, func(t *testing.T) {
			a := startApp(t, sqldb.SQLite, true)
			sink := mailtest.Start(t)
			cfg, err := mail.ParseURL("smtp://" + sink.Addr + "?from=ladder@example.com&tls=none")
			if err != nil {
				t.Fatal(err)
			}
			a.J.Mail = mail.NewSMTP(cfg)
			b := newBrowser(t, int(size.width), int(size.height))
			b.do("sign in as the owner", chromedp.EmulateViewport(size.width, size.height),
				chromedp.Navigate(a.URL+"/demo?as=admin"), chromedp.WaitVisible(css("p.banner")))
			b.mustSee("you are Morgan Hale")
			b.do("the programme", chromedp.Navigate(a.URL+"/org/programmes"), chromedp.WaitVisible(css("main h1")))
			b.do("open it", chromedp.Click(chromedp.Search(`//a[contains(., "Future IT managers")]`)),
				chromedp.WaitVisible(css(`a[href$="/feedback"]`)))
			b.do("the spring cohort's feedback", chromedp.Click(css(`article[id^="cohort-"]:first-of-type a[href$="/feedback"]`)),
				chromedp.WaitVisible(css("#progress-h")))
			b.mustSee("360 feedback: Spring cohort", "Alex Moreno", "Spring cohort 360", "Has a feedback round open already",
				"Lena Koch", "Dana Whitfield", "Never the answers")
			b.shot("cohort-feedback-" + size.name)

			// Lena without Sam, and with the CFO's office added by hand.
			b.do("review Lena's raters", chromedp.Evaluate[chromedp.Void](`(() => {
				const fs = [...document.querySelectorAll("fieldset.cohort-member")].find(f => f.querySelector("legend").textContent.startsWith("Lena Koch"));
				fs.querySelector('input[value="peer:sam.osei@northwind-it.example"]').click();
				fs.querySelector("textarea").value = "stakeholder helga.berg@northwind-it.example";
			})()`))
			b.do("send", chromedp.Click(css(`form[action$="/feedback"] button[type=submit]`)), chromedp.WaitVisible(css("p.flash")))
			b.mustSee("Started 6 rounds", "mailed")
			if n := len(sink.Messages()); n < 10 {
				t.Errorf("only %d mails", n)
			}
			b.shot("cohort-feedback-started-" + size.name)

			b.do("Alex", chromedp.Navigate(a.URL+"/demo"), chromedp.WaitVisible(css("p.banner")))
			b.do("his feedback", chromedp.Navigate(a.URL+"/feedback"), chromedp.WaitVisible(css("#rounds-h")))
			b.mustSee("Jordan Ellis, a programme admin, started “Spring cohort 360” for you", "The results are yours alone", "started by your programme admin")
			b.shot(fmt.Sprintf("cohort-feedback-member-%s", size.name))
		})
	}
}
