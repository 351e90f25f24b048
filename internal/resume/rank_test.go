package resume

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
)

var itManager = Target{Slug: "it-manager", Title: "IT manager",
	Importance: map[string]int{"budgeting": 5, "delegation": 5, "negotiation": 4, "innovation": 3},
	Gap:        map[string]float64{"budgeting": 2, "negotiation": 1.5},
	Names:      map[string]string{"budgeting": "Budgeting", "delegation": "Delegation", "negotiation": "Negotiation", "innovation": "Innovation"}}

func TestRankOrder(t *testing.T) {
	b := func(id int64, d int, figures bool, comps ...string) Bullet {
		return Bullet{EvidenceID: id, Date: day(2025, 1, d), HasFigures: figures, Competencies: comps}
	}
	tests := []struct {
		name string
		in   []Bullet
		want []int64
	}{
		// budgeting: 5 + gap 2 = 7 beats delegation: 5.
		{"GapLiftsRequired", []Bullet{b(1, 1, false, "delegation"), b(2, 1, false, "budgeting")}, []int64{2, 1}},
		{"NotRequiredLast", []Bullet{b(1, 9, false, "juggling"), b(2, 1, false, "innovation")}, []int64{2, 1}},
		{"NoCompetenciesLast", []Bullet{b(1, 9, true), b(2, 1, false, "innovation")}, []int64{2, 1}},
		// Equal competencies: the measured one first.
		{"FiguresBreakTies", []Bullet{b(1, 9, false, "delegation"), b(2, 1, true, "delegation")}, []int64{2, 1}},
		// Equal scores: the more recent first, then the lower id.
		{"RecentFirst", []Bullet{b(1, 1, false, "delegation"), b(2, 5, false, "delegation")}, []int64{2, 1}},
		{"StableByID", []Bullet{b(3, 1, false, "delegation"), b(2, 1, false, "delegation")}, []int64{2, 3}},
		// A second required competency adds a quarter: delegation+innovation
		// (5 + 0.75) beats delegation alone.
		{"SecondCompetencyCounts", []Bullet{b(1, 1, false, "delegation"), b(2, 1, false, "innovation", "delegation")}, []int64{2, 1}},
		{"Empty", nil, []int64{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := []int64{}
			for _, r := range Rank(tt.in, itManager) {
				got = append(got, r.EvidenceID)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestRankExplains(t *testing.T) {
	tests := []struct {
		name  string
		b     Bullet
		score float64
		lead  string
		why   string
	}{
		{"LeadWithGapAndOthers", Bullet{Competencies: []string{"innovation", "budgeting", "delegation"}, HasFigures: true}, 7 + 0.75 + 1.25 + 1,
			"budgeting", "Shows Budgeting, which IT manager rates 5 of 5 in importance; you are 2 levels short of the level it needs, " +
				"so proof of it counts. Also shows Innovation and Delegation. Its measured result lifts it."},
		{"NoGap", Bullet{Competencies: []string{"delegation"}}, 5, "delegation",
			"Shows Delegation, which IT manager rates 5 of 5 in importance."},
		{"NotRequired", Bullet{Competencies: []string{"juggling"}}, 0, "",
			"None of its competencies is among what IT manager requires, so it follows the entries that are."},
		{"NoCompetency", Bullet{HasFigures: true}, 1, "",
			"It names no competency, so it follows the entries that show what IT manager requires."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Rank([]Bullet{tt.b}, itManager)[0]
			if r.Score != tt.score || r.Lead != tt.lead || r.Why != tt.why {
				t.Errorf("score %v lead %q why\n%q\nwant %v %q\n%q", r.Score, r.Lead, r.Why, tt.score, tt.lead, tt.why)
			}
		})
	}
}

func TestWrite(t *testing.T) {
	d := Document{Name: "Alex *Moreno*", Role: "IT manager", Bullets: []*ladder.ResumeBullet{
		{Text: "Led the SAN migration with a team of 4.", Situation: "The array was full.", Task: "Move 40 TB.", Action: "Six waves.", Result: "No data lost."},
		{Text: "A hidden line.", Hidden: true},
		{Text: "# Negotiated the renewal, saved 12,000 EUR.", Action: "Compared quotes."},
	}}
	md := Markdown(d)
	for _, want := range []string{"# Resume bullets: Alex \\*Moreno\\*\n", "Ranked for the role of IT manager",
		"- Led the SAN migration with a team of 4.\n- \\# Negotiated", "### 1. Led the SAN migration",
		"- **Situation:** The array was full.\n- **Task:** Move 40 TB.\n- **Action:** Six waves.\n- **Result:** No data lost.\n",
		"### 2. \\# Negotiated the renewal, saved 12,000 EUR.\n\n- **Action:** Compared quotes.\n"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	txt := Text(d)
	for _, want := range []string{"RESUME BULLETS: Alex *Moreno*\n=============================\n", "* Led the SAN migration",
		"1. Led the SAN migration with a team of 4.\n   Situation: The array was full.\n", "2. # Negotiated"} {
		if !strings.Contains(txt, want) {
			t.Errorf("text lacks %q:\n%s", want, txt)
		}
	}
	for _, out := range []string{md, txt} {
		if strings.Contains(out, "hidden line") {
			t.Errorf("a hidden bullet was written:\n%s", out)
		}
	}
	if empty := Markdown(Document{Name: "X"}); !strings.Contains(empty, "No bullets yet") {
		t.Errorf("empty: %s", empty)
	}
}

func TestCoverLetter(t *testing.T) {
	bullets := []*ladder.ResumeBullet{{Text: "One."}, {Text: "Hidden.", Hidden: true}, {Text: "Two."}, {Text: "Three."}, {Text: "Four."}}
	in := CoverInput{Name: "Alex", Role: "IT manager", Bullets: bullets, Priorities: []string{"Delegation", "Budgeting"}}
	secs, err := CoverLetter(in)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, s := range secs {
		keys = append(keys, s.Key)
		if s.Heading == "" || s.Guide == "" || (s.Draft == "" && len(s.Points) == 0) {
			t.Errorf("section %s is incomplete: %+v", s.Key, s)
		}
	}
	if diff := cmp.Diff(sectionKeys, keys); diff != "" {
		t.Errorf("sections (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"One.", "Two.", "Three."}, secs[2].Points); diff != "" {
		t.Errorf("proof points (-want +got):\n%s", diff)
	}
	if !strings.Contains(secs[0].Draft, "the IT manager role.") || !strings.Contains(secs[3].Draft, "delegation and budgeting") ||
		!strings.Contains(secs[4].Draft, "as an IT manager.") {
		t.Errorf("drafts: %+v", secs)
	}

	in.Opportunity = &ladder.Opportunity{Title: "Team lead, infrastructure", Organisation: "Acme", Internal: true}
	in.Bullets = nil
	secs, _ = CoverLetter(in)
	if !strings.Contains(secs[0].Draft, "the Team lead, infrastructure role at Acme.") || !strings.Contains(secs[0].Draft, "Having worked here") {
		t.Errorf("for an opportunity: %q", secs[0].Draft)
	}
	if !strings.Contains(secs[2].Draft, "No resume bullets yet") {
		t.Errorf("no bullets: %+v", secs[2])
	}
	md := CoverLetterMarkdown(in, secs)
	for _, want := range []string{"# Cover letter outline: Alex\n", "For: Team lead, infrastructure at Acme", "## Opening", "## Why management, and why now",
		"## Proof you can lead", "## What you would do first", "## Close"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
}

func TestParseSections(t *testing.T) {
	for name, y := range map[string]string{
		"Empty":      "sections: []",
		"WrongOrder": "sections:\n" + strings.Repeat("  - {key: close, heading: h, guide: g}\n", 5),
		"NoGuide":    "sections:\n  - {key: opening, heading: h}\n  - {key: why-management, heading: h, guide: g}\n  - {key: proof, heading: h, guide: g}\n  - {key: first-steps, heading: h, guide: g}\n  - {key: close, heading: h, guide: g}\n",
		"Unknown":    "sections:\n  - {key: opening, heading: h, guide: g, extra: 1}\n",
	} {
		if _, err := parseSections([]byte(y)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
