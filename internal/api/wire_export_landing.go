package api

import (
	"time"

	"github.com/ladderhq/ladder"
)

// ExportOpportunity is an opportunity with its stage history.
type ExportOpportunity struct {
	ID           int64               `json:"id"`
	Title        string              `json:"title"`
	Organisation string              `json:"organisation"`
	Internal     bool                `json:"internal"`
	Kind         string              `json:"kind" enum:"management-role,stretch-assignment,acting-role,lead-project,other"`
	Stage        string              `json:"stage" enum:"spotted,discussed,applied,interviewing,offered,taken,declined"`
	Notes        string              `json:"notes"`
	Link         string              `json:"link"`
	NextStep     string              `json:"next_step"`
	NextStepDate *time.Time          `json:"next_step_date" doc:"null for none"`
	History      []ExportStageChange `json:"history" doc:"oldest first; the last is the current stage"`
	CreatedAt    time.Time           `json:"created_at"`
	UpdatedAt    time.Time           `json:"updated_at"`
}

// ExportStageChange is one step of an opportunity's history.
type ExportStageChange struct {
	Stage string    `json:"stage" enum:"spotted,discussed,applied,interviewing,offered,taken,declined"`
	Date  time.Time `json:"date"`
}

// ExportSupervisorTalk is the recorded talk with the supervisor.
type ExportSupervisorTalk struct {
	Date time.Time `json:"date"`
	Note string    `json:"note"`
}

// ExportResumeBullet is a resume bullet; evidence_id is the id of an entry
// of this export's evidence.
type ExportResumeBullet struct {
	EvidenceID   *int64    `json:"evidence_id" doc:"an id of this export's evidence; null once the entry was deleted"`
	Situation    string    `json:"situation"`
	Task         string    `json:"task"`
	Action       string    `json:"action"`
	Result       string    `json:"result"`
	Text         string    `json:"text"`
	Competencies []string  `json:"competencies"`
	TargetRole   string    `json:"target_role"`
	Why          string    `json:"why"`
	Hidden       bool      `json:"hidden"`
	Edited       bool      `json:"edited"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

// ExportPractice is an interview practice answer; evidence_ids are ids of
// this export's evidence.
type ExportPractice struct {
	ID          int64     `json:"id"`
	Question    string    `json:"question"`
	Date        time.Time `json:"date"`
	Answer      string    `json:"answer"`
	Rating      int       `json:"rating" doc:"1-5"`
	EvidenceIDs []int64   `json:"evidence_ids"`
	CreatedAt   time.Time `json:"created_at"`
}

// addLandingExport converts d's opportunities, talk, bullets and answers.
func addLandingExport(out *Export, d *ladder.PersonData) {
	out.Opportunities, out.Resume, out.Practice = []ExportOpportunity{}, []ExportResumeBullet{}, []ExportPractice{}
	for _, o := range d.Opportunities {
		w := ExportOpportunity{ID: o.ID, Title: o.Title, Organisation: o.Organisation, Internal: o.Internal, Kind: o.Kind,
			Stage: o.Stage, Notes: o.Notes, Link: o.Link, NextStep: o.NextStep, NextStepDate: optTime(o.NextStepDate),
			History: []ExportStageChange{}, CreatedAt: o.CreatedAt.UTC(), UpdatedAt: o.UpdatedAt.UTC()}
		for _, c := range o.History {
			w.History = append(w.History, ExportStageChange{Stage: c.Stage, Date: c.Date.UTC()})
		}
		out.Opportunities = append(out.Opportunities, w)
	}
	if t := d.SupervisorTalk; t != nil {
		out.SupervisorTalk = &ExportSupervisorTalk{Date: t.Date.UTC(), Note: t.Note}
	}
	for _, b := range d.Resume {
		w := ExportResumeBullet{Situation: b.Situation, Task: b.Task, Action: b.Action, Result: b.Result, Text: b.Text,
			Competencies: strs(b.Competencies), TargetRole: b.TargetRole, Why: b.Why, Hidden: b.Hidden, Edited: b.Edited,
			CreatedAt: b.CreatedAt.UTC(), UpdatedAt: b.UpdatedAt.UTC()}
		if b.EvidenceID != 0 {
			id := b.EvidenceID
			w.EvidenceID = &id
		}
		out.Resume = append(out.Resume, w)
	}
	for _, a := range d.Practice {
		out.Practice = append(out.Practice, ExportPractice{ID: a.ID, Question: a.Question, Date: a.Date.UTC(), Answer: a.Answer,
			Rating: a.Rating, EvidenceIDs: append([]int64{}, a.EvidenceIDs...), CreatedAt: a.CreatedAt.UTC()})
	}
}

// landingPersonData converts the export's opportunities, talk, bullets and
// answers back for import.
func (x *Export) landingPersonData(d *ladder.PersonData) {
	for _, o := range x.Opportunities {
		do := &ladder.Opportunity{Title: o.Title, Organisation: o.Organisation, Internal: o.Internal, Kind: o.Kind,
			Stage: o.Stage, Notes: o.Notes, Link: o.Link, NextStep: o.NextStep, NextStepDate: deref(o.NextStepDate),
			CreatedAt: us(o.CreatedAt), UpdatedAt: us(o.UpdatedAt)}
		for _, c := range o.History {
			do.History = append(do.History, ladder.StageChange{Stage: c.Stage, Date: us(c.Date)})
		}
		d.Opportunities = append(d.Opportunities, do)
	}
	if t := x.SupervisorTalk; t != nil {
		d.SupervisorTalk = &ladder.SupervisorTalk{Date: us(t.Date), Note: t.Note}
	}
	for _, b := range x.Resume {
		db := &ladder.ResumeBullet{Situation: b.Situation, Task: b.Task, Action: b.Action, Result: b.Result, Text: b.Text,
			Competencies: strs(b.Competencies), TargetRole: b.TargetRole, Why: b.Why, Hidden: b.Hidden, Edited: b.Edited,
			CreatedAt: us(b.CreatedAt), UpdatedAt: us(b.UpdatedAt)}
		if b.EvidenceID != nil {
			db.EvidenceID = *b.EvidenceID
		}
		d.Resume = append(d.Resume, db)
	}
	for _, a := range x.Practice {
		d.Practice = append(d.Practice, &ladder.PracticeAnswer{Question: a.Question, Date: us(a.Date), Answer: a.Answer,
			Rating: a.Rating, EvidenceIDs: append([]int64{}, a.EvidenceIDs...), CreatedAt: us(a.CreatedAt)})
	}
}
