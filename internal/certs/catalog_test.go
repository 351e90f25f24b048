package certs

import (
	"strings"
	"testing"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/model"
)

// PRODUCT.md C8 names these; the catalogue must keep covering them.
var c8 = []string{
	"pmp", "capm", "csm", "psm-1", "itil-4-foundation", "itil-4-managing-professional",
	"itil-4-strategic-leader", "prince2-foundation", "prince2-practitioner", "comptia-project-plus",
	"cissp", "cism", "cgeit", "cobit-2019-foundation", "togaf-ea-foundation", "togaf-ea-practitioner",
}

func TestLoad(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range c8 {
		if _, ok := c.Find(k); !ok {
			t.Errorf("certification %s missing", k)
		}
	}
	for _, cert := range c.All() {
		sections := map[string][]ladder.Source{
			"prerequisites": cert.Prerequisites.Sources, "exam": cert.Exam.Sources, "cost": cert.Cost.Sources,
			"study_hours": cert.StudyHours.Sources, "renewal": cert.Renewal.Sources,
		}
		for name, srcs := range sections {
			if len(srcs) == 0 {
				t.Errorf("%s %s: no source", cert.Key, name)
			}
			for _, s := range srcs {
				if s.Checked.IsZero() || (s.URL == "" && s.Name == "") {
					t.Errorf("%s %s: source %q lacks a date or an address", cert.Key, name, s.ID)
				}
			}
		}
		if cert.Link.URL == "" || cert.Link.Checked.IsZero() {
			t.Errorf("%s: no official link with a date", cert.Key)
		}
	}
}

// The rules the eligibility check depends on must stay in the data.
func TestLoadRules(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	pmp, _ := c.Find("pmp")
	p := pmp.Prerequisites
	if p.Training.Hours != 35 || len(p.Training.Substitutes) != 1 || p.Training.Substitutes[0] != "capm" {
		t.Errorf("PMP training = %+v, want 35 hours or CAPM", p.Training)
	}
	if r := p.Experience[0]; r.Months != 60 || r.MonthsWithDegree != 36 || r.WithinMonths != 96 {
		t.Errorf("PMP experience = %+v, want 60/36 months within 96", r)
	}
	cissp, _ := c.Find("cissp")
	if r := cissp.Prerequisites.Experience[0]; r.Months != 60 || r.MinDomains != 2 || len(r.Domains) != 8 || r.WaiverMonths != 12 {
		t.Errorf("CISSP experience = %+v, want 60 months in 2 of 8 domains, 12 waivable", r)
	}
	csm, _ := c.Find("csm")
	if csm.Prerequisites.Training.Hours != 16 {
		t.Errorf("CSM course = %v hours, want 16", csm.Prerequisites.Training.Hours)
	}
}

const validYAML = `version: "1"
sources:
  - {id: s, name: Issuer page, url: "https://example.org/", checked: "2026-11-22"}
certifications:
  - key: x
    name: X certificate
    abbrev: X
    issuer: X body
    shows: Something useful.
    link: {url: "https://example.org/x", checked: "2026-11-22"}
    prerequisites:
      summary: Two years.
      training: {hours: 10, kinds: [pm-education], describe: courses, substitutes: [y]}
      experience:
        - {kinds: [project-lead], describe: leading projects, months: 24}
      sources: [s]
    exam: {questions: 10, minutes: 10, pass_mark: "5 of 10", format: Multiple choice., sources: [s]}
    cost: {min: 1, max: 2, currency: USD, covers: the exam, sources: [s]}
    study_hours: {min: 1, max: 2, sources: [s]}
    renewal: {summary: Never expires., sources: [s]}
    competencies: [delegation]
    roles: [team-lead]
  - key: y
    name: Y certificate
    abbrev: Y
    issuer: Y body
    shows: Something else.
    link: {url: "https://example.org/y", checked: "2026-11-22"}
    prerequisites: {summary: None., sources: [s]}
    exam: {questions: 10, minutes: 10, pass_mark: "5 of 10", format: Multiple choice., sources: [s]}
    cost: {min: 1, max: 2, currency: USD, covers: the exam, sources: [s]}
    study_hours: {min: 1, max: 2, sources: [s]}
    renewal: {summary: Never expires., sources: [s]}
    competencies: [delegation]
    roles: [cio]
`

func TestParse(t *testing.T) {
	m := model.Default()
	if _, err := Parse("ok.yaml", []byte(validYAML), m); err != nil {
		t.Fatalf("valid file rejected: %v", err)
	}
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"ErrUnknownCompetency", "competencies: [delegation]\n    roles: [team-lead]", "competencies: [juggling]\n    roles: [team-lead]",
			`certification "x": competencies[0]: unknown competency "juggling"`},
		{"ErrUnknownRole", "roles: [team-lead]", "roles: [astronaut]", `certification "x": roles[0]: unknown target role "astronaut"`},
		{"ErrStartRoleNotTarget", "roles: [team-lead]", "roles: [help-desk]", `certification "x": roles[0]: unknown target role "help-desk"`},
		{"ErrMissingSource", "exam: {questions: 10, minutes: 10, pass_mark: \"5 of 10\", format: Multiple choice., sources: [s]}\n    cost: {min: 1, max: 2, currency: USD, covers: the exam, sources: [s]}\n    study_hours: {min: 1, max: 2, sources: [s]}\n    renewal: {summary: Never expires., sources: [s]}\n    competencies: [delegation]\n    roles: [team-lead]",
			"exam: {questions: 10, minutes: 10, pass_mark: \"5 of 10\", format: Multiple choice.}\n    cost: {min: 1, max: 2, currency: USD, covers: the exam, sources: [s]}\n    study_hours: {min: 1, max: 2, sources: [s]}\n    renewal: {summary: Never expires., sources: [s]}\n    competencies: [delegation]\n    roles: [team-lead]",
			`certification "x": exam.sources: every fact needs a source`},
		{"ErrUnknownSource", "prerequisites: {summary: None., sources: [s]}", "prerequisites: {summary: None., sources: [nowhere]}",
			`certification "y": prerequisites.sources[0]: unknown source "nowhere"`},
		{"ErrSourceWithoutDate", `checked: "2026-11-22"}` + "\ncertifications:", "}\ncertifications:", `sources[0].checked: the date checked is required`},
		{"ErrBadDate", `checked: "2026-11-22"}` + "\ncertifications:", `checked: "22/11/2026"}` + "\ncertifications:", `sources[0].checked: "22/11/2026" is not a date`},
		{"ErrLinkWithoutDate", `link: {url: "https://example.org/y", checked: "2026-11-22"}`, `link: {url: "https://example.org/y"}`,
			`certification "y": link.checked: the date checked is required`},
		{"ErrEmptyFactNotFlagged", "cost: {min: 1, max: 2, currency: USD, covers: the exam, sources: [s]}\n    study_hours: {min: 1, max: 2, sources: [s]}\n    renewal: {summary: Never expires., sources: [s]}\n    competencies: [delegation]\n    roles: [cio]",
			"cost: {sources: [s]}\n    study_hours: {min: 1, max: 2, sources: [s]}\n    renewal: {summary: Never expires., sources: [s]}\n    competencies: [delegation]\n    roles: [cio]",
			`certification "y": cost.unconfirmed: a fact is left empty`},
		{"ErrUnconfirmedWithoutWhom", "cost: {min: 1, max: 2, currency: USD, covers: the exam, sources: [s]}\n    study_hours: {min: 1, max: 2, sources: [s]}\n    renewal: {summary: Never expires., sources: [s]}\n    competencies: [delegation]\n    roles: [cio]",
			"cost: {sources: [s], unconfirmed: [\"Price unknown.\"]}\n    study_hours: {min: 1, max: 2, sources: [s]}\n    renewal: {summary: Never expires., sources: [s]}\n    competencies: [delegation]\n    roles: [cio]",
			`certification "y": cost.unconfirmed[0]: must tell the reader whom to confirm with`},
		{"ErrUnknownSubstitute", "substitutes: [y]", "substitutes: [z]", `certification "x": prerequisites.training.substitutes[0]: unknown certification "z"`},
		{"ErrUnknownExperienceKind", "kinds: [project-lead]", "kinds: [golf]", `certification "x": prerequisites.experience[0].kinds[0]: unknown experience kind "golf"`},
		{"ErrDuplicateKey", "key: y", "key: x", `certification "x": key: is used twice`},
		{"ErrUnknownField", "abbrev: Y\n", "abbrev: Y\n    colour: blue\n", "field colour not found"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := strings.Replace(validYAML, tc.old, tc.new, 1)
			if data == validYAML {
				t.Fatalf("test case does not change the file")
			}
			_, err := Parse("bad.yaml", []byte(data), m)
			if code := ladder.ErrorCode(err); code != ladder.EINVALID {
				t.Fatalf("code %q (%v), want %q", code, err, ladder.EINVALID)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error\n%v\ndoes not contain %q", err, tc.want)
			}
		})
	}
}
