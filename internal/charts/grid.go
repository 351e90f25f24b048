package charts

import (
	"html/template"
	"strconv"
	"strings"
)

// Grid is a two-by-two grid of points scored 1 to Max on two scales, such
// as stakeholders by influence (up) and interest (across). The scale is
// split into a low and a high half at High; each quadrant has a name.
// Points are numbered markers: names would collide, so the number leads to
// the Table beside the chart, and each marker's tooltip holds its name.
// Points on the same scores share their cell side by side.
//
// Classes: chart chart-grid2 on the root; chart-quadrant (quadrant
// backgrounds), chart-quadrant-label, chart-point (markers),
// chart-point-label (their numbers), chart-grid, chart-tick, chart-axis.
type Grid struct {
	ID, Title string
	Desc      string // a sentence summarising the data; generated when empty
	// XLabel and YLabel name the scales, e.g. "Interest" and "Influence".
	XLabel, YLabel string
	// Max is the top score (default 5); High the first score of the high
	// half (default the middle, rounded up).
	Max, High int
	// Quadrants names the quadrants: high Y with low X, high Y with high X,
	// low Y with low X, low Y with high X (as they sit on the page).
	Quadrants [4]string
	Points    []GridPoint
}

// GridPoint is one item on the grid. Scores outside 1..Max are drawn at
// the nearest end of the scale.
type GridPoint struct {
	Label string
	X, Y  int
}

// Geometry of the grid, in user units.
const (
	gridW       = 400
	gridX0      = 44  // the plot's left edge, after the Y ticks and label
	gridX1      = 392 // the plot's right edge
	gridTop     = 24  // room above the plot for the Y label
	gridStrip   = 22  // inside the plot, above and below the cells, for quadrant names
	gridPlotH   = 340
	gridTickFS  = 12
	gridLabelFS = 13
	gridQuadFS  = 12
	gridPointFS = 11
	gridR       = 9  // marker radius
	gridStep    = 20 // distance between markers sharing a cell
	gridPerRow  = 3
)

// Quadrant fills: the high-high quadrant is the one to watch most.
var gridFills = [4]string{"#eef2ff", "#dbe4ff", "#f5f5f5", "#eef2ff"}

type gridLayout struct {
	max, high int
	y0, y1    float64 // the plot's top and bottom
	cellW     float64
	cellH     float64
	points    []gridPos
	height    float64
}

type gridPos struct {
	x, y   float64 // the marker's centre
	cx, cy int     // the clamped scores
}

// HTML returns the chart as inline SVG; with no points it says there is
// no data yet.
func (g Grid) HTML() template.HTML {
	if len(g.Points) == 0 {
		return Empty(g.ID, g.Title, "")
	}
	l := g.layout()
	id := cleanID(g.ID)
	var w writer
	w.b = make([]byte, 0, 3000+len(g.Points)*300)
	desc := g.Desc
	if desc == "" {
		desc = g.summary(l)
	}
	w.open(id, "chart-grid2", box{0, 0, gridW, l.height}, g.Title, desc)
	l.drawQuadrants(&w, g)
	l.drawScale(&w, g)
	w.raw(`<g class="chart-point" fill="#1d4ed8" stroke="` + colHalo + `" stroke-width="1.5">`)
	for i, p := range l.points {
		w.raw(`<circle`)
		w.attrNum("cx", p.x)
		w.attrNum("cy", p.y)
		w.attrNum("r", gridR)
		w.raw(`>`)
		w.title(strconv.Itoa(i+1) + ". " + g.Points[i].Label)
		w.raw(`</circle>`)
	}
	w.raw(`</g>`)
	w.textGroup("chart-point-label", gridPointFS, ` fill="`+colHalo+`" font-weight="bold"`)
	for i, p := range l.points {
		w.text(p.x, p.y-lineHeight*gridPointFS/2, gridPointFS, "middle", []string{strconv.Itoa(i + 1)}, "")
	}
	w.raw(`</g>`)
	w.close()
	return w.html()
}

func (g Grid) layout() gridLayout {
	l := gridLayout{max: g.Max, high: g.High}
	if l.max < 2 {
		l.max = 5
	}
	if l.high < 2 || l.high > l.max {
		l.high = l.max/2 + 1
	}
	l.y0, l.y1 = gridTop, gridTop+gridPlotH
	l.cellW = float64(gridX1-gridX0) / float64(l.max)
	l.cellH = (l.y1 - l.y0 - 2*gridStrip) / float64(l.max)
	// Points on the same scores sit side by side in rows of gridPerRow,
	// centred in their cell, in the order given.
	type cell struct{ x, y int }
	count, seen := map[cell]int{}, map[cell]int{}
	l.points = make([]gridPos, len(g.Points))
	for i, p := range g.Points {
		c := cell{min(max(p.X, 1), l.max), min(max(p.Y, 1), l.max)}
		l.points[i].cx, l.points[i].cy = c.x, c.y
		count[c]++
	}
	for i := range l.points {
		p := &l.points[i]
		c := cell{p.cx, p.cy}
		n, k := count[c], seen[c]
		seen[c]++
		rows := (n + gridPerRow - 1) / gridPerRow
		row, col := k/gridPerRow, k%gridPerRow
		inRow := min(gridPerRow, n-row*gridPerRow)
		p.x = l.xOf(float64(p.cx)) + (float64(col)-float64(inRow-1)/2)*gridStep
		p.y = l.yOf(float64(p.cy)) + (float64(row)-float64(rows-1)/2)*gridStep
	}
	l.height = l.y1 + 4 + gridTickFS*lineHeight + 4 + gridLabelFS*lineHeight + 4
	return l
}

// xOf is the centre of score v across; yOf of score v up.
func (l gridLayout) xOf(v float64) float64 { return gridX0 + (v-0.5)*l.cellW }
func (l gridLayout) yOf(v float64) float64 {
	return l.y1 - gridStrip - (v-0.5)*l.cellH
}

// split is where the high half starts, between two cells.
func (l gridLayout) splitX() float64 { return l.xOf(float64(l.high) - 0.5) }
func (l gridLayout) splitY() float64 { return l.yOf(float64(l.high) - 0.5) }

func (l gridLayout) drawQuadrants(w *writer, g Grid) {
	sx, sy := l.splitX(), l.splitY()
	rects := [4]box{{gridX0, l.y0, sx, sy}, {sx, l.y0, gridX1, sy}, {gridX0, sy, sx, l.y1}, {sx, sy, gridX1, l.y1}}
	w.raw(`<g class="chart-quadrant">`)
	for i, r := range rects {
		w.raw(`<rect`)
		w.attrNum("x", r.x0)
		w.attrNum("y", r.y0)
		w.attrNum("width", r.x1-r.x0)
		w.attrNum("height", r.y1-r.y0)
		w.attr("fill", gridFills[i])
		w.raw(`/>`)
	}
	w.raw(`</g>`)
	w.textGroup("chart-quadrant-label", gridQuadFS, ` fill="`+colMuted+`"`)
	for i, r := range rects {
		name, cut := truncate(g.Quadrants[i], int((r.x1-r.x0-12)/(gridQuadFS*charWidth)))
		title := ""
		if cut {
			title = g.Quadrants[i]
		}
		top := r.y0 + 4
		if i >= 2 {
			top = r.y1 - 4 - lineHeight*gridQuadFS
		}
		if i%2 == 0 {
			w.text(r.x0+6, top, gridQuadFS, "start", []string{name}, title)
		} else {
			w.text(r.x1-6, top, gridQuadFS, "end", []string{name}, title)
		}
	}
	w.raw(`</g>`)
}

func (l gridLayout) drawScale(w *writer, g Grid) {
	w.raw(`<g class="chart-grid" stroke="` + colGrid + `" stroke-width="1">`)
	for v := 1; v < l.max; v++ {
		x, y := l.xOf(float64(v)+0.5), l.yOf(float64(v)+0.5)
		w.raw(`<line`)
		w.attrNum("x1", x)
		w.attrNum("y1", l.y0+gridStrip)
		w.attrNum("x2", x)
		w.attrNum("y2", l.y1-gridStrip)
		w.raw(`/><line`)
		w.attrNum("x1", gridX0)
		w.attrNum("y1", y)
		w.attrNum("x2", gridX1)
		w.attrNum("y2", y)
		w.raw(`/>`)
	}
	w.raw(`</g><g class="chart-axis" stroke="` + colText + `" stroke-width="2">`)
	w.raw(`<line`)
	w.attrNum("x1", l.splitX())
	w.attrNum("y1", l.y0)
	w.attrNum("x2", l.splitX())
	w.attrNum("y2", l.y1)
	w.raw(`/><line`)
	w.attrNum("x1", gridX0)
	w.attrNum("y1", l.splitY())
	w.attrNum("x2", gridX1)
	w.attrNum("y2", l.splitY())
	w.raw(`/></g>`)
	w.textGroup("chart-tick", gridTickFS, ` fill="`+colMuted+`"`)
	for v := 1; v <= l.max; v++ {
		w.text(l.xOf(float64(v)), l.y1+4, gridTickFS, "middle", []string{strconv.Itoa(v)}, "")
		w.text(gridX0-6, l.yOf(float64(v))-lineHeight*gridTickFS/2, gridTickFS, "end", []string{strconv.Itoa(v)}, "")
	}
	w.raw(`</g>`)
	w.textGroup("chart-axis-label", gridLabelFS, "")
	xl, _ := truncate(g.XLabel+" →", 50)
	w.text((gridX0+gridX1)/2, l.y1+4+gridTickFS*lineHeight+4, gridLabelFS, "middle", []string{xl}, "")
	// The Y label sits above the plot, upright, so it reads without
	// turning one's head and prints as plain text.
	yl, _ := truncate("↑ "+g.YLabel, 50)
	w.text(4, 4, gridLabelFS, "start", []string{yl}, "")
	w.raw(`</g>`)
}

// quadrant returns the index in Quadrants of a point's cell.
func (l gridLayout) quadrant(p gridPos) int {
	q := 0
	if p.cx >= l.high {
		q++
	}
	if p.cy < l.high {
		q += 2
	}
	return q
}

func (g Grid) summary(l gridLayout) string {
	var n [4]int
	for _, p := range l.points {
		n[l.quadrant(p)]++
	}
	var parts []string
	for i, name := range g.Quadrants {
		if name == "" {
			name = "quadrant " + strconv.Itoa(i+1)
		}
		parts = append(parts, strconv.Itoa(n[i])+" in "+name)
	}
	return "Grid of " + strconv.Itoa(len(g.Points)) + " points by " + strings.ToLower(g.YLabel) + " (up) and " +
		strings.ToLower(g.XLabel) + " (across), 1 to " + strconv.Itoa(l.max) + ": " + strings.Join(parts, ", ") + "."
}

// Table returns one row per point, numbered as on the chart: number, label,
// Y score, X score and quadrant.
func (g Grid) Table() Table {
	l := g.layout()
	t := Table{Caption: g.Title, Header: []string{"#", "Name", g.YLabel, g.XLabel, "Quadrant"}}
	for i, p := range g.Points {
		t.Rows = append(t.Rows, []string{strconv.Itoa(i + 1), p.Label, strconv.Itoa(p.Y), strconv.Itoa(p.X),
			g.Quadrants[l.quadrant(l.points[i])]})
	}
	return t
}
