package plan

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ladderhq/ladder"
)

// build turns the generator's state into the plan.
func (g *generator) build() *ladder.Plan {
	in := g.in
	p := &ladder.Plan{PersonID: in.PersonID, TargetRole: in.Target.Slug, Start: in.Start, End: in.End, GeneratedAt: in.Now}
	if ex := in.Existing; ex != nil {
		p.ID = ex.ID
		if p.PersonID == 0 {
			p.PersonID = ex.PersonID
		}
	}
	for _, gs := range g.goals {
		goal := gs.goal
		if gs.verbatim {
			goal.Actions = cloneActions(goal.Actions)
			p.Goals = append(p.Goals, goal)
			continue
		}
		goal.Actions = g.goalActions(gs)
		if gs.fresh {
			g.writeSMART(&goal, gs)
		}
		p.Goals = append(p.Goals, goal)
	}
	return p
}

// goalActions lists the kept actions in their old order, then the new ones
// by date, and numbers them.
func (g *generator) goalActions(gs *goalState) []ladder.PlanAction {
	out := cloneActions(gs.kept)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Order < out[j].Order })
	items := slices.Clone(gs.items)
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if a.due() != b.due() {
			return a.due() < b.due()
		}
		if a.s != b.s {
			return a.s < b.s
		}
		return a.seq < b.seq
	})
	for _, it := range items {
		a := it.act
		out = append(out, ladder.PlanAction{
			ID: g.oldIDs[a.Key], Key: a.Key, Title: a.Title, Kind: a.Kind, Category: a.Category,
			Competencies: slices.Clone(a.Competencies), EffortHours: a.EffortHours, DoneWhen: a.DoneWhen,
			Start: g.cal.monthStart(it.s), Due: g.cal.monthEnd(it.due()), Why: g.actionWhy(it),
			After: slices.Clone(a.After),
		})
	}
	for i := range out {
		out[i].Order = i + 1
	}
	return out
}

func cloneActions(as []ladder.PlanAction) []ladder.PlanAction {
	if as == nil {
		return nil
	}
	out := slices.Clone(as)
	for i := range out {
		out[i].Competencies = slices.Clone(out[i].Competencies)
		out[i].After = slices.Clone(out[i].After)
	}
	return out
}

// writeSMART fills the goal's SMART fields from its gap and its actions.
func (g *generator) writeSMART(goal *ladder.Goal, gs *goalState) {
	gp, name := gs.gap, g.compName(goal.Competency)
	goal.TargetDate = g.in.End
	var last time.Time
	var mix ladder.Mix
	hours := 0
	for _, a := range goal.Actions {
		if !a.Dropped {
			last = laterOf(last, a.Due)
			mix.Add(a.Kind, 1)
			hours += a.EffortHours
		}
	}
	if !last.IsZero() {
		goal.TargetDate = last
	}
	goal.Specific = g.specific(goal.Competency, goal.TargetLevel)
	goal.Measure = fmt.Sprintf("By %s a new assessment puts %s at level %d or higher: your own rating and, "+
		"where you asked for feedback, other people's. Every action below that you finish is logged as evidence.",
		day(goal.TargetDate), name, goal.TargetLevel)
	role := g.in.Target.Title
	if role == "" {
		role = g.in.Target.Slug
	}
	basis := ""
	if gp.Basis != "" {
		basis = " (" + gp.Basis + ")"
	}
	goal.Why = fmt.Sprintf("The %s role needs %s at level %d, with importance %d of 5. You are at %s%s, "+
		"so the weighted gap is %s, number %d of the %d gaps in your profile.",
		role, name, gp.Required, gp.Importance, num(gp.Current), basis, num(gp.WeightedGap), gs.rank, len(g.gaps))
	goal.Achievable = g.achievable(goal, gp.Current, mix, hours)
}

func (g *generator) specific(k string, level int) string {
	c, _ := g.in.Model.Competency(k)
	desc := strings.TrimSpace(c.Levels[level-1])
	if desc == "" {
		return fmt.Sprintf("Work at level %s in %s, as the competency model describes that level.", g.levelLabel(level), g.compName(k))
	}
	return fmt.Sprintf("Work at level %s in %s, which in practice means: %s", g.levelLabel(level), g.compName(k), lowerFirst(desc))
}

func (g *generator) achievable(goal *ladder.Goal, current float64, mix ladder.Mix, hours int) string {
	if mix.Total() == 0 && !g.catalogServes(goal.Competency) {
		return fmt.Sprintf("The action catalogue has nothing for %s yet: add actions of your own to make this goal achievable.",
			g.compName(goal.Competency))
	}
	if mix.Total() == 0 {
		return fmt.Sprintf("No action fitted into your %d hours a month beside the rest of the plan: "+
			"raise the load, lengthen the plan or drop another goal to make it achievable.", g.in.HoursPerMonth)
	}
	step := "one level"
	if goal.TargetLevel-floorLevel(current) > 1 {
		step = "two levels"
	}
	months := max(1, (days(g.in.Start, goal.TargetDate)+15)/30)
	return fmt.Sprintf("From %s to %d is %s in about %d months, realistic with steady practice. "+
		"Its %d actions (%s) take about %d hours, planned within your %d hours a month.",
		num(current), goal.TargetLevel, step, months, mix.Total(), mixText(mix), hours, g.in.HoursPerMonth)
}

func (g *generator) catalogServes(k string) bool {
	for i := range g.in.Catalog.Actions {
		if g.in.Catalog.Actions[i].Serves(k) {
			return true
		}
	}
	return false
}

// actionWhy says which gap an action serves, what its kind brings and why
// it sits where it does in the calendar.
func (g *generator) actionWhy(it *item) string {
	var b strings.Builder
	gs := it.goal
	if it.neededBy != nil {
		fmt.Fprintf(&b, "Comes first because %q builds on it; part of your %s goal.", it.neededBy.Title, g.compName(gs.goal.Competency))
	} else {
		fmt.Fprintf(&b, "Works on %s, gap number %d of %d.", g.compName(gs.goal.Competency), gs.rank, len(g.gaps))
		if also := g.alsoServes(it); len(also) > 0 {
			fmt.Fprintf(&b, " It also works on %s, also goals of this plan.", list(also))
		}
	}
	b.WriteString(" " + kindWhy(it.act.Kind) + " ")
	when := g.monthSpan(it)
	var prereqs []string
	for _, k := range it.act.After {
		if p, ok := g.chosen[k]; ok {
			prereqs = append(prereqs, strconv.Quote(p.act.Title))
		} else if p, ok := g.kept[k]; ok && !p.Done {
			prereqs = append(prereqs, strconv.Quote(p.Title))
		}
	}
	switch {
	case len(prereqs) > 0:
		fmt.Fprintf(&b, "Planned %s, after %s.", when, list(prereqs))
	case it.s == 0:
		fmt.Fprintf(&b, "Planned %s: work for the biggest gaps starts first.", when)
	default:
		fmt.Fprintf(&b, "Planned %s to spread the work evenly within your %d hours a month.", when, g.in.HoursPerMonth)
	}
	return b.String()
}

// alsoServes names the other open goals' competencies the action develops,
// in goal priority order.
func (g *generator) alsoServes(it *item) []string {
	var out []string
	for i := range g.gaps {
		k := g.gaps[i].Competency
		if k == it.goal.goal.Competency || !it.act.Serves(k) {
			continue
		}
		for _, gs := range g.goals {
			if gs.open && gs.goal.Competency == k {
				out = append(out, g.compName(k))
				break
			}
		}
	}
	return out
}

func kindWhy(kind string) string {
	switch kind {
	case ladder.Kind70:
		return "On-the-job experience, the 70 of 70-20-10: most of what managers know they learned by doing the work."
	case ladder.Kind20:
		return "Learning from others, the 20 of 70-20-10: feedback and the example of people who already do the job."
	}
	return "Formal learning, the 10 of 70-20-10: a course, a book or an exam gives a frame for what you practise."
}

func (g *generator) monthSpan(it *item) string {
	from, to := g.cal.monthStart(it.s), g.cal.monthEnd(it.due())
	switch {
	case it.n == 1:
		return "for " + from.Format("January 2006")
	case from.Year() == to.Year():
		return "from " + from.Format("January") + " to " + to.Format("January 2006")
	}
	return "from " + from.Format("January 2006") + " to " + to.Format("January 2006")
}

func (g *generator) compName(k string) string {
	if n := g.names[k]; n != "" {
		return n
	}
	return k
}

func (g *generator) levelLabel(l int) string {
	if n := g.in.Model.LevelNames[l-1]; n != "" {
		return fmt.Sprintf("%d (%s)", l, n)
	}
	return strconv.Itoa(l)
}

func mixText(m ladder.Mix) string {
	var parts []string
	if m.Experience > 0 {
		parts = append(parts, fmt.Sprintf("%d on the job", m.Experience))
	}
	if m.Others > 0 {
		parts = append(parts, fmt.Sprintf("%d with others", m.Others))
	}
	if m.Formal > 0 {
		parts = append(parts, fmt.Sprintf("%d formal", m.Formal))
	}
	return strings.Join(parts, ", ")
}

// list joins names as "a", "a and b" or "a, b and c".
func list(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func day(t time.Time) string { return t.Format("2 January 2006") }

func laterOf(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// lowerFirst lowers the first letter of a sentence unless the word is an
// acronym ("IT", "SLA").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
