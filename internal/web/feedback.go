package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/httpx"
	"github.com/ladderhq/ladder/internal/journey"
)

// The person's pages of 360 feedback. They show raters and counts per
// category, never who answered: no view here has such a field to fill.

// FeedbackPage lists the rounds and offers the form to start one.
type FeedbackPage struct {
	Base
	Rounds []FeedbackRoundRow
	Form   FeedbackStartForm
	Areas  []FeedbackAreaOptions
	// Target is the target role's title, "" without one.
	Target       string
	TargetCount  int
	State        FormState
	MinimumsText string
}

// FeedbackRoundRow is a round in the list.
type FeedbackRoundRow struct {
	ID      int64
	Title   string
	Status  string
	Closes  string
	Counts  string
	Results bool
	// StartedBy says a programme admin started the round for a cohort;
	// "" for the person's own.
	StartedBy string
}

// AdminStarted reports whether a programme admin started one of the rounds.
func (p FeedbackPage) AdminStarted() bool {
	for _, r := range p.Rounds {
		if r.StartedBy != "" {
			return true
		}
	}
	return false
}

// FeedbackStartForm holds the start form's values.
type FeedbackStartForm struct {
	Title, ClosesOn string
	// Which is "target" (every requirement of the target role) or "chosen".
	Which string
}

// FeedbackAreaOptions is one area's competencies in the start form.
type FeedbackAreaOptions struct {
	Name    string
	Options []Option
}

// Feedback shows the rounds and the start form.
func (wb *Web) Feedback(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.feedbackPage(w, r, FeedbackStartForm{Which: "target",
		ClosesOn: ladder.Day(wb.J.DB.Now()).AddDate(0, 0, 14).Format(time.DateOnly)}, nil)
	if err != nil {
		return err
	}
	return wb.render(w, r, "feedback", page)
}

func (wb *Web) feedbackPage(w http.ResponseWriter, r *http.Request, form FeedbackStartForm, chosen map[string]bool) (*FeedbackPage, error) {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	rounds, err := wb.J.Feedback.FindFeedbackRounds(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	m, err := wb.J.Model(ctx)
	if err != nil {
		return nil, err
	}
	// The minimums a new round would keep: the organisation's, or the
	// defaults.
	mins, err := wb.J.FeedbackMinimums(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	page := &FeedbackPage{Base: wb.base(w, r, "Feedback from others", "feedback"), Form: form,
		MinimumsText: feedbackMinimumsText(ladder.FeedbackMinimums(mins))}
	if role, err := wb.J.ResolveTarget(m, p.TargetRole); err == nil && p.TargetRole != "" {
		page.Target, page.TargetCount = role.Title, len(role.Requirements)
	}
	for _, rd := range rounds {
		page.Rounds = append(page.Rounds, feedbackRoundRow(rd))
	}
	for _, a := range m.Areas {
		ao := FeedbackAreaOptions{Name: a.Name}
		for _, c := range a.Competencies {
			ao.Options = append(ao.Options, Option{Value: c.Key, Label: c.Name, Selected: chosen[c.Key]})
		}
		page.Areas = append(page.Areas, ao)
	}
	return page, nil
}

func feedbackRoundRow(r *ladder.FeedbackRound) FeedbackRoundRow {
	row := FeedbackRoundRow{ID: r.ID, Title: r.Title, Status: "open", Closes: dayText(r.ClosesOn), Counts: feedbackCounts(r),
		StartedBy: journey.FeedbackStartedBy(r)}
	if r.Closed() {
		row.Status, row.Results = "closed "+dayText(r.ClosedAt), true
	}
	return row
}

// feedbackCounts says how many of each category answered: "2 of 3 peers".
func feedbackCounts(r *ladder.FeedbackRound) string {
	var parts []string
	for _, c := range ladder.FeedbackCategories {
		if n, ok := r.Counts[c]; ok {
			parts = append(parts, fmt.Sprintf("%d of %d %s", n.Answered, n.Invited, journey.FeedbackCategoryName(c, n.Invited != 1)))
		}
	}
	if len(parts) == 0 {
		return "nobody asked yet"
	}
	return strings.Join(parts, " · ")
}

// feedbackMinimumsText states the minimums in words.
func feedbackMinimumsText(m ladder.FeedbackMinimums) string {
	manager := fmt.Sprintf("your manager's answers show with %d", m.Manager)
	if m.NameManager {
		manager += " and are named (your manager is told so)"
	}
	return fmt.Sprintf("%s; peers' need %d, direct reports' %d and stakeholders' %d; smaller groups fold into \"others\" when together they reach %d, else they are not shown.",
		manager, m.Peer, m.Report, m.Stakeholder, m.Others)
}

// StartFeedbackRound starts a round from the form.
func (wb *Web) StartFeedbackRound(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	if err := r.ParseForm(); err != nil {
		return ladder.Errorf(ladder.EINVALID, "The form could not be read.")
	}
	form := FeedbackStartForm{Title: r.PostFormValue("title"), ClosesOn: r.PostFormValue("closes_on"), Which: r.PostFormValue("which")}
	chosen := map[string]bool{}
	var comps []string
	for _, k := range r.PostForm["competencies"] {
		chosen[k] = true
		comps = append(comps, k)
	}
	fe := ladder.FieldErrors{}
	closes := parseFormDay(fe, "closes_on", form.ClosesOn)
	switch form.Which {
	case "target":
		comps = nil
	case "chosen":
		if len(comps) == 0 {
			fe.Add("competencies", "choose at least one competency")
		}
	default:
		fe.Add("which", "choose the target role's competencies or your own choice")
	}
	var err error
	var round *ladder.FeedbackRound
	if len(fe) > 0 {
		addDomainErrors(fe, (&ladder.FeedbackRound{Title: form.Title, Competencies: []string{"x"}, ClosesOn: closes}).Validate())
		err = fe.Err("The feedback round is not valid.")
	} else {
		round, err = wb.J.StartFeedbackRound(ctx, p, journey.FeedbackStart{Title: form.Title, Competencies: comps, ClosesOn: closes})
	}
	if err != nil {
		page, perr := wb.feedbackPage(w, r, form, chosen)
		if perr != nil {
			return perr
		}
		return wb.formError(w, r, "feedback", &page.Base, err, func(msg string, f map[string]string) any {
			page.State = FormState{Error: msg, Fields: f}
			return page
		})
	}
	return redirect(w, r, fmt.Sprintf("/feedback/rounds/%d", round.ID), "Round started. Now ask people for feedback.")
}

// FeedbackRoundPage is one round: raters by category with counts, the
// forms to ask, revoke, remind and close, and the results once closed.
type FeedbackRoundPage struct {
	Base
	Round        FeedbackRoundRow
	Open         bool
	Competencies []string // names
	Counts       []FeedbackCountRow
	Groups       []FeedbackRaterGroup
	Add          FeedbackRaterForm
	State        FormState
	// NewLink is a rater's link just made, shown this once when it was not
	// mailed; NewLinkFor says for whom.
	NewLink    string
	NewLinkFor string
	MailError  string
	MailOn     bool
	// ReminderNote is a note to send everyone yourself when mail is off.
	ReminderNote string
	MinimumsText string
	Results      *FeedbackResultsWeb
}

// FeedbackCountRow is one category's counts: Label heads a row, Words
// follows a number ("3 of 4 peers").
type FeedbackCountRow struct {
	Label, Words      string
	Invited, Answered int
}

// feedbackCountRow names a category's counts, singular for one.
func feedbackCountRow(c string, n ladder.FeedbackCount) FeedbackCountRow {
	words := journey.FeedbackCategoryName(c, n.Invited != 1)
	return FeedbackCountRow{Label: strings.ToUpper(words[:1]) + words[1:], Words: words, Invited: n.Invited, Answered: n.Answered}
}

// FeedbackRaterGroup lists the raters of one category.
type FeedbackRaterGroup struct {
	Label  string
	Raters []FeedbackRaterRow
}

// FeedbackRaterRow is a rater, without whether they answered.
type FeedbackRaterRow struct {
	ID      int64
	Email   string
	Link    string
	Revoked bool
}

// FeedbackRaterForm holds the add-rater form.
type FeedbackRaterForm struct {
	Email, Days string
	Categories  []Option
}

func feedbackCategoryOptions(selected string) []Option {
	var out []Option
	for _, c := range ladder.FeedbackCategories {
		label := journey.FeedbackCategoryName(c, false)
		out = append(out, Option{Value: c, Label: strings.ToUpper(label[:1]) + label[1:], Selected: c == selected})
	}
	return out
}

// FeedbackRound shows one of the person's rounds.
func (wb *Web) FeedbackRound(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.feedbackRoundPage(w, r, FeedbackRaterForm{Categories: feedbackCategoryOptions(ladder.FeedbackPeer)})
	if err != nil {
		return err
	}
	return wb.render(w, r, "feedback_round", page)
}

func (wb *Web) feedbackRoundPage(w http.ResponseWriter, r *http.Request, add FeedbackRaterForm) (*FeedbackRoundPage, error) {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	id, err := pathID(r, "Feedback round")
	if err != nil {
		return nil, err
	}
	round, err := wb.J.Feedback.FindFeedbackRound(ctx, p.ID, id)
	if err != nil {
		return nil, err
	}
	raters, err := wb.J.Feedback.FindFeedbackRaters(ctx, p.ID, id)
	if err != nil {
		return nil, err
	}
	m, err := wb.J.Model(ctx)
	if err != nil {
		return nil, err
	}
	page := &FeedbackRoundPage{Base: wb.base(w, r, round.Title, "feedback"), Round: feedbackRoundRow(round), Open: !round.Closed(),
		Add: add, MailOn: wb.J.Mail != nil, MinimumsText: feedbackMinimumsText(round.Minimums)}
	for _, k := range round.Competencies {
		if c, ok := m.Competency(k); ok {
			page.Competencies = append(page.Competencies, c.Name)
		}
	}
	for _, c := range ladder.FeedbackCategories {
		n, ok := round.Counts[c]
		if !ok {
			continue
		}
		row := feedbackCountRow(c, n)
		page.Counts = append(page.Counts, row)
		g := FeedbackRaterGroup{Label: row.Label}
		for _, rt := range raters {
			if rt.Category != c {
				continue
			}
			row := FeedbackRaterRow{ID: rt.ID, Email: rt.Email, Revoked: rt.Revoked, Link: "link works until " + rt.ExpiresAt.UTC().Format("2 Jan 2006 15:04 UTC")}
			if rt.Revoked {
				row.Link = "link withdrawn"
			} else if round.Closed() {
				row.Link = "round closed"
			}
			g.Raters = append(g.Raters, row)
		}
		page.Groups = append(page.Groups, g)
	}
	if !page.MailOn && page.Open {
		page.ReminderNote = fmt.Sprintf("Hello, a reminder about the feedback I asked for (“%s”): if you have not answered yet, your link works until %s. "+
			"If you have answered already, thank you, and please ignore this note.", round.Title, dayText(round.ClosesOn))
	}
	if round.Closed() {
		v, err := wb.J.FeedbackResults(ctx, p, id)
		if err != nil {
			return nil, err
		}
		page.Results = feedbackResultsWeb(v)
	}
	return page, nil
}

// feedbackBaseURL is where rater links point: the configured public
// address, else the address this request came to.
func (wb *Web) feedbackBaseURL(r *http.Request) string { return httpx.BaseURL(r, wb.J.PublicURL) }

// AddFeedbackRater asks someone for feedback. A link that was not mailed is
// shown once, in this response: only its hash is kept.
func (wb *Web) AddFeedbackRater(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	id, err := pathID(r, "Feedback round")
	if err != nil {
		return err
	}
	category, email, daysText := r.PostFormValue("category"), r.PostFormValue("email"), strings.TrimSpace(r.PostFormValue("days"))
	form := FeedbackRaterForm{Email: email, Days: daysText, Categories: feedbackCategoryOptions(category)}
	var inv *journey.FeedbackInvite
	days, err := 0, error(nil)
	if daysText != "" {
		if days, err = strconv.Atoi(daysText); err != nil || days < 1 {
			err = fieldError("The rater is not valid.", "days", fmt.Sprintf("must be 1-%d, or empty for until the round closes", journey.FeedbackMaxDays))
		}
	}
	if err == nil {
		inv, err = wb.J.AddFeedbackRater(ctx, p, id, category, email, days, wb.feedbackBaseURL(r))
	}
	if err != nil {
		page, perr := wb.feedbackRoundPage(w, r, form)
		if perr != nil {
			return perr
		}
		return wb.formError(w, r, "feedback_round", &page.Base, err, func(msg string, f map[string]string) any {
			page.State = FormState{Error: msg, Fields: f}
			return page
		})
	}
	if inv.Mailed {
		return redirect(w, r, fmt.Sprintf("/feedback/rounds/%d", id), "Asked "+inv.Rater.Email+": their link went out by mail.")
	}
	if inv.MailError != "" {
		wb.Log.Warn("feedback link not mailed", "round", id, "problem", inv.MailError)
	}
	page, err := wb.feedbackRoundPage(w, r, FeedbackRaterForm{Categories: feedbackCategoryOptions(category)})
	if err != nil {
		return err
	}
	page.NewLink, page.NewLinkFor, page.MailError = inv.Link, inv.Rater.Email, inv.MailError
	return wb.render(w, r, "feedback_round", page)
}

// feedbackRoundOfPath loads the path's round of the person, for actions.
func (wb *Web) feedbackRoundOfPath(r *http.Request) (*ladder.Person, *ladder.FeedbackRound, error) {
	p := ladder.PersonFromContext(r.Context())
	id, err := pathID(r, "Feedback round")
	if err != nil {
		return nil, nil, err
	}
	round, err := wb.J.Feedback.FindFeedbackRound(r.Context(), p.ID, id)
	return p, round, err
}

// RevokeFeedbackRater withdraws a rater's link.
func (wb *Web) RevokeFeedbackRater(w http.ResponseWriter, r *http.Request) error {
	p, round, err := wb.feedbackRoundOfPath(r)
	if err != nil {
		return err
	}
	raterID, err := strconv.ParseInt(r.PathValue("rater"), 10, 64)
	if err != nil || raterID <= 0 {
		return ladder.Errorf(ladder.ENOTFOUND, "Rater not found.")
	}
	raters, err := wb.J.Feedback.FindFeedbackRaters(r.Context(), p.ID, round.ID)
	if err != nil {
		return err
	}
	var email string
	for _, rt := range raters {
		if rt.ID == raterID {
			email = rt.Email
		}
	}
	if email == "" {
		return ladder.Errorf(ladder.ENOTFOUND, "Rater not found.")
	}
	if err := wb.J.Feedback.RevokeFeedbackRater(r.Context(), p.ID, raterID); err != nil {
		return err
	}
	return redirect(w, r, fmt.Sprintf("/feedback/rounds/%d", round.ID), "The link of "+email+" no longer works.")
}

// RemindFeedbackRaters mails those who have not answered; the person
// learns how many, not who.
func (wb *Web) RemindFeedbackRaters(w http.ResponseWriter, r *http.Request) error {
	p, round, err := wb.feedbackRoundOfPath(r)
	if err != nil {
		return err
	}
	rem, err := wb.J.RemindFeedbackRaters(r.Context(), p, round.ID, wb.feedbackBaseURL(r))
	if err != nil {
		return err
	}
	msg := fmt.Sprintf("Reminders sent: %d.", rem.Sent)
	if rem.Sent == 0 && rem.Failed == 0 {
		msg = "Nobody to remind: everyone asked has answered, or their link no longer works."
	}
	if rem.Failed > 0 {
		wb.Log.Warn("feedback reminders not sent", "round", round.ID, "failed", rem.Failed, "problem", rem.Problem)
		msg += fmt.Sprintf(" %d could not be sent; try again later.", rem.Failed)
	}
	return redirect(w, r, fmt.Sprintf("/feedback/rounds/%d", round.ID), msg)
}

// CloseFeedbackRound closes the round and shows its results.
func (wb *Web) CloseFeedbackRound(w http.ResponseWriter, r *http.Request) error {
	p, round, err := wb.feedbackRoundOfPath(r)
	if err != nil {
		return err
	}
	if err := wb.J.CloseFeedbackRound(r.Context(), p, round.ID); err != nil {
		return err
	}
	return redirect(w, r, fmt.Sprintf("/feedback/rounds/%d#results", round.ID), "Round closed: the links no longer work, and the results are below.")
}
