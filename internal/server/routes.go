package server

import "net/http"

// webRoutes is the table of HTML routes.
func (s *Server) webRoutes() []Route {
	w := s.Web
	h := w.Handle
	return []Route{
		{"GET", "/static/", Public, w.Assets},
		{"GET", "/healthz", Public, http.HandlerFunc(func(rw http.ResponseWriter, _ *http.Request) { rw.Write([]byte("ok\n")) })},
		{"GET", "/setup", Public, h(w.Setup)},
		{"POST", "/setup", Public, h(w.CreateOwner)},
		{"GET", "/login", Public, h(w.Login)},
		{"POST", "/login", Public, h(w.LoginSubmit)},
		{"POST", "/logout", Public, h(w.Logout)},
		{"GET", "/demo", Public, h(s.enterDemo)},
		{"GET", "/{$}", Person, h(w.Dashboard)},

		{"GET", "/onboarding", Person, h(w.Onboarding)},
		{"POST", "/onboarding", Person, h(w.OnboardingSave)},
		{"GET", "/roles/search", Person, h(w.RoleSearch)},

		{"GET", "/assess", Person, h(w.Assess)},
		{"POST", "/assess/finish", Person, h(w.AssessFinish)},
		{"GET", "/assess/{area}", Person, h(w.AssessArea)},
		{"POST", "/assess/{area}", Person, h(w.AssessAreaSave)},
		{"POST", "/assess/{area}/rating", Person, h(w.AssessRating)},

		{"GET", "/gaps", Person, h(w.Gaps)},
		{"GET", "/readiness", Person, h(w.Readiness)},
		{"GET", "/compare", Person, h(w.Compare)},
		{"GET", "/shift", Person, h(w.Shift)},

		{"GET", "/settings", Person, h(w.Settings)},
		{"POST", "/settings/profile", Person, h(w.SettingsProfile)},
		{"POST", "/settings/password", Person, h(w.SettingsPassword)},
		{"POST", "/settings/tokens", Person, h(w.SettingsTokenCreate)},
		{"POST", "/settings/tokens/{id}/delete", Person, h(w.SettingsTokenDelete)},
		{"GET", "/settings/export", Person, h(w.SettingsExport)},

		{"GET", "/plan", Person, h(w.Plan)},
		{"POST", "/plan", Person, h(w.GeneratePlan)},
		{"POST", "/plan/actions/{id}", Person, h(w.PlanAction)},
		{"GET", "/plan.ics", Person, h(w.PlanICS)},
		{"POST", "/plan/actions/{id}/edit", Person, h(w.EditPlanAction)},
		{"POST", "/plan/actions/{id}/move", Person, h(w.MovePlanAction)},
		{"POST", "/plan/goals/{id}/actions", Person, h(w.AddPlanAction)},
		{"POST", "/plan/goals/{id}", Person, h(w.EditPlanGoal)},

		{"GET", "/evidence", Person, h(w.Evidence)},
		{"POST", "/evidence", Person, h(w.CreateEvidence)},
		{"POST", "/evidence/{id}/delete", Person, h(w.DeleteEvidence)},

		{"GET", "/journal", Person, h(w.Journal)},
		{"POST", "/journal", Person, h(w.CreateJournalEntry)},
		{"POST", "/journal/{id}/delete", Person, h(w.DeleteJournalEntry)},
		{"GET", "/journal/brag", Person, h(w.Brag)},
		{"GET", "/journal/challenges", Person, h(w.Challenges)},

		{"GET", "/certs", Person, h(w.Certs)},
		{"GET", "/certs/{key}", Person, h(w.Cert)},
		{"POST", "/certs/{key}", Person, h(w.SaveCert)},

		{"GET", "/learning", Person, h(w.Learning)},
		{"POST", "/learning/items", Person, h(w.CreateLearningItem)},
		{"POST", "/learning/items/{id}", Person, h(w.UpdateLearningItem)},
		{"POST", "/learning/week", Person, h(w.LogWeek)},

		{"GET", "/report", Person, h(w.Report)},
		{"GET", "/report.md", Person, h(w.ReportMarkdown)},
		{"GET", "/report.pdf", Person, h(w.ReportPDF)},

		{"GET", "/opportunities", Person, h(w.Opportunities)},
		{"POST", "/opportunities", Person, h(w.CreateOpportunity)},
		{"POST", "/opportunities/supervisor", Person, h(w.SupervisorTalk)},
		{"GET", "/opportunities/{id}", Person, h(w.Opportunity)},
		{"POST", "/opportunities/{id}", Person, h(w.UpdateOpportunity)},
		{"POST", "/opportunities/{id}/stage", Person, h(w.MoveOpportunity)},
		{"POST", "/opportunities/{id}/delete", Person, h(w.DeleteOpportunity)},

		{"GET", "/resume", Person, h(w.Resume)},
		{"POST", "/resume/generate", Person, h(w.GenerateResume)},
		{"POST", "/resume/bullets/{id}", Person, h(w.EditBullet)},
		{"POST", "/resume/bullets/{id}/move", Person, h(w.MoveBullet)},
		{"POST", "/resume/bullets/{id}/hide", Person, h(w.HideBullet)},
		{"GET", "/resume.md", Person, h(w.ResumeMarkdown)},
		{"GET", "/resume.txt", Person, h(w.ResumeText)},
		{"GET", "/resume/cover-letter", Person, h(w.CoverLetter)},
		{"GET", "/resume/cover-letter.md", Person, h(w.CoverLetterMarkdown)},

		{"GET", "/interview", Person, h(w.Interview)},
		{"GET", "/interview/{key}", Person, h(w.InterviewQuestion)},
		{"POST", "/interview/{key}", Person, h(w.PracticeQuestion)},
	}
}
