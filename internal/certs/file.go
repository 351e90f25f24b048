package certs

import (
	"time"

	"github.com/ladderhq/ladder"
)

// The file format. These types carry the YAML tags so the domain types in
// package ladder stay free of them. Sources are declared once at the top of
// the file and referred to by id, so one page read once backs many facts.
type fileCatalog struct {
	Version        string     `yaml:"version"`
	Sources        []fileSrc  `yaml:"sources"`
	Certifications []fileCert `yaml:"certifications"`
}

type fileSrc struct {
	ID         string `yaml:"id"`
	Name       string `yaml:"name"`
	URL        string `yaml:"url"`
	Checked    string `yaml:"checked"`
	SecondHand bool   `yaml:"second_hand"`
}

type fileCert struct {
	Key           string      `yaml:"key"`
	Name          string      `yaml:"name"`
	Abbrev        string      `yaml:"abbrev"`
	Issuer        string      `yaml:"issuer"`
	Shows         string      `yaml:"shows"`
	Link          fileLink    `yaml:"link"`
	Prerequisites filePrereq  `yaml:"prerequisites"`
	Exam          fileExam    `yaml:"exam"`
	Cost          fileCost    `yaml:"cost"`
	StudyHours    fileStudy   `yaml:"study_hours"`
	Renewal       fileRenewal `yaml:"renewal"`
	Competencies  []string    `yaml:"competencies"`
	Roles         []string    `yaml:"roles"`
	Supersedes    []string    `yaml:"supersedes"`
}

type fileLink struct {
	URL     string `yaml:"url"`
	Checked string `yaml:"checked"`
	Note    string `yaml:"note"`
}

// sourced is the part every fact section shares.
type sourced struct {
	Sources     []string `yaml:"sources"`
	Unconfirmed []string `yaml:"unconfirmed"`
}

type filePrereq struct {
	Summary    string        `yaml:"summary"`
	Education  string        `yaml:"education"`
	Training   fileTraining  `yaml:"training"`
	Held       []string      `yaml:"held"`
	Experience []fileExpRule `yaml:"experience"`
	sourced    `yaml:",inline"`
}

type fileTraining struct {
	Hours       float64  `yaml:"hours"`
	Kinds       []string `yaml:"kinds"`
	Describe    string   `yaml:"describe"`
	Substitutes []string `yaml:"substitutes"`
}

type fileExpRule struct {
	Kinds            []string     `yaml:"kinds"`
	Describe         string       `yaml:"describe"`
	Months           float64      `yaml:"months"`
	MonthsWithDegree float64      `yaml:"months_with_degree"`
	WithinMonths     int          `yaml:"within_months"`
	Domains          []fileDomain `yaml:"domains"`
	MinDomains       int          `yaml:"min_domains"`
	DomainSet        string       `yaml:"domain_set"`
	WaiverMonths     float64      `yaml:"waiver_months"`
	WaiverByDegree   bool         `yaml:"waiver_by_degree"`
	WaiverCerts      []string     `yaml:"waiver_certs"`
	IfShort          string       `yaml:"if_short"`
}

type fileDomain struct {
	Key  string `yaml:"key"`
	Name string `yaml:"name"`
}

type fileExam struct {
	Questions    int    `yaml:"questions"`
	QuestionsMax int    `yaml:"questions_max"`
	Minutes      int    `yaml:"minutes"`
	PassMark     string `yaml:"pass_mark"`
	Format       string `yaml:"format"`
	sourced      `yaml:",inline"`
}

type fileCost struct {
	Min      float64 `yaml:"min"`
	Max      float64 `yaml:"max"`
	Currency string  `yaml:"currency"`
	Covers   string  `yaml:"covers"`
	sourced  `yaml:",inline"`
}

type fileStudy struct {
	Min     float64 `yaml:"min"`
	Max     float64 `yaml:"max"`
	Note    string  `yaml:"note"`
	sourced `yaml:",inline"`
}

type fileRenewal struct {
	Summary     string  `yaml:"summary"`
	EveryMonths int     `yaml:"every_months"`
	Units       float64 `yaml:"units"`
	UnitName    string  `yaml:"unit_name"`
	sourced     `yaml:",inline"`
}

const dateLayout = "2006-01-02"

// date parses a checked date; the validator has already rejected bad ones.
func date(s string) time.Time {
	t, _ := time.Parse(dateLayout, s)
	return t
}

// toDomain converts a validated file. srcs maps source ids to sources.
func toDomain(f *fileCert, srcs map[string]ladder.Source) ladder.Certification {
	res := func(ids []string) []ladder.Source {
		var out []ladder.Source
		for _, id := range ids {
			out = append(out, srcs[id])
		}
		return out
	}
	p := f.Prerequisites
	c := ladder.Certification{
		Key:    f.Key,
		Name:   f.Name,
		Abbrev: f.Abbrev,
		Issuer: f.Issuer,
		Shows:  f.Shows,
		Link:   ladder.Link{URL: f.Link.URL, Checked: date(f.Link.Checked), Note: f.Link.Note},
		Prerequisites: ladder.Prerequisites{
			Summary:   p.Summary,
			Education: ladder.Degree(p.Education),
			Training: ladder.TrainingRequirement{
				Hours: p.Training.Hours, Kinds: p.Training.Kinds,
				Describe: p.Training.Describe, Substitutes: p.Training.Substitutes,
			},
			Held:        p.Held,
			Sources:     res(p.Sources),
			Unconfirmed: p.Unconfirmed,
		},
		Exam: ladder.Exam{
			Questions: f.Exam.Questions, QuestionsMax: f.Exam.QuestionsMax, Minutes: f.Exam.Minutes,
			PassMark: f.Exam.PassMark, Format: f.Exam.Format,
			Sources: res(f.Exam.Sources), Unconfirmed: f.Exam.Unconfirmed,
		},
		Cost: ladder.Cost{
			Min: f.Cost.Min, Max: f.Cost.Max, Currency: f.Cost.Currency, Covers: f.Cost.Covers,
			Sources: res(f.Cost.Sources), Unconfirmed: f.Cost.Unconfirmed,
		},
		StudyHours: ladder.StudyHours{
			Min: f.StudyHours.Min, Max: f.StudyHours.Max, Note: f.StudyHours.Note,
			Sources: res(f.StudyHours.Sources), Unconfirmed: f.StudyHours.Unconfirmed,
		},
		Renewal: ladder.Renewal{
			Summary: f.Renewal.Summary, EveryMonths: f.Renewal.EveryMonths,
			Units: f.Renewal.Units, UnitName: f.Renewal.UnitName,
			Sources: res(f.Renewal.Sources), Unconfirmed: f.Renewal.Unconfirmed,
		},
		Competencies: f.Competencies,
		Roles:        f.Roles,
		Supersedes:   f.Supersedes,
	}
	for _, r := range p.Experience {
		er := ladder.ExperienceRequirement{
			Kinds: r.Kinds, Describe: r.Describe, Months: r.Months, MonthsWithDegree: r.MonthsWithDegree,
			WithinMonths: r.WithinMonths, MinDomains: r.MinDomains, DomainSet: r.DomainSet,
			WaiverMonths: r.WaiverMonths, WaiverByDegree: r.WaiverByDegree, WaiverCerts: r.WaiverCerts,
			IfShort: r.IfShort,
		}
		for _, d := range r.Domains {
			er.Domains = append(er.Domains, ladder.Domain{Key: d.Key, Name: d.Name})
		}
		c.Prerequisites.Experience = append(c.Prerequisites.Experience, er)
	}
	return c
}
