package server

// webMatrix is the authorisation matrix of the page routes: one row per
// route of webRoutes, keyed "METHOD PATTERN", one cell per role of
// matrixtest.Roles, each saying whether that role may do that on the
// subject's resources (codes: matrixtest.Codes; TestWebAuthzMatrix runs
// them). A route without a row, or a row without a route, fails the test,
// which prints the row to add.
//
//	A allowed            O allowed on one's own data only
//	L sign in first      N 404    F 403    C 409    or a status
//
// The subject, Alice, is a plain member of Northwind with data of every
// kind; her request shapes come from the successful scenarios of
// webScenarios (a personal route's shape names her ids), or from
// webMatrixShapes.
var webMatrix = map[string]string{
	//                                              out self mentor manager admin owner other none
	"GET /static/":      "A A A A A A A A",
	"GET /healthz":      "A A A A A A A A",
	"GET /setup":        "A A A A A A A A", // 303 to /login: set up already
	"POST /setup":       "F F F F F F F F", // set up already, for everyone
	"GET /login":        "A A A A A A A A",
	"POST /login":       "A A A A A A A A",
	"POST /logout":      "A A A A A A A A",
	"POST /login/sso":   "422 422 422 422 422 422 422 422", // Northwind's single sign-on is off
	"GET /sso/callback": "400 400 400 400 400 400 400 400", // no sign-in under way
	"GET /sso/{slug}":   "N N N N N N N N",                 // off
	"GET /demo":         "N N N N N N N N",                 // not in demo mode

	// Personal pages: only the subject acts on her ids; everyone else sees
	// their own page (O) or 404 for her ids.
	"GET /{$}":                   "L A O O O O O O",
	"GET /onboarding":            "L A O O O O O O",
	"POST /onboarding":           "L A O O O O O O",
	"GET /roles/search":          "L A O O O O O O",
	"GET /assess":                "L A O O O O O O",
	"POST /assess/finish":        "L A O O O O O O",
	"GET /assess/{area}":         "L A O O O O O O",
	"POST /assess/{area}":        "L A O O O O O O",
	"POST /assess/{area}/rating": "L A O O O O O O",
	"GET /gaps":                  "L A O O O O O O",
	"GET /readiness":             "L A O O O O O O",
	"GET /compare":               "L A O O O O O O",
	"GET /shift":                 "L A O O O O O O",

	"GET /settings":                     "L A O O O O O O",
	"POST /settings/profile":            "L A O O O O O O",
	"POST /settings/password":           "L A O O O O O O",
	"POST /settings/tokens":             "L A O O O O O O",
	"POST /settings/tokens/{id}/delete": "L A N N N N N N",
	"GET /settings/export":              "L A O O O O O O",

	"GET /plan":                     "L A O O O O O O",
	"POST /plan":                    "L A O O O O O O",
	"POST /plan/actions/{id}":       "L A N N N N N N",
	"GET /plan.ics":                 "L A O O O O O O",
	"GET /calendar.ics":             "L A O O O O O O",
	"GET /agenda":                   "L A O O O O O O",
	"POST /plan/actions/{id}/edit":  "L A N N N N N N",
	"POST /plan/actions/{id}/move":  "L A N N N N N N",
	"POST /plan/goals/{id}/actions": "L A N N N N N N",
	"POST /plan/goals/{id}":         "L A N N N N N N",

	"GET /evidence":              "L A O O O O O O",
	"POST /evidence":             "L A O O O O O O",
	"POST /evidence/{id}/delete": "L A N N N N N N",
	"GET /journal":               "L A O O O O O O",
	"POST /journal":              "L A O O O O O O",
	"POST /journal/{id}/delete":  "L A N N N N N N",
	"GET /journal/brag":          "L A O O O O O O",
	"GET /journal/challenges":    "L A O O O O O O",
	"GET /certs":                 "L A O O O O O O",
	"GET /certs/{key}":           "L A O O O O O O",
	"POST /certs/{key}":          "L A O O O O O O",
	"GET /learning":              "L A O O O O O O",
	"POST /learning/items":       "L A O O O O O O",
	"POST /learning/items/{id}":  "L A N N N N N N",
	"POST /learning/week":        "L A O O O O O O",

	"GET /mentors":                          "L A O O O O O O",
	"POST /mentors":                         "L A O O O O O O",
	"GET /mentors/{id}":                     "L A N N N N N N",
	"POST /mentors/{id}":                    "L A N N N N N N",
	"POST /mentors/{id}/delete":             "L A N N N N N N",
	"POST /mentors/{id}/sessions":           "L A N N N N N N",
	"POST /mentoring/sessions/{id}":         "L A N N N N N N",
	"POST /mentoring/sessions/{id}/delete":  "L A N N N N N N",
	"POST /mentoring/sessions/{id}/actions": "L A N N N N N N",
	"POST /mentoring/actions/{id}/plan":     "L A N N N N N N",
	"POST /mentoring/actions/{id}/delete":   "L A N N N N N N",
	"GET /network":                          "L A O O O O O O",
	"POST /network/contacts":                "L A O O O O O O",
	"POST /network/contacts/{id}":           "L A N N N N N N",
	"POST /network/contacts/{id}/contacted": "L A N N N N N N",
	"POST /network/contacts/{id}/delete":    "L A N N N N N N",
	"POST /network/memberships":             "L A O O O O O O",
	"POST /network/memberships/{id}":        "L A N N N N N N",
	"POST /network/memberships/{id}/delete": "L A N N N N N N",
	"POST /network/events":                  "L A O O O O O O",
	"POST /network/events/{id}":             "L A N N N N N N",
	"POST /network/events/{id}/delete":      "L A N N N N N N",

	"GET /first90":                   "L A O O O O O O",
	"POST /first90":                  "L A O O O O O O",
	"POST /first90/steps/{id}":       "L A N N N N N N",
	"POST /first90/week":             "L A O O O O O O",
	"GET /team":                      "L A O O O O O O",
	"POST /team":                     "L A O O O O O O",
	"GET /team/{id}":                 "L A N N N N N N",
	"POST /team/{id}":                "L A N N N N N N",
	"POST /team/{id}/delete":         "L A N N N N N N",
	"POST /team/{id}/one-to-ones":    "L A N N N N N N",
	"POST /follow-ups/{id}":          "L A N N N N N N",
	"GET /stakeholders":              "L A O O O O O O",
	"POST /stakeholders":             "L A O O O O O O",
	"POST /stakeholders/{id}":        "L A N N N N N N",
	"POST /stakeholders/{id}/delete": "L A N N N N N N",
	"GET /trust":                     "L A O O O O O O",
	"POST /trust":                    "L A O O O O O O",
	"GET /delegation":                "L A O O O O O O",
	"POST /delegation":               "L A O O O O O O",
	"POST /delegation/{id}":          "L A N N N N N N",
	"POST /delegation/{id}/delete":   "L A N N N N N N",

	"GET /report":     "L A O O O O O O",
	"GET /report.md":  "L A O O O O O O",
	"GET /report.pdf": "L A O O O O O O",

	"GET /opportunities":              "L A O O O O O O",
	"POST /opportunities":             "L A O O O O O O",
	"POST /opportunities/supervisor":  "L A O O O O O O",
	"GET /opportunities/{id}":         "L A N N N N N N",
	"POST /opportunities/{id}":        "L A N N N N N N",
	"POST /opportunities/{id}/stage":  "L A N N N N N N",
	"POST /opportunities/{id}/delete": "L A N N N N N N",
	"GET /resume":                     "L A O O O O O O",
	"POST /resume/generate":           "L A O O O O O O",
	"POST /resume/bullets/{id}":       "L A N N N N N N",
	"POST /resume/bullets/{id}/move":  "L A N N N N N N",
	"POST /resume/bullets/{id}/hide":  "L A N N N N N N",
	"GET /resume.md":                  "L A O O O O O O",
	"GET /resume.txt":                 "L A O O O O O O",
	"GET /resume/cover-letter":        "L A O O O O O O",
	"GET /resume/cover-letter.md":     "L A O O O O O O",
	"GET /interview":                  "L A O O O O O O",
	"GET /interview/{key}":            "L A O O O O O O",
	"POST /interview/{key}":           "L A O O O O O O",

	"GET /feedback":                                    "L A O O O O O O",
	"POST /feedback":                                   "L A O O O O O O",
	"GET /feedback/rounds/{id}":                        "L A N N N N N N",
	"POST /feedback/rounds/{id}/raters":                "L A N N N N N N",
	"POST /feedback/rounds/{id}/raters/{rater}/revoke": "L A N N N N N N",
	"POST /feedback/rounds/{id}/remind":                "L A N N N N N N",
	"POST /feedback/rounds/{id}/close":                 "L A N N N N N N",
	// A rater's link is the only key: whoever holds it answers.
	"GET /feedback/r/{token}":  "A A A A A A A A",
	"POST /feedback/r/{token}": "A A A A A A A A",

	// Organisation pages, per orgPolicy: members view, programme admins
	// manage members, invitations, imports and programmes, owners the
	// rest. Another organisation's owner gets their own (O) or 404 for
	// Northwind's ids; a person in none gets 404.
	"GET /org": "L A A A A A O O",
	// Sharing: each sets their own; the member view shows the subject to
	// her mentor, manager, programme admins and owner only (what she
	// shares: nothing here), and sends her to her own pages.
	"GET /settings/sharing":                          "L A O O O O O O",
	"POST /settings/sharing":                         "L A O O O O O N",
	"GET /org/people":                                "L A A A A A O N",
	"GET /org/people/{id}":                           "L 303 A A A A N N",
	"POST /org":                                      "L C C C C C C O",
	"GET /org/members":                               "L F F F A A O N",
	"POST /org/members/{id}":                         "L F F F A A N N",
	"POST /org/members/{id}/remove":                  "L F F F F A N N",
	"POST /org/members/{id}/mentors":                 "L F F F A A N N",
	"POST /org/members/{id}/mentors/{mentor}/delete": "L F F F A A N N",
	"GET /org/invitations":                           "L F F F A A O N",
	"POST /org/invitations":                          "L F F F A A O N",
	"POST /org/invitations/{id}/revoke":              "L F F F A A N N",
	// An invitation's link is public; only its invitee may accept it.
	"GET /invite/{token}":      "A A A A A A A A",
	"POST /invite/{token}":     "A F F F F F F F",
	"GET /org/programmes":      "L F F F A A O N",
	"POST /org/programmes":     "L F F F A A O N",
	"GET /org/programmes/{id}": "L F F F A A N N",
	// Pipeline views: what members share with programme admins.
	"GET /org/pipeline":                              "L F F F A A O N",
	"GET /org/programmes/{id}/pipeline":              "L F F F A A N N",
	"GET /org/programmes/{id}/pipeline.csv":          "L F F F A A N N",
	"POST /org/programmes/{id}":                      "L F F F A A N N",
	"POST /org/programmes/{id}/delete":               "L F F F A A N N",
	"POST /org/programmes/{id}/cohorts":              "L F F F A A N N",
	"POST /org/cohorts/{id}/members":                 "L F F F A A N N",
	"POST /org/cohorts/{id}/members/{person}/delete": "L F F F A A N N",
	"POST /org/cohorts/{id}/delete":                  "L F F F A A N N",
	// 360 rounds for a cohort: programme admins and owners.
	"GET /org/cohorts/{id}/feedback":  "L F F F A A N N",
	"POST /org/cohorts/{id}/feedback": "L F F F A A N N",
	// Reminders: Northwind's cohort has no round open, so 409 for those allowed.
	"POST /org/cohorts/{id}/feedback/remind": "L F F F C C N N",
	"GET /org/import":                        "L F F F A A O N",
	"POST /org/import":                       "L F F F A A O N",
	"GET /org/settings":                      "L F F F F A O N",
	"POST /org/settings":                     "L F F F F A O N",
	"POST /org/sso":                          "L F F F F A O N",
	"POST /org/sso/delete":                   "L F F F F A O N",
	"GET /org/audit":                         "L F F F F A O N",
	"GET /org/audit.csv":                     "L F F F F A O N",
	"GET /org/audit.json":                    "L F F F F A O N",
}
