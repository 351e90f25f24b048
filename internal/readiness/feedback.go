package readiness

import (
	"fmt"
	"time"
)

// SourceFeedback is the source of a level built on 360 feedback: others'
// view of the competency, combined with the self-rating when there is one.
const SourceFeedback = "360"

// The 360 rule (docs/readiness.md, section 1). Others see what a person
// does, which the person misjudges, so their view weighs twice the
// self-rating. Confidence grows with the raters behind the view.
const (
	// FeedbackWeight is the weight of others' view against the self-rating's 1.
	FeedbackWeight = 2
	// FeedbackBaseConfidence and FeedbackConfidenceStep give the confidence
	// of a level from FeedbackView.Raters raters, at most
	// FeedbackMaxConfidence.
	FeedbackBaseConfidence = 0.5
	FeedbackConfidenceStep = 0.05
	FeedbackMaxConfidence  = 0.8
)

// FeedbackView is others' view of a competency in the latest closed round
// that shows it: the mean over the groups the anonymity rule shows, never
// anything it hides.
type FeedbackView struct {
	Others float64 // the mean level
	Raters int     // how many raters the mean is over
	Round  string  // the round's title
	At     time.Time
}

// FeedbackConfidence returns the confidence a view from n raters lends.
func FeedbackConfidence(n int) float64 {
	return min(FeedbackMaxConfidence, FeedbackBaseConfidence+FeedbackConfidenceStep*float64(n))
}

// applyFeedback makes others' view the base of cur: alone, or weighed
// FeedbackWeight to 1 against the self-rating.
func applyFeedback(cur *Current, fb FeedbackView, self Observation, hasSelf, explain bool) {
	cur.Source, cur.Confidence = SourceFeedback, FeedbackConfidence(fb.Raters)
	cur.Level = fb.Others
	if hasSelf {
		cur.Level = (FeedbackWeight*fb.Others + self.Level) / (FeedbackWeight + 1)
	}
	if !explain {
		return
	}
	raters := fmt.Sprintf("%d %s", fb.Raters, plural(fb.Raters, "rater", "raters"))
	cur.Basis = fmt.Sprintf("360 feedback %q of %s: others %s (%s)", fb.Round, fb.At.Format(time.DateOnly), trim(fb.Others), raters)
	text := fmt.Sprintf("others %s (%s)", trim(fb.Others), raters)
	if hasSelf {
		day := self.At.Format(time.DateOnly)
		cur.Basis += fmt.Sprintf(", weighed twice against your self-rating %s of %s", trim(self.Level), day)
		text = fmt.Sprintf("(2 x others %s (%s) + self-rating %s) / 3", trim(fb.Others), raters, trim(self.Level))
	}
	cur.Parts = []Part{{Source: SourceFeedback, Value: cur.Level, Text: text}}
}

// latestFeedback returns the latest view not after asOf (any, when asOf is
// zero).
func latestFeedback(views []FeedbackView, asOf time.Time) (FeedbackView, bool) {
	var out FeedbackView
	ok := false
	for _, v := range views {
		if (asOf.IsZero() || !v.At.After(asOf)) && (!ok || v.At.After(out.At)) {
			out, ok = v, true
		}
	}
	return out, ok
}
