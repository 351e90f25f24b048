// Package api holds the JSON wire types of Ladder (shared by the HTTP API and
// the CLI's --json output, so both speak the same shapes), the handlers of
// the JSON API under /api/v1 and its OpenAPI document, which is built from
// the same operation table and wire types. JSON tags live here, never on
// domain types. Besides json, wire types may carry `enum` and `doc` tags for
// the document.
package api

import (
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/readiness"
)

// Role is a role profile in lists.
type Role struct {
	Slug      string `json:"slug"`
	Title     string `json:"title"`
	Kind      string `json:"kind" enum:"start,target"`
	ONETCode  string `json:"onet_code"`
	ONETProxy string `json:"onet_proxy,omitempty"`
}

// NewRole converts a role.
func NewRole(r ladder.Role) Role {
	return Role{Slug: r.Slug, Title: r.Title, Kind: r.Kind, ONETCode: r.ONETCode, ONETProxy: r.ONETProxy}
}

// Competency is a competency in lists.
type Competency struct {
	Key         string    `json:"key"`
	Name        string    `json:"name"`
	Area        string    `json:"area"`
	AreaName    string    `json:"area_name"`
	Description string    `json:"description"`
	Levels      [5]string `json:"levels"`
}

// NewCompetency converts a competency.
func NewCompetency(m *ladder.Model, c ladder.Competency) Competency {
	a, _ := m.Area(c.Area)
	return Competency{Key: c.Key, Name: c.Name, Area: c.Area, AreaName: a.Name, Description: c.Description, Levels: c.Levels}
}

// Person is a profile.
type Person struct {
	ID         int64     `json:"id"`
	Name       string    `json:"name"`
	Email      string    `json:"email"`
	StartRole  string    `json:"start_role"`
	TargetRole string    `json:"target_role"`
	CreatedAt  time.Time `json:"created_at"`
}

// NewPerson converts a person.
func NewPerson(p *ladder.Person) Person {
	return Person{ID: p.ID, Name: p.Name, Email: p.Email, StartRole: p.StartRole, TargetRole: p.TargetRole, CreatedAt: p.CreatedAt}
}

// Assessment is one assessment with its ratings.
type Assessment struct {
	ID          int64      `json:"id"`
	Kind        string     `json:"kind" enum:"self"`
	TargetRole  string     `json:"target_role"`
	StartedAt   time.Time  `json:"started_at"`
	CompletedAt *time.Time `json:"completed_at" doc:"null while the assessment is a draft"`
	Ratings     []Rating   `json:"ratings"`
}

// Rating is one rating; Level 0 means "not sure".
type Rating struct {
	Competency string `json:"competency"`
	Level      int    `json:"level" doc:"1-5, or 0 for not sure"`
	Note       string `json:"note,omitempty"`
}

// NewAssessment converts an assessment.
func NewAssessment(a *ladder.Assessment) Assessment {
	out := Assessment{ID: a.ID, Kind: a.Kind, TargetRole: a.TargetRole, StartedAt: a.StartedAt, Ratings: []Rating{}}
	if a.Completed() {
		t := a.CompletedAt
		out.CompletedAt = &t
	}
	for _, r := range a.Ratings {
		out.Ratings = append(out.Ratings, Rating{Competency: r.Competency, Level: r.Level, Note: r.Note})
	}
	return out
}

// Gap is one row of `ladder gaps --json` and GET /api/v1/gaps.
type Gap struct {
	Competency  string  `json:"competency"`
	Name        string  `json:"name"`
	Area        string  `json:"area"`
	AreaName    string  `json:"area_name"`
	Required    int     `json:"required"`
	Current     float64 `json:"current"`
	Gap         float64 `json:"gap"`
	Importance  int     `json:"importance"`
	WeightedGap float64 `json:"weighted_gap"`
	Source      string  `json:"source" enum:"360,self,prior,none"`
	Basis       string  `json:"basis"`
}

// NewGaps converts gaps, keeping their order.
func NewGaps(gs []readiness.Gap) []Gap {
	out := make([]Gap, 0, len(gs))
	for _, g := range gs {
		out = append(out, Gap(g))
	}
	return out
}

// Readiness is `ladder readiness --json`.
type Readiness struct {
	Target          string         `json:"target"`
	TargetTitle     string         `json:"target_title"`
	Score           float64        `json:"score"`
	Confidence      float64        `json:"confidence"`
	ConfidenceLabel string         `json:"confidence_label" enum:"low,medium,high"`
	TotalGap        float64        `json:"total_weighted_gap"`
	Areas           []AreaScore    `json:"areas"`
	Sources         map[string]int `json:"sources"`
	Trend           []TrendPoint   `json:"trend,omitempty"`
	Method          string         `json:"method"`
	// Attribution credits O*NET when estimates from O*NET data count
	// (API only; the CLI prints it as text).
	Attribution string `json:"attribution,omitempty"`
}

// AreaScore is readiness within one area.
type AreaScore struct {
	Area         string  `json:"area"`
	Name         string  `json:"name"`
	Score        float64 `json:"score"`
	Confidence   float64 `json:"confidence"`
	WeightedGap  float64 `json:"weighted_gap"`
	Requirements int     `json:"requirements"`
}

// TrendPoint is readiness at one date.
type TrendPoint struct {
	At         time.Time `json:"at"`
	Score      float64   `json:"score"`
	Confidence float64   `json:"confidence"`
}

// ReadinessMethod says in one line what the score is built from.
const ReadinessMethod = "score = 100 x (1 - sum(importance x shortfall) / sum(importance x (required - 1))); " +
	"confidence = importance-weighted mean of source confidence (self-rating 40, estimate 15, none 0, plus up to 15 from logged evidence); " +
	"evidence lifts a level by at most 0.5; see docs/readiness.md"

// NewReadiness converts a readiness result and its trend.
func NewReadiness(r readiness.Result, trend []readiness.Point) Readiness {
	out := Readiness{Target: r.Target, TargetTitle: r.TargetTitle, Score: r.Score, Confidence: r.Confidence,
		ConfidenceLabel: r.ConfidenceLabel, TotalGap: r.TotalGap, Sources: r.Sources, Method: ReadinessMethod,
		Areas: make([]AreaScore, 0, len(r.Areas))}
	for _, a := range r.Areas {
		out.Areas = append(out.Areas, AreaScore(a))
	}
	for _, p := range trend {
		out.Trend = append(out.Trend, TrendPoint(p))
	}
	return out
}
