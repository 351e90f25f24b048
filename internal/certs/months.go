package certs

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"
)

// eps absorbs float noise so 36.0 months meets a 36-month requirement.
const eps = 1e-9

// span is a half-open period of days [start, end).
type span struct{ start, end time.Time }

// day is t's calendar date (in t's own location) as midnight UTC, so a date
// entered anywhere counts as that date.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// addMonths moves t by n calendar months, clamping the day to the month's
// length (31 January + 1 month = 28 or 29 February), so it never spills
// into the month after.
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	total := int(m) - 1 + n
	y += total / 12
	mi := total % 12
	if mi < 0 {
		mi += 12
		y--
	}
	month := time.Month(mi + 1)
	if last := time.Date(y, month+1, 0, 0, 0, 0, 0, time.UTC).Day(); d > last {
		d = last
	}
	return time.Date(y, month, d, 0, 0, 0, 0, time.UTC)
}

// monthsBetween counts calendar months from a to b (a <= b): whole months
// first, then the rest as a fraction of the month it falls in. 1 January to
// 1 January two years on is exactly 24.
func monthsBetween(a, b time.Time) float64 {
	if !a.Before(b) {
		return 0
	}
	n := (b.Year()-a.Year())*12 + int(b.Month()-a.Month())
	for n > 0 && addMonths(a, n).After(b) {
		n--
	}
	base, next := addMonths(a, n), addMonths(a, n+1)
	return float64(n) + float64(b.Sub(base))/float64(next.Sub(base))
}

// mergedMonths sums the months of spans with overlapping or touching spans
// merged first, so time spent on two projects at once counts once.
func mergedMonths(spans []span) float64 {
	if len(spans) == 0 {
		return 0
	}
	s := slices.Clone(spans)
	slices.SortFunc(s, func(a, b span) int { return a.start.Compare(b.start) })
	var total float64
	cur := s[0]
	for _, x := range s[1:] {
		if x.start.After(cur.end) {
			total += monthsBetween(cur.start, cur.end)
			cur = x
			continue
		}
		if x.end.After(cur.end) {
			cur.end = x.end
		}
	}
	return total + monthsBetween(cur.start, cur.end)
}

// num formats x with at most one decimal.
func num(x float64) string {
	return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64)
}

// ceil1 rounds a shortfall up to one decimal, so "0.1 more" never reads as
// "0 more"; floor1 rounds what someone has down, so it is never overstated.
func ceil1(x float64) string  { return num(math.Ceil(x*10-eps) / 10) }
func floor1(x float64) string { return num(math.Floor(x*10+eps) / 10) }

// duration says a number of months as years when it is whole years.
func duration(months float64) string {
	if months == math.Trunc(months) && int(months)%12 == 0 {
		if months == 12 {
			return "1 year"
		}
		return fmt.Sprintf("%d years", int(months)/12)
	}
	return num(months) + " months"
}

// CoveredMonths is how many months the periods (first and last day, both
// inclusive) cover together, each overlap counted once: the rule PMP applies
// to project experience, also shown on the evidence page.
func CoveredMonths(periods [][2]time.Time) float64 {
	spans := make([]span, 0, len(periods))
	for _, p := range periods {
		spans = append(spans, span{day(p[0]), day(p[1])})
	}
	return mergedMonths(spans)
}
