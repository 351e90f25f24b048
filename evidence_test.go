package ladder_test

import (
	"testing"
	"time"

	"github.com/ladderhq/ladder"
)

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestMonthsBetween(t *testing.T) {
	for _, tt := range []struct {
		from, to string
		want     float64
	}{
		{"2025-01-01", "2025-06-30", 6},
		{"2025-01-15", "2025-02-10", 0.9}, // 27 of January's 31 days
		{"2025-01-31", "2025-02-28", 1},
		{"2024-03-01", "2025-02-28", 12},
		{"2025-03-14", "2025-03-14", 0},
		{"2025-03-14", "2025-03-13", 0},
	} {
		if got := ladder.MonthsBetween(date(tt.from), date(tt.to)); got != tt.want {
			t.Errorf("MonthsBetween(%s, %s) = %v, want %v", tt.from, tt.to, got, tt.want)
		}
	}
	single := ladder.Evidence{Start: date("2025-03-14")}
	given := ladder.Evidence{Start: date("2025-01-01"), End: date("2025-06-30"), Months: 4}
	if single.ProjectMonths() != 0 || given.ProjectMonths() != 4 {
		t.Errorf("single date %v, given %v", single.ProjectMonths(), given.ProjectMonths())
	}
}

func TestParseMoney(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want ladder.Money
	}{
		{"12000EUR", ladder.Money{Amount: 12000, Currency: "EUR"}},
		{"12,000 eur", ladder.Money{Amount: 12000, Currency: "EUR"}},
		{"USD 1_250_000", ladder.Money{Amount: 1250000, Currency: "USD"}},
		{"0GBP", ladder.Money{Currency: "GBP"}},
	} {
		got, err := ladder.ParseMoney(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseMoney(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"", "12000", "EUR", "12.50EUR", "-5EUR", "12,00EUR", "1,2345EUR", "12000E1R", "12 000 EURO", ",000EUR"} {
		if got, err := ladder.ParseMoney(in); err == nil {
			t.Errorf("ParseMoney(%q) = %+v, want an error", in, got)
		}
	}
}

func TestEvidenceValidate(t *testing.T) {
	now := time.Date(2026, 5, 1, 23, 30, 0, 0, time.UTC)
	ok := func() ladder.Evidence {
		return ladder.Evidence{Kind: ladder.EvidenceVendor, Title: "Renewal", Start: date("2026-04-01")}
	}
	tests := []struct {
		name  string
		edit  func(e *ladder.Evidence)
		field string
	}{
		{"OK", func(*ladder.Evidence) {}, ""},
		{"OKTomorrow", func(e *ladder.Evidence) { e.End = date("2026-05-02") }, ""},
		{"ErrKindRequired", func(e *ladder.Evidence) { e.Kind = "" }, "kind"},
		{"ErrKindUnknown", func(e *ladder.Evidence) { e.Kind = "led" }, "kind"},
		{"ErrTitleRequired", func(e *ladder.Evidence) { e.Title = "  " }, "title"},
		{"ErrStartRequired", func(e *ladder.Evidence) { e.Start = time.Time{} }, "start"},
		{"ErrStartTypo", func(e *ladder.Evidence) { e.Start = date("0025-04-01") }, "start"},
		{"ErrEndBeforeStart", func(e *ladder.Evidence) { e.End = date("2026-03-31") }, "end"},
		{"ErrEndFuture", func(e *ladder.Evidence) { e.End = date("2026-05-03") }, "end"},
		{"ErrTooManyCompetencies", func(e *ladder.Evidence) { e.Competencies = []string{"a", "b", "c", "d", "e", "f", "g"} }, "competencies"},
		{"ErrMoneyCurrency", func(e *ladder.Evidence) { e.MoneySaved = ladder.Money{Amount: 10, Currency: "EURO"} }, "money_saved"},
		{"ErrHoursNegative", func(e *ladder.Evidence) { e.HoursSaved = -1 }, "hours_saved"},
		{"ErrPeopleNegative", func(e *ladder.Evidence) { e.PeopleCount = -1 }, "people"},
		{"ErrMonthsNegative", func(e *ladder.Evidence) { e.Months = -0.5 }, "months"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := ok()
			tt.edit(&e)
			err := e.Validate(now)
			if tt.field == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			le, isErr := err.(*ladder.Error)
			if !isErr || le.Code != ladder.EINVALID || le.Fields[tt.field] == "" || len(le.Fields) != 1 {
				t.Fatalf("got %v, want one message for %s", err, tt.field)
			}
		})
	}
	t.Run("Normalises", func(t *testing.T) {
		e := ladder.Evidence{Kind: " budget ", Title: " Q3 budget ", Start: time.Date(2026, 4, 1, 15, 4, 0, 0, time.UTC),
			Competencies: []string{"budgeting", " budgeting", "", "cost-benefit-analysis"}, MoneySaved: ladder.Money{Amount: 1, Currency: "eur"}}
		if err := e.Validate(now); err != nil {
			t.Fatal(err)
		}
		if e.Kind != "budget" || e.Title != "Q3 budget" || !e.Start.Equal(date("2026-04-01")) || len(e.Competencies) != 2 || e.MoneySaved.Currency != "EUR" {
			t.Errorf("%+v", e)
		}
	})
}
