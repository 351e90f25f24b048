package charts

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

const day = 86400 // seconds

var start = time.Date(2026, 1, 12, 9, 30, 0, 0, time.UTC)

// lineN has n points step seconds apart, rising with a wobble.
func lineN(n int, step int64) Line {
	l := Line{ID: "line", Title: "Readiness", YMax: 100, YLabel: "Readiness (%)"}
	for i := range n {
		l.Points = append(l.Points, Point{
			At:    time.Unix(start.Unix()+int64(i)*step, 0).UTC(),
			Value: float64(20 + i*60/max(n, 1) + (i*37)%11),
		})
	}
	return l
}

func line6() Line {
	l := Line{ID: "readiness", Title: "Readiness for IT manager", YMin: 0, YMax: 100, YLabel: "Readiness (%)"}
	for i, v := range []float64{22, 31, 30, 44, 52, 61} {
		l.Points = append(l.Points, Point{At: start.AddDate(0, 0, 23*i), Value: v, Label: "Self-assessment"})
	}
	l.Points[3].Label = "After 360° feedback"
	return l
}

// lineEdge has values outside the range, NaN and infinite values, points
// out of order and no YMax (so 0..100).
func lineEdge() Line {
	return Line{ID: "edge", Title: "Edges", Points: []Point{
		{At: start.AddDate(0, 2, 0), Value: 140},
		{At: start, Value: -20},
		{At: start.AddDate(0, 1, 0), Value: math.NaN()},
		{At: start.AddDate(0, 1, 5), Value: math.Inf(-1)},
		{At: start.AddDate(0, 3, 0), Value: 50},
	}}
}

func lineHostile() Line {
	return Line{ID: hostile, Title: hostile, Desc: hostile, YLabel: hostile, YMax: 100, Points: []Point{
		{At: start, Value: 10, Label: hostile}, {At: start.AddDate(0, 1, 0), Value: 20, Label: hostile},
	}}
}

// lineZigzag's neighbours are far apart in value, so labels alternate.
func lineZigzag() Line {
	l := Line{ID: "zz", Title: "Zigzag", YMax: 100}
	for i := range 30 {
		l.Points = append(l.Points, Point{At: start.AddDate(0, 0, 3*i), Value: float64(10 + 80*(i%2))})
	}
	return l
}

func TestLineTicks(t *testing.T) {
	tests := []struct {
		name string
		line Line
		want []string
	}{
		{"OnePoint", lineN(1, day), []string{"12 Jan 2026"}},
		{"SameDay", lineN(3, 3600), []string{"12 Jan 2026"}},
		// The first point is at 9:30, too far from midnight for a tick.
		{"Days", lineN(6, day), []string{"14 Jan 2026", "16 Jan"}},
		{"Months", line6(), []string{"Feb 2026", "Mar", "Apr", "May"}},
		{"YearChange", lineN(50, 7*day), []string{"Jan 2026", "Apr", "Jul", "Oct", "Jan 2027"}},
		{"Years", lineN(20, 365*day), []string{"2030", "2035", "2040", "2045"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ly := tt.line.layout()
			var got []string
			for i, tk := range ly.xticks {
				got = append(got, tk.label)
				if i > 0 && tk.x-ly.xticks[i-1].x < lineMinTick*28/30.44 {
					t.Errorf("ticks %q and %q are %.1f apart", ly.xticks[i-1].label, tk.label, tk.x-ly.xticks[i-1].x)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("tick labels (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLineValueLabels(t *testing.T) {
	tests := []struct {
		name string
		line Line
		want []string // labels shown, left to right
	}{
		{"OnePoint", lineN(1, day), []string{"20"}},
		{"Six", line6(), []string{"22", "31", "30", "44", "52", "61"}},
		// Out of range values are drawn at the edge but labelled truly.
		{"Clamped", lineEdge(), []string{"-20", "140", "50"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, v := range tt.line.layout().values {
				got = append(got, v.text)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("value labels (-want +got):\n%s", diff)
			}
		})
	}
	// With 50 points some labels must go, but the latest and first stay.
	ly := lineN(50, day).layout()
	if n := len(ly.values); n == 0 || n == 50 {
		t.Errorf("50 points: %d labels, want some but not all", n)
	}
	last := ly.pts[len(ly.pts)-1]
	if got := ly.values[len(ly.values)-1].text; got != Num(last.Value, 1) {
		t.Errorf("50 points: the latest value %v is not labelled (last label %q)", last.Value, got)
	}
}

func TestLineClamped(t *testing.T) {
	ly := lineEdge().layout()
	if ly.ymin != 0 || ly.ymax != 100 {
		t.Errorf("range %v..%v, want the default 0..100", ly.ymin, ly.ymax)
	}
	if len(ly.pts) != 3 {
		t.Errorf("%d points, want 3 (NaN and -Inf left out)", len(ly.pts))
	}
	for _, p := range ly.pts {
		if y := ly.y(p.Value); y < ly.y0 || y > ly.y1 {
			t.Errorf("value %v drawn at y %v, outside the plot %v..%v", p.Value, y, ly.y0, ly.y1)
		}
	}
}

func TestLineNoData(t *testing.T) {
	for name, l := range map[string]Line{
		"NoPoints": {ID: "l", Title: "T"},
		"AllNaN":   {ID: "l", Title: "T", Points: []Point{{At: start, Value: math.NaN()}}},
	} {
		t.Run(name, func(t *testing.T) {
			if out := string(l.HTML()); !strings.Contains(out, "No data yet") {
				t.Errorf("want a no-data chart, got\n%s", out)
			}
		})
	}
}

func TestLineTable(t *testing.T) {
	want := Table{
		Caption: "Edges",
		Header:  []string{"Date", "Value", "Note"},
		Rows:    [][]string{{"12 Jan 2026", "-20", ""}, {"12 Mar 2026", "140", ""}, {"12 Apr 2026", "50", ""}},
	}
	if diff := cmp.Diff(want, lineEdge().Table()); diff != "" {
		t.Errorf("Table (-want +got):\n%s", diff)
	}
}

func TestLineSummary(t *testing.T) {
	tests := []struct {
		name string
		line Line
		want string
	}{
		{"One", lineN(1, day), "Readiness (%) on 12 January 2026: 20."},
		{"Six", line6(), "Readiness (%) from 12 January 2026 to 7 May 2026, 6 points: from 22 to 61, highest 61 on 7 May 2026."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.line.summary(tt.line.layout()); got != tt.want {
				t.Errorf("summary\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func BenchmarkLine6(b *testing.B) {
	l := line6()
	b.ReportAllocs()
	for b.Loop() {
		l.HTML()
	}
}

func BenchmarkLine50(b *testing.B) {
	l := lineN(50, 7*day)
	b.ReportAllocs()
	for b.Loop() {
		l.HTML()
	}
}
