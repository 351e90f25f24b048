package api

import (
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/opportunity"
	"github.com/ladderhq/ladder/internal/resume"
)

// Opportunity is a management opportunity the person follows. Dates are
// days, written YYYY-MM-DD.
type Opportunity struct {
	ID           int64         `json:"id"`
	Title        string        `json:"title"`
	Organisation string        `json:"organisation"`
	Internal     bool          `json:"internal" doc:"inside the person's own organisation"`
	Kind         string        `json:"kind" enum:"management-role,stretch-assignment,acting-role,lead-project,other"`
	Stage        string        `json:"stage" enum:"spotted,discussed,applied,interviewing,offered,taken,declined" doc:"discussed: discussed with the supervisor"`
	Open         bool          `json:"open" doc:"neither taken nor declined"`
	Notes        string        `json:"notes"`
	Link         string        `json:"link"`
	NextStep     string        `json:"next_step"`
	NextStepDate *string       `json:"next_step_date" doc:"YYYY-MM-DD; null for none. An open opportunity's next step is a reminder"`
	History      []StageChange `json:"history" doc:"every stage it was in with the day it got there, oldest first; the last is the current stage"`
	CreatedAt    time.Time     `json:"created_at"`
	UpdatedAt    time.Time     `json:"updated_at"`
}

// StageChange is one step of an opportunity's history.
type StageChange struct {
	Stage string `json:"stage" enum:"spotted,discussed,applied,interviewing,offered,taken,declined"`
	Date  string `json:"date" doc:"YYYY-MM-DD"`
}

// NewOpportunity converts an opportunity.
func NewOpportunity(o *ladder.Opportunity) Opportunity {
	out := Opportunity{ID: o.ID, Title: o.Title, Organisation: o.Organisation, Internal: o.Internal, Kind: o.Kind,
		Stage: o.Stage, Open: o.Open(), Notes: o.Notes, Link: o.Link, NextStep: o.NextStep, NextStepDate: optDay(o.NextStepDate),
		History: make([]StageChange, 0, len(o.History)), CreatedAt: o.CreatedAt, UpdatedAt: o.UpdatedAt}
	for _, c := range o.History {
		out.History = append(out.History, StageChange{Stage: c.Stage, Date: c.Date.Format(time.DateOnly)})
	}
	return out
}

// Pipeline is the person's opportunities and whether to talk to their
// supervisor first.
type Pipeline struct {
	Opportunities  []Opportunity `json:"opportunities" doc:"in pipeline order of their stage, most recently changed first"`
	SupervisorTalk *string       `json:"supervisor_talk" doc:"the day the person talked to their supervisor about management (YYYY-MM-DD); null until recorded"`
	Prompt         *Prompt       `json:"prompt" doc:"null when there is no need to prompt"`
}

// Prompt asks the person to talk to their supervisor before looking
// outside, with a short guide to the conversation.
type Prompt struct {
	Reason string   `json:"reason" enum:"none-discussed,outside-first"`
	Text   string   `json:"text"`
	Guide  []string `json:"guide" doc:"the steps of the conversation, each a title and its advice"`
}

// NewPipeline converts a pipeline.
func NewPipeline(pl *journey.Pipeline) Pipeline {
	out := Pipeline{Opportunities: make([]Opportunity, 0, len(pl.Opportunities))}
	for _, o := range pl.Opportunities {
		out.Opportunities = append(out.Opportunities, NewOpportunity(o))
	}
	if pl.Talk != nil {
		out.SupervisorTalk = optDay(pl.Talk.Date)
	}
	if pl.Prompt {
		p := &Prompt{Reason: pl.PromptReason, Text: opportunity.PromptText(pl.PromptReason), Guide: []string{}}
		for _, s := range pl.Guide.Steps {
			p.Guide = append(p.Guide, s.Title+": "+s.Text)
		}
		out.Prompt = p
	}
	return out
}

// OpportunityCreate is the body of POST /api/v1/opportunities.
type OpportunityCreate struct {
	Title        string `json:"title"`
	Organisation string `json:"organisation,omitempty"`
	Internal     bool   `json:"internal,omitempty"`
	Kind         string `json:"kind" enum:"management-role,stretch-assignment,acting-role,lead-project,other"`
	Stage        string `json:"stage,omitempty" enum:"spotted,discussed,applied,interviewing,offered,taken,declined" doc:"default spotted"`
	Since        string `json:"since,omitempty" doc:"the day it reached its stage (YYYY-MM-DD); leave out for today"`
	Notes        string `json:"notes,omitempty"`
	Link         string `json:"link,omitempty" doc:"an http(s) URL"`
	NextStep     string `json:"next_step,omitempty"`
	NextStepDate string `json:"next_step_date,omitempty" doc:"YYYY-MM-DD"`
}

// OpportunityPatch is the body of PATCH /api/v1/opportunities/{id}; fields
// left out stay as they are. The stage changes with POST .../stage.
type OpportunityPatch struct {
	Title        *string `json:"title,omitempty"`
	Organisation *string `json:"organisation,omitempty"`
	Internal     *bool   `json:"internal,omitempty"`
	Kind         *string `json:"kind,omitempty" enum:"management-role,stretch-assignment,acting-role,lead-project,other"`
	Notes        *string `json:"notes,omitempty"`
	Link         *string `json:"link,omitempty"`
	NextStep     *string `json:"next_step,omitempty"`
	NextStepDate *string `json:"next_step_date,omitempty" doc:"YYYY-MM-DD; empty to clear"`
}

// StageMove is the body of POST /api/v1/opportunities/{id}/stage.
type StageMove struct {
	Stage string `json:"stage" enum:"spotted,discussed,applied,interviewing,offered,taken,declined"`
	Date  string `json:"date,omitempty" doc:"the day it happened (YYYY-MM-DD); leave out for today"`
}

// SupervisorTalkSet is the body of PUT /api/v1/opportunities/supervisor-talk.
type SupervisorTalkSet struct {
	Date string `json:"date,omitempty" doc:"the day of the talk (YYYY-MM-DD); leave out for today"`
	Note string `json:"note,omitempty" doc:"what you agreed; at most 2000 characters"`
}

// SupervisorTalk is the recorded talk.
type SupervisorTalk struct {
	Date string `json:"date" doc:"YYYY-MM-DD"`
	Note string `json:"note"`
}

// ResumeBullet is one resume line in STAR shape.
type ResumeBullet struct {
	ID           int64     `json:"id"`
	EvidenceID   *int64    `json:"evidence_id" doc:"the evidence entry it came from; null once that entry is deleted"`
	Situation    string    `json:"situation"`
	Task         string    `json:"task"`
	Action       string    `json:"action"`
	Result       string    `json:"result"`
	Text         string    `json:"text" doc:"the one line that goes on the resume"`
	Competencies []string  `json:"competencies"`
	TargetRole   string    `json:"target_role" doc:"the role slug it was ranked for"`
	Why          string    `json:"why" doc:"why it is ranked where it is"`
	Position     int       `json:"position" doc:"1-based order on the resume"`
	Hidden       bool      `json:"hidden" doc:"left out of the exports"`
	Edited       bool      `json:"edited" doc:"its words are the person's: generating again keeps them"`
	UpdatedAt    time.Time `json:"updated_at"`
}

// NewResumeBullet converts a bullet.
func NewResumeBullet(b *ladder.ResumeBullet) ResumeBullet {
	out := ResumeBullet{ID: b.ID, Situation: b.Situation, Task: b.Task, Action: b.Action, Result: b.Result, Text: b.Text,
		Competencies: strs(b.Competencies), TargetRole: b.TargetRole, Why: b.Why, Position: b.Position, Hidden: b.Hidden,
		Edited: b.Edited, UpdatedAt: b.UpdatedAt}
	if b.EvidenceID != 0 {
		id := b.EvidenceID
		out.EvidenceID = &id
	}
	return out
}

func newResumeBullets(bs []*ladder.ResumeBullet) []ResumeBullet {
	out := make([]ResumeBullet, 0, len(bs))
	for _, b := range bs {
		out = append(out, NewResumeBullet(b))
	}
	return out
}

// ResumeBulletPatch is the body of PATCH /api/v1/resume/bullets/{id};
// fields left out stay as they are. Changing any wording marks the bullet
// edited.
type ResumeBulletPatch struct {
	Situation *string `json:"situation,omitempty"`
	Task      *string `json:"task,omitempty"`
	Action    *string `json:"action,omitempty"`
	Result    *string `json:"result,omitempty"`
	Text      *string `json:"text,omitempty" doc:"at most 500 characters"`
	Hidden    *bool   `json:"hidden,omitempty"`
	Position  *int    `json:"position,omitempty" doc:"move it to this 1-based place"`
}

// InterviewQuestion is a question of the bank with the person's practice.
type InterviewQuestion struct {
	Key          string   `json:"key"`
	Category     string   `json:"category"`
	Question     string   `json:"question"`
	WhatItProbes string   `json:"what_it_probes"`
	StrongAnswer string   `json:"strong_answer" doc:"what a strong answer shows"`
	Competencies []string `json:"competencies"`
	Roles        []string `json:"roles"`
	ForYou       bool     `json:"for_you" doc:"suits the person's target role"`
	Suggested    bool     `json:"suggested" doc:"among the questions for the target role that draw on the person's largest gaps"`
	Attempts     int      `json:"attempts"`
	LastRating   int      `json:"last_rating" doc:"1-5; 0 before the first attempt"`
}

// NewInterviewQuestion converts a question; suggested marks one of the
// questions suggested first.
func NewInterviewQuestion(q journey.InterviewQuestion, suggested bool) InterviewQuestion {
	return InterviewQuestion{Key: q.Key, Category: q.Category, Question: q.Question.Question, WhatItProbes: q.WhatItProbes,
		StrongAnswer: q.StrongAnswer, Competencies: strs(q.Competencies), Roles: strs(q.Roles), ForYou: q.ForYou,
		Suggested: suggested, Attempts: q.Attempts, LastRating: q.LastRating}
}

// PracticeAnswer is one attempt at a question.
type PracticeAnswer struct {
	ID          int64     `json:"id"`
	Question    string    `json:"question" doc:"the question's key"`
	Date        string    `json:"date" doc:"YYYY-MM-DD"`
	Answer      string    `json:"answer"`
	Rating      int       `json:"rating" doc:"the person's own rating, 1-5"`
	EvidenceIDs []int64   `json:"evidence_ids" doc:"the person's evidence entries the answer uses"`
	CreatedAt   time.Time `json:"created_at"`
}

// NewPracticeAnswer converts an answer.
func NewPracticeAnswer(a *ladder.PracticeAnswer) PracticeAnswer {
	return PracticeAnswer{ID: a.ID, Question: a.Question, Date: a.Date.Format(time.DateOnly), Answer: a.Answer,
		Rating: a.Rating, EvidenceIDs: append([]int64{}, a.EvidenceIDs...), CreatedAt: a.CreatedAt}
}

// PracticeCreate is the body of POST /api/v1/interview/practice.
type PracticeCreate struct {
	Question    string  `json:"question" doc:"a question's key from GET /api/v1/interview/questions"`
	Answer      string  `json:"answer"`
	Rating      int     `json:"rating" doc:"1-5"`
	Date        string  `json:"date,omitempty" doc:"YYYY-MM-DD; leave out for today"`
	EvidenceIDs []int64 `json:"evidence_ids,omitempty" doc:"up to 5 of your evidence entries"`
}

// CoverSection is one part of a cover-letter outline.
type CoverSection struct {
	Key     string   `json:"key" enum:"opening,why-management,proof,first-steps,close"`
	Heading string   `json:"heading"`
	Guide   string   `json:"guide" doc:"what the section is for and how to write it"`
	Draft   string   `json:"draft" doc:"a start drawn from your resume; [brackets] mark what only you can write"`
	Points  []string `json:"points" doc:"the proof points: your top resume bullets"`
}

// NewCoverSection converts a section.
func NewCoverSection(s resume.Section) CoverSection {
	return CoverSection{Key: s.Key, Heading: s.Heading, Guide: s.Guide, Draft: s.Draft, Points: strs(s.Points)}
}
