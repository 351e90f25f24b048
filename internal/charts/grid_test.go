package charts

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var stakeholderQuadrants = [4]string{"Keep satisfied", "Manage closely", "Monitor", "Keep informed"}

// gridSix is a stakeholder map as a new manager has it: six people, two
// on the same scores.
func gridSix() Grid {
	return Grid{ID: "stakeholders", Title: "Stakeholders by influence and interest", XLabel: "Interest", YLabel: "Influence",
		High: 3, Quadrants: stakeholderQuadrants, Points: []GridPoint{
			{Label: "Martin Keller, CIO", X: 5, Y: 5}, {Label: "Dana Ruiz, CFO", X: 2, Y: 5}, {Label: "Omar Haddad, sales", X: 5, Y: 3},
			{Label: "Julia Weber, facilities", X: 4, Y: 2}, {Label: "NetServ GmbH", X: 2, Y: 2}, {Label: "Chen Li, HR", X: 2, Y: 4},
			{Label: "Second CFO", X: 2, Y: 5},
		}}
}

// gridCrowded has nine points on one cell, the most the layout keeps apart,
// and scores outside the scale.
func gridCrowded() Grid {
	g := Grid{ID: "crowded", Title: "Crowded", XLabel: "Interest", YLabel: "Influence", Quadrants: stakeholderQuadrants}
	for i := range 9 {
		g.Points = append(g.Points, GridPoint{Label: "P" + strconv.Itoa(i), X: 5, Y: 5})
	}
	g.Points = append(g.Points, GridPoint{Label: "Under", X: 0, Y: -3}, GridPoint{Label: "Over", X: 9, Y: 1})
	return g
}

func gridHostile() Grid {
	return Grid{ID: hostile, Title: hostile, Desc: hostile, XLabel: hostile, YLabel: hostile,
		Quadrants: [4]string{hostile, hostile, hostile, hostile}, Points: []GridPoint{{Label: hostile, X: 3, Y: 3}}}
}

func gridCases() []chartCase {
	return []chartCase{
		{"grid-6", gridSix().HTML()},
		{"grid-crowded", gridCrowded().HTML()},
		{"grid-escaped", gridHostile().HTML()},
		{"grid-empty", Grid{ID: "g", Title: "Stakeholders"}.HTML()},
	}
}

// TestGridGolden keeps the grid's output under review like the other
// charts' (-update rewrites testdata/grid-*.svg).
func TestGridGolden(t *testing.T) {
	for _, c := range gridCases() {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join("testdata", c.name+".svg")
			if *update {
				if err := os.WriteFile(path, []byte(c.out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(c.out)); diff != "" {
				t.Errorf("output differs from %s (-want +got; -update rewrites):\n%s", path, diff)
			}
		})
	}
}

// TestGridWellFormed holds the grid to what every chart promises: valid
// XML with no styles, a title and desc, text inside the view and apart.
func TestGridWellFormed(t *testing.T) {
	cases := gridCases()
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 30 {
		g := gridSix()
		g.Points = nil
		for i := range 1 + n%12 {
			g.Points = append(g.Points, GridPoint{Label: strings.Repeat("Name ", 1+i%4), X: 1 + r.IntN(5), Y: 1 + r.IntN(5)})
		}
		cases = append(cases, chartCase{"grid-random-" + strconv.Itoa(n), g.HTML()})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if strings.Contains(string(c.out), "style") {
				t.Error(`"style" in output`)
			}
			s := parseSVG(t, string(c.out))
			if s.desc == "" || (s.title == "" && !strings.Contains(c.name, "empty")) {
				t.Errorf("title %q desc %q", s.title, s.desc)
			}
			const tol = 0.3
			for i, a := range s.lines {
				if a.box.x0 < s.vb.x0-tol || a.box.y0 < s.vb.y0-tol || a.box.x1 > s.vb.x1+tol || a.box.y1 > s.vb.y1+tol {
					t.Errorf("%q at %v leaves the viewBox %v", a.text, a.box, s.vb)
				}
				for _, b := range s.lines[i+1:] {
					if pad(a.box, -tol).overlaps(pad(b.box, -tol)) {
						t.Errorf("%q at %v overlaps %q at %v", a.text, a.box, b.text, b.box)
					}
				}
			}
		})
	}
}

// TestGridPlacement is a property test: for random points, every marker
// lies in its own cell (so in its quadrant), inside the plot, and no two
// markers overlap while a cell holds at most nine.
func TestGridPlacement(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for n := range 200 {
		g := Grid{Max: 5, High: 3}
		for range 1 + r.IntN(25) {
			g.Points = append(g.Points, GridPoint{Label: "x", X: r.IntN(7), Y: r.IntN(7)})
		}
		l := g.layout()
		perCell := map[[2]int]int{}
		for _, p := range l.points {
			perCell[[2]int{p.cx, p.cy}]++
		}
		for i, p := range l.points {
			in := g.Points[i]
			if want := min(max(in.X, 1), 5); p.cx != want {
				t.Fatalf("case %d: x %d clamped to %d", n, in.X, p.cx)
			}
			left, right := l.xOf(float64(p.cx)-0.5), l.xOf(float64(p.cx)+0.5)
			top, bottom := l.yOf(float64(p.cy)+0.5), l.yOf(float64(p.cy)-0.5)
			if perCell[[2]int{p.cx, p.cy}] <= 9 && (p.x-gridR < left || p.x+gridR > right || p.y-gridR < top || p.y+gridR > bottom) {
				t.Errorf("case %d: point %d at (%.1f, %.1f) leaves its cell [%.1f-%.1f]x[%.1f-%.1f]", n, i, p.x, p.y, left, right, top, bottom)
			}
			hiX, hiY := p.x > l.splitX(), p.y < l.splitY()
			if q := l.quadrant(p); hiX != (q%2 == 1) || hiY != (q < 2) {
				t.Errorf("case %d: point %d drawn outside quadrant %d", n, i, q)
			}
			for j := range i {
				o := l.points[j]
				if perCell[[2]int{p.cx, p.cy}] <= 9 && (p.x-o.x)*(p.x-o.x)+(p.y-o.y)*(p.y-o.y) < 4*gridR*gridR {
					t.Errorf("case %d: points %d and %d overlap", n, j, i)
				}
			}
		}
	}
}

func TestGridTable(t *testing.T) {
	got := gridSix().Table()
	want := Table{Caption: "Stakeholders by influence and interest", Header: []string{"#", "Name", "Influence", "Interest", "Quadrant"},
		Rows: [][]string{
			{"1", "Martin Keller, CIO", "5", "5", "Manage closely"},
			{"2", "Dana Ruiz, CFO", "5", "2", "Keep satisfied"},
			{"3", "Omar Haddad, sales", "3", "5", "Manage closely"},
			{"4", "Julia Weber, facilities", "2", "4", "Keep informed"},
			{"5", "NetServ GmbH", "2", "2", "Monitor"},
			{"6", "Chen Li, HR", "4", "2", "Keep satisfied"},
			{"7", "Second CFO", "5", "2", "Keep satisfied"},
		}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("table (-want +got):\n%s", diff)
	}
	if desc := gridSix().summary(gridSix().layout()); !strings.Contains(desc, "3 in Keep satisfied, 2 in Manage closely, 1 in Monitor, 1 in Keep informed") {
		t.Errorf("summary %q", desc)
	}
}
