package journey

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/readiness"
)

// Snapshot is everything known about a person's levels at one moment, from
// which gaps, readiness and its trend are computed.
type Snapshot struct {
	Person      *ladder.Person
	Model       *ladder.Model
	Start       *StartRole // nil when the start role is unset or unknown
	Target      ladder.Role
	Assessments []*ladder.Assessment
	// Evidence is the person's evidence log, newest first; EvidencePoints
	// is the same grouped by competency, as readiness reads it.
	Evidence       []*ladder.Evidence
	EvidencePoints map[string][]readiness.EvidencePoint
	Prior          map[string]readiness.Prior
	// Feedback is others' view per competency from closed rounds of 360
	// feedback, computed from what the anonymity rule shows.
	Feedback map[string][]readiness.FeedbackView
	Levels   map[string]readiness.Current
	// AsOf is the clock's time when the levels were computed.
	AsOf time.Time
	// Attribution is O*NET's credit line when estimates come from O*NET
	// data (in its "modified" form: the estimates are derived values).
	Attribution string

	// A snapshot is shared read-only between requests; these memoise what
	// is computed from it.
	gapsOnce  sync.Once
	gaps      []readiness.Gap
	readyOnce sync.Once
	ready     readiness.Result
	trendOnce sync.Once
	trend     []readiness.Point
	memo      sync.Map // string -> []byte, see Memo
}

// snapshotKey identifies a snapshot: the person's data version changes with
// every write to their data, and the model pointer with every model import,
// so a cached snapshot is never stale, in this replica or another. The day
// is there because evidence ages: an entry counts from its day and half
// after three years, so levels may change overnight without a write.
type snapshotKey struct {
	person  int64
	version int64
	target  string
	model   *ladder.Model
	day     string
}

// maxSnapshots bounds the snapshot cache; it is emptied when full.
const maxSnapshots = 4096

// Snapshot loads a person's assessments, evidence log and start occupation
// and computes their current levels. target overrides the person's target role when set.
// The result is cached per data version and must not be modified.
func (j *Journey) Snapshot(ctx context.Context, p *ladder.Person, target string) (*Snapshot, error) {
	m, err := j.Model(ctx)
	if err != nil {
		return nil, err
	}
	key := snapshotKey{person: p.ID, version: p.Version, target: target, model: m,
		day: j.DB.Now().UTC().Format(time.DateOnly)}
	j.mu.Lock()
	s, ok := j.snapshots[key]
	j.mu.Unlock()
	if ok {
		return s, nil
	}
	s, err = j.snapshot(ctx, m, p, target)
	if err != nil {
		return nil, err
	}
	j.mu.Lock()
	if j.snapshots == nil || len(j.snapshots) >= maxSnapshots {
		j.snapshots = map[snapshotKey]*Snapshot{}
	}
	j.snapshots[key] = s
	j.mu.Unlock()
	return s, nil
}

func (j *Journey) snapshot(ctx context.Context, m *ladder.Model, p *ladder.Person, target string) (*Snapshot, error) {
	if target == "" && p.TargetRole == "" {
		return nil, errNoTarget
	}
	var in ladder.ReadinessInputs
	var err error
	in.Assessments, err = j.Assessments.FindAssessments(ctx, ladder.AssessmentFilter{PersonID: p.ID, Kind: ladder.AssessSelf})
	if err != nil {
		return nil, err
	}
	in.Evidence, _, err = j.Evidence.FindEvidence(ctx, ladder.EvidenceFilter{PersonID: p.ID})
	if err != nil {
		return nil, err
	}
	if in.Feedback, err = j.Feedback.FindFeedbackRounds(ctx, p.ID); err != nil {
		return nil, err
	}
	return j.buildSnapshot(ctx, m, p, target, &in)
}

var errNoTarget = ladder.Errorf(ladder.EINVALID, "no target role chosen yet: set one with `ladder init --target SLUG`")

// buildSnapshot computes a snapshot from what was loaded of the person.
func (j *Journey) buildSnapshot(ctx context.Context, m *ladder.Model, p *ladder.Person, target string, in *ladder.ReadinessInputs) (_ *Snapshot, err error) {
	s := &Snapshot{Person: p, Model: m}
	if target == "" {
		target = p.TargetRole
	}
	if target == "" {
		return nil, errNoTarget
	}
	if s.Target, err = j.ResolveTarget(m, target); err != nil {
		return nil, err
	}
	src, err := j.levelSources(ctx, m, p, in)
	if err != nil {
		return nil, err
	}
	s.Start, s.Prior, s.Attribution, s.EvidencePoints, s.Feedback = src.start, src.prior, src.attribution, src.evidence, src.feedback
	s.Assessments, s.Evidence = in.Assessments, in.Evidence
	if s.Evidence == nil {
		s.Evidence = []*ladder.Evidence{}
	}
	s.AsOf = j.DB.Now()
	s.Levels = readiness.CurrentLevels(m, src.inputs(s.Assessments, s.AsOf))
	return s, nil
}

// levelSources are the sources of a person's levels, whatever the target:
// the person's own pages (Snapshot) and the pipeline views (many people
// at once) build them the same way, so both give the same figures.
type levelSources struct {
	start       *StartRole // nil when unset or unknown
	prior       map[string]readiness.Prior
	attribution string
	evidence    map[string][]readiness.EvidencePoint
	feedback    map[string][]readiness.FeedbackView
}

func (j *Journey) levelSources(ctx context.Context, m *ladder.Model, p *ladder.Person, in *ladder.ReadinessInputs) (src levelSources, err error) {
	if p.StartRole != "" {
		if src.start, err = j.ResolveStart(ctx, m, p.StartRole); err != nil && ladder.ErrorCode(err) != ladder.ENOTFOUND {
			return src, err
		}
	}
	if src.prior, src.attribution, err = j.prior(m, src.start); err != nil {
		return src, err
	}
	src.evidence = readiness.EvidencePoints(in.Evidence)
	src.feedback, err = feedbackViews(in.Feedback)
	return src, err
}

// inputs are the inputs of the levels at asOf.
func (src levelSources) inputs(as []*ladder.Assessment, asOf time.Time) readiness.Inputs {
	return readiness.Inputs{Self: readiness.LatestSelf(as, asOf), Prior: src.prior, Evidence: src.evidence, AsOf: asOf, Feedback: src.feedback}
}

// prior estimates levels from the start occupation's O*NET ratings and, for
// one of our start roles, its profile.
func (j *Journey) prior(m *ladder.Model, start *StartRole) (map[string]readiness.Prior, string, error) {
	if start == nil {
		return nil, "", nil
	}
	d, err := j.ONET()
	if err != nil {
		return nil, "", err
	}
	key := priorKey{model: m, data: d, start: start.Value}
	j.mu.Lock()
	v, ok := j.priors[key]
	j.mu.Unlock()
	if ok {
		return v.prior, v.attribution, nil
	}
	p, credit := computePrior(m, d, start)
	j.mu.Lock()
	if j.priors == nil || len(j.priors) > 1000 {
		j.priors = map[priorKey]priorValue{}
	}
	j.priors[key] = priorValue{p, credit}
	j.mu.Unlock()
	return p, credit, nil
}

// computePrior builds the estimates; the result is shared read-only.
func computePrior(m *ladder.Model, d *onet.Dataset, start *StartRole) (map[string]readiness.Prior, string) {
	out := map[string]readiness.Prior{}
	credit := ""
	if o, ok := d.Occupation(start.ONETCode); ok {
		credit = d.Attribution(true)
		basis := fmt.Sprintf("O*NET data for %s %s", o.Code, o.Title)
		if start.Proxy {
			basis += " (standing in for " + start.Title + ", which O*NET has not rated)"
		}
		out = readiness.PriorFromONET(m, ElementRatings(d, o), basis)
	}
	if start.Role != nil {
		out = readiness.PriorFromRole(*start.Role, out)
	}
	return out, credit
}

// ElementRatings converts an occupation's O*NET ratings for the prior,
// honouring O*NET's flags: a suppressed value is left out, a level marked
// Not Relevant counts as 0.
func ElementRatings(d *onet.Dataset, o *onet.Occupation) map[string]readiness.ElementRating {
	out := make(map[string]readiness.ElementRating, len(o.Ratings))
	for _, r := range o.Ratings {
		if !r.HasImportance || r.ImportanceSuppressed {
			continue
		}
		er := readiness.ElementRating{Importance: r.Importance.Float()}
		if e, ok := d.Element(r.Element); ok && e.Domain != onet.DomainWorkStyles {
			if !r.HasLevel || r.LevelSuppressed {
				continue
			}
			er.Level, er.HasLevel = r.EffectiveLevel().Float(), true
		}
		out[r.Element] = er
	}
	return out
}

// Gaps returns the gaps to the snapshot's target, largest first. The slice
// is shared: do not modify it.
func (s *Snapshot) Gaps() []readiness.Gap {
	s.gapsOnce.Do(func() { s.gaps = readiness.Gaps(s.Model, s.Target, s.Levels) })
	return s.gaps
}

// Readiness returns the readiness for the snapshot's target.
func (s *Snapshot) Readiness() readiness.Result {
	s.readyOnce.Do(func() { s.ready = readiness.Readiness(s.Model, s.Target, s.Levels) })
	return s.ready
}

// AllTargets returns the readiness for every target role, best first.
func (s *Snapshot) AllTargets() []readiness.Result { return readiness.AllTargets(s.Model, s.Levels) }

// Trend returns readiness for the target after each completed assessment.
func (s *Snapshot) Trend() []readiness.Point {
	s.trendOnce.Do(func() {
		s.trend = readiness.TrendWithFeedback(s.Model, s.Target, s.Assessments, s.Prior, s.EvidencePoints, s.Feedback)
	})
	return s.trend
}

// Memo returns the bytes build makes for key, building them once per
// snapshot: a rendered view (an encoded JSON body, say) is then as fresh as
// the snapshot and costs nothing on the next request. Errors are not kept.
func (s *Snapshot) Memo(key string, build func() ([]byte, error)) ([]byte, error) {
	if b, ok := s.memo.Load(key); ok {
		return b.([]byte), nil
	}
	b, err := build()
	if err != nil {
		return nil, err
	}
	s.memo.Store(key, b)
	return b, nil
}
