package journey

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/model"
	"github.com/ladderhq/ladder/internal/readiness"
)

// How the pipeline views get each member's figures (issue 6, "Speed": a
// 1,000-person programme must not cost 1,000 x N queries, nor recomputing
// 1,000 people's readiness on every view).
//
// A member's figures (readiness for the programme's role, plan progress)
// are a ladder.PipelineSummary, derived from their data. Three levels,
// each tried for the members the one before missed:
//
//  1. this process's memory (pipelineMemo), keyed by person, data version,
//     target and model key;
//  2. the pipeline_summaries table, one query for all: what makes a new
//     replica, or this one after a restart, as fast as a warm one;
//  3. computing them: the inputs of everyone missed are read together
//     (FindReadinessInputs, FindPlanProgress: a few queries per 2,000
//     people, run side by side), computed on every core, then kept at both
//     levels in one multi-row upsert.
//
// Why a stored summary beside the batch loads: computing a 1,000-person
// programme reads every self-rating of those people (about 95,000 rows in
// the benchmark organisation) and took 0.4-0.6 s on PostgreSQL, five times
// the aim. A summary cannot be stale: it counts only while the person's
// data version is the one it was computed at (every write to their data,
// their sharing included, moves it), while ModelKey names the model and
// formulas in use (pipelineFormula), and until ValidUntil, the first moment
// its figures could change without a write (summaryExpiry). So replicas
// never disagree, and a summary is recomputed when something changed, not
// every day. It is derived data: never exported, deleted when the member
// changes what they share or leaves the organisation.

// pipelineFormula versions the rules a stored summary was computed by
// (docs/readiness.md and the projection). Bump it when they change:
// summaries computed by the old rules are then recomputed.
// TestPipelineFormulaVersion fails until it is bumped.
const pipelineFormula = 1

// maxSummaryLife bounds how long a summary counts even when nothing
// dated says it would change: a weekly recomputation at worst.
const maxSummaryLife = 7 * 24 * time.Hour

// maxPipelineMemo bounds the summaries kept in memory (a few hundred bytes
// each); the memo is emptied when full.
const maxPipelineMemo = 50000

// pipelineKey identifies a summary in memory.
type pipelineKey struct {
	person  int64
	version int64
	target  string
	model   string
}

var (
	builtinModelOnce sync.Once
	builtinModelKey  string
)

// pipelineModelKey names the model in use and the formulas: an imported
// model by its id, the built-in one by a hash of its text (it changes with
// releases).
func (j *Journey) pipelineModelKey(ctx context.Context) (string, error) {
	id, err := j.Models.ActiveModelID(ctx)
	if err != nil {
		return "", err
	}
	if id != 0 {
		return "f" + strconv.Itoa(pipelineFormula) + "/model-" + strconv.FormatInt(id, 10), nil
	}
	builtinModelOnce.Do(func() {
		sum := sha256.Sum256(model.DefaultYAML())
		builtinModelKey = "builtin-" + hex.EncodeToString(sum[:6])
	})
	return "f" + strconv.Itoa(pipelineFormula) + "/" + builtinModelKey, nil
}

// pipelineSummaries returns the summary of each member (in members'
// order) with the parts they share with programme admins; nil for a member
// who shares neither.
func (j *Journey) pipelineSummaries(ctx context.Context, m *ladder.Model, target ladder.Role, members []*ladder.PipelineMember,
	shared map[int64]ladder.ShareSet, asOf time.Time) ([]*ladder.PipelineSummary, error) {
	mk, err := j.pipelineModelKey(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]*ladder.PipelineSummary, len(members))
	usable := func(sm *ladder.PipelineSummary, mb *ladder.PipelineMember) bool {
		sh := shared[mb.Person.ID]
		return sm != nil && sm.DataVersion == mb.Person.Version && sm.ModelKey == mk && asOf.Before(sm.ValidUntil) &&
			(sm.HasReadiness || !sh.Has(ladder.ShareReadiness)) && (sm.HasPlanPart || !sh.Has(ladder.SharePlan))
	}
	key := func(mb *ladder.PipelineMember) pipelineKey {
		return pipelineKey{person: mb.Person.ID, version: mb.Person.Version, target: target.Slug, model: mk}
	}
	// 1. Memory.
	var miss []int
	j.mu.Lock()
	for i, mb := range members {
		sh := shared[mb.Person.ID]
		if !sh.Has(ladder.ShareReadiness) && !sh.Has(ladder.SharePlan) {
			continue
		}
		if sm := j.pipeline[key(mb)]; usable(sm, mb) {
			out[i] = sm
		} else {
			miss = append(miss, i)
		}
	}
	j.mu.Unlock()
	if len(miss) == 0 {
		return out, nil
	}
	// 2. The stored summaries.
	ids := make([]int64, len(miss))
	for k, i := range miss {
		ids[k] = members[i].Person.ID
	}
	stored, err := j.Pipelines.FindPipelineSummaries(ctx, target.Slug, ids)
	if err != nil {
		return nil, err
	}
	var compute []int
	for _, i := range miss {
		if sm := stored[members[i].Person.ID]; usable(sm, members[i]) {
			out[i] = sm
		} else {
			compute = append(compute, i)
		}
	}
	// 3. Computed, then kept.
	fresh, err := j.computeSummaries(ctx, m, mk, target, members, compute, shared, asOf)
	if err != nil {
		return nil, err
	}
	for k, i := range compute {
		out[i] = fresh[k]
	}
	if err := j.Pipelines.SavePipelineSummaries(ctx, fresh); err != nil {
		return nil, err
	}
	j.mu.Lock()
	if j.pipeline == nil || len(j.pipeline)+len(miss) > maxPipelineMemo {
		j.pipeline = make(map[pipelineKey]*ladder.PipelineSummary, len(members))
	}
	for _, i := range miss {
		j.pipeline[key(members[i])] = out[i]
	}
	j.mu.Unlock()
	return out, nil
}

// computeSummaries computes the summaries of members[i] for each i in
// need, with the parts each shares.
func (j *Journey) computeSummaries(ctx context.Context, m *ladder.Model, mk string, target ladder.Role, members []*ladder.PipelineMember,
	need []int, shared map[int64]ladder.ShareSet, asOf time.Time) ([]*ladder.PipelineSummary, error) {
	if len(need) == 0 {
		return nil, nil
	}
	var ready, plans []int64
	for _, i := range need {
		id := members[i].Person.ID
		if shared[id].Has(ladder.ShareReadiness) {
			ready = append(ready, id)
		}
		if shared[id].Has(ladder.SharePlan) {
			plans = append(plans, id)
		}
	}
	var inputs map[int64]*ladder.ReadinessInputs
	var progress map[int64]ladder.PlanProgress
	err := pipelineTogether(
		func() (err error) {
			if len(ready) > 0 {
				inputs, err = j.Pipelines.FindReadinessInputs(ctx, ready)
			}
			return err
		},
		func() (err error) {
			if len(plans) > 0 {
				progress, err = j.Pipelines.FindPlanProgress(ctx, plans, asOf)
			}
			return err
		},
	)
	if err != nil {
		return nil, err
	}
	out := make([]*ladder.PipelineSummary, len(need))
	workers := min(runtime.GOMAXPROCS(0), len(need))
	work := make([]func() error, workers)
	for w := range workers {
		work[w] = func() error {
			for k := w; k < len(need); k += workers {
				mb := members[need[k]]
				p := mb.Person
				sm := &ladder.PipelineSummary{PersonID: p.ID, TargetRole: target.Slug, DataVersion: p.Version, ModelKey: mk,
					ValidUntil: asOf.Add(maxSummaryLife)}
				if shared[p.ID].Has(ladder.ShareReadiness) {
					in := inputs[p.ID]
					if in == nil {
						in = &ladder.ReadinessInputs{}
					}
					if err := j.summariseReadiness(ctx, m, target, p, in, asOf, sm); err != nil {
						return err
					}
				}
				if shared[p.ID].Has(ladder.SharePlan) {
					sm.HasPlanPart = true
					sm.Plan, sm.HasPlan = progress[p.ID]
					if d := sm.Plan.NextDue; !d.IsZero() {
						// Due that day, overdue from the next.
						sm.ValidUntil = minFuture(sm.ValidUntil, d.Add(24*time.Hour), asOf)
					}
				}
				out[k] = sm
			}
			return nil
		}
	}
	return out, pipelineTogether(work...)
}

// pipelineTogether runs fs at once and returns their errors joined.
func pipelineTogether(fs ...func() error) error {
	errs := make([]error, len(fs))
	var wg sync.WaitGroup
	for i, f := range fs {
		wg.Go(func() { errs[i] = f() })
	}
	wg.Wait()
	return errors.Join(errs...)
}

// summariseReadiness computes a person's readiness for target at asOf as
// their readiness page does (levelSources, then the score, without the
// words of each level), projects it, and sets the readiness part of sm and
// its expiry. Without a completed self-assessment the score rests on
// estimates, and no horizon is given: nobody is "ready now" on a guess.
func (j *Journey) summariseReadiness(ctx context.Context, m *ladder.Model, target ladder.Role, p *ladder.Person, in *ladder.ReadinessInputs,
	asOf time.Time, sm *ladder.PipelineSummary) error {
	src, err := j.levelSources(ctx, m, p, in)
	if err != nil {
		return err
	}
	score, conf := readiness.Score(m, target, readiness.Levels(m, src.inputs(in.Assessments, asOf)))
	sm.HasReadiness, sm.Score, sm.Confidence = true, score, conf
	for _, a := range in.Assessments {
		if a.Completed() && !a.CompletedAt.After(asOf) && a.CompletedAt.After(sm.LastAssessed) {
			sm.Assessed, sm.LastAssessed = true, a.CompletedAt
		}
	}
	var trend []readiness.Point
	pr := readiness.Projection{Horizon: readiness.HorizonUnknown, Score: score, Reason: "no completed self-assessment yet"}
	if sm.Assessed {
		trend = readiness.TrendWithFeedback(m, target, in.Assessments, src.prior, src.evidence, src.feedback)
		pr = readiness.Project(score, trend, asOf)
	}
	sm.Horizon, sm.Slope, sm.Months, sm.Points, sm.Reason = pr.Horizon, pr.Slope, pr.Months, pr.Points, pr.Reason
	sm.ValidUntil = summaryExpiry(sm.ValidUntil, in, src, trend, asOf)
	return nil
}

// summaryExpiry returns the first moment after asOf (and not after
// until) at which readiness computed at asOf from in could change with no
// write to the person's data: an assessment, evidence entry or round dated
// later coming into effect, an evidence entry starting to count half
// (readiness.EvidenceWindowYears), a trend point leaving the projection's
// window. Boundaries computed by calendar arithmetic are taken three days
// early; once there, the summary is recomputed hourly until the change.
func summaryExpiry(until time.Time, in *ladder.ReadinessInputs, src levelSources, trend []readiness.Point, asOf time.Time) time.Time {
	const margin = 72 * time.Hour
	// soon is a boundary that may lie within the margin: check hourly.
	soon := func(at time.Time, pending bool) {
		switch {
		case at.After(asOf):
			until = earlier(until, at)
		case pending:
			until = earlier(until, asOf.Add(time.Hour))
		}
	}
	for _, a := range in.Assessments {
		if a.Completed() && a.CompletedAt.After(asOf) {
			until = earlier(until, a.CompletedAt)
		}
	}
	ageing := asOf.AddDate(-readiness.EvidenceWindowYears, 0, 0)
	for _, ps := range src.evidence {
		for _, p := range ps {
			if p.At.After(asOf) {
				until = earlier(until, p.At)
			}
			soon(p.At.AddDate(readiness.EvidenceWindowYears, 0, 0).Add(-margin), !p.At.Before(ageing))
		}
	}
	for _, vs := range src.feedback {
		for _, v := range vs {
			if v.At.After(asOf) {
				until = earlier(until, v.At)
			}
		}
	}
	window := asOf.AddDate(0, -readiness.HorizonWindowMonths, 0)
	for _, pt := range trend {
		if pt.At.After(asOf) {
			until = earlier(until, pt.At)
		}
		soon(pt.At.AddDate(0, readiness.HorizonWindowMonths, 0).Add(-margin), !pt.At.Before(window))
	}
	return until
}

// minFuture returns the earlier of until and at, when at is after asOf.
func minFuture(until, at, asOf time.Time) time.Time {
	if at.After(asOf) && at.Before(until) {
		return at
	}
	return until
}

func earlier(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}
