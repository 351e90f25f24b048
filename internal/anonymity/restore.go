package anonymity

import (
	"fmt"
	"slices"
)

// Shown is a cell as it is kept after a round closes: the group, how many
// raters it holds and the sum of their levels (the mean is Sum/N).
type Shown struct {
	Competency string
	Group      Category
	N          int
	Sum        int
}

// Shown lists the shown cells of d in a stable order (competency, then
// Groups order), as they are kept once a round closes.
func (d Disclosure) Shown() []Shown {
	comps := make([]string, 0, len(d.Cells))
	for c := range d.Cells {
		comps = append(comps, c)
	}
	slices.Sort(comps)
	var out []Shown
	for _, comp := range comps {
		for _, c := range d.Cells[comp] {
			out = append(out, Shown{Competency: comp, Group: c.Group, N: c.N, Sum: c.sum})
		}
	}
	return out
}

// Restore rebuilds a Disclosure from what an earlier Disclose showed (kept
// when a round closed, or carried by an export). It refuses anything
// Disclose could not have produced under m: a group below its minimum, a
// sum no levels of 1-5 give, a group twice for a competency, an "others"
// group beside all four categories. So a restored Disclosure keeps the
// guarantee of the package: every figure is an aggregate over at least a
// group's minimum of raters.
func Restore(m Minimums, cells []Shown, comments []CommentGroup, responded map[Category]int) (Disclosure, error) {
	if err := m.Validate(); err != nil {
		return Disclosure{}, err
	}
	d := Disclosure{Minimums: m, Cells: map[string][]Cell{}, Responded: map[Category]int{}}
	for _, s := range cells {
		if s.Competency == "" {
			return Disclosure{}, fmt.Errorf("a shown group has no competency")
		}
		if !slices.Contains(Groups, s.Group) {
			return Disclosure{}, fmt.Errorf("%s: unknown group %q", s.Competency, s.Group)
		}
		if s.N < m.Of(s.Group) {
			return Disclosure{}, fmt.Errorf("%s: the %s group has %d raters, under its minimum of %d", s.Competency, s.Group, s.N, m.Of(s.Group))
		}
		if s.Sum < s.N || s.Sum > 5*s.N {
			return Disclosure{}, fmt.Errorf("%s: the %s group's sum %d is not %d levels of 1-5", s.Competency, s.Group, s.Sum, s.N)
		}
		if _, dup := d.Cell(s.Competency, s.Group); dup {
			return Disclosure{}, fmt.Errorf("%s: the %s group is listed twice", s.Competency, s.Group)
		}
		d.Cells[s.Competency] = append(d.Cells[s.Competency], Cell{Group: s.Group, N: s.N, Mean: float64(s.Sum) / float64(s.N), sum: s.Sum})
	}
	for comp, cs := range d.Cells {
		// Disclose appends in Groups order; keep that order whatever the input's.
		slices.SortFunc(cs, func(a, b Cell) int { return slices.Index(Groups, a.Group) - slices.Index(Groups, b.Group) })
		if len(cs) == len(Groups) {
			return Disclosure{}, fmt.Errorf("%s: an others group cannot be shown beside every category", comp)
		}
	}
	for _, g := range comments {
		if !slices.Contains(Groups, g.Group) {
			return Disclosure{}, fmt.Errorf("comments: unknown group %q", g.Group)
		}
		if len(g.Texts) == 0 {
			return Disclosure{}, fmt.Errorf("comments: the %s group on %q has no text", g.Group, g.Competency)
		}
		d.Comments = append(d.Comments, CommentGroup{Competency: g.Competency, Group: g.Group, Texts: slices.Clone(g.Texts)})
	}
	for c, n := range responded {
		if !c.Valid() || n < 0 {
			return Disclosure{}, fmt.Errorf("responded: bad count %d for %q", n, c)
		}
		if n > 0 {
			d.Responded[c] = n
		}
	}
	return d, nil
}
