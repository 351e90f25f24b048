package charts

import (
	"html/template"
	"math"
	"strconv"
	"strings"
)

// Bars is a horizontal bar chart, such as competency gaps: one row per
// item, a bar for its value and an optional marker for a second measure
// (the level a role requires, say). It grows downwards with its rows.
//
// Classes: chart chart-bars on the root; chart-label (row labels),
// chart-bar (bars), chart-target (secondary markers), chart-value (value
// texts), chart-note (notes), chart-grid, chart-tick, chart-legend.
type Bars struct {
	ID, Title string
	Desc      string  // a sentence summarising the data; generated when empty
	Max       float64 // the end of the scale; default the largest value, rounded up
	Rows      []BarRow
	// ValueLabel names Value (e.g. "Current level") in the legend and Table.
	ValueLabel string
	// SecondaryLabel names Secondary (e.g. "Required level"); default "Target".
	SecondaryLabel string
	// LabelName heads the label column of Table; default "Name".
	LabelName string
}

// BarRow is one bar. Secondary is drawn as a marker when it is above 0.
type BarRow struct {
	Label     string
	Value     float64 // NaN when there is no value yet
	Secondary float64
	Note      string // printed small under the bar, e.g. "Priority: high"
}

// Geometry of the bar chart, in user units.
const (
	barsW          = 380
	barsLabelFS    = 14
	barsLabelX     = 4
	barsLabelW     = 160 // the label column
	barsLabelLine  = 19  // runes per line: barsLabelW / (barsLabelFS*charWidth)
	barsLabelLines = 3
	barsX0         = 176 // where bars start
	barsBarH       = 16
	barsValueFS    = 13
	barsNoteFS     = 12
	barsTickFS     = 12
	barsRowPad     = 12
	barsColour     = "#2563eb"
)

type barsLayout struct {
	max      float64
	x1       float64 // where a bar of max ends
	rows     []barRowLayout
	legend   []legendItem
	legPos   [][2]float64
	rowsTop  float64
	rowsEnd  float64
	ticks    []float64
	height   float64
	hasNotes bool
}

type barRowLayout struct {
	lines     []string
	title     string // the full label when shortened
	labelTop  float64
	barTop    float64
	value     float64 // clamped; NaN when missing
	secondary float64 // clamped; NaN when not drawn
	text      string  // "2.5 / 4"
	note      string
	noteTitle string
}

// HTML returns the chart as inline SVG; with no rows it says there is no
// data yet.
func (b Bars) HTML() template.HTML {
	if len(b.Rows) == 0 {
		return Empty(b.ID, b.Title, "")
	}
	l := b.layout()
	id := cleanID(b.ID)
	var w writer
	w.b = make([]byte, 0, 1500+len(b.Rows)*550)
	desc := b.Desc
	if desc == "" {
		desc = b.summary(l.max)
	}
	w.open(id, "chart-bars", box{0, 0, barsW, l.height}, b.Title, desc)
	w.legend(l.legend, l.legPos)
	l.drawScale(&w)
	w.textGroup("chart-label", barsLabelFS, "")
	for _, r := range l.rows {
		w.text(barsLabelX, r.labelTop, barsLabelFS, "start", r.lines, r.title)
	}
	w.raw(`</g>`)
	w.raw(`<g class="chart-bar"`)
	w.attr("fill", barsColour)
	w.raw(`>`)
	for _, r := range l.rows {
		if !math.IsNaN(r.value) && r.value > 0 {
			w.raw(`<rect`)
			w.attrNum("x", barsX0)
			w.attrNum("y", r.barTop)
			w.attrNum("width", l.scale(r.value)-barsX0)
			w.attrNum("height", barsBarH)
			w.raw(`/>`)
		}
	}
	w.raw(`</g>`)
	for _, r := range l.rows {
		if !math.IsNaN(r.secondary) {
			x := l.scale(r.secondary)
			w.targetTick(x, r.barTop-4, r.barTop+barsBarH+4)
		}
	}
	w.textGroup("chart-value", barsValueFS, "")
	for _, r := range l.rows {
		w.text(l.valueX(r), r.barTop+barsBarH/2+0.35*barsValueFS-ascent*barsValueFS, barsValueFS, "start", []string{r.text}, "")
	}
	w.raw(`</g>`)
	if l.hasNotes {
		w.textGroup("chart-note", barsNoteFS, ` fill="`+colMuted+`"`)
		for _, r := range l.rows {
			w.text(barsX0, r.barTop+barsBarH+3, barsNoteFS, "start", []string{r.note}, r.noteTitle)
		}
		w.raw(`</g>`)
	}
	w.close()
	return w.html()
}

func (l *barsLayout) scale(v float64) float64 { return barsX0 + v/l.max*(l.x1-barsX0) }

// valueX is where a row's value text starts: past its bar and its marker.
func (l *barsLayout) valueX(r barRowLayout) float64 {
	end := float64(barsX0)
	if !math.IsNaN(r.value) {
		end = l.scale(r.value)
	}
	if !math.IsNaN(r.secondary) {
		end = max(end, l.scale(r.secondary)+2)
	}
	return end + 6
}

func (b Bars) layout() barsLayout {
	l := barsLayout{max: b.Max}
	if !(l.max > 0) || math.IsInf(l.max, 0) {
		l.max = 1
		for _, r := range b.Rows {
			for _, v := range []float64{r.Value, r.Secondary} {
				if finite(v) {
					l.max = max(l.max, math.Ceil(v))
				}
			}
		}
	}
	valueW := 0.0
	l.rows = make([]barRowLayout, len(b.Rows))
	for i, r := range b.Rows {
		rl := &l.rows[i]
		rl.value, rl.secondary = math.NaN(), math.NaN()
		if finite(r.Value) {
			rl.value = clamp(r.Value, 0, l.max)
		}
		if finite(r.Secondary) && r.Secondary > 0 {
			rl.secondary = min(r.Secondary, l.max)
		}
		rl.text = Num(r.Value, 2)
		if !math.IsNaN(rl.secondary) {
			rl.text += " / " + Num(r.Secondary, 2)
		}
		valueW = max(valueW, textWidth(rl.text, barsValueFS))
		var cut bool
		if rl.lines, cut = wrap(r.Label, barsLabelLine, barsLabelLines); cut {
			rl.title = tidy(r.Label)
		}
		l.hasNotes = l.hasNotes || strings.TrimSpace(r.Note) != ""
	}
	// Room for the value text after a full bar; the marker may sit 2 past it.
	l.x1 = max(barsW-6-valueW-8, barsX0+120)
	y := l.layoutLegend(b)
	l.rowsTop = y
	noteW := float64(barsW - barsX0 - 4)
	noteChars := int(noteW / (barsNoteFS * charWidth))
	for i, r := range b.Rows {
		rl := &l.rows[i]
		var noteCut bool
		if rl.note, noteCut = truncate(r.Note, noteChars); noteCut {
			rl.noteTitle = r.Note
		}
		labelH := float64(len(rl.lines)) * barsLabelFS * lineHeight
		rightH := float64(barsBarH)
		if l.hasNotes {
			rightH += 3 + barsNoteFS*lineHeight
		}
		h := max(labelH, rightH)
		rl.labelTop = y + barsRowPad/2 + (h-labelH)/2
		rl.barTop = y + barsRowPad/2 + (h-rightH)/2
		y += h + barsRowPad
	}
	l.rowsEnd = y
	n := max(1, int((l.x1-barsX0)/24))
	l.ticks = niceTicks(0, l.max, n)
	l.height = y + 6 + barsTickFS*lineHeight + 4
	return l
}

// layoutLegend places the legend at the top and returns its bottom.
func (l *barsLayout) layoutLegend(b Bars) float64 {
	sec := false
	for _, r := range l.rows {
		sec = sec || !math.IsNaN(r.secondary)
	}
	if b.ValueLabel != "" {
		l.legend = append(l.legend, legendItem{style: kindStyle{colour: barsColour}, bar: true, name: b.ValueLabel})
	}
	if sec {
		name := b.SecondaryLabel
		if name == "" {
			name = "Target"
		}
		l.legend = append(l.legend, legendItem{tick: true, name: name})
	}
	if len(l.legend) == 0 {
		return 4
	}
	var bottom float64
	l.legPos, bottom = legendLayout(l.legend, barsLabelX, 2, barsW-2*barsLabelX, false)
	return bottom + 2
}

func (l *barsLayout) drawScale(w *writer) {
	w.raw(`<g class="chart-grid" stroke="` + colGrid + `" stroke-width="1">`)
	for _, v := range l.ticks {
		x := l.scale(v)
		w.raw(`<line`)
		w.attrNum("x1", x)
		w.attrNum("y1", l.rowsTop)
		w.attrNum("x2", x)
		w.attrNum("y2", l.rowsEnd)
		w.raw(`/>`)
	}
	w.raw(`</g>`)
	w.textGroup("chart-tick", barsTickFS, ` fill="`+colMuted+`"`)
	for _, v := range l.ticks {
		w.text(l.scale(v), l.rowsEnd+4, barsTickFS, "middle", []string{Num(v, 2)}, "")
	}
	w.raw(`</g>`)
}

func (b Bars) summary(maxV float64) string {
	hi, lo, below, withSec := -1, -1, 0, 0
	for i, r := range b.Rows {
		if finite(r.Secondary) && r.Secondary > 0 {
			withSec++
			if !(r.Value >= r.Secondary) {
				below++
			}
		}
		if !finite(r.Value) {
			continue
		}
		if hi < 0 || r.Value > b.Rows[hi].Value {
			hi = i
		}
		if lo < 0 || r.Value < b.Rows[lo].Value {
			lo = i
		}
	}
	name := b.ValueLabel
	if name == "" {
		name = "Value"
	}
	var s strings.Builder
	s.WriteString("Bar chart of " + strconv.Itoa(len(b.Rows)) + " rows on a scale of 0 to " + Num(maxV, 2) + ".")
	if hi >= 0 {
		s.WriteString(" " + name + ": highest " + b.Rows[hi].Label + " (" + Num(b.Rows[hi].Value, 2) + ")")
		if lo != hi {
			s.WriteString(", lowest " + b.Rows[lo].Label + " (" + Num(b.Rows[lo].Value, 2) + ")")
		}
		s.WriteString(".")
	}
	if withSec > 0 {
		sec := b.SecondaryLabel
		if sec == "" {
			sec = "target"
		}
		s.WriteString(" " + strconv.Itoa(below) + " of " + strconv.Itoa(withSec) + " below " + strings.ToLower(sec) + ".")
	}
	return s.String()
}

// Table returns one row per bar: label, value, secondary (when any row has
// one) and note (when any row has one).
func (b Bars) Table() Table {
	t := Table{Caption: b.Title, Header: []string{b.LabelName, b.ValueLabel}}
	if t.Header[0] == "" {
		t.Header[0] = "Name"
	}
	if t.Header[1] == "" {
		t.Header[1] = "Value"
	}
	sec, notes := false, false
	for _, r := range b.Rows {
		sec = sec || (finite(r.Secondary) && r.Secondary > 0)
		notes = notes || r.Note != ""
	}
	if sec {
		name := b.SecondaryLabel
		if name == "" {
			name = "Target"
		}
		t.Header = append(t.Header, name)
	}
	if notes {
		t.Header = append(t.Header, "Note")
	}
	for _, r := range b.Rows {
		row := []string{r.Label, Num(r.Value, 2)}
		if sec {
			s := math.NaN()
			if r.Secondary > 0 {
				s = r.Secondary
			}
			row = append(row, Num(s, 2))
		}
		if notes {
			row = append(row, r.Note)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
