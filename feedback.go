package ladder

import (
	"context"
	"net/mail"
	"slices"
	"strings"
	"time"
)

// Rater categories of 360 feedback (PRODUCT.md C4). They are the values of
// internal/anonymity's categories; FeedbackOthers is the group hidden
// categories fold into, never a rater's category.
const (
	FeedbackManager     = "manager"
	FeedbackPeer        = "peer"
	FeedbackReport      = "report" // a direct report
	FeedbackStakeholder = "stakeholder"
	FeedbackOthers      = "others"
)

// FeedbackCategories lists the rater categories in the order pages show them.
var FeedbackCategories = []string{FeedbackManager, FeedbackPeer, FeedbackReport, FeedbackStakeholder}

// FeedbackGroups lists the groups results may show, in order.
var FeedbackGroups = []string{FeedbackManager, FeedbackPeer, FeedbackReport, FeedbackStakeholder, FeedbackOthers}

// FeedbackMinimums are the numbers of raters a group needs before its
// answers are shown (docs/anonymity.md). A round keeps the minimums it was
// started with, so answers are always read under the rule raters were told.
type FeedbackMinimums struct {
	Manager, Peer, Report, Stakeholder, Others int
	// NameManager shows the manager's group as "your manager".
	NameManager bool
}

// FeedbackCount is how many raters of a category were asked and how many
// answered. While a round is open, Answered counts the raters who sent the
// form; once it is closed, those who gave at least one level or comment.
type FeedbackCount struct {
	Invited  int
	Answered int
}

// FeedbackRound is one round of 360 feedback a person asked for.
type FeedbackRound struct {
	ID           int64
	PersonID     int64
	Title        string
	Competencies []string  // the competencies raters are asked about, in model order
	ClosesOn     time.Time // a day: links stop working at its end
	Minimums     FeedbackMinimums
	// ClosedAt is when the person closed the round; zero while it is open.
	ClosedAt time.Time
	// Counts holds, per category, the raters asked and those who answered.
	Counts map[string]FeedbackCount
	// Results is what the round shows, kept when it closed; nil while open.
	Results *FeedbackResults
	// StartedBy is the programme admin who started the round for a cohort
	// (0 when the person started it, or once the admin is deleted), and
	// CohortID that cohort (0 when none, or once it is deleted); the names
	// are for the person's pages.
	StartedBy     int64
	StartedByName string
	CohortID      int64
	CohortName    string
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// Closed reports whether the round was closed.
func (r *FeedbackRound) Closed() bool { return !r.ClosedAt.IsZero() }

// Answered returns how many raters answered in all.
func (r *FeedbackRound) Answered() int {
	n := 0
	for _, c := range r.Counts {
		n += c.Answered
	}
	return n
}

// Validate trims and checks the round; competency keys are checked by the
// service against the model.
func (r *FeedbackRound) Validate() error {
	f := FieldErrors{}
	r.Title = strings.TrimSpace(r.Title)
	r.ClosesOn = Day(r.ClosesOn)
	switch {
	case r.Title == "":
		f.Add("title", "is required")
	case len(r.Title) > 200:
		f.Add("title", "must be at most 200 characters")
	}
	switch {
	case len(r.Competencies) == 0:
		f.Add("competencies", "choose at least one competency")
	case len(r.Competencies) > 60:
		f.Add("competencies", "choose at most 60 competencies")
	}
	if r.ClosesOn.IsZero() {
		f.Add("closes_on", "is required")
	}
	return f.Err("The feedback round is not valid.")
}

// FeedbackResults is what a closed round shows: the aggregates the
// anonymity rule let through when it closed, and the person's own
// self-rating then. Nothing in it belongs to one rater.
type FeedbackResults struct {
	Cells    []FeedbackCell
	Comments []FeedbackCommentGroup
	// Self is the person's latest self-rating per competency of the round
	// when it closed.
	Self map[string]int
}

// FeedbackCell is one shown group's answers on one competency: how many
// raters and the sum of their levels.
type FeedbackCell struct {
	Competency string
	Group      string // one of FeedbackGroups
	Raters     int
	Sum        int
}

// FeedbackCommentGroup is one shown group's comments on a competency (""
// for general comments), in an order that says nothing about who wrote
// which.
type FeedbackCommentGroup struct {
	Competency string
	Group      string
	Texts      []string
}

// FeedbackRater is someone asked to answer a round. Whether they answered is
// deliberately not here: nobody is shown who has answered, only counts.
type FeedbackRater struct {
	ID       int64
	RoundID  int64
	PersonID int64
	Category string
	Email    string
	// ExpiresAt is when the rater's link stops working: the end of the
	// round's closing day, or sooner when the person gave fewer days.
	ExpiresAt time.Time
	Revoked   bool
	CreatedAt time.Time
}

// Validate trims and checks the rater.
func (r *FeedbackRater) Validate() error {
	f := FieldErrors{}
	r.Email = strings.ToLower(strings.TrimSpace(r.Email))
	if !slices.Contains(FeedbackCategories, r.Category) {
		f.Add("category", "must be one of %s", strings.Join(FeedbackCategories, ", "))
	}
	if r.Email == "" {
		f.Add("email", "is required")
	} else if a, err := mail.ParseAddress(r.Email); err != nil || a.Address != r.Email || len(r.Email) > 254 {
		f.Add("email", "is not an email address")
	}
	return f.Err("The rater is not valid.")
}

// States of a rater's link, as the rater page tells them.
const (
	FeedbackLinkOpen    = "open"
	FeedbackLinkUsed    = "used"
	FeedbackLinkExpired = "expired" // past its time, or the round was closed
	FeedbackLinkRevoked = "revoked"
)

// FeedbackInvitation is what a rater's link opens: the round, who asks and
// the rater's category, never their email.
type FeedbackInvitation struct {
	Round      *FeedbackRound
	PersonName string
	Category   string
	ExpiresAt  time.Time
	State      string // one of the FeedbackLink* states
}

// FeedbackResponse is one rater's answers: a level 1-5 per competency
// (absent or 0 for "not observed") and optional comments per competency,
// with "" as the key of the general comment.
type FeedbackResponse struct {
	Levels   map[string]int
	Comments map[string]string
}

// FeedbackCommentMax caps one comment.
const FeedbackCommentMax = 4000

// FeedbackService stores rounds, raters and answers.
//
// Answers are stored under a fresh random key with only the rater's
// category, with nothing that joins them back to the rater (see
// docs/anonymity.md); when a round closes they are reduced to what the
// anonymity rule shows and deleted.
//
// Errors: EINVALID for a bad field; ENOTFOUND for an unknown id, one of
// another person, or an unknown link; ECONFLICT for a duplicate rater, a
// change to a closed round, or a link that was used, revoked or expired.
type FeedbackService interface {
	FindFeedbackRounds(ctx context.Context, personID int64) ([]*FeedbackRound, error)
	FindFeedbackRound(ctx context.Context, personID, id int64) (*FeedbackRound, error)
	CreateFeedbackRound(ctx context.Context, r *FeedbackRound) error
	// CloseFeedbackRound closes the round: reduce turns its answers into
	// the results to keep, then the answers are deleted.
	CloseFeedbackRound(ctx context.Context, personID, id int64, reduce FeedbackReducer) error

	FindFeedbackRaters(ctx context.Context, personID, roundID int64) ([]*FeedbackRater, error)
	// CreateFeedbackRater adds a rater and returns the secret of their
	// link, which is stored only as a hash.
	CreateFeedbackRater(ctx context.Context, r *FeedbackRater) (token string, err error)
	RevokeFeedbackRater(ctx context.Context, personID, raterID int64) error
	// PendingFeedbackRaters lists the raters of an open round whose links
	// still work and who have not answered, for reminders only: it must
	// never be shown to anyone.
	PendingFeedbackRaters(ctx context.Context, personID, roundID int64) ([]*FeedbackRater, error)
	// RenewFeedbackLink gives a pending rater a new link secret (for a
	// reminder); the old one stops working.
	RenewFeedbackLink(ctx context.Context, personID, raterID int64) (token string, err error)

	FindFeedbackInvitation(ctx context.Context, token string) (*FeedbackInvitation, error)
	SubmitFeedback(ctx context.Context, token string, resp FeedbackResponse) error
}

// FeedbackAnswer is one stored answer as the close of a round reads it:
// an opaque key shared by one rater's answers, the category, the level.
type FeedbackAnswer struct {
	RaterKey   string
	Category   string
	Competency string
	Level      int
}

// FeedbackComment is one stored comment ("" competency: general).
type FeedbackComment struct {
	RaterKey   string
	Category   string
	Competency string
	Text       string
}

// FeedbackReducer turns a round's answers into the results kept when it
// closes (the anonymity rule, in internal/journey).
type FeedbackReducer func(r *FeedbackRound, answers []FeedbackAnswer, comments []FeedbackComment) (*FeedbackResults, map[string]int, error)

// FeedbackCategoryValid reports whether c is a rater category.
func FeedbackCategoryValid(c string) bool { return slices.Contains(FeedbackCategories, c) }
