package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/ladderhq/ladder/internal/sqldb"
)

// TestFirstVisit: a new user creates the owner account and lands in the app;
// signing out ends the session.
func TestFirstVisit(t *testing.T) {
	a := startApp(t, sqldb.SQLite, false)
	b := newBrowser(t, 1280, 900)
	b.do("open", chromedp.Navigate(a.URL+"/"), chromedp.WaitVisible(css("#name")))
	b.mustSee("Welcome to Ladder")
	b.shot("01-setup")
	// A weak password is refused with the field named, nothing created.
	b.expect("status of 422", "weak password",
		chromedp.SendKeys(css("#name"), "Sam Okafor"),
		chromedp.SendKeys(css("#email"), "sam@example.com"),
		chromedp.SendKeys(css("#password"), "short"),
		chromedp.Click(css(`button[type=submit]`)),
		chromedp.WaitVisible(css("#password-error")))
	b.mustSee("Password must be at least 10 characters")
	b.do("good password",
		chromedp.SendKeys(css("#password"), "correct horse battery"),
		chromedp.Click(css(`button[type=submit]`)),
		chromedp.WaitVisible(css("main h1")))
	b.mustSee("Welcome, Sam Okafor")
	b.shot("02-after-setup")
	b.do("sign out", chromedp.Click(css(`form.logout button`)), chromedp.WaitVisible(css("#email")))
	b.mustSee("You are signed out", "Sign in")
	b.shot("03-signed-out")
}

// TestDemo: ladder serve --demo shows a filled dashboard at once.
func TestDemo(t *testing.T) {
	a := startApp(t, sqldb.SQLite, true)
	for _, size := range []struct {
		name          string
		width, height int
	}{{"desktop", 1280, 1000}, {"phone", 390, 844}} {
		t.Run(size.name, func(t *testing.T) {
			b := newBrowser(t, size.width, size.height)
			b.do("open", chromedp.Navigate(a.URL+"/"), chromedp.WaitVisible(css("svg.chart-radar")))
			b.mustSee("Your way to IT manager", "Readiness", "Alex Moreno")
			b.shot("demo-dashboard-" + size.name)
		})
	}
}
