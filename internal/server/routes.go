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

		{"GET", "/first90", Person, h(w.First90)},
		{"POST", "/first90", Person, h(w.SaveManager)},
		{"POST", "/first90/steps/{id}", Person, h(w.MarkFirst90Step)},
		{"POST", "/first90/week", Person, h(w.LogFirst90Week)},
		{"GET", "/team", Person, h(w.Team)},
		{"POST", "/team", Person, h(w.CreateTeamMember)},
		{"GET", "/team/{id}", Person, h(w.TeamMember)},
		{"POST", "/team/{id}", Person, h(w.UpdateTeamMember)},
		{"POST", "/team/{id}/delete", Person, h(w.DeleteTeamMember)},
		{"POST", "/team/{id}/one-to-ones", Person, h(w.CreateOneToOne)},
		{"POST", "/follow-ups/{id}", Person, h(w.SetFollowUp)},
		{"GET", "/stakeholders", Person, h(w.Stakeholders)},
		{"POST", "/stakeholders", Person, h(w.CreateStakeholder)},
		{"POST", "/stakeholders/{id}", Person, h(w.UpdateStakeholder)},
		{"POST", "/stakeholders/{id}/delete", Person, h(w.DeleteStakeholder)},
		{"GET", "/trust", Person, h(w.Trust)},
		{"POST", "/trust", Person, h(w.SaveTrust)},
		{"GET", "/delegation", Person, h(w.Delegation)},
		{"POST", "/delegation", Person, h(w.CreateDelegation)},
		{"POST", "/delegation/{id}", Person, h(w.UpdateDelegation)},
		{"POST", "/delegation/{id}/delete", Person, h(w.DeleteDelegation)},

		{"GET", "/report", Person, h(w.Report)},
		{"GET", "/report.md", Person, h(w.ReportMarkdown)},
		{"GET", "/report.pdf", Person, h(w.ReportPDF)},
	}
}
