package web

import (
	"maps"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/charts"
	"github.com/ladderhq/ladder/internal/journal"
)

// templateCase is a page struct to execute a template with: a populated
// one and the empty or edge case of each page.
type templateCase struct {
	name string
	data any
	// fragments are the page's named fragments to execute with fdata.
	fragments []string
	fdata     any
}

func fullBase(title string) Base {
	return Base{Title: title, Nav: "home", Person: &ladder.Person{ID: 1, Name: "Alex <Moreno>", Email: "alex@example.com"},
		Flash: "Saved.", Demo: true, Attribution: "O*NET credit."}
}

// emptyBase is a visitor without a session: the layout must not need one.
func emptyBase() Base { return Base{} }

var fields = map[string]string{"name": "is required", "email": "is not an email address", "password": "is too short"}

func sampleOptions() []RoleChoice {
	return []RoleChoice{
		{ID: "start-system-administrator", Value: "system-administrator", Title: "System administrator", Detail: "Ladder role profile", Checked: true},
		{ID: "start-15-1244.00", Value: "15-1244.00", Title: "Network and Computer Systems Administrators", Detail: "O*NET 15-1244.00 · also called Sysadmin"},
	}
}

func sampleQuestion() Question {
	q := Question{Key: "delegation", Name: "Delegation", Description: "Handing work over.", Field: "ratings.delegation",
		StatusID: "status-delegation", ErrorID: "error-delegation", Error: "choose a level from 1 to 5"}
	for _, v := range []string{"1", "2", "3", "4", "5", notSureValue} {
		q.Options = append(q.Options, LevelOption{ID: "delegation-" + v, Name: q.Field, Value: v, Label: v, Descriptor: "Does " + v, Checked: v == "3"})
	}
	return q
}

func sampleOccupation() *OccupationView {
	return &OccupationView{Code: "11-3021.00", Title: "Computer and Information Systems Managers", Description: "Plan, direct.",
		JobZone: "Job Zone 4 of 5: considerable preparation needed", Rated: true, Tasks: []string{"Direct daily operations."}, TasksNote: "1 core task of 17",
		Tech:     []TechGroupView{{Category: "Operating system software", Items: []TechItem{{Name: "Linux", Note: "hot", Hot: true}, {Name: "Plan 9"}}, More: "and 4 more"}},
		TechMore: "and 40 more categories", Education: []EducationRow{{Percent: "47.7%", Label: "Bachelor's Degree"}, {Percent: "1.3%", Label: "High School", Suppressed: true}},
		Suppressed: true, Related: []OccRef{{"15-1244.00", "Network and Computer Systems Administrators"}}}
}

func templateCases() map[string][]templateCase {
	chart := charts.Empty("c", "A chart", "Nothing yet")
	gapRows := []GapRow{{Name: "Budgeting", AreaName: "Business acumen", Required: "4", Current: "1", Gap: "3", Importance: "5", Weighted: "15",
		Source: "self-rating", Basis: "your self-rating of 2026-01-01"}, {Name: "Empathy", Met: true}}
	return map[string][]templateCase{
		"auth": {
			{name: "SetupWithErrors", data: AuthPage{Base: emptyBase(), Setup: true, Name: "A", Email: "a@b", Error: "Check the form.", Fields: fields}},
			{name: "Login", data: AuthPage{Base: emptyBase(), Next: "/gaps"}},
		},
		"error": {
			{name: "Full", data: ErrorPage{Base: fullBase("Not Found"), Status: 404, Message: "There is no such page."}},
			{name: "Empty", data: ErrorPage{}},
		},
		"dashboard": {
			{name: "Full", data: DashboardPage{Base: fullBase("Dashboard"), Readiness: ReadinessView{TargetTitle: "IT manager", Score: "63.1", ScoreValue: 63.1,
				Confidence: "40", ConfidenceLabel: "low", Sources: "38 on your self-rating"}, Radar: chart, Trend: chart, GapBars: chart, Draft: true, Rated: 3, Total: 38},
				fragments: []string{"progress"}, fdata: Progress{HasPlan: true, PlanDone: 2, PlanTotal: 9, Evidence: 8, ProjectsLed: 2, LedMonths: "14",
					LeadershipRoles: 3, CertsPassed: 1, CertsOpen: 1, Wins: 4, LastMood: "4/5", LastMoodDate: "2 May", Streak: 3, Learning: 4, LearningDone: 1}},
			{name: "Empty", data: DashboardPage{}, fragments: []string{"progress"}, fdata: Progress{}},
		},
		"agenda": {
			{name: "Full", data: AgendaPage{Base: fullBase("Agenda"), Choices: agendaChoices, Agenda: AgendaView{Days: 30, More: 2, Items: []AgendaItem{
				{Reminder: ladder.Reminder{Kind: ladder.ReminderFollowUp, Title: "Call <Sam>", Detail: "About the <budget>", Link: "/network", Overdue: true}, When: "yesterday", Label: "follow-up"},
				{Reminder: ladder.Reminder{Kind: ladder.ReminderPlanAction, Title: "Lead the retro", Link: "/plan#action-1"}, When: "today", Label: "plan"}}}}},
			{name: "Empty", data: AgendaPage{}},
		},
		"onboarding": {
			{name: "FullWithErrors", data: OnboardingPage{Base: fullBase("Your roles"), Query: "admin",
				Results: RoleResults{Query: "admin", Searched: true, Count: "2 matches", Options: sampleOptions(), Attribution: "O*NET credit.", Error: "unknown start role"},
				Targets: []RoleChoice{{ID: "target-cio", Value: "cio", Title: "CIO", Summary: "Leads IT.", Checked: true}}, TargetError: "choose one", Error: "Check your roles."},
				fragments: []string{"role-results"}, fdata: RoleResults{Query: "zz", Closest: true, Options: sampleOptions()}},
			{name: "FirstVisit", data: OnboardingPage{Base: emptyBase(), First: true},
				fragments: []string{"role-results"}, fdata: RoleResults{}},
		},
		"assess": {
			{name: "Draft", data: AssessPage{Base: fullBase("Assess"), TargetTitle: "IT manager", Draft: true, Started: "1 Jan 2026", Progress: "1 of 38 answered",
				CanFinish: true, LastDone: "1 Dec 2025", NextURL: "/assess/leadership", Form: FormState{Error: "Rate one.", Fields: map[string]string{"ratings": "rate one"}},
				Areas: []AssessArea{{Key: "leadership", Name: "Leadership", URL: "/assess/leadership", Answered: 1, Total: 6, Status: "1 of 6 answered", Action: "Carry on"}}}},
			{name: "Empty", data: AssessPage{}},
		},
		"assess_area": {
			{name: "WithErrors", data: AssessAreaPage{Base: fullBase("Leadership"), Area: AssessArea{Key: "leadership", Name: "Leadership", Description: "People.", Status: "1 of 6 answered"},
				Step: "Area 2 of 8", Action: "/assess/leadership", RatingURL: "/assess/leadership/rating", Submit: "Save and go on", PrevURL: "/assess/x", PrevName: "X",
				Questions: []Question{sampleQuestion()}, Error: "Some answers are not valid."},
				fragments: []string{"rating-saved"}, fdata: SavedFragment{Text: "Saved"}},
			{name: "Empty", data: AssessAreaPage{}, fragments: []string{"rating-saved"}, fdata: SavedFragment{Text: "Not saved: no", Error: true}},
		},
		"gaps": {
			{name: "List", data: GapsPage{Base: fullBase("Gaps"), TargetTitle: "IT manager", ToggleURL: "/gaps?group=area", ToggleLabel: "Group by area",
				Count: "1 of 2 requirements not yet met", Table: GapTable{ShowArea: true, Rows: gapRows}, Bars: chart}},
			{name: "Grouped", data: GapsPage{Base: fullBase("Gaps"), Grouped: true, Groups: []GapGroup{{ID: "area-x", Name: "X", Weighted: "15", Table: GapTable{Rows: gapRows}}}}},
			{name: "Empty", data: GapsPage{}},
		},
		"readiness": {
			{name: "Full", data: ReadinessPage{Base: fullBase("Readiness"), Readiness: ReadinessView{TargetTitle: "CIO", Score: "40", ConfidenceLabel: "low"},
				TotalGap: "149", Other: true, OwnTitle: "IT manager", Areas: []AreaScoreRow{{Name: "People", Score: "56", Confidence: "40", Weighted: "37", Requirements: "6 competencies"}},
				Radar: chart, Trend: chart, TrendRows: []TrendRow{{Date: "1 Jan 2026", Score: "50", Confidence: "40"}}, Shortest: "Team lead",
				Targets: []TargetRow{{Rank: "1", Title: "Team lead", URL: "/readiness?target=team-lead", Own: true}, {Rank: "2", Title: "CIO", Viewing: true}}}},
			{name: "Empty", data: ReadinessPage{}},
		},
		"compare": {
			{name: "Full", data: ComparePage{Base: fullBase("Compare"), StartTitle: "Software developer", TargetTitle: "IT manager",
				From: OccRef{"15-1251.00", "Computer Programmers"}, To: OccRef{"11-3021.00", "Managers"}, ProxyNote: "a proxy",
				Domains: []DomainTab{{Label: "Skills", URL: "/compare?domain=skills", Current: true}}, DomainLabel: "all three", AllDomains: true,
				Gaps: []ElementRow{{Name: "Coordination", Domain: "skill", From: "3.00", To: "3.88", Importance: "3.75", Weighted: "3.30"}}, GapsMore: "and 3 more",
				Transfers: []ElementRow{{Name: "Reading", Domain: "skill", From: "4.00", To: "4.00", Importance: "4.00"}}, TransMore: "and 1 more",
				Closest: []ClosestRow{{Code: "11-3021.00", Title: "Managers", Closeness: "74.4", Related: true}}, Notes: []string{"A note."}, Target: sampleOccupation()}},
			{name: "Message", data: ComparePage{Base: fullBase("Compare"), Message: "Choose your start role first."}},
			{name: "Empty", data: ComparePage{}},
		},
		"shift": {
			{name: "Full", data: ShiftPage{Base: fullBase("Shift"), StartTitle: "System administrator", TargetTitle: "IT manager",
				Items: []ladder.ShiftItem{{Topic: "Support", Specialist: "Fixes.", Manager: "Staffs."}}, StartDuties: []string{"patching"}, TargetDuties: []string{"hiring"},
				StartNote: "A note.", StartTasks: &TaskList{Code: "15-1244.00", Title: "Admins", Tasks: []string{"Patch."}},
				TargetTasks: &TaskList{Code: "11-3021.00", Title: "Managers", Tasks: []string{"Direct."}}}},
			{name: "Empty", data: ShiftPage{}},
		},
		"settings": {
			{name: "FullWithErrors", data: SettingsPage{Base: fullBase("Settings"), Name: "Alex", Email: "alex@example.com", StartTitle: "System administrator", TargetTitle: "IT manager",
				Tokens:   []TokenRow{{ID: "1", Name: "laptop", Prefix: "ldr_ABCD", Created: "1 Jan 2026", LastUsed: "never", DeleteURL: "/settings/tokens/1/delete"}},
				NewToken: "ldr_SECRET", NewTokenName: "ci", TokenName: "ci", ProfileError: "e", NameError: "is required", EmailError: "is taken",
				PasswordError: "e", OldError: "is wrong", NewError: "is short", RepeatError: "does not match", TokenError: "e", TokenNameError: "is taken", HasPassword: true}},
			{name: "Empty", data: SettingsPage{}},
		},
		"journal": {
			{name: "FullWithErrors", data: JournalPage{Base: fullBase("Journal"), Kind: "win", Prompt: "What went well?",
				Kinds:      []Option{{Value: "win", Label: "Win", Selected: true}},
				Challenges: []Option{{Value: "deadlines", Label: "Deadlines"}},
				Steps:      []journal.Step{{Key: "description", Title: "What happened", Prompt: "Describe it."}},
				Mood:       "<svg></svg>",
				Form:       JournalForm{Kind: "win", Title: "<b>t</b>", Date: "2026-05-04", Mood: "9", Reflection: map[string]string{"description": "x"}},
				State:      FormState{Error: "The journal entry is not valid.", Fields: map[string]string{"mood": "must be 1-5", "title": "is required", "reflection": "write"}},
				Entries: []JournalView{{ID: 1, Date: "4 May 2026", Kind: "Win", Title: "Retro", Body: "b", Mood: "4/5", Confidence: "3/5",
					Challenge: "Deadlines", Tags: "a, b", Steps: []StepView{{Title: "Next time", Text: "Ask"}}}}}},
			{name: "Empty", data: JournalPage{}},
		},
		"report": {
			{name: "Full", data: ReportPage{Base: fullBase("Development report"), Body: "<article><h1>Development report: Alex</h1></article>"}},
			{name: "Empty", data: ReportPage{}},
		},
		"plan": {
			{name: "FullWithErrors", data: PlanPage{Base: fullBase("Plan"), HasPlan: true, Horizon: "1 Jan 2026 – 31 Dec 2026", Hours: "12",
				Mix: "70% on the job", Done: "1 of 2", Months: "12", HoursIn: "x", Until: "2027-01-01", Generate: "Plan again",
				State: FormState{Error: "The plan settings are not valid.", Fields: map[string]string{"months": "bad", "hours": "bad", "until": "bad"}},
				Edit:  FormState{Error: "The action is not valid.", Fields: map[string]string{"due": "must be a date (YYYY-MM-DD)"}},
				Kinds: []KindOption{{Value: "experience", Label: "on the job (70)"}, {Value: "formal", Label: "formal (10)"}},
				Goals: []GoalView{{ID: 1, Name: "Delegation", Specific: "s", Measure: "m", Target: "level 3 by 1 Jun 2026", Why: "w", Achievable: "a",
					Edited: true, TargetDate: "2026-06-01", Level: 3,
					Actions: []ActionView{{ID: 1, Title: "Lead", Kind: "on the job (70)", Due: "Mar 2026", Hours: 10, DoneWhen: "d", Why: "w", Done: true,
						Edited: true, DueDate: "2026-03-31", First: true},
						{ID: 2, Title: "Read", Dropped: true}, {ID: 3, Title: "Ask", Last: true}}}}}},
			{name: "Empty", data: PlanPage{}},
		},
		"evidence": {
			{name: "FullWithErrors", data: EvidencePage{Base: fullBase("Evidence"), Total: 1, Led: 1, LedMonths: "12",
				Kinds:        []Option{{Value: "led-project", Label: "Led a project", Selected: true}},
				Competencies: []Option{{Value: "delegation", Label: "Delegation", Selected: true}},
				Form:         EvidenceForm{Kind: "led-project", Title: "<i>x</i>", Start: "2026-01-01", Money: "lots"},
				State:        FormState{Error: "The evidence entry is not valid.", Fields: map[string]string{"title": "is required", "money": "bad", "start": "bad", "end": "bad", "competencies": "bad", "people": "bad", "hours_saved": "bad", "kind": "bad", "description": "long"}},
				Entries:      []EvidenceView{{ID: 1, Kind: "Led a project", Title: "Migration", Description: "d", Dates: "Jan 2026 – Mar 2026", Competencies: "Delegation", Figures: "4 people"}}}},
			{name: "Empty", data: EvidencePage{}},
		},
		"brag": {
			{name: "Full", data: BragPage{Base: fullBase("Brag"), Wins: []JournalView{{Title: "Retro", Date: "4 May 2026", Body: "b", Tags: "t"}}}},
			{name: "Empty", data: BragPage{}},
		},
		"challenges": {
			{name: "Full", data: ChallengesPage{Base: fullBase("Challenges"), Challenges: []journal.Challenge{{Key: "deadlines", Title: "Deadlines", Summary: "s", Strategies: []string{"x"}}}}},
			{name: "Empty", data: ChallengesPage{}},
		},
		"learning": {
			{name: "FullWithErrors", data: LearningPage{Base: fullBase("Learning"), Streak: 3, Split: chart,
				Items: []LearningItemView{{ID: 1, Title: "<b>Book</b>", Kind: "book", Link: "https://example.com", Status: "In progress", Progress: 60,
					Competencies: "Delegation", Notes: "n", Error: "Progress must be 0-100.",
					Statuses: []Option{{Value: "in-progress", Label: "In progress", Selected: true}}}, {ID: 2, Title: "Course"}},
				Suggestions:  []ResourceView{{Key: "k", Title: "T", Kind: "book", Why: "w", Link: "https://example.com", For: "Budgeting"}, {Key: "j", Title: "U"}},
				Kinds:        []Option{{Value: "book", Label: "book", Selected: true}},
				Competencies: []Option{{Value: "delegation", Label: "Delegation", Selected: true}},
				Form:         LearningForm{Title: "<i>x</i>", Kind: "film", Link: "ftp://x"},
				State: FormState{Error: "The learning item is not valid.", Fields: map[string]string{"title": "is required", "kind": "bad",
					"link": "bad", "notes": "long", "competencies": "bad", "from": "bad"}},
				Week: WeekForm{Week: "2026-05-04", Technical: "lots"},
				WeekState: FormState{Error: "The week's hours are not valid.", Fields: map[string]string{"week": "bad", "technical": "bad",
					"managerial": "bad", "learning": "bad", "note": "long", "hours": "too many"}}}},
			{name: "NoTarget", data: LearningPage{Base: fullBase("Learning"), NoTarget: true, Streak: 1}},
			{name: "Empty", data: LearningPage{}},
		},
		"certs": {
			{name: "Full", data: CertsPage{Base: fullBase("Certifications"), Degree: "bachelor",
				Recommendations: []RecommendationView{{Key: "pmp", Name: "Project <Management>", Reason: "Fits.", NextStep: "Hold CAPM first."}},
				Rows: []CertRow{{Key: "pmp", Abbrev: "PMP", Name: "P", Issuer: "PMI", Status: "Studying", Summary: "Missing: x"},
					{Key: "csm", Abbrev: "CSM", Eligible: true, Summary: "Eligible"}}}},
			{name: "Empty", data: CertsPage{}},
		},
		"cert": {
			{name: "FullWithErrors", data: CertPage{Base: fullBase("PMP"), Key: "pmp", Name: "P", Abbrev: "PMP", Issuer: "PMI", Shows: "s",
				Link: "https://example.com", LinkChecked: "2026-11-22", Met: []string{"m"}, Missing: []string{"x"}, Alternatives: []string{"a"},
				Notes: []string{"n"}, Counted: []CountedView{{Kind: "project-lead", Start: "2024-01-01", End: "2024-06-30", From: "#1 A"}},
				Facts: []FactView{{Section: "Exam", Summary: "180 questions", Unconfirmed: []string{"u"},
					Sources: []SourceView{{Name: "PMI", URL: "https://example.com", Checked: "2026-11-22", SecondHand: true}, {Name: "B"}}}},
				Statuses: []Option{{Value: "studying", Label: "Studying", Selected: true}},
				Form:     CertForm{Status: "studying", Hours: "lots"},
				State: FormState{Error: "The certification record is not valid.", Fields: map[string]string{"study_hours": "must be a number",
					"status": "bad", "started": "bad", "exam_booked": "bad", "passed": "bad", "expires": "bad", "notes": "bad"}}}},
			{name: "Empty", data: CertPage{}},
		},
	}
}

// TestTemplates executes every page template against its page struct,
// populated and empty, as a whole page and as the htmx content fragment,
// and every named fragment a handler renders.
func TestTemplates(t *testing.T) {
	assets, err := NewAssets()
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := NewTemplates(assets)
	if err != nil {
		t.Fatal(err)
	}
	cases := templateCases()
	maps.Copy(cases, networkTemplateCases())
	maps.Copy(cases, first90TemplateCases())
	maps.Copy(cases, orgTemplateCases())
	maps.Copy(cases, feedbackTemplateCases())
	maps.Copy(cases, pipelineTemplateCases())
	for page, cs := range landingTemplateCases() {
		cases[page] = cs
	}
	for page, cs := range ssoTemplateCases() {
		cases[page] = append(cases[page], cs...)
	}
	maps.Copy(cases, sharingTemplateCases())
	for page, cs := range cohortFeedbackTemplateCases() {
		cases[page] = append(cases[page], cs...)
	}
	names := tmpl.Names()
	slices.Sort(names)
	for _, page := range names {
		if len(cases[page]) == 0 {
			t.Errorf("page template %q has no test case: add one to templateCases", page)
		}
		for _, tc := range cases[page] {
			t.Run(page+"/"+tc.name, func(t *testing.T) {
				for _, name := range []string{"layout", "content"} {
					rec := httptest.NewRecorder()
					if err := tmpl.Render(rec, 200, page, name, tc.data); err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					if name == "layout" && !strings.Contains(rec.Body.String(), "</html>") {
						t.Errorf("layout does not end the page")
					}
				}
				for _, fr := range tc.fragments {
					if err := tmpl.Render(httptest.NewRecorder(), 200, page, fr, tc.fdata); err != nil {
						t.Errorf("fragment %s: %v", fr, err)
					}
				}
			})
		}
	}
	for page := range cases {
		if !slices.Contains(names, page) {
			t.Errorf("test case for unknown page %q", page)
		}
	}
}
