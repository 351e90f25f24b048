package charts

import (
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// modelAreas are the areas of Ladder's competency model.
var modelAreas = []string{
	"Leadership and team management", "Communication", "Emotional intelligence",
	"Business acumen", "Strategy and governance", "Project management",
	"Decision-making and problem-solving", "Technical foundation",
}

// longAreas mixes the model's longest area and competency names.
var longAreas = []string{
	"Leadership and team management", "Decision-making and problem-solving",
	"Explaining technical concepts to non-technical people", "Emotional intelligence",
	"Budgeting and financial management", "Collaboration across departments",
	"Policy, standards and compliance", "Revenue and cost impact of IT",
	"Aligning IT with business goals", "Vendor management and contracts",
	"Mentoring and developing people", "Keeping up with technology",
}

// worstLabels fill all three lines of a label to the last character.
var worstLabels = []string{
	"Wwwwwwwwwwwwwwww Mmmmmmmmmmmmmmmm Wwwwwwwwwwwwwwww Mmmm",
	"Mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm",
	"Abcdefghijklmnop Abcdefghijklmnop Abcdefghijklmnop",
}

var shortLabels = []string{"A", "Budget", "People", "IT", "Risk", "Plans"}

func radar8() Radar {
	return Radar{
		ID: "radar", Title: "Where you stand", Axes: modelAreas, Max: 5,
		Series: []Series{
			{Name: "You (self-assessment)", Kind: KindCurrent, Values: []float64{2.5, 3.2, 2, 1.5, 1.8, 3, 2.7, 4.6}},
			{Name: "IT manager requires", Kind: KindTarget, Values: []float64{4, 4, 3.5, 3.5, 4, 3.5, 4, 3}},
			{Name: "Feedback from others", Kind: KindOthers, Values: []float64{3, 2.5, 2.5, 2, 2, 3.5, 3, 4.2}},
		},
	}
}

// radarN has n axes labelled from labels, starting at off and cycling.
func radarN(n int, labels []string, off int) Radar {
	r := Radar{ID: "radar-n", Title: "Areas", Max: 5}
	cur, tgt := Series{Name: "Current", Kind: KindCurrent}, Series{Name: "Target", Kind: KindTarget}
	for i := range n {
		r.Axes = append(r.Axes, labels[(i+off)%len(labels)])
		cur.Values = append(cur.Values, float64(i%5)+0.5)
		tgt.Values = append(tgt.Values, 4)
	}
	r.Series = []Series{cur, tgt}
	return r
}

// radarEdge has values above Max and below 0, NaN, infinities, a short
// series, a series of an unknown kind and no Max (so it is derived).
func radarEdge() Radar {
	return Radar{
		ID: "edge", Title: "Edges", Axes: []string{"A", "B", "C", "D", "E"}, Rings: []float64{2, 4, 4, -1, 99},
		Series: []Series{
			{Name: "Current", Kind: KindCurrent, Values: []float64{9, -3, math.NaN(), math.Inf(1), 2}},
			{Name: "Short", Kind: KindOthers, Values: []float64{1}},
			{Name: "Unknown kind", Kind: SeriesKind(7), Values: []float64{3, 3, 3, 3, 3, 3, 3}},
		},
	}
}

func radarHostile() Radar {
	return Radar{
		ID: hostile, Title: hostile, Desc: hostile, Axes: []string{hostile, hostile, hostile + hostile}, AxisName: hostile,
		Max: 5, Series: []Series{{Name: hostile, Values: []float64{1, 2, 3}}},
	}
}

// TestRadarLabelsClearPlot checks, with the text-width model, that no axis
// label reaches into the plot (the outer ring's circle) for 3 to 12 axes of
// long labels. TestTextDoesNotOverlap checks the labels against each other.
func TestRadarLabelsClearPlot(t *testing.T) {
	for n := 3; n <= 12; n++ {
		for _, labels := range [][]string{longAreas, worstLabels, modelAreas} {
			for off := range labels {
				l := radarN(n, labels, off).layout()
				for _, lb := range l.labels {
					if d := nearest(lb.box); d < radarR+4 {
						t.Errorf("%d axes: label %q is %.1f from the centre, inside the plot (radius %d)", n, lb.lines, d, radarR)
					}
					if len(lb.lines) > radarLabelLines {
						t.Errorf("%d axes: label %q has %d lines", n, lb.lines, len(lb.lines))
					}
				}
				for i, a := range l.labels {
					for _, b := range l.labels[i+1:] {
						if pad(a.box, 2).overlaps(pad(b.box, 2)) {
							t.Errorf("%d axes: %q is within 4 of %q", n, a.lines, b.lines)
						}
					}
				}
			}
		}
	}
}

func TestRadarAnchors(t *testing.T) {
	l := radarN(4, shortLabels, 0).layout()
	got := []string{}
	for _, lb := range l.labels {
		got = append(got, lb.anchor)
	}
	// Top, right, bottom, left.
	if diff := cmp.Diff([]string{"middle", "start", "middle", "end"}, got); diff != "" {
		t.Errorf("anchors (-want +got):\n%s", diff)
	}
}

func TestRadarLongLabelKeepsFullText(t *testing.T) {
	out := string(radarN(3, longAreas, 2).HTML())
	if !strings.Contains(out, "<title>Explaining technical concepts to non-technical people</title>") {
		t.Error("a shortened label lost its full text")
	}
}

func TestRadarClamped(t *testing.T) {
	l := radarEdge().layout()
	if l.max != 9 {
		t.Errorf("derived Max = %v, want 9 (the largest finite value, rounded up)", l.max)
	}
	if diff := cmp.Diff([]float64{2, 4, 9}, l.rings); diff != "" {
		t.Errorf("rings (-want +got):\n%s", diff)
	}
	out := string(Radar{ID: "c", Axes: []string{"A", "B", "C"}, Max: 5, Series: []Series{{Values: []float64{50, -50, 5}}}}.HTML())
	// 50 is drawn at the outer ring (radius 100), -50 at the centre.
	if !strings.Contains(out, `points="0,-100 0,0 -86.6,50"`) {
		t.Errorf("values are not clamped to 0..Max:\n%s", out)
	}
}

func TestRadarNoData(t *testing.T) {
	for name, r := range map[string]Radar{
		"NoAxes":   {ID: "r", Title: "T", Series: []Series{{Values: []float64{1}}}},
		"NoSeries": {ID: "r", Title: "T", Axes: []string{"A", "B", "C"}},
		"AllNaN":   {ID: "r", Title: "T", Axes: []string{"A", "B", "C"}, Series: []Series{{Values: []float64{math.NaN(), math.NaN(), math.NaN()}}}},
	} {
		t.Run(name, func(t *testing.T) {
			if out := string(r.HTML()); !strings.Contains(out, "No data yet") {
				t.Errorf("want a no-data chart, got\n%s", out)
			}
		})
	}
}

func TestRadarTable(t *testing.T) {
	r := radarN(3, shortLabels, 0)
	r.Series[1].Values = []float64{4, math.NaN()}
	want := Table{
		Caption: "Areas",
		Header:  []string{"Area", "Current", "Target"},
		Rows:    [][]string{{"A", "0.5", "4"}, {"Budget", "1.5", "–"}, {"People", "2.5", "–"}},
	}
	if diff := cmp.Diff(want, r.Table()); diff != "" {
		t.Errorf("Table (-want +got):\n%s", diff)
	}
}

func TestRadarSummary(t *testing.T) {
	want := "Radar chart of 8 areas on a scale of 0 to 5." +
		" You (self-assessment): highest Technical foundation (4.6), lowest Business acumen (1.5)." +
		" IT manager requires: highest Leadership and team management (4), lowest Technical foundation (3)." +
		" Feedback from others: highest Technical foundation (4.2), lowest Business acumen (2)."
	if got := radar8().summary(5); got != want {
		t.Errorf("summary\n got %q\nwant %q", got, want)
	}
}

func BenchmarkRadar8(b *testing.B) {
	r := radar8()
	b.ReportAllocs()
	for b.Loop() {
		r.HTML()
	}
}

func BenchmarkRadar12(b *testing.B) {
	r := radarN(12, longAreas, 0)
	b.ReportAllocs()
	for b.Loop() {
		r.HTML()
	}
}
