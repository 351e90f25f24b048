package journey

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/anonymity"
	"github.com/ladderhq/ladder/internal/mail"
	"github.com/ladderhq/ladder/internal/readiness"
)

func feedbackMinimumsOf(m anonymity.Minimums) ladder.FeedbackMinimums {
	return ladder.FeedbackMinimums{Manager: m.Manager, Peer: m.Peer, Report: m.Report, Stakeholder: m.Stakeholder,
		Others: m.Others, NameManager: m.NameManager}
}

// FeedbackAnonymity returns a round's minimums as the anonymity rule takes them.
func FeedbackAnonymity(m ladder.FeedbackMinimums) anonymity.Minimums {
	return anonymity.Minimums{Manager: m.Manager, Peer: m.Peer, Report: m.Report, Stakeholder: m.Stakeholder,
		Others: m.Others, NameManager: m.NameManager}
}

// FeedbackStart is what a person gives to start a round.
type FeedbackStart struct {
	Title string
	// Competencies asked; empty means every requirement of the target role.
	Competencies []string
	ClosesOn     time.Time
}

// StartFeedbackRound starts a round with the person's current anonymity
// minimums, which the round keeps.
func (j *Journey) StartFeedbackRound(ctx context.Context, p *ladder.Person, in FeedbackStart) (*ladder.FeedbackRound, error) {
	comps := in.Competencies
	if len(comps) == 0 {
		m, err := j.Model(ctx)
		if err != nil {
			return nil, err
		}
		role, err := j.ResolveTarget(m, p.TargetRole)
		if err != nil || p.TargetRole == "" {
			return nil, &ladder.Error{Code: ladder.EINVALID, Message: "The feedback round is not valid.",
				Fields: map[string]string{"competencies": "choose the competencies to ask about (or set a target role to ask about its requirements)"}}
		}
		for _, q := range role.Requirements {
			comps = append(comps, q.Competency)
		}
	}
	min, err := j.FeedbackMinimums(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	r := &ladder.FeedbackRound{PersonID: p.ID, Title: in.Title, Competencies: comps, ClosesOn: in.ClosesOn,
		Minimums: feedbackMinimumsOf(min)}
	if err := j.Feedback.CreateFeedbackRound(ctx, r); err != nil {
		return nil, err
	}
	return r, nil
}

// FeedbackInvite is a rater just added and their link, which exists only
// here (the store keeps its hash), and only when it was not mailed.
type FeedbackInvite struct {
	Rater *ladder.FeedbackRater
	Link  string
	// Mailed says the link went out by mail; MailError says why not when
	// sending failed (without the link or the address).
	Mailed    bool
	MailError string
}

// FeedbackMaxDays caps a link's own validity in days.
const FeedbackMaxDays = 365

// AddFeedbackRater asks someone for feedback: it stores the rater and, when
// mail is set up, mails them their link. days > 0 makes the link expire
// sooner than the round's closing day. The person's own address is refused.
func (j *Journey) AddFeedbackRater(ctx context.Context, p *ladder.Person, roundID int64, category, email string, days int, baseURL string) (*FeedbackInvite, error) {
	if strings.EqualFold(strings.TrimSpace(email), p.Email) {
		return nil, &ladder.Error{Code: ladder.EINVALID, Message: "The rater is not valid.",
			Fields: map[string]string{"email": "is your own address: feedback comes from others"}}
	}
	if days < 0 || days > FeedbackMaxDays {
		return nil, &ladder.Error{Code: ladder.EINVALID, Message: "The rater is not valid.",
			Fields: map[string]string{"days": fmt.Sprintf("must be 1-%d, or empty for until the round closes", FeedbackMaxDays)}}
	}
	round, err := j.Feedback.FindFeedbackRound(ctx, p.ID, roundID)
	if err != nil {
		return nil, err
	}
	if err := j.checkRaterInOrg(ctx, p.ID, email); err != nil {
		return nil, err
	}
	r := &ladder.FeedbackRater{RoundID: roundID, PersonID: p.ID, Category: category, Email: email}
	if days > 0 {
		r.ExpiresAt = j.DB.Now().UTC().Add(time.Duration(days) * 24 * time.Hour)
	}
	token, err := j.Feedback.CreateFeedbackRater(ctx, r)
	if err != nil {
		return nil, err
	}
	inv := &FeedbackInvite{Rater: r, Link: FeedbackLink(baseURL, token)}
	if j.Mail != nil {
		msg := feedbackRequestMail(p, round, r, inv.Link, false)
		if err := j.Mail.Send(ctx, msg); err != nil {
			inv.MailError = "The mail could not be sent (" + feedbackMailProblem(err, r.Email) + "): copy the link instead."
		} else {
			// Mailed: the person never holds the link, or they could open
			// it to see whether it was used (docs/anonymity.md).
			inv.Mailed, inv.Link = true, ""
		}
	}
	return inv, nil
}

// FeedbackLink is the rater page's address for a link secret.
func FeedbackLink(baseURL, token string) string {
	return strings.TrimRight(baseURL, "/") + "/feedback/r/" + token
}

// feedbackMailProblem returns a mail error without the rater's address:
// messages and logs must not say who was (or was not) written to.
func feedbackMailProblem(err error, email string) string {
	return strings.ReplaceAll(err.Error(), email, "the rater")
}

// errFeedbackNoMail says reminders need mail.
func errFeedbackNoMail() error {
	return &ladder.Error{Code: ladder.ECONFLICT,
		Message: "Reminders go by mail, and mail is not set up (ladder serve --smtp). Send everyone you asked a short note instead: those who answered can ignore it."}
}

// FeedbackReminders is the outcome of reminding a round's raters: counts
// only, never who.
type FeedbackReminders struct {
	Sent, Failed int
	// Problem is the first sending error, without any address.
	Problem string
}

// RemindFeedbackRaters mails every rater of the open round who may still
// answer and has not a reminder with a fresh link (the earlier one stops
// working). Nobody learns who was reminded: the result is counts.
func (j *Journey) RemindFeedbackRaters(ctx context.Context, p *ladder.Person, roundID int64, baseURL string) (FeedbackReminders, error) {
	var out FeedbackReminders
	round, err := j.Feedback.FindFeedbackRound(ctx, p.ID, roundID)
	if err != nil {
		return out, err
	}
	if j.Mail == nil {
		return out, errFeedbackNoMail()
	}
	pending, err := j.Feedback.PendingFeedbackRaters(ctx, p.ID, roundID)
	if err != nil {
		return out, err
	}
	for _, r := range pending {
		token, err := j.Feedback.RenewFeedbackLink(ctx, p.ID, r.ID)
		if ladder.ErrorCode(err) == ladder.ECONFLICT {
			continue // answered meanwhile
		} else if err != nil {
			return out, err
		}
		if err := j.Mail.Send(ctx, feedbackRequestMail(p, round, r, FeedbackLink(baseURL, token), true)); err != nil {
			out.Failed++
			if out.Problem == "" {
				out.Problem = feedbackMailProblem(err, r.Email)
			}
			continue
		}
		out.Sent++
	}
	return out, nil
}

// CloseFeedbackRound closes the round: the anonymity rule reduces the
// answers to what may be shown, with the person's latest self-rating of
// each competency, and the answers themselves are deleted.
func (j *Journey) CloseFeedbackRound(ctx context.Context, p *ladder.Person, roundID int64) error {
	as, err := j.Assessments.FindAssessments(ctx, ladder.AssessmentFilter{PersonID: p.ID, Kind: ladder.AssessSelf})
	if err != nil {
		return err
	}
	self := readiness.LatestSelf(as, j.DB.Now())
	return j.Feedback.CloseFeedbackRound(ctx, p.ID, roundID, func(r *ladder.FeedbackRound, answers []ladder.FeedbackAnswer,
		comments []ladder.FeedbackComment) (*ladder.FeedbackResults, map[string]int, error) {
		return reduceFeedback(r, answers, comments, self)
	})
}

// reduceFeedback applies the anonymity rule to a round's answers and keeps
// only what it shows. The comments' order is keyed by the round alone: it
// depends on their texts, never on who wrote them or when, and is fixed
// once kept.
func reduceFeedback(r *ladder.FeedbackRound, answers []ladder.FeedbackAnswer, comments []ladder.FeedbackComment,
	self map[string]readiness.Observation) (*ladder.FeedbackResults, map[string]int, error) {
	as := make([]anonymity.Answer, 0, len(answers))
	for _, a := range answers {
		as = append(as, anonymity.Answer{Rater: a.RaterKey, Category: anonymity.Category(a.Category), Competency: a.Competency, Level: a.Level})
	}
	cs := make([]anonymity.Comment, 0, len(comments))
	for _, c := range comments {
		cs = append(cs, anonymity.Comment{Rater: c.RaterKey, Category: anonymity.Category(c.Category), Competency: c.Competency, Text: c.Text})
	}
	d := anonymity.Disclose(FeedbackAnonymity(r.Minimums), as, cs, fmt.Sprintf("feedback-round-%d", r.ID))
	res := &ladder.FeedbackResults{Self: map[string]int{}}
	for _, s := range d.Shown() {
		res.Cells = append(res.Cells, ladder.FeedbackCell{Competency: s.Competency, Group: string(s.Group), Raters: s.N, Sum: s.Sum})
	}
	for _, g := range d.Comments {
		res.Comments = append(res.Comments, ladder.FeedbackCommentGroup{Competency: g.Competency, Group: string(g.Group), Texts: g.Texts})
	}
	for _, c := range r.Competencies {
		if o, ok := self[c]; ok {
			res.Self[c] = int(o.Level)
		}
	}
	answered := map[string]int{}
	for c, n := range d.Responded {
		answered[string(c)] = n
	}
	return res, answered, nil
}

// FeedbackDisclosure returns what a closed round shows, rebuilt from its
// kept results by the anonymity rule (which refuses anything it could not
// have shown).
func FeedbackDisclosure(r *ladder.FeedbackRound) (anonymity.Disclosure, error) {
	if !r.Closed() || r.Results == nil {
		return anonymity.Disclosure{}, ladder.Errorf(ladder.ECONFLICT, "Results show once the round is closed.")
	}
	cells := make([]anonymity.Shown, 0, len(r.Results.Cells))
	for _, c := range r.Results.Cells {
		cells = append(cells, anonymity.Shown{Competency: c.Competency, Group: anonymity.Category(c.Group), N: c.Raters, Sum: c.Sum})
	}
	comments := make([]anonymity.CommentGroup, 0, len(r.Results.Comments))
	for _, g := range r.Results.Comments {
		comments = append(comments, anonymity.CommentGroup{Competency: g.Competency, Group: anonymity.Category(g.Group), Texts: g.Texts})
	}
	responded := map[anonymity.Category]int{}
	for c, n := range r.Counts {
		responded[anonymity.Category(c)] = n.Answered
	}
	d, err := anonymity.Restore(FeedbackAnonymity(r.Minimums), cells, comments, responded)
	if err != nil {
		return anonymity.Disclosure{}, fmt.Errorf("feedback round %d: %w", r.ID, err)
	}
	return d, nil
}

// feedbackViews returns others' view per competency from each closed
// round of rounds (the person's, newest first; open ones are skipped), for
// the current level (docs/readiness.md): the shown groups combined, nothing
// hidden.
func feedbackViews(rounds []*ladder.FeedbackRound) (map[string][]readiness.FeedbackView, error) {
	var out map[string][]readiness.FeedbackView
	for _, r := range rounds {
		if !r.Closed() {
			continue
		}
		d, err := FeedbackDisclosure(r)
		if err != nil {
			return nil, err
		}
		for _, c := range r.Competencies {
			if mean, n, ok := d.OthersView(c); ok {
				if out == nil {
					out = map[string][]readiness.FeedbackView{}
				}
				out[c] = append(out[c], readiness.FeedbackView{Others: mean, Raters: n, Round: r.Title, At: r.ClosedAt})
			}
		}
	}
	return out, nil
}

// FeedbackReminders returns the closing days of the person's open rounds in
// [from, to), and those past and still open as overdue: closing a round
// shows its results and lets them count.
func (j *Journey) FeedbackReminders(ctx context.Context, personID int64, from, to time.Time) ([]ladder.Reminder, error) {
	rounds, err := j.Feedback.FindFeedbackRounds(ctx, personID)
	if err != nil {
		return nil, err
	}
	var out []ladder.Reminder
	for _, r := range rounds {
		if r.Closed() || !r.ClosesOn.Before(to) {
			continue
		}
		invited := 0
		for _, c := range r.Counts {
			invited += c.Invited
		}
		out = append(out, ladder.Reminder{Date: r.ClosesOn, Kind: ladder.ReminderFeedback,
			Title:  "Close the feedback round “" + r.Title + "”",
			Detail: fmt.Sprintf("%d of %d asked have answered", r.Answered(), invited),
			Link:   fmt.Sprintf("/feedback/rounds/%d", r.ID), UID: fmt.Sprintf("%s-%d", ladder.ReminderFeedback, r.ID),
			Overdue: r.ClosesOn.Before(from)})
	}
	return out, nil
}

// feedbackCategoryNames names the categories: one of them, several.
var feedbackCategoryNames = map[string][2]string{
	ladder.FeedbackManager:     {"manager", "managers"},
	ladder.FeedbackPeer:        {"peer", "peers"},
	ladder.FeedbackReport:      {"direct report", "direct reports"},
	ladder.FeedbackStakeholder: {"stakeholder", "stakeholders"},
	ladder.FeedbackOthers:      {"other rater", "others (small groups together)"},
}

// FeedbackCategoryName names a category in the singular or plural.
func FeedbackCategoryName(c string, plural bool) string {
	n, ok := feedbackCategoryNames[c]
	if !ok {
		return c
	}
	if plural {
		return n[1]
	}
	return n[0]
}

// FeedbackPrivacy says, before a rater answers, how their answers will be
// shown: named for a manager whose group is named, else only within a
// group of at least the minimum.
func FeedbackPrivacy(m ladder.FeedbackMinimums, category, person string) string {
	if category == ladder.FeedbackManager && m.NameManager {
		return fmt.Sprintf("As %s's manager, your answers are shown as “your manager”: %s will know they are yours.", person, person)
	}
	min := FeedbackAnonymity(m).Of(anonymity.Category(category))
	return fmt.Sprintf("%s sees your answers only as an average with at least %d other %s' answers "+
		"(or folded together with other small groups), never on their own, and never with your name. "+
		"Comments are shown the same way, without names and in no particular order.",
		person, max(min-1, 1), FeedbackCategoryName(category, true))
}

// feedbackRequestMail is the mail that asks a rater for feedback, or
// reminds them.
func feedbackRequestMail(p *ladder.Person, round *ladder.FeedbackRound, r *ladder.FeedbackRater, link string, reminder bool) mail.Message {
	var b strings.Builder
	subject := p.Name + " asks for your feedback"
	if reminder {
		subject = "Reminder: " + p.Name + " asks for your feedback"
		b.WriteString("A reminder, in case the first mail got lost. The link below replaces the earlier one.\n\n")
	}
	fmt.Fprintf(&b, "Hello,\n\n%s is growing towards a management role and asks how you see them at work (“%s”).\n\n", p.Name, round.Title)
	fmt.Fprintf(&b, "For each of %d competencies, pick the description closest to what you have seen, or “not observed”. "+
		"Comments are optional and most useful when they name a situation, what %s did, and its impact. "+
		"It takes about ten minutes; you need no account.\n\n", len(round.Competencies), p.Name)
	privacy := FeedbackPrivacy(round.Minimums, r.Category, p.Name)
	if r.Category != ladder.FeedbackManager || !round.Minimums.NameManager {
		privacy = "Your answers are anonymous. " + privacy
	}
	fmt.Fprintf(&b, "You answer as one of %s's %s. %s\n\n", p.Name, FeedbackCategoryName(r.Category, true), privacy)
	fmt.Fprintf(&b, "Your personal link works once, until %s:\n%s\n\n", r.ExpiresAt.UTC().Format("2 January 2006 15:04 UTC"), link)
	b.WriteString("If you did not expect this mail, ignore it.\n\n— Ladder\n")
	return mail.Message{To: r.Email, Subject: subject, Text: b.String()}
}
