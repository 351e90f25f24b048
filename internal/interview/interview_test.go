package interview

import (
	"slices"
	"strings"
	"testing"
)

func TestLoadCounts(t *testing.T) {
	b, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Questions) < 56 {
		t.Errorf("got %d questions, want at least 56", len(b.Questions))
	}
	required := []string{"leadership", "conflict", "delegation", "budget", "vendors",
		"strategy", "stakeholders", "change", "failure", "why-management"}
	for _, c := range required {
		if got := len(b.ByCategory(c)); got < 5 {
			t.Errorf("category %s: %d questions, want at least 5", c, got)
		}
	}
	for _, c := range Categories {
		t.Logf("%-20s %d", c, len(b.ByCategory(c)))
	}
	if b2, _ := Load(); b2 != b {
		t.Error("Load should return the same bank each time")
	}
}

func TestParseErrors(t *testing.T) {
	const bad = `
questions:
  - key: a
    category: leadership
    question: Q?
    what_it_probes: p
    strong_answer: s
    competencies: [delegation]
    roles: [it-manager]
  - key: a
    category: astrology
    question: ""
    what_it_probes: p
    strong_answer: s
    competencies: [juggling]
    roles: [wizard]
`
	_, err := Parse("bad.yaml", []byte(bad))
	if err == nil {
		t.Fatal("want error")
	}
	for _, want := range []string{
		"bad.yaml", "duplicate key", `unknown category "astrology"`, "question is empty",
		`unknown competency "juggling"`, `unknown role "wizard"`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}

	cases := map[string]string{
		"unknown field": "questions:\n  - key: a\n    colour: red\n",
		"empty":         "questions: []\n",
		"syntax":        "questions: [\n",
		"no fields":     "questions:\n  - key: x\n",
	}
	for name, src := range cases {
		if _, err := Parse(name, []byte(src)); err == nil {
			t.Errorf("%s: want error", name)
		}
	}

	const good = `
questions:
  - key: a
    category: budget
    question: Q?
    what_it_probes: p
    strong_answer: s
    competencies: [budgeting]
    roles: [cio]
`
	b, err := Parse("good.yaml", []byte(good))
	if err != nil || len(b.Questions) != 1 {
		t.Fatalf("good: %v", err)
	}
}

func keys(qs []Question) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.Key
	}
	return out
}

func TestForRole(t *testing.T) {
	b, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []string{"team-lead", "it-project-manager", "it-manager", "it-director", "cio"} {
		qs := b.ForRole(r)
		if len(qs) < 10 {
			t.Errorf("%s: only %d questions", r, len(qs))
		}
		for _, q := range qs {
			if !slices.Contains(q.Roles, r) {
				t.Errorf("%s: %s does not suit the role", r, q.Key)
			}
		}
		if !slices.Equal(keys(qs), keys(b.ForRole(r))) {
			t.Errorf("%s: not deterministic", r)
		}
	}
	if got := b.ForRole("help-desk"); len(got) != 0 {
		t.Errorf("help-desk: got %d", len(got))
	}
}

func TestForCompetencies(t *testing.T) {
	b, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	ks := []string{"budgeting", "vendor-management"}
	first := b.ForCompetencies(ks, 5)
	if len(first) != 5 {
		t.Fatalf("got %d, want 5", len(first))
	}
	for i := 0; i < 20; i++ {
		if !slices.Equal(keys(first), keys(b.ForCompetencies(ks, 5))) {
			t.Fatal("not deterministic")
		}
	}
	// Questions covering both keys rank first; then budgeting beats vendors.
	top := first[0]
	if !slices.Contains(top.Competencies, "budgeting") || !slices.Contains(top.Competencies, "vendor-management") {
		t.Errorf("top %s should cover both competencies", top.Key)
	}
	all := b.ForCompetencies(ks, 0)
	prev := 1 << 30
	for _, q := range all {
		s := 0
		if slices.Contains(q.Competencies, "budgeting") {
			s += 2
		}
		if slices.Contains(q.Competencies, "vendor-management") {
			s++
		}
		if s == 0 || s > prev {
			t.Errorf("%s out of order (score %d after %d)", q.Key, s, prev)
		}
		prev = s
	}
	if got := b.ForCompetencies([]string{"no-such"}, 3); len(got) != 0 {
		t.Errorf("unknown key matched %d", len(got))
	}
	if got := b.ForCompetencies(nil, 3); len(got) != 0 {
		t.Errorf("nil keys matched %d", len(got))
	}
}
