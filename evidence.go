package ladder

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Evidence kinds: what a person did.
const (
	EvidenceLedProject         = "led-project"
	EvidenceMentored           = "mentored"
	EvidenceFacilitated        = "facilitated"
	EvidenceResolvedConflict   = "resolved-conflict"
	EvidenceBudget             = "budget"
	EvidenceVendor             = "vendor"
	EvidenceExecPresentation   = "exec-presentation"
	EvidenceIncidentLead       = "incident-lead"
	EvidenceHiring             = "hiring"
	EvidenceProcessImprovement = "process-improvement"
	EvidenceCostSaving         = "cost-saving"
	EvidenceOther              = "other"
)

// EvidenceKind is a kind of evidence with its label for people.
type EvidenceKind struct {
	Key   string
	Label string
}

// EvidenceKinds returns the kinds in the order forms offer them.
func EvidenceKinds() []EvidenceKind {
	return []EvidenceKind{
		{EvidenceLedProject, "Led a project or initiative"},
		{EvidenceMentored, "Mentored someone"},
		{EvidenceFacilitated, "Facilitated a meeting or ran a team routine"},
		{EvidenceResolvedConflict, "Resolved a conflict"},
		{EvidenceBudget, "Handled a budget"},
		{EvidenceVendor, "Handled a vendor or contract"},
		{EvidenceExecPresentation, "Presented to executives"},
		{EvidenceIncidentLead, "Led an incident"},
		{EvidenceHiring, "Hired or interviewed"},
		{EvidenceProcessImprovement, "Improved a process"},
		{EvidenceCostSaving, "Saved cost"},
		{EvidenceOther, "Other leadership experience"},
	}
}

// EvidenceKindLabel returns the label of a kind and whether it is known.
func EvidenceKindLabel(key string) (string, bool) {
	for _, k := range EvidenceKinds() {
		if k.Key == key {
			return k.Label, true
		}
	}
	return "", false
}

// Limits of an evidence entry. An entry may name a few competencies, not
// all of them: one entry that claims to show everything shows nothing, and
// each linked competency gets the entry's (capped) lift in readiness.
const (
	MaxEvidenceCompetencies = 6
	maxEvidenceTitle        = 200
	maxEvidenceDescription  = 4000
	maxEvidenceMonths       = 600
	maxEvidenceHours        = 100000
	maxEvidencePeople       = 100000
)

// earliestEvidence is the earliest date an entry may have: anything before
// is a typing mistake (0025 for 2025), not a career.
var earliestEvidence = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

// Money is an amount in whole units of a currency. Outcome figures are for
// people and resumes ("saved 12,000 EUR"), so cents are not kept.
type Money struct {
	Amount   int64
	Currency string // ISO 4217 code, such as EUR
}

// IsZero reports whether no amount is given.
func (m Money) IsZero() bool { return m.Amount == 0 && m.Currency == "" }

// String formats the amount as "12000 EUR", "" when zero.
func (m Money) String() string {
	if m.IsZero() {
		return ""
	}
	return strconv.FormatInt(m.Amount, 10) + " " + m.Currency
}

// ParseMoney reads an amount with its currency: "12000EUR", "12,000 EUR",
// "EUR 12000". Thousands separators (',' or '_') must group three digits;
// fractions are refused rather than rounded.
func ParseMoney(s string) (Money, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	isLetter := func(r rune) bool { return r >= 'A' && r <= 'Z' }
	var cur, num string
	switch {
	case len(s) > 3 && isLetter(rune(s[0])):
		cur, num = s[:3], strings.TrimSpace(s[3:])
	case len(s) > 3 && isLetter(rune(s[len(s)-1])):
		cur, num = s[len(s)-3:], strings.TrimSpace(s[:len(s)-3])
	default:
		return Money{}, fmt.Errorf("%q needs an amount and a currency, such as 12000EUR", s)
	}
	for _, r := range cur {
		if !isLetter(r) {
			return Money{}, fmt.Errorf("%q needs a three-letter currency code, such as EUR", s)
		}
	}
	if strings.ContainsAny(num, ".") {
		return Money{}, fmt.Errorf("%q: give a whole amount, such as 12000%s", s, cur)
	}
	digits, ok := stripThousands(num)
	if !ok {
		return Money{}, fmt.Errorf("%q is not an amount, such as 12000%s", s, cur)
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || n < 0 {
		return Money{}, fmt.Errorf("%q is not an amount, such as 12000%s", s, cur)
	}
	return Money{Amount: n, Currency: cur}, nil
}

// stripThousands removes ',' or '_' separators that group three digits.
func stripThousands(s string) (string, bool) {
	groups := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '_' })
	if len(groups) == 0 || strings.Join(groups, "") == "" || len(strings.Join(groups, ",")) != len(s) {
		return "", false
	}
	for i, g := range groups {
		for _, r := range g {
			if r < '0' || r > '9' {
				return "", false
			}
		}
		if i > 0 && len(g) != 3 || i == 0 && len(groups) > 1 && len(g) > 3 {
			return "", false
		}
	}
	return strings.Join(groups, ""), true
}

// Evidence is one dated entry of what a person did on the way to
// management: a project led, a colleague mentored, a budget defended. It
// links to competencies and may carry outcome figures; it feeds readiness
// (docs/readiness.md), certification eligibility and the resume.
type Evidence struct {
	ID       int64
	PersonID int64
	Kind     string
	Title    string
	// Description says what happened, ideally as situation, task, action
	// and result.
	Description string
	// Start is the date, or the first day of a date range. Dates are kept
	// at midnight UTC.
	Start time.Time
	// End is the last day of a range; zero for a single date.
	End          time.Time
	Competencies []string
	// Outcome figures; zero means not given.
	MoneySaved  Money
	HoursSaved  float64
	PeopleCount int // people led, mentored or involved: the team size
	// Months is the project length as the person gave it; zero means it is
	// computed from the dates (see ProjectMonths).
	Months    float64
	CreatedAt time.Time
	UpdatedAt time.Time
}

// LastDay returns the day the entry was last practised: its end date, or
// its date for a single day.
func (e *Evidence) LastDay() time.Time {
	if e.End.IsZero() {
		return e.Start
	}
	return e.End
}

// ProjectMonths returns the months given, else the length of the date range
// in months (0 for a single date).
func (e *Evidence) ProjectMonths() float64 {
	if e.Months > 0 || e.End.IsZero() {
		return e.Months
	}
	return MonthsBetween(e.Start, e.End)
}

// MonthsBetween returns the months from start to end, both days included,
// to one decimal: 2025-01-01 to 2025-06-30 is 6, 2025-01-15 to 2025-02-10
// is 0.9 (27 of January's 31 days).
func MonthsBetween(start, end time.Time) float64 {
	start, end = Day(start), Day(end).AddDate(0, 0, 1)
	if !end.After(start) {
		return 0
	}
	whole := (end.Year()-start.Year())*12 + int(end.Month()-start.Month())
	anchor := addMonths(start, whole)
	if anchor.After(end) {
		whole--
		anchor = addMonths(start, whole)
	}
	days := daysIn(anchor.Year(), anchor.Month())
	frac := end.Sub(anchor).Hours() / 24 / float64(days)
	return math.Round((float64(whole)+frac)*10) / 10
}

// addMonths adds n months to a day, keeping to the last day of a shorter
// month (January 31 + 1 month is February 28 or 29, not March 3).
func addMonths(t time.Time, n int) time.Time {
	first := time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	d := min(t.Day(), daysIn(first.Year(), first.Month()))
	return first.AddDate(0, 0, d-1)
}

func daysIn(y int, m time.Month) int { return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day() }

// Day returns the calendar day of t (in t's location) at midnight UTC, the
// form in which evidence dates are kept.
func Day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Validate normalises the entry (trimmed text, dates as days, competencies
// without repeats, currency in capitals) and checks its fields. now is the
// clock's time: dates may be at most a day ahead of it, for time zones. It
// does not check competency keys against a model; services do that with
// ValidateEvidenceCompetencies.
func (e *Evidence) Validate(now time.Time) error {
	f := FieldErrors{}
	e.Kind = strings.TrimSpace(e.Kind)
	e.Title = strings.TrimSpace(e.Title)
	e.Description = strings.TrimSpace(e.Description)
	e.Start, e.End = Day(e.Start), Day(e.End)
	e.MoneySaved.Currency = strings.ToUpper(strings.TrimSpace(e.MoneySaved.Currency))
	e.Competencies = dedupe(e.Competencies)

	if e.Kind == "" {
		f.Add("kind", "is required")
	} else if _, ok := EvidenceKindLabel(e.Kind); !ok {
		f.Add("kind", "unknown kind %q: use one of %s", e.Kind, strings.Join(evidenceKindKeys(), ", "))
	}
	switch {
	case e.Title == "":
		f.Add("title", "is required")
	case len(e.Title) > maxEvidenceTitle:
		f.Add("title", "must be at most %d characters", maxEvidenceTitle)
	}
	if len(e.Description) > maxEvidenceDescription {
		f.Add("description", "must be at most %d characters", maxEvidenceDescription)
	}
	validateEvidenceDates(f, e.Start, e.End, now)
	if len(e.Competencies) > MaxEvidenceCompetencies {
		f.Add("competencies", "at most %d per entry: link the ones the entry shows best", MaxEvidenceCompetencies)
	}
	validateFigures(f, e)
	return f.Err("The evidence entry is not valid.")
}

func validateEvidenceDates(f FieldErrors, start, end, now time.Time) {
	latest := Day(now.UTC()).AddDate(0, 0, 1)
	switch {
	case start.IsZero():
		f.Add("start", "is required")
	case start.Before(earliestEvidence):
		f.Add("start", "%s is before %d", start.Format(time.DateOnly), earliestEvidence.Year())
	case start.After(latest):
		f.Add("start", "%s is in the future: log what you have done", start.Format(time.DateOnly))
	}
	if end.IsZero() {
		return
	}
	switch {
	case !start.IsZero() && end.Before(start):
		f.Add("end", "%s is before the start %s", end.Format(time.DateOnly), start.Format(time.DateOnly))
	case end.After(latest):
		f.Add("end", "%s is in the future: log what you have done, and update the end when it is done", end.Format(time.DateOnly))
	}
}

func validateFigures(f FieldErrors, e *Evidence) {
	m := e.MoneySaved
	switch {
	case m.Amount < 0:
		f.Add("money_saved", "must not be negative")
	case m.Amount > 0 && m.Currency == "":
		f.Add("money_saved", "needs a currency, such as EUR")
	case m.Currency != "" && !isCurrencyCode(m.Currency):
		f.Add("money_saved", "currency %q is not a three-letter code such as EUR", m.Currency)
	}
	check := func(field string, v, limit float64) {
		switch {
		case v < 0 || math.IsNaN(v):
			f.Add(field, "must not be negative")
		case v > limit:
			f.Add(field, "must be at most %v", limit)
		}
	}
	check("hours_saved", e.HoursSaved, maxEvidenceHours)
	check("people", float64(e.PeopleCount), maxEvidencePeople)
	check("months", e.Months, maxEvidenceMonths)
}

func isCurrencyCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

func evidenceKindKeys() []string {
	var keys []string
	for _, k := range EvidenceKinds() {
		keys = append(keys, k.Key)
	}
	return keys
}

// dedupe trims keys and drops empty and repeated ones, keeping the order:
// the first competency named is the one the entry shows best.
func dedupe(keys []string) []string {
	out := make([]string, 0, len(keys))
	seen := map[string]bool{}
	for _, k := range keys {
		k = strings.TrimSpace(k)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, k)
	}
	return out
}

// ValidateEvidenceCompetencies checks that every key names a competency of
// the model.
func ValidateEvidenceCompetencies(m *Model, keys []string) error {
	f := FieldErrors{}
	var unknown []string
	for _, k := range keys {
		if _, ok := m.Competency(k); !ok {
			unknown = append(unknown, strconv.Quote(k))
		}
	}
	if len(unknown) > 0 {
		f.Add("competencies", "unknown competency %s (see `ladder competencies`)", strings.Join(unknown, ", "))
	}
	return f.Err("The evidence entry is not valid.")
}

// EvidenceFilter selects evidence entries. Zero fields do not filter.
// Entries come newest first (by start date, then id).
type EvidenceFilter struct {
	PersonID   int64
	Kind       string
	Competency string
	// From and To keep entries whose dates overlap the range.
	From time.Time
	To   time.Time
	// AfterStart and AfterID continue a newest-first listing after that
	// entry: a keyset cursor, so that entries added or deleted meanwhile
	// neither repeat nor go missing. Used when AfterID is set.
	AfterStart time.Time
	AfterID    int64
	Offset     int
	Limit      int
}

// EvidenceUpdate holds the fields to change; nil fields are left alone. An
// End pointing to a zero time makes the entry a single date; Months
// pointing to 0 goes back to computing it from the dates.
type EvidenceUpdate struct {
	Kind         *string
	Title        *string
	Description  *string
	Start        *time.Time
	End          *time.Time
	Competencies *[]string
	MoneySaved   *Money
	HoursSaved   *float64
	PeopleCount  *int
	Months       *float64
}

// Apply sets the fields of upd on e.
func (upd EvidenceUpdate) Apply(e *Evidence) {
	setPtr(&e.Kind, upd.Kind)
	setPtr(&e.Title, upd.Title)
	setPtr(&e.Description, upd.Description)
	setPtr(&e.Start, upd.Start)
	setPtr(&e.End, upd.End)
	if upd.Competencies != nil {
		e.Competencies = append([]string(nil), *upd.Competencies...)
	}
	setPtr(&e.MoneySaved, upd.MoneySaved)
	setPtr(&e.HoursSaved, upd.HoursSaved)
	setPtr(&e.PeopleCount, upd.PeopleCount)
	setPtr(&e.Months, upd.Months)
}

func setPtr[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// EvidenceService stores the evidence log. Every call that names an entry
// names its owner too: another person's entry is ENOTFOUND, exactly like
// one that does not exist, so no caller can read or change someone else's
// log by forgetting a check. Each write is one transaction (an entry is
// never saved with half its competencies) and bumps the owner's data
// version.
//
// Errors: EINVALID for a bad field or a competency the model does not know;
// ENOTFOUND for an unknown id, another person's entry, or an unknown person
// on create.
type EvidenceService interface {
	FindEvidenceByID(ctx context.Context, personID, id int64) (*Evidence, error)
	// FindEvidence returns the entries matching f, newest first, and their
	// total count ignoring Offset, Limit and the After cursor.
	FindEvidence(ctx context.Context, f EvidenceFilter) ([]*Evidence, int, error)
	CreateEvidence(ctx context.Context, e *Evidence) error
	UpdateEvidence(ctx context.Context, personID, id int64, upd EvidenceUpdate) (*Evidence, error)
	DeleteEvidence(ctx context.Context, personID, id int64) error
}
