package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sso/ssotest"
)

// TestSSO sets up single sign-on on the organisation's settings page
// against a real OpenID provider (a wrong issuer first, refused), then
// signs in through it from the sign-in page as a new person of the
// organisation's domain, and shows the page of a broken sign-in.
func TestSSO(t *testing.T) {
	a := startApp(t, sqldb.SQLite, false)
	op := ssotest.Start(t, a.URL+"/sso/callback")
	ctx := context.Background()
	olga := &ladder.Person{Name: "Olga Berg", Email: "olga@harbour.example", StartRole: "system-administrator", TargetRole: "it-manager"}
	const password = "olga's long password"
	ssoE2EMust(t, a.J.Persons.CreatePerson(ctx, olga))
	ssoE2EMust(t, sqldb.NewAuthService(a.J.DB).CreateAccount(ctx, olga.ID, ladder.AccountOwner, password))
	ssoE2EMust(t, a.J.CreateOrganisation(ctx, olga, &ladder.Organisation{Name: "Harbour Logistics IT", Slug: "harbour", Domains: []string{"harbour.example"}}))

	b := newBrowser(t, 1280, 900)
	b.do("sign in with a password",
		chromedp.Navigate(a.URL+"/login"), chromedp.WaitVisible(css("#email")),
		chromedp.SendKeys(css("#email"), olga.Email), chromedp.SendKeys(css("#password"), password),
		chromedp.Click(css(`form[action="/login"] button`)), chromedp.WaitVisible(css("form.logout")))

	b.do("settings", chromedp.Navigate(a.URL+"/org/settings"), chromedp.WaitVisible(css("#sso-issuer")))
	b.mustSee("Single sign-on", a.URL+"/sso/callback", "Set up single sign-on", "(not set)")
	b.expect("status of 422", "a wrong issuer",
		chromedp.SendKeys(css("#sso-issuer"), op.URL+"/nowhere"),
		chromedp.SendKeys(css("#sso-client"), op.ClientID),
		chromedp.SendKeys(css("#sso-secret"), op.ClientSecret),
		chromedp.Click(css(`input[name="provision"]`)),
		chromedp.Click(css(`form[action="/org/sso"] button`)),
		chromedp.WaitVisible(css("#sso-issuer-error")))
	b.mustSee("Issuer URL: discovery failed")
	b.do("scroll to the section", chromedp.ScrollIntoView(css("#sso-h")))
	b.shot("org-settings-sso-error")
	b.do("the right issuer",
		chromedp.SetValue(css("#sso-issuer"), op.URL),
		chromedp.SendKeys(css("#sso-secret"), op.ClientSecret),
		chromedp.Click(css(`form[action="/org/sso"] button`)),
		chromedp.WaitVisible(flash("Single sign-on is saved")))
	b.mustSee("set: leave empty to keep it", "Save single sign-on", "Remove single sign-on")
	b.shot("org-settings-sso")

	b.do("sign out", chromedp.Click(css(`form.logout button`)), chromedp.WaitVisible(css("#sso-org")))
	b.mustSee("Sign in with your organisation", "Work email or organisation")
	b.shot("login-sso")

	op.SignInAs(ssotest.User{Subject: "sam-42", Email: "sam@harbour.example", EmailVerified: true, Name: "Sam Okoro"})
	b.do("sign in through the provider",
		chromedp.SendKeys(css("#sso-org"), "sam@harbour.example"),
		chromedp.Click(css(`form[action="/login/sso"] button`)),
		chromedp.WaitVisible(flash("Welcome to Ladder, Sam Okoro")))
	b.mustSee("Sign out Sam Okoro")
	b.shot("sso-signed-in")

	b.do("sign out again", chromedp.Click(css(`form.logout button`)), chromedp.WaitVisible(css("#sso-org")))
	b.expect("status of 400", "a callback without a sign-in",
		chromedp.Navigate(a.URL+"/sso/callback?state=x&code=y"), chromedp.WaitVisible(css("main h1")))
	b.mustSee("Single sign-on did not work", "start again", "Back to sign in")
	b.shot("sso-error")
}

func ssoE2EMust(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
