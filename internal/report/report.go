// Package report builds a person's development report (profile,
// readiness, gaps, plan, evidence, certifications) and renders it as
// Markdown, HTML or PDF. Building is pure: it reads values already loaded.
package report

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/readiness"
)

// MaxGaps is how many of the biggest gaps the report lists.
const MaxGaps = 10

// Report is the development report, every value formatted for reading so
// that all renderers show the same words.
type Report struct {
	Name       string
	StartRole  string // "" when unset
	TargetRole string
	Date       string // the day the report was made
	Readiness  Readiness
	Gaps       []GapRow
	// GapsMore counts the gaps left out after MaxGaps.
	GapsMore       int
	Plan           *Plan // nil while there is no plan
	Evidence       []EvidenceRow
	Certifications []CertRow
	// Attribution is O*NET's credit line, set when estimates rest on O*NET
	// data.
	Attribution string
}

// Readiness is the score for the target role and what it rests on.
type Readiness struct {
	Score           string // 0-100
	Confidence      string // 0-100
	ConfidenceLabel string
	Basis           []string
	Trend           []TrendRow
}

// TrendRow is readiness after one finished self-assessment.
type TrendRow struct {
	Date, Score, Confidence string
}

// GapRow is one competency below the target role's requirement.
type GapRow struct {
	Competency, Area                 string
	Required, Current, Gap, Weighted string
	Importance                       string
	Basis                            string
}

// Plan is the development plan.
type Plan struct {
	Horizon string
	Mix     string
	Done    string // "3 of 12 actions done"
	Goals   []Goal
}

// Goal is one SMART goal with its actions.
type Goal struct {
	Competency string
	Specific   string
	Target     string // "level 4 by 1 Jun 2027"
	Status     string
	Actions    []Action
}

// Action is one step of a goal.
type Action struct {
	Title, Kind, Due, Status string
}

// EvidenceRow is one entry of the evidence log.
type EvidenceRow struct {
	Date, Kind, Title string
	Competencies      string
	Figures           string // outcome figures, "" when none were given
}

// CertRow is a certification the person has a record of or is
// recommended.
type CertRow struct {
	Name, Issuer string
	Status       string // the person's status, "recommended" without a record
	Eligibility  string
}

// Input is what a report is built from.
type Input struct {
	Snapshot *journey.Snapshot
	Plan     *ladder.Plan          // nil when there is none
	Certs    *journey.CertOverview // nil to leave certifications out
	Now      time.Time
}

// Build makes the report from in. It does no I/O.
func Build(in Input) *Report {
	s := in.Snapshot
	r := &Report{Name: s.Person.Name, TargetRole: s.Target.Title, Date: in.Now.UTC().Format("2 Jan 2006")}
	if s.Start != nil {
		r.StartRole = s.Start.Title
	}
	res := s.Readiness()
	r.Readiness = newReadiness(res, s.Trend())
	if res.Sources[readiness.SourcePrior] > 0 {
		r.Attribution = s.Attribution
	}
	r.Gaps, r.GapsMore = gapRows(s.Gaps())
	if in.Plan != nil {
		r.Plan = newPlan(s.Model, in.Plan)
	}
	r.Evidence = evidenceRows(s.Model, s.Evidence)
	if in.Certs != nil {
		r.Certifications = certRows(in.Certs)
	}
	return r
}

func newReadiness(res readiness.Result, trend []readiness.Point) Readiness {
	out := Readiness{Score: num(res.Score, 1), Confidence: num(res.Confidence, 0), ConfidenceLabel: res.ConfidenceLabel}
	add := func(n int, what string) {
		if n > 0 {
			out.Basis = append(out.Basis, fmt.Sprintf("%d %s on %s", n, plural(n, "competency", "competencies"), what))
		}
	}
	add(res.Sources[readiness.SourceFeedback], "others' feedback (360) with your self-rating")
	add(res.Sources[readiness.SourceSelf], "your self-rating")
	add(res.Sources[readiness.SourcePrior], "an estimate from your start role")
	add(res.Sources[readiness.SourceNone], "nothing yet (level 1)")
	if res.Evidence > 0 {
		out.Basis = append(out.Basis, fmt.Sprintf("%d backed by logged evidence", res.Evidence))
	}
	for _, p := range trend {
		out.Trend = append(out.Trend, TrendRow{Date: p.At.UTC().Format("2 Jan 2006"), Score: num(p.Score, 1), Confidence: num(p.Confidence, 0)})
	}
	return out
}

func gapRows(gaps []readiness.Gap) ([]GapRow, int) {
	var out []GapRow
	more := 0
	for _, g := range gaps {
		if g.Gap <= 0 {
			continue
		}
		if len(out) == MaxGaps {
			more++
			continue
		}
		out = append(out, GapRow{Competency: g.Name, Area: g.AreaName, Required: strconv.Itoa(g.Required),
			Current: num(g.Current, 2), Gap: num(g.Gap, 2), Importance: strconv.Itoa(g.Importance),
			Weighted: num(g.WeightedGap, 2), Basis: g.Basis})
	}
	return out, more
}

var kindNames = map[string]string{ladder.Kind70: "on the job (70)", ladder.Kind20: "from others (20)", ladder.Kind10: "formal (10)"}

func newPlan(m *ladder.Model, p *ladder.Plan) *Plan {
	out := &Plan{Horizon: p.Start.UTC().Format("2 Jan 2006") + " to " + p.End.UTC().Format("2 Jan 2006")}
	if mix := p.Mix(); mix.Total() > 0 {
		out.Mix = fmt.Sprintf("%.0f%% on the job, %.0f%% from others, %.0f%% formal", 100*mix.Share(ladder.Kind70),
			100*mix.Share(ladder.Kind20), 100*mix.Share(ladder.Kind10))
	}
	done, all := 0, 0
	for _, g := range p.Goals {
		gv := Goal{Competency: competencyName(m, g.Competency), Specific: g.Specific, Status: status(g.Done, false),
			Target: fmt.Sprintf("level %d by %s", g.TargetLevel, g.TargetDate.UTC().Format("2 Jan 2006"))}
		for _, a := range g.Actions {
			if a.Dropped {
				continue
			}
			all++
			if a.Done {
				done++
			}
			gv.Actions = append(gv.Actions, Action{Title: a.Title, Kind: kindNames[a.Kind], Due: a.Due.UTC().Format("2 Jan 2006"),
				Status: status(a.Done, false)})
		}
		out.Goals = append(out.Goals, gv)
	}
	out.Done = fmt.Sprintf("%d of %d actions done", done, all)
	return out
}

func status(done, dropped bool) string {
	switch {
	case dropped:
		return "dropped"
	case done:
		return "done"
	}
	return "open"
}

func evidenceRows(m *ladder.Model, es []*ladder.Evidence) []EvidenceRow {
	out := make([]EvidenceRow, 0, len(es))
	for _, e := range es {
		kind, ok := ladder.EvidenceKindLabel(e.Kind)
		if !ok {
			kind = e.Kind
		}
		date := e.Start.UTC().Format("2 Jan 2006")
		if !e.End.IsZero() {
			date += " to " + e.End.UTC().Format("2 Jan 2006")
		}
		names := make([]string, 0, len(e.Competencies))
		for _, c := range e.Competencies {
			names = append(names, competencyName(m, c))
		}
		out = append(out, EvidenceRow{Date: date, Kind: kind, Title: e.Title, Competencies: strings.Join(names, ", "), Figures: figures(e)})
	}
	return out
}

// figures lists an entry's outcome figures.
func figures(e *ladder.Evidence) string {
	var f []string
	if !e.MoneySaved.IsZero() {
		f = append(f, e.MoneySaved.String()+" saved")
	}
	if e.HoursSaved > 0 {
		f = append(f, num(e.HoursSaved, 1)+" hours saved")
	}
	if e.PeopleCount > 0 {
		f = append(f, fmt.Sprintf("%d %s", e.PeopleCount, plural(e.PeopleCount, "person", "people")))
	}
	if m := e.ProjectMonths(); m > 0 {
		unit := "months"
		if m == 1 {
			unit = "month"
		}
		f = append(f, num(m, 1)+" "+unit)
	}
	return strings.Join(f, "; ")
}

// certRows lists the certifications the person has a record of, then the
// recommended ones they have none of.
func certRows(o *journey.CertOverview) []CertRow {
	var out []CertRow
	byKey := map[string]journey.CertView{}
	for _, v := range o.Certs {
		byKey[v.Cert.Key] = v
		if v.Record != nil {
			out = append(out, certRow(v, string(v.Record.Status)))
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	for _, rec := range o.Recommendations {
		if v, ok := byKey[rec.Key]; ok && v.Record == nil {
			out = append(out, certRow(v, "recommended"))
		}
	}
	return out
}

func certRow(v journey.CertView, st string) CertRow {
	el := "eligible"
	if !v.Eligibility.Eligible {
		el = "missing: " + strings.Join(v.Eligibility.Missing, "; ")
	}
	if v.Record != nil && v.Record.HeldAt(v.Eligibility.AsOf) {
		el = "held"
	}
	return CertRow{Name: v.Cert.Name, Issuer: v.Cert.Issuer, Status: st, Eligibility: el}
}

func competencyName(m *ladder.Model, key string) string {
	if c, ok := m.Competency(key); ok {
		return c.Name
	}
	return key
}

// num formats v with at most places decimals, trailing zeros dropped.
func num(v float64, places int) string {
	s := strconv.FormatFloat(v, 'f', places, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		return "0"
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
