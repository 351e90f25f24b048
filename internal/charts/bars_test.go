package charts

import (
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// competencies are names from Ladder's competency model, long ones included.
var competencies = []string{
	"Delegation", "Motivating a team", "Conflict resolution", "Mentoring and developing people",
	"Explaining technical concepts to non-technical people", "Collaboration across departments",
	"Negotiation", "Budgeting and financial management", "Vendor management and contracts",
	"Aligning IT with business goals", "Risk management", "Decisions under pressure",
	"Policy, standards and compliance", "Revenue and cost impact of IT", "Stakeholder communication",
	"Presenting to executives", "Strategic planning", "Scope management", "Technical credibility",
	"Keeping up with technology",
}

// barsN has n rows of gaps: current level, required level, some notes.
func barsN(n int) Bars {
	b := Bars{ID: "gaps", Title: "Gaps to IT manager", Max: 5, ValueLabel: "Current level", SecondaryLabel: "Required level"}
	for i := range n {
		r := BarRow{Label: competencies[i%len(competencies)], Value: float64(i%5) + 0.5, Secondary: float64(3 + i%3)}
		if i%4 == 1 {
			r.Note = "Priority: high — practise it in the next planning cycle"
		}
		b.Rows = append(b.Rows, r)
	}
	return b
}

func bars12() Bars { return barsN(12) }

// barsPlain has neither a second measure, notes nor labels for a legend.
func barsPlain() Bars {
	return Bars{ID: "plain", Title: "Hours of practice", Rows: []BarRow{
		{Label: "Delegation", Value: 12}, {Label: "Negotiation", Value: 3.5}, {Label: "Budgeting", Value: 0},
	}}
}

// barsEdge has values above Max and below 0, NaN and infinite values and
// a secondary measure above Max.
func barsEdge() Bars {
	return Bars{ID: "edge", Title: "Edges", Max: 5, ValueLabel: "Current", Rows: []BarRow{
		{Label: "Over", Value: 7, Secondary: 9},
		{Label: "Under", Value: -2, Secondary: 3},
		{Label: "Missing", Value: math.NaN(), Secondary: 4},
		{Label: "Infinite", Value: math.Inf(1), Secondary: math.NaN()},
	}}
}

func barsHostile() Bars {
	return Bars{ID: hostile, Title: hostile, Desc: hostile, ValueLabel: hostile, SecondaryLabel: hostile, LabelName: hostile, Max: 5,
		Rows: []BarRow{{Label: hostile, Value: 2, Secondary: 4, Note: hostile}, {Label: hostile + hostile, Value: 3}}}
}

func TestBarsLabels(t *testing.T) {
	l := barsN(20).layout()
	for i, r := range l.rows {
		if len(r.lines) > barsLabelLines {
			t.Errorf("row %d: %d label lines", i, len(r.lines))
		}
		for _, line := range r.lines {
			if w := textWidth(line, barsLabelFS); barsLabelX+w > barsX0-4 {
				t.Errorf("row %d: label line %q (%.0f wide) runs into the bars", i, line, w)
			}
		}
		if strings.HasSuffix(r.lines[len(r.lines)-1], "…") != (r.title != "") {
			t.Errorf("row %d: a shortened label must keep its full text in a title, and only then", i)
		}
	}
	if got := l.rows[4].title; got != competencies[4] {
		t.Errorf("full text of the long label = %q", got)
	}
}

func TestBarsGrow(t *testing.T) {
	h := 0.0
	for _, n := range []int{1, 2, 5, 10, 20} {
		l := barsN(n).layout()
		if l.height <= h {
			t.Errorf("%d rows: height %v, not more than with fewer rows (%v)", n, l.height, h)
		}
		h = l.height
	}
}

func TestBarsClamped(t *testing.T) {
	l := barsEdge().layout()
	want := []struct{ value, secondary float64 }{{5, 5}, {0, 3}, {math.NaN(), 4}, {math.NaN(), math.NaN()}}
	for i, w := range want {
		r := l.rows[i]
		if !same(r.value, w.value) || !same(r.secondary, w.secondary) {
			t.Errorf("row %d: value %v secondary %v, want %v %v", i, r.value, r.secondary, w.value, w.secondary)
		}
		if x := l.valueX(r); x+textWidth(r.text, barsValueFS) > barsW {
			t.Errorf("row %d: value text %q ends past the chart", i, r.text)
		}
	}
	var texts []string
	for _, r := range l.rows {
		texts = append(texts, r.text)
	}
	if diff := cmp.Diff([]string{"7 / 9", "-2 / 3", "– / 4", "–"}, texts); diff != "" {
		t.Errorf("value texts (-want +got):\n%s", diff)
	}
}

func same(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }

func TestBarsTable(t *testing.T) {
	tests := []struct {
		name string
		bars Bars
		want Table
	}{
		{"Plain", barsPlain(), Table{
			Caption: "Hours of practice", Header: []string{"Name", "Value"},
			Rows: [][]string{{"Delegation", "12"}, {"Negotiation", "3.5"}, {"Budgeting", "0"}},
		}},
		{"Edge", barsEdge(), Table{
			Caption: "Edges", Header: []string{"Name", "Current", "Target"},
			Rows: [][]string{{"Over", "7", "9"}, {"Under", "-2", "3"}, {"Missing", "–", "4"}, {"Infinite", "–", "–"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.bars.Table()); diff != "" {
				t.Errorf("Table (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBarsSummary(t *testing.T) {
	want := "Bar chart of 12 rows on a scale of 0 to 5. Current level: highest Explaining technical concepts to non-technical people (4.5), lowest Delegation (0.5). 9 of 12 below required level."
	if got := bars12().summary(5); got != want {
		t.Errorf("summary\n got %q\nwant %q", got, want)
	}
}

func BenchmarkBars20(b *testing.B) {
	bars := barsN(20)
	b.ReportAllocs()
	for b.Loop() {
		bars.HTML()
	}
}
