package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/ladderhq/ladder/internal/sqldb"
)

// TestOrganisation walks the organisation pages as the demo person: the
// offer to create one, the overview, an import refused with its row
// report and then accepted, a manager and a mentor set on the members
// page, an invitation whose link is shown once, a programme with a cohort,
// and the audit log with its filter.
func TestOrganisation(t *testing.T) {
	a := startApp(t, sqldb.SQLite, true)
	b := newBrowser(t, 1280, 1000)
	b.do("open the demo", chromedp.Navigate(a.URL+"/"), chromedp.WaitVisible(css("svg.chart-radar")))

	b.do("organisation", chromedp.Navigate(a.URL+"/org"), chromedp.WaitVisible(css("main h1")))
	b.mustSee("Create an organisation", "Your own data stays yours")
	b.shot("org-none")
	b.do("create one",
		chromedp.SendKeys(css("#org-name"), "Harbour Logistics IT"),
		chromedp.SendKeys(css("#org-domains"), "harbour.example"),
		chromedp.Click(css(`form[action="/org"] button`)),
		chromedp.WaitVisible(flash("Created Harbour Logistics IT")))
	b.mustSee("Your role", "Owner", "360 feedback minimums", "peers 3")
	b.shot("org")

	bad := "name,email,title,manager_email\n" +
		"Dana Whitfield,dana@harbour.example,Head of IT,\n" +
		"Sam Okoro,sam.harbour.example,Service desk analyst,dana@harbour.example\n" +
		",lee@harbour.example,Network engineer,dana@harbour.example\n" +
		"Rita Gomez,rita@harbour.example,DBA,boss@harbour.example\n" +
		"Dana Whitfield,dana@harbour.example,Head of IT,\n"
	b.do("import page", chromedp.Navigate(a.URL+"/org/import"), chromedp.WaitVisible(css("#import-csv")))
	b.expect("status of 422", "import a file with bad rows",
		chromedp.SetValue(css("#import-csv"), bad),
		chromedp.Click(css(`form[action="/org/import"] button`)),
		chromedp.WaitVisible(css("table.problems")))
	b.mustSee("4 problems: nothing was imported", "is not an email address", "is required",
		"boss@harbour.example is neither in the file nor a member", "is on line 2 already")
	b.shot("org-import")

	good := "name,email,title,manager_email\n" +
		"Dana Whitfield,dana@harbour.example,Head of IT,\n" +
		"Sam Okoro,sam@harbour.example,Service desk analyst,dana@harbour.example\n" +
		"Lee Park,lee@harbour.example,Network engineer,dana@harbour.example\n"
	b.do("import the fixed file",
		chromedp.SetValue(css("#import-csv"), good),
		chromedp.Click(css(`form[action="/org/import"] button`)),
		chromedp.WaitVisible(flash("Imported: 3 added, 0 updated")))
	b.mustSee("Dana Whitfield", "Lee Park", "No account yet")

	b.do("Sam gets Lee as a mentor",
		chromedp.Evaluate[chromedp.Void](`(() => {
			const art = [...document.querySelectorAll("main article")].find(a => a.querySelector("h2").textContent.startsWith("Sam Okoro"));
			const sel = art.querySelector('select[name="mentor"]');
			sel.value = [...sel.options].find(o => o.text === "Lee Park").value;
			art.querySelector('form[action$="/mentors"] button').click();
		})()`),
		chromedp.WaitVisible(flash("Mentor assigned.")))
	b.mustSee("Mentors:")
	b.shot("org-members")

	b.do("invite Dana",
		chromedp.Navigate(a.URL+"/org/invitations?email=dana@harbour.example"),
		chromedp.WaitVisible(css("#invite-email")),
		chromedp.Click(css(`form[action="/org/invitations"] button`)),
		chromedp.WaitVisible(css("#invite-link")))
	b.mustSee("Invitation for dana@harbour.example", "not shown again", "dana@harbour.example as Member")

	b.do("a programme",
		chromedp.Navigate(a.URL+"/org/programmes"),
		chromedp.WaitVisible(css("#prog-name")),
		chromedp.SendKeys(css("#prog-name"), "Future IT managers 2027"),
		chromedp.SetValue(css("#prog-start"), "2027-01-11"),
		chromedp.SetValue(css("#prog-end"), "2027-12-17"),
		chromedp.Click(css(`form[action="/org/programmes"] button`)),
		chromedp.WaitVisible(flash("Programme added")))
	b.do("a cohort",
		chromedp.SendKeys(css("#cohort-name"), "Spring"),
		chromedp.SetValue(css("#cohort-start"), "2027-03-01"),
		chromedp.SetValue(css("#cohort-end"), "2027-06-30"),
		chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll('input[name="members"]')].slice(0, 2).forEach(c => c.checked = true)`),
		chromedp.Click(css(`form[action$="/cohorts"] button`)),
		chromedp.WaitVisible(flash("Cohort added: Spring.")))
	b.mustSee("Spring", "2 people")
	b.shot("org-programme")

	b.do("audit log", chromedp.Navigate(a.URL+"/org/audit"), chromedp.WaitVisible(css("main table")))
	b.mustSee("org.create", "member.import", "mentor.add", "invitation.create", "programme.create", "cohort.create", "Alex Moreno")
	b.shot("org-audit")
	b.do("filter by kind",
		chromedp.SetValue(css("#f-action"), "mentor."),
		chromedp.Click(css(`form[action="/org/audit"] button`)),
		chromedp.WaitVisible(chromedp.Search(`//main/p[starts-with(., "1 entry")]`)))
	b.mustSee("1 entry", "mentor.add")
}
