package charts

import (
	"encoding/xml"
	"flag"
	"html/template"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// Rewrite the golden files with
//
//	go test ./internal/charts -run TestGolden -update
var update = flag.Bool("update", false, "rewrite testdata/*.svg from the current output")

// hostile is text a user or a data file might put in any label.
const hostile = `<script>alert("x&y")</script> 'q' & "dq"`

// chartCase is a chart as a test sees it: a name and its markup.
type chartCase struct {
	name string
	out  template.HTML
}

// goldenCases are the charts kept in testdata; every test that walks
// output walks them.
func goldenCases() []chartCase {
	return []chartCase{
		{"radar-8", radar8().HTML()},
		{"radar-3", radarN(3, longAreas, 0).HTML()},
		{"radar-12-long", radarN(12, longAreas, 0).HTML()},
		{"radar-clamped-nan", radarEdge().HTML()},
		{"radar-escaped", radarHostile().HTML()},
		{"radar-empty", Radar{ID: "r", Title: "Areas"}.HTML()},
		{"line-1", lineN(1, 30*day).HTML()},
		{"line-2", lineN(2, 30*day).HTML()},
		{"line-6", line6().HTML()},
		{"line-50", lineN(50, 7*day).HTML()},
		{"line-clamped-nan", lineEdge().HTML()},
		{"line-escaped", lineHostile().HTML()},
		{"line-empty", Line{ID: "l", Title: "Readiness"}.HTML()},
		{"bars-12", bars12().HTML()},
		{"bars-plain", barsPlain().HTML()},
		{"bars-clamped-nan", barsEdge().HTML()},
		{"bars-escaped", barsHostile().HTML()},
		{"bars-empty", Bars{ID: "b", Title: "Gaps"}.HTML()},
		{"empty-message", Empty("e", "Feedback", "Waiting for 3 raters")},
	}
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases() {
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

func TestDeterministic(t *testing.T) {
	a, b := goldenCases(), goldenCases()
	for i := range a {
		if a[i].out != b[i].out {
			t.Errorf("%s: two renderings differ", a[i].name)
		}
	}
}

// TestWellFormed walks every chart with encoding/xml and checks what the
// CSP and assistive technology need.
func TestWellFormed(t *testing.T) {
	for _, c := range append(goldenCases(), stressCases()...) {
		t.Run(c.name, func(t *testing.T) {
			if strings.Contains(string(c.out), "style") {
				t.Error(`"style" in output`)
			}
			s := parseSVG(t, string(c.out))
			for _, want := range []string{"title", "desc"} {
				id := s.root[attrOf(s.rootEl, "id")+"-"+want]
				if id != want {
					t.Errorf("no <%s id=%q>", want, attrOf(s.rootEl, "id")+"-"+want)
				}
			}
			if got := attrOf(s.rootEl, "role"); got != "img" {
				t.Errorf("role = %q, want img", got)
			}
			for _, ref := range strings.Fields(attrOf(s.rootEl, "aria-labelledby")) {
				if s.root[ref] == "" {
					t.Errorf("aria-labelledby names %q, which no element has", ref)
				}
			}
			if s.title == "" && !strings.Contains(c.name, "empty") {
				t.Error("empty <title>")
			}
			if s.desc == "" {
				t.Error("empty <desc>")
			}
		})
	}
}

// TestTextDoesNotOverlap measures every line of text with the layout model
// (runes x font size x 0.6 wide, 1.2 x font size tall) and checks that no
// two lines overlap and that all lie inside the viewBox.
func TestTextDoesNotOverlap(t *testing.T) {
	for _, c := range append(goldenCases(), stressCases()...) {
		t.Run(c.name, func(t *testing.T) {
			s := parseSVG(t, string(c.out))
			const tol = 0.3 // coordinates are rounded to 0.1
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

func TestEscaping(t *testing.T) {
	for _, c := range []chartCase{
		{"radar", radarHostile().HTML()},
		{"line", lineHostile().HTML()},
		{"bars", barsHostile().HTML()},
		{"empty", Empty(hostile, hostile, hostile)},
		{"control", Radar{ID: "c", Title: "a\x00b\x1b\xff\ufffe", Axes: []string{"x\x01", "y\xfe", "z"}, Series: []Series{{Name: "\x7f", Values: []float64{1, 2, 3}}}}.HTML()},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := string(c.out)
			if strings.Contains(out, "<script") {
				t.Error("<script> reached the output unescaped")
			}
			s := parseSVG(t, out)
			id := attrOf(s.rootEl, "id")
			if strings.ContainsAny(id, `<>"'& `) {
				t.Errorf("id %q is not cleaned", id)
			}
			if c.name != "control" && s.title != hostile {
				t.Errorf("title = %q, want %q back", s.title, hostile)
			}
			if !utf8.ValidString(s.title) {
				t.Errorf("title %q is not valid UTF-8", s.title)
			}
		})
	}
}

func TestNum(t *testing.T) {
	tests := []struct {
		v        float64
		decimals int
		want     string
	}{
		{2.5, 2, "2.5"},
		{2.50001, 2, "2.5"},
		{3, 1, "3"},
		{100, 1, "100"},
		{-1.5, 2, "-1.5"},
		{-0.0001, 2, "0"},
		{1234.56, 1, "1234.6"},
		{0.333333, 2, "0.33"},
		{7.96, 1, "8"},
		{12, 0, "12"},
		{math.NaN(), 2, "–"},
		{math.Inf(1), 2, "–"},
	}
	for _, tt := range tests {
		if got := Num(tt.v, tt.decimals); got != tt.want {
			t.Errorf("Num(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.want)
		}
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		chars int
		lines int
		want  []string
		cut   bool
	}{
		{"Short", "Communication", 16, 3, []string{"Communication"}, false},
		{"TwoLines", "Leadership and team management", 16, 3, []string{"Leadership and", "team management"}, false},
		{"Hyphen", "Decision-making and problem-solving", 16, 3, []string{"Decision-making", "and problem-", "solving"}, false},
		{"Cut", "Explaining technical concepts to non-technical people", 16, 3, []string{"Explaining", "technical", "concepts to non…"}, true},
		{"LongWord", "Abcdefghijklmnopqrstuvwxyz", 10, 3, []string{"Abcdefghij", "klmnopqrst", "uvwxyz"}, false},
		{"LongWordCut", "Abcdefghijklmnopqrstuvwxyz0123456789", 10, 3, []string{"Abcdefghij", "klmnopqrst", "uvwxyz012…"}, true},
		{"Spaces", "  a \n\t b  ", 16, 3, []string{"a b"}, false},
		{"Empty", "", 16, 3, nil, false},
		{"Runes", "Äöü ßéè çñ", 4, 3, []string{"Äöü", "ßéè", "çñ"}, false},
		{"NoBreakSpace", "IT\u00a0service management", 12, 3, []string{"IT\u00a0service", "management"}, false},
		{"Hyphens", "a--b -c d-", 3, 5, []string{"a-", "-b", "-c", "d-"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cut := wrap(tt.in, tt.chars, tt.lines)
			if diff := cmp.Diff(tt.want, got); diff != "" || cut != tt.cut {
				t.Errorf("wrap(%q) cut %v, want %v; lines (-want +got):\n%s", tt.in, cut, tt.cut, diff)
			}
			for _, l := range got {
				if n := utf8.RuneCountInString(l); n > tt.chars {
					t.Errorf("line %q has %d runes, more than %d", l, n, tt.chars)
				}
			}
		})
	}
}

// parsed is what the tests read back from a chart.
type parsed struct {
	rootEl      xml.StartElement
	vb          box
	root        map[string]string // id -> element name
	title, desc string            // the root's
	lines       []textLine
}

type textLine struct {
	text string
	box  box
}

// parseSVG decodes out strictly, failing the test on malformed XML, on any
// style attribute, <style> or <script> element or event handler, and
// returns the text lines as the layout model measures them.
func parseSVG(t *testing.T, out string) parsed {
	t.Helper()
	p := parsed{root: map[string]string{}}
	d := xml.NewDecoder(strings.NewReader(out))
	type frame struct {
		name         string
		fontSize     float64
		anchor, x, y string
	}
	var stack []frame
	var cur *textLine // the line being read
	var curFS float64
	var curAnchor string
	var curX, curY float64
	finish := func() {
		if cur != nil && cur.text != "" {
			w := float64(utf8.RuneCountInString(cur.text)) * curFS * charWidth
			x0 := curX
			switch curAnchor {
			case "middle":
				x0 -= w / 2
			case "end":
				x0 -= w
			}
			cur.box = box{x0, curY - ascent*curFS, x0 + w, curY + (lineHeight-ascent)*curFS}
			p.lines = append(p.lines, *cur)
		}
		cur = nil
	}
	inTitle := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("malformed XML: %v\n%s", err, out)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			f := frame{name: tok.Name.Local}
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				f.fontSize, f.anchor = top.fontSize, top.anchor
			} else {
				p.rootEl = tok.Copy()
				p.vb = parseViewBox(t, attrOf(tok, "viewBox"))
			}
			switch f.name {
			case "style", "script", "foreignObject":
				t.Errorf("<%s> element in output", f.name)
			}
			for _, a := range tok.Attr {
				switch {
				case a.Name.Local == "style":
					t.Errorf("style attribute on <%s>", f.name)
				case strings.HasPrefix(a.Name.Local, "on"):
					t.Errorf("event handler %s on <%s>", a.Name.Local, f.name)
				case a.Name.Local == "font-size":
					f.fontSize = mustFloat(t, a.Value)
				case a.Name.Local == "text-anchor":
					f.anchor = a.Value
				case a.Name.Local == "id":
					p.root[a.Value] = f.name
				case a.Name.Local == "x":
					f.x = a.Value
				case a.Name.Local == "y":
					f.y = a.Value
				}
			}
			stack = append(stack, f)
			switch f.name {
			case "title":
				inTitle++
			case "text", "tspan":
				if f.x != "" {
					finish()
					cur = &textLine{}
					curFS, curAnchor = f.fontSize, f.anchor
					curX, curY = mustFloat(t, f.x), mustFloat(t, f.y)
					if curFS == 0 {
						t.Errorf("<%s> without a font size", f.name)
					}
				}
			}
		case xml.EndElement:
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch f.name {
			case "title":
				inTitle--
			case "text", "tspan":
				finish()
			}
		case xml.CharData:
			if len(stack) == 2 && stack[1].name == "title" {
				p.title += string(tok)
			}
			if len(stack) == 2 && stack[1].name == "desc" {
				p.desc += string(tok)
			}
			if cur != nil && inTitle == 0 {
				cur.text += string(tok)
			}
		}
	}
	if p.rootEl.Name.Local != "svg" {
		t.Fatalf("root element is <%s>, want <svg>", p.rootEl.Name.Local)
	}
	return p
}

func attrOf(el xml.StartElement, name string) string {
	for _, a := range el.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func parseViewBox(t *testing.T, s string) box {
	f := strings.Fields(s)
	if len(f) != 4 {
		t.Fatalf("viewBox %q", s)
	}
	x, y := mustFloat(t, f[0]), mustFloat(t, f[1])
	return box{x, y, x + mustFloat(t, f[2]), y + mustFloat(t, f[3])}
}

func mustFloat(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || !finite(v) {
		t.Fatalf("number %q: %v", s, err)
	}
	return v
}

// stressCases are charts at the edges of what the layouts promise, checked
// like the golden ones but not kept.
func stressCases() []chartCase {
	var cs []chartCase
	for n := 1; n <= 14; n++ {
		for k, labels := range [][]string{longAreas, worstLabels, shortLabels} {
			for _, off := range []int{0, 3} {
				cs = append(cs, chartCase{"radar-" + strconv.Itoa(n) + "-" + strconv.Itoa(k) + "-" + strconv.Itoa(off), radarN(n, labels, off).HTML()})
			}
		}
	}
	for _, n := range []int{1, 2, 3, 6, 12, 20, 50, 120} {
		for _, step := range []int64{1, 3600, day, 3 * day, 7 * day, 30 * day, 365 * day, 3650 * day} {
			cs = append(cs, chartCase{"line-" + strconv.Itoa(n) + "x" + strconv.FormatInt(step, 10), lineN(n, step).HTML()})
		}
	}
	wide := radarN(3, shortLabels, 0)
	wide.Series[0].Name = strings.Repeat("Long series name ", 5)
	cs = append(cs, chartCase{"radar-wide-legend", wide.HTML()}, chartCase{"line-zigzag", lineZigzag().HTML()})
	for _, n := range []int{1, 2, 20, 40} {
		cs = append(cs, chartCase{"bars-" + strconv.Itoa(n), barsN(n).HTML()})
	}
	return cs
}

func BenchmarkNum(b *testing.B) {
	for b.Loop() {
		Num(3.25, 2)
	}
}
