// Package anonymity decides what of a round of 360 feedback may be shown:
// which groups of raters, per competency, have enough answers to be shown as
// an aggregate, what folds into "others", and which comments may be shown.
//
// The rule is written down in docs/anonymity.md. Its one guarantee: every
// figure Disclose returns is an aggregate over a group of at least that
// group's minimum of raters (or the named manager), and the groups shown
// for a competency never overlap, so no figure can be subtracted from
// another to isolate a smaller group. Everything a caller derives (areas,
// "all others", blind spots, trends) must be computed from the Disclosure
// alone, never from the answers, so it inherits the guarantee.
package anonymity

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
)

// Category is the rater's relation to the person rated.
type Category string

// The rater categories. A rater belongs to exactly one.
const (
	Manager     Category = "manager"
	Peer        Category = "peer"
	Report      Category = "report" // a direct report
	Stakeholder Category = "stakeholder"
)

// Others is the group hidden categories fold into when, together, they
// reach the Others minimum.
const Others Category = "others"

// Categories lists the rater categories in the order results show them.
var Categories = []Category{Manager, Peer, Report, Stakeholder}

// Groups lists every group a Disclosure may show, in order.
var Groups = []Category{Manager, Peer, Report, Stakeholder, Others}

// Valid reports whether c is a rater category.
func (c Category) Valid() bool { return slices.Contains(Categories, c) }

// Floor is the lowest minimum an anonymous group may have: with one rater
// the aggregate is that rater's answer.
const Floor = 2

// Minimums are the numbers of raters a group needs before it is shown.
type Minimums struct {
	Manager     int
	Peer        int
	Report      int
	Stakeholder int
	Others      int
	// NameManager shows the manager's group as "your manager": raters in it
	// are told so before they answer, and its minimum may be 1. When false
	// the manager's group is anonymous like the others.
	NameManager bool
}

// DefaultMinimums are the minimums of a new organisation: the manager may be
// named, peers, direct reports and stakeholders need three each, and the
// hidden groups folded together need four.
func DefaultMinimums() Minimums {
	return Minimums{Manager: 1, Peer: 3, Report: 3, Stakeholder: 3, Others: 4, NameManager: true}
}

// Of returns the minimum of group g.
func (m Minimums) Of(g Category) int {
	switch g {
	case Manager:
		return m.Manager
	case Peer:
		return m.Peer
	case Report:
		return m.Report
	case Stakeholder:
		return m.Stakeholder
	case Others:
		return m.Others
	}
	return 1 << 30 // an unknown group is never shown
}

// Anonymous reports whether group g hides who answered.
func (m Minimums) Anonymous(g Category) bool { return g != Manager || !m.NameManager }

// Validate refuses minimums that would let one rater be singled out: every
// anonymous group needs at least Floor raters, the named manager one.
func (m Minimums) Validate() error {
	var bad []string
	for _, g := range Groups {
		min := Floor
		if !m.Anonymous(g) {
			min = 1
		}
		if n := m.Of(g); n < min || n > 50 {
			bad = append(bad, fmt.Sprintf("%s: must be %d-50", g, min))
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("anonymity minimums: %s", strings.Join(bad, "; "))
	}
	return nil
}

// Answer is one rater's level for one competency. "Not observed" is not an
// answer: leave it out, and the rater does not count for that competency.
type Answer struct {
	Rater      string // an opaque id, the same for all of a rater's answers
	Category   Category
	Competency string
	Level      int // 1-5
}

// Comment is one rater's comment, about a competency or ("") in general.
type Comment struct {
	Rater      string
	Category   Category
	Competency string
	Text       string
}

// Cell is a shown aggregate: one group's answers for one competency.
type Cell struct {
	Group Category
	N     int     // raters in the group who answered
	Mean  float64 // their mean level
	sum   int
}

// Sum returns the sum of the levels, for callers that combine cells.
func (c Cell) Sum() int { return c.sum }

// CommentGroup is a shown set of comments of one group about one
// competency ("" for general comments), in an order that says nothing about
// who wrote which or when.
type CommentGroup struct {
	Competency string
	Group      Category
	Texts      []string
}

// Disclosure is everything of a round that may be shown.
type Disclosure struct {
	Minimums Minimums
	// Cells holds the shown groups per competency, in Groups order; a
	// competency with nothing shown is absent.
	Cells map[string][]Cell
	// Comments holds the shown comment groups, by competency then group.
	Comments []CommentGroup
	// Responded counts the raters with at least one answer or comment, per
	// category. Counts are shown to the person (never who answered).
	Responded map[Category]int
}

// Disclose applies the rule to a round's answers and comments. Duplicate
// answers of one rater for one competency count once (the first). salt
// orders the comments: the same round always shows them in the same order,
// an order unrelated to raters or to the order of answering.
func Disclose(m Minimums, answers []Answer, comments []Comment, salt string) Disclosure {
	d := Disclosure{Minimums: m, Cells: map[string][]Cell{}, Responded: map[Category]int{}}
	responded := map[string]Category{}

	// byComp[competency][category] = levels, one per rater.
	type group struct {
		raters map[string]bool
		sum    int
	}
	byComp := map[string]map[Category]*group{}
	for _, a := range answers {
		if !a.Category.Valid() || a.Level < 1 || a.Level > 5 || a.Rater == "" || a.Competency == "" {
			continue
		}
		responded[a.Rater] = a.Category
		gs := byComp[a.Competency]
		if gs == nil {
			gs = map[Category]*group{}
			byComp[a.Competency] = gs
		}
		g := gs[a.Category]
		if g == nil {
			g = &group{raters: map[string]bool{}}
			gs[a.Category] = g
		}
		if g.raters[a.Rater] {
			continue
		}
		g.raters[a.Rater] = true
		g.sum += a.Level
	}
	for comp, gs := range byComp {
		var cells []Cell
		var fold Cell
		fold.Group = Others
		for _, c := range Categories {
			g := gs[c]
			if g == nil {
				continue
			}
			n := len(g.raters)
			if n >= m.Of(c) {
				cells = append(cells, Cell{Group: c, N: n, sum: g.sum})
			} else {
				fold.N += n
				fold.sum += g.sum
			}
		}
		// The hidden groups show together or not at all: nothing else is
		// computed over them, so no shown figure minus another reveals them.
		if fold.N > 0 && fold.N >= m.Others {
			cells = append(cells, fold)
		}
		for i := range cells {
			cells[i].Mean = float64(cells[i].sum) / float64(cells[i].N)
		}
		if len(cells) > 0 {
			d.Cells[comp] = cells
		}
	}

	// Comments follow the same rule, counted in commenters per competency.
	type texts struct {
		raters map[string]bool
		texts  []string
	}
	byTopic := map[string]map[Category]*texts{}
	for _, c := range comments {
		t := strings.TrimSpace(c.Text)
		if !c.Category.Valid() || c.Rater == "" || t == "" {
			continue
		}
		responded[c.Rater] = c.Category
		gs := byTopic[c.Competency]
		if gs == nil {
			gs = map[Category]*texts{}
			byTopic[c.Competency] = gs
		}
		g := gs[c.Category]
		if g == nil {
			g = &texts{raters: map[string]bool{}}
			gs[c.Category] = g
		}
		g.raters[c.Rater] = true
		g.texts = append(g.texts, t)
	}
	topics := make([]string, 0, len(byTopic))
	for t := range byTopic {
		topics = append(topics, t)
	}
	slices.Sort(topics)
	for _, topic := range topics {
		gs := byTopic[topic]
		fold := CommentGroup{Competency: topic, Group: Others}
		folded := 0
		for _, c := range Categories {
			g := gs[c]
			if g == nil {
				continue
			}
			if len(g.raters) >= m.Of(c) {
				d.Comments = append(d.Comments, CommentGroup{Competency: topic, Group: c, Texts: shuffle(g.texts, salt)})
			} else {
				folded += len(g.raters)
				fold.Texts = append(fold.Texts, g.texts...)
			}
		}
		if folded > 0 && folded >= m.Others {
			fold.Texts = shuffle(fold.Texts, salt)
			d.Comments = append(d.Comments, fold)
		}
	}
	for _, c := range responded {
		d.Responded[c]++
	}
	return d
}

// shuffle orders texts by a keyed hash of their content: stable for a
// round, unrelated to who wrote them or when.
func shuffle(in []string, salt string) []string {
	out := slices.Clone(in)
	key := func(s string) uint64 {
		h := sha256.Sum256([]byte(salt + "\x00" + s))
		return binary.BigEndian.Uint64(h[:8])
	}
	slices.SortStableFunc(out, func(a, b string) int {
		ka, kb := key(a), key(b)
		switch {
		case ka < kb:
			return -1
		case ka > kb:
			return 1
		}
		return strings.Compare(a, b)
	})
	return out
}

// OthersView returns the view of everyone but the person on a competency: the
// shown cells combined. It is computed from shown cells only, so it reveals
// nothing the cells do not. ok is false when nothing is shown.
func (d Disclosure) OthersView(competency string) (mean float64, n int, ok bool) {
	sum := 0
	for _, c := range d.Cells[competency] {
		sum += c.sum
		n += c.N
	}
	if n == 0 {
		return 0, 0, false
	}
	return float64(sum) / float64(n), n, true
}

// Cell returns the shown cell of group g for a competency, if any.
func (d Disclosure) Cell(competency string, g Category) (Cell, bool) {
	for _, c := range d.Cells[competency] {
		if c.Group == g {
			return c, true
		}
	}
	return Cell{}, false
}
