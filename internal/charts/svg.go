package charts

import (
	"html/template"
	"math"
	"strconv"
	"unicode/utf8"
)

// writer accumulates markup. Every string from outside goes through esc or
// attr; numbers through num.
type writer struct{ b []byte }

func (w *writer) html() template.HTML { return template.HTML(w.b) }

func (w *writer) raw(s string) { w.b = append(w.b, s...) }

// num writes a coordinate rounded to 0.1 unit, which is finer than any
// screen or printer shows at the sizes the charts are drawn.
// It is the hot path of every chart, hence integer formatting.
func (w *writer) num(v float64) {
	n := math.Round(v * 10)
	if !(math.Abs(n) < 1e15) { // NaN, infinite or absurd: no chart has these
		w.b = appendNum(w.b, v, 1)
		return
	}
	i := int64(n)
	if i < 0 {
		w.b = append(w.b, '-')
		i = -i
	}
	w.b = strconv.AppendInt(w.b, i/10, 10)
	if d := i % 10; d != 0 {
		w.b = append(w.b, '.', byte('0'+d))
	}
}

// esc writes s escaped for text and attribute values. Characters that XML
// forbids (most control characters, invalid UTF-8) become U+FFFD so the
// output always parses.
func (w *writer) esc(s string) {
	if plain(s) {
		w.raw(s)
		return
	}
	for i, r := range s {
		switch {
		case r == '&':
			w.raw("&amp;")
		case r == '<':
			w.raw("&lt;")
		case r == '>':
			w.raw("&gt;")
		case r == '"':
			w.raw("&#34;")
		case r == '\'':
			w.raw("&#39;")
		case r == utf8.RuneError && runeLenAt(s, i) == 1,
			r < 0x20 && r != '\t' && r != '\n' && r != '\r',
			r == 0xFFFE || r == 0xFFFF:
			w.raw("\uFFFD")
		default:
			w.b = utf8.AppendRune(w.b, r)
		}
	}
}

// plain reports whether s is printable ASCII that needs no escaping.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c >= 0x7f, c == '&', c == '<', c == '>', c == '"', c == '\'':
			return false
		}
	}
	return true
}

func runeLenAt(s string, i int) int {
	_, n := utf8.DecodeRuneInString(s[i:])
	return n
}

// attr writes ` name="value"` with value escaped.
func (w *writer) attr(name, value string) {
	w.raw(" ")
	w.raw(name)
	w.raw(`="`)
	w.esc(value)
	w.raw(`"`)
}

// attrNum writes ` name="v"` for a coordinate or length.
func (w *writer) attrNum(name string, v float64) {
	w.raw(" ")
	w.raw(name)
	w.raw(`="`)
	w.num(v)
	w.raw(`"`)
}

// open writes the root element, title and desc. The chart is an image to
// assistive technology, described by its title and desc.
func (w *writer) open(id, class string, vb box, title, desc string) {
	w.raw(`<svg xmlns="http://www.w3.org/2000/svg"`)
	w.attr("id", id)
	w.attr("class", "chart "+class)
	w.raw(` role="img"`)
	w.attr("aria-labelledby", id+"-title "+id+"-desc")
	w.raw(` viewBox="`)
	w.num(vb.x0)
	w.raw(" ")
	w.num(vb.y0)
	w.raw(" ")
	w.num(vb.x1 - vb.x0)
	w.raw(" ")
	w.num(vb.y1 - vb.y0)
	w.raw(`" width="100%" font-family="`)
	w.raw(fontFamily)
	w.raw(`" fill="` + colText + `"><title`)
	w.attr("id", id+"-title")
	w.raw(">")
	w.esc(title)
	w.raw("</title><desc")
	w.attr("id", id+"-desc")
	w.raw(">")
	w.esc(desc)
	w.raw("</desc>")
}

func (w *writer) close() { w.raw("</svg>") }

// text writes one <text> of lines whose block top is top; a non-empty
// title becomes its tooltip (the full text of a shortened label).
func (w *writer) text(x, top, fs float64, anchor string, lines []string, title string) {
	if len(lines) == 0 {
		return
	}
	w.raw("<text")
	if anchor != "start" && anchor != "" {
		w.attr("text-anchor", anchor)
	}
	if len(lines) == 1 {
		w.attrNum("x", x)
		w.attrNum("y", top+ascent*fs)
		w.raw(">")
		w.title(title)
		w.esc(lines[0])
		w.raw("</text>")
		return
	}
	w.raw(">")
	w.title(title)
	for i, l := range lines {
		w.raw("<tspan")
		w.attrNum("x", x)
		w.attrNum("y", top+ascent*fs+float64(i)*lineHeight*fs)
		w.raw(">")
		w.esc(l)
		w.raw("</tspan>")
	}
	w.raw("</text>")
}

// textGroup opens a <g> whose text has font size fs; extra is more
// attributes, written as they are.
func (w *writer) textGroup(class string, fs float64, extra string) {
	w.raw(`<g class="`)
	w.raw(class)
	w.raw(`"`)
	w.attrNum("font-size", fs)
	w.raw(extra)
	w.raw(`>`)
}

func (w *writer) title(s string) {
	if s == "" {
		return
	}
	w.raw("<title>")
	w.esc(s)
	w.raw("</title>")
}

// marker draws a series marker of radius r centred on (x, y).
func (w *writer) marker(shape markerShape, x, y, r float64) {
	switch shape {
	case markerSquare:
		w.raw(`<rect`)
		w.attrNum("x", x-r)
		w.attrNum("y", y-r)
		w.attrNum("width", 2*r)
		w.attrNum("height", 2*r)
		w.raw(`/>`)
	case markerTriangle:
		r *= 1.3 // a triangle looks smaller than a circle of the same radius
		w.raw(`<polygon points="`)
		w.num(x)
		w.raw(",")
		w.num(y - r)
		w.raw(" ")
		w.num(x + r*0.866)
		w.raw(",")
		w.num(y + r*0.5)
		w.raw(" ")
		w.num(x - r*0.866)
		w.raw(",")
		w.num(y + r*0.5)
		w.raw(`"/>`)
	default:
		w.raw(`<circle`)
		w.attrNum("cx", x)
		w.attrNum("cy", y)
		w.attrNum("r", r)
		w.raw(`/>`)
	}
}

// seriesAttrs writes the stroke, dash and fill attributes of a kind.
func (w *writer) seriesAttrs(s kindStyle, fill bool) {
	w.attr("stroke", s.colour)
	w.attrNum("stroke-width", s.width)
	if s.dash != "" {
		w.attr("stroke-dasharray", s.dash)
	}
	if fill && s.fillOpacity > 0 {
		w.attr("fill", s.colour)
		w.attr("fill-opacity", strconv.FormatFloat(s.fillOpacity, 'f', -1, 64))
	} else {
		w.raw(` fill="none"`)
	}
}

// markerFill is how a kind fills its markers: hollow squares for targets
// keep them distinct from the filled circles of current levels in print.
func markerFill(s kindStyle) string {
	if s.marker == markerSquare {
		return colHalo
	}
	return s.colour
}

// legendItem is one entry of a legend: a swatch and a name.
type legendItem struct {
	style kindStyle
	bar   bool // a bar swatch instead of a line and marker
	tick  bool // a target-tick swatch (Bars' secondary measure)
	name  string
}

const (
	legendFS     = 14
	legendSwatch = 30 // width of the swatch, including its gap to the name
	legendGap    = 18 // between items
	legendRow    = 22
	legendChars  = 40 // longer names are shortened, full name in a tooltip
)

// legendLayout places items in rows from (x0, top) within width maxW,
// centred or from the left, and returns each item's position and the
// legend's bottom.
func legendLayout(items []legendItem, x0, top, maxW float64, centre bool) (pos [][2]float64, bottom float64) {
	x, y := x0, top
	rowStart := 0
	centreRow := func(end int) {
		if !centre || end == rowStart {
			return
		}
		last := pos[end-1][0] + legendItemWidth(items[end-1])
		dx := (maxW - (last - x0)) / 2
		for i := rowStart; i < end; i++ {
			pos[i][0] += dx
		}
		rowStart = end
	}
	for i, it := range items {
		w := legendItemWidth(it)
		if x > x0 && x+w > x0+maxW {
			centreRow(i)
			x, y = x0, y+legendRow
		}
		pos = append(pos, [2]float64{x, y})
		x += w + legendGap
	}
	centreRow(len(items))
	return pos, y + legendRow
}

func legendItemWidth(it legendItem) float64 {
	name, _ := truncate(it.name, legendChars)
	return legendSwatch + textWidth(name, legendFS)
}

func (w *writer) legend(items []legendItem, pos [][2]float64) {
	w.textGroup("chart-legend", legendFS, "")
	for i, it := range items {
		x, y := pos[i][0], pos[i][1]
		mid := y + legendRow/2
		s := it.style
		switch {
		case it.bar:
			w.raw(`<rect class="chart-bar"`)
			w.attrNum("x", x)
			w.attrNum("y", mid-6)
			w.raw(` width="22" height="12"`)
			w.attr("fill", s.colour)
			w.raw(`/>`)
		case it.tick:
			w.targetTick(x+11, mid-8, mid+8)
		default:
			w.raw(`<g`)
			w.attr("class", "chart-series "+s.class)
			w.raw(`><line`)
			w.attrNum("x1", x)
			w.attrNum("y1", mid)
			w.attrNum("x2", x+24)
			w.attrNum("y2", mid)
			w.seriesAttrs(s, false)
			w.raw(`/><g class="chart-markers"`)
			w.attr("fill", markerFill(s))
			w.attr("stroke", s.colour)
			w.raw(` stroke-width="1.5">`)
			w.marker(s.marker, x+12, mid, 4)
			w.raw(`</g></g>`)
		}
		name, cut := truncate(it.name, legendChars)
		title := ""
		if cut {
			title = it.name
		}
		w.text(x+legendSwatch, mid-lineHeight*legendFS/2, legendFS, "start", []string{name}, title)
	}
	w.raw(`</g>`)
}

// targetTick is Bars' marker of the secondary measure: a dark bar with a
// white outline, visible on the bar, beside it and in black and white.
func (w *writer) targetTick(x, y0, y1 float64) {
	w.raw(`<g class="chart-target"><line`)
	w.attrNum("x1", x)
	w.attrNum("y1", y0)
	w.attrNum("x2", x)
	w.attrNum("y2", y1)
	w.raw(` stroke="` + colHalo + `" stroke-width="6"/><line`)
	w.attrNum("x1", x)
	w.attrNum("y1", y0)
	w.attrNum("x2", x)
	w.attrNum("y2", y1)
	w.raw(` stroke="` + colText + `" stroke-width="3"/></g>`)
}
