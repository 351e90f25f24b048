package server

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
)

// bodyHas checks that the body holds each of want with the fixture's
// placeholders filled in (want and wantNot are compared as written).
func bodyHas(want ...string) func(t *testing.T, f *webFixture, r *httpResult) {
	return func(t *testing.T, f *webFixture, r *httpResult) {
		t.Helper()
		pairs := []string{"{aliceEvidence}", fmt.Sprint(f.evidence["alice"]), "{bobEvidence}", fmt.Sprint(f.evidence["bob"])}
		for k, v := range f.extra {
			pairs = append(pairs, k, v)
		}
		fill := strings.NewReplacer(pairs...).Replace
		for _, w := range want {
			if !strings.Contains(r.body, fill(w)) {
				t.Errorf("body lacks %q", fill(w))
			}
		}
		if strings.Contains(r.body, fill(`name="evidence" value="{bobEvidence}"`)) {
			t.Errorf("the page offers Bob's evidence")
		}
	}
}

// landingScenarios cover the opportunities, resume and interview pages:
// the happy paths, another person's ids (404, nothing changed) and bad
// input (422 naming the field, nothing saved).
func landingScenarios() []webScenario {
	today := time.Now().UTC().Format(time.DateOnly)
	ctx := context.Background()
	opps := func(t *testing.T, f *webFixture, p *ladder.Person) []*ladder.Opportunity {
		t.Helper()
		os, err := f.j.Opportunities.FindOpportunities(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		return os
	}
	bullet := func(t *testing.T, f *webFixture, p *ladder.Person, placeholder string) *ladder.ResumeBullet {
		t.Helper()
		b, err := f.j.Resume.FindResumeBullet(ctx, p.ID, f.extraID(t, placeholder))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	bobUnchanged := func(t *testing.T, f *webFixture, _ *httpResult) {
		os := opps(t, f, f.bob)
		if len(os) != 1 || os[0].Title != "Bob's secret role" || os[0].Stage != ladder.StageSpotted {
			t.Errorf("Bob's opportunity changed: %+v", os)
		}
		if b := bullet(t, f, f.bob, "{bobBullet}"); b.Edited || b.Hidden || b.Position != 1 {
			t.Errorf("Bob's bullet changed: %+v", b)
		}
	}
	aliceOpps := func(n int) func(t *testing.T, f *webFixture, _ *httpResult) {
		return func(t *testing.T, f *webFixture, _ *httpResult) {
			if os := opps(t, f, f.alice); len(os) != n {
				t.Errorf("Alice has %d opportunities, want %d", len(os), n)
			}
		}
	}
	return []webScenario{
		// Opportunities.
		{name: "OpportunitiesOK", req: get("/opportunities", "alice"), status: 200,
			want: []string{"Alice&#39;s team lead role", "Talk to your supervisor first", "None of your opportunities has been discussed",
				`action="/opportunities/supervisor"`, `aria-current="page">Opportunities`, "Discussed with supervisor", `action="/opportunities"`},
			wantNot: []string{"Bob&#39;s secret role"}},
		{name: "OpportunityCreate", req: post("/opportunities", "alice", form("title", "IT manager", "organisation", "Globex",
			"kind", "management-role", "stage", "applied", "since", today, "next_step", "Prepare", "next_step_date", "2030-01-02",
			"link", "https://example.com/job")), status: 303, location: "/opportunities",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				var got *ladder.Opportunity
				for _, o := range opps(t, f, f.alice) {
					if o.Title == "IT manager" {
						got = o
					}
				}
				if got == nil || got.Internal || got.Stage != ladder.StageApplied || len(got.History) != 1 ||
					got.NextStepDate.Format(time.DateOnly) != "2030-01-02" || got.Organisation != "Globex" {
					t.Errorf("%+v", got)
				}
			}},
		{name: "ErrOpportunityCreate", req: post("/opportunities", "alice", form("title", "", "kind", "job", "link", "ftp://x",
			"next_step_date", "soon", "stage", "spotted")), status: 422,
			want:  []string{"Title is required", "Kind must be one of", "Link must start with", "Next step date must be a date", `value="ftp://x"`},
			check: aliceOpps(1)},
		{name: "ErrOpportunityCreateFuture", req: post("/opportunities", "alice", form("title", "x", "kind", "other", "stage", "spotted",
			"since", "2999-01-01")), status: 422, want: []string{"in the future"}, check: aliceOpps(1)},
		{name: "SupervisorTalk", req: post("/opportunities/supervisor", "alice", form("date", today, "note", "Asked about the team-lead role")),
			status: 303, location: "/opportunities",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				tk, err := f.j.Opportunities.FindSupervisorTalk(ctx, f.alice.ID)
				if err != nil || tk.Date.Format(time.DateOnly) != today || tk.Note != "Asked about the team-lead role" {
					t.Errorf("%v %+v", err, tk)
				}
				if _, err := f.j.Opportunities.FindSupervisorTalk(ctx, f.bob.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
					t.Errorf("Bob got a talk: %v", err)
				}
				rec := f.do(get("/opportunities", "alice"))
				if strings.Contains(rec.Body.String(), "Talk to your supervisor first") || !strings.Contains(rec.Body.String(), "You talked to your supervisor") {
					t.Errorf("the prompt stays after the talk")
				}
			}},
		{name: "ErrSupervisorTalk", req: post("/opportunities/supervisor", "alice", form("date", "yesterday")), status: 422,
			want: []string{"Date must be a date", `value="yesterday"`},
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if _, err := f.j.Opportunities.FindSupervisorTalk(ctx, f.alice.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
					t.Errorf("a refused talk was saved: %v", err)
				}
			}},
		{name: "ErrSupervisorTalkMissingDate", req: post("/opportunities/supervisor", "alice", form("date", "")), status: 422,
			want: []string{"Date is required"}},
		{name: "OpportunityOK", req: get("/opportunities/{aliceOpp}", "alice"), status: 200,
			want:  []string{"Alice&#39;s team lead role", "History", `aria-current="step"`, "Spotted", `value="discussed" selected`, "/resume/cover-letter?opportunity="},
			check: bodyHas(`action="/opportunities/{aliceOpp}/stage"`)},
		{name: "ErrOpportunityOthers", req: get("/opportunities/{bobOpp}", "alice"), status: 404, wantNot: []string{"Bob&#39;s secret role"}},
		{name: "ErrOpportunityBadID", req: get("/opportunities/x", "alice"), status: 404},
		{name: "OpportunityUpdate", req: post("/opportunities/{aliceOpp}", "alice", form("title", "Team lead, platform", "organisation", "Acme",
			"kind", "acting-role", "notes", "Covering for Dana", "next_step", "", "next_step_date", "")), status: 303, location: "/opportunities/",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				o := opps(t, f, f.alice)[0]
				if o.Title != "Team lead, platform" || o.Kind != ladder.OpportunityActing || o.Internal || o.Notes != "Covering for Dana" ||
					o.NextStep != "" || o.Stage != ladder.StageSpotted {
					t.Errorf("%+v", o)
				}
			}},
		{name: "ErrOpportunityUpdate", req: post("/opportunities/{aliceOpp}", "alice", form("title", "", "kind", "other", "next_step_date", "2026-13-40")),
			status: 422, want: []string{"Title is required", "Next step date must be a date"},
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if o := opps(t, f, f.alice)[0]; o.Title != "Alice's team lead role" {
					t.Errorf("a refused update was saved: %+v", o)
				}
			}},
		{name: "ErrOpportunityUpdateOthers", req: post("/opportunities/{bobOpp}", "alice", form("title", "Mine now", "kind", "other")),
			status: 404, check: bobUnchanged},
		{name: "OpportunityMove", req: post("/opportunities/{aliceOpp}/stage", "alice", form("stage", "discussed", "date", today)),
			status: 303, location: "/opportunities/",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				o := opps(t, f, f.alice)[0]
				if o.Stage != ladder.StageDiscussed || len(o.History) != 2 || o.History[1].Stage != ladder.StageDiscussed {
					t.Errorf("%+v", o)
				}
			}},
		{name: "ErrOpportunityMoveSame", req: post("/opportunities/{aliceOpp}/stage", "alice", form("stage", "spotted", "date", today)),
			status: 422, want: []string{"Stage is the stage it is in already"}},
		{name: "ErrOpportunityMoveStage", req: post("/opportunities/{aliceOpp}/stage", "alice", form("stage", "hired")),
			status: 422, want: []string{"Stage must be one of"}},
		{name: "ErrOpportunityMoveDate", req: post("/opportunities/{aliceOpp}/stage", "alice", form("stage", "applied", "date", "someday")),
			status: 422, want: []string{"Date must be a date"},
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if o := opps(t, f, f.alice)[0]; len(o.History) != 1 {
					t.Errorf("a refused move was saved: %+v", o.History)
				}
			}},
		{name: "ErrOpportunityMoveOthers", req: post("/opportunities/{bobOpp}/stage", "alice", form("stage", "applied")), status: 404, check: bobUnchanged},
		{name: "OpportunityDelete", req: post("/opportunities/{aliceOpp}/delete", "alice", nil), status: 303, location: "/opportunities",
			check: aliceOpps(0)},
		{name: "ErrOpportunityDeleteOthers", req: post("/opportunities/{bobOpp}/delete", "alice", nil), status: 404, check: bobUnchanged},

		// Resume.
		{name: "ResumeOK", req: get("/resume", "alice"), status: 200,
			want: []string{"Led the storage migration", "Alice&#39;s own line, saved 12,000 EUR.", "Why here: Shows ",
				`href="/resume.md"`, `href="/resume.txt"`, `aria-current="page">Resume`, "ranked for the role of"},
			wantNot: []string{"Bob&#39;s secret project"}, check: bodyHas(`action="/resume/bullets/{aliceBullet}"`)},
		{name: "ResumeWithoutTarget", req: get("/resume", "carol"), status: 303, location: "/onboarding"},
		{name: "ResumeGenerate", req: post("/resume/generate", "alice", nil), status: 303, location: "/resume",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if bs, _ := f.j.Resume.FindResumeBullets(ctx, f.alice.ID); len(bs) != 2 {
					t.Errorf("%d bullets", len(bs))
				}
			}},
		{name: "ResumeGenerateWithoutTarget", req: post("/resume/generate", "carol", nil), status: 303, location: "/onboarding"},
		{name: "ResumeEditBullet", req: post("/resume/bullets/{aliceBullet}", "alice", form("text", "My own line.", "result", "It worked.")),
			status: 303, location: "/resume",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if b := bullet(t, f, f.alice, "{aliceBullet}"); b.Text != "My own line." || b.Result != "It worked." || !b.Edited {
					t.Errorf("%+v", b)
				}
			}},
		{name: "ErrResumeEditBullet", req: post("/resume/bullets/{aliceBullet}", "alice", form("text", " ", "situation", "Kept in the form")),
			status: 422, want: []string{"Text is required", "Kept in the form"},
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if b := bullet(t, f, f.alice, "{aliceBullet}"); b.Edited {
					t.Errorf("a refused edit was saved: %+v", b)
				}
			}},
		{name: "ErrResumeEditOthers", req: post("/resume/bullets/{bobBullet}", "alice", form("text", "Mine")), status: 404, check: bobUnchanged},
		{name: "ErrResumeEditBadID", req: post("/resume/bullets/x", "alice", form("text", "Mine")), status: 404},
		{name: "ResumeMove", req: post("/resume/bullets/{aliceBullet}/move", "alice", form("position", "2")), status: 303, location: "/resume",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if b := bullet(t, f, f.alice, "{aliceBullet}"); b.Position != 2 {
					t.Errorf("%+v", b)
				}
			}},
		{name: "ErrResumeMove", req: post("/resume/bullets/{aliceBullet}/move", "alice", form("position", "first")), status: 422,
			want: []string{"The position is not valid", "position must be a whole number"}},
		{name: "ErrResumeMoveOthers", req: post("/resume/bullets/{bobBullet}/move", "alice", form("position", "2")), status: 404, check: bobUnchanged},
		{name: "ResumeHide", req: post("/resume/bullets/{aliceBullet}/hide", "alice", form("hidden", "1")), status: 303, location: "/resume",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if b := bullet(t, f, f.alice, "{aliceBullet}"); !b.Hidden || b.Edited {
					t.Errorf("%+v", b)
				}
				if md := f.do(get("/resume.md", "alice")).Body.String(); strings.Contains(md, "storage migration") {
					t.Errorf("the hidden bullet is in the download:\n%s", md)
				}
			}},
		{name: "ErrResumeHide", req: post("/resume/bullets/{aliceBullet}/hide", "alice", form("hidden", "maybe")), status: 422,
			want: []string{"hidden must be 1 (hide) or 0 (show)"}},
		{name: "ErrResumeHideOthers", req: post("/resume/bullets/{bobBullet}/hide", "alice", form("hidden", "1")), status: 404, check: bobUnchanged},
		{name: "ResumeMarkdown", req: get("/resume.md", "alice"), status: 200,
			want:    []string{"# Resume bullets: Alice", "- Alice's own line, saved 12,000 EUR.", "**Situation:**"},
			wantNot: []string{"Bob's secret project"},
			check: func(t *testing.T, _ *webFixture, r *httpResult) {
				wantAttachment(t, r, "text/markdown", "ladder-resume.md")
			}},
		{name: "ResumeText", req: get("/resume.txt", "alice"), status: 200,
			want: []string{"RESUME BULLETS: Alice", "* Alice's own line"}, wantNot: []string{"**", "Bob's secret project"},
			check: func(t *testing.T, _ *webFixture, r *httpResult) {
				wantAttachment(t, r, "text/plain", "ladder-resume.txt")
			}},
		{name: "CoverLetterOK", req: get("/resume/cover-letter", "alice"), status: 200,
			want: []string{"Cover letter outline", "Proof you can lead", "What you would do first", "Alice&#39;s team lead role (Acme)",
				`href="/resume/cover-letter.md"`}},
		{name: "CoverLetterForOpportunity", req: get("/resume/cover-letter?opportunity={aliceOpp}", "alice"), status: 200,
			want:  []string{"For Alice&#39;s team lead role at Acme", "Having worked here"},
			check: bodyHas(`href="/resume/cover-letter.md?opportunity={aliceOpp}"`)},
		{name: "ErrCoverLetterOthers", req: get("/resume/cover-letter?opportunity={bobOpp}", "alice"), status: 404, wantNot: []string{"Bob&#39;s secret role"}},
		{name: "ErrCoverLetterBadOpportunity", req: get("/resume/cover-letter?opportunity=x", "alice"), status: 400, want: []string{"The opportunity is not valid"}},
		{name: "CoverLetterWithoutTarget", req: get("/resume/cover-letter", "carol"), status: 303, location: "/onboarding"},
		{name: "CoverLetterMarkdown", req: get("/resume/cover-letter.md?opportunity={aliceOpp}", "alice"), status: 200,
			want: []string{"# Cover letter outline: Alice", "For: Alice's team lead role at Acme", "## Proof you can lead"},
			check: func(t *testing.T, _ *webFixture, r *httpResult) {
				wantAttachment(t, r, "text/markdown", "ladder-cover-letter.md")
			}},
		{name: "ErrCoverLetterMarkdownOthers", req: get("/resume/cover-letter.md?opportunity={bobOpp}", "alice"), status: 404},

		// Interview practice.
		{name: "InterviewOK", req: get("/interview", "alice"), status: 200,
			want: []string{"Start with these", "Why management", `href="/interview/budget-built"`, "for your role", `aria-current="page">Interview`}},
		{name: "InterviewWithoutTarget", req: get("/interview", "carol"), status: 200, want: []string{"Choose a target role"},
			wantNot: []string{"Start with these"}},
		{name: "InterviewQuestionOK", req: get("/interview/budget-built", "alice"), status: 200,
			want:    []string{"Walk me through a budget", "What a strong answer shows", "No attempts yet"},
			wantNot: []string{"Bob&#39;s private answer"},
			check:   bodyHas(`name="evidence" value="{aliceEvidence}"`)},
		{name: "ErrInterviewQuestionUnknown", req: get("/interview/nope", "alice"), status: 404},
		{name: "InterviewPractice", req: post("/interview/budget-built", "alice", form("answer", "I built the backup budget.", "rating", "4",
			"date", today, "evidence", "{aliceEvidence}")), status: 303, location: "/interview/budget-built",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				as, err := f.j.Resume.FindPracticeAnswers(ctx, f.alice.ID, "budget-built")
				if err != nil || len(as) != 1 || as[0].Rating != 4 || len(as[0].EvidenceIDs) != 1 || as[0].EvidenceIDs[0] != f.evidence["alice"] {
					t.Errorf("%v %+v", err, as)
				}
				if body := f.do(get("/interview/budget-built", "alice")).Body.String(); !strings.Contains(body, "I built the backup budget.") ||
					!strings.Contains(body, "Uses: Led the storage migration") {
					t.Errorf("the attempt is not listed")
				}
			}},
		{name: "ErrInterviewPractice", req: post("/interview/budget-built", "alice", form("answer", "", "rating", "9")), status: 422,
			want: []string{"Answer is required", "Rating must be 1-5"},
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if as, _ := f.j.Resume.FindPracticeAnswers(ctx, f.alice.ID, ""); len(as) != 0 {
					t.Errorf("a refused answer was saved: %+v", as)
				}
			}},
		{name: "ErrInterviewPracticeOthersEvidence", req: post("/interview/budget-built", "alice", form("answer", "x", "rating", "3",
			"evidence", "{bobEvidence}")), status: 422, want: []string{"is not one of your evidence entries"},
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if as, _ := f.j.Resume.FindPracticeAnswers(ctx, f.alice.ID, ""); len(as) != 0 {
					t.Errorf("an answer with Bob's evidence was saved: %+v", as)
				}
			}},
		{name: "ErrInterviewPracticeUnknown", req: post("/interview/nope", "alice", form("answer", "x", "rating", "3")), status: 404},
	}
}
