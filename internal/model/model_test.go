package model

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
)

func TestDefault(t *testing.T) {
	m, err := Parse("model.yaml", defaultYAML)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Areas) < 8 {
		t.Errorf("%d areas, want at least 8", len(m.Areas))
	}
	comps := m.Competencies()
	if len(comps) < 35 {
		t.Errorf("%d competencies, want at least 35", len(comps))
	}
	var start, target int
	for _, r := range m.Roles {
		switch r.Kind {
		case ladder.RoleStart:
			start++
		case ladder.RoleTarget:
			target++
			if len(r.Requirements) != len(comps) {
				t.Errorf("target role %s lists %d of %d competencies", r.Slug, len(r.Requirements), len(comps))
			}
		}
		if r.ONETCode == "" {
			t.Errorf("role %s has no O*NET code", r.Slug)
		}
	}
	if start < 8 || target < 5 {
		t.Errorf("%d start and %d target roles, want at least 8 and 5", start, target)
	}
	// Every competency must be reachable from O*NET so a start occupation
	// gives a prior for each.
	reached := map[string]bool{}
	for _, l := range m.ONETMap {
		for _, c := range l.Competencies {
			reached[c.Key] = true
		}
	}
	for _, c := range comps {
		if !reached[c.Key] {
			t.Errorf("competency %s is not reached by the O*NET map", c.Key)
		}
	}
}

// C1 names these; the model must keep covering them.
func TestDefaultJSONInSync(t *testing.T) {
	fromYAML, err := Parse("model.yaml", defaultYAML)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(fromYAML, Default()); diff != "" {
		t.Errorf("data/model.json is stale: run go generate ./internal/model (-yaml +json):\n%s", diff)
	}
}

func TestDefaultCoversProduct(t *testing.T) {
	m := Default()
	for _, k := range []string{"delegation", "motivating-teams", "conflict-resolution", "developing-people",
		"building-trust", "team-dynamics", "technical-translation", "negotiation", "clear-instructions",
		"stakeholder-communication", "executive-presentation", "self-awareness", "self-regulation", "empathy",
		"social-skills", "business-processes", "budgeting", "cost-benefit-analysis", "vendor-management",
		"it-business-value", "business-alignment", "strategic-planning", "innovation", "risk-management",
		"service-management", "policy-governance", "delivery-methods", "project-tooling", "scope-management",
		"resource-management", "schedule-management", "decisions-under-pressure", "problem-solving",
		"technical-credibility"} {
		if _, ok := m.Competency(k); !ok {
			t.Errorf("competency %s missing", k)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	for _, format := range []string{"yaml", "json"} {
		t.Run(format, func(t *testing.T) {
			b, err := Marshal(Default(), format)
			if err != nil {
				t.Fatal(err)
			}
			m, err := Parse("export."+format, b)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(Default(), m); diff != "" {
				t.Errorf("round trip changed the model (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	const head = "version: \"1\"\nname: Test\nlevel_names: {1: a, 2: b, 3: c, 4: d, 5: e}\n"
	const comp = "areas:\n  - key: lead\n    name: Lead\n    competencies:\n      - key: delegation\n        name: Delegation\n        description: Handing work over.\n        levels: {1: a, 2: b, 3: c, 4: d, 5: e}\n"
	tests := []struct {
		name string
		in   string
		want []string // substrings of the error
	}{
		{"ErrSyntax", "version: [", []string{"x.yaml:", "line 1"}},
		{"ErrEmpty", "", []string{"empty"}},
		{"ErrUnknownField", head + "colour: red\n", []string{"line 4", "colour"}},
		{"ErrMissingLevel", head + strings.Replace(comp, ", 5: e}", "}", 1),
			[]string{"x.yaml:11: areas[0].competencies[0].levels: level 5 is missing"}},
		{"ErrBadLevelKey", head + strings.Replace(comp, "5: e", "6: e", 1), []string{"line 11", "level \"6\""}},
		{"ErrDuplicateKey", head + comp + "      - key: delegation\n        name: D\n        description: x\n        levels: {1: a, 2: b, 3: c, 4: d, 5: e}\n",
			[]string{"x.yaml:12: areas[0].competencies[1].key: \"delegation\" is used twice"}},
		{"ErrRequirement", head + comp + "roles:\n  - slug: boss\n    title: Boss\n    kind: target\n    onet_code: 11-3021\n    requirements:\n      - {competency: juggling, level: 7, importance: 0}\n",
			[]string{":16: roles[0].onet_code", ":18: roles[0].requirements[0].competency: unknown competency \"juggling\"",
				"roles[0].requirements[0].level: 7 is outside 1-5", "importance: 0 is outside 1-5"}},
		{"ErrBadKind", head + comp + "roles:\n  - {slug: x, title: X, kind: boss}\n", []string{":13: roles[0].kind"}},
		{"ErrWeight", head + comp + "onet_map:\n  - element: 2.B.5.d\n    name: M\n    competencies: [{key: delegation, weight: 2}]\n", []string{":15: onet_map[0].competencies[0].weight"}},
		{"ErrJSONType", `{"version": "1", "name": "x", "areas": 3}`, []string{"line 1", "cannot unmarshal"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Parse("x.yaml", []byte(tt.in))
			if err == nil {
				t.Fatalf("no error; model %+v", m)
			}
			if got := ladder.ErrorCode(err); got != ladder.EINVALID {
				t.Errorf("code %s, want %s", got, ladder.EINVALID)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q:\n%v", w, err)
				}
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add(defaultYAML[:2000])
	f.Add([]byte("version: \"1\"\nname: x\nlevel_names: {1: a}\nareas: []\n"))
	f.Add([]byte(`{"version":"1","areas":[{"key":"a","competencies":[{"key":"b","levels":{"1":"x"}}]}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Parse("fuzz", b)
		if err == nil {
			// A model that parses must survive a round trip unchanged.
			out, err := Marshal(m, "json")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := Parse("again", out); err != nil {
				t.Fatalf("re-parse of a valid model failed: %v", err)
			}
		} else if ladder.ErrorCode(err) != ladder.EINVALID {
			t.Fatalf("code %s", ladder.ErrorCode(err))
		}
	})
}
