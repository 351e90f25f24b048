package web

import (
	"fmt"
	"net/http"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/opportunity"
)

// OpportunitiesPage is the pipeline: the supervisor prompt, the board and
// the form to add an opportunity.
type OpportunitiesPage struct {
	Base
	Columns []ColumnView
	Count   int
	// Prompt is the text of the prompt to talk to the supervisor; "" hides
	// it. Guide is the conversation guide shown with it.
	Prompt    string
	Guide     *opportunity.Guide
	TalkedOn  string // the recorded talk's day, "" when none
	Talk      TalkForm
	TalkState FormState
	Kinds     []Option
	Stages    []Option
	Form      OpportunityForm
	State     FormState
}

// ColumnView is one stage of the board.
type ColumnView struct {
	Stage, Label string
	Items        []OpportunityView
}

// OpportunityView is an opportunity, formatted.
type OpportunityView struct {
	ID                               int64
	Title, Organisation, Kind, Where string
	Stage, StageLabel                string
	NextStep, NextStepDate           string
	Overdue                          bool
	Link, Notes                      string
	History                          []StageView
}

// StageView is one step of the timeline.
type StageView struct {
	Label, Date, ISODate string
	Current              bool
}

// OpportunityForm holds the values of the opportunity forms, kept after an
// error.
type OpportunityForm struct {
	Title, Organisation, Kind, Stage, Since, Notes, Link, NextStep, NextStepDate string
	Internal                                                                     bool
}

// TalkForm holds the values of the "I have talked to my supervisor" form.
type TalkForm struct{ Date, Note string }

func (wb *Web) today() string { return wb.J.DB.Now().UTC().Format(time.DateOnly) }

// Opportunities shows the pipeline.
func (wb *Web) Opportunities(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.opportunitiesPage(w, r, OpportunityForm{Kind: ladder.OpportunityManagementRole, Stage: ladder.StageSpotted,
		Since: wb.today()}, TalkForm{Date: wb.today()})
	if err != nil {
		return err
	}
	return wb.render(w, r, "opportunities", page)
}

func (wb *Web) opportunitiesPage(w http.ResponseWriter, r *http.Request, form OpportunityForm, talk TalkForm) (*OpportunitiesPage, error) {
	p := ladder.PersonFromContext(r.Context())
	pl, err := wb.J.Pipeline(r.Context(), p.ID)
	if err != nil {
		return nil, err
	}
	page := &OpportunitiesPage{Base: wb.base(w, r, "Opportunities", "opportunities"), Count: len(pl.Opportunities),
		Guide: pl.Guide, Form: form, Talk: talk, Kinds: choiceOptions(ladder.OpportunityKinds(), form.Kind),
		Stages: choiceOptions(ladder.OpportunityStages(), form.Stage)}
	if pl.Prompt {
		page.Prompt = opportunity.PromptText(pl.PromptReason)
	}
	if pl.Talk != nil {
		page.TalkedOn = pl.Talk.Date.Format("2 Jan 2006")
	}
	today := ladder.Day(wb.J.DB.Now())
	for _, c := range pl.Board {
		col := ColumnView{Stage: c.Stage, Label: c.Label}
		for _, o := range c.Items {
			col.Items = append(col.Items, opportunityView(o, today))
		}
		page.Columns = append(page.Columns, col)
	}
	return page, nil
}

func choiceOptions(cs []ladder.Choice, selected string) []Option {
	out := make([]Option, len(cs))
	for i, c := range cs {
		out[i] = Option{Value: c.Key, Label: c.Label, Selected: c.Key == selected}
	}
	return out
}

func opportunityView(o *ladder.Opportunity, today time.Time) OpportunityView {
	v := OpportunityView{ID: o.ID, Title: o.Title, Organisation: o.Organisation, Where: "Outside", Stage: o.Stage,
		NextStep: o.NextStep, Link: o.Link, Notes: o.Notes}
	if o.Internal {
		v.Where = "Inside"
	}
	v.Kind, _ = ladder.ChoiceLabel(ladder.OpportunityKinds(), o.Kind)
	v.StageLabel, _ = ladder.ChoiceLabel(ladder.OpportunityStages(), o.Stage)
	if !o.NextStepDate.IsZero() {
		v.NextStepDate = o.NextStepDate.Format("2 Jan 2006")
		v.Overdue = o.Open() && o.NextStepDate.Before(today)
	}
	for i, c := range o.History {
		label, _ := ladder.ChoiceLabel(ladder.OpportunityStages(), c.Stage)
		v.History = append(v.History, StageView{Label: label, Date: c.Date.Format("2 Jan 2006"), ISODate: c.Date.Format(time.DateOnly),
			Current: i == len(o.History)-1})
	}
	return v
}

// opportunityForm reads the posted fields.
func opportunityForm(r *http.Request) OpportunityForm {
	return OpportunityForm{Title: r.PostFormValue("title"), Organisation: r.PostFormValue("organisation"),
		Kind: r.PostFormValue("kind"), Stage: r.PostFormValue("stage"), Since: r.PostFormValue("since"),
		Notes: r.PostFormValue("notes"), Link: r.PostFormValue("link"), NextStep: r.PostFormValue("next_step"),
		NextStepDate: r.PostFormValue("next_step_date"), Internal: r.PostFormValue("internal") != ""}
}

// apply sets the form's fields on o; dates that do not parse are field
// errors, reported with the domain's own complaints.
func (f OpportunityForm) apply(o *ladder.Opportunity) (since time.Time, err error) {
	o.Title, o.Organisation, o.Internal, o.Kind = f.Title, f.Organisation, f.Internal, f.Kind
	o.Notes, o.Link, o.NextStep = f.Notes, f.Link, f.NextStep
	fe := ladder.FieldErrors{}
	o.NextStepDate = time.Time{}
	if d := formDate(fe, "next_step_date", f.NextStepDate); d != nil {
		o.NextStepDate = *d
	}
	if d := formDate(fe, "since", f.Since); d != nil {
		since = *d
	}
	if len(fe) > 0 {
		check := *o
		addDomainErrors(fe, check.Validate())
		return since, fe.Err("The opportunity is not valid.")
	}
	return since, nil
}

// CreateOpportunity adds an opportunity from the form.
func (wb *Web) CreateOpportunity(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	form := opportunityForm(r)
	o := &ladder.Opportunity{PersonID: p.ID, Stage: form.Stage}
	since, err := form.apply(o)
	if err == nil {
		err = wb.J.Opportunities.CreateOpportunity(ctx, o, since)
	}
	if err != nil {
		page, perr := wb.opportunitiesPage(w, r, form, TalkForm{Date: wb.today()})
		if perr != nil {
			return perr
		}
		return wb.formError(w, r, "opportunities", &page.Base, err, func(msg string, f map[string]string) any {
			page.State = FormState{Error: msg, Fields: f}
			return page
		})
	}
	return redirect(w, r, "/opportunities", "Added: "+o.Title+".")
}

// SupervisorTalk records that the person talked to their supervisor.
func (wb *Web) SupervisorTalk(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	talk := TalkForm{Date: r.PostFormValue("date"), Note: r.PostFormValue("note")}
	t := &ladder.SupervisorTalk{PersonID: p.ID, Note: talk.Note}
	fe := ladder.FieldErrors{}
	var err error
	if d := formDate(fe, "date", talk.Date); d != nil {
		t.Date = *d
	} else if talk.Date == "" {
		fe.Add("date", "is required")
	}
	if err = fe.Err("The talk is not valid."); err == nil {
		err = wb.J.Opportunities.SetSupervisorTalk(ctx, t)
	}
	if err != nil {
		page, perr := wb.opportunitiesPage(w, r, OpportunityForm{Kind: ladder.OpportunityManagementRole, Stage: ladder.StageSpotted,
			Since: wb.today()}, talk)
		if perr != nil {
			return perr
		}
		return wb.formError(w, r, "opportunities", &page.Base, err, func(msg string, f map[string]string) any {
			page.TalkState = FormState{Error: msg, Fields: f}
			return page
		})
	}
	return redirect(w, r, "/opportunities", "Noted: you talked to your supervisor on "+t.Date.Format("2 Jan 2006")+".")
}

// OpportunityPage is one opportunity: its details form, the stage change
// and the timeline.
type OpportunityPage struct {
	Base
	Opportunity OpportunityView
	Kinds       []Option
	Stages      []Option
	Form        OpportunityForm
	State       FormState
	Move        MoveForm
	MoveState   FormState
}

// MoveForm holds the values of the stage form.
type MoveForm struct{ Stage, Date string }

// Opportunity shows one of the person's opportunities.
func (wb *Web) Opportunity(w http.ResponseWriter, r *http.Request) error {
	page, _, err := wb.opportunityPage(w, r, nil, nil)
	if err != nil {
		return err
	}
	return wb.render(w, r, "opportunity", page)
}

// opportunityPage loads the opportunity of the path; form and move, when
// given, replace the stored values in the forms.
func (wb *Web) opportunityPage(w http.ResponseWriter, r *http.Request, form *OpportunityForm, move *MoveForm) (*OpportunityPage, *ladder.Opportunity, error) {
	id, err := pathID(r, "Opportunity")
	if err != nil {
		return nil, nil, err
	}
	p := ladder.PersonFromContext(r.Context())
	o, err := wb.J.Opportunities.FindOpportunity(r.Context(), p.ID, id)
	if err != nil {
		return nil, nil, err
	}
	v := opportunityView(o, ladder.Day(wb.J.DB.Now()))
	page := &OpportunityPage{Base: wb.base(w, r, o.Title, "opportunities"), Opportunity: v}
	if form == nil {
		form = &OpportunityForm{Title: o.Title, Organisation: o.Organisation, Internal: o.Internal, Kind: o.Kind,
			Notes: o.Notes, Link: o.Link, NextStep: o.NextStep}
		if !o.NextStepDate.IsZero() {
			form.NextStepDate = o.NextStepDate.Format(time.DateOnly)
		}
	}
	if move == nil {
		move = &MoveForm{Stage: nextStage(o.Stage), Date: wb.today()}
	}
	page.Form, page.Move = *form, *move
	page.Kinds = choiceOptions(ladder.OpportunityKinds(), form.Kind)
	page.Stages = choiceOptions(ladder.OpportunityStages(), move.Stage)
	return page, o, nil
}

// nextStage is the stage the form offers first: the one after the
// current, or the current for a closed opportunity.
func nextStage(s string) string {
	st := ladder.OpportunityStages()
	for i, c := range st {
		if c.Key == s && i+1 < len(st) && s != ladder.StageTaken && s != ladder.StageDeclined {
			return st[i+1].Key
		}
	}
	return s
}

// UpdateOpportunity saves the details form.
func (wb *Web) UpdateOpportunity(w http.ResponseWriter, r *http.Request) error {
	form := opportunityForm(r)
	page, o, err := wb.opportunityPage(w, r, &form, nil)
	if err != nil {
		return err
	}
	form.Since = ""
	if _, err = form.apply(o); err == nil {
		err = wb.J.Opportunities.UpdateOpportunity(r.Context(), o)
	}
	if err != nil {
		return wb.formError(w, r, "opportunity", &page.Base, err, func(msg string, f map[string]string) any {
			page.State = FormState{Error: msg, Fields: f}
			return page
		})
	}
	return redirect(w, r, fmt.Sprintf("/opportunities/%d", o.ID), "Saved.")
}

// MoveOpportunity changes the stage and adds it to the history.
func (wb *Web) MoveOpportunity(w http.ResponseWriter, r *http.Request) error {
	move := MoveForm{Stage: r.PostFormValue("stage"), Date: r.PostFormValue("date")}
	page, o, err := wb.opportunityPage(w, r, nil, &move)
	if err != nil {
		return err
	}
	fe := ladder.FieldErrors{}
	var day time.Time
	if d := formDate(fe, "date", move.Date); d != nil {
		day = *d
	}
	if err = fe.Err("The stage change is not valid."); err == nil {
		_, err = wb.J.Opportunities.MoveOpportunity(r.Context(), o.PersonID, o.ID, move.Stage, day)
	}
	if err != nil {
		return wb.formError(w, r, "opportunity", &page.Base, err, func(msg string, f map[string]string) any {
			page.MoveState = FormState{Error: msg, Fields: f}
			return page
		})
	}
	label, _ := ladder.ChoiceLabel(ladder.OpportunityStages(), move.Stage)
	return redirect(w, r, fmt.Sprintf("/opportunities/%d", o.ID), "Moved to "+label+".")
}

// DeleteOpportunity removes one of the person's opportunities.
func (wb *Web) DeleteOpportunity(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Opportunity")
	if err != nil {
		return err
	}
	p := ladder.PersonFromContext(r.Context())
	if err := wb.J.Opportunities.DeleteOpportunity(r.Context(), p.ID, id); err != nil {
		return err
	}
	return redirect(w, r, "/opportunities", "Opportunity deleted.")
}
