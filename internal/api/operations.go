package api

import (
	"net/http"
	"slices"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/httpx"
)

// Operation is one API operation: its route, its place in the OpenAPI
// document and its handler. The server registers routes from this table and
// the document is built from it, so neither can drift from the other.
type Operation struct {
	ID          string // operationId
	Method      string
	Path        string // a ServeMux path pattern, which is also OpenAPI path templating
	Summary     string
	Description string
	Tag         string
	// Public operations need no signed-in person.
	Public bool
	// Query lists the query parameters; path parameters come from Path.
	Query      []Param
	PathParams []Param
	// Body is the zero value of the request body type, nil for none.
	Body any
	// Status is the status of success; Response the zero value of what it
	// returns (nil for none, as with 204).
	Status   int
	Response any
	// ContentType is the media type of the success response when it is
	// not JSON ("" for application/json); Response is then a string.
	ContentType string
	// Headers are response headers worth documenting, by name.
	Headers map[string]string
	// Errors lists the error statuses beyond those every operation of its
	// kind may answer (see ErrorStatuses).
	Errors  []int
	Handler httpx.Handler
}

// Param is a path or query parameter; all are strings or integers.
type Param struct {
	Name        string
	Description string
	Integer     bool
	Required    bool
	Enum        []string
}

// Pattern returns the ServeMux pattern of the operation.
func (o Operation) Pattern() string { return o.Method + " " + o.Path }

var (
	idParam     = Param{Name: "id", Integer: true, Required: true}
	targetParam = Param{Name: "target", Description: "a target role's slug or title instead of the person's own"}
	notFound    = []int{http.StatusNotFound}

	certKeyParam = Param{Name: "key", Required: true, Description: "a certification's key, such as pmp"}
)

// operations is the table of the API.
func (a *API) operations() []Operation {
	const get, post, put, patch, del = http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete
	ok, created, none := http.StatusOK, http.StatusCreated, http.StatusNoContent
	p := Prefix
	return append([]Operation{
		{ID: "getOpenAPI", Method: get, Path: p + "/openapi.json", Tag: "meta", Public: true, Summary: "This OpenAPI document",
			Status: ok, Response: map[string]any{}, Handler: a.getOpenAPI},

		{ID: "getMe", Method: get, Path: p + "/me", Tag: "profile", Summary: "Your profile, with your start and target roles resolved",
			Status: ok, Response: Me{}, Handler: a.getMe},
		{ID: "updateMe", Method: patch, Path: p + "/me", Tag: "profile", Summary: "Change your name, email, start role or target role",
			Description: "Fields left out stay as they are. Roles are checked against the competency model and O*NET; " +
				"an unknown one is a 400 naming the field, with the closest matches.",
			Body: PersonPatch{}, Status: ok, Response: Me{}, Errors: []int{http.StatusConflict}, Handler: a.updateMe},

		{ID: "listRoles", Method: get, Path: p + "/roles", Tag: "catalog", Summary: "The start and target roles (as `ladder roles --json`)",
			Query:  []Param{{Name: "kind", Enum: []string{"start", "target"}, Description: "only start or only target roles"}},
			Status: ok, Response: []Role{}, Handler: a.listRoles},
		{ID: "getRole", Method: get, Path: p + "/roles/{slug}", Tag: "catalog", Summary: "A role's profile and requirements (as `ladder roles SLUG --json`)",
			PathParams: []Param{{Name: "slug", Required: true}}, Status: ok, Response: RoleDetail{}, Errors: notFound, Handler: a.getRole},
		{ID: "listCompetencies", Method: get, Path: p + "/competencies", Tag: "catalog", Summary: "The competencies of the model, with level descriptors",
			Query:  []Param{{Name: "area", Description: "only this area's competencies (an area key)"}},
			Status: ok, Response: []Competency{}, Handler: a.listCompetencies},
		{ID: "getCompetency", Method: get, Path: p + "/competencies/{key}", Tag: "catalog", Summary: "One competency with its five level descriptors",
			PathParams: []Param{{Name: "key", Required: true}}, Status: ok, Response: Competency{}, Errors: notFound, Handler: a.getCompetency},

		{ID: "listAssessments", Method: get, Path: p + "/assessments", Tag: "assessments", Summary: "Your assessments, newest first, a page at a time",
			Description: "Pass the `next` of a page as `cursor` to get the following page; `next` is null on the last.",
			Query: []Param{
				{Name: "limit", Integer: true, Description: "page size, 1-100 (default 20)"},
				{Name: "cursor", Description: "the `next` of the previous page"},
				{Name: "status", Enum: []string{"draft", "completed"}, Description: "only drafts or only completed assessments"},
			},
			Status: ok, Response: AssessmentPage{}, Handler: a.listAssessments},
		{ID: "createAssessment", Method: post, Path: p + "/assessments", Tag: "assessments", Summary: "Start an assessment (a draft) or save a finished one",
			Description: "A person has at most one draft, which the web pages and `ladder assess` resume: starting a second is 409. " +
				"Completing needs at least one competency rated at a level (not only \"not sure\").",
			Body: AssessmentCreate{}, Status: created, Response: Assessment{}, Errors: []int{http.StatusConflict},
			Headers: map[string]string{"Location": "the new assessment's URL"}, Handler: a.createAssessment},
		{ID: "getAssessment", Method: get, Path: p + "/assessments/{id}", Tag: "assessments", Summary: "One of your assessments with its ratings",
			PathParams: []Param{idParam}, Status: ok, Response: Assessment{}, Errors: notFound, Handler: a.getAssessment},
		{ID: "saveRatings", Method: put, Path: p + "/assessments/{id}/ratings", Tag: "assessments", Summary: "Add or replace ratings of a draft",
			Description: "Ratings are saved all or none. Competencies not listed keep their rating; a rating sent without a note " +
				"keeps its note. A completed assessment is 409.",
			PathParams: []Param{idParam}, Body: RatingsUpdate{}, Status: ok, Response: Assessment{},
			Errors: []int{http.StatusNotFound, http.StatusConflict}, Handler: a.saveRatings},
		{ID: "completeAssessment", Method: post, Path: p + "/assessments/{id}/complete", Tag: "assessments", Summary: "Finish a draft",
			Description: "A completed assessment counts towards gaps, readiness and the trend. It needs at least one competency " +
				"rated at a level. Completing one twice is 409.",
			PathParams: []Param{idParam}, Status: ok, Response: Assessment{},
			Errors: []int{http.StatusNotFound, http.StatusConflict}, Handler: a.completeAssessment},
		{ID: "deleteAssessment", Method: del, Path: p + "/assessments/{id}", Tag: "assessments", Summary: "Delete one of your assessments",
			PathParams: []Param{idParam}, Status: none, Errors: notFound, Handler: a.deleteAssessment},

		{ID: "getGaps", Method: get, Path: p + "/gaps", Tag: "readiness", Summary: "Your gaps to the target role, largest weighted gap first",
			Description: "The same JSON as `ladder gaps --json`. When a level rests on an estimate from O*NET data, " +
				"the Ladder-Attribution header carries O*NET's credit line (UTF-8).",
			Query: []Param{targetParam}, Status: ok, Response: []Gap{},
			Headers: map[string]string{"Ladder-Attribution": "O*NET's credit line, when estimates from O*NET data count"},
			Errors:  []int{http.StatusConflict}, Handler: a.getGaps},
		{ID: "getReadiness", Method: get, Path: p + "/readiness", Tag: "readiness", Summary: "Your readiness for the target role, its confidence and its trend",
			Query: []Param{targetParam}, Status: ok, Response: Readiness{}, Errors: []int{http.StatusConflict}, Handler: a.getReadiness},
		{ID: "listReadinessTargets", Method: get, Path: p + "/readiness/targets", Tag: "readiness", Summary: "Your readiness for every target role, the shortest climb first",
			Status: ok, Response: []Readiness{}, Handler: a.listReadinessTargets},

		{ID: "searchONET", Method: get, Path: p + "/onet/search", Tag: "onet", Summary: "Find O*NET occupations by code, title or alternate title",
			Query: []Param{{Name: "q", Required: true, Description: "words of a title, or a code prefix such as 15-12"},
				{Name: "limit", Integer: true, Description: "at most this many results, 1-100 (default 20)"}},
			Status: ok, Response: ONETSearch{}, Handler: a.searchONET},
		{ID: "getONETOccupation", Method: get, Path: p + "/onet/occupations/{code}", Tag: "onet", Summary: "An O*NET occupation: ratings, tasks, technology, education",
			PathParams: []Param{{Name: "code", Required: true, Description: "an O*NET-SOC code such as 15-1244.00"}},
			Status:     ok, Response: ONETOccupation{}, Errors: notFound, Handler: a.getONETOccupation},
		{ID: "compareONET", Method: get, Path: p + "/onet/compare", Tag: "onet", Summary: "Compare two occupations (as `ladder onet compare --json`)",
			Description: "from and to take an O*NET-SOC code or one of our role slugs (its rated O*NET occupation); " +
				"they default to your start role and your target role.",
			Query: []Param{{Name: "from", Description: "default: your start role"}, {Name: "to", Description: "default: your target role"},
				{Name: "domain", Enum: []string{"skills", "knowledge", "work_activities"}, Description: "only gaps and transfers of one domain"}},
			Status: ok, Response: ONETComparison{}, Handler: a.compareONET},

		{ID: "listEvidence", Method: get, Path: p + "/evidence", Tag: "evidence", Summary: "Your evidence log, newest first (as `ladder log list --json`)",
			Query:  []Param{{Name: "kind", Description: "only this kind of entry"}, {Name: "competency", Description: "only entries showing this competency"}},
			Status: ok, Response: []Evidence{}, Handler: a.listEvidence},
		{ID: "createEvidence", Method: post, Path: p + "/evidence", Tag: "evidence", Summary: "Log something you did, with dates, competencies and figures",
			Description: "Entries linked to a competency back its current level: see docs/readiness.md.",
			Body:        EvidenceCreate{}, Status: created, Response: Evidence{},
			Headers: map[string]string{"Location": "the new entry's URL"}, Handler: a.createEvidence},
		{ID: "deleteEvidence", Method: del, Path: p + "/evidence/{id}", Tag: "evidence", Summary: "Delete one of your evidence entries",
			PathParams: []Param{idParam}, Status: none, Errors: notFound, Handler: a.deleteEvidence},

		{ID: "listJournal", Method: get, Path: p + "/journal", Tag: "journal", Summary: "Your reflection journal, newest first",
			Query: []Param{{Name: "kind", Enum: ladder.JournalKinds, Description: "only this kind of entry"},
				{Name: "tag", Description: "only entries with this tag"}},
			Status: ok, Response: []JournalEntry{}, Handler: a.listJournal},
		{ID: "createJournalEntry", Method: post, Path: p + "/journal", Tag: "journal", Summary: "Write a win, a challenge, a lesson or a structured reflection",
			Body: JournalCreate{}, Status: created, Response: JournalEntry{},
			Headers: map[string]string{"Location": "the new entry's URL"}, Handler: a.createJournalEntry},
		{ID: "deleteJournalEntry", Method: del, Path: p + "/journal/{id}", Tag: "journal", Summary: "Delete one of your journal entries",
			PathParams: []Param{idParam}, Status: none, Errors: notFound, Handler: a.deleteJournalEntry},

		{ID: "getPlan", Method: get, Path: p + "/plan", Tag: "plan", Summary: "Your development plan: SMART goals, their actions and the 70-20-10 mix",
			Description: "404 when you have no plan yet: generate one with POST /api/v1/plan/generate.",
			Status:      ok, Response: Plan{}, Errors: notFound, Handler: a.getPlan},
		{ID: "generatePlan", Method: post, Path: p + "/plan/generate", Tag: "plan", Summary: "Make or remake your plan from your current gaps",
			Description: "The plan starts today and runs `months` (6, 12 or 18; default 12) or `until` a date. Remaking a plan " +
				"keeps its completed and edited goals and actions. With no gap to the target role it is 400.",
			Body: PlanGenerate{}, Status: ok, Response: Plan{}, Handler: a.generatePlan},
		{ID: "updatePlanAction", Method: post, Path: p + "/plan/actions/{id}", Tag: "plan", Summary: "Mark an action of your plan done or not done, or drop it",
			Description: "Send {\"done\": true|false} or {\"dropped\": true}. A dropped action stays in the plan, marked, " +
				"so that remaking the plan does not offer it again.",
			PathParams: []Param{idParam}, Body: PlanActionUpdate{}, Status: ok, Response: PlanAction{}, Errors: notFound,
			Handler: a.updatePlanAction},
		{ID: "getPlanICS", Method: get, Path: p + "/plan.ics", Tag: "plan", Summary: "Your plan's milestones as an iCalendar file",
			Description: "An all-day event on the due date of every action not dropped and on the target date of every goal; " +
				"importing the file again updates the events rather than duplicating them.",
			Status: ok, Response: "", ContentType: "text/calendar", Errors: notFound,
			Headers: map[string]string{"Content-Disposition": "attachment, with a file name"}, Handler: a.getPlanICS},

		{ID: "getAgenda", Method: get, Path: p + "/agenda", Tag: "agenda", Summary: "What is overdue and what falls due in the next days",
			Description: "Plan actions, contact follow-ups, mentoring sessions, events, membership renewals, opportunity next steps, " +
				"one-to-ones and first-90-days steps: overdue items first, then by day. The same list as `ladder today --json`.",
			Query:  []Param{{Name: "days", Integer: true, Description: "how many days ahead from today, 1-366 (default 7)"}},
			Status: ok, Response: []Reminder{}, Handler: a.getAgenda},
		{ID: "getCalendarICS", Method: get, Path: p + "/calendar.ics", Tag: "agenda", Summary: "Everything dated as one iCalendar file",
			Description: "The plan's goals and actions and every other reminder, from a year back to two years ahead, as all-day events " +
				"with stable UIDs, so that importing the file again updates events rather than duplicating them.",
			Status: ok, Response: "", ContentType: "text/calendar",
			Headers: map[string]string{"Content-Disposition": "attachment, with a file name"}, Handler: a.getCalendarICS},

		{ID: "listCertifications", Method: get, Path: p + "/certifications", Tag: "certifications",
			Summary: "The certification catalogue with your status, eligibility and recommendations",
			Description: "Eligibility is a guide from your evidence log, degree and certifications held: the issuer judges " +
				"the real application. Recommendations fit your target role and your biggest gaps.",
			Status: ok, Response: CertificationList{}, Handler: a.listCertifications},
		{ID: "getCertification", Method: get, Path: p + "/certifications/{key}", Tag: "certifications",
			Summary:    "One certification with your status and eligibility",
			PathParams: []Param{certKeyParam}, Status: ok, Response: Certification{}, Errors: notFound, Handler: a.getCertification},
		{ID: "setCertification", Method: put, Path: p + "/certifications/{key}", Tag: "certifications",
			Summary: "Set your status with a certification: considering, studying, booked, passed or expired",
			Description: "The body replaces your whole record of the certification. A booked exam needs exam_booked, " +
				"a pass needs passed, an expired certification needs expires.",
			PathParams: []Param{certKeyParam}, Body: CertificationUpdate{}, Status: ok, Response: Certification{},
			Errors: notFound, Handler: a.setCertification},
		{ID: "setDegree", Method: put, Path: p + "/me/degree", Tag: "certifications",
			Summary: "Record your highest degree, which some prerequisites depend on",
			Body:    DegreeUpdate{}, Status: ok, Response: Degree{}, Handler: a.setDegree},

		{ID: "getLearning", Method: get, Path: p + "/learning", Tag: "learning",
			Summary: "Your learning items, the weeks you logged and your learning streak",
			Status:  ok, Response: Learning{}, Handler: a.getLearning},
		{ID: "createLearningItem", Method: post, Path: p + "/learning/items", Tag: "learning",
			Summary: "Add a course, book or other resource, your own or a starter resource",
			Body:    LearningItemCreate{}, Status: created, Response: LearningItem{},
			Headers: map[string]string{"Location": "the new item's URL"}, Handler: a.createLearningItem},
		{ID: "updateLearningItem", Method: patch, Path: p + "/learning/items/{id}", Tag: "learning",
			Summary:     "Record progress, a new status or notes on one of your learning items",
			Description: "Progress 100 marks the item done; progress on a done item reopens it. Fields left out stay as they are.",
			PathParams:  []Param{idParam}, Body: LearningItemPatch{}, Status: ok, Response: LearningItem{}, Errors: notFound,
			Handler: a.updateLearningItem},
		{ID: "logWeek", Method: put, Path: p + "/learning/weeks/{week}", Tag: "learning",
			Summary:     "Log how you split a week's hours between technical work, managerial work and learning",
			Description: "Any day of the week stands for its Monday. The body replaces the week's log; a week has 168 hours.",
			PathParams:  []Param{{Name: "week", Required: true, Description: "a day of the week (YYYY-MM-DD)"}},
			Body:        WeekLog{}, Status: ok, Response: LearningWeek{}, Handler: a.logWeek},

		{ID: "listMentors", Method: get, Path: p + "/mentors", Tag: "mentoring",
			Summary: "Your mentors, active first, each with the good-mentor checklist",
			Status:  ok, Response: []Mentor{}, Handler: a.listMentors},
		{ID: "createMentor", Method: post, Path: p + "/mentors", Tag: "mentoring",
			Summary:     "Record a mentor, inside or outside your organisation",
			Description: "Strengths are competency keys; criteria are the keys of the good-mentor criteria you judge met (see the checklist).",
			Body:        MentorBody{}, Status: created, Response: Mentor{},
			Headers: map[string]string{"Location": "the new mentor's URL"}, Handler: a.createMentor},
		{ID: "getMentor", Method: get, Path: p + "/mentors/{id}", Tag: "mentoring", Summary: "One of your mentors with your sessions, newest first",
			PathParams: []Param{idParam}, Status: ok, Response: MentorDetail{}, Errors: notFound, Handler: a.getMentor},
		{ID: "updateMentor", Method: put, Path: p + "/mentors/{id}", Tag: "mentoring", Summary: "Replace the record of one of your mentors",
			PathParams: []Param{idParam}, Body: MentorBody{}, Status: ok, Response: Mentor{}, Errors: notFound, Handler: a.updateMentor},
		{ID: "deleteMentor", Method: del, Path: p + "/mentors/{id}", Tag: "mentoring", Summary: "Delete one of your mentors with their sessions",
			Description: "Plan actions made from agreed actions stay in your plan.",
			PathParams:  []Param{idParam}, Status: none, Errors: notFound, Handler: a.deleteMentor},
		{ID: "getMentorAgenda", Method: get, Path: p + "/mentors/{id}/agenda", Tag: "mentoring",
			Summary:     "A suggested agenda for your next session with this mentor",
			Description: "Topics from your current largest gaps, those the mentor is strong in first; empty without a target role or gaps.",
			PathParams:  []Param{idParam}, Status: ok, Response: []AgendaTopic{}, Errors: notFound, Handler: a.getMentorAgenda},
		{ID: "listMentoringSessions", Method: get, Path: p + "/mentors/{id}/sessions", Tag: "mentoring",
			Summary:    "Your sessions with one mentor, newest first, with the actions agreed",
			PathParams: []Param{idParam}, Status: ok, Response: []MentoringSession{}, Errors: notFound, Handler: a.listMentoringSessions},
		{ID: "createMentoringSession", Method: post, Path: p + "/mentors/{id}/sessions", Tag: "mentoring",
			Summary:    "Plan or record a session with one of your mentors, with the actions agreed",
			PathParams: []Param{idParam}, Body: SessionCreate{}, Status: created, Response: MentoringSession{}, Errors: notFound,
			Headers: map[string]string{"Location": "the new session's URL"}, Handler: a.createMentoringSession},
		{ID: "updateMentoringSession", Method: put, Path: p + "/mentoring/sessions/{id}", Tag: "mentoring",
			Summary:     "Change a session's date, agenda, notes or status",
			Description: "The body replaces those four fields; the agreed actions stay as they are.",
			PathParams:  []Param{idParam}, Body: SessionUpdate{}, Status: ok, Response: MentoringSession{}, Errors: notFound,
			Handler: a.updateMentoringSession},
		{ID: "deleteMentoringSession", Method: del, Path: p + "/mentoring/sessions/{id}", Tag: "mentoring",
			Summary:    "Delete one of your sessions with its agreed actions",
			PathParams: []Param{idParam}, Status: none, Errors: notFound, Handler: a.deleteMentoringSession},
		{ID: "addAgreedAction", Method: post, Path: p + "/mentoring/sessions/{id}/actions", Tag: "mentoring",
			Summary:    "Add an agreed action to one of your sessions",
			PathParams: []Param{idParam}, Body: AgreedActionBody{}, Status: created, Response: AgreedAction{}, Errors: notFound,
			Headers: map[string]string{"Location": "the new action's URL"}, Handler: a.addAgreedAction},
		{ID: "deleteAgreedAction", Method: del, Path: p + "/mentoring/actions/{id}", Tag: "mentoring",
			Summary:    "Delete an agreed action; a plan action made from it stays in your plan",
			PathParams: []Param{idParam}, Status: none, Errors: notFound, Handler: a.deleteAgreedAction},
		{ID: "addAgreedActionToPlan", Method: post, Path: p + "/mentoring/actions/{id}/plan", Tag: "mentoring",
			Summary: "Add an agreed action to your plan as an action of your own",
			Description: "It goes under the goal of its competency, else the first goal, due by your next planned session with " +
				"the mentor (else in four weeks). 409 when it is in your plan already or you have no plan yet.",
			PathParams: []Param{idParam}, Status: created, Response: PlanAction{}, Errors: []int{http.StatusNotFound, http.StatusConflict},
			Handler: a.addAgreedActionToPlan},

		{ID: "listContacts", Method: get, Path: p + "/contacts", Tag: "network",
			Summary: "Your contacts: those with a follow-up date first, soonest first",
			Status:  ok, Response: []Contact{}, Handler: a.listContacts},
		{ID: "createContact", Method: post, Path: p + "/contacts", Tag: "network", Summary: "Add someone to your network",
			Body: ContactBody{}, Status: created, Response: Contact{},
			Headers: map[string]string{"Location": "the new contact's URL"}, Handler: a.createContact},
		{ID: "updateContact", Method: put, Path: p + "/contacts/{id}", Tag: "network", Summary: "Replace the record of one of your contacts",
			PathParams: []Param{idParam}, Body: ContactBody{}, Status: ok, Response: Contact{}, Errors: notFound, Handler: a.updateContact},
		{ID: "deleteContact", Method: del, Path: p + "/contacts/{id}", Tag: "network", Summary: "Delete one of your contacts",
			PathParams: []Param{idParam}, Status: none, Errors: notFound, Handler: a.deleteContact},
		{ID: "contactedToday", Method: post, Path: p + "/contacts/{id}/contacted", Tag: "network",
			Summary:    "Record that you were in touch today, with the next follow-up date",
			PathParams: []Param{idParam}, Body: Contacted{}, Status: ok, Response: Contact{}, Errors: notFound, Handler: a.contactedToday},
		{ID: "listMemberships", Method: get, Path: p + "/memberships", Tag: "network",
			Summary: "Your memberships of professional organisations, members first",
			Status:  ok, Response: []Membership{}, Handler: a.listMemberships},
		{ID: "createMembership", Method: post, Path: p + "/memberships", Tag: "network",
			Summary:     "Record a professional organisation you belong to or consider joining",
			Description: "Give a known organisation by key or one of your own by name. A second membership of the same known organisation is 409.",
			Body:        MembershipBody{}, Status: created, Response: Membership{}, Errors: []int{http.StatusConflict},
			Headers: map[string]string{"Location": "the new membership's URL"}, Handler: a.createMembership},
		{ID: "updateMembership", Method: put, Path: p + "/memberships/{id}", Tag: "network", Summary: "Replace one of your memberships",
			PathParams: []Param{idParam}, Body: MembershipBody{}, Status: ok, Response: Membership{},
			Errors: []int{http.StatusNotFound, http.StatusConflict}, Handler: a.updateMembership},
		{ID: "deleteMembership", Method: del, Path: p + "/memberships/{id}", Tag: "network", Summary: "Delete one of your memberships",
			PathParams: []Param{idParam}, Status: none, Errors: notFound, Handler: a.deleteMembership},
		{ID: "listEvents", Method: get, Path: p + "/events", Tag: "network", Summary: "Your events and conferences, latest first",
			Status: ok, Response: []Event{}, Handler: a.listEvents},
		{ID: "createEvent", Method: post, Path: p + "/events", Tag: "network", Summary: "Record an event or conference, planned or attended",
			Description: "contact_ids must be your own contacts.",
			Body:        EventBody{}, Status: created, Response: Event{},
			Headers: map[string]string{"Location": "the new event's URL"}, Handler: a.createEvent},
		{ID: "updateEvent", Method: put, Path: p + "/events/{id}", Tag: "network", Summary: "Replace one of your events",
			PathParams: []Param{idParam}, Body: EventBody{}, Status: ok, Response: Event{}, Errors: notFound, Handler: a.updateEvent},
		{ID: "deleteEvent", Method: del, Path: p + "/events/{id}", Tag: "network", Summary: "Delete one of your events",
			PathParams: []Param{idParam}, Status: none, Errors: notFound, Handler: a.deleteEvent},

		{ID: "listTokens", Method: get, Path: p + "/tokens", Tag: "tokens", Summary: "Your personal access tokens, oldest first (never their secrets)",
			Status: ok, Response: []Token{}, Handler: a.listTokens},
		{ID: "createToken", Method: post, Path: p + "/tokens", Tag: "tokens", Summary: "Create a personal access token; its secret is shown only in this response",
			Body: TokenCreate{}, Status: created, Response: TokenCreated{}, Errors: []int{http.StatusConflict}, Handler: a.createToken},
		{ID: "deleteToken", Method: del, Path: p + "/tokens/{id}", Tag: "tokens", Summary: "Revoke one of your tokens at once",
			PathParams: []Param{idParam}, Status: none, Errors: notFound, Handler: a.deleteToken},

		{ID: "exportData", Method: get, Path: p + "/export", Tag: "profile", Summary: "All your data as JSON",
			Status: ok, Response: Export{}, Headers: map[string]string{"Content-Disposition": "attachment, with a file name"}, Handler: a.exportData},
	}, slices.Concat(a.first90Operations(), a.landingOperations(), a.orgOperations(), a.feedbackOperations(), a.ssoOperations(),
		a.sharingOperations(), a.cohortFeedbackOperations(), a.pipelineOperations())...)
}

func (a *API) getOpenAPI(w http.ResponseWriter, _ *http.Request) error {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "public, max-age=300")
	_, err := w.Write(a.doc)
	return err
}
