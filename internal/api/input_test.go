package api_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// TestBadInput sends every route bad input: each answer is a 4xx
// problem+json that names the field at fault, never a 5xx (env.do fails
// the test on one), and matches the document.
func TestBadInput(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		p := api.Prefix
		draft := e.assessment(e.alice, false)
		done := e.assessment(e.alice, true, ladder.Rating{Competency: "delegation", Level: 3})
		huge := `{"name":"` + strings.Repeat("x", api.MaxBody) + `"}`
		tests := []struct {
			name, method, path, body string
			contentType              string
			want                     int
			field                    string // "" when no field is at fault
		}{
			{"MeErrMalformed", "PATCH", p + "/me", `{"name":`, "", 400, "body"},
			{"MeErrEmptyBody", "PATCH", p + "/me", "", "", 400, "body"},
			{"MeErrNotAnObject", "PATCH", p + "/me", `["name"]`, "", 400, "body"},
			{"MeErrNull", "PATCH", p + "/me", `null`, "", 400, "body"},
			{"MeErrTrailingData", "PATCH", p + "/me", `{"name":"A"} {"name":"B"}`, "", 400, "body"},
			{"MeErrUnknownField", "PATCH", p + "/me", `{"nickname":"Al"}`, "", 400, "nickname"},
			{"MeErrWrongType", "PATCH", p + "/me", `{"name":5}`, "", 400, "name"},
			{"MeErrNameRequired", "PATCH", p + "/me", `{"name":"  "}`, "", 400, "name"},
			{"MeErrNameTooLong", "PATCH", p + "/me", `{"name":"` + strings.Repeat("n", 201) + `"}`, "", 400, "name"},
			{"MeErrEmail", "PATCH", p + "/me", `{"email":"not-an-email"}`, "", 400, "email"},
			{"MeErrEmailTaken", "PATCH", p + "/me", `{"email":"BOB@example.com"}`, "", 409, "email"},
			{"MeErrStartRole", "PATCH", p + "/me", `{"start_role":"astronaut"}`, "", 400, "start_role"},
			{"MeErrTargetRole", "PATCH", p + "/me", `{"target_role":"system-administrator"}`, "", 400, "target_role"},
			{"MeErrTargetRoleEmpty", "PATCH", p + "/me", `{"target_role":""}`, "", 400, "target_role"},
			{"MeErrTooLarge", "PATCH", p + "/me", huge, "", 413, ""},
			{"MeErrNotJSON", "PATCH", p + "/me", `name=Al`, "application/x-www-form-urlencoded", 415, ""},
			{"MeErrBadContentType", "PATCH", p + "/me", `{}`, "text/plain; charset=utf-8", 415, ""},

			{"RolesErrKind", "GET", p + "/roles?kind=boss", "", "", 400, "kind"},
			{"RoleErrUnknown", "GET", p + "/roles/astronaut", "", "", 404, ""},
			{"CompetenciesErrArea", "GET", p + "/competencies?area=cooking", "", "", 400, "area"},
			{"CompetencyErrUnknown", "GET", p + "/competencies/juggling", "", "", 404, ""},

			{"ListErrLimitZero", "GET", p + "/assessments?limit=0", "", "", 400, "limit"},
			{"ListErrLimitHuge", "GET", p + "/assessments?limit=101", "", "", 400, "limit"},
			{"ListErrLimitText", "GET", p + "/assessments?limit=ten", "", "", 400, "limit"},
			{"AgendaErrDaysZero", "GET", p + "/agenda?days=0", "", "", 400, "days"},
			{"AgendaErrDaysHuge", "GET", p + "/agenda?days=367", "", "", 400, "days"},
			{"ListErrCursor", "GET", p + "/assessments?cursor=not-a-cursor", "", "", 400, "cursor"},
			{"ListErrCursorForged", "GET", p + "/assessments?cursor=MS4w", "", "", 400, "cursor"},
			{"ListErrStatus", "GET", p + "/assessments?status=pending", "", "", 400, "status"},
			{"CreateErrLevel", "POST", p + "/assessments", `{"ratings":[{"competency":"delegation","level":9}]}`, "", 400, "ratings.delegation"},
			{"CreateErrLevelFraction", "POST", p + "/assessments", `{"ratings":[{"competency":"delegation","level":2.5}]}`, "", 400, "ratings[0].level"},
			{"CreateErrLevelMissing", "POST", p + "/assessments", `{"ratings":[{"competency":"delegation"}]}`, "", 400, "ratings[0].level"},
			{"CreateErrLevelHuge", "POST", p + "/assessments", `{"ratings":[{"competency":"delegation","level":1e400}]}`, "", 400, "ratings[0].level"},
			{"CreateErrCompetency", "POST", p + "/assessments", `{"ratings":[{"competency":"juggling","level":3}]}`, "", 400, "ratings.juggling"},
			{"CreateErrTwice", "POST", p + "/assessments", `{"ratings":[{"competency":"delegation","level":3},{"competency":"delegation","level":4}]}`, "", 400, "ratings.delegation"},
			{"CreateErrRatingsType", "POST", p + "/assessments", `{"ratings":"all fives"}`, "", 400, "ratings"},
			{"CreateErrCompleteEmpty", "POST", p + "/assessments", `{"complete":true}`, "", 400, "ratings"},
			{"CreateErrCompleteNotSure", "POST", p + "/assessments", `{"complete":true,"ratings":[{"competency":"delegation","level":0}]}`, "", 400, "ratings"},
			{"CreateErrSecondDraft", "POST", p + "/assessments", `{"ratings":[{"competency":"delegation","level":3}]}`, "", 409, "complete"},
			{"CreateErrNoteType", "POST", p + "/assessments", `{"ratings":[{"competency":"delegation","level":3,"note":7}]}`, "", 400, "ratings[0].note"},
			{"CreateErrTargetRole", "POST", p + "/assessments", `{"target_role":"astronaut"}`, "", 400, "target_role"},
			{"CreateErrNote", "POST", p + "/assessments", `{"ratings":[{"competency":"delegation","level":3,"note":"` + strings.Repeat("n", 2001) + `"}]}`, "", 400, "ratings.delegation"},
			{"GetErrID", "GET", p + "/assessments/abc", "", "", 400, "id"},
			{"GetErrIDNegative", "GET", p + "/assessments/-1", "", "", 400, "id"},
			{"GetErrIDOverflow", "GET", p + "/assessments/99999999999999999999", "", "", 400, "id"},
			{"RatingsErrRequired", "PUT", fmt.Sprintf("%s/assessments/%d/ratings", p, draft), `{}`, "", 400, "ratings"},
			{"RatingsErrCompleted", "PUT", fmt.Sprintf("%s/assessments/%d/ratings", p, done), `{"ratings":[]}`, "", 409, ""},
			{"CompleteErrEmpty", "POST", fmt.Sprintf("%s/assessments/%d/complete", p, draft), "", "", 400, "ratings"},
			{"CompleteErrTwice", "POST", fmt.Sprintf("%s/assessments/%d/complete", p, done), "", "", 409, ""},
			{"DeleteErrID", "DELETE", p + "/assessments/0", "", "", 400, "id"},

			{"GapsErrTarget", "GET", p + "/gaps?target=astronaut", "", "", 400, "target"},
			{"ReadinessErrTarget", "GET", p + "/readiness?target=astronaut", "", "", 400, "target"},

			{"SearchErrQuery", "GET", p + "/onet/search", "", "", 400, "q"},
			{"SearchErrLimit", "GET", p + "/onet/search?q=manager&limit=1000", "", "", 400, "limit"},
			{"OccupationErrUnknown", "GET", p + "/onet/occupations/99-9999.99", "", "", 404, ""},
			{"CompareErrFrom", "GET", p + "/onet/compare?from=99-9999.99&to=11-3021.00", "", "", 400, "from"},
			{"CompareErrTo", "GET", p + "/onet/compare?from=15-1244.00&to=nonsense", "", "", 400, "to"},
			{"CompareErrUnrated", "GET", p + "/onet/compare?from=15-1252.00&to=it-manager", "", "", 400, "from"},
			{"CompareErrDomain", "GET", p + "/onet/compare?domain=abilities", "", "", 400, "domain"},

			{"JournalErrKindQuery", "GET", p + "/journal?kind=rant", "", "", 400, "kind"},
			{"JournalErrKind", "POST", p + "/journal", `{"kind":"rant","title":"x"}`, "", 400, "kind"},
			{"JournalErrTitle", "POST", p + "/journal", `{"kind":"win","title":" "}`, "", 400, "title"},
			{"JournalErrDate", "POST", p + "/journal", `{"kind":"win","title":"Shipped","date":"03/04/2026"}`, "", 400, "date"},
			{"JournalErrMood", "POST", p + "/journal", `{"kind":"win","title":"Shipped","mood":9}`, "", 400, "mood"},
			{"JournalErrChallenge", "POST", p + "/journal", `{"kind":"win","title":"Shipped","challenge":"deadlines"}`, "", 400, "challenge"},
			{"JournalErrReflectionEmpty", "POST", p + "/journal", `{"kind":"reflection","title":"Think"}`, "", 400, "reflection"},
			{"JournalErrID", "DELETE", p + "/journal/x", "", "", 400, "id"},
			{"JournalErrMissing", "DELETE", p + "/journal/999999", "", "", 404, ""},

			{"PlanErrNone", "GET", p + "/plan", "", "", 404, ""},
			{"PlanICSErrNone", "GET", p + "/plan.ics", "", "", 404, ""},
			{"GenerateErrMonths", "POST", p + "/plan/generate", `{"months":7}`, "", 400, "months"},
			{"GenerateErrMonthsType", "POST", p + "/plan/generate", `{"months":"six"}`, "", 400, "months"},
			{"GenerateErrUntil", "POST", p + "/plan/generate", `{"until":"next year"}`, "", 400, "until"},
			{"GenerateErrUntilPast", "POST", p + "/plan/generate", `{"until":"2001-01-01"}`, "", 400, "until"},
			{"GenerateErrBoth", "POST", p + "/plan/generate", `{"months":6,"until":"2099-01-01"}`, "", 400, "until"},
			{"GenerateErrHours", "POST", p + "/plan/generate", `{"hours_per_month":500}`, "", 400, "hours_per_month"},
			{"GenerateErrUnknownField", "POST", p + "/plan/generate", `{"weeks":3}`, "", 400, "weeks"},
			{"ActionErrEmpty", "POST", p + "/plan/actions/1", `{}`, "", 400, "done"},
			{"ActionErrUndrop", "POST", p + "/plan/actions/1", `{"dropped":false}`, "", 400, "dropped"},
			{"ActionErrBoth", "POST", p + "/plan/actions/1", `{"done":true,"dropped":true}`, "", 400, "dropped"},
			{"ActionErrDoneType", "POST", p + "/plan/actions/1", `{"done":"yes"}`, "", 400, "done"},
			{"ActionErrID", "POST", p + "/plan/actions/0", `{"done":true}`, "", 400, "id"},

			{"CertErrUnknown", "GET", p + "/certifications/astronaut-1", "", "", 404, ""},
			{"CertSetErrUnknown", "PUT", p + "/certifications/astronaut-1", `{"status":"studying"}`, "", 404, ""},
			{"CertSetErrStatusMissing", "PUT", p + "/certifications/pmp", `{}`, "", 400, "status"},
			{"CertSetErrStatus", "PUT", p + "/certifications/pmp", `{"status":"dreaming"}`, "", 400, "status"},
			{"CertSetErrHours", "PUT", p + "/certifications/pmp", `{"status":"studying","study_hours":-3}`, "", 400, "study_hours"},
			{"CertSetErrHoursType", "PUT", p + "/certifications/pmp", `{"status":"studying","study_hours":"lots"}`, "", 400, "study_hours"},
			{"CertSetErrStarted", "PUT", p + "/certifications/pmp", `{"status":"studying","started":"last spring"}`, "", 400, "started"},
			{"CertSetErrBookedMissing", "PUT", p + "/certifications/pmp", `{"status":"booked"}`, "", 400, "exam_booked"},
			{"CertSetErrPassedMissing", "PUT", p + "/certifications/pmp", `{"status":"passed"}`, "", 400, "passed"},
			{"CertSetErrExpires", "PUT", p + "/certifications/pmp", `{"status":"passed","passed":"2025-05-01","expires":"2024-05-01"}`, "", 400, "expires"},
			{"CertSetErrUnknownField", "PUT", p + "/certifications/pmp", `{"status":"studying","score":90}`, "", 400, "score"},
			{"DegreeErr", "PUT", p + "/me/degree", `{"degree":"phd"}`, "", 400, "degree"},
			{"DegreeErrMissing", "PUT", p + "/me/degree", `{}`, "", 400, "degree"},

			{"LearningErrKind", "POST", p + "/learning/items", `{"title":"Podcasting","kind":"vlog"}`, "", 400, "kind"},
			{"LearningErrTitle", "POST", p + "/learning/items", `{"kind":"book"}`, "", 400, "title"},
			{"LearningErrFrom", "POST", p + "/learning/items", `{"from":"no-such-resource"}`, "", 400, "from"},
			{"LearningErrFromAndTitle", "POST", p + "/learning/items", `{"from":"coaching-habit","title":"Mine"}`, "", 400, "from"},
			{"LearningErrCompetency", "POST", p + "/learning/items", `{"title":"Juggling 101","kind":"course","competencies":["juggling"]}`, "", 400, ""},
			{"LearningErrLink", "POST", p + "/learning/items", `{"title":"A blog","kind":"blog","link":"ftp://x"}`, "", 400, "link"},
			{"LearningErrID", "PATCH", p + "/learning/items/x", `{"progress":10}`, "", 400, "id"},
			{"LearningErrPatchEmpty", "PATCH", p + "/learning/items/1", `{}`, "", 400, "progress"},
			{"LearningErrProgress", "PATCH", p + "/learning/items/1", `{"progress":150}`, "", 400, "progress"},
			{"LearningErrStatus", "PATCH", p + "/learning/items/1", `{"status":"abandoned"}`, "", 400, "status"},
			{"WeekErrDate", "PUT", p + "/learning/weeks/last-week", `{"technical":10}`, "", 400, "week"},
			{"WeekErrHours", "PUT", p + "/learning/weeks/2026-03-02", `{"technical":200}`, "", 400, "technical"},
			{"WeekErrTotal", "PUT", p + "/learning/weeks/2026-03-02", `{"technical":100,"managerial":60,"learning":20}`, "", 400, "hours"},
			{"WeekErrNegative", "PUT", p + "/learning/weeks/2026-03-02", `{"learning":-1}`, "", 400, "learning"},

			{"TokenErrNameMissing", "POST", p + "/tokens", `{}`, "", 400, "name"},
			{"TokenErrNameEmpty", "POST", p + "/tokens", `{"name":" "}`, "", 400, "name"},
			{"TokenErrNameLong", "POST", p + "/tokens", `{"name":"` + strings.Repeat("t", 101) + `"}`, "", 400, "name"},
			{"TokenErrNameTaken", "POST", p + "/tokens", `{"name":"alice-test"}`, "", 409, "name"},
			{"TokenErrID", "DELETE", p + "/tokens/x", "", "", 400, "id"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := req{method: tt.method, path: tt.path, body: tt.body, auth: "Bearer " + e.aliceToken}
				if tt.contentType != "" {
					r.header = map[string]string{"Content-Type": tt.contentType}
				}
				res := e.with(t).do(r).want(t, tt.want)
				pr := res.problem(t)
				if pr.Status != tt.want || pr.Detail == "" {
					t.Errorf("problem %+v: want status %d and a detail", pr, tt.want)
				}
				if _, ok := pr.Errors[tt.field]; tt.field != "" && !ok {
					t.Errorf("errors %v do not name %q", pr.Errors, tt.field)
				}
			})
		}
	})
}

// TestUnknownPathsAndMethods: the API's 404 and 405 are problem+json too.
func TestUnknownPathsAndMethods(t *testing.T) {
	e := newEnv(t, sqldbtest.Open(t, sqldb.SQLite))
	p := api.Prefix
	tests := []struct {
		name, method, path string
		want               int
		allow              string
	}{
		{"ErrUnknownPath", "GET", p + "/nope", 404, ""},
		{"ErrUnknownVersion", "GET", "/api/v2/me", 404, ""},
		{"ErrTrailingSlash", "GET", p + "/me/", 404, ""},
		{"ErrEmptySlug", "GET", p + "/roles/", 404, ""},
		{"ErrMethodMe", "DELETE", p + "/me", 405, "GET, HEAD, PATCH"},
		{"ErrMethodGaps", "POST", p + "/gaps", 405, "GET, HEAD"},
		{"ErrMethodRatings", "GET", p + "/assessments/1/ratings", 405, "PUT"},
		{"ErrMethodTokens", "PUT", p + "/tokens", 405, "GET, HEAD, POST"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := e.with(t).as(e.aliceToken, tt.method, tt.path, "").want(t, tt.want)
			if got := res.header.Get("Allow"); got != tt.allow {
				t.Errorf("Allow %q, want %q", got, tt.allow)
			}
			if pr := res.problem(t); pr.Status != tt.want {
				t.Errorf("problem status %d, want %d", pr.Status, tt.want)
			}
		})
	}
}
