package web

import (
	"fmt"
	"strings"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/charts"
	"github.com/ladderhq/ladder/internal/journal"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/readiness"
)

// OrgPersonPage is what a member shares with the viewer. Each part is
// either shared (its flag set, its data filled) or shown as not shared:
// the handler never has the data of a part that is not.
type OrgPersonPage struct {
	Base
	Org    OrgHeader
	Name   string
	Title  string
	As     string // "mentor and programme admin"
	Shared string // the parts in words
	// NoTarget says why readiness and gaps cannot be computed, when
	// they are shared.
	NoTarget string
	Target   string

	ReadinessShared bool
	Readiness       ReadinessView
	Areas           []AreaScoreRow
	Trend           []TrendRow

	GapsShared bool
	// Gaps are the requirements not met yet, largest first; Met the
	// others.
	Gaps     []GapRow
	Met      []GapRow
	GapsOpen string

	PlanShared bool
	Plan       *OrgPersonPlan

	EvidenceShared bool
	Evidence       []EvidenceView
	EvidenceCount  string

	JournalShared bool
	Journal       []JournalView
	JournalCount  string
}

// OrgPersonPlan is a shared plan: its progress and its goals.
type OrgPersonPlan struct {
	Horizon string
	Done    string // "3 of 12 actions done"
	Overdue int
	Goals   []OrgPersonGoal
}

// OrgPersonGoal is a goal of a shared plan with its actions.
type OrgPersonGoal struct {
	Name, Target string
	Done         bool
	Actions      []OrgPersonAction
}

// OrgPersonAction is an action of a shared plan, not dropped.
type OrgPersonAction struct {
	Title, Due    string
	Done, Overdue bool
}

func newOrgPersonPage(b Base, v *journey.MemberView) *OrgPersonPage {
	rel := v.Relation
	page := &OrgPersonPage{Base: b, Name: rel.Member.Name, Title: rel.Member.Title, As: ladder.AudienceRoles(rel.Audiences),
		Shared: sharedText(rel.Shared), NoTarget: v.NoTarget, Target: v.Target.Title,
		ReadinessShared: rel.Shared.Has(ladder.ShareReadiness), GapsShared: rel.Shared.Has(ladder.ShareGaps),
		PlanShared: rel.Shared.Has(ladder.SharePlan), EvidenceShared: rel.Shared.Has(ladder.ShareEvidence),
		JournalShared: rel.Shared.Has(ladder.ShareJournal)}
	page.Base.Attribution = v.Attribution
	if v.Readiness != nil {
		page.Readiness = newReadinessView(*v.Readiness)
		page.Readiness.Sources = memberSources(v.Readiness.Sources)
		for _, a := range v.Readiness.Areas {
			page.Areas = append(page.Areas, AreaScoreRow{Name: a.Name, Score: charts.Num(a.Score, 1), Confidence: charts.Num(a.Confidence, 0),
				Weighted: charts.Num(a.WeightedGap, 2), Requirements: plural(a.Requirements, "competency", "competencies")})
		}
		for _, p := range v.Trend {
			page.Trend = append(page.Trend, TrendRow{Date: p.At.Format("2 Jan 2006"), Score: charts.Num(p.Score, 1), Confidence: charts.Num(p.Confidence, 0)})
		}
	}
	for _, g := range v.Gaps {
		if row := newGapRow(g); row.Met {
			page.Met = append(page.Met, row)
		} else {
			page.Gaps = append(page.Gaps, row)
		}
	}
	page.GapsOpen = fmt.Sprintf("%d of %s not yet met", len(page.Gaps), plural(len(v.Gaps), "requirement", "requirements"))
	if v.Plan != nil {
		page.Plan = memberPlan(v)
	}
	for _, e := range v.Evidence {
		page.Evidence = append(page.Evidence, evidenceView(v.Model, e))
	}
	page.EvidenceCount = memberCount(len(v.Evidence), v.EvidenceTotal, "entry", "entries")
	if len(v.Journal) > 0 {
		if c, err := journal.Load(); err == nil {
			for _, e := range v.Journal {
				page.Journal = append(page.Journal, journalView(c, e))
			}
		}
	}
	page.JournalCount = memberCount(len(v.Journal), v.JournalTotal, "entry", "entries")
	return page
}

// memberPlan formats a shared plan, leaving out dropped actions.
func memberPlan(v *journey.MemberView) *OrgPersonPlan {
	pl, t := v.Plan, v.Progress
	today := ladder.Day(v.Today)
	out := &OrgPersonPlan{Horizon: pl.Start.Format("2 Jan 2006") + " – " + pl.End.Format("2 Jan 2006"),
		Done: fmt.Sprintf("%d of %s done", t.Done, plural(t.Total, "action", "actions")), Overdue: t.Overdue}
	for _, g := range pl.Goals {
		gv := OrgPersonGoal{Name: g.Competency, Target: fmt.Sprintf("level %d by %s", g.TargetLevel, g.TargetDate.Format("2 Jan 2006")), Done: g.Done}
		if c, ok := v.Model.Competency(g.Competency); ok {
			gv.Name = c.Name
		}
		for _, a := range g.Actions {
			if a.Dropped {
				continue
			}
			gv.Actions = append(gv.Actions, OrgPersonAction{Title: a.Title, Due: a.Due.Format("Jan 2006"), Done: a.Done,
				Overdue: !a.Done && ladder.Day(a.Due).Before(today)})
		}
		out.Goals = append(out.Goals, gv)
	}
	return out
}

// memberSources says what a member's readiness rests on, in the third
// person.
func memberSources(src map[string]int) string {
	var parts []string
	for _, s := range []struct{ key, what string }{
		{readiness.SourceFeedback, "others' feedback (360)"}, {readiness.SourceSelf, "their self-rating"},
		{readiness.SourcePrior, "an estimate from their start role"}, {readiness.SourceNone, "nothing yet (level 1)"},
	} {
		if n := src[s.key]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d on %s", n, s.what))
		}
	}
	return strings.Join(parts, ", ")
}

// memberCount says how many entries show: "2 entries", "the newest 50 of
// 80 entries".
func memberCount(shown, total int, one, many string) string {
	if shown < total {
		return fmt.Sprintf("the newest %d of %s", shown, plural(total, one, many))
	}
	return plural(total, one, many)
}
