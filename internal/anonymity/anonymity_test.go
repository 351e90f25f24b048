package anonymity

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// round builds answers for one competency: "p1:4" is rater p1 of the
// category given by its first letter (m, p, r, s) answering level 4.
func round(competency string, spec ...string) []Answer {
	cat := map[byte]Category{'m': Manager, 'p': Peer, 'r': Report, 's': Stakeholder}
	var out []Answer
	for _, s := range spec {
		id, lv, _ := strings.Cut(s, ":")
		out = append(out, Answer{Rater: id, Category: cat[id[0]], Competency: competency, Level: int(lv[0] - '0')})
	}
	return out
}

// shown renders a competency's cells as "group n mean" for comparison.
func shown(d Disclosure, competency string) string {
	var parts []string
	for _, c := range d.Cells[competency] {
		parts = append(parts, fmt.Sprintf("%s %d %.2f", c.Group, c.N, c.Mean))
	}
	return strings.Join(parts, ", ")
}

func TestDisclose(t *testing.T) {
	def := DefaultMinimums()
	tests := []struct {
		name    string
		m       Minimums
		answers []Answer
		want    string
	}{
		{"ManagerNamedAlone", def, round("x", "m1:4"), "manager 1 4.00"},
		{"ManagerAnonymousNeedsTwo", Minimums{Manager: 2, Peer: 3, Report: 3, Stakeholder: 3, Others: 4}, round("x", "m1:4"), ""},
		{"PeersAtMinimum", def, round("x", "p1:2", "p2:3", "p3:4"), "peer 3 3.00"},
		{"PeersUnderMinimumHidden", def, round("x", "p1:2", "p2:3"), ""},
		{"HiddenGroupsFoldWhenTogetherEnough", def, round("x", "p1:2", "p2:3", "s1:5", "s2:4"), "others 4 3.50"},
		{"FoldUnderItsMinimumStaysHidden", def, round("x", "p1:2", "p2:3", "s1:5"), ""},
		{"ShownGroupNeverFolds", def, round("x", "m1:5", "p1:2", "p2:3", "p3:3", "r1:1", "r2:2"), "manager 1 5.00, peer 3 2.67"},
		{"AllGroups", def, round("x", "m1:5", "p1:2", "p2:3", "p3:3", "r1:1", "r2:2", "r3:3", "s1:4", "s2:4", "s3:4"),
			"manager 1 5.00, peer 3 2.67, report 3 2.00, stakeholder 3 4.00"},
		{"DuplicateAnswerCountsOnce", def, round("x", "p1:5", "p1:1", "p2:3"), ""},
		{"BadLevelsIgnored", def, append(round("x", "p1:2", "p2:3"), Answer{Rater: "p3", Category: Peer, Competency: "x", Level: 9}), ""},
		{"UnknownCategoryIgnored", def, append(round("x", "p1:2", "p2:3"), Answer{Rater: "z", Category: "friend", Competency: "x", Level: 3}), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Disclose(tc.m, tc.answers, nil, "salt")
			if got := shown(d, "x"); got != tc.want {
				t.Errorf("shown %q, want %q", got, tc.want)
			}
		})
	}
}

func TestDiscloseNotObservedDoesNotCount(t *testing.T) {
	// Three peers on x, but one of them did not observe y: y has two.
	answers := append(round("x", "p1:2", "p2:3", "p3:4"), round("y", "p1:2", "p2:3")...)
	d := Disclose(DefaultMinimums(), answers, nil, "")
	if shown(d, "x") != "peer 3 3.00" || shown(d, "y") != "" {
		t.Errorf("x: %q, y: %q", shown(d, "x"), shown(d, "y"))
	}
	if d.Responded[Peer] != 3 {
		t.Errorf("responded %v", d.Responded)
	}
}

func TestComments(t *testing.T) {
	c := func(rater string, cat Category, text string) Comment {
		return Comment{Rater: rater, Category: cat, Text: text}
	}
	comments := []Comment{
		c("m1", Manager, "Runs calm incident calls."),
		c("p1", Peer, "Explains changes well."), c("p2", Peer, "Shares the load."), c("p3", Peer, "Could delegate more."),
		c("r1", Report, "Gives clear priorities."), c("r2", Report, "Sometimes fixes things himself."),
		c("s1", Stakeholder, "Answers fast."), c("s2", Stakeholder, "  "),
	}
	d := Disclose(DefaultMinimums(), nil, comments, "round-7")
	var got []string
	for _, g := range d.Comments {
		got = append(got, fmt.Sprintf("%s:%d", g.Group, len(g.Texts)))
	}
	// Reports (2) and stakeholders (1 with text) are under their minimums
	// and together three, under the fold's four: hidden.
	if strings.Join(got, " ") != "manager:1 peer:3" {
		t.Fatalf("groups %v", got)
	}
	reversed := slices.Clone(comments)
	slices.Reverse(reversed)
	again := Disclose(DefaultMinimums(), nil, reversed, "round-7")
	if !slices.Equal(d.Comments[1].Texts, again.Comments[1].Texts) {
		t.Errorf("order depends on the order of answering: %q vs %q", d.Comments[1].Texts, again.Comments[1].Texts)
	}
}

func TestMinimumsValidate(t *testing.T) {
	for _, tc := range []struct {
		m  Minimums
		ok bool
	}{
		{DefaultMinimums(), true},
		{Minimums{Manager: 1, Peer: 2, Report: 2, Stakeholder: 2, Others: 2, NameManager: true}, true},
		{Minimums{Manager: 1, Peer: 1, Report: 3, Stakeholder: 3, Others: 4, NameManager: true}, false},
		{Minimums{Manager: 1, Peer: 3, Report: 3, Stakeholder: 3, Others: 4}, false}, // an anonymous manager needs two
		{Minimums{Manager: 2, Peer: 3, Report: 3, Stakeholder: 3, Others: 1, NameManager: true}, false},
		{Minimums{Manager: 0, Peer: 3, Report: 3, Stakeholder: 3, Others: 4, NameManager: true}, false},
	} {
		if err := tc.m.Validate(); (err == nil) != tc.ok {
			t.Errorf("%+v: %v", tc.m, err)
		}
	}
}

// randomRound makes a round of up to 14 raters over four competencies, some
// of whom did not observe some competencies.
func randomRound(r *rand.Rand) []Answer {
	var out []Answer
	n := 1 + r.IntN(14)
	for i := range n {
		cat := Categories[r.IntN(len(Categories))]
		id := fmt.Sprintf("%s%d", cat, i)
		for _, comp := range []string{"a", "b", "c", "d"} {
			if r.IntN(5) == 0 {
				continue // not observed
			}
			out = append(out, Answer{Rater: id, Category: cat, Competency: comp, Level: 1 + r.IntN(5)})
		}
	}
	return out
}

func randomMinimums(r *rand.Rand) Minimums {
	m := Minimums{Manager: 1 + r.IntN(2), Peer: Floor + r.IntN(3), Report: Floor + r.IntN(3), Stakeholder: Floor + r.IntN(3),
		Others: Floor + r.IntN(4), NameManager: r.IntN(2) == 0}
	if !m.NameManager && m.Manager < Floor {
		m.Manager = Floor
	}
	return m
}

// TestAttackSingleRater tries to learn one rater's answer from what is
// shown, for thousands of random rounds and minimums, the way a person
// reading their results could:
//
//   - every shown figure must rest on at least its group's minimum of
//     raters (the named manager excepted);
//   - the groups shown for a competency must not overlap, so no figure
//     minus another isolates a smaller set of raters;
//   - changing one anonymous rater's answer may change only figures of
//     groups holding that rater, each at or over its minimum; a rater in a
//     group that is not shown changes nothing at all.
func TestAttackSingleRater(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 5000 {
		m := randomMinimums(r)
		if err := m.Validate(); err != nil {
			t.Fatal(err)
		}
		answers := randomRound(r)
		d := Disclose(m, answers, nil, "")
		members := groupsOf(m, answers)
		for comp, cells := range d.Cells {
			seen := map[string]Category{}
			for _, c := range cells {
				if c.N < m.Of(c.Group) && m.Anonymous(c.Group) {
					t.Fatalf("round %d: %s on %s shows %d raters, minimum %d", i, c.Group, comp, c.N, m.Of(c.Group))
				}
				for _, rater := range members[comp][c.Group] {
					if g, ok := seen[rater]; ok {
						t.Fatalf("round %d: rater %s counts in both %s and %s on %s", i, rater, g, c.Group, comp)
					}
					seen[rater] = c.Group
				}
				if len(members[comp][c.Group]) != c.N {
					t.Fatalf("round %d: %s on %s says %d raters, has %d", i, c.Group, comp, c.N, len(members[comp][c.Group]))
				}
			}
		}
		// Perturb each anonymous rater's answers in turn.
		for j, a := range answers {
			if !m.Anonymous(a.Category) {
				continue
			}
			changed := slices.Clone(answers)
			changed[j].Level = 1 + (a.Level % 5)
			d2 := Disclose(m, changed, nil, "")
			for comp := range union(d.Cells, d2.Cells) {
				if comp != a.Competency && shown(d, comp) != shown(d2, comp) {
					t.Fatalf("round %d: changing %s on %s moved %s", i, a.Rater, a.Competency, comp)
				}
			}
			for _, c := range d2.Cells[a.Competency] {
				before, _ := d.Cell(a.Competency, c.Group)
				if before.Mean == c.Mean {
					continue
				}
				if !slices.Contains(members[a.Competency][c.Group], a.Rater) {
					t.Fatalf("round %d: %s's answer moved %s, a group without them", i, a.Rater, c.Group)
				}
			}
		}
	}
}

// groupsOf recomputes who stands behind each shown group, per competency.
func groupsOf(m Minimums, answers []Answer) map[string]map[Category][]string {
	by := map[string]map[Category][]string{}
	for _, a := range answers {
		if by[a.Competency] == nil {
			by[a.Competency] = map[Category][]string{}
		}
		by[a.Competency][a.Category] = append(by[a.Competency][a.Category], a.Rater)
	}
	for _, gs := range by {
		var fold []string
		for _, c := range Categories {
			if len(gs[c]) < m.Of(c) {
				fold = append(fold, gs[c]...)
				delete(gs, c)
			}
		}
		if len(fold) >= m.Others {
			gs[Others] = fold
		}
	}
	return by
}

func union(a, b map[string][]Cell) map[string]bool {
	out := map[string]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

func TestOthersView(t *testing.T) {
	answers := round("x", "m1:5", "p1:2", "p2:3", "p3:4", "r1:1", "r2:1")
	d := Disclose(DefaultMinimums(), answers, nil, "")
	// The two direct reports are hidden and do not fold (two of four): the
	// view of others is the manager and the peers, never the reports.
	mean, n, ok := d.OthersView("x")
	if !ok || n != 4 || mean != 3.5 {
		t.Errorf("others view %v %d %v", mean, n, ok)
	}
	if _, _, ok := d.OthersView("nothing"); ok {
		t.Error("a competency without answers has a view")
	}
}
