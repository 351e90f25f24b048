package ladder

import "time"

// Reminder kinds: where a reminder comes from.
const (
	ReminderPlanAction  = "plan-action"
	ReminderMentoring   = "mentoring"
	ReminderFollowUp    = "follow-up"  // a contact's next contact
	ReminderEvent       = "event"      // an event or conference
	ReminderMembership  = "membership" // a professional membership to renew
	ReminderOpportunity = "opportunity"
	ReminderOneToOne    = "one-to-one"
	ReminderFirst90     = "first-90" // a step of the first 90 days as a manager
	ReminderFeedback    = "feedback" // a round of 360 feedback to close
)

// Reminder is something due on a day: a follow-up, a mentoring session, a
// plan action, a one-to-one. The dashboard, `ladder today` and the calendar
// export all list the same reminders.
type Reminder struct {
	Date   time.Time // the day it is due, 00:00 UTC
	Kind   string    // one of the Reminder* kinds
	Title  string    // what to do, in a few words
	Detail string    // optional: who, where, the agenda
	// Link is the web path where the item is handled, such as /network.
	Link string
	// UID is stable across exports so calendar apps update rather than
	// duplicate an event: kind and the item's id, such as "follow-up-12".
	UID string
	// Overdue is set by the agenda for items due before today and not done.
	Overdue bool
}

// ReminderLabels name the kinds in words, for pages and the terminal.
var ReminderLabels = map[string]string{
	ReminderPlanAction: "plan", ReminderMentoring: "mentoring", ReminderFollowUp: "follow-up",
	ReminderEvent: "event", ReminderMembership: "membership", ReminderOpportunity: "opportunity",
	ReminderOneToOne: "one-to-one", ReminderFirst90: "first 90 days", ReminderFeedback: "feedback",
}
