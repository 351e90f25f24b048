package charts

import (
	"html/template"
	"math"
	"slices"
	"strings"
)

// Radar is a radar (spider) chart: one spoke per axis, a polygon per series.
// It reads well with 3 to 12 axes.
//
// Classes: chart chart-radar on the root; chart-grid (rings), chart-axis
// (spokes), chart-series plus chart-series-current, -target or -others (a
// series' polygon and its chart-markers), chart-tick (ring values),
// chart-label (axis labels), chart-legend.
type Radar struct {
	ID    string // unique on the page; "ID-title" and "ID-desc" are used too
	Title string
	Desc  string // a sentence summarising the data; generated when empty
	Axes  []string
	// AxisName heads the axis column of Table; default "Area".
	AxisName string
	Max      float64   // the outer ring; default the largest value, rounded up
	Rings    []float64 // labelled rings; default 1..Max when Max <= 10, else quarters
	Series   []Series  // a value per axis; use each Kind once
}

// Geometry of the radar, in user units; the viewBox grows to fit labels.
const (
	radarR          = 100 // radius of the outer ring
	radarLabelFS    = 15
	radarLabelChars = 16
	radarLabelLines = 3
	radarLabelGap   = 10 // between the tip of a spoke and its label
	radarLabelClear = 6  // the least distance between the outer ring and a label
	radarLabelSpace = 5  // the least distance between two labels
	radarTickFS     = 12
	radarPad        = 6
)

type radarLabel struct {
	lines  []string
	title  string // the full label when lines shortened it
	x      float64
	anchor string
	box    box
	sin    float64
}

type radarLayout struct {
	max    float64
	rings  []float64
	tick   []bool // whether rings[i] is labelled
	labels []radarLabel
	legend []legendItem
	legPos [][2]float64
	vb     box
}

// HTML returns the chart as inline SVG; with no axes or no values it says
// there is no data yet.
func (r Radar) HTML() template.HTML {
	if len(r.Axes) == 0 || !r.hasValues() {
		return Empty(r.ID, r.Title, "")
	}
	l := r.layout()
	id := cleanID(r.ID)
	var w writer
	w.b = make([]byte, 0, 1500+len(r.Axes)*(250+120*len(r.Series)))
	desc := r.Desc
	if desc == "" {
		desc = r.summary(l.max)
	}
	w.open(id, "chart-radar", l.vb, r.Title, desc)
	r.drawGrid(&w, l)
	for _, i := range r.drawOrder() {
		r.drawSeries(&w, l, r.Series[i])
	}
	w.textGroup("chart-tick", radarTickFS, ` fill="`+colMuted+`"`+halo)
	for i, v := range l.rings {
		if l.tick[i] {
			b := ringLabelBox(v, l.max, len(r.Axes))
			w.text((b.x0+b.x1)/2, b.y0, radarTickFS, "middle", []string{Num(v, 2)}, "")
		}
	}
	w.raw(`</g>`)
	w.textGroup("chart-label", radarLabelFS, "")
	for _, lb := range l.labels {
		w.text(lb.x, lb.box.y0, radarLabelFS, lb.anchor, lb.lines, lb.title)
	}
	w.raw(`</g>`)
	w.legend(l.legend, l.legPos)
	w.close()
	return w.html()
}

func (r Radar) hasValues() bool {
	for _, s := range r.Series {
		for i, v := range s.Values {
			if i < len(r.Axes) && finite(v) {
				return true
			}
		}
	}
	return false
}

func angle(i, n int) (sin, cos float64) {
	return math.Sincos(-math.Pi/2 + 2*math.Pi*float64(i)/float64(n))
}

func (r Radar) layout() radarLayout {
	l := radarLayout{max: r.Max}
	if !(l.max > 0) || math.IsInf(l.max, 0) {
		l.max = 1
		for _, s := range r.Series {
			for _, v := range s.Values {
				if finite(v) {
					l.max = max(l.max, math.Ceil(v))
				}
			}
		}
	}
	n := len(r.Axes)
	l.rings, l.tick = radarRings(r.Rings, l.max, n)
	l.labels = make([]radarLabel, n)
	for i, text := range r.Axes {
		l.labels[i] = placeRadarLabel(text, i, n)
	}
	separateLabels(l.labels)
	l.vb = box{-radarR - radarPad, -radarR - radarPad, radarR + radarPad, radarR + radarPad}
	for _, lb := range l.labels {
		l.vb = l.vb.union(lb.box)
	}
	l.vb = box{l.vb.x0 - radarPad, l.vb.y0 - radarPad, l.vb.x1 + radarPad, l.vb.y1 + radarPad}
	for _, s := range r.Series {
		it := legendItem{style: styleOf(s.Kind), name: s.Name}
		l.legend = append(l.legend, it)
		// A legend entry wider than the plot and its labels widens the chart.
		if grow := legendItemWidth(it) + 2*radarPad - (l.vb.x1 - l.vb.x0); grow > 0 {
			l.vb.x0, l.vb.x1 = l.vb.x0-grow/2, l.vb.x1+grow/2
		}
	}
	if len(l.legend) > 0 {
		var bottom float64
		l.legPos, bottom = legendLayout(l.legend, l.vb.x0+radarPad, l.vb.y1+4, l.vb.x1-l.vb.x0-2*radarPad, true)
		l.vb.y1 = bottom + radarPad
	}
	return l
}

// radarRings returns the rings to draw, ascending and ending at max, and
// which to label: from the outer ring in, a label that would touch the
// previous one is left out.
func radarRings(want []float64, maxV float64, n int) (rings []float64, tick []bool) {
	if len(want) == 0 && maxV <= 10 {
		for v := 1.0; v < maxV; v++ {
			want = append(want, v)
		}
	} else if len(want) == 0 {
		want = []float64{maxV / 4, maxV / 2, maxV * 3 / 4}
	}
	for _, v := range want {
		if v > 0 && v < maxV {
			rings = append(rings, v)
		}
	}
	slices.Sort(rings)
	rings = append(slices.Compact(rings), maxV)
	tick = make([]bool, len(rings))
	var last box
	for i := len(rings) - 1; i >= 0; i-- {
		b := ringLabelBox(rings[i], maxV, n)
		b = pad(b, 1)
		if i == len(rings)-1 || !b.overlaps(last) {
			tick[i], last = true, b
		}
	}
	return rings, tick
}

// ringLabelBox is the box of a ring's value label. Labels sit between the
// first two spokes, where no marker is, on the ring's edge.
func ringLabelBox(v, maxV float64, n int) box {
	half := math.Pi / float64(n)
	rad := v / maxV * radarR * math.Cos(half)
	sin, cos := math.Sincos(-math.Pi/2 + half)
	x, y := rad*cos, rad*sin
	if n <= 2 { // no polygon: beside the first spoke
		x, y = 10, -v/maxV*radarR
	}
	label := Num(v, 2)
	h := radarTickFS * lineHeight
	return blockBox(x, y-h/2, radarTickFS, "middle", []string{label})
}

// placeRadarLabel puts axis i's label just outside the outer ring: left of
// the plot it ends at the spoke's tip, right of it it starts there, and at
// the top and bottom it is centred. Vertically it slides with the angle
// from wholly above the tip (top) to wholly below it (bottom).
func placeRadarLabel(text string, i, n int) radarLabel {
	sin, cos := angle(i, n)
	lines, cut := wrap(text, radarLabelChars, radarLabelLines)
	lb := radarLabel{lines: lines, sin: sin, anchor: "middle"}
	if cut {
		lb.title = tidy(text)
	}
	switch {
	case cos > 0.25:
		lb.anchor = "start"
	case cos < -0.25:
		lb.anchor = "end"
	}
	d := float64(radarR + radarLabelGap)
	lb.x = d * cos
	h := float64(len(lines)) * radarLabelFS * lineHeight
	top := d*sin + (sin-1)/2*h
	lb.box = blockBox(lb.x, top, radarLabelFS, lb.anchor, lines)
	// A tall label beside the plot may reach back towards it: move it out
	// along its spoke until it keeps its distance.
	for i := 0; i < 100 && nearest(lb.box) < radarR+radarLabelClear; i++ {
		lb.x += cos
		lb.box = box{lb.box.x0 + cos, lb.box.y0 + sin, lb.box.x1 + cos, lb.box.y1 + sin}
	}
	return lb
}

// nearest is the distance from the centre of the plot to the nearest point
// of b.
func nearest(b box) float64 {
	return math.Hypot(clamp(0, b.x0, b.x1), clamp(0, b.y0, b.y1))
}

// separateLabels moves overlapping labels apart: the one nearer the top or
// bottom moves further out vertically, which also takes it away from the
// plot.
func separateLabels(ls []radarLabel) {
	for pass := 0; pass < 2*len(ls); pass++ {
		moved := false
		for i := range ls {
			for j := i + 1; j < len(ls); j++ {
				a, b := &ls[i], &ls[j]
				if !pad(a.box, radarLabelSpace/2).overlaps(pad(b.box, radarLabelSpace/2)) {
					continue
				}
				if math.Abs(a.sin) > math.Abs(b.sin) {
					a, b = b, a
				}
				// b moves: down below a, or up above it.
				dy := a.box.y1 - b.box.y0 + radarLabelSpace
				if b.sin < 0 || (b.sin == 0 && b.box.y0 < a.box.y0) {
					dy = a.box.y0 - b.box.y1 - radarLabelSpace
				}
				b.box.y0 += dy
				b.box.y1 += dy
				moved = true
			}
		}
		if !moved {
			return
		}
	}
}

// drawOrder draws others' views first and current levels last, on top.
func (r Radar) drawOrder() []int {
	rank := func(k SeriesKind) int {
		switch k {
		case KindCurrent:
			return 2
		case KindTarget:
			return 1
		}
		return 0
	}
	idx := make([]int, len(r.Series))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return rank(r.Series[a].Kind) - rank(r.Series[b].Kind) })
	return idx
}

func (r Radar) drawGrid(w *writer, l radarLayout) {
	n := len(r.Axes)
	w.raw(`<g class="chart-grid" fill="none" stroke="` + colGrid + `" stroke-width="1">`)
	for _, v := range l.rings {
		rad := v / l.max * radarR
		w.raw(`<polygon points="`)
		for i := 0; i < n; i++ {
			sin, cos := angle(i, n)
			if i > 0 {
				w.raw(" ")
			}
			w.num(rad * cos)
			w.raw(",")
			w.num(rad * sin)
		}
		w.raw(`"/>`)
	}
	w.raw(`</g><g class="chart-axis" stroke="` + colAxis + `" stroke-width="1">`)
	for i := 0; i < n; i++ {
		sin, cos := angle(i, n)
		w.raw(`<line x1="0" y1="0"`)
		w.attrNum("x2", radarR*cos)
		w.attrNum("y2", radarR*sin)
		w.raw(`/>`)
	}
	w.raw(`</g>`)
}

func (r Radar) drawSeries(w *writer, l radarLayout, s Series) {
	n := len(r.Axes)
	st := styleOf(s.Kind)
	w.raw(`<g`)
	w.attr("class", "chart-series "+st.class)
	w.raw(`><polygon`)
	w.seriesAttrs(st, true)
	w.raw(` stroke-linejoin="round" points="`)
	pts := make([][2]float64, n)
	for i := range n {
		rad := 0.0 // a missing value sits at the centre, without a marker
		if i < len(s.Values) && finite(s.Values[i]) {
			rad = clamp(s.Values[i], 0, l.max) / l.max * radarR
		}
		sin, cos := angle(i, n)
		pts[i] = [2]float64{rad * cos, rad * sin}
		if i > 0 {
			w.raw(" ")
		}
		w.num(pts[i][0])
		w.raw(",")
		w.num(pts[i][1])
	}
	w.raw(`"/><g class="chart-markers"`)
	w.attr("fill", markerFill(st))
	w.attr("stroke", st.colour)
	w.raw(` stroke-width="1.5">`)
	for i := range n {
		if i < len(s.Values) && finite(s.Values[i]) {
			w.marker(st.marker, pts[i][0], pts[i][1], 3.5)
		}
	}
	w.raw(`</g></g>`)
}

// summary describes each series' strongest and weakest axis.
func (r Radar) summary(maxV float64) string {
	var b strings.Builder
	b.WriteString("Radar chart of ")
	b.WriteString(Num(float64(len(r.Axes)), 0))
	b.WriteString(" areas on a scale of 0 to ")
	b.WriteString(Num(maxV, 2))
	b.WriteString(".")
	for _, s := range r.Series {
		hi, lo := -1, -1
		for i, v := range s.Values {
			if i >= len(r.Axes) || !finite(v) {
				continue
			}
			if hi < 0 || v > s.Values[hi] {
				hi = i
			}
			if lo < 0 || v < s.Values[lo] {
				lo = i
			}
		}
		if hi < 0 {
			continue
		}
		b.WriteString(" " + s.Name + ": highest " + r.Axes[hi] + " (" + Num(s.Values[hi], 2) + ")")
		if lo != hi {
			b.WriteString(", lowest " + r.Axes[lo] + " (" + Num(s.Values[lo], 2) + ")")
		}
		b.WriteString(".")
	}
	return b.String()
}

// Table returns one row per axis and one column per series.
func (r Radar) Table() Table {
	t := Table{Caption: r.Title, Header: []string{r.AxisName}}
	if t.Header[0] == "" {
		t.Header[0] = "Area"
	}
	for _, s := range r.Series {
		t.Header = append(t.Header, s.Name)
	}
	for i, a := range r.Axes {
		row := []string{a}
		for _, s := range r.Series {
			v := math.NaN()
			if i < len(s.Values) {
				v = s.Values[i]
			}
			row = append(row, Num(v, 2))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
