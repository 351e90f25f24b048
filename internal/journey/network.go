package journey

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/firstdays"
	"github.com/ladderhq/ladder/internal/mentoring"
)

// knownCriterion reports whether key is one of the good-mentor criteria.
func knownCriterion(key string) bool {
	_, ok := MentorCriterion(key)
	return ok
}

// MentorCriterion returns the good-mentor criterion with key.
func MentorCriterion(key string) (firstdays.Criterion, bool) {
	c, err := firstdays.Load()
	if err != nil {
		return firstdays.Criterion{}, false
	}
	for _, cr := range c.MentorCriteria {
		if cr.Key == key {
			return cr, true
		}
	}
	return firstdays.Criterion{}, false
}

// knownOrg reports whether key is one of the professional organisations.
func knownOrg(key string) bool {
	_, ok := Organisation(key)
	return ok
}

// Organisation returns the professional organisation with key.
func Organisation(key string) (firstdays.Organisation, bool) {
	c, err := firstdays.Load()
	if err != nil {
		return firstdays.Organisation{}, false
	}
	for _, o := range c.Organisations {
		if o.Key == key {
			return o, true
		}
	}
	return firstdays.Organisation{}, false
}

// MembershipName is the name of a membership's organisation: the known
// one's, else the person's own.
func MembershipName(m *ladder.Membership) string {
	if o, ok := Organisation(m.OrgKey); ok {
		return o.Name
	}
	if m.Name != "" {
		return m.Name
	}
	return m.OrgKey
}

// errNoPlan says what to do when an action is added before there is a plan.
func errNoPlan() error {
	return &ladder.Error{Code: ladder.ECONFLICT,
		Message: "You have no plan yet: generate one on the plan page (or with `ladder plan generate`), then add this action to it.",
		Fields:  map[string]string{"plan": "generate your plan first"}}
}

// mentorActionDays is how long an agreed action gets when no next session
// is planned with the mentor: about the time between two sessions.
const mentorActionDays = 28

// AddAgreedActionToPlan turns an agreed action into an action of the
// person's own in their plan, under the goal of its competency (else the
// first goal), due by the next planned session with the mentor (else in
// four weeks). The agreed action records the plan action, so it is added
// once.
//
// Errors: ENOTFOUND for an agreed action not the person's; ECONFLICT when
// it is in the plan already or the person has no plan.
func (j *Journey) AddAgreedActionToPlan(ctx context.Context, p *ladder.Person, agreedID int64) (*ladder.PlanAction, error) {
	a, err := j.Mentors.FindAgreedAction(ctx, p.ID, agreedID)
	if err != nil {
		return nil, err
	}
	if a.PlanActionID != 0 {
		return nil, ladder.Errorf(ladder.ECONFLICT, "This agreed action is in your plan already.")
	}
	s, err := j.Mentors.FindMentoringSession(ctx, p.ID, a.SessionID)
	if err != nil {
		return nil, err
	}
	pl, err := j.Plans().FindPlan(ctx, p.ID)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return nil, errNoPlan()
	} else if err != nil {
		return nil, err
	}
	if len(pl.Goals) == 0 {
		return nil, errNoPlan()
	}
	gi := max(0, slices.IndexFunc(pl.Goals, func(g ladder.Goal) bool { return a.Competency != "" && g.Competency == a.Competency }))
	g := &pl.Goals[gi]
	today := dateOnly(j.DB.Now().UTC())
	due := today.AddDate(0, 0, mentorActionDays)
	sessions, err := j.Mentors.FindMentoringSessions(ctx, p.ID, s.MentorID)
	if err != nil {
		return nil, err
	}
	for _, next := range sessions {
		if next.Status == ladder.SessionPlanned && next.Date.After(today) && next.Date.Before(due) {
			due = next.Date
		}
	}
	comps := []string{g.Competency}
	if a.Competency != "" && a.Competency != g.Competency {
		comps = append(comps, a.Competency)
	}
	act := ladder.PlanAction{Title: a.Text, Kind: ladder.Kind70, DoneWhen: a.Text + " is done.", Competencies: comps,
		EffortHours: OwnActionHours, Start: today, Due: due, Edited: true, Order: len(g.Actions) + 1,
		Why: fmt.Sprintf("Agreed with %s in your mentoring session of %s.", s.MentorName, s.Date.Format("2 Jan 2006"))}
	if err := act.Validate(); err != nil {
		return nil, err
	}
	g.Actions = append(g.Actions, act)
	ai := len(g.Actions) - 1
	if err := j.Mentors.AddAgreedActionToPlan(ctx, agreedID, pl, gi, ai); err != nil {
		return nil, err
	}
	out := pl.Goals[gi].Actions[ai]
	return &out, nil
}

// SuggestAgenda suggests topics for the next session with mentor m from
// the person's current top gaps, the mentor's strengths first. It is empty
// when the person has no target role or no gap left.
func (j *Journey) SuggestAgenda(ctx context.Context, p *ladder.Person, m *ladder.Mentor) ([]mentoring.Topic, error) {
	if p.TargetRole == "" {
		return nil, nil
	}
	s, err := j.Snapshot(ctx, p, "")
	if err != nil {
		return nil, err
	}
	q, err := mentoring.Load()
	if err != nil {
		return nil, err
	}
	return mentoring.Agenda(q, s.Gaps(), m.Strengths, mentoring.AgendaSize), nil
}

// ContactedToday records that the person was in touch with their contact
// today, with next as the new follow-up date (zero: none).
//
// Errors: ENOTFOUND for a contact not the person's; EINVALID (field next)
// for a follow-up before today.
func (j *Journey) ContactedToday(ctx context.Context, personID, contactID int64, next time.Time) (*ladder.Contact, error) {
	c, err := j.Network.FindContact(ctx, personID, contactID)
	if err != nil {
		return nil, err
	}
	today := dateOnly(j.DB.Now().UTC())
	if !next.IsZero() && dateOnly(next).Before(today) {
		return nil, &ladder.Error{Code: ladder.EINVALID, Message: "The follow-up date is not valid.",
			Fields: map[string]string{"next": "must be today or later"}}
	}
	c.LastContact, c.NextContact = today, next
	if err := j.Network.UpdateContact(ctx, c); err != nil {
		return nil, err
	}
	return c, nil
}

// NetworkReminders returns what the person's mentoring and network ask of
// them in the days [from, to): follow-ups with contacts, planned mentoring
// sessions, planned events and membership renewals. Items due before from
// and still open (a follow-up not done, a session or event still planned,
// a renewal of a current membership) come too, with Overdue set. They are
// ordered by date, then kind and UID.
func (j *Journey) NetworkReminders(ctx context.Context, personID int64, from, to time.Time) ([]ladder.Reminder, error) {
	from, to = dateOnly(from), dateOnly(to)
	var out []ladder.Reminder
	add := func(d time.Time, r ladder.Reminder) {
		if d.IsZero() || !d.Before(to) {
			return
		}
		r.Date, r.Overdue = d, d.Before(from)
		out = append(out, r)
	}
	cs, err := j.Network.FindContacts(ctx, personID)
	if err != nil {
		return nil, err
	}
	for _, c := range cs {
		add(c.NextContact, ladder.Reminder{Kind: ladder.ReminderFollowUp, Title: "Follow up with " + c.Name,
			Detail: joinNonEmpty(" · ", c.Organisation, c.HowHelp), Link: "/network", UID: fmt.Sprintf("%s-%d", ladder.ReminderFollowUp, c.ID)})
	}
	ss, err := j.Mentors.FindMentoringSessions(ctx, personID, 0)
	if err != nil {
		return nil, err
	}
	for _, s := range ss {
		if s.Status == ladder.SessionPlanned {
			add(s.Date, ladder.Reminder{Kind: ladder.ReminderMentoring, Title: "Mentoring session with " + s.MentorName,
				Detail: s.Agenda, Link: fmt.Sprintf("/mentors/%d", s.MentorID), UID: fmt.Sprintf("%s-%d", ladder.ReminderMentoring, s.ID)})
		}
	}
	es, err := j.Network.FindNetworkEvents(ctx, personID)
	if err != nil {
		return nil, err
	}
	for _, e := range es {
		if e.Status == ladder.EventPlanned {
			add(e.Date, ladder.Reminder{Kind: ladder.ReminderEvent, Title: e.Name, Detail: e.Location, Link: "/network",
				UID: fmt.Sprintf("%s-%d", ladder.ReminderEvent, e.ID)})
		}
	}
	ms, err := j.Network.FindMemberships(ctx, personID)
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		if m.Status == ladder.MembershipMember {
			add(m.Renewal, ladder.Reminder{Kind: ladder.ReminderMembership, Title: "Renew your " + MembershipName(m) + " membership",
				Link: "/network", UID: fmt.Sprintf("%s-%d", ladder.ReminderMembership, m.ID)})
		}
	}
	slices.SortFunc(out, func(a, b ladder.Reminder) int {
		return cmp.Or(a.Date.Compare(b.Date), strings.Compare(a.Kind, b.Kind), strings.Compare(a.UID, b.UID))
	})
	return out, nil
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// ParseAgreedAction reads one agreed action as a person types it: a
// competency before a colon ("budgeting: ...", "Vendor management: ...",
// or the start of a competency's name when only one name starts so) ties
// the action to it; anything else is the text alone.
func ParseAgreedAction(m *ladder.Model, s string) ladder.AgreedAction {
	s = strings.TrimSpace(s)
	if k, text, ok := strings.Cut(s, ":"); ok {
		if key := competencyNamed(m, strings.TrimSpace(k)); key != "" {
			// "Budgeting: draft the budget" becomes "Draft the budget", a
			// title that reads right in the plan and the calendar.
			text = strings.TrimSpace(text)
			if r, n := utf8.DecodeRuneInString(text); n > 0 {
				text = string(unicode.ToUpper(r)) + text[n:]
			}
			return ladder.AgreedAction{Text: text, Competency: key}
		}
	}
	return ladder.AgreedAction{Text: s}
}

// competencyNamed finds the competency a person means by in: its key, its
// key with spaces, its name, or the start (four letters or more) of one
// name only. "" when none or several.
func competencyNamed(m *ladder.Model, in string) string {
	low := strings.ToLower(in)
	var prefixed []string
	for _, c := range m.Competencies() {
		name := strings.ToLower(c.Name)
		switch {
		case c.Key == low, strings.ReplaceAll(c.Key, "-", " ") == low, name == low:
			return c.Key
		case len(low) >= 4 && strings.HasPrefix(name, low):
			prefixed = append(prefixed, c.Key)
		}
	}
	if len(prefixed) == 1 {
		return prefixed[0]
	}
	return ""
}

// ParseAgreedActions reads one agreed action per non-empty line.
func ParseAgreedActions(m *ladder.Model, text string) []ladder.AgreedAction {
	var out []ladder.AgreedAction
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, ParseAgreedAction(m, l))
		}
	}
	return out
}
