package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// The cohort's 360 feedback, for its programme admins: rounds to start with
// raters proposed from the organisation chart, and the progress of those
// started. Progress is counts and days only: no view here has a field for
// results, answers or who answered.

// OrgCohortFeedbackPage is a cohort's 360 feedback page.
type OrgCohortFeedbackPage struct {
	Base
	Org         OrgHeader
	CohortID    int64
	Cohort      string
	ProgrammeID int64
	Programme   string
	Target      string
	Questions   int
	MailOn      bool
	Progress    []OrgCohortProgressRow
	Members     []OrgCohortMemberForm
	// Startable says some member has no round open; Remindable that a
	// round of the cohort is open, whose raters may be reminded.
	Startable, Remindable bool
	Form                  OrgCohortStartForm
	State                 FormState
}

// OrgCohortProgressRow is one round started for the cohort (Title, and
// Status with its days), or a member without one (Status alone).
type OrgCohortProgressRow struct {
	Name, Title, Status string
	Asked, Answered     string
}

// OrgCohortStartForm holds the start form's shared values as typed.
type OrgCohortStartForm struct{ Title, ClosesOn string }

// OrgCohortMemberForm is one member in the start form: included or not,
// their proposed raters ticked or not, and the raters added by hand.
type OrgCohortMemberForm struct {
	ID          int64
	Name, Title string
	Open        bool
	Included    bool
	Raters      []OrgCohortRaterOption
	Added       string
	Error       string
}

// OrgCohortRaterOption is a proposed rater's checkbox.
type OrgCohortRaterOption struct {
	Value, Name, Email, Category string
	Checked                      bool
}

// OrgCohortFeedback shows the page.
func (wb *Web) OrgCohortFeedback(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.orgCohortFeedbackPage(w, r, nil)
	if err != nil {
		return err
	}
	return wb.render(w, r, "org_cohort_feedback", page)
}

// cohortPosted is the start form as sent.
type cohortPosted struct {
	form     OrgCohortStartForm
	included map[int64]bool
	checked  map[int64]map[string]bool
	added    map[int64]string
}

func (wb *Web) orgCohortFeedbackPage(w http.ResponseWriter, r *http.Request, posted *cohortPosted) (*OrgCohortFeedbackPage, error) {
	id, err := pathID(r, "Cohort")
	if err != nil {
		return nil, err
	}
	ctx := r.Context()
	actor := ladder.PersonFromContext(ctx)
	v, err := wb.J.CohortFeedback(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	h, err := wb.orgHeader(ctx, actor, "programmes")
	if err != nil {
		return nil, err
	}
	page := &OrgCohortFeedbackPage{Base: wb.base(w, r, "360 feedback: "+v.Cohort.Name, "org"), Org: h, CohortID: v.Cohort.ID,
		Cohort: v.Cohort.Name, ProgrammeID: v.Programme.ID, Programme: v.Programme.Name, Target: v.TargetTitle,
		Questions: len(v.Competencies), MailOn: v.MailOn,
		Form: OrgCohortStartForm{Title: v.Cohort.Name + " 360", ClosesOn: ladder.Day(wb.J.DB.Now()).AddDate(0, 0, 21).Format(time.DateOnly)}}
	if posted != nil {
		page.Form = posted.form
	}
	for _, m := range v.Members {
		page.Progress = append(page.Progress, cohortProgressRows(m)...)
		mf := OrgCohortMemberForm{ID: m.PersonID, Name: m.Name, Title: m.Title, Open: m.Open, Included: !m.Open}
		page.Startable = page.Startable || !m.Open
		for _, rd := range m.Rounds {
			page.Remindable = page.Remindable || !rd.Closed()
		}
		if posted != nil {
			mf.Included, mf.Added = posted.included[m.PersonID], posted.added[m.PersonID]
		}
		for _, c := range m.Proposed {
			o := OrgCohortRaterOption{Value: c.Category + ":" + c.Email, Name: c.Name, Email: c.Email,
				Category: journey.FeedbackCategoryName(c.Category, false), Checked: true}
			if posted != nil {
				o.Checked = posted.checked[m.PersonID][o.Value]
			}
			mf.Raters = append(mf.Raters, o)
		}
		page.Members = append(page.Members, mf)
	}
	return page, nil
}

// cohortProgressRows are a member's rounds started for the cohort, or one
// row saying none was.
func cohortProgressRows(m journey.CohortFeedbackMember) []OrgCohortProgressRow {
	if len(m.Rounds) == 0 {
		status := "not started"
		if m.Open {
			status = "has a round of their own open"
		}
		return []OrgCohortProgressRow{{Name: m.Name, Status: status, Asked: "–", Answered: "–"}}
	}
	var out []OrgCohortProgressRow
	for _, p := range m.Rounds {
		row := OrgCohortProgressRow{Name: m.Name, Title: p.Title, Status: "open, closes " + p.ClosesOn.Format("2 Jan 2006"),
			Asked: strconv.Itoa(p.Invited), Answered: strconv.Itoa(p.Answered)}
		if p.Closed() {
			row.Status = "closed " + p.ClosedAt.Format("2 Jan 2006")
		}
		out = append(out, row)
	}
	return out
}

// StartOrgCohortFeedback starts the rounds as reviewed on the page.
func (wb *Web) StartOrgCohortFeedback(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Cohort")
	if err != nil {
		return err
	}
	ctx := r.Context()
	actor := ladder.PersonFromContext(ctx)
	if err := r.ParseForm(); err != nil {
		return ladder.Errorf(ladder.EINVALID, "The form could not be read.")
	}
	posted, in, err := readCohortStart(r)
	if err == nil {
		var res []journey.CohortStarted
		res, err = wb.J.StartCohortFeedback(ctx, actor, id, in, wb.feedbackBaseURL(r))
		if err == nil {
			return redirect(w, r, "/org/cohorts/"+strconv.FormatInt(id, 10)+"/feedback", journey.CohortFeedbackStarted(res))
		}
	}
	if st := formStatus(err); st != http.StatusUnprocessableEntity && st != http.StatusConflict {
		return err
	}
	page, perr := wb.orgCohortFeedbackPage(w, r, posted)
	if perr != nil {
		return perr
	}
	return wb.formError(w, r, "org_cohort_feedback", &page.Base, err, func(msg string, f map[string]string) any {
		page.State = FormState{Error: msg, Fields: f}
		for i := range page.Members {
			page.Members[i].Error = f[(&ladder.CohortRound{PersonID: page.Members[i].ID}).RatersField()]
		}
		return page
	})
}

// RemindOrgCohortFeedback reminds the raters who have not answered in the
// cohort's open rounds; the admin learns how many, not who.
func (wb *Web) RemindOrgCohortFeedback(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Cohort")
	if err != nil {
		return err
	}
	rounds, rem, err := wb.J.RemindCohortFeedback(r.Context(), ladder.PersonFromContext(r.Context()), id, wb.feedbackBaseURL(r))
	if err != nil {
		return err
	}
	msg := fmt.Sprintf("Reminders sent: %d, in %s.", rem.Sent, plural(rounds, "open round", "open rounds"))
	if rem.Sent == 0 && rem.Failed == 0 {
		msg = "Nobody to remind: everyone asked in the open rounds has answered, or their link no longer works."
	}
	if rem.Failed > 0 {
		wb.Log.Warn("cohort feedback reminders not sent", "cohort", id, "failed", rem.Failed, "problem", rem.Problem)
		msg += fmt.Sprintf(" %d could not be sent; try again later.", rem.Failed)
	}
	return redirect(w, r, "/org/cohorts/"+strconv.FormatInt(id, 10)+"/feedback", msg)
}

// readCohortStart reads the start form: the members ticked, for each the
// proposed raters ticked ("category:email") and the lines added.
func readCohortStart(r *http.Request) (*cohortPosted, journey.CohortStart, error) {
	p := &cohortPosted{form: OrgCohortStartForm{Title: r.PostFormValue("title"), ClosesOn: r.PostFormValue("closes_on")},
		included: map[int64]bool{}, checked: map[int64]map[string]bool{}, added: map[int64]string{}}
	fe := ladder.FieldErrors{}
	in := journey.CohortStart{Title: p.form.Title, ClosesOn: parseFormDay(fe, "closes_on", p.form.ClosesOn)}
	var ids []int64
	for _, v := range r.PostForm["members"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			fe.Add("members", "choose members of the cohort")
			continue
		}
		if !p.included[id] {
			ids = append(ids, id)
		}
		p.included[id] = true
	}
	if len(ids) == 0 {
		fe.Add("members", "choose at least one member of the cohort")
	}
	for _, id := range ids {
		key := strconv.FormatInt(id, 10)
		cr := ladder.CohortRound{PersonID: id, Raters: []ladder.CohortRater{}}
		p.checked[id] = map[string]bool{}
		for _, v := range r.PostForm["raters."+key] {
			p.checked[id][v] = true
			cat, email, _ := strings.Cut(v, ":")
			cr.Raters = append(cr.Raters, ladder.CohortRater{Category: cat, Email: email})
		}
		p.added[id] = r.PostFormValue("add." + key)
		added, problems := journey.ParseCohortRaters(p.added[id])
		for _, pr := range problems {
			fe.Add(cr.RatersField(), "%s", pr)
		}
		cr.Raters = append(cr.Raters, added...)
		in.Rounds = append(in.Rounds, cr)
	}
	return p, in, fe.Err("Some raters need another look: nothing was started.")
}

// AdminSees says what programme admins see of a round started for a cohort.
func (FeedbackPage) AdminSees() string { return journey.FeedbackAdminSees }

// AdminSees says what programme admins see of a round started for a cohort.
func (FeedbackRoundPage) AdminSees() string { return journey.FeedbackAdminSees }
