package web

import (
	"html/template"
	"net/http"
	"sort"
	"strconv"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/charts"
	"github.com/ladderhq/ladder/internal/readiness"
)

// GapsPage lists every gap to the target role.
type GapsPage struct {
	Base
	TargetTitle string
	Grouped     bool
	ToggleURL   string
	ToggleLabel string
	Count       string // "24 of 38 requirements not yet met"
	Table       GapTable
	Groups      []GapGroup
	Bars        template.HTML
}

// GapTable is a table of gaps; grouped by area, its rows need no area
// column.
type GapTable struct {
	ShowArea bool
	Rows     []GapRow
}

// GapRow is one requirement of the target role, formatted.
type GapRow struct {
	Name       string
	AreaName   string
	Required   string
	Current    string
	Gap        string
	Importance string
	Weighted   string
	Source     string // "self-rating", "estimate" or "none"
	Basis      string
	Met        bool
}

// GapGroup is the gaps of one area.
type GapGroup struct {
	ID       string
	Name     string
	Weighted string
	Table    GapTable
	total    float64
}

// sourceLabels name the sources of a level for people.
var sourceLabels = map[string]string{
	readiness.SourceFeedback: "360 feedback",
	readiness.SourceSelf:     "self-rating",
	readiness.SourcePrior:    "estimate",
	readiness.SourceNone:     "none yet",
}

// Gaps shows the gaps, largest weighted gap first, or grouped by area with
// ?group=area.
func (wb *Web) Gaps(w http.ResponseWriter, r *http.Request) error {
	s, ok, err := wb.snapshot(w, r, "")
	if !ok {
		return err
	}
	gaps := s.Gaps()
	page := GapsPage{Base: wb.base(w, r, "Gaps", "gaps"), TargetTitle: s.Target.Title,
		Grouped: r.URL.Query().Get("group") == "area", ToggleURL: "/gaps?group=area", ToggleLabel: "Group by area",
		Bars: memoChart(s, "gaps10", func() template.HTML { return gapBars(gaps, 10, "gap-bars", "Your ten largest gaps") })}
	if page.Grouped {
		page.ToggleURL, page.ToggleLabel = "/gaps", "Show one list"
	}
	if hasPrior(gaps) {
		page.Attribution = s.Attribution
	}
	open := 0
	rows := make([]GapRow, 0, len(gaps))
	for _, g := range gaps {
		row := newGapRow(g)
		if !row.Met {
			open++
		}
		rows = append(rows, row)
	}
	page.Count = strconv.Itoa(open) + " of " + plural(len(gaps), "requirement", "requirements") + " not yet met"
	if page.Grouped {
		page.Groups = groupGaps(s.Model, gaps, rows)
	} else {
		page.Table = GapTable{ShowArea: true, Rows: rows}
	}
	return wb.render(w, r, "gaps", page)
}

func newGapRow(g readiness.Gap) GapRow {
	return GapRow{Name: g.Name, AreaName: g.AreaName, Required: strconv.Itoa(g.Required), Current: charts.Num(g.Current, 1),
		Gap: charts.Num(g.Gap, 1), Importance: strconv.Itoa(g.Importance), Weighted: charts.Num(g.WeightedGap, 2),
		Source: sourceLabels[g.Source], Basis: g.Basis, Met: g.Gap <= 0}
}

// groupGaps puts rows (parallel to gaps) into their areas, the area with
// the largest total weighted gap first (ties in model order).
func groupGaps(m *ladder.Model, gaps []readiness.Gap, rows []GapRow) []GapGroup {
	idx := map[string]int{}
	var groups []GapGroup
	for i, g := range gaps {
		k, ok := idx[g.Area]
		if !ok {
			k = len(groups)
			idx[g.Area] = k
			groups = append(groups, GapGroup{ID: "area-" + g.Area, Name: g.AreaName})
		}
		groups[k].Table.Rows = append(groups[k].Table.Rows, rows[i])
		groups[k].total += g.WeightedGap
	}
	order := map[string]int{}
	for i, a := range m.Areas {
		order["area-"+a.Key] = i
	}
	for k := range groups {
		groups[k].Weighted = charts.Num(groups[k].total, 2)
	}
	sort.SliceStable(groups, func(i, j int) bool {
		if groups[i].total != groups[j].total {
			return groups[i].total > groups[j].total
		}
		return order[groups[i].ID] < order[groups[j].ID]
	})
	return groups
}
