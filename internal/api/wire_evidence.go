package api

import (
	"time"

	"github.com/ladderhq/ladder"
)

// Evidence is one entry of the evidence log (`ladder log list --json`).
// Dates are days, written YYYY-MM-DD.
type Evidence struct {
	ID           int64    `json:"id"`
	Kind         string   `json:"kind" enum:"led-project,mentored,facilitated,resolved-conflict,budget,vendor,exec-presentation,incident-lead,hiring,process-improvement,cost-saving,other"`
	Title        string   `json:"title"`
	Description  string   `json:"description"`
	Start        string   `json:"start" doc:"the date, or the first day of a range (YYYY-MM-DD)"`
	End          *string  `json:"end" doc:"the last day of a range (YYYY-MM-DD); null for a single date"`
	Competencies []string `json:"competencies"`
	MoneySaved   *Money   `json:"money_saved" doc:"null when not given"`
	HoursSaved   float64  `json:"hours_saved"`
	People       int      `json:"people" doc:"the team size: people led, mentored or involved; 0 when not given"`
	Months       float64  `json:"months" doc:"the project length in months: as given, else computed from the dates (0 for a single date)"`
	// MonthsComputed says Months came from the dates, not from the person.
	MonthsComputed bool      `json:"months_computed"`
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// Money is an amount in whole units of a currency.
type Money struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency" doc:"an ISO 4217 code, such as EUR"`
}

// NewEvidence converts an evidence entry.
func NewEvidence(e *ladder.Evidence) Evidence {
	out := Evidence{ID: e.ID, Kind: e.Kind, Title: e.Title, Description: e.Description,
		Start: e.Start.Format(time.DateOnly), Competencies: append([]string{}, e.Competencies...),
		HoursSaved: e.HoursSaved, People: e.PeopleCount, Months: e.ProjectMonths(),
		MonthsComputed: e.Months == 0 && !e.End.IsZero(), CreatedAt: e.CreatedAt, UpdatedAt: e.UpdatedAt}
	if !e.End.IsZero() {
		end := e.End.Format(time.DateOnly)
		out.End = &end
	}
	if !e.MoneySaved.IsZero() {
		out.MoneySaved = &Money{Amount: e.MoneySaved.Amount, Currency: e.MoneySaved.Currency}
	}
	return out
}

// EvidenceCreate is the body of POST /api/v1/evidence.
type EvidenceCreate struct {
	Kind         string   `json:"kind" enum:"led-project,mentored,facilitated,resolved-conflict,budget,vendor,exec-presentation,incident-lead,hiring,process-improvement,cost-saving,other"`
	Title        string   `json:"title"`
	Description  string   `json:"description,omitempty"`
	Start        string   `json:"start" doc:"the date, or the first day of a range (YYYY-MM-DD)"`
	End          string   `json:"end,omitempty" doc:"the last day of a range (YYYY-MM-DD); leave out for a single date"`
	Competencies []string `json:"competencies,omitempty" doc:"competency keys it shows, at most 6"`
	MoneySaved   *Money   `json:"money_saved,omitempty"`
	HoursSaved   float64  `json:"hours_saved,omitempty"`
	People       int      `json:"people,omitempty"`
	Months       float64  `json:"months,omitempty" doc:"the project length, when the dates do not tell it"`
}

// Entry converts the body; dates that do not parse are field errors.
func (b EvidenceCreate) Entry(personID int64) (*ladder.Evidence, error) {
	e := &ladder.Evidence{PersonID: personID, Kind: b.Kind, Title: b.Title, Description: b.Description,
		Competencies: b.Competencies, HoursSaved: b.HoursSaved, PeopleCount: b.People, Months: b.Months}
	f := ladder.FieldErrors{}
	var err error
	if e.Start, err = time.Parse(time.DateOnly, b.Start); err != nil {
		f.Add("start", "must be a date (YYYY-MM-DD)")
	}
	if b.End != "" {
		if e.End, err = time.Parse(time.DateOnly, b.End); err != nil {
			f.Add("end", "must be a date (YYYY-MM-DD)")
		}
	}
	if b.MoneySaved != nil {
		e.MoneySaved = ladder.Money{Amount: b.MoneySaved.Amount, Currency: b.MoneySaved.Currency}
	}
	return e, f.Err("The evidence entry is not valid.")
}
