package readiness

import (
	"fmt"
	"time"
)

// ReadyNowScore is the readiness score from which a person counts as ready
// now for a role (docs/readiness.md, section 5). At 80 four fifths of the
// importance-weighted climb are done: on a typical requirement of level 4
// the shortfall left averages about half a level, the kind of gap that
// closes in the role with support rather than before it. A lower bar
// would call people ready with whole levels missing on important
// competencies; a higher one would ask for a completeness few people who
// are promoted actually have.
const ReadyNowScore = 80

// The projection's window and its demands on the history.
const (
	// HorizonWindowMonths is how far back the trend is read: older points
	// describe someone the person no longer is.
	HorizonWindowMonths = 12
	// MinTrendSpan is the least time between the first and the last point
	// of the window: assessments a few days apart measure a change of mind,
	// not growth, and a slope over them would be noise.
	MinTrendSpan = 6 * 7 * 24 * time.Hour
)

// daysPerMonth is a calendar month on average.
const daysPerMonth = 365.25 / 12

// Horizons: when a person is projected to reach ReadyNowScore.
const (
	HorizonNow      = "now"
	Horizon6Months  = "6-months"
	Horizon12Months = "12-months"
	HorizonLater    = "later"
	HorizonUnknown  = "unknown" // not enough history to project
)

// Horizons lists the horizons from the nearest to unknown.
var Horizons = []string{HorizonNow, Horizon6Months, Horizon12Months, HorizonLater, HorizonUnknown}

// HorizonLabel is how pages name a horizon.
func HorizonLabel(h string) string {
	switch h {
	case HorizonNow:
		return "Ready now"
	case Horizon6Months:
		return "Within 6 months"
	case Horizon12Months:
		return "Within 12 months"
	case HorizonLater:
		return "Later"
	case HorizonUnknown:
		return "Not enough history"
	}
	return h
}

// Projection says when a person is projected to be ready for a role.
type Projection struct {
	Horizon string
	// Score is the current score the projection starts from.
	Score float64
	// Slope is the trend in score points per month, by least squares over
	// the Points points of the window; 0 when not projected.
	Slope  float64
	Points int
	// Months is the projected time until the score reaches ReadyNowScore
	// at Slope; 0 when ready now, when the trend does not climb or when
	// there is not enough history.
	Months float64
	// Reason says in words how the horizon was reached.
	Reason string
}

// Project says when a person whose score is now score, with the readiness
// trend points (oldest first or in any order), reaches ReadyNowScore:
// ready now at or above it; otherwise a straight line through the points
// of the last HorizonWindowMonths (least squares), carried on from today's
// score, reaches it within 6 months, within 12 months or later. A trend
// that does not climb is "later". Fewer than two points in the window, or
// points less than MinTrendSpan apart, are not enough history.
func Project(score float64, trend []Point, asOf time.Time) Projection {
	p := Projection{Score: score}
	if score >= ReadyNowScore {
		p.Horizon = HorizonNow
		p.Reason = fmt.Sprintf("score %s reaches %d", trim(score), ReadyNowScore)
		return p
	}
	from := asOf.AddDate(0, -HorizonWindowMonths, 0)
	var in []Point
	for _, pt := range trend {
		if !pt.At.Before(from) && !pt.At.After(asOf) {
			in = append(in, pt)
		}
	}
	p.Points = len(in)
	if len(in) < 2 {
		p.Horizon = HorizonUnknown
		p.Reason = fmt.Sprintf("%d self-%s in the last %d months: at least two are needed to see a trend",
			len(in), plural(len(in), "assessment", "assessments"), HorizonWindowMonths)
		return p
	}
	first, last := in[0].At, in[0].At
	for _, pt := range in[1:] {
		first, last = minTime(first, pt.At), maxTime(last, pt.At)
	}
	if last.Sub(first) < MinTrendSpan {
		p.Horizon = HorizonUnknown
		p.Reason = fmt.Sprintf("the self-assessments of the last %d months are less than six weeks apart: too close to show a trend",
			HorizonWindowMonths)
		return p
	}
	p.Slope = round(slopePerMonth(in, first), 1)
	if p.Slope <= 0 {
		p.Horizon = HorizonLater
		p.Reason = fmt.Sprintf("no climb over the last %d months (%s %s a month)", HorizonWindowMonths, signed(p.Slope),
			unit(p.Slope, "point", "points"))
		return p
	}
	p.Months = round((ReadyNowScore-score)/p.Slope, 1)
	switch {
	case p.Months <= 6:
		p.Horizon = Horizon6Months
	case p.Months <= 12:
		p.Horizon = Horizon12Months
	default:
		p.Horizon = HorizonLater
	}
	when := fmt.Sprintf("in about %s %s", trim(p.Months), unit(p.Months, "month", "months"))
	if p.Months > 24 {
		// A line carried on for years says little more than "not soon".
		when = "in more than two years"
	}
	p.Reason = fmt.Sprintf("at %s %s a month, %d %s", signed(p.Slope), unit(p.Slope, "point", "points"), ReadyNowScore, when)
	return p
}

// slopePerMonth fits score = a + b x months by least squares and returns
// b. The points are not all at one time (the caller checked the span).
func slopePerMonth(pts []Point, origin time.Time) float64 {
	n := float64(len(pts))
	var sx, sy float64
	xs := make([]float64, len(pts))
	for i, pt := range pts {
		xs[i] = pt.At.Sub(origin).Hours() / 24 / daysPerMonth
		sx += xs[i]
		sy += pt.Score
	}
	mx, my := sx/n, sy/n
	var sxy, sxx float64
	for i, pt := range pts {
		dx := xs[i] - mx
		sxy += dx * (pt.Score - my)
		sxx += dx * dx
	}
	return sxy / sxx
}

// unit names one or many of something counted in fractions: 1 point, 1.5
// points.
func unit(v float64, one, many string) string {
	if v == 1 || v == -1 {
		return one
	}
	return many
}

func signed(v float64) string {
	if v > 0 {
		return "+" + trim(v)
	}
	return trim(v)
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
