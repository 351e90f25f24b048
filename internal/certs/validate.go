package certs

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
)

var (
	keyRE      = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	currencyRE = regexp.MustCompile(`^[A-Z]{3}$`)
	// confirmRE finds "confirm with X" or "confirm the fees with X".
	confirmRE = regexp.MustCompile(`(?i)\bconfirm\b.*\bwith\b`)
)

// experienceKinds are the Experience kinds the eligibility check knows;
// a rule naming another kind could never be met.
var experienceKinds = map[string]bool{
	ladder.ExperienceProjectLead:        true,
	ladder.ExperienceSecurity:           true,
	ladder.ExperienceSecurityManagement: true,
	ladder.ExperienceITGovernance:       true,
	ladder.ExperiencePMEducation:        true,
	ladder.ExperienceScrumCourse:        true,
}

// validator collects every problem in the catalogue, each naming the
// certification it belongs to, so one run shows them all.
type validator struct {
	comps    map[string]bool
	roles    map[string]bool
	sources  map[string]bool
	keys     map[string]bool
	problems []string
	entry    string // "certification \"pmp\"" while checking one
}

func (v *validator) add(path, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	switch {
	case v.entry != "" && path != "":
		msg = v.entry + ": " + path + ": " + msg
	case v.entry != "":
		msg = v.entry + ": " + msg
	case path != "":
		msg = path + ": " + msg
	}
	v.problems = append(v.problems, msg)
}

func (v *validator) text(path, s string, max int) {
	switch {
	case strings.TrimSpace(s) == "":
		v.add(path, "is required")
	case len(s) > max:
		v.add(path, "must be at most %d characters", max)
	}
}

func (v *validator) date(path, s string) {
	if s == "" {
		v.add(path, "the date checked is required")
		return
	}
	if _, err := time.Parse(dateLayout, s); err != nil {
		v.add(path, "%q is not a date (YYYY-MM-DD)", s)
	}
}

func (v *validator) url(path, s string, required bool) {
	switch {
	case s == "" && required:
		v.add(path, "is required")
	case s != "" && !strings.HasPrefix(s, "https://") && !strings.HasPrefix(s, "http://"):
		v.add(path, "%q is not a web address", s)
	}
}

func (v *validator) catalog(f *fileCatalog) {
	v.text("version", f.Version, 40)
	v.sources = map[string]bool{}
	for i, s := range f.Sources {
		p := fmt.Sprintf("sources[%d]", i)
		switch {
		case !keyRE.MatchString(s.ID):
			v.add(p+".id", "%q must be lower-case words joined by hyphens", s.ID)
		case v.sources[s.ID]:
			v.add(p+".id", "%q is used twice", s.ID)
		}
		v.sources[s.ID] = true
		if s.Name == "" && s.URL == "" {
			v.add(p, "source %q needs a name or a web address", s.ID)
		}
		v.url(p+".url", s.URL, false)
		v.date(p+".checked", s.Checked)
	}
	if len(f.Certifications) == 0 {
		v.add("certifications", "at least one certification is required")
	}
	v.keys = map[string]bool{}
	for _, c := range f.Certifications {
		v.keys[c.Key] = true
	}
	seen := map[string]bool{}
	for i, c := range f.Certifications {
		v.entry = fmt.Sprintf("certification %q", c.Key)
		if c.Key == "" {
			v.entry = fmt.Sprintf("certifications[%d]", i)
		}
		v.cert(&c, seen)
	}
	v.entry = ""
}

func (v *validator) cert(c *fileCert, seen map[string]bool) {
	switch {
	case !keyRE.MatchString(c.Key):
		v.add("key", "%q must be lower-case words joined by hyphens", c.Key)
	case seen[c.Key]:
		v.add("key", "is used twice")
	}
	seen[c.Key] = true
	v.text("name", c.Name, 200)
	v.text("abbrev", c.Abbrev, 40)
	v.text("issuer", c.Issuer, 200)
	v.text("shows", c.Shows, 600)
	v.url("link.url", c.Link.URL, true)
	v.date("link.checked", c.Link.Checked)
	v.prereq(&c.Prerequisites)
	v.exam(&c.Exam)
	v.cost(&c.Cost)
	v.study(&c.StudyHours)
	v.text("renewal.summary", c.Renewal.Summary, 600)
	v.sourced("renewal", c.Renewal.sourced, c.Renewal.Summary == "")
	if len(c.Competencies) == 0 {
		v.add("competencies", "at least one competency is required")
	}
	for i, k := range c.Competencies {
		if !v.comps[k] {
			v.add(fmt.Sprintf("competencies[%d]", i), "unknown competency %q", k)
		}
	}
	if len(c.Roles) == 0 {
		v.add("roles", "at least one target role is required")
	}
	for i, r := range c.Roles {
		if !v.roles[r] {
			v.add(fmt.Sprintf("roles[%d]", i), "unknown target role %q", r)
		}
	}
	for i, k := range c.Supersedes {
		v.certKey(fmt.Sprintf("supersedes[%d]", i), k, c.Key)
	}
}

// sourced checks that a section names its sources and flags what it could
// not confirm. gap says the section left a fact empty.
func (v *validator) sourced(path string, s sourced, gap bool) {
	if len(s.Sources) == 0 {
		v.add(path+".sources", "every fact needs a source")
	}
	for i, id := range s.Sources {
		if !v.sources[id] {
			v.add(fmt.Sprintf("%s.sources[%d]", path, i), "unknown source %q", id)
		}
	}
	for i, u := range s.Unconfirmed {
		if !confirmRE.MatchString(u) {
			v.add(fmt.Sprintf("%s.unconfirmed[%d]", path, i), "must tell the reader whom to confirm with")
		}
	}
	if gap && len(s.Unconfirmed) == 0 {
		v.add(path+".unconfirmed", "a fact is left empty: say so and whom to confirm with")
	}
}

func (v *validator) certKey(path, k, self string) {
	switch {
	case !v.keys[k]:
		v.add(path, "unknown certification %q", k)
	case k == self:
		v.add(path, "a certification cannot refer to itself")
	}
}

func (v *validator) prereq(p *filePrereq) {
	v.text("prerequisites.summary", p.Summary, 600)
	v.sourced("prerequisites", p.sourced, false)
	switch p.Education {
	case "", string(ladder.DegreeNone), string(ladder.DegreeSecondary), string(ladder.DegreeBachelor):
	default:
		v.add("prerequisites.education", "%q must be none, secondary or bachelor", p.Education)
	}
	t := p.Training
	if t.Hours < 0 {
		v.add("prerequisites.training.hours", "must be zero or more")
	}
	if t.Hours > 0 {
		v.text("prerequisites.training.describe", t.Describe, 200)
		v.kinds("prerequisites.training.kinds", t.Kinds)
	}
	for i, k := range t.Substitutes {
		v.certKey(fmt.Sprintf("prerequisites.training.substitutes[%d]", i), k, "")
	}
	for i, k := range p.Held {
		v.certKey(fmt.Sprintf("prerequisites.held[%d]", i), k, "")
	}
	for i, r := range p.Experience {
		v.rule(fmt.Sprintf("prerequisites.experience[%d]", i), &r)
	}
}

func (v *validator) kinds(path string, kinds []string) {
	if len(kinds) == 0 {
		v.add(path, "at least one kind is required")
	}
	for i, k := range kinds {
		if !experienceKinds[k] {
			v.add(fmt.Sprintf("%s[%d]", path, i), "unknown experience kind %q", k)
		}
	}
}

func (v *validator) rule(p string, r *fileExpRule) {
	v.kinds(p+".kinds", r.Kinds)
	v.text(p+".describe", r.Describe, 200)
	if r.Months <= 0 {
		v.add(p+".months", "must be more than zero")
	}
	if r.MonthsWithDegree < 0 || r.MonthsWithDegree > r.Months {
		v.add(p+".months_with_degree", "must be between zero and months")
	}
	if r.WithinMonths < 0 || (r.WithinMonths > 0 && float64(r.WithinMonths) < r.Months) {
		v.add(p+".within_months", "must be zero (whole career) or at least months")
	}
	if r.MinDomains < 0 || r.MinDomains > len(r.Domains) {
		v.add(p+".min_domains", "must be between zero and the number of domains")
	}
	if len(r.Domains) > 0 {
		v.text(p+".domain_set", r.DomainSet, 100)
	}
	for i, d := range r.Domains {
		if !keyRE.MatchString(d.Key) || d.Name == "" {
			v.add(fmt.Sprintf("%s.domains[%d]", p, i), "needs a key and a name")
		}
	}
	if r.WaiverMonths < 0 || r.WaiverMonths >= r.Months {
		v.add(p+".waiver_months", "must be zero or less than months")
	}
	if r.WaiverMonths > 0 && !r.WaiverByDegree && len(r.WaiverCerts) == 0 {
		v.add(p+".waiver_months", "say what grants the waiver (a degree or certifications)")
	}
	for i, k := range r.WaiverCerts {
		v.certKey(fmt.Sprintf("%s.waiver_certs[%d]", p, i), k, "")
	}
}

func (v *validator) exam(e *fileExam) {
	v.text("exam.format", e.Format, 400)
	if e.Questions < 0 || e.Minutes < 0 || (e.QuestionsMax != 0 && e.QuestionsMax < e.Questions) {
		v.add("exam", "questions and minutes must be zero (unknown) or more, and questions_max at least questions")
	}
	v.sourced("exam", e.sourced, e.Questions == 0 || e.Minutes == 0 || e.PassMark == "")
}

func (v *validator) cost(c *fileCost) {
	if c.Min < 0 || c.Max < c.Min {
		v.add("cost", "min must be zero or more and max at least min")
	}
	if c.Max > 0 {
		if !currencyRE.MatchString(c.Currency) {
			v.add("cost.currency", "%q is not a currency code such as USD", c.Currency)
		}
		v.text("cost.covers", c.Covers, 300)
	}
	v.sourced("cost", c.sourced, c.Max == 0)
}

func (v *validator) study(s *fileStudy) {
	if s.Min < 0 || s.Max < s.Min {
		v.add("study_hours", "min must be zero or more and max at least min")
	}
	v.sourced("study_hours", s.sourced, s.Max == 0)
}
