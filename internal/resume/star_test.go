package resume

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestGenerateKinds: every kind of evidence gives a one-line bullet that
// opens with the title (a verb phrase) or the kind's verb, with the
// figures logged, and STAR parts in our words when the description says
// nothing.
func TestGenerateKinds(t *testing.T) {
	jan, jun := day(2025, 1, 6), day(2025, 6, 30)
	tests := []struct {
		name string
		e    ladder.Evidence
		text string
		sit  string
		task string
	}{
		{"LedProject", ladder.Evidence{Kind: ladder.EvidenceLedProject, Title: "Storage migration", Start: jan, End: jun, PeopleCount: 4},
			"Led storage migration with a team of 4 over 5.8 months.", "From January to June 2025, a project needed someone to own it.",
			"Lead the work from plan to delivery with a team of 4."},
		{"Mentored", ladder.Evidence{Kind: ladder.EvidenceMentored, Title: "Mentored Priya through her first year", Start: jan, PeopleCount: 1},
			"Mentored Priya through her first year.", "In January 2025, a colleague needed support to grow in their role.",
			"Help them build skills and confidence."},
		{"MentoredMany", ladder.Evidence{Kind: ladder.EvidenceMentored, Title: "Graduate programme", Start: jan, PeopleCount: 3},
			"Mentored graduate programme mentoring 3 people.", "", ""},
		{"Facilitated", ladder.Evidence{Kind: ladder.EvidenceFacilitated, Title: "Ran the weekly stand-up", Start: jan, PeopleCount: 6},
			"Ran the weekly stand-up for a group of 6.", "", "Run it so that people could decide and move on for a group of 6."},
		{"Conflict", ladder.Evidence{Kind: ladder.EvidenceResolvedConflict, Title: "A dispute about weekend cover", Start: jan, PeopleCount: 2},
			"Resolved a dispute about weekend cover between 2 people.", "In January 2025, a disagreement was holding the work back.", ""},
		{"Budget", ladder.Evidence{Kind: ladder.EvidenceBudget, Title: "The 2025 infrastructure budget", Start: jan,
			MoneySaved: ladder.Money{Amount: 4000, Currency: "EUR"}},
			"Managed the 2025 infrastructure budget, saving 4,000 EUR.", "", ""},
		{"Vendor", ladder.Evidence{Kind: ladder.EvidenceVendor, Title: "Negotiated the storage support renewal", Start: jan,
			MoneySaved: ladder.Money{Amount: 12000, Currency: "EUR"}},
			"Negotiated the storage support renewal, saving 12,000 EUR.", "", ""},
		{"ExecPresentation", ladder.Evidence{Kind: ladder.EvidenceExecPresentation, Title: "Backup options to the board", Start: jan, PeopleCount: 5},
			"Presented backup options to the board to 5 decision makers.", "", ""},
		{"IncidentLead", ladder.Evidence{Kind: ladder.EvidenceIncidentLead, Title: "P1 outage of the file servers", Start: jan, PeopleCount: 5},
			"Led the response to P1 outage of the file servers with a team of 5.", "In January 2025, an incident disrupted service.", ""},
		{"Hiring", ladder.Evidence{Kind: ladder.EvidenceHiring, Title: "Two service desk analysts", Start: jan, PeopleCount: 8},
			"Led hiring for two service desk analysts for a team of 8.", "", ""},
		{"ProcessImprovement", ladder.Evidence{Kind: ladder.EvidenceProcessImprovement, Title: "Automated new-starter set-up",
			Start: jan, End: day(2025, 1, 31), HoursSaved: 110},
			"Automated new-starter set-up over 4 weeks, saving 110 hours.", "In January 2025, a process was slower or less reliable than it should be.", ""},
		{"CostSaving", ladder.Evidence{Kind: ladder.EvidenceCostSaving, Title: "Printing", Start: jan,
			MoneySaved: ladder.Money{Amount: 1500000, Currency: "USD"}, HoursSaved: 12.5},
			"Reduced the cost of printing, saving 1,500,000 USD and 12.5 hours.", "", ""},
		{"Other", ladder.Evidence{Kind: ladder.EvidenceOther, Title: "Chaired the ITIL working group", Start: jan, End: day(2026, 2, 1)},
			"Chaired the ITIL working group over 12.9 months.", "From January 2025 to February 2026, there was a chance to take the lead.", ""},
		{"DaysRange", ladder.Evidence{Kind: ladder.EvidenceIncidentLead, Title: "Ransomware scare", Start: jan, End: day(2025, 1, 8)},
			"Led the response to ransomware scare over 3 days.", "", ""},
		{"OneDayRange", ladder.Evidence{Kind: ladder.EvidenceFacilitated, Title: "Ran the offsite", Start: jan, End: jan},
			"Ran the offsite.", "", ""},
		{"Acronym", ladder.Evidence{Kind: ladder.EvidenceLedProject, Title: "SAN replacement", Start: jan},
			"Led SAN replacement.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Generate(&tt.e)
			if b.Text != tt.text {
				t.Errorf("text\n got %q\nwant %q", b.Text, tt.text)
			}
			if tt.sit != "" && b.Situation != tt.sit {
				t.Errorf("situation\n got %q\nwant %q", b.Situation, tt.sit)
			}
			if tt.task != "" && b.Task != tt.task {
				t.Errorf("task\n got %q\nwant %q", b.Task, tt.task)
			}
			if b.Situation == "" || b.Task == "" || b.Action == "" {
				t.Errorf("a STAR part is empty: %+v", b)
			}
		})
	}
}

// TestGenerateDescription: labelled STAR steps in a description are used
// as written; an unlabelled one gives its first sentence as the situation.
func TestGenerateDescription(t *testing.T) {
	tests := []struct {
		name string
		desc string
		want [4]string // situation, task, action, result (before figures)
	}{
		{"Labelled", "Situation: the array was full. Task: move 40 TB. Action: planned six waves. Result: no data lost",
			[4]string{"The array was full.", "Move 40 TB.", "Planned six waves.", "No data lost."}},
		{"LabelledAnyOrder", "result: zero downtime\naction: staged it",
			[4]string{"", "", "Staged it.", "Zero downtime."}},
		{"LeadBeforeLabels", "Our old array. Action: moved it",
			[4]string{"Our old array.", "", "Moved it.", ""}},
		{"Sentences", "The old array was out of support. I planned the move in six waves. Nothing was lost.",
			[4]string{"The old array was out of support.", "", "I planned the move in six waves. Nothing was lost.", ""}},
		{"OneSentence", "Fortnightly one-to-ones and a learning plan", [4]string{"", "", "Fortnightly one-to-ones and a learning plan", ""}},
		{"Empty", "", [4]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := splitSTAR(tt.desc)
			if diff := cmp.Diff(tt.want, [4]string{s.situation, s.task, s.action, s.result}); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	e := &ladder.Evidence{Kind: ladder.EvidenceLedProject, Title: "Moved the array", Start: day(2025, 3, 1), PeopleCount: 3,
		Description: "Situation: it was full. Result: no data lost.", MoneySaved: ladder.Money{Amount: 900, Currency: "EUR"}}
	b := Generate(e)
	if b.Situation != "It was full." || b.Result != "No data lost. Saved 900 EUR." {
		t.Errorf("labelled result with figures: %+v", b)
	}
	if b.Action != "Moved the array with a team of 3." {
		t.Errorf("action from the title: %q", b.Action)
	}
}

// TestGenerateMissing: what a bullet lacks is named, so the person knows
// what to add to the entry.
func TestGenerateMissing(t *testing.T) {
	tests := []struct {
		name string
		e    ladder.Evidence
		want []string
	}{
		{"Bare project", ladder.Evidence{Kind: ladder.EvidenceLedProject, Title: "x", Start: day(2025, 1, 1)},
			[]string{"a result with a figure (money or hours saved)", "the team size", "how long it ran (an end date or months)"}},
		{"Project with months", ladder.Evidence{Kind: ladder.EvidenceLedProject, Title: "x", Start: day(2025, 1, 1), Months: 3, PeopleCount: 2,
			HoursSaved: 4}, nil},
		{"Labelled result counts", ladder.Evidence{Kind: ladder.EvidenceBudget, Title: "x", Start: day(2025, 1, 1),
			Description: "Result: on budget"}, nil},
		{"Team size only where a team is the story", ladder.Evidence{Kind: ladder.EvidenceVendor, Title: "x", Start: day(2025, 1, 1),
			HoursSaved: 3}, nil},
		{"Incident without team", ladder.Evidence{Kind: ladder.EvidenceIncidentLead, Title: "x", Start: day(2025, 1, 1), HoursSaved: 3},
			[]string{"the team size"}},
		{"Mentoring needs no team size", ladder.Evidence{Kind: ladder.EvidenceMentored, Title: "x", Start: day(2025, 1, 1)},
			[]string{"a result with a figure (money or hours saved)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Generate(&tt.e).Missing); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestFigures(t *testing.T) {
	for _, tt := range []struct{ got, want string }{
		{Money(ladder.Money{Amount: 0, Currency: "EUR"}), "0 EUR"},
		{Money(ladder.Money{Amount: 999, Currency: "EUR"}), "999 EUR"},
		{Money(ladder.Money{Amount: 1000, Currency: "EUR"}), "1,000 EUR"},
		{Money(ladder.Money{Amount: 123456789, Currency: "GBP"}), "123,456,789 GBP"},
		{plural(1, "hour"), "1 hour"},
		{plural(12.5, "hour"), "12.5 hours"},
		{plural(12.04, "hour"), "12 hours"},
		{durationText(0), ""},
		{durationText(0.2), "over 1 week"},
		{durationText(0.9), "over 4 weeks"},
		{durationText(1), "over 1 month"},
		{durationText(18), "over 18 months"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

// FuzzGenerate: any entry gives a bullet with text, never a panic.
func FuzzGenerate(f *testing.F) {
	f.Add("led-project", "Led it", "Situation: x. Task:", 3, int64(100), 2.5)
	f.Add("nope", "", "result:", 0, int64(0), 0.0)
	f.Fuzz(func(t *testing.T, kind, title, desc string, people int, money int64, hours float64) {
		e := &ladder.Evidence{Kind: kind, Title: title, Description: desc, Start: day(2025, 1, 1), PeopleCount: people,
			MoneySaved: ladder.Money{Amount: money, Currency: "EUR"}, HoursSaved: hours}
		b := Generate(e)
		if strings.TrimSpace(b.Text) == "" || !strings.HasSuffix(b.Text, ".") && !strings.HasSuffix(b.Text, "!") && !strings.HasSuffix(b.Text, "?") {
			t.Errorf("text %q", b.Text)
		}
	})
}
