// Package charts draws server-side SVG charts: a radar of competency areas
// (Radar), readiness over time (Line), horizontal gap bars (Bars) and a
// two-by-two grid of scored items (Grid), such as stakeholders. Each
// has an HTML method for the page, {{.Chart.HTML}} in a template, and a
// Table method with the same data for an HTML table beside it; Empty is
// the "no data yet" chart they fall back to.
//
// The charts must print, work without JavaScript and pass a
// Content-Security-Policy of default-src 'self', so they carry no style
// attributes and no <style> elements: defaults are SVG presentation
// attributes, which any rule of the site stylesheet overrides, and every
// element a stylesheet may want to restyle has a class (each chart's doc
// comment lists them). Series differ by dash pattern and marker shape as
// well as colour, so they survive black-and-white printing. A chart is an
// image to assistive technology, named by its <title> and described by its
// <desc>.
//
// Each chart has a fixed viewBox width and width="100%": text scales with
// it, so give .chart a max-width (about 36rem) in the stylesheet.
//
// Values that are NaN or infinite are missing: not drawn, "–" in tables.
// Values outside the scale are drawn at its end.
//
// Text width is estimated as runes x font size x 0.6, a little wider than
// real sans-serif text, so layouts computed with it leave room to spare;
// the tests measure with the same model. Output is deterministic: the same
// input gives the same bytes.
package charts

import (
	"html/template"
	"math"
	"strconv"
)

// fontFamily is inherited by all text; a stylesheet may override it.
const fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"

// Text metrics of the layout model; the tests measure with the same model.
const (
	charWidth  = 0.6 // average advance of a character, in ems
	lineHeight = 1.2 // distance between baselines, in ems
	ascent     = 0.9 // from the top of a line box to its baseline, in ems
)

// Colours meet WCAG contrast against white: text at least 4.5:1, series,
// bars and axes at least 3:1. Gridlines are lighter on purpose: they help
// reading values but carry none.
const (
	colText  = "#1a1a1a"
	colMuted = "#4a4a4a"
	colGrid  = "#d4d4d4"
	colAxis  = "#8c8c8c"
	colHalo  = "#ffffff"
)

// halo outlines text in white so it stays readable over lines.
const halo = ` stroke="` + colHalo + `" stroke-width="3" paint-order="stroke"`

// SeriesKind says what a series stands for, which sets how it is drawn.
type SeriesKind int

// Kinds of series. Each has its own colour, dash pattern, fill and marker.
const (
	// KindCurrent is the person's current level: solid, filled, round markers.
	KindCurrent SeriesKind = iota
	// KindTarget is what a target role requires: dashed, unfilled, square markers.
	KindTarget
	// KindOthers is how others see the person: dotted, lightly filled,
	// triangular markers.
	KindOthers
)

// Series is one named set of values, one per axis of a chart.
type Series struct {
	Name   string
	Values []float64
	Kind   SeriesKind
}

// Table is the data behind a chart, for an HTML table beside it (screen
// readers and people who want exact numbers read it there). Cells are
// formatted; a missing value is "–".
type Table struct {
	Caption string
	Header  []string
	Rows    [][]string
}

// Num formats v with at most decimals digits after the point and no
// trailing zeros: Num(2.50, 2) is "2.5", Num(3, 1) is "3". NaN and the
// infinities, which mean "no value" in this package, give "–".
func Num(v float64, decimals int) string {
	return string(appendNum(nil, v, decimals))
}

func appendNum(b []byte, v float64, decimals int) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return append(b, "–"...)
	}
	start := len(b)
	b = strconv.AppendFloat(b, v, 'f', decimals, 64)
	if decimals > 0 {
		for b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
		if b[len(b)-1] == '.' {
			b = b[:len(b)-1]
		}
	}
	if string(b[start:]) == "-0" {
		b = append(b[:start], '0')
	}
	return b
}

// kindStyle is how one SeriesKind is drawn.
type kindStyle struct {
	class       string
	colour      string
	width       float64
	dash        string // stroke-dasharray; empty for solid
	fillOpacity float64
	marker      markerShape
}

type markerShape int

const (
	markerCircle markerShape = iota
	markerSquare
	markerTriangle
)

var kindStyles = [...]kindStyle{
	KindCurrent: {"chart-series-current", "#1d4ed8", 2.5, "", 0.22, markerCircle},
	KindTarget:  {"chart-series-target", "#b03a00", 2, "7 4", 0, markerSquare},
	KindOthers:  {"chart-series-others", "#3f5f3f", 1.75, "2 3", 0.1, markerTriangle},
}

func styleOf(k SeriesKind) kindStyle {
	if k < 0 || int(k) >= len(kindStyles) {
		k = KindOthers
	}
	return kindStyles[k]
}

// cleanID keeps letters, digits, '-' and '_' so that the ID is safe in
// attributes, in aria-labelledby's space-separated list and in CSS selectors.
func cleanID(id string) string {
	if id == "" {
		return "chart"
	}
	b := []byte(id)
	for i, c := range b {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			b[i] = '-'
		}
	}
	return string(b)
}

// clamp limits v to [lo, hi]; NaN stays NaN (it means "no value").
func clamp(v, lo, hi float64) float64 {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// Empty returns a short chart saying there is no data yet, with msg as its
// visible text (default "No data yet").
func Empty(id, title, msg string) template.HTML {
	if msg == "" {
		msg = "No data yet"
	}
	id = cleanID(id)
	var w writer
	w.open(id, "chart-empty", box{0, 0, 400, 60}, title, msg+".")
	w.raw(`<rect x="1" y="1" width="398" height="58" rx="6" fill="none" stroke="` + colAxis + `" stroke-dasharray="5 4"/>`)
	line, _ := truncate(msg, 40)
	w.textGroup("chart-note", 15, ` fill="`+colMuted+`"`)
	w.text(200, 30-lineHeight*15/2, 15, "middle", []string{line}, "")
	w.raw(`</g>`)
	w.close()
	return w.html()
}
