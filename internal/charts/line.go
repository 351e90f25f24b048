package charts

import (
	"cmp"
	"html/template"
	"math"
	"slices"
	"strings"
	"time"
)

// Line is a single series over time, such as readiness after each
// assessment.
//
// Classes: chart chart-line on the root; chart-grid (y gridlines),
// chart-axis (the x axis), chart-tick (tick labels), chart-label (the y
// label), chart-series chart-series-current (the line and its
// chart-markers), chart-value (value labels).
type Line struct {
	ID, Title string
	Desc      string  // a sentence summarising the data; generated when empty
	YMin      float64 // default 0
	YMax      float64 // default 100 when YMin and YMax are both 0
	YLabel    string  // names the measure, shown above the y axis
	Points    []Point // in any order; points without a value are left out
}

// Point is one dated value. Dates are shown in the location of the
// earliest point's time.
type Point struct {
	At    time.Time
	Value float64
	Label string // an optional note (e.g. what was assessed), shown as a tooltip and in Table
}

// Geometry of the line chart, in user units.
const (
	lineW       = 360
	lineH       = 210
	lineTickFS  = 13
	lineValueFS = 12
	lineTop     = 28 // room for the y label
	lineBottom  = 30 // room for the x tick labels
	lineRight   = 22
	linePad     = 14 // between the plot's edges and the first and last points
	lineMinTick = 72 // the least average distance between x ticks
)

type lineLayout struct {
	pts          []Point // finite values, by time
	ymin, ymax   float64
	x0, x1       float64 // plot area
	y0, y1       float64
	t0, t1       float64 // Unix seconds of the first and last points
	loc          *time.Location
	yticks       []float64
	xticks       []xtick
	values       []valueLabel
	markerRadius float64
}

type xtick struct {
	x     float64
	label string
	box   box
}

type valueLabel struct {
	x, top float64
	text   string
	box    box
}

// HTML returns the chart as inline SVG; with no points it says there is no
// data yet.
func (l Line) HTML() template.HTML {
	ly := l.layout()
	if len(ly.pts) == 0 {
		return Empty(l.ID, l.Title, "")
	}
	id := cleanID(l.ID)
	var w writer
	w.b = make([]byte, 0, 1800+len(ly.pts)*150)
	desc := l.Desc
	if desc == "" {
		desc = l.summary(ly)
	}
	w.open(id, "chart-line", box{0, 0, lineW, lineH}, l.Title, desc)
	ly.drawAxes(&w, l.YLabel)
	ly.drawSeries(&w)
	w.textGroup("chart-value", lineValueFS, ` text-anchor="middle"`+halo)
	for _, v := range ly.values {
		w.text(v.x, v.top, lineValueFS, "", []string{v.text}, "")
	}
	w.raw(`</g>`)
	w.close()
	return w.html()
}

func (l Line) layout() lineLayout {
	ly := lineLayout{ymin: l.YMin, ymax: l.YMax}
	ly.pts, ly.loc = l.points()
	if len(ly.pts) == 0 {
		return ly
	}
	if !finite(ly.ymin) {
		ly.ymin = 0
	}
	if ly.ymin == 0 && ly.ymax == 0 {
		ly.ymax = 100
	}
	if !finite(ly.ymax) || ly.ymax <= ly.ymin {
		ly.ymax = ly.ymin + 1
	}
	ly.yticks = niceTicks(ly.ymin, ly.ymax, 6)
	left := 0.0
	for _, v := range ly.yticks {
		left = max(left, textWidth(Num(v, 2), lineTickFS))
	}
	ly.x0, ly.x1 = left+12, lineW-lineRight
	ly.y0, ly.y1 = lineTop, lineH-lineBottom
	ly.t0 = unixSec(ly.pts[0].At)
	ly.t1 = unixSec(ly.pts[len(ly.pts)-1].At)
	ly.markerRadius = 3.5
	if len(ly.pts) > 20 {
		ly.markerRadius = 2.5
	}
	ly.xticks = ly.timeTicks()
	ly.values = ly.placeValues(l.YLabel)
	return ly
}

// points returns the points with a value, by time, and the location their
// dates are shown in.
func (l Line) points() ([]Point, *time.Location) {
	var pts []Point
	for _, p := range l.Points {
		if finite(p.Value) {
			pts = append(pts, p)
		}
	}
	if len(pts) == 0 {
		return nil, time.UTC
	}
	slices.SortStableFunc(pts, func(a, b Point) int { return a.At.Compare(b.At) })
	return pts, pts[0].At.Location()
}

func unixSec(t time.Time) float64 { return float64(t.UnixMilli()) / 1000 }

// x maps Unix seconds to user units; a single date sits in the middle.
func (ly *lineLayout) x(t float64) float64 {
	if ly.t1 == ly.t0 {
		return (ly.x0 + ly.x1) / 2
	}
	return ly.x0 + linePad + (t-ly.t0)/(ly.t1-ly.t0)*(ly.x1-ly.x0-2*linePad)
}

func (ly *lineLayout) y(v float64) float64 {
	v = clamp(v, ly.ymin, ly.ymax)
	return ly.y1 - (v-ly.ymin)/(ly.ymax-ly.ymin)*(ly.y1-ly.y0)
}

// niceTicks returns round values from lo to hi, at most maxN+1 of them,
// stepping by 1, 2, 2.5 or 5 times a power of ten.
func niceTicks(lo, hi float64, maxN int) []float64 {
	span := hi - lo
	mag := math.Pow(10, math.Floor(math.Log10(span/float64(maxN))))
	step := mag * 10
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if span/(m*mag) <= float64(maxN) {
			step = m * mag
			break
		}
	}
	var ticks []float64
	for i := math.Ceil(lo/step - 1e-9); i*step <= hi+step*1e-9; i++ {
		ticks = append(ticks, i*step)
	}
	return ticks
}

// timeStep is a spacing of x ticks: whole days or whole months. A tick
// shows the year (yearFormat) when it is the first or the year changed.
type timeStep struct {
	days, months       int
	format, yearFormat string
}

var timeSteps = []timeStep{
	{1, 0, "2 Jan", "2 Jan 2006"}, {2, 0, "2 Jan", "2 Jan 2006"},
	{7, 0, "2 Jan", "2 Jan 2006"}, {14, 0, "2 Jan", "2 Jan 2006"},
	{0, 1, "Jan", "Jan 2006"}, {0, 2, "Jan", "Jan 2006"}, {0, 3, "Jan", "Jan 2006"}, {0, 6, "Jan", "Jan 2006"},
	{0, 12, "2006", "2006"}, {0, 24, "2006", "2006"}, {0, 60, "2006", "2006"},
	{0, 120, "2006", "2006"}, {0, 240, "2006", "2006"}, {0, 600, "2006", "2006"},
}

// timeTicks returns the ticks of the finest calendar step whose ticks are
// on average at least lineMinTick apart and whose labels leave a gap of a
// character or more between them.
func (ly *lineLayout) timeTicks() []xtick {
	first := ly.pts[0].At.In(ly.loc)
	if ly.t1 == ly.t0 {
		return []xtick{ly.xtick(first, "2 Jan 2006")}
	}
	perDay := ly.x(ly.t0+86400) - ly.x(ly.t0)
	// Ticks may sit in the padding either side of the first and last points.
	pad := linePad / perDay * 86400
	for _, s := range timeSteps {
		if (float64(s.days)+float64(s.months)*30.44)*perDay < lineMinTick {
			continue
		}
		ticks := ly.stepTicks(s, first, ly.t0-pad, ly.t1+pad)
		if len(ticks) > 0 && ticksFit(ticks) {
			return ticks
		}
	}
	return []xtick{ly.xtick(first, "2 Jan 2006")}
}

// stepTicks returns the ticks of step s from lo to hi (Unix seconds),
// aligned to whole days or to multiples of s.months since year 0.
func (ly *lineLayout) stepTicks(s timeStep, first time.Time, lo, hi float64) []xtick {
	y, m, d := first.Date()
	t := time.Date(y, m, d, 0, 0, 0, 0, ly.loc)
	if s.months > 0 {
		mi := (y*12 + int(m) - 1) / s.months * s.months
		t = time.Date(mi/12, time.Month(mi%12+1), 1, 0, 0, 0, 0, ly.loc)
	}
	var ticks []xtick
	lastYear := 0
	for i := 0; ; i++ {
		at := t.AddDate(0, i*s.months, i*s.days)
		sec := unixSec(at)
		if sec > hi {
			return ticks
		}
		if sec < lo {
			continue
		}
		format := s.format
		if at.Year() != lastYear {
			format = s.yearFormat
		}
		ticks = append(ticks, ly.xtick(at, format))
		lastYear = at.Year()
	}
}

func ticksFit(ticks []xtick) bool {
	for i := 1; i < len(ticks); i++ {
		if ticks[i].box.x0-ticks[i-1].box.x1 < lineTickFS*charWidth {
			return false
		}
	}
	return true
}

// xtick places a tick label centred under its date, kept inside the chart.
func (ly *lineLayout) xtick(at time.Time, format string) xtick {
	label := at.In(ly.loc).Format(format)
	x := ly.x(unixSec(at))
	half := textWidth(label, lineTickFS) / 2
	cx := clamp(x, half+2, lineW-half-2)
	top := ly.y1 + 9 // clear of the y label at ymin
	return xtick{x: x, label: label, box: box{cx - half, top, cx + half, top + lineTickFS*lineHeight}}
}

// placeValues labels points, most telling first (the latest, the first,
// the highest, the lowest, then the rest in time order). A label goes above
// its point, or below it at a dip, or on the other side when the first
// choice is taken; a label with no room is left out (Table has it).
func (ly *lineLayout) placeValues(ylabel string) []valueLabel {
	n := len(ly.pts)
	order := []int{n - 1, 0}
	hi, lo := 0, 0
	for i, p := range ly.pts {
		if p.Value > ly.pts[hi].Value {
			hi = i
		}
		if p.Value < ly.pts[lo].Value {
			lo = i
		}
	}
	order = append(order, hi, lo)
	for i := 1; i < n-1; i++ {
		order = append(order, i)
	}
	placed := make([]bool, n)
	var out []valueLabel
	// Markers are obstacles too, so a label never covers another point.
	var taken []box
	if ylabel != "" {
		taken = append(taken, ly.ylabelBox(ylabel))
	}
	for _, p := range ly.pts {
		x, y, r := ly.x(unixSec(p.At)), ly.y(p.Value), ly.markerRadius+1
		taken = append(taken, box{x - r, y - r, x + r, y + r})
	}
	for _, i := range order {
		if placed[i] {
			continue
		}
		placed[i] = true
		if v, ok := ly.placeValue(i, taken); ok {
			out = append(out, v)
			taken = append(taken, v.box)
		}
	}
	slices.SortFunc(out, func(a, b valueLabel) int { return cmp.Compare(a.x, b.x) })
	return out
}

func (ly *lineLayout) placeValue(i int, taken []box) (valueLabel, bool) {
	p := ly.pts[i]
	x, y := ly.x(unixSec(p.At)), ly.y(p.Value)
	text := Num(p.Value, 1)
	half := textWidth(text, lineValueFS) / 2
	h := lineValueFS * lineHeight
	gap := ly.markerRadius + 2
	above := box{x - half, y - gap - h, x + half, y - gap}
	below := box{x - half, y + gap, x + half, y + gap + h}
	tries := []box{above, below}
	n := len(ly.pts)
	dip := (ly.pts[max(i-1, 0)].Value+ly.pts[min(i+1, n-1)].Value)/2 - 0.02*(ly.ymax-ly.ymin)
	if i > 0 && i < n-1 && p.Value < dip {
		tries = []box{below, above}
	}
	for _, b := range tries {
		if b.y0 < 2 || b.y1 > ly.y1-1 || b.x0 < ly.x0 || b.x1 > lineW {
			continue
		}
		free := true
		for _, t := range taken {
			if t.overlaps(b) {
				free = false
				break
			}
		}
		if free {
			return valueLabel{x: x, top: b.y0, text: text, box: b}, true
		}
	}
	return valueLabel{}, false
}

func (ly *lineLayout) drawAxes(w *writer, ylabel string) {
	w.raw(`<g class="chart-grid" stroke="` + colGrid + `" stroke-width="1">`)
	for _, v := range ly.yticks {
		y := ly.y(v)
		w.raw(`<line`)
		w.attrNum("x1", ly.x0)
		w.attrNum("y1", y)
		w.attrNum("x2", ly.x1)
		w.attrNum("y2", y)
		w.raw(`/>`)
	}
	w.raw(`</g><g class="chart-axis" stroke="` + colAxis + `" stroke-width="1"><line`)
	w.attrNum("x1", ly.x0)
	w.attrNum("y1", ly.y1)
	w.attrNum("x2", ly.x1)
	w.attrNum("y2", ly.y1)
	w.raw(`/>`)
	for _, t := range ly.xticks {
		w.raw(`<line`)
		w.attrNum("x1", t.x)
		w.attrNum("y1", ly.y1)
		w.attrNum("x2", t.x)
		w.attrNum("y2", ly.y1+5)
		w.raw(`/>`)
	}
	w.raw(`</g>`)
	w.textGroup("chart-tick", lineTickFS, ` fill="`+colMuted+`"`)
	for _, v := range ly.yticks {
		top := ly.y(v) + 0.35*lineTickFS - ascent*lineTickFS
		w.text(ly.x0-6, top, lineTickFS, "end", []string{Num(v, 2)}, "")
	}
	for _, t := range ly.xticks {
		w.text((t.box.x0+t.box.x1)/2, t.box.y0, lineTickFS, "middle", []string{t.label}, "")
	}
	w.raw(`</g>`)
	if label, cut := ly.ylabel(ylabel); label != "" {
		full := ""
		if cut {
			full = ylabel
		}
		w.textGroup("chart-label", lineTickFS, "")
		w.text(4, 4, lineTickFS, "start", []string{label}, full)
		w.raw(`</g>`)
	}
}

// ylabel is the y label as shown, at the top left, and whether it is cut.
func (ly *lineLayout) ylabel(s string) (string, bool) {
	ylabelW := float64(lineW - 8)
	return truncate(s, int(ylabelW/(lineTickFS*charWidth)))
}

func (ly *lineLayout) ylabelBox(s string) box {
	label, _ := ly.ylabel(s)
	return blockBox(4, 4, lineTickFS, "start", []string{label})
}

func (ly *lineLayout) drawSeries(w *writer) {
	st := styleOf(KindCurrent)
	w.raw(`<g class="chart-series chart-series-current">`)
	if len(ly.pts) > 1 {
		w.raw(`<polyline`)
		w.seriesAttrs(st, false)
		w.raw(` stroke-linejoin="round" points="`)
		for i, p := range ly.pts {
			if i > 0 {
				w.raw(" ")
			}
			w.num(ly.x(unixSec(p.At)))
			w.raw(",")
			w.num(ly.y(p.Value))
		}
		w.raw(`"/>`)
	}
	w.raw(`<g class="chart-markers" fill="` + colHalo + `" stroke="` + st.colour + `" stroke-width="2">`)
	for _, p := range ly.pts {
		w.raw(`<circle`)
		w.attrNum("cx", ly.x(unixSec(p.At)))
		w.attrNum("cy", ly.y(p.Value))
		w.attrNum("r", ly.markerRadius)
		// Dates and numbers need no escaping.
		w.raw(`><title>`)
		w.b = p.At.In(ly.loc).AppendFormat(w.b, "2 Jan 2006")
		w.raw(": ")
		w.b = appendNum(w.b, p.Value, 1)
		if p.Label != "" {
			w.raw(" – ")
			w.esc(p.Label)
		}
		w.raw(`</title></circle>`)
	}
	w.raw(`</g></g>`)
}

func (l Line) summary(ly lineLayout) string {
	name := l.YLabel
	if name == "" {
		name = "Value"
	}
	first, last := ly.pts[0], ly.pts[len(ly.pts)-1]
	day := func(p Point) string { return p.At.In(ly.loc).Format("2 January 2006") }
	if len(ly.pts) == 1 {
		return name + " on " + day(first) + ": " + Num(first.Value, 1) + "."
	}
	hi := first
	for _, p := range ly.pts {
		if p.Value > hi.Value {
			hi = p
		}
	}
	var b strings.Builder
	b.WriteString(name + " from " + day(first) + " to " + day(last) + ", " + Num(float64(len(ly.pts)), 0) + " points: ")
	b.WriteString("from " + Num(first.Value, 1) + " to " + Num(last.Value, 1))
	b.WriteString(", highest " + Num(hi.Value, 1) + " on " + day(hi) + ".")
	return b.String()
}

// Table returns one row per point in time order: date, value, note.
func (l Line) Table() Table {
	pts, loc := l.points()
	name := l.YLabel
	if name == "" {
		name = "Value"
	}
	t := Table{Caption: l.Title, Header: []string{"Date", name, "Note"}}
	for _, p := range pts {
		t.Rows = append(t.Rows, []string{p.At.In(loc).Format("2 Jan 2006"), Num(p.Value, 1), p.Label})
	}
	return t
}
